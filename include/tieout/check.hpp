// tieout/check.hpp - evaluating constraints, rounding-aware.
//
// Every printed figure stands for an interval (interval.hpp). A constraint
// passes when the printed values satisfy it exactly, holds by rounding when
// it is satisfied only thanks to the intervals, and fails when no values in
// the intervals satisfy it. A linear constraint Σ w·x = 0 is evaluated as
// difference D = Σ w·v over the printed values and tolerance T = Σ |w|·h over
// the half-widths h of the intervals (XBRL Calculations 1.1: the weighted
// intervals' sum must contain zero); a ratio by interval division with
// outward rounding (as XBRL US DQC rule 0227 does for EPS).
//
// One rule goes beyond single constraints: a converted subtotal is often
// footed from converted lines rather than converted itself (US$ gross
// profit = US$ revenues − US$ cost). When a conversion fails but the
// converted figure is the total of a footing (or the closing balance of a
// roll-forward) that ties exactly (the column
// was added up from its printed lines), whose parts pair
// one to one with the parts of a footing of the amount by conversions that
// hold — or it restates, by an exact equality, a figure whose
// conversion from the same amount holds — the conversion holds by rounding
// and the result says why. It never excuses more than the footing's terms
// can accumulate: n x (rate x h + h) for n terms of half-unit h.
//
// And one for percentages of a total, which are often printed to add up to
// 100%: one of them then rounds the other way from its own ratio (3.545%
// printed 3% so that 12% + 3% + 6% + 79% = 100%). A failed percentage that
// is less than one printed unit from its computed ratio, and is a part of a
// footing of percentages that ties exactly to a total printed as 100%, is
// info, not fail.
//
// And one for facts stated in two documents (compare.hpp): a figure that
// changed is a reclassification, info, when every total of its period that
// both documents state still agrees; otherwise a restatement, and it fails.
//
// Related: constraint.hpp. Stability: stable.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tieout/constraint.hpp"
#include "tieout/decimal.hpp"
#include "tieout/graph.hpp"
#include "tieout/interval.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// How a check ended.
enum class Verdict : std::uint8_t {
  /// The printed values satisfy it exactly; for a ratio, the ratio computed
  /// from the printed figures rounds to the printed ratio.
  pass = 0,
  rounding = 1,    ///< satisfied only within the figures' rounding
  fail = 2,        ///< no values the figures stand for satisfy it
  incomplete = 3,  ///< a figure it needs is unreadable
  /// Consistent but notable: a percentage printed one unit from its own
  /// ratio so that the percentages of a total add up to 100%, or a figure
  /// reclassified between documents whose totals agree.
  info = 4,
};

/// "pass", "rounding", "fail", "incomplete", "info".
std::string_view name_of(Verdict verdict) noexcept;

/// The outcome of one constraint.
struct CheckResult {
  ConstraintId constraint;          ///< the constraint checked
  Verdict verdict = Verdict::pass;  ///< how the check ended
  /// How far the printed values are from satisfying it: Σ w·v for a linear
  /// constraint (in the units of its first figure); for a ratio, the printed
  /// ratio less the ratio computed from the printed values.
  Decimal difference;
  /// How much the rounding of the figures can absorb: Σ |w|·h for a linear
  /// constraint; for a ratio, the larger distance from the computed ratio to
  /// the ends of the interval it can take.
  Decimal tolerance;
  /// The arithmetic, in words: which figures, what they add up to, why it
  /// passes, rounds or fails.
  std::string explanation;
};

/// How to check: what the printed precision means, and how much to say.
struct CheckOptions {
  /// What every figure's printed precision stands for: rounded to nearest,
  /// as filings round, or truncated (the C ABI's TIEOUT_CHECK_TRUNCATION).
  RoundingConvention convention = RoundingConvention::round_to_nearest;
  /// Decimal places kept when dividing for ratios (rounded outward).
  int ratio_scale = 12;
  /// Write each result's explanation. Off for bulk checking, where only the
  /// verdicts and numbers are wanted.
  bool explain = true;
};

/// The results of checking every constraint of a set, in constraint order.
struct CheckReport {
  std::vector<CheckResult> results;  ///< indexed by ConstraintId

  /// How many results have this verdict: a pass over the results.
  std::size_t count(Verdict verdict) const;
  /// The results with this verdict, pointing into `results`: valid while
  /// the report lives and is not changed.
  std::vector<const CheckResult*> with(Verdict verdict) const;
};

/// Checks every constraint of `constraints` against its graph.
CheckReport check(const ConstraintSet& constraints, const CheckOptions& options = {});

/// Checks one constraint on its own (without the derived-column rule).
CheckResult check_one(const ConstraintSet& constraints, ConstraintId id,
                      const CheckOptions& options = {});

TIEOUT_END_NAMESPACE
