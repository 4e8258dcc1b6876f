// lib/decimal_internal.hpp - the big-coefficient side of Decimal, private to lib/.
//
// Boost.Multiprecision is confined to lib/ so that including tieout/decimal.hpp
// stays cheap. The coefficient type is a checked 1024-bit integer: about 308
// decimal digits, far past any figure a filing prints, and Boost throws
// instead of wrapping past it, which DecimalAccess turns into overflow_error.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <string_view>

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
