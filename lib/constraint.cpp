// lib/constraint.cpp - building constraint rows, with structural checks.
#include "tieout/constraint.hpp"

#include <algorithm>

#include "tieout/error.hpp"

TIEOUT_BEGIN_NAMESPACE

std::string_view name_of(ConstraintKind kind) noexcept {
  switch (kind) {
    case ConstraintKind::footing: return "footing";
    case ConstraintKind::period_sum: return "period sum";
    case ConstraintKind::roll_forward: return "roll-forward";
    case ConstraintKind::conversion: return "conversion";
    case ConstraintKind::equality: return "equality";
    case ConstraintKind::ratio: return "ratio";
  }
  return "constraint";
}

void ConstraintSet::require_same_unit(FigureId a, FigureId b, const char* what) const {
  if (graph_->unit(a) != graph_->unit(b)) {
    throw domain_error(std::string(what) + ": " + graph_->describe(b) + " is in " +
                       graph_->unit(b).to_string() + ", not " + graph_->unit(a).to_string() +
                       " like " + graph_->describe(a));
  }
}

void ConstraintSet::require_same_period(FigureId a, FigureId b, const char* what) const {
  if (graph_->period(a) != graph_->period(b)) {
    throw domain_error(std::string(what) + ": " + graph_->describe(b) + " is for " +
                       graph_->period(b).to_string() + ", not " + graph_->period(a).to_string() +
                       " like " + graph_->describe(a));
  }
}

ConstraintId ConstraintSet::add_linear(ConstraintKind kind, std::span<const Term> terms) {
  const ConstraintId id(static_cast<std::uint32_t>(kinds_.size()));
  for (const Term& term : terms) {
    term_figures_.push_back(term.figure);
    term_weights_.push_back(term.weight);
  }
  kinds_.push_back(kind);
  row_begin_.push_back(static_cast<std::uint32_t>(term_figures_.size()));
  ratio_index_.push_back(0);
  return id;
}

ConstraintSet ConstraintSet::without(std::span<const ConstraintId> dropped) const {
  std::vector<bool> drop(size(), false);
  for (const ConstraintId id : dropped)
    drop.at(id.index()) = true;
  ConstraintSet kept(*graph_);
  for (std::uint32_t index = 0; index < size(); ++index) {
    if (drop[index]) continue;
    const ConstraintId id(index);
    std::vector<Term> terms;
    const auto terms_of = figures(id);
    for (std::size_t t = 0; t < terms_of.size(); ++t)
      terms.push_back({terms_of[t], weight(id, t)});
    const ConstraintId copy = kept.add_linear(kind(id), terms);
    if (kind(id) == ConstraintKind::ratio) {
      kept.ratio_index_[copy.index()] = static_cast<std::uint32_t>(kept.ratios_.size());
      kept.ratios_.push_back(ratio(id));
    }
  }
  return kept;
}

ConstraintId ConstraintSet::add_footing(FigureId total, std::span<const FigureId> parts) {
  std::vector<Term> weighted;
  for (const FigureId part : parts)
    weighted.push_back({part, Decimal(1)});
  return add_footing(total, weighted);
}

ConstraintId ConstraintSet::add_footing(FigureId total, std::span<const Term> parts) {
  std::vector<Term> terms = {{total, Decimal(1)}};
  for (const Term& part : parts) {
    require_same_unit(total, part.figure, "footing");
    require_same_period(total, part.figure, "footing");
    terms.push_back({part.figure, -part.weight});
  }
  return add_linear(ConstraintKind::footing, terms);
}

ConstraintId ConstraintSet::add_period_sum(FigureId whole, std::span<const FigureId> parts) {
  if (!graph_->period(whole).is_duration()) {
    throw domain_error("period sum: " + graph_->describe(whole) + " is a balance, not a flow");
  }
  std::vector<Duration> durations;
  std::vector<Term> terms = {{whole, Decimal(1)}};
  for (const FigureId part : parts) {
    require_same_unit(whole, part, "period sum");
    if (!graph_->period(part).is_duration()) {
      throw domain_error("period sum: " + graph_->describe(part) + " is a balance, not a flow");
    }
    durations.push_back(graph_->period(part).duration());
    terms.push_back({part, Decimal(-1)});
  }
  if (!tiles(durations, graph_->period(whole).duration())) {
    throw domain_error("period sum: the parts' periods do not tile " +
                       graph_->period(whole).to_string() + " of " + graph_->describe(whole));
  }
  return add_linear(ConstraintKind::period_sum, terms);
}

ConstraintId ConstraintSet::add_roll_forward(FigureId closing, FigureId opening,
                                             std::span<const FigureId> movements) {
  const Period& closing_period = graph_->period(closing);
  const Period& opening_period = graph_->period(opening);
  if (!closing_period.is_instant() || !opening_period.is_instant()) {
    throw domain_error("roll-forward: opening " + graph_->describe(opening) + " and closing " +
                       graph_->describe(closing) + " must be balances at instants");
  }
  require_same_unit(closing, opening, "roll-forward");
  std::vector<Term> terms = {{closing, Decimal(1)}, {opening, Decimal(-1)}};
  for (const FigureId movement : movements) {
    require_same_unit(closing, movement, "roll-forward");
    const Period& period = graph_->period(movement);
    if (!period.is_duration() || period.duration().opening() != opening_period.instant() ||
        period.duration().closing() != closing_period.instant()) {
      throw domain_error("roll-forward: " + graph_->describe(movement) + " is not a flow from " +
                         opening_period.to_string() + " to " + closing_period.to_string());
    }
    terms.push_back({movement, Decimal(-1)});
  }
  return add_linear(ConstraintKind::roll_forward, terms);
}

ConstraintId ConstraintSet::add_conversion(FigureId converted, FigureId amount,
                                           const Decimal& rate) {
  if (rate.signum() <= 0) throw domain_error("conversion: the rate must be positive");
  require_same_period(converted, amount, "conversion");
  const std::vector<Term> terms = {{converted, rate}, {amount, Decimal(-1)}};
  return add_linear(ConstraintKind::conversion, terms);
}

ConstraintId ConstraintSet::add_equality(FigureId a, FigureId b) {
  require_same_unit(a, b, "equality");
  require_same_period(a, b, "equality");
  const std::vector<Term> terms = {{a, Decimal(1)}, {b, Decimal(-1)}};
  return add_linear(ConstraintKind::equality, terms);
}

ConstraintId ConstraintSet::add_ratio(FigureId ratio, LinearExpression numerator,
                                      LinearExpression denominator, const Decimal& multiplier) {
  if (numerator.empty() || denominator.empty()) {
    throw domain_error("ratio: " + graph_->describe(ratio) +
                       " needs a numerator and a denominator");
  }
  const std::vector<Term> terms = {{ratio, Decimal(1)}};
  const ConstraintId id = add_linear(ConstraintKind::ratio, terms);
  ratio_index_.back() = static_cast<std::uint32_t>(ratios_.size());
  ratios_.push_back({ratio, std::move(numerator), std::move(denominator), multiplier});
  return id;
}

std::span<const FigureId> ConstraintSet::figures(ConstraintId id) const {
  const std::uint32_t begin = row_begin_[id.index()];
  return std::span<const FigureId>(term_figures_)
      .subspan(begin, row_begin_[id.index() + 1] - begin);
}

Decimal ConstraintSet::weight(ConstraintId id, std::size_t term) const {
  return term_weights_[row_begin_[id.index()] + term];
}

std::span<const std::int64_t> ConstraintSet::weight_coefficients(ConstraintId id) const {
  const std::uint32_t begin = row_begin_[id.index()];
  return term_weights_.coefficients().subspan(begin, row_begin_[id.index() + 1] - begin);
}

std::span<const std::uint8_t> ConstraintSet::weight_scales(ConstraintId id) const {
  const std::uint32_t begin = row_begin_[id.index()];
  return term_weights_.scales().subspan(begin, row_begin_[id.index() + 1] - begin);
}

std::vector<ConstraintId> ConstraintSet::constraints_of(FigureId figure) const {
  std::vector<ConstraintId> found;
  for (std::uint32_t index = 0; index < kinds_.size(); ++index) {
    const ConstraintId id(index);
    const std::vector<FigureId> involved = bears_on(id);
    if (std::find(involved.begin(), involved.end(), figure) != involved.end()) found.push_back(id);
  }
  return found;
}

std::vector<FigureId> ConstraintSet::bears_on(ConstraintId id) const {
  const auto row = figures(id);
  std::vector<FigureId> result(row.begin(), row.end());
  if (kind(id) == ConstraintKind::ratio) {
    const Ratio& r = ratio(id);
    for (const LinearExpression* side : {&r.numerator, &r.denominator}) {
      for (const Term& term : *side)
        result.push_back(term.figure);
    }
  }
  // A growth rate's prior figure is in its numerator and its denominator.
  std::vector<FigureId> unique;
  for (const FigureId figure : result) {
    if (std::find(unique.begin(), unique.end(), figure) == unique.end()) unique.push_back(figure);
  }
  return unique;
}

TIEOUT_END_NAMESPACE
