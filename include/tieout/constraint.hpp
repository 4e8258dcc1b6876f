// tieout/constraint.hpp - what must hold between the figures of a graph.
//
// Constraints are expressions over figure ids: they describe a relation and
// do not evaluate it (check.hpp does, and later the solver). Every kind but
// the ratio is linear, Σ weight·figure = 0, and is stored as such in
// compressed rows (one array of terms for all constraints), so a check is a
// pass over arrays:
//
//   footing       total = Σ parts                 (total − Σ parts = 0)
//   period sum    whole period = Σ sub-periods    (the sub-periods tile it)
//   roll-forward  closing = opening + Σ movements
//   conversion    converted × rate = amount       (US$ × 7.0176 = RMB)
//   equality      a = b                           (the same fact stated twice)
//   ratio         ratio = multiplier × numerator ÷ denominator, where
//                 numerator and denominator are linear (growth % is
//                 100 × (current − prior) ÷ prior)
//
// Builders check what they can against the graph: parts of a footing share
// the total's period and unit, sub-periods tile the whole, a roll-forward's
// opening and closing instants bound its movements' duration. A violation is
// a structural error in the rules and throws domain_error.
//
// Related: graph.hpp, check.hpp. Stability: stable.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "tieout/decimal.hpp"
#include "tieout/decimal_array.hpp"
#include "tieout/graph.hpp"
#include "tieout/id.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// What a constraint states; every kind but the ratio is linear.
enum class ConstraintKind : std::uint8_t {
  footing = 0,       ///< total = Σ parts
  period_sum = 1,    ///< whole period = Σ sub-periods
  roll_forward = 2,  ///< closing = opening + Σ movements
  conversion = 3,    ///< converted × rate = amount
  equality = 4,      ///< a = b, the same fact twice
  ratio = 5,         ///< ratio = multiplier × numerator ÷ denominator
};

/// "footing", "period sum", ...
std::string_view name_of(ConstraintKind kind) noexcept;

/// weight · figure.
struct Term {
  FigureId figure;  ///< the figure, whose value is taken as printed (signed)
  Decimal weight;   ///< -1 to subtract a part printed positive
};

/// A linear expression Σ weight·figure.
using LinearExpression = std::vector<Term>;

/// The constraints over one graph. The graph must outlive the set.
class ConstraintSet {
 public:
  /// An empty set over `graph`, which it borrows: the builders check every
  /// new constraint against the figures' periods and units there.
  explicit ConstraintSet(const StatementGraph& graph) : graph_(&graph) {}

  /// total = Σ parts. Parts printed negative (costs in parentheses) are
  /// added as printed. Parts must share the total's period and unit.
  ConstraintId add_footing(FigureId total, std::span<const FigureId> parts);
  /// total = Σ weight·part, for parts printed positive but subtracted.
  ConstraintId add_footing(FigureId total, std::span<const Term> parts);
  /// whole = Σ parts, where the parts' durations tile the whole's.
  ConstraintId add_period_sum(FigureId whole, std::span<const FigureId> parts);
  /// closing = opening + Σ movements: opening and closing are balances at
  /// instants; the movements are flows over the duration between them.
  ConstraintId add_roll_forward(FigureId closing, FigureId opening,
                                std::span<const FigureId> movements);
  /// converted × rate = amount: `converted` is `amount` translated at `rate`
  /// (US$ = RMB ÷ 7.0176 is add_conversion(usd, rmb, 7.0176); ADS × 15 =
  /// shares is add_conversion(ads, shares, 15)).
  ConstraintId add_conversion(FigureId converted, FigureId amount, const Decimal& rate);
  /// a = b: the same fact in two places.
  ConstraintId add_equality(FigureId a, FigureId b);
  /// ratio = multiplier × numerator ÷ denominator (multiplier 100 for a
  /// percentage, 1 for EPS or an n-fold).
  ConstraintId add_ratio(FigureId ratio, LinearExpression numerator, LinearExpression denominator,
                         const Decimal& multiplier);

  /// A copy without the constraints `dropped` (a rules file's "drop"); the
  /// others keep their order, under new ids.
  ConstraintSet without(std::span<const ConstraintId> dropped) const;

  /// How many constraints there are; ids run from 0 to size() - 1.
  std::size_t size() const noexcept { return kinds_.size(); }
  /// The graph whose figures the constraints are over.
  const StatementGraph& graph() const noexcept { return *graph_; }
  /// What constraint `id` states. Precondition, as below: an id of this set.
  ConstraintKind kind(ConstraintId id) const { return kinds_[id.index()]; }

  /// The terms of a linear constraint (Σ weight·figure = 0), in the order
  /// added: for a footing, the total (weight 1) then the parts (weight −1).
  /// For a ratio: the ratio figure alone (weight 1).
  std::span<const FigureId> figures(ConstraintId id) const;
  /// The weight of term `term` of constraint `id`.
  Decimal weight(ConstraintId id, std::size_t term) const;
  /// The weights of constraint `id`'s terms as a column, aligned with
  /// figures(id): coefficients and scale bytes as in DecimalArray.
  ///@{
  std::span<const std::int64_t> weight_coefficients(ConstraintId id) const;
  std::span<const std::uint8_t> weight_scales(ConstraintId id) const;
  ///@}
  /// The numerator, denominator and multiplier of a ratio constraint.
  struct Ratio {
    FigureId ratio;                ///< the printed ratio (a margin, EPS)
    LinearExpression numerator;    ///< what is divided (net loss)
    LinearExpression denominator;  ///< what it is divided by (shares)
    Decimal multiplier;            ///< 100 for a percentage, 1 for EPS
  };
  /// Precondition: kind(id) is ratio.
  const Ratio& ratio(ConstraintId id) const { return ratios_[ratio_index_[id.index()]]; }

  /// The constraints a figure takes part in, as a term of a linear
  /// constraint or anywhere in a ratio.
  std::vector<ConstraintId> constraints_of(FigureId figure) const;

  /// Every figure constraint `id` bears on, each once: the terms of a
  /// linear constraint; for a ratio, the ratio figure and the figures of its
  /// numerator and denominator. In the order of figures() and then the
  /// numerator's and the denominator's terms.
  std::vector<FigureId> bears_on(ConstraintId id) const;

 private:
  ConstraintId add_linear(ConstraintKind kind, std::span<const Term> terms);
  void require_same_unit(FigureId a, FigureId b, const char* what) const;
  void require_same_period(FigureId a, FigureId b, const char* what) const;

  const StatementGraph* graph_;
  std::vector<ConstraintKind> kinds_;
  // Compressed rows: constraint i's terms are [row_begin_[i], row_begin_[i+1]).
  std::vector<std::uint32_t> row_begin_ = {0};
  std::vector<FigureId> term_figures_;
  DecimalArray term_weights_;
  std::vector<std::uint32_t> ratio_index_;  // per constraint; meaningful for ratios
  std::vector<Ratio> ratios_;
};

TIEOUT_END_NAMESPACE
