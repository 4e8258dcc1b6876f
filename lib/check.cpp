// lib/check.cpp - evaluating constraints against a graph, rounding-aware.
#include "tieout/check.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <tuple>
#include <unordered_map>

#include "decimal_internal.hpp"
#include "tieout/printed_figure.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

// Half a unit of the last printed digit: what round-to-nearest can hide.
Decimal half_unit(int decimals) {
  return Decimal(5).shifted(-(decimals + 1));
}

// A value written in the scale of `figure`'s table (thousands stay
// thousands), grouped in threes as filings print.
std::string in_scale_of(const StatementGraph& graph, FigureId figure, const Decimal& value) {
  PrintedFigure printed;
  printed.number = value.shifted(-exponent_of(graph.scale(figure))).normalized();
  printed.style.group_separator = ",";
  return printed.to_string();
}

std::string figure_phrase(const StatementGraph& graph, FigureId figure) {
  std::string text(graph.label(graph.line_item(figure)));
  text.append(" ").append(graph.text(figure)).append(" (").append(graph.where(figure)).append(")");
  return text;
}

std::string_view verdict_phrase(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass: return "ties exactly";
    case Verdict::rounding:
      return "ties within rounding: each figure stands for its value plus or minus half a unit "
             "of its last printed digit";
    case Verdict::fail: return "does not tie: the difference is more than rounding explains";
    case Verdict::incomplete: return "cannot be checked";
    case Verdict::info:
      return "is noted: the percentage rounds the other way from its own ratio so that the "
             "percentages of the total add up to 100%";
  }
  return "";
}

// Σ weight·value and the interval Σ weight·interval of a linear expression.
struct Sum {
  Decimal points;
  Decimal tolerance;               // round to nearest: Σ |w|·h
  std::optional<Interval> bounds;  // truncation: the interval sum
  std::optional<FigureId> unreadable;

  /// The values the expression can take.
  Interval interval() const {
    return bounds ? *bounds : Interval::closed(points - tolerance, points + tolerance);
  }
};

template <class TermAt>
Sum evaluate(const StatementGraph& graph, std::size_t count, TermAt term_at,
             RoundingConvention convention) {
  Sum sum;
  if (convention == RoundingConvention::truncation) sum.bounds = Interval(Decimal());
  for (std::size_t i = 0; i < count; ++i) {
    const auto [figure, weight] = term_at(i);
    const FigureState state = graph.state(figure);
    if (state == FigureState::unreadable) {
      sum.unreadable = figure;
      return sum;
    }
    if (state == FigureState::nil) continue;  // stated as nothing: exactly zero
    const Decimal value = *graph.value(figure);
    sum.points += weight * value;
    if (convention == RoundingConvention::round_to_nearest) {
      sum.tolerance += weight.abs() * half_unit(graph.decimals(figure));
    } else {
      *sum.bounds = *sum.bounds + graph.interval(figure, convention)->scaled(weight);
    }
  }
  return sum;
}

// D = Σ w·v and T = Σ |w|·h of a linear row in integers at one scale (the
// finest of the values' scales and the half-units' places), when every weight
// is a small integer and every value a small coefficient: the common case,
// a pass over the graph's arrays with no Decimal arithmetic. Nothing when a
// term needs the general path (which also reports unreadable figures).
struct IntegerSum {
  detail::int128_t difference = 0;
  detail::int128_t tolerance = 0;
  int scale = 0;
};

std::optional<IntegerSum> integer_sum(const ConstraintSet& constraints, ConstraintId id) {
  constexpr std::int64_t max_weight = std::int64_t{1} << 20;
  const StatementGraph& graph = constraints.graph();
  const auto figures = constraints.figures(id);
  const auto weights = constraints.weight_coefficients(id);
  const auto weight_scales = constraints.weight_scales(id);
  const auto coefficients = graph.values().coefficients();
  const auto scales = graph.values().scales();
  const auto decimals = graph.all_decimals();
  const auto states = graph.states();
  IntegerSum sum;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const std::uint32_t f = figures[i].index();
    if (weight_scales[i] != 0 || weights[i] > max_weight || weights[i] < -max_weight) {
      return std::nullopt;
    }
    if (states[f] == FigureState::unreadable) return std::nullopt;
    if (states[f] == FigureState::nil) continue;
    if (scales[f] & DecimalArray::big_marker) return std::nullopt;
    sum.scale = std::max({sum.scale, static_cast<int>(scales[f]), decimals[f] + 1});
  }
  if (sum.scale > 18) return std::nullopt;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const std::uint32_t f = figures[i].index();
    if (states[f] == FigureState::nil) continue;
    const int half_unit_places = sum.scale - decimals[f] - 1;
    std::int64_t aligned = 0;
    if (half_unit_places > 17 ||
        __builtin_mul_overflow(coefficients[f], detail::pow10_int64[sum.scale - scales[f]],
                               &aligned)) {
      return std::nullopt;
    }
    const std::int64_t magnitude = weights[i] < 0 ? -weights[i] : weights[i];
    sum.difference += static_cast<detail::int128_t>(weights[i]) * aligned;
    sum.tolerance +=
        static_cast<detail::int128_t>(magnitude) * 5 * detail::pow10_int64[half_unit_places];
  }
  return sum;
}

// The linear constraint's two sides in words, with what the side that is
// computed comes to: Σ parts for a footing, converted x rate for a
// conversion (from D = first - rest, the rest is first - D).
std::string describe_linear(const ConstraintSet& constraints, ConstraintId id,
                            const Decimal& difference) {
  const StatementGraph& graph = constraints.graph();
  const auto figures = constraints.figures(id);
  const auto value_of = [&](FigureId figure) { return graph.value(figure).value_or(Decimal()); };
  std::string text;
  switch (constraints.kind(id)) {
    case ConstraintKind::conversion:
      return text.append(figure_phrase(graph, figures[0]))
          .append(" x ")
          .append(constraints.weight(id, 0).to_string())
          .append(" = ")
          .append(in_scale_of(graph, figures[1], value_of(figures[1]) + difference))
          .append(" against ")
          .append(figure_phrase(graph, figures[1]));
    case ConstraintKind::equality:
      return text.append(figure_phrase(graph, figures[0]))
          .append(" against ")
          .append(figure_phrase(graph, figures[1]));
    default: break;
  }
  text.append(figure_phrase(graph, figures[0])).append(" against");
  for (std::size_t i = 1; i < figures.size(); ++i) {
    const Decimal weight = -constraints.weight(id, i);
    text.append(" ").append(weight.signum() < 0 ? "- " : i == 1 ? "" : "+ ");
    if (weight.abs() != Decimal(1)) text.append(weight.abs().to_string()).append(" x ");
    text.append(figure_phrase(graph, figures[i]));
  }
  return text.append(" = ").append(
      in_scale_of(graph, figures[0], value_of(figures[0]) - difference));
}

// What every linear result gets, however its sums were computed: the rule
// for duplicated facts and the explanation.
void finish_linear(const ConstraintSet& constraints, ConstraintId id, const CheckOptions& options,
                   CheckResult& result) {
  const StatementGraph& graph = constraints.graph();
  const auto figures = constraints.figures(id);
  // The same fact printed twice to the same precision must be printed the
  // same (XBRL Calculations 1.1 on duplicate facts); only figures printed to
  // different precisions may differ within their rounding.
  if (constraints.kind(id) == ConstraintKind::equality && result.verdict == Verdict::rounding &&
      graph.state(figures[0]) == graph.state(figures[1]) &&
      graph.decimals(figures[0]) == graph.decimals(figures[1])) {
    result.verdict = Verdict::fail;
  }
  if (options.explain) {
    const FigureId first = figures[0];
    result.explanation = std::string(name_of(constraints.kind(id)))
                             .append(": ")
                             .append(describe_linear(constraints, id, result.difference))
                             .append("; difference ")
                             .append(in_scale_of(graph, first, result.difference))
                             .append(", tolerance ")
                             .append(in_scale_of(graph, first, result.tolerance))
                             .append(": ")
                             .append(verdict_phrase(result.verdict));
  }
}

CheckResult check_linear(const ConstraintSet& constraints, ConstraintId id,
                         const CheckOptions& options) {
  const StatementGraph& graph = constraints.graph();
  const auto figures = constraints.figures(id);
  CheckResult result;
  result.constraint = id;
  const auto integers = options.convention == RoundingConvention::round_to_nearest
                            ? integer_sum(constraints, id)
                            : std::nullopt;
  if (integers) {
    const detail::int128_t magnitude =
        integers->difference < 0 ? -integers->difference : integers->difference;
    result.difference = detail::DecimalAccess::make(integers->difference, integers->scale);
    result.tolerance = detail::DecimalAccess::make(integers->tolerance, integers->scale);
    result.verdict = magnitude == 0                     ? Verdict::pass
                     : magnitude <= integers->tolerance ? Verdict::rounding
                                                        : Verdict::fail;
    finish_linear(constraints, id, options, result);
    return result;
  }
  const Sum sum = evaluate(
      graph, figures.size(),
      [&](std::size_t i) {
        return std::pair{figures[i], constraints.weight(id, i)};
      },
      options.convention);
  if (sum.unreadable) {
    result.verdict = Verdict::incomplete;
    result.explanation = std::string(name_of(constraints.kind(id))) + ": " +
                         figure_phrase(graph, *sum.unreadable) + " is unreadable";
    return result;
  }
  result.difference = sum.points;
  if (options.convention == RoundingConvention::round_to_nearest) {
    result.tolerance = sum.tolerance;
    result.verdict = sum.points.is_zero()                ? Verdict::pass
                     : sum.points.abs() <= sum.tolerance ? Verdict::rounding
                                                         : Verdict::fail;
  } else {
    const Interval& bounds = *sum.bounds;
    result.tolerance = std::max(sum.points - bounds.lower(), bounds.upper() - sum.points);
    result.verdict = sum.points.is_zero()         ? Verdict::pass
                     : bounds.contains(Decimal()) ? Verdict::rounding
                                                  : Verdict::fail;
  }
  finish_linear(constraints, id, options, result);
  return result;
}

CheckResult check_ratio(const ConstraintSet& constraints, ConstraintId id,
                        const CheckOptions& options) {
  const StatementGraph& graph = constraints.graph();
  const ConstraintSet::Ratio& ratio = constraints.ratio(id);
  CheckResult result;
  result.constraint = id;
  const auto term_of = [](const LinearExpression& expression) {
    return [&expression](std::size_t i) {
      return std::pair{expression[i].figure, expression[i].weight};
    };
  };
  const Sum numerator =
      evaluate(graph, ratio.numerator.size(), term_of(ratio.numerator), options.convention);
  const Sum denominator =
      evaluate(graph, ratio.denominator.size(), term_of(ratio.denominator), options.convention);
  const auto unreadable = graph.state(ratio.ratio) == FigureState::unreadable
                              ? std::optional<FigureId>(ratio.ratio)
                          : numerator.unreadable ? numerator.unreadable
                                                 : denominator.unreadable;
  if (unreadable) {
    result.verdict = Verdict::incomplete;
    result.explanation = "ratio: " + figure_phrase(graph, *unreadable) + " is unreadable";
    return result;
  }
  const Interval numerator_bounds = numerator.interval().scaled(ratio.multiplier);
  const Interval denominator_bounds = denominator.interval();
  const Interval printed = *graph.interval(ratio.ratio, options.convention);
  const Decimal printed_value = graph.value(ratio.ratio).value_or(Decimal());
  if (denominator_bounds.contains(Decimal())) {
    result.verdict = Verdict::incomplete;
    result.explanation = "ratio: the denominator of " + figure_phrase(graph, ratio.ratio) +
                         " may be zero within rounding";
    return result;
  }
  const Decimal computed = divide(numerator.points * ratio.multiplier, denominator.points,
                                  options.ratio_scale, RoundingMode::half_even);
  const Interval possible = divide(numerator_bounds, denominator_bounds, options.ratio_scale);
  result.difference = printed_value - computed;
  result.tolerance = std::max(printed_value - printed.lower(), printed.upper() - printed_value) +
                     std::max(computed - possible.lower(), possible.upper() - computed);
  result.verdict = printed.contains(computed)   ? Verdict::pass
                   : printed.overlaps(possible) ? Verdict::rounding
                                                : Verdict::fail;
  if (options.explain) {
    std::string text = "ratio: " + figure_phrase(graph, ratio.ratio) + " against " +
                       ratio.multiplier.to_string() + " x (";
    for (std::size_t i = 0; i < ratio.numerator.size(); ++i) {
      if (i > 0) text.append(ratio.numerator[i].weight.signum() < 0 ? " - " : " + ");
      text.append(figure_phrase(graph, ratio.numerator[i].figure));
    }
    text.append(") / (");
    for (std::size_t i = 0; i < ratio.denominator.size(); ++i) {
      if (i > 0) text.append(ratio.denominator[i].weight.signum() < 0 ? " - " : " + ");
      text.append(figure_phrase(graph, ratio.denominator[i].figure));
    }
    text.append(") = ")
        .append(computed
                    .rescaled(std::min(options.ratio_scale, graph.decimals(ratio.ratio) + 3),
                              RoundingMode::half_even)
                    .to_string())
        .append(", within rounding ")
        .append(possible.to_string())
        .append("; printed ")
        .append(printed.to_string())
        .append(": ")
        .append(verdict_phrase(result.verdict));
    result.explanation = std::move(text);
  }
  return result;
}

bool holds(Verdict verdict) {
  return verdict == Verdict::pass || verdict == Verdict::rounding;
}

// The derived-column rule (see check.hpp): a failed conversion of a figure
// that is footed, or restated, from figures whose conversions hold.
class DerivedColumns {
 public:
  DerivedColumns(const ConstraintSet& constraints, std::vector<CheckResult>& results)
      : constraints_(constraints), results_(results) {
    for (std::uint32_t index = 0; index < constraints.size(); ++index) {
      const ConstraintId id(index);
      const FigureId first = constraints.figures(id)[0];
      switch (constraints.kind(id)) {
        // A roll-forward is a footing of the closing balance too.
        case ConstraintKind::footing:
        case ConstraintKind::roll_forward:
          for (const FigureId term : constraints.figures(id))
            footings_of_.emplace(term, id);
          break;
        case ConstraintKind::conversion: conversions_of_.emplace(first, id); break;
        case ConstraintKind::equality:
          equalities_of_.emplace(first, id);
          equalities_of_.emplace(constraints.figures(id)[1], id);
          break;
        default: break;
      }
    }
  }

  // Re-judges failed conversions until nothing changes; each pass can
  // settle one more level of subtotals.
  // Conversions that hold are settled before any is left pending on an
  // unreadable figure, so that one that holds is never reported pending.
  void apply(bool explain) {
    for (const Verdict settles : {Verdict::rounding, Verdict::incomplete}) {
      apply(settles, explain);
    }
  }

 private:
  void apply(Verdict settles, bool explain) {
    for (bool changed = true; changed;) {
      changed = false;
      for (CheckResult& result : results_) {
        if (result.verdict != Verdict::fail ||
            constraints_.kind(result.constraint) != ConstraintKind::conversion) {
          continue;
        }
        const auto derived = derivation(result.constraint);
        if (derived && (derived->verdict == settles || derived->verdict == Verdict::rounding)) {
          result.verdict = derived->verdict;
          if (explain) {
            result.explanation
                .append(derived->verdict == Verdict::rounding
                            ? "; it holds all the same: "
                            : "; it cannot be decided until an unreadable figure is read: ")
                .append(derived->reason);
          }
          changed = true;
        }
      }
    }
  }

  Verdict verdict(ConstraintId id) const { return results_[id.index()].verdict; }
  FigureId converted(ConstraintId conversion) const { return constraints_.figures(conversion)[0]; }
  FigureId amount(ConstraintId conversion) const { return constraints_.figures(conversion)[1]; }
  Decimal rate(ConstraintId conversion) const { return constraints_.weight(conversion, 0); }

  // Whether a conversion of `from` into `to` at `rate` holds.
  bool holding_conversion(FigureId to, FigureId from, const Decimal& at_rate) const {
    const auto [begin, end] = conversions_of_.equal_range(to);
    return std::any_of(begin, end, [&](const auto& entry) {
      return amount(entry.second) == from && rate(entry.second) == at_rate &&
             holds(verdict(entry.second));
    });
  }

  // How a failed conversion is judged again: rounding when it follows from
  // figures whose conversions hold, incomplete when it would but for a
  // figure that cannot be read.
  struct Derivation {
    Verdict verdict;
    std::string reason;
  };
  enum class Pairing { no, yes, pending };

  std::optional<Derivation> derivation(ConstraintId conversion) const {
    const StatementGraph& graph = constraints_.graph();
    const FigureId to = converted(conversion);
    const FigureId from = amount(conversion);
    const Decimal r = rate(conversion);
    // Footed from converted lines, or the line left over when the others
    // are: the converted column must foot exactly (it was added up from, or
    // balanced against, its printed figures), and every other figure of it
    // convert from its partner in a footing of the amounts that holds. A
    // converted total that foots only within rounding is neither converted
    // nor added up, and stays failed.
    std::optional<Derivation> pending;
    const auto [begin, end] = footings_of_.equal_range(to);
    for (auto it = begin; it != end; ++it) {
      const Verdict converted_footing = verdict(it->second);
      if (converted_footing != Verdict::pass && converted_footing != Verdict::incomplete) continue;
      if (beyond_accumulated_rounding(conversion, it->second)) continue;
      const auto [source_begin, source_end] = footings_of_.equal_range(from);
      for (auto source = source_begin; source != source_end; ++source) {
        const Verdict source_footing = verdict(source->second);
        if (!holds(source_footing) && source_footing != Verdict::incomplete) continue;
        const Pairing others = others_convert(it->second, source->second, to, from, r);
        if (others == Pairing::no) continue;
        const bool total = constraints_.figures(it->second)[0] == to;
        std::string reason =
            std::string(total ? "the converted figure is footed from converted lines: "
                              : "the converted figure balances a footing of converted "
                                "figures: ") +
            std::string(graph.text(to)) + (total ? " is the sum of " : " makes ") +
            other_locations(it->second, to) + (total ? "" : " foot") +
            ", each of which converts from its figure of " + graph.where(from) +
            "'s footing within rounding, and adding up rounded figures accumulates their "
            "rounding";
        if (others == Pairing::yes && converted_footing == Verdict::pass && holds(source_footing)) {
          return Derivation{Verdict::rounding, std::move(reason)};
        }
        if (!pending) pending = Derivation{Verdict::incomplete, std::move(reason)};
      }
    }
    // Restated from a figure whose conversion holds.
    const auto [equal_begin, equal_end] = equalities_of_.equal_range(to);
    for (auto it = equal_begin; it != equal_end; ++it) {
      if (verdict(it->second) != Verdict::pass) continue;
      const auto pair = constraints_.figures(it->second);
      const FigureId other = pair[0] == to ? pair[1] : pair[0];
      const auto [other_begin, other_end] = conversions_of_.equal_range(other);
      for (auto c = other_begin; c != other_end; ++c) {
        if (c->second != conversion && rate(c->second) == r && holds(verdict(c->second)) &&
            same_value(amount(c->second), from)) {
          return Derivation{Verdict::rounding,
                            "it restates " + graph.where(other) + ", whose conversion ties"};
        }
      }
    }
    return pending;
  }

  // Whether the conversion misses by more than adding up the converted
  // footing's rounded figures could: each of its n terms converts within
  // rate x h(converted) + h(amount), so a figure footed or balanced from the
  // others can stray from its own conversion by at most n times that. A
  // dash printed where 78,659 converts to 11,079 is no rounding, however
  // many of its neighbours are unreadable and leave the pairing pending.
  bool beyond_accumulated_rounding(ConstraintId conversion, ConstraintId converted_footing) const {
    const StatementGraph& graph = constraints_.graph();
    const FigureId to = converted(conversion);
    const FigureId from = amount(conversion);
    const auto half = [&](FigureId figure, FigureId stand_in) {
      const FigureId printed = graph.state(figure) == FigureState::value ? figure : stand_in;
      return graph.state(printed) == FigureState::value ? half_unit(graph.decimals(printed))
                                                        : Decimal();
    };
    const Decimal per_term = rate(conversion) * half(to, from) + half(from, from);
    const auto terms = static_cast<std::int64_t>(constraints_.figures(converted_footing).size());
    return results_[conversion.index()].difference.abs() > Decimal(terms) * per_term;
  }

  // Whether the terms of `converted_footing` other than `to` pair one to
  // one, role for role (total with total, parts weight for weight), with
  // the terms of `source_footing` other than `from`, which holds `to`'s
  // role: each converts from its partner at `rate` by a conversion that
  // holds, or both are nil.
  Pairing others_convert(ConstraintId converted_footing, ConstraintId source_footing, FigureId to,
                         FigureId from, const Decimal& rate) const {
    const StatementGraph& graph = constraints_.graph();
    const auto converted_terms = constraints_.figures(converted_footing);
    const auto source_terms = constraints_.figures(source_footing);
    if (converted_terms.size() != source_terms.size()) return Pairing::no;
    const auto role = [&](ConstraintId id, std::size_t term) {
      return term == 0 ? Decimal(0) : constraints_.weight(id, term);
    };
    const auto pairs = [&](std::size_t i, std::size_t j) {
      if ((i == 0) != (j == 0) || role(converted_footing, i) != role(source_footing, j)) {
        return Pairing::no;
      }
      const FigureId a = converted_terms[i], b = source_terms[j];
      const bool judged = a == to, source = b == from;
      if (judged || source) return judged && source ? Pairing::yes : Pairing::no;
      const bool both_nil =
          graph.state(a) == FigureState::nil && graph.state(b) == FigureState::nil;
      if (both_nil || holding_conversion(a, b, rate)) return Pairing::yes;
      return conversion_pending(a, b, rate) ? Pairing::pending : Pairing::no;
    };
    // Pairs that hold are taken first, so that a pending pair never stands
    // in for one that holds.
    Pairing result = Pairing::yes;
    std::vector<bool> paired(source_terms.size(), false), matched(converted_terms.size(), false);
    for (const Pairing wanted : {Pairing::yes, Pairing::pending}) {
      for (std::size_t i = 0; i < converted_terms.size(); ++i) {
        for (std::size_t j = 0; j < source_terms.size() && !matched[i]; ++j) {
          if (paired[j] || pairs(i, j) != wanted) continue;
          matched[i] = paired[j] = true;
          if (wanted == Pairing::pending) result = Pairing::pending;
        }
      }
    }
    return std::all_of(matched.begin(), matched.end(), [](bool m) { return m; }) ? result
                                                                                 : Pairing::no;
  }

  // Whether the conversion of `from` into `to` at `rate` waits on a figure
  // that cannot be read.
  bool conversion_pending(FigureId to, FigureId from, const Decimal& at_rate) const {
    const auto [begin, end] = conversions_of_.equal_range(to);
    return std::any_of(begin, end, [&](const auto& entry) {
      return amount(entry.second) == from && rate(entry.second) == at_rate &&
             verdict(entry.second) == Verdict::incomplete;
    });
  }

  // "file:line:column" of each term of a constraint but `except`.
  std::string other_locations(ConstraintId id, FigureId except) const {
    std::string text;
    for (const FigureId figure : constraints_.figures(id)) {
      if (figure == except) continue;
      text.append(text.empty() ? "" : ", ").append(constraints_.graph().where(figure));
    }
    return text;
  }

  bool same_value(FigureId a, FigureId b) const {
    const StatementGraph& graph = constraints_.graph();
    return a == b || (graph.value(a) && graph.value(b) && *graph.value(a) == *graph.value(b) &&
                      graph.unit(a) == graph.unit(b) && graph.period(a) == graph.period(b));
  }

  const ConstraintSet& constraints_;
  std::vector<CheckResult>& results_;
  std::unordered_multimap<FigureId, ConstraintId> footings_of_;  // by any term
  std::unordered_multimap<FigureId, ConstraintId> conversions_of_;
  std::unordered_multimap<FigureId, ConstraintId> equalities_of_;
};

// The adjusted-percentage rule (see check.hpp).
void note_adjusted_percentages(const ConstraintSet& constraints, std::vector<CheckResult>& results,
                               bool explain) {
  const StatementGraph& graph = constraints.graph();
  const auto is_candidate = [&](const CheckResult& result) {
    if (result.verdict != Verdict::fail ||
        constraints.kind(result.constraint) != ConstraintKind::ratio) {
      return false;
    }
    const FigureId percentage = constraints.ratio(result.constraint).ratio;
    return graph.unit(percentage).kind() == UnitKind::percent &&
           result.difference.abs() < Decimal(1).shifted(-graph.decimals(percentage));
  };
  if (std::none_of(results.begin(), results.end(), is_candidate)) return;
  std::unordered_multimap<FigureId, ConstraintId> footings_of_part;
  for (std::uint32_t index = 0; index < constraints.size(); ++index) {
    const ConstraintId id(index);
    if (constraints.kind(id) != ConstraintKind::footing) continue;
    const auto figures = constraints.figures(id);
    for (std::size_t i = 1; i < figures.size(); ++i)
      footings_of_part.emplace(figures[i], id);
  }
  for (CheckResult& result : results) {
    if (!is_candidate(result)) continue;
    const FigureId percentage = constraints.ratio(result.constraint).ratio;
    const auto [begin, end] = footings_of_part.equal_range(percentage);
    for (auto it = begin; it != end; ++it) {
      const FigureId total = constraints.figures(it->second)[0];
      if (results[it->second.index()].verdict == Verdict::pass &&
          graph.value(total) == Decimal(100)) {
        result.verdict = Verdict::info;
        if (explain) {
          result.explanation.append("; it ")
              .append(verdict_phrase(Verdict::info))
              .append(" (")
              .append(graph.where(total))
              .append(")");
        }
        break;
      }
    }
  }
}

// The rule for facts that changed between documents (see check.hpp).
void judge_changes_between_documents(const ConstraintSet& constraints,
                                     std::vector<CheckResult>& results, bool explain) {
  const StatementGraph& graph = constraints.graph();
  const auto document_of = [&](FigureId f) {
    return graph.document(graph.table(graph.line_item(f)));
  };
  const auto across = [&](const CheckResult& r) {
    if (constraints.kind(r.constraint) != ConstraintKind::equality) return false;
    const auto pair = constraints.figures(r.constraint);
    return document_of(pair[0]) != document_of(pair[1]);
  };
  const auto changed = [&](const CheckResult& r) {
    return r.verdict == Verdict::fail && across(r);
  };
  if (std::none_of(results.begin(), results.end(), changed)) return;
  // One pass over the checks across documents tallies, per pair of
  // documents and period, the totals both state and how many agree; a
  // failing total counts against its own period, so judging in any order
  // gives the same answer.
  using Key = std::tuple<DocumentId, DocumentId, std::string>;
  const auto key_of = [&](std::span<const FigureId> pair) {
    const auto documents = std::minmax({document_of(pair[0]), document_of(pair[1])});
    return Key{documents.first, documents.second, graph.period(pair[0]).to_string()};
  };
  std::map<Key, std::pair<std::size_t, std::size_t>> totals_of;  // (shared, agreeing)
  for (const CheckResult& other : results) {
    if (!across(other)) continue;
    const auto figures = constraints.figures(other.constraint);
    if (!graph.key(graph.line_item(figures[0])).starts_with("total")) continue;
    auto& [shared, agreeing] = totals_of[key_of(figures)];
    ++shared;
    if (holds(other.verdict)) ++agreeing;
  }
  for (CheckResult& result : results) {
    if (!changed(result)) continue;
    const auto pair = constraints.figures(result.constraint);
    const Period& period = graph.period(pair[0]);
    const auto tally = totals_of.find(key_of(pair));
    const std::size_t totals = tally == totals_of.end() ? 0 : tally->second.first;
    const std::size_t totals_agree = tally == totals_of.end() ? 0 : tally->second.second;
    const bool reclassified = totals > 0 && totals == totals_agree;
    if (reclassified) result.verdict = Verdict::info;
    if (explain) {
      result.explanation.append(reclassified ? "; a reclassification: all " : "; a restatement: ")
          .append(reclassified ? std::to_string(totals) + " totals of " + period.to_string() +
                                     " the two documents share agree"
                  : totals == 0
                      ? "the documents share no total of " + period.to_string() +
                            " to show otherwise"
                      : std::to_string(totals - totals_agree) + " of " + std::to_string(totals) +
                            " totals of " + period.to_string() + " differ too");
    }
  }
}

}  // namespace

std::string_view name_of(Verdict verdict) noexcept {
  switch (verdict) {
    case Verdict::pass: return "pass";
    case Verdict::rounding: return "rounding";
    case Verdict::fail: return "fail";
    case Verdict::incomplete: return "incomplete";
    case Verdict::info: return "info";
  }
  return "";
}

std::size_t CheckReport::count(Verdict verdict) const {
  return static_cast<std::size_t>(std::count_if(
      results.begin(), results.end(), [&](const CheckResult& r) { return r.verdict == verdict; }));
}

std::vector<const CheckResult*> CheckReport::with(Verdict verdict) const {
  std::vector<const CheckResult*> found;
  for (const CheckResult& result : results) {
    if (result.verdict == verdict) found.push_back(&result);
  }
  return found;
}

CheckResult check_one(const ConstraintSet& constraints, ConstraintId id,
                      const CheckOptions& options) {
  return constraints.kind(id) == ConstraintKind::ratio ? check_ratio(constraints, id, options)
                                                       : check_linear(constraints, id, options);
}

CheckReport check(const ConstraintSet& constraints, const CheckOptions& options) {
  CheckReport report;
  report.results.reserve(constraints.size());
  for (std::uint32_t index = 0; index < constraints.size(); ++index) {
    report.results.push_back(check_one(constraints, ConstraintId(index), options));
  }
  // The rule's indexes cost more than a whole check of a large graph; build
  // them only when there is a failed conversion to re-judge.
  const bool failed_conversion =
      std::any_of(report.results.begin(), report.results.end(), [&](const CheckResult& r) {
        return r.verdict == Verdict::fail &&
               constraints.kind(r.constraint) == ConstraintKind::conversion;
      });
  if (failed_conversion) DerivedColumns(constraints, report.results).apply(options.explain);
  note_adjusted_percentages(constraints, report.results, options.explain);
  judge_changes_between_documents(constraints, report.results, options.explain);
  return report;
}

TIEOUT_END_NAMESPACE
