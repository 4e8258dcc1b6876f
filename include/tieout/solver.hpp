// tieout/solver.hpp - which figure is wrong, what it should be, what is
// missing, and what nothing verifies.
//
// The checks say which constraints fail; the solver says why. Failed checks
// that share figures form one component (two independent errors in two
// tables are two components), and each component is explained on its own:
// the smallest set of figures whose change makes every failed check of the
// component hold within rounding while every check that held still holds,
// with the corrected value of each at its printed precision. A figure's
// value is chosen within the bounds its checks leave it (a ratio bounds its
// numerator and denominator too, so a share count is read back from its
// earnings per share), preferring the value that makes most of its checks
// hold exactly (a filing's totals are added up from its printed lines),
// then a typical slip of the printed figure; a number of shares is never
// negative. Explanations are ranked by how many figures they change, then
// by how many checks that passed exactly they leave holding only within
// rounding, then by how plausible the changes are as slips (one digit
// changed, two adjacent digits transposed, a sign flipped, a digit dropped
// or doubled as OCR does); explanations that tie are all given rank 1 and
// none is unique. Every explanation is confirmed by re-running the checks of
// the tables it touches with the corrected values, so the rules of
// check.hpp (derived columns, percentages adjusted to 100%) apply to
// candidates exactly as to the printed figures. Conversions that held only
// as derived columns usually fail because a footing they lean on broke
// elsewhere: they are explained by the other components' answers first,
// and their own explanation is never unique while another component has no
// single answer.
//
// Unreadable figures are unknowns: the linear constraints determine some of
// them exactly (rational arithmetic, no floating point), and the others are
// left free with the reason. A dash where the constraints require a value
// is filled the same way. Constraints that force a figure printed non-zero
// to be zero whatever the other values are a contradiction in the rules,
// reported as such and not blamed on a figure.
//
// Coverage counts, for each figure, the independent checks that bear on it:
// the rank of the linear constraints it is a term of, plus its ratios. A
// figure with coverage 1 (one footing alone) can often be exchanged for a
// neighbour in explaining a slip; from 2 up, a single slip is pinned down.
//
// Related: check.hpp (what is explained), report.hpp (where it is shown).
// Stability: experimental.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tieout/check.hpp"
#include "tieout/constraint.hpp"
#include "tieout/decimal.hpp"
#include "tieout/graph.hpp"
#include "tieout/id.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// How a printed figure differs from the value the solver proposes, from the
/// most plausible slip to none at all.
enum class Slip : std::uint8_t {
  digit = 0,          ///< one digit changed (43,227 printed 43,287)
  transposition = 1,  ///< two adjacent digits swapped (43,227 printed 43,272)
  sign = 2,           ///< the sign flipped ((1,234) printed 1,234)
  ocr = 3,            ///< a digit dropped or doubled (43,227 printed 4,327 or 433,227)
  nil = 4,            ///< a dash printed where a value is expected
  other = 5,          ///< any other difference
};

/// "digit", "transposition", "sign", "ocr", "nil", "other".
std::string_view name_of(Slip slip) noexcept;

/// What a printed figure and a proposed value have in common: the slip that
/// turns `proposed` into `printed`, both integers at the same precision
/// (coefficients of the last printed digit). `printed_nil` for a dash.
Slip classify_slip(const Decimal& printed, const Decimal& proposed, bool printed_nil = false);

/// A figure that one explanation changes.
struct Suspect {
  FigureId figure;  ///< the figure that would change
  /// The value it should have, in units like StatementGraph::value(), at the
  /// figure's printed precision.
  Decimal proposed;
  /// The proposed value as the figure would be printed ("43,227").
  std::string text;
  /// 1 for the best explanations of its component, 2 for the next best, ...
  int rank = 1;
  /// True when this explanation is the only one of its rank in its component
  /// (only ever for rank 1): it is the answer, not one of several.
  bool unique = false;
  /// How the printed figure differs from `proposed`: a typical slip makes
  /// an explanation more plausible.
  Slip slip = Slip::other;
  /// The failed checks the explanation makes hold: every failed check of its
  /// component.
  std::vector<ConstraintId> explains;
  /// The other figures the same explanation changes (empty for one figure).
  std::vector<FigureId> with;
  /// Index of the component (group of failed checks sharing figures) in the
  /// order solve() found them.
  std::size_t component = 0;
};

/// An unknown figure (unreadable, or a dash where a value is required) that
/// the constraints determine.
struct Filled {
  FigureId figure;  ///< the unreadable figure or the dash
  /// The value the constraints give, in units, at the precision of the
  /// figures that determine it (exact when it falls on that precision).
  Decimal value;
  /// The value as the figure would be printed.
  std::string text;
  /// True when the constraints computed the value exactly at that precision,
  /// false when it was rounded to it.
  bool exact = true;
  /// The constraints it was computed from.
  std::vector<ConstraintId> from;
  /// True for a dash the constraints require a value for.
  bool was_nil = false;
};

/// An unreadable figure the constraints do not determine.
struct Free {
  FigureId figure;  ///< the unreadable figure
  /// Why not: no linear check bears on it, the checks leave it free, or the
  /// checks that would determine it disagree.
  std::string reason;
  /// Other unknowns it moves together with, when the checks tie them.
  std::vector<FigureId> tied;
};

/// Constraints that cannot all hold whatever the values: they force figures
/// printed non-zero to be zero. A wrong rule, not a wrong figure.
struct Contradiction {
  std::vector<ConstraintId> constraints;  ///< the checks that cannot all hold
  /// The figures the rules force to zero although they are printed non-zero.
  std::vector<FigureId> forced_zero;
  std::string reason;  ///< the contradiction in words, for the report
};

/// A component of failed checks that no change of at most
/// SolveOptions::max_changes figures explains.
struct Unexplained {
  std::vector<ConstraintId> failed;  ///< the component's failed checks
  std::string reason;                ///< why no explanation was found, in words
};

/// Limits of the search.
struct SolveOptions {
  /// Explanations change at most this many figures.
  int max_changes = 2;
  /// At most this many explanations of a component are reported (all of
  /// rank 1 are, whatever this says).
  std::size_t max_explanations = 4;
  /// At most this many sets of figures are tried per component and size.
  std::size_t max_candidate_sets = 2000;
  /// Compute every figure's coverage and the unverified list.
  bool coverage = true;
  /// The checks' options: the rounding convention candidates are checked
  /// with.
  CheckOptions check;
};

/// Everything solve() found.
struct Solution {
  /// Suspects by component, then rank; the figures of one explanation
  /// together.
  std::vector<Suspect> suspects;
  std::vector<Filled> filled;                 ///< unknowns the checks determine
  std::vector<Free> free;                     ///< unknowns they leave open
  std::vector<Contradiction> contradictions;  ///< rules that cannot all hold
  std::vector<Unexplained> unexplained;       ///< failures no small change explains
  /// Per figure (indexed by FigureId): the number of independent checks
  /// that bear on it. Empty when SolveOptions::coverage is off.
  std::vector<std::uint32_t> coverage;
  /// Figures with a value that no check bears on: to be ticked by hand.
  std::vector<FigureId> unverified;
  /// How many components of failed checks there were.
  std::size_t components = 0;

  /// The rank-1 suspects. Like the pointers below, they point into this
  /// Solution: valid while it lives and is not changed.
  std::vector<const Suspect*> best() const;
  /// The suspect entries for `figure` (one per explanation that changes it).
  std::vector<const Suspect*> suspects_of(FigureId figure) const;
  /// The fill of `figure`, or null.
  const Filled* filled_of(FigureId figure) const;
};

/// Explains the failed checks of `report` (the result of check() on
/// `constraints`), fills the unknowns the constraints determine, and
/// computes coverage.
Solution solve(const ConstraintSet& constraints, const CheckReport& report,
               const SolveOptions& options = {});

TIEOUT_END_NAMESPACE
