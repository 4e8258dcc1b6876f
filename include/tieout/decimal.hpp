// tieout/decimal.hpp - exact signed decimal numbers for money, shares and rates.
//
// A Decimal is an integer coefficient times 10^-scale. Money never touches
// binary floating point: there is no constructor from double, addition,
// subtraction and multiplication are exact, and division and rounding happen
// only at a scale and in a rounding mode the caller names.
//
// The coefficient lives in an int64 while it fits (the fast path: inline,
// constexpr, with overflow-checked builtins); a result that would overflow is
// promoted to a 1024-bit Boost.Multiprecision integer computed in lib/, and a
// value past that throws tieout::overflow_error. Nothing ever wraps.
//
// Related: printed_figure.hpp (figures as filings print them), interval.hpp
// (what a rounded figure stands for). Stability: stable.
#pragma once

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <limits>
#include <span>
#include <string>
#include <string_view>

#include "tieout/error.hpp"
#include "tieout/result.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// How a value is brought to fewer decimal places.
enum class RoundingMode : std::uint8_t {
  half_up = 0,    ///< To nearest; ties away from zero (how filings round).
  half_even = 1,  ///< To nearest; ties to the even neighbour.
  down = 2,       ///< Toward zero (truncation).
  up = 3,         ///< Away from zero.
  floor = 4,      ///< Toward negative infinity.
  ceiling = 5,    ///< Toward positive infinity.
};

class Decimal;

namespace detail {
// Integers that may become a Decimal: bool is not a number of anything.
template <class T>
concept integer = std::integral<T> && !std::same_as<T, bool>;

struct BigCoefficient;  // defined in lib/, so that Boost stays out of this header
struct DecimalAccess;

BigCoefficient* clone(const BigCoefficient* big);
void destroy(BigCoefficient* big) noexcept;
int signum(const BigCoefficient* big) noexcept;
Decimal from_unsigned(unsigned long long value);
Decimal add_slow(const Decimal& a, const Decimal& b, bool subtract);
Decimal multiply_slow(const Decimal& a, const Decimal& b);
Decimal negate_slow(const Decimal& a);
Decimal rescale_slow(const Decimal& a, int scale, RoundingMode mode);
std::strong_ordering compare_slow(const Decimal& a, const Decimal& b);
[[noreturn]] void throw_bad_scale(int scale);

// Whether a quotient truncated toward zero must step one unit away from zero.
// `dropped` is the magnitude of what truncation dropped and `rest` its
// distance to the next unit outward, both in the same units and both > 0;
// `odd` says whether the truncated quotient is odd.
template <class Int>
constexpr bool rounds_away(const Int& dropped, const Int& rest, bool negative, bool odd,
                           RoundingMode mode) noexcept {
  switch (mode) {
    case RoundingMode::down: return false;
    case RoundingMode::up: return true;
    case RoundingMode::floor: return negative;
    case RoundingMode::ceiling: return !negative;
    case RoundingMode::half_up: return !(dropped < rest);
    case RoundingMode::half_even: return rest < dropped || (dropped == rest && odd);
  }
  return false;
}

inline constexpr std::int64_t pow10_int64[19] = {1,
                                                 10,
                                                 100,
                                                 1000,
                                                 10000,
                                                 100000,
                                                 1000000,
                                                 10000000,
                                                 100000000,
                                                 1000000000,
                                                 10000000000,
                                                 100000000000,
                                                 1000000000000,
                                                 10000000000000,
                                                 100000000000000,
                                                 1000000000000000,
                                                 10000000000000000,
                                                 100000000000000000,
                                                 1000000000000000000};
}  // namespace detail

/// An exact signed decimal: coefficient x 10^-scale, 0 <= scale <= max_scale.
///
/// Equality and ordering compare values, so 1.5 == 1.50; the scale is kept
/// (to_string of 1.50 is "1.50") because it records the printed precision.
/// Operations that cannot be represented throw overflow_error; none wraps.
class Decimal {
 public:
  /// The most decimal places a Decimal carries.
  static constexpr int max_scale = 64;

  /// Zero at scale 0.
  constexpr Decimal() noexcept {}

  /// An integer, at scale 0.
  template <detail::integer I>
  constexpr explicit Decimal(I value);

  /// Deleted: money never comes from binary floating point, in which 0.1
  /// is not representable (tests/compile_fail/ proves these do not compile).
  ///@{
  Decimal(float) = delete;
  Decimal(double) = delete;
  Decimal(long double) = delete;
  ///@}

  /// Copies and moves. A copy of a value past int64 allocates its
  /// coefficient (which is why copying is not noexcept); a move never does,
  /// and leaves the source zero.
  ///@{
  constexpr Decimal(const Decimal& other);
  constexpr Decimal(Decimal&& other) noexcept;
  constexpr Decimal& operator=(const Decimal& other);
  constexpr Decimal& operator=(Decimal&& other) noexcept;
  ///@}
  constexpr ~Decimal();

  /// The value coefficient x 10^-scale. Throws domain_error unless
  /// 0 <= scale <= max_scale.
  static constexpr Decimal from_coefficient(std::int64_t coefficient, int scale);

  /// Parses the canonical form that to_string() writes: an optional '-',
  /// digits, and optionally a decimal point and digits ("-1234.50"). For
  /// figures as filings print them see PrintedFigure::try_parse().
  static result<Decimal> try_parse(std::string_view text);
  /// As try_parse, throwing parse_error.
  static Decimal parse(std::string_view text);

  /// Decimal places, 0..max_scale: the printed precision the value was
  /// parsed or computed at, not a property of the value (1.5 == 1.50).
  constexpr int scale() const noexcept { return static_cast<std::int32_t>(tag_ & scale_mask); }
  /// -1, 0 or 1.
  constexpr int signum() const noexcept;
  /// Whether the value is zero, at any scale ("0.00" is).
  constexpr bool is_zero() const noexcept { return signum() == 0; }
  /// True when the coefficient fits an int64 (the fast path).
  constexpr bool is_small() const noexcept { return tag_ < big_flag; }
  /// The coefficient. Precondition: is_small().
  constexpr std::int64_t small_coefficient() const noexcept { return small_; }
  /// The coefficient in decimal digits, with a leading '-' when negative.
  std::string coefficient_string() const;

  /// The value at `scale` decimal places, rounded by `mode` when places are
  /// dropped (exact when places are added).
  constexpr Decimal rescaled(int scale, RoundingMode mode) const;
  /// The value times 10^exponent, exactly (a negative exponent adds places).
  Decimal shifted(int exponent) const;
  /// The same value at the fewest decimal places that hold it exactly.
  Decimal normalized() const;
  /// The magnitude, at the same scale. Not noexcept: the magnitude of the
  /// most negative int64 coefficient needs the wide path.
  constexpr Decimal abs() const { return signum() < 0 ? -*this : *this; }

  /// The canonical text: '-' when negative, all `scale()` decimal places.
  std::string to_string() const;
  /// A hash consistent with ==: equal values hash equally whatever the scale.
  std::size_t hash() const noexcept;

  /// The negation, at the same scale.
  friend constexpr Decimal operator-(const Decimal& a);
  /// Exact sum and difference, at the larger of the two scales (1.5 + 0.25
  /// is 1.75). Throws overflow_error past 1024 bits.
  ///@{
  friend constexpr Decimal operator+(const Decimal& a, const Decimal& b);
  friend constexpr Decimal operator-(const Decimal& a, const Decimal& b);
  ///@}
  /// Exact: the result's scale is the sum of the scales.
  friend constexpr Decimal operator*(const Decimal& a, const Decimal& b);
  /// As the binary operators, exact; the scale may grow, never shrink.
  ///@{
  constexpr Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
  constexpr Decimal& operator-=(const Decimal& b) { return *this = *this - b; }
  constexpr Decimal& operator*=(const Decimal& b) { return *this = *this * b; }
  ///@}

  /// Compares values, whatever the scales: 1.5 == 1.50 and 1.5 < 1.51.
  ///@{
  friend constexpr std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend constexpr bool operator==(const Decimal& a, const Decimal& b) {
    return (a <=> b) == std::strong_ordering::equal;
  }
  ///@}

 private:
  friend struct detail::DecimalAccess;

  struct small_tag {};
  constexpr Decimal(small_tag, std::int64_t coefficient, int scale) noexcept
      : small_(coefficient), tag_(static_cast<std::uint64_t>(scale)) {}

  // Moves other's value into *this, whose big coefficient (if any) is already
  // released, and leaves other zero.
  constexpr void take(Decimal& other) noexcept;

  // a + b, or a - b when `subtract`: the int64 fast path, else detail::add_slow.
  static constexpr Decimal add(const Decimal& a, const Decimal& b, bool subtract);

  // Brings two small coefficients to a common scale; false when that would
  // overflow (the caller takes the slow path).
  static constexpr bool align(const Decimal& a, const Decimal& b, std::int64_t& x, std::int64_t& y,
                              int& scale) noexcept;

  constexpr bool is_big() const noexcept { return tag_ >= big_flag; }

  static constexpr std::uint64_t scale_mask = 0xFFFF'FFFFu;
  static constexpr std::uint64_t big_flag = std::uint64_t{1} << 32;

  // Invariant: big_ is the active member exactly when the coefficient does
  // not fit an int64.
  union {
    std::int64_t small_ = 0;
    detail::BigCoefficient* big_;
  };
  // The scale in the low 32 bits; big_flag set when big_ is active. One word,
  // not two fields: copies then move it whole (GCC 12 merged two 32-bit
  // fields into one 64-bit load right after two 32-bit stores, a
  // store-forwarding stall that made a summing loop 2.3x slower), and the
  // object has no padding, so sum() may read it as two 64-bit words.
  std::uint64_t tag_ = 0;
};

/// dividend / divisor rounded to `scale` places by `mode`. Throws domain_error
/// when the divisor is zero.
Decimal divide(const Decimal& dividend, const Decimal& divisor, int scale, RoundingMode mode);

/// The exact sum of `values`. Equivalent to folding operator+, but runs of
/// small values at one scale are summed in a vectorisable loop with a 128-bit
/// accumulator instead of checking every addition.
Decimal sum(std::span<const Decimal> values);

/// Writes to_string().
std::ostream& operator<<(std::ostream& out, const Decimal& value);

// ---------------------------------------------------------------------------
// Implementation: the int64 fast path. Anything it cannot do exactly goes to
// the detail::*_slow functions in lib/decimal.cpp. Hidden from the API
// reference (cond), which documents the declarations above: Doxygen would
// list these definitions of the friend operators again, undocumented.
/// @cond

template <detail::integer I>
constexpr Decimal::Decimal(I value) {
  if constexpr (std::is_signed_v<I> || sizeof(I) < sizeof(std::int64_t)) {
    small_ = static_cast<std::int64_t>(value);
  } else if (value <= static_cast<I>(std::numeric_limits<std::int64_t>::max())) {
    small_ = static_cast<std::int64_t>(value);
  } else {
    *this = detail::from_unsigned(value);
  }
}

constexpr Decimal::Decimal(const Decimal& other) : tag_(other.tag_) {
  if (is_big()) {
    big_ = detail::clone(other.big_);
  } else {
    small_ = other.small_;
  }
}

constexpr Decimal::Decimal(Decimal&& other) noexcept {
  take(other);
}

constexpr Decimal& Decimal::operator=(const Decimal& other) {
  if (this != &other) *this = Decimal(other);
  return *this;
}

constexpr Decimal& Decimal::operator=(Decimal&& other) noexcept {
  if (this == &other) return *this;
  if (is_big()) detail::destroy(big_);
  take(other);
  return *this;
}

constexpr void Decimal::take(Decimal& other) noexcept {
  tag_ = other.tag_;
  if (is_big()) {
    big_ = other.big_;
    other.small_ = 0;
    other.tag_ = 0;
  } else {
    small_ = other.small_;
  }
}

constexpr Decimal::~Decimal() {
  if (is_big()) detail::destroy(big_);
}

constexpr Decimal Decimal::from_coefficient(std::int64_t coefficient, int scale) {
  if (scale < 0 || scale > max_scale) detail::throw_bad_scale(scale);
  return Decimal(small_tag{}, coefficient, scale);
}

constexpr int Decimal::signum() const noexcept {
  if (is_big()) return detail::signum(big_);
  return (small_ > 0) - (small_ < 0);
}

constexpr bool Decimal::align(const Decimal& a, const Decimal& b, std::int64_t& x, std::int64_t& y,
                              int& scale) noexcept {
  x = a.small_;
  y = b.small_;
  const int a_scale = a.scale(), b_scale = b.scale();
  scale = a_scale > b_scale ? a_scale : b_scale;
  const int shift = a_scale > b_scale ? a_scale - b_scale : b_scale - a_scale;
  if (shift == 0) return true;
  if (shift > 18) return false;
  std::int64_t& widened = a_scale < b_scale ? x : y;
  return !__builtin_mul_overflow(widened, detail::pow10_int64[shift], &widened);
}

constexpr Decimal operator-(const Decimal& a) {
  if (a.is_small() && a.small_ != std::numeric_limits<std::int64_t>::min()) {
    return Decimal(Decimal::small_tag{}, -a.small_, a.scale());
  }
  return detail::negate_slow(a);
}

constexpr Decimal Decimal::add(const Decimal& a, const Decimal& b, bool subtract) {
  std::int64_t x = 0, y = 0, result = 0;
  int scale = 0;
  if (a.is_small() && b.is_small() && align(a, b, x, y, scale) &&
      !(subtract ? __builtin_sub_overflow(x, y, &result) : __builtin_add_overflow(x, y, &result))) {
    return Decimal(small_tag{}, result, scale);
  }
  return detail::add_slow(a, b, subtract);
}

constexpr Decimal operator+(const Decimal& a, const Decimal& b) {
  return Decimal::add(a, b, false);
}

constexpr Decimal operator-(const Decimal& a, const Decimal& b) {
  return Decimal::add(a, b, true);
}

constexpr Decimal operator*(const Decimal& a, const Decimal& b) {
  std::int64_t product = 0;
  const int scale = a.scale() + b.scale();
  if (a.is_small() && b.is_small() && scale <= Decimal::max_scale &&
      !__builtin_mul_overflow(a.small_, b.small_, &product)) {
    return Decimal(Decimal::small_tag{}, product, scale);
  }
  return detail::multiply_slow(a, b);
}

constexpr std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  std::int64_t x = 0, y = 0;
  int scale = 0;
  if (a.is_small() && b.is_small() && Decimal::align(a, b, x, y, scale)) return x <=> y;
  return detail::compare_slow(a, b);
}

constexpr Decimal Decimal::rescaled(int scale, RoundingMode mode) const {
  if (scale < 0 || scale > max_scale) detail::throw_bad_scale(scale);
  if (is_big()) return detail::rescale_slow(*this, scale, mode);
  const int current = this->scale();
  if (scale >= current) {
    std::int64_t widened = 0;
    if (scale - current <= 18 &&
        !__builtin_mul_overflow(small_, detail::pow10_int64[scale - current], &widened)) {
      return Decimal(small_tag{}, widened, scale);
    }
    return detail::rescale_slow(*this, scale, mode);
  }
  if (current - scale > 18) return detail::rescale_slow(*this, scale, mode);
  const std::int64_t divisor = detail::pow10_int64[current - scale];
  std::int64_t quotient = small_ / divisor;
  const std::int64_t remainder = small_ % divisor;  // same sign as small_
  if (remainder != 0) {
    const bool negative = small_ < 0;
    const std::int64_t magnitude = negative ? -remainder : remainder;
    // |quotient| <= |small_| / 10, so the step cannot overflow.
    if (detail::rounds_away(magnitude, divisor - magnitude, negative, quotient % 2 != 0, mode)) {
      quotient += negative ? -1 : 1;
    }
  }
  return Decimal(small_tag{}, quotient, scale);
}

/// @endcond
TIEOUT_END_NAMESPACE

/// Decimal::hash(), so that Decimals that compare equal (1.5 and 1.50) are one
/// key of an unordered container.
template <>
struct std::hash<tieout::Decimal> {
  /// value.hash().
  std::size_t operator()(const tieout::Decimal& value) const noexcept { return value.hash(); }
};
