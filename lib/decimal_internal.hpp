// lib/decimal_internal.hpp - the big-coefficient side of Decimal, private to lib/.
//
// Boost.Multiprecision is confined to lib/ so that including tieout/decimal.hpp
// stays cheap. The coefficient type is a checked 1024-bit integer: about 308
// decimal digits, far past any figure a filing prints, and Boost throws
// instead of wrapping past it, which DecimalAccess turns into overflow_error.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

#include "tieout/decimal.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace detail {

using BigInt = boost::multiprecision::checked_int1024_t;

__extension__ typedef __int128 int128_t;  // __extension__: GCC and Clang, silences -Wpedantic

struct BigCoefficient {
  BigInt value;
};

struct DecimalAccess {
  /// The coefficient of any Decimal as a BigInt.
  static BigInt coefficient(const Decimal& value);
  /// The Decimal coefficient x 10^-scale, small when it fits. Throws
  /// overflow_error when scale exceeds Decimal::max_scale.
  static Decimal make(BigInt coefficient, int scale);
  static Decimal make(int128_t coefficient, int scale);
  /// The exact sum of the coefficients of at most 4096 values, when every
  /// one is small, at `scale` and under 2^51 in magnitude; otherwise nothing.
  static std::optional<int128_t> sum_if_uniform(std::span<const Decimal> values,
                                                std::int32_t scale);
};

/// The sum of up to block_size int64 coefficients with no check per addition.
/// Each is biased by 2^51, which maps every coefficient of magnitude under
/// 2^51 into [0, 2^52); the OR of the biased values proves they all were, and
/// then block_size of them cannot overflow the unsigned 64-bit sum.
struct BiasedSum {
  static constexpr std::size_t block_size = 4096;
  static constexpr std::uint64_t bias = std::uint64_t{1} << 51;

  std::uint64_t sum = 0;
  std::uint64_t bits = 0;

  void add(std::int64_t coefficient) {
    const std::uint64_t biased = static_cast<std::uint64_t>(coefficient) + bias;
    sum += biased;
    bits |= biased;
  }
  /// Whether every coefficient added was under 2^51 in magnitude.
  bool in_range() const { return bits < 2 * bias; }
  /// The exact sum of `count` coefficients. Precondition: in_range().
  int128_t value(std::size_t count) const {
    return static_cast<int128_t>(sum) - static_cast<int128_t>(count) * static_cast<int128_t>(bias);
  }
};

/// 10^exponent, exponent >= 0; throws overflow_error past the BigInt range.
BigInt pow10_big(int exponent);

/// numerator / denominator rounded by `mode`; denominator != 0.
BigInt divide_rounded(BigInt numerator, BigInt denominator, RoundingMode mode);

/// The Decimal whose coefficient is the decimal digit string `digits` (ASCII
/// '0'-'9' only, non-empty, validated by the caller), negated when `negative`.
/// Throws overflow_error when the digits do not fit.
Decimal decimal_from_digits(std::string_view digits, bool negative, int scale);

/// Runs `operation`, turning Boost's overflow into tieout::overflow_error.
template <class Operation>
auto guard_overflow(Operation&& operation) -> decltype(operation()) {
  try {
    return operation();
  } catch (const std::overflow_error&) {
    throw overflow_error("decimal coefficient exceeds 1024 bits (about 308 digits)");
  } catch (const std::range_error&) {
    throw overflow_error("decimal coefficient exceeds 1024 bits (about 308 digits)");
  }
}

}  // namespace detail
TIEOUT_END_NAMESPACE
