// lib/solver.cpp - explaining failed checks, filling unknowns, coverage.
//
// Decisions are exact: differences and tolerances are Decimals, the
// intervals a corrected figure may take are Boost rationals (a conversion
// divides by its rate), and the linear algebra (least squares for several
// changes, kernels for unknowns and contradictions) is Eigen over
// cpp_rational. Coverage ranks use fraction-free elimination in 128-bit
// integers, falling back to rationals when an entry would overflow.
#include "tieout/solver.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include <Eigen/Dense>
#include <boost/multiprecision/cpp_int.hpp>
#include <boost/multiprecision/eigen.hpp>

#include "decimal_internal.hpp"
#include "tieout/printed_figure.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

using BigInt = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::cpp_rational;
using RationalMatrix = Eigen::Matrix<Rational, Eigen::Dynamic, Eigen::Dynamic>;
using RationalVector = Eigen::Matrix<Rational, Eigen::Dynamic, 1>;

// ---- exact numbers ----

BigInt pow10(int exponent) {
  return boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(exponent));
}

BigInt coefficient_of(const Decimal& value) {
  return value.is_small() ? BigInt(value.small_coefficient()) : BigInt(value.coefficient_string());
}

Rational to_rational(const Decimal& value) {
  return Rational(coefficient_of(value), pow10(value.scale()));
}

// The value k x 10^-decimals as a Decimal (decimals may be negative).
Decimal decimal_at(const BigInt& k, int decimals) {
  const Decimal integer = Decimal::parse(k.str());
  return integer.shifted(-decimals);
}

// The integer k with k x 10^-decimals nearest q (half to even), or the one
// at or below (floor) or at or above (ceiling).
enum class Round { nearest, floor, ceiling };
BigInt integer_at(const Rational& q, int decimals, Round round) {
  Rational scaled = q;
  if (decimals >= 0) {
    scaled *= Rational(pow10(decimals));
  } else {
    scaled /= Rational(pow10(-decimals));
  }
  const BigInt n = boost::multiprecision::numerator(scaled);
  const BigInt d = boost::multiprecision::denominator(scaled);  // > 0
  BigInt quotient = n / d;                                      // toward zero
  const BigInt remainder = n - quotient * d;
  if (remainder == 0) return quotient;
  const BigInt floor = remainder < 0 ? quotient - 1 : quotient;
  switch (round) {
    case Round::floor: return floor;
    case Round::ceiling: return floor + 1;
    case Round::nearest: {
      const BigInt twice = 2 * (n - floor * d);  // in (0, 2d)
      if (twice < d) return floor;
      if (twice > d) return floor + 1;
      return (floor % 2 == 0) ? floor : floor + 1;
    }
  }
  return quotient;
}

// Half a unit of the last digit at `decimals`.
Decimal half_unit(int decimals) {
  return Decimal(5).shifted(-(decimals + 1));
}

// ---- slips ----

int cost_of(Slip slip) {
  switch (slip) {
    case Slip::digit:
    case Slip::transposition:
    case Slip::sign: return 1;
    case Slip::ocr:
    case Slip::nil: return 2;
    case Slip::other: return 3;
  }
  return 3;
}

// Integers one slip away from `printed` (a coefficient at the figure's last
// printed digit), with their slip.
std::vector<std::pair<BigInt, Slip>> slip_variants(const BigInt& printed) {
  std::vector<std::pair<BigInt, Slip>> variants;
  const bool negative = printed < 0;
  const std::string digits = (negative ? BigInt(-printed) : printed).str();
  const auto add = [&](const std::string& text, Slip slip) {
    if (text.empty() || (text.size() > 1 && text[0] == '0')) return;
    BigInt value(text);
    variants.emplace_back(negative ? BigInt(-value) : value, slip);
  };
  for (std::size_t i = 0; i < digits.size(); ++i) {
    for (char c = '0'; c <= '9'; ++c) {
      if (c == digits[i]) continue;
      std::string changed = digits;
      changed[i] = c;
      add(changed, Slip::digit);
    }
    if (i + 1 < digits.size() && digits[i] != digits[i + 1]) {
      std::string swapped = digits;
      std::swap(swapped[i], swapped[i + 1]);
      add(swapped, Slip::transposition);
    }
    if (digits.size() > 1) add(std::string(digits).erase(i, 1), Slip::ocr);
    add(std::string(digits).insert(i, 1, digits[i]), Slip::ocr);
  }
  if (printed != 0) variants.emplace_back(-printed, Slip::sign);
  return variants;
}

// ---- the problem ----

struct Change {
  FigureId figure;
  Decimal value;
  int decimals = 0;
};

struct Bounds {
  Rational lower;
  Rational upper;
};

std::optional<Bounds> intersect(const std::optional<Bounds>& a, const Bounds& b) {
  if (!a) return b;
  Bounds result{std::max(a->lower, b.lower), std::min(a->upper, b.upper)};
  if (result.lower > result.upper) return std::nullopt;
  return result;
}

bool holds(Verdict verdict) {
  return verdict == Verdict::pass || verdict == Verdict::rounding || verdict == Verdict::info;
}

// One explanation of a component: the changes and how plausible they are.
struct Explanation {
  std::vector<Change> changes;
  std::vector<Slip> slips;
  int cost = 0;
  std::size_t spoiled = 0;  // exact checks it leaves holding only within rounding

  // Fewest changes first, then those that keep exact checks exact, then the
  // most typical slips.
  std::tuple<std::size_t, std::size_t, int> rank_key() const {
    return {changes.size(), spoiled, cost};
  }
};

// The local constraints of a component rebuilt over a copy of the graph, so
// that candidates are judged by check() itself (derived columns, adjusted
// percentages and all).
class Scratch {
 public:
  Scratch(const ConstraintSet& original, StatementGraph& copy,
          const std::vector<ConstraintId>& local, const CheckOptions& options)
      : original_(original), graph_(copy), set_(copy), options_(options) {
    options_.explain = false;
    for (const ConstraintId id : local) {
      copy_constraint(id);
      ids_.push_back(id);
    }
    baseline_ = verdicts();
  }

  // Whether, with `changes` applied, every check of `failed` holds and
  // every local check that held still holds; if so, how many checks that
  // passed exactly then hold only within rounding (a filing's figures are
  // added up from its printed lines, so a change that spoils an exact check
  // is less likely to be the right one).
  std::optional<std::size_t> confirms(const std::vector<Change>& changes,
                                      const std::set<ConstraintId>& failed,
                                      const std::vector<std::string>& texts) {
    for (std::size_t i = 0; i < changes.size(); ++i)
      graph_.set_text(changes[i].figure, texts[i]);
    const std::vector<Verdict> after = verdicts();
    for (const Change& change : changes) {
      graph_.set_text(change.figure, original_.graph().text(change.figure));
    }
    std::size_t spoiled = 0;
    for (std::size_t i = 0; i < after.size(); ++i) {
      const bool must_hold = holds(baseline_[i]) || failed.contains(ids_[i]);
      if (must_hold && !holds(after[i]) && after[i] != Verdict::incomplete) return std::nullopt;
      if (must_hold && after[i] == Verdict::incomplete && baseline_[i] != Verdict::incomplete) {
        return std::nullopt;
      }
      if (baseline_[i] == Verdict::pass && after[i] != Verdict::pass) ++spoiled;
    }
    return spoiled;
  }

  // Whether the unknowns `changes` fill in leave no check failing that did
  // not fail before: the checks they complete hold, and the others hold as
  // they did (a check failing elsewhere in the table is not theirs).
  bool fills_hold(const std::vector<Change>& changes, const std::vector<std::string>& texts) {
    for (std::size_t i = 0; i < changes.size(); ++i)
      graph_.set_text(changes[i].figure, texts[i]);
    const std::vector<Verdict> after = verdicts();
    for (const Change& change : changes) {
      graph_.set_text(change.figure, original_.graph().text(change.figure));
    }
    for (std::size_t i = 0; i < after.size(); ++i) {
      if (after[i] == Verdict::fail && baseline_[i] != Verdict::fail) return false;
    }
    return true;
  }

 private:
  std::vector<Verdict> verdicts() {
    std::vector<Verdict> result;
    for (const CheckResult& r : check(set_, options_).results)
      result.push_back(r.verdict);
    return result;
  }

  void copy_constraint(ConstraintId id) {
    const auto figures = original_.figures(id);
    switch (original_.kind(id)) {
      case ConstraintKind::footing: {
        std::vector<Term> parts;
        for (std::size_t i = 1; i < figures.size(); ++i)
          parts.push_back({figures[i], -original_.weight(id, i)});
        set_.add_footing(figures[0], parts);
        return;
      }
      case ConstraintKind::period_sum: set_.add_period_sum(figures[0], figures.subspan(1)); return;
      case ConstraintKind::roll_forward:
        set_.add_roll_forward(figures[0], figures[1], figures.subspan(2));
        return;
      case ConstraintKind::conversion:
        set_.add_conversion(figures[0], figures[1], original_.weight(id, 0));
        return;
      case ConstraintKind::equality: set_.add_equality(figures[0], figures[1]); return;
      case ConstraintKind::ratio: {
        const auto& r = original_.ratio(id);
        set_.add_ratio(r.ratio, r.numerator, r.denominator, r.multiplier);
        return;
      }
    }
  }

  const ConstraintSet& original_;
  StatementGraph& graph_;
  ConstraintSet set_;
  CheckOptions options_;
  std::vector<ConstraintId> ids_;
  std::vector<Verdict> baseline_;
};

// Exact rank of integer rows by fraction-free (Bareiss) elimination; nothing
// when an intermediate product would overflow 128 bits.
std::optional<std::size_t> integer_rank(std::vector<std::vector<detail::int128_t>> rows) {
  if (rows.empty()) return 0;
  const std::size_t columns = rows[0].size();
  std::size_t rank = 0;
  detail::int128_t previous = 1;
  for (std::size_t column = 0; column < columns && rank < rows.size(); ++column) {
    std::size_t pivot = rank;
    while (pivot < rows.size() && rows[pivot][column] == 0)
      ++pivot;
    if (pivot == rows.size()) continue;
    std::swap(rows[pivot], rows[rank]);
    for (std::size_t r = rank + 1; r < rows.size(); ++r) {
      for (std::size_t c = column + 1; c < columns; ++c) {
        detail::int128_t a = 0, b = 0, difference = 0;
        if (__builtin_mul_overflow(rows[rank][column], rows[r][c], &a) ||
            __builtin_mul_overflow(rows[r][column], rows[rank][c], &b) ||
            __builtin_sub_overflow(a, b, &difference)) {
          return std::nullopt;
        }
        rows[r][c] = difference / previous;  // exact by Sylvester's identity
      }
      rows[r][column] = 0;
    }
    previous = rows[rank][column];
    ++rank;
  }
  return rank;
}

std::size_t rational_rank(const RationalMatrix& matrix) {
  if (matrix.rows() == 0 || matrix.cols() == 0) return 0;
  return static_cast<std::size_t>(Eigen::FullPivLU<RationalMatrix>(matrix).rank());
}

class Solver {
 public:
  Solver(const ConstraintSet& constraints, const CheckReport& report, const SolveOptions& options)
      : constraints_(constraints), graph_(constraints.graph()), report_(report), options_(options) {
    index();
  }

  // Failures are explained before unknowns are filled, so that a figure the
  // one best explanation corrects (a dash printed for 11,079) does not
  // make the checks that would determine its unreadable neighbours
  // disagree.
  Solution run() {
    Solution solution;
    if (options_.coverage) coverage(solution);
    explain(solution);
    fill(solution);
    return solution;
  }

 private:
  // ---- indexes ----

  void index() {
    const std::size_t n = graph_.figure_count();
    std::vector<std::uint32_t> counts(n + 1, 0);
    const auto each_figure = [&](ConstraintId id, auto&& visit) {
      for (const FigureId f : constraints_.figures(id))
        visit(f);
      if (constraints_.kind(id) == ConstraintKind::ratio) {
        const auto& r = constraints_.ratio(id);
        for (const Term& t : r.numerator)
          visit(t.figure);
        for (const Term& t : r.denominator)
          visit(t.figure);
      }
    };
    for (std::uint32_t c = 0; c < constraints_.size(); ++c) {
      each_figure(ConstraintId(c), [&](FigureId f) { ++counts[f.index() + 1]; });
    }
    std::partial_sum(counts.begin(), counts.end(), counts.begin());
    touch_begin_ = counts;
    touch_.resize(counts.back());
    for (std::uint32_t c = 0; c < constraints_.size(); ++c) {
      each_figure(ConstraintId(c), [&](FigureId f) {
        const std::uint32_t at = counts[f.index()]++;
        touch_[at] = ConstraintId(c);
      });
    }
    // A figure twice in one constraint (a growth rate's prior period) is
    // listed once.
    for (std::size_t f = 0; f < n; ++f) {
      const auto begin = touch_.begin() + touch_begin_[f];
      const auto end = touch_.begin() + touch_begin_[f + 1];
      const auto last = std::unique(begin, end);
      std::fill(last, end, ConstraintId());
    }
  }

  std::vector<ConstraintId> touching(FigureId f) const {
    std::vector<ConstraintId> result;
    for (std::uint32_t i = touch_begin_[f.index()]; i < touch_begin_[f.index() + 1]; ++i) {
      if (touch_[i].valid()) result.push_back(touch_[i]);
    }
    return result;
  }

  Verdict verdict(ConstraintId id) const { return report_.results[id.index()].verdict; }

  bool linear(ConstraintId id) const { return constraints_.kind(id) != ConstraintKind::ratio; }

  // ---- values with changes applied ----

  struct Value {
    Decimal value;
    int decimals = 0;
    FigureState state = FigureState::value;
  };

  Value value_of(FigureId f, const std::vector<Change>& changes) const {
    for (const Change& c : changes) {
      if (c.figure == f) return {c.value, c.decimals, FigureState::value};
    }
    const FigureState state = graph_.state(f);
    if (state != FigureState::value) return {Decimal(), 0, state};
    return {*graph_.value(f), graph_.decimals(f), state};
  }

  // The printed precision a figure without one (a dash, unreadable text)
  // would have: that of the figures of its unit it is checked with.
  int precision_of(FigureId f) const {
    if (graph_.state(f) == FigureState::value) return graph_.decimals(f);
    std::map<int, std::size_t> seen;
    for (const ConstraintId c : touching(f)) {
      for (const FigureId other : constraints_.bears_on(c)) {
        if (other != f && graph_.state(other) == FigureState::value &&
            graph_.unit(other) == graph_.unit(f) && graph_.scale(other) == graph_.scale(f)) {
          ++seen[graph_.decimals(other)];
        }
      }
    }
    if (seen.empty()) return -exponent_of(graph_.scale(f));
    return std::max_element(seen.begin(), seen.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
  }

  NegativeStyle negative_style_near(FigureId f) const {
    for (const ConstraintId c : touching(f)) {
      for (const FigureId other : constraints_.bears_on(c)) {
        const auto value = graph_.value(other);
        if (other == f || !value || value->signum() >= 0) continue;
        if (const auto parsed = PrintedFigure::try_parse(graph_.text(other))) {
          return parsed->style.negative;
        }
      }
    }
    return NegativeStyle::parentheses;
  }

  // The text a figure would be printed as with `value` at `decimals`: its own
  // style when it has one, the table's plain style otherwise.
  std::string text_for(FigureId f, const Decimal& value, int decimals) const {
    PrintedFigure printed;
    const auto parsed = PrintedFigure::try_parse(graph_.text(f));
    int exponent = exponent_of(graph_.scale(f));
    // An unreadable figure's text, even one that parses ("961.78" among
    // thousands), is no guide to how it is printed.
    if (parsed && !parsed->is_nil() && graph_.state(f) == FigureState::value) {
      printed = *parsed;
      exponent = parsed->number->scale() - graph_.decimals(f);
      // A figure printed positive has no negative style of its own: it takes
      // that of the negative figures it is checked with.
      if (value.signum() < 0 && parsed->number->signum() >= 0) {
        printed.style.negative = negative_style_near(f);
      }
    } else {
      printed.style.group_separator = ",";
      printed.style.negative = negative_style_near(f);
      if (graph_.unit(f).kind() == UnitKind::percent) printed.percent = true;
    }
    printed.style.zero_signed = false;
    const int places = std::max(0, decimals + exponent);
    printed.number = value.shifted(-exponent).rescaled(places, RoundingMode::half_even);
    return printed.to_string();
  }

  // D = Σ w·v and T = Σ |w|·h of a linear constraint; nothing when a figure
  // is unreadable.
  struct Sums {
    Decimal difference;
    Decimal tolerance;
  };
  std::optional<Sums> sums(ConstraintId id, const std::vector<Change>& changes,
                           std::optional<FigureId> except = std::nullopt) const {
    Sums s;
    const auto row = constraints_.figures(id);
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (except && row[i] == *except) continue;
      const Value v = value_of(row[i], changes);
      if (v.state == FigureState::unreadable) return std::nullopt;
      if (v.state == FigureState::nil) continue;
      const Decimal w = constraints_.weight(id, i);
      s.difference += w * v.value;
      s.tolerance += w.abs() * half_unit(v.decimals);
    }
    return s;
  }

  Decimal weight_of(ConstraintId id, FigureId f) const {
    Decimal w;
    const auto row = constraints_.figures(id);
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i] == f) w += constraints_.weight(id, i);
    }
    return w;
  }

  // Whether a check that holds may hold only by a rule of check.hpp beyond
  // its own arithmetic: a conversion of a footed or restated figure, or a
  // check judged info. Such checks guide the value but do not bind it.
  bool soft(ConstraintId id) const {
    if (verdict(id) == Verdict::info) return true;
    if (constraints_.kind(id) != ConstraintKind::conversion) return false;
    const FigureId converted = constraints_.figures(id)[0];
    for (const ConstraintId other : touching(converted)) {
      const ConstraintKind kind = constraints_.kind(other);
      if (kind == ConstraintKind::equality) return true;
      if ((kind == ConstraintKind::footing || kind == ConstraintKind::roll_forward) &&
          constraints_.figures(other)[0] == converted) {
        return true;
      }
    }
    return false;
  }

  // The values `f` may take at `decimals` for its linear checks to hold,
  // with `changes` applied to the other figures: bound by the binding
  // checks, and within that preferably by the soft ones too.
  struct Feasible {
    bool empty = false;
    std::optional<Bounds> binding;
    std::optional<Bounds> preferred;
  };
  Feasible feasible(FigureId f, int decimals, const std::vector<Change>& changes) const {
    Feasible result;
    std::optional<Bounds> soft_bounds;
    bool soft_empty = false;
    for (const ConstraintId c : touching(f)) {
      if (!linear(c)) {
        if (const auto bounds = ratio_bounds(c, f, decimals, changes)) {
          result.binding = intersect(result.binding, *bounds);
          if (!result.binding) {
            result.empty = true;
            return result;
          }
        }
        continue;
      }
      const Decimal w = weight_of(c, f);
      if (w.is_zero()) continue;
      const auto rest = sums(c, changes, f);
      if (!rest) continue;
      Decimal tolerance = rest->tolerance + w.abs() * half_unit(decimals);
      if (constraints_.kind(c) == ConstraintKind::equality) {
        const auto row = constraints_.figures(c);
        const FigureId other = row[0] == f ? row[1] : row[0];
        const Value v = value_of(other, changes);
        if (v.state == FigureState::value && v.decimals == decimals) tolerance = Decimal();
      }
      const Rational a = to_rational(-rest->difference - tolerance) / to_rational(w);
      const Rational b = to_rational(-rest->difference + tolerance) / to_rational(w);
      const Bounds bounds{std::min(a, b), std::max(a, b)};
      if (soft(c)) {
        if (!soft_empty) {
          soft_bounds = intersect(soft_bounds, bounds);
          soft_empty = !soft_bounds;
        }
        continue;
      }
      result.binding = intersect(result.binding, bounds);
      if (!result.binding) {
        result.empty = true;
        return result;
      }
    }
    if (!soft_empty && soft_bounds) {
      result.preferred = result.binding ? intersect(result.binding, *soft_bounds) : soft_bounds;
      if (!result.binding) result.binding = soft_bounds;
    }
    return result;
  }

  // The values `f` may take at `decimals` for ratio constraint `id` to hold:
  // for the ratio figure, those whose interval meets the ratio of the
  // intervals of its numerator and denominator; for a figure of the
  // numerator or the denominator, those that bring the ratio of the
  // intervals to meet the printed ratio's. Nothing when the ratio cannot
  // bound it (a figure on both sides, as a growth rate's prior period is, or
  // a quotient through zero).
  std::optional<Bounds> ratio_bounds(ConstraintId id, FigureId f, int decimals,
                                     const std::vector<Change>& changes) const {
    const auto& r = constraints_.ratio(id);
    using tieout::Interval;
    const auto interval_of = [&](FigureId figure) -> std::optional<Interval> {
      const Value v = value_of(figure, changes);
      if (v.state == FigureState::unreadable) return std::nullopt;
      if (v.state == FigureState::nil) return Interval(Decimal());
      return Interval::from_rounded(v.value, v.decimals);
    };
    // Σ weight·figure over `e`, leaving out `except`; its weight in `e`.
    const auto sum_of = [&](const LinearExpression& e, Decimal* weight) -> std::optional<Interval> {
      Interval sum(Decimal{});
      for (const Term& t : e) {
        if (t.figure == f) {
          *weight += t.weight;
          continue;
        }
        const auto term = interval_of(t.figure);
        if (!term) return std::nullopt;
        sum = sum + term->scaled(t.weight);
      }
      return sum;
    };
    Decimal in_numerator, in_denominator;
    const auto numerator = sum_of(r.numerator, &in_numerator);
    const auto denominator = sum_of(r.denominator, &in_denominator);
    if (!numerator || !denominator) return std::nullopt;
    const Rational h = to_rational(half_unit(decimals));
    const auto widened = [&](const Interval& needed) {
      return Bounds{to_rational(needed.lower()) - h, to_rational(needed.upper()) + h};
    };
    constexpr int places = 12;
    if (r.ratio == f) {
      if (!in_numerator.is_zero() || !in_denominator.is_zero() ||
          denominator->contains(Decimal())) {
        return std::nullopt;
      }
      return widened(divide(numerator->scaled(r.multiplier), *denominator, places));
    }
    if (!in_numerator.is_zero() && !in_denominator.is_zero()) return std::nullopt;
    const auto ratio = interval_of(r.ratio);
    if (!ratio || graph_.state(r.ratio) != FigureState::value) return std::nullopt;
    const Interval multiplier(r.multiplier);
    if (!in_numerator.is_zero()) {
      // multiplier x (w·f + rest) / denominator = ratio.
      const Interval needed = divide(*ratio * *denominator, multiplier, places);
      return widened(divide(needed - *numerator, Interval(in_numerator), places));
    }
    if (in_denominator.is_zero() || ratio->contains(Decimal())) return std::nullopt;
    // multiplier x numerator / (w·f + rest) = ratio.
    const Interval needed = divide(numerator->scaled(r.multiplier), *ratio, places);
    return widened(divide(needed - *denominator, Interval(in_denominator), places));
  }

  // How many of the linear checks on `f` hold exactly, with no rounding,
  // when `f` is `value` and `others` are applied.
  std::size_t exact_checks(FigureId f, const Decimal& value,
                           const std::vector<Change>& others) const {
    std::size_t exact = 0;
    for (const ConstraintId c : touching(f)) {
      if (!linear(c)) continue;
      const auto rest = sums(c, others, f);
      if (rest && (rest->difference + weight_of(c, f) * value).is_zero()) ++exact;
    }
    return exact;
  }

  // The values at `decimals` that make one linear check on `f` hold exactly.
  std::vector<BigInt> exact_solutions(FigureId f, int decimals,
                                      const std::vector<Change>& others) const {
    std::vector<BigInt> found;
    for (const ConstraintId c : touching(f)) {
      if (!linear(c)) continue;
      const Decimal w = weight_of(c, f);
      const auto rest = sums(c, others, f);
      if (w.is_zero() || !rest) continue;
      const Rational x = -to_rational(rest->difference) / to_rational(w);
      const BigInt k = integer_at(x, decimals, Round::nearest);
      if (to_rational(decimal_at(k, decimals)) == x) found.push_back(k);
    }
    return found;
  }

  // The most plausible value at `decimals` within the feasible bounds. A
  // filing's totals are added up from its printed lines, so a value that
  // makes more of its checks hold exactly is preferred; then a typical slip
  // of the printed figure over any other difference; then the value nearest
  // the middle of the bounds. Without a slip or an exact check in bounds,
  // the value nearest the middle.
  std::optional<std::pair<Decimal, Slip>> choose(FigureId f, int decimals, const Feasible& feasible,
                                                 const std::vector<Change>& others) const {
    if (feasible.empty || !feasible.binding) return std::nullopt;
    const bool nil = graph_.state(f) == FigureState::nil;
    const std::optional<BigInt> printed =
        nil ? std::nullopt
            : std::optional<BigInt>(
                  integer_at(to_rational(*graph_.value(f)), decimals, Round::nearest));
    const auto slip_of = [&](const BigInt& k) {
      return nil ? Slip::nil : classify_slip(*graph_.value(f), decimal_at(k, decimals));
    };
    std::vector<std::pair<BigInt, Slip>> candidates;
    if (printed) candidates = slip_variants(*printed);
    for (const BigInt& k : exact_solutions(f, decimals, others))
      candidates.emplace_back(k, slip_of(k));
    // A number of shares or ADSs is never negative.
    const UnitKind kind = graph_.unit(f).kind();
    if (kind == UnitKind::shares || kind == UnitKind::ads) {
      std::erase_if(candidates, [](const auto& candidate) { return candidate.first < 0; });
    }
    std::vector<const Bounds*> regions;
    if (feasible.preferred) regions.push_back(&*feasible.preferred);
    regions.push_back(&*feasible.binding);
    const auto grid = [&](const Bounds& region) {
      return std::pair{integer_at(region.lower, decimals, Round::ceiling),
                       integer_at(region.upper, decimals, Round::floor)};
    };
    const auto middle = [&](const Bounds& region) {
      Rational m = (region.lower + region.upper) / 2;
      if (decimals >= 0) {
        m *= Rational(pow10(decimals));
      } else {
        m /= Rational(pow10(-decimals));
      }
      return m;
    };
    // Within the binding bounds; exactness before the soft checks'
    // preference, which rounding alone may defeat.
    const auto [low, high] = grid(*feasible.binding);
    const std::optional<std::pair<BigInt, BigInt>> preferred =
        feasible.preferred ? std::optional(grid(*feasible.preferred)) : std::nullopt;
    const Rational m = middle(*regions.front());
    const std::pair<BigInt, Slip>* best = nullptr;
    std::tuple<std::size_t, bool, int, Rational> best_key;
    for (const auto& candidate : candidates) {
      if (candidate.first < low || candidate.first > high) continue;
      if (printed && candidate.first == *printed) continue;
      const bool in_preferred =
          preferred && candidate.first >= preferred->first && candidate.first <= preferred->second;
      const std::tuple<std::size_t, bool, int, Rational> key{
          exact_checks(f, decimal_at(candidate.first, decimals), others), in_preferred,
          -cost_of(candidate.second), -boost::multiprecision::abs(Rational(candidate.first) - m)};
      if (!best || key > best_key) {
        best = &candidate;
        best_key = key;
      }
    }
    if (best) return std::pair{decimal_at(best->first, decimals), best->second};
    for (const Bounds* region : regions) {
      const auto [region_low, region_high] = grid(*region);
      if (region_low > region_high) continue;
      BigInt k = integer_at(middle(*region) / Rational(1), 0, Round::nearest);
      k = std::clamp(k, region_low, region_high);
      if (printed && k == *printed) continue;  // no change is no explanation
      return std::pair{decimal_at(k, decimals), slip_of(k)};
    }
    return std::nullopt;
  }

  // ---- coverage ----

  void coverage(Solution& solution) const {
    const std::size_t n = graph_.figure_count();
    solution.coverage.assign(n, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
      const FigureId f(i);
      std::vector<ConstraintId> rows;
      std::uint32_t ratios = 0;
      for (const ConstraintId c : touching(f)) {
        if (verdict(c) == Verdict::incomplete) continue;
        if (linear(c)) {
          rows.push_back(c);
        } else {
          ++ratios;
        }
      }
      solution.coverage[i] = static_cast<std::uint32_t>(rank_of(rows)) + ratios;
      if (solution.coverage[i] == 0 && graph_.state(f) == FigureState::value) {
        solution.unverified.push_back(f);
      }
    }
  }

  std::size_t rank_of(const std::vector<ConstraintId>& rows) const {
    if (rows.size() <= 1) return rows.size();
    std::vector<FigureId> columns;
    for (const ConstraintId c : rows) {
      for (const FigureId f : constraints_.figures(c)) {
        if (std::find(columns.begin(), columns.end(), f) == columns.end()) columns.push_back(f);
      }
    }
    const auto column_of = [&](FigureId f) {
      return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), f) -
                                      columns.begin());
    };
    std::vector<std::vector<detail::int128_t>> integers;
    bool fits = true;
    for (const ConstraintId c : rows) {
      const auto coefficients = constraints_.weight_coefficients(c);
      const auto scales = constraints_.weight_scales(c);
      int finest = 0;
      for (std::size_t i = 0; i < scales.size(); ++i) {
        if (scales[i] & DecimalArray::big_marker) fits = false;
        finest = std::max(finest, static_cast<int>(scales[i] & ~DecimalArray::big_marker));
      }
      if (!fits || finest > 18) {
        fits = false;
        break;
      }
      std::vector<detail::int128_t> row(columns.size(), 0);
      const auto figures = constraints_.figures(c);
      for (std::size_t i = 0; i < figures.size(); ++i) {
        row[column_of(figures[i])] += static_cast<detail::int128_t>(coefficients[i]) *
                                      detail::pow10_int64[finest - scales[i]];
      }
      integers.push_back(std::move(row));
    }
    if (fits) {
      if (const auto rank = integer_rank(integers)) return *rank;
    }
    RationalMatrix matrix = RationalMatrix::Zero(static_cast<Eigen::Index>(rows.size()),
                                                 static_cast<Eigen::Index>(columns.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto figures = constraints_.figures(rows[r]);
      for (std::size_t i = 0; i < figures.size(); ++i) {
        matrix(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(column_of(figures[i]))) +=
            to_rational(constraints_.weight(rows[r], i));
      }
    }
    return rational_rank(matrix);
  }

  // ---- the scratch copy ----

  StatementGraph& scratch_graph() {
    if (!scratch_) scratch_ = std::make_unique<StatementGraph>(graph_);
    return *scratch_;
  }

  // The constraints within `depth` steps of `figures`.
  std::vector<ConstraintId> neighbourhood(const std::vector<FigureId>& figures, int depth) const {
    std::set<ConstraintId> found;
    std::set<FigureId> seen(figures.begin(), figures.end());
    std::vector<FigureId> frontier = figures;
    for (int step = 0; step < depth && !frontier.empty(); ++step) {
      std::vector<FigureId> next;
      for (const FigureId f : frontier) {
        for (const ConstraintId c : touching(f)) {
          if (!found.insert(c).second) continue;
          for (const FigureId g : constraints_.bears_on(c)) {
            if (seen.insert(g).second) next.push_back(g);
          }
        }
      }
      frontier = std::move(next);
    }
    return {found.begin(), found.end()};
  }

  // The constraints a change of `figures` is judged by: those within three
  // steps of them, and every constraint among the tables within two steps.
  // The rules of check.hpp look beyond one constraint, a converted subtotal
  // through its converted lines, level after level of a statement, so the
  // tables are taken whole.
  std::vector<ConstraintId> context(const std::vector<FigureId>& figures) const {
    const std::vector<ConstraintId> near = neighbourhood(figures, 2);
    std::set<TableId> tables;
    for (const ConstraintId c : near) {
      for (const FigureId f : constraints_.bears_on(c))
        tables.insert(graph_.table(graph_.line_item(f)));
    }
    std::set<ConstraintId> found;
    for (const ConstraintId c : neighbourhood(figures, 3))
      found.insert(c);
    for (std::uint32_t index = 0; index < constraints_.size(); ++index) {
      const ConstraintId c(index);
      const auto within = constraints_.bears_on(c);
      if (std::all_of(within.begin(), within.end(), [&](FigureId f) {
            return tables.contains(graph_.table(graph_.line_item(f)));
          })) {
        found.insert(c);
      }
    }
    return {found.begin(), found.end()};
  }

  // ---- fill ----

  void fill(Solution& solution) {
    std::vector<FigureId> unknowns;
    for (std::uint32_t i = 0; i < graph_.figure_count(); ++i) {
      if (graph_.state(FigureId(i)) == FigureState::unreadable) unknowns.push_back(FigureId(i));
    }
    if (unknowns.empty()) return;
    // Unknowns that share a linear check are solved together.
    std::map<FigureId, std::size_t> group_of;
    std::vector<std::vector<FigureId>> groups;
    for (const FigureId u : unknowns) {
      if (group_of.contains(u)) continue;
      std::vector<FigureId> group = {u};
      group_of[u] = groups.size();
      for (std::size_t next = 0; next < group.size(); ++next) {
        for (const ConstraintId c : touching(group[next])) {
          if (!linear(c)) continue;
          for (const FigureId g : constraints_.figures(c)) {
            if (graph_.state(g) == FigureState::unreadable && !group_of.contains(g)) {
              group_of[g] = groups.size();
              group.push_back(g);
            }
          }
        }
      }
      std::sort(group.begin(), group.end());
      groups.push_back(std::move(group));
    }
    // The corrections that are the one best explanation of their failure.
    std::vector<Change> corrections;
    for (const Suspect& s : solution.suspects) {
      if (s.unique) corrections.push_back({s.figure, s.proposed, precision_of(s.figure)});
    }
    for (const auto& group : groups)
      fill_group(group, corrections, solution);
  }

  void fill_group(const std::vector<FigureId>& group, const std::vector<Change>& corrections,
                  Solution& solution) {
    std::vector<ConstraintId> rows;
    for (const FigureId u : group) {
      for (const ConstraintId c : touching(u)) {
        if (linear(c) && std::find(rows.begin(), rows.end(), c) == rows.end()) rows.push_back(c);
      }
    }
    std::sort(rows.begin(), rows.end());
    if (rows.empty()) {
      for (const FigureId u : group) {
        solution.free.push_back({u, "no linear check bears on it", {}});
      }
      return;
    }
    const auto column_of = [&](FigureId f) {
      return static_cast<Eigen::Index>(std::lower_bound(group.begin(), group.end(), f) -
                                       group.begin());
    };
    const auto m = static_cast<Eigen::Index>(rows.size());
    const auto n = static_cast<Eigen::Index>(group.size());
    RationalMatrix a = RationalMatrix::Zero(m, n);
    RationalVector b = RationalVector::Zero(m);
    for (Eigen::Index r = 0; r < m; ++r) {
      const ConstraintId c = rows[static_cast<std::size_t>(r)];
      const auto figures = constraints_.figures(c);
      for (std::size_t i = 0; i < figures.size(); ++i) {
        const Rational w = to_rational(constraints_.weight(c, i));
        const Value v = value_of(figures[i], corrections);
        if (v.state == FigureState::unreadable) {
          a(r, column_of(figures[i])) += w;
        } else if (v.state == FigureState::value) {
          b(r) -= w * to_rational(v.value);
        }
      }
    }
    const Eigen::FullPivLU<RationalMatrix> lu(a);
    std::vector<bool> determined(group.size(), true);
    std::vector<std::vector<FigureId>> tied(group.size());
    if (lu.dimensionOfKernel() > 0) {
      const RationalMatrix kernel = lu.kernel();
      for (Eigen::Index k = 0; k < kernel.cols(); ++k) {
        std::vector<FigureId> moving;
        for (Eigen::Index i = 0; i < n; ++i) {
          if (kernel(i, k) != 0) moving.push_back(group[static_cast<std::size_t>(i)]);
        }
        for (const FigureId f : moving) {
          const auto i = static_cast<std::size_t>(column_of(f));
          determined[i] = false;
          for (const FigureId g : moving) {
            if (g != f && std::find(tied[i].begin(), tied[i].end(), g) == tied[i].end()) {
              tied[i].push_back(g);
            }
          }
        }
      }
    }
    // Least squares: with more checks than unknowns the rounded figures
    // rarely agree exactly; the checks confirm the rounded result below.
    const RationalMatrix normal = a.transpose() * a;
    const RationalVector x =
        Eigen::FullPivLU<RationalMatrix>(normal).solve(RationalVector(a.transpose() * b));
    std::vector<Change> changes;
    std::vector<bool> exact;
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (!determined[i]) continue;
      const FigureId u = group[i];
      const int decimals = precision_of(u);
      const Rational value = x(static_cast<Eigen::Index>(i));
      const BigInt k = integer_at(value, decimals, Round::nearest);
      const Decimal rounded = decimal_at(k, decimals);
      changes.push_back({u, rounded, decimals});
      exact.push_back(to_rational(rounded) == value);
    }
    const auto texts_of = [&](const std::vector<Change>& values) {
      std::vector<std::string> texts;
      for (const Change& c : values)
        texts.push_back(text_for(c.figure, c.value, c.decimals));
      return texts;
    };
    std::vector<std::string> texts = texts_of(changes);
    bool agree = true;
    if (!changes.empty()) {
      std::vector<FigureId> around;
      for (const Change& c : changes)
        around.push_back(c.figure);
      Scratch scratch(constraints_, scratch_graph(), context(around), options_.check);
      // Least squares compromises between the checks; where one whose other
      // figures are all printed gives a value exactly at the printed
      // precision (a footing's remainder, where a conversion gives a
      // rounded quotient), that is how the filing added it up, and it is
      // taken when every check still holds with it.
      std::vector<Change> refined = changes;
      std::vector<bool> refined_exact = exact;
      for (std::size_t i = 0; i < refined.size(); ++i) {
        const FigureId u = refined[i].figure;
        std::size_t best = exact_checks(u, refined[i].value, corrections);
        for (const BigInt& k : exact_solutions(u, refined[i].decimals, corrections)) {
          const Decimal candidate = decimal_at(k, refined[i].decimals);
          if (const std::size_t held = exact_checks(u, candidate, corrections); held > best) {
            best = held;
            refined[i].value = candidate;
          }
        }
        // A check of printed figures that holds exactly computed it exactly.
        refined_exact[i] = refined_exact[i] || best > 0;
      }
      // Judged with the corrections made, as the values were computed.
      const auto hold = [&](const std::vector<Change>& values) {
        std::vector<Change> all = values;
        all.insert(all.end(), corrections.begin(), corrections.end());
        return scratch.fills_hold(all, texts_of(all));
      };
      if (hold(refined)) {
        changes = std::move(refined);
        exact = std::move(refined_exact);
        texts = texts_of(changes);
      } else {
        agree = hold(changes);
      }
    }
    std::size_t next = 0;
    for (std::size_t i = 0; i < group.size(); ++i) {
      const FigureId u = group[i];
      if (!determined[i]) {
        solution.free.push_back(
            {u,
             tied[i].empty() ? "the checks on it leave it free"
                             : "the checks on it leave it free: they tie it to other unreadable "
                               "figures",
             tied[i]});
        continue;
      }
      const std::size_t at = next++;
      if (!agree) {
        solution.free.push_back({u, "the checks that would determine it disagree", {}});
        continue;
      }
      std::vector<ConstraintId> from;
      for (const ConstraintId c : touching(u)) {
        if (linear(c)) from.push_back(c);
      }
      solution.filled.push_back(
          {u, changes[at].value, texts[at], exact[at], std::move(from), false});
    }
  }

  // ---- explain ----

  void explain(Solution& solution) {
    std::vector<ConstraintId> failed;
    for (const CheckResult& r : report_.results) {
      if (r.verdict == Verdict::fail) failed.push_back(r.constraint);
    }
    if (failed.empty()) return;
    // Components: failed checks joined by shared figures (union-find).
    std::vector<std::size_t> parent(failed.size());
    std::iota(parent.begin(), parent.end(), 0);
    const auto find = [&](std::size_t i) {
      while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
      return i;
    };
    std::map<FigureId, std::size_t> first_of;
    for (std::size_t i = 0; i < failed.size(); ++i) {
      for (const FigureId f : constraints_.bears_on(failed[i])) {
        const auto [it, inserted] = first_of.emplace(f, i);
        if (!inserted) parent[find(i)] = find(it->second);
      }
    }
    std::map<std::size_t, std::vector<ConstraintId>> components;
    for (std::size_t i = 0; i < failed.size(); ++i)
      components[find(i)].push_back(failed[i]);
    std::vector<std::vector<ConstraintId>> ordered;
    for (auto& [root, members] : components)
      ordered.push_back(std::move(members));
    std::sort(ordered.begin(), ordered.end());
    // A component of soft checks alone (conversions that held by the
    // derived-column rule) usually fails only because a footing it leans on
    // broke elsewhere: it is explained first by the other components' best
    // changes, and only on its own when they do not make it hold.
    const auto soft_only = [&](const std::vector<ConstraintId>& members) {
      return std::all_of(members.begin(), members.end(), [&](ConstraintId c) { return soft(c); });
    };
    std::stable_partition(ordered.begin(), ordered.end(),
                          [&](const auto& members) { return !soft_only(members); });
    std::size_t component = 0;
    bool settled = true;  // every other component has one best explanation
    for (const auto& members : ordered) {
      if (soft_only(members)) {
        if (follows(members, solution)) continue;
        // It may follow from a component left unexplained or explained
        // more than one way: its own explanation is then not the answer.
        const std::size_t first = solution.suspects.size();
        explain_component(members, component++, solution);
        if (!settled) {
          for (std::size_t i = first; i < solution.suspects.size(); ++i)
            solution.suspects[i].unique = false;
        }
        continue;
      }
      const std::size_t unexplained = solution.unexplained.size();
      const std::size_t first = solution.suspects.size();
      explain_component(members, component++, solution);
      settled = settled && solution.unexplained.size() == unexplained &&
                (first == solution.suspects.size() || solution.suspects[first].unique);
    }
    solution.components = component;
  }

  // Whether the soft checks `failed` hold once the rank-1 changes of one
  // component already explained are made; if so they are added to what
  // those changes explain.
  bool follows(const std::vector<ConstraintId>& failed, Solution& solution) {
    std::map<std::pair<std::size_t, std::vector<FigureId>>, std::vector<Suspect*>> explanations;
    for (Suspect& s : solution.suspects) {
      if (s.rank != 1) continue;
      std::vector<FigureId> figures = s.with;
      figures.push_back(s.figure);
      std::sort(figures.begin(), figures.end());
      explanations[{s.component, figures}].push_back(&s);
    }
    std::vector<FigureId> figures;
    for (const ConstraintId c : failed) {
      for (const FigureId f : constraints_.bears_on(c))
        figures.push_back(f);
    }
    const std::set<ConstraintId> failed_set(failed.begin(), failed.end());
    for (auto& [key, suspects] : explanations) {
      std::vector<Change> changes;
      std::vector<std::string> texts;
      std::vector<FigureId> around = figures;
      for (const Suspect* s : suspects) {
        const int decimals = precision_of(s->figure);
        changes.push_back({s->figure, s->proposed, decimals});
        texts.push_back(s->text);
        around.push_back(s->figure);
      }
      Scratch scratch(constraints_, scratch_graph(), context(around), options_.check);
      if (!scratch.confirms(changes, failed_set, texts)) continue;
      for (Suspect* s : suspects)
        s->explains.insert(s->explains.end(), failed.begin(), failed.end());
      return true;
    }
    return false;
  }

  void explain_component(const std::vector<ConstraintId>& failed, std::size_t component,
                         Solution& solution) {
    std::vector<FigureId> figures;
    for (const ConstraintId c : failed) {
      for (const FigureId f : constraints_.bears_on(c))
        figures.push_back(f);
    }
    std::sort(figures.begin(), figures.end());
    figures.erase(std::unique(figures.begin(), figures.end()), figures.end());
    if (contradiction(figures, solution)) return;
    // The checks a change must reach: all failed ones but those that may
    // hold by a rule once their neighbours are put right.
    std::vector<ConstraintId> binding;
    for (const ConstraintId c : failed) {
      if (!soft(c)) binding.push_back(c);
    }
    if (binding.empty()) binding = failed;
    const std::set<ConstraintId> failed_set(failed.begin(), failed.end());
    Scratch scratch(constraints_, scratch_graph(), context(figures), options_.check);
    std::vector<Explanation> found;
    for (int size = 1; size <= options_.max_changes && found.empty(); ++size) {
      for (const auto& set : hitting_sets(binding, static_cast<std::size_t>(size))) {
        if (auto explanation = propose(set)) {
          std::vector<std::string> texts;
          for (const Change& c : explanation->changes)
            texts.push_back(text_for(c.figure, c.value, c.decimals));
          if (const auto spoiled = scratch.confirms(explanation->changes, failed_set, texts)) {
            explanation->spoiled = *spoiled;
            found.push_back(std::move(*explanation));
          }
        }
      }
    }
    if (found.empty()) {
      solution.unexplained.push_back(
          {failed, "no change of at most " + std::to_string(options_.max_changes) +
                       (options_.max_changes == 1 ? " figure" : " figures") +
                       " makes these checks hold while the others still hold"});
      return;
    }
    std::stable_sort(found.begin(), found.end(), [](const Explanation& a, const Explanation& b) {
      return a.rank_key() < b.rank_key();
    });
    int rank = 0;
    std::size_t reported = 0;
    std::optional<std::tuple<std::size_t, std::size_t, int>> previous;
    const std::size_t best_count = static_cast<std::size_t>(
        std::count_if(found.begin(), found.end(),
                      [&](const Explanation& e) { return e.rank_key() == found[0].rank_key(); }));
    for (const Explanation& e : found) {
      if (e.rank_key() != previous) ++rank;
      previous = e.rank_key();
      if (rank > 1 && reported >= options_.max_explanations) break;
      ++reported;
      for (std::size_t i = 0; i < e.changes.size(); ++i) {
        Suspect s;
        s.figure = e.changes[i].figure;
        s.proposed = e.changes[i].value;
        s.text = text_for(s.figure, s.proposed, e.changes[i].decimals);
        s.rank = rank;
        s.unique = rank == 1 && best_count == 1;
        s.slip = e.slips[i];
        s.explains = failed;
        for (const Change& other : e.changes) {
          if (other.figure != s.figure) s.with.push_back(other.figure);
        }
        s.component = component;
        solution.suspects.push_back(std::move(s));
      }
    }
    // A dash that the one best explanation gives a value is filled in.
    if (best_count == 1) {
      const Explanation& e = found[0];
      if (std::all_of(e.slips.begin(), e.slips.end(), [](Slip s) { return s == Slip::nil; })) {
        for (const Change& c : e.changes) {
          solution.filled.push_back(
              {c.figure, c.value, text_for(c.figure, c.value, c.decimals), true, failed, true});
        }
      }
    }
  }

  // The sets of `size` figures that each meet every check of `binding`.
  std::vector<std::vector<FigureId>> hitting_sets(const std::vector<ConstraintId>& binding,
                                                  std::size_t size) const {
    std::set<std::vector<FigureId>> sets;
    std::vector<FigureId> chosen;
    const auto eligible = [&](FigureId f) { return graph_.state(f) != FigureState::unreadable; };
    std::vector<std::vector<FigureId>> rows;
    for (const ConstraintId c : binding)
      rows.push_back(constraints_.bears_on(c));
    const auto search = [&](auto&& self) -> void {
      if (sets.size() >= options_.max_candidate_sets) return;
      const auto missed = std::find_if(rows.begin(), rows.end(), [&](const auto& row) {
        return std::none_of(row.begin(), row.end(), [&](FigureId f) {
          return std::find(chosen.begin(), chosen.end(), f) != chosen.end();
        });
      });
      if (missed == rows.end()) {
        if (chosen.size() == size) {
          std::vector<FigureId> set = chosen;
          std::sort(set.begin(), set.end());
          sets.insert(std::move(set));
        } else {
          // Every check is met with figures to spare: any other figure of
          // the component may be the second change.
          for (const auto& row : rows) {
            for (const FigureId f : row) {
              if (!eligible(f) || std::find(chosen.begin(), chosen.end(), f) != chosen.end()) {
                continue;
              }
              chosen.push_back(f);
              self(self);
              chosen.pop_back();
            }
          }
        }
        return;
      }
      if (chosen.size() == size) return;
      for (const FigureId f : *missed) {
        if (!eligible(f)) continue;
        chosen.push_back(f);
        self(self);
        chosen.pop_back();
      }
    };
    search(search);
    return {sets.begin(), sets.end()};
  }

  // Values for the figures of `set` that make their checks hold: one figure
  // from its feasible bounds; several from the exact least-squares solution,
  // then each in turn from its bounds given the others.
  std::optional<Explanation> propose(const std::vector<FigureId>& set) const {
    std::vector<Change> changes;
    for (const FigureId f : set) {
      const int decimals = precision_of(f);
      const Value v = value_of(f, {});
      changes.push_back({f, v.value, decimals});
    }
    if (set.size() > 1) {
      if (!least_squares(changes)) return std::nullopt;
    }
    Explanation explanation;
    explanation.slips.assign(set.size(), Slip::other);
    for (int pass = 0; pass < (set.size() > 1 ? 2 : 1); ++pass) {
      for (std::size_t i = 0; i < changes.size(); ++i) {
        std::vector<Change> others = changes;
        others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
        const auto choice = choose(set[i], changes[i].decimals,
                                   feasible(set[i], changes[i].decimals, others), others);
        if (!choice) return std::nullopt;
        changes[i].value = choice->first;
        explanation.slips[i] = choice->second;
      }
    }
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const Value printed = value_of(set[i], {});
      if (printed.state == FigureState::value && printed.value == changes[i].value) {
        return std::nullopt;  // a figure left as printed is not a change
      }
      explanation.cost += cost_of(explanation.slips[i]);
    }
    explanation.changes = std::move(changes);
    return explanation;
  }

  // Moves the values of `changes` to the exact least-squares solution of
  // their binding linear checks (Σ w·x = 0), rounded to their precision.
  // Figures that only ratios bear on keep their values here: the passes of
  // propose() choose them from their ratios' bounds.
  bool least_squares(std::vector<Change>& changes) const {
    std::vector<ConstraintId> rows;
    std::vector<std::size_t> unknowns;  // indexes into changes
    for (std::size_t i = 0; i < changes.size(); ++i) {
      bool bound = false;
      for (const ConstraintId id : touching(changes[i].figure)) {
        if (!linear(id) || soft(id)) continue;
        bound = true;
        if (std::find(rows.begin(), rows.end(), id) == rows.end()) rows.push_back(id);
      }
      if (bound) unknowns.push_back(i);
    }
    const auto m = static_cast<Eigen::Index>(rows.size());
    const auto n = static_cast<Eigen::Index>(unknowns.size());
    if (m < n) return false;
    if (n == 0) return true;
    RationalMatrix a = RationalMatrix::Zero(m, n);
    RationalVector b = RationalVector::Zero(m);
    for (Eigen::Index r = 0; r < m; ++r) {
      const ConstraintId id = rows[static_cast<std::size_t>(r)];
      const auto s = sums(id, {});
      if (!s) return false;
      b(r) = -to_rational(s->difference);
      for (Eigen::Index j = 0; j < n; ++j) {
        a(r, j) = to_rational(weight_of(id, changes[unknowns[static_cast<std::size_t>(j)]].figure));
      }
    }
    const RationalMatrix normal = a.transpose() * a;
    const Eigen::FullPivLU<RationalMatrix> lu(normal);
    if (lu.rank() < n) return false;
    const RationalVector delta = lu.solve(RationalVector(a.transpose() * b));
    for (Eigen::Index j = 0; j < n; ++j) {
      Change& c = changes[unknowns[static_cast<std::size_t>(j)]];
      const Rational x = to_rational(c.value) + delta(j);
      c.value = decimal_at(integer_at(x, c.decimals, Round::nearest), c.decimals);
    }
    return true;
  }

  // Whether the checks among `figures` force some figure printed non-zero to
  // be zero whatever the values (a wrong rule); reports it if so.
  bool contradiction(const std::vector<FigureId>& figures, Solution& solution) const {
    std::vector<ConstraintId> rows;
    for (const FigureId f : figures) {
      for (const ConstraintId c : touching(f)) {
        if (!linear(c) || std::find(rows.begin(), rows.end(), c) != rows.end()) continue;
        const auto row = constraints_.figures(c);
        if (std::all_of(row.begin(), row.end(), [&](FigureId g) {
              return std::binary_search(figures.begin(), figures.end(), g);
            })) {
          rows.push_back(c);
        }
      }
    }
    if (rows.size() < 2) return false;
    std::sort(rows.begin(), rows.end());
    RationalMatrix a = RationalMatrix::Zero(static_cast<Eigen::Index>(rows.size()),
                                            static_cast<Eigen::Index>(figures.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto row = constraints_.figures(rows[r]);
      for (std::size_t i = 0; i < row.size(); ++i) {
        const auto column =
            std::lower_bound(figures.begin(), figures.end(), row[i]) - figures.begin();
        a(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(column)) +=
            to_rational(constraints_.weight(rows[r], i));
      }
    }
    const Eigen::FullPivLU<RationalMatrix> lu(a);
    if (lu.dimensionOfKernel() == static_cast<Eigen::Index>(figures.size())) return false;
    const RationalMatrix kernel = lu.dimensionOfKernel() > 0 ? RationalMatrix(lu.kernel())
                                                             : RationalMatrix::Zero(a.cols(), 1);
    std::vector<FigureId> forced;
    for (std::size_t i = 0; i < figures.size(); ++i) {
      const auto row = kernel.row(static_cast<Eigen::Index>(i));
      const bool zero =
          lu.dimensionOfKernel() == 0 ||
          std::all_of(row.begin(), row.end(), [](const Rational& q) { return q == 0; });
      const auto value = graph_.value(figures[i]);
      if (zero && value && !value->is_zero()) forced.push_back(figures[i]);
    }
    if (forced.empty()) return false;
    std::vector<ConstraintId> involved;
    for (const ConstraintId c : rows) {
      const auto row = constraints_.figures(c);
      if (std::any_of(row.begin(), row.end(), [&](FigureId g) {
            return std::find(forced.begin(), forced.end(), g) != forced.end();
          })) {
        involved.push_back(c);
      }
    }
    std::string reason = "these checks force ";
    for (std::size_t i = 0; i < forced.size(); ++i) {
      reason.append(i == 0 ? "" : ", ").append(graph_.describe(forced[i]));
    }
    reason.append(" to be zero whatever the values: a rule is wrong, not a figure");
    solution.contradictions.push_back({std::move(involved), std::move(forced), std::move(reason)});
    return true;
  }

  const ConstraintSet& constraints_;
  const StatementGraph& graph_;
  const CheckReport& report_;
  const SolveOptions& options_;
  std::vector<std::uint32_t> touch_begin_;
  std::vector<ConstraintId> touch_;
  std::unique_ptr<StatementGraph> scratch_;
};

}  // namespace

std::string_view name_of(Slip slip) noexcept {
  switch (slip) {
    case Slip::digit: return "digit";
    case Slip::transposition: return "transposition";
    case Slip::sign: return "sign";
    case Slip::ocr: return "ocr";
    case Slip::nil: return "nil";
    case Slip::other: return "other";
  }
  return "";
}

Slip classify_slip(const Decimal& printed, const Decimal& proposed, bool printed_nil) {
  if (printed_nil) return Slip::nil;
  if (printed == proposed) return Slip::other;
  const int scale = std::max(printed.scale(), proposed.scale());
  std::string a = printed.rescaled(scale, RoundingMode::half_even).coefficient_string();
  std::string b = proposed.rescaled(scale, RoundingMode::half_even).coefficient_string();
  const bool a_negative = !a.empty() && a[0] == '-';
  const bool b_negative = !b.empty() && b[0] == '-';
  if (a_negative) a.erase(0, 1);
  if (b_negative) b.erase(0, 1);
  if (a_negative != b_negative) return a == b ? Slip::sign : Slip::other;
  if (a.size() == b.size()) {
    std::vector<std::size_t> differ;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] != b[i]) differ.push_back(i);
    }
    if (differ.size() == 1) return Slip::digit;
    if (differ.size() == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] &&
        a[differ[1]] == b[differ[0]]) {
      return Slip::transposition;
    }
    return Slip::other;
  }
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (longer.size() == shorter.size() + 1) {
    for (std::size_t i = 0; i < longer.size(); ++i) {
      if (std::string(longer).erase(i, 1) == shorter) return Slip::ocr;
    }
  }
  return Slip::other;
}

std::vector<const Suspect*> Solution::best() const {
  std::vector<const Suspect*> result;
  for (const Suspect& s : suspects) {
    if (s.rank == 1) result.push_back(&s);
  }
  return result;
}

std::vector<const Suspect*> Solution::suspects_of(FigureId figure) const {
  std::vector<const Suspect*> result;
  for (const Suspect& s : suspects) {
    if (s.figure == figure) result.push_back(&s);
  }
  return result;
}

const Filled* Solution::filled_of(FigureId figure) const {
  for (const Filled& f : filled) {
    if (f.figure == figure) return &f;
  }
  return nullptr;
}

Solution solve(const ConstraintSet& constraints, const CheckReport& report,
               const SolveOptions& options) {
  return Solver(constraints, report, options).run();
}

TIEOUT_END_NAMESPACE
