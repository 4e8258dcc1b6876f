// lib/interval.cpp - interval arithmetic over exact decimals.
#include "tieout/interval.hpp"

#include <algorithm>
#include <array>
#include <ostream>

TIEOUT_BEGIN_NAMESPACE

Interval::Interval(Decimal value) : lower_(value), upper_(std::move(value)) {}

Interval::Interval(Decimal lower, bool lower_open, Decimal upper, bool upper_open)
    : lower_(std::move(lower)),
      upper_(std::move(upper)),
      lower_open_(lower_open),
      upper_open_(upper_open) {
  if (upper_ < lower_ || (lower_ == upper_ && (lower_open_ || upper_open_))) {
    throw domain_error("empty interval " + to_string());
  }
}

Interval Interval::closed(Decimal lower, Decimal upper) {
  return Interval(std::move(lower), false, std::move(upper), false);
}

Interval Interval::from_rounded(const Decimal& value, int decimals, RoundingConvention convention) {
  if (convention == RoundingConvention::round_to_nearest) {
    const Decimal half_unit = Decimal(5).shifted(-(decimals + 1));
    return closed(value - half_unit, value + half_unit);
  }
  const Decimal unit = Decimal(1).shifted(-decimals);
  if (value.signum() > 0) return Interval(value, false, value + unit, true);
  if (value.signum() < 0) return Interval(value - unit, true, value, false);
  return Interval(-unit, true, unit, true);
}

bool Interval::contains(const Decimal& value) const {
  const bool above_lower = lower_open_ ? lower_ < value : lower_ <= value;
  const bool below_upper = upper_open_ ? value < upper_ : value <= upper_;
  return above_lower && below_upper;
}

bool Interval::overlaps(const Interval& other) const {
  return intersect(other).has_value();
}

std::optional<Interval> Interval::intersect(const Interval& other) const {
  // The tighter end on each side; at a tie the end is open if either is.
  const auto pick_lower = [&]() -> std::pair<const Decimal&, bool> {
    if (lower_ == other.lower_) return {lower_, lower_open_ || other.lower_open_};
    return lower_ < other.lower_ ? std::pair<const Decimal&, bool>{other.lower_, other.lower_open_}
                                 : std::pair<const Decimal&, bool>{lower_, lower_open_};
  };
  const auto pick_upper = [&]() -> std::pair<const Decimal&, bool> {
    if (upper_ == other.upper_) return {upper_, upper_open_ || other.upper_open_};
    return other.upper_ < upper_ ? std::pair<const Decimal&, bool>{other.upper_, other.upper_open_}
                                 : std::pair<const Decimal&, bool>{upper_, upper_open_};
  };
  const auto [low, low_open] = pick_lower();
  const auto [high, high_open] = pick_upper();
  if (high < low || (low == high && (low_open || high_open))) return std::nullopt;
  return Interval(low, low_open, high, high_open);
}

Decimal Interval::midpoint() const {
  return (lower_ + upper_) * Decimal::from_coefficient(5, 1);
}

Interval operator+(const Interval& a, const Interval& b) {
  return Interval(a.lower_ + b.lower_, a.lower_open_ || b.lower_open_, a.upper_ + b.upper_,
                  a.upper_open_ || b.upper_open_);
}

Interval operator-(const Interval& a) {
  return Interval(-a.upper_, a.upper_open_, -a.lower_, a.lower_open_);
}

Interval operator-(const Interval& a, const Interval& b) {
  return a + -b;
}

Interval Interval::scaled(const Decimal& weight) const {
  if (weight.is_zero()) return Interval(Decimal());
  if (weight.signum() > 0) {
    return Interval(lower_ * weight, lower_open_, upper_ * weight, upper_open_);
  }
  return Interval(upper_ * weight, upper_open_, lower_ * weight, lower_open_);
}

Interval operator*(const Interval& a, const Interval& b) {
  const std::array<Decimal, 4> products = {a.lower_ * b.lower_, a.lower_ * b.upper_,
                                           a.upper_ * b.lower_, a.upper_ * b.upper_};
  const auto [low, high] = std::minmax_element(products.begin(), products.end());
  return Interval::closed(*low, *high);
}

Interval divide(const Interval& dividend, const Interval& divisor, int scale) {
  if (divisor.lower().signum() <= 0 && divisor.upper().signum() >= 0) {
    throw domain_error("interval division by " + divisor.to_string() + ", which contains zero");
  }
  Decimal low, high;
  bool first = true;
  for (const Decimal* x : {&dividend.lower(), &dividend.upper()}) {
    for (const Decimal* y : {&divisor.lower(), &divisor.upper()}) {
      Decimal down = divide(*x, *y, scale, RoundingMode::floor);
      Decimal up = divide(*x, *y, scale, RoundingMode::ceiling);
      if (first || down < low) low = std::move(down);
      if (first || high < up) high = std::move(up);
      first = false;
    }
  }
  return Interval::closed(std::move(low), std::move(high));
}

std::string Interval::to_string() const {
  return (lower_open_ ? "(" : "[") + lower_.to_string() + ", " + upper_.to_string() +
         (upper_open_ ? ")" : "]");
}

std::ostream& operator<<(std::ostream& out, const Interval& interval) {
  return out << interval.to_string();
}

TIEOUT_END_NAMESPACE
