// lib/decimal.cpp - Decimal's slow paths (big coefficients), text and hashing.
#include "tieout/decimal.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <optional>
// SSE2 is part of x86-64; TIEOUT_PORTABLE_SUM forces the portable loop (the
// tests build it that way too, so that both stay correct).
#if defined(__SSE2__) && !defined(TIEOUT_PORTABLE_SUM)
#define TIEOUT_SUM_SSE2 1
#include <emmintrin.h>
#endif
#include <ostream>

#include "decimal_internal.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace detail {

BigInt DecimalAccess::coefficient(const Decimal& value) {
  return value.is_big() ? value.big_->value : BigInt(value.small_);
}

Decimal DecimalAccess::make(BigInt coefficient, int scale) {
  if (scale < 0 || scale > Decimal::max_scale) {
    throw overflow_error("decimal result needs " + std::to_string(scale) +
                         " decimal places; at most " + std::to_string(Decimal::max_scale) +
                         " are kept");
  }
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  if (coefficient >= min && coefficient <= max) {
    return Decimal(Decimal::small_tag{}, static_cast<std::int64_t>(coefficient), scale);
  }
  Decimal result;
  result.big_ = new BigCoefficient{std::move(coefficient)};
  result.tag_ = static_cast<std::uint64_t>(scale) | Decimal::big_flag;
  return result;
}

Decimal DecimalAccess::make(int128_t coefficient, int scale) {
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  if (coefficient >= min && coefficient <= max && scale >= 0 && scale <= Decimal::max_scale) {
    return Decimal(Decimal::small_tag{}, static_cast<std::int64_t>(coefficient), scale);
  }
  return make(BigInt(coefficient), scale);
}

std::optional<int128_t> DecimalAccess::sum_if_uniform(std::span<const Decimal> values,
                                                      std::int32_t scale) {
  // The coefficients are summed as in BiasedSum. The OR and the sum of the
  // tag words prove them all equal to the expected (scale, small) tag: each
  // tag's bits are within the OR, so each is at most the expected one, and
  // the sum reaches count x expected only when every tag does.
  static_assert(sizeof(Decimal) == 16 && offsetof(Decimal, tag_) == 8);
  const auto expected_tag = static_cast<std::uint64_t>(static_cast<std::uint32_t>(scale));
  BiasedSum coefficients;
  std::uint64_t tag_sum = 0, tag_or = 0;
#if defined(TIEOUT_SUM_SSE2)
  // A Decimal is one 128-bit vector, (coefficient, tag): three vector
  // operations a value, in four independent accumulator pairs so that the
  // additions do not wait on each other. The portable loop below is about
  // twice as slow.
  const __m128i biases = _mm_set_epi64x(0, static_cast<long long>(BiasedSum::bias));
  __m128i sums[4] = {}, ors[4] = {};
  const auto accumulate = [&](std::size_t index, std::size_t lane) {
    const __m128i biased =
        _mm_add_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(&values[index])), biases);
    sums[lane] = _mm_add_epi64(sums[lane], biased);
    ors[lane] = _mm_or_si128(ors[lane], biased);
  };
  std::size_t index = 0;
  for (; index + 4 <= values.size(); index += 4) {
    // Measured: prefetching 128 values (2 KiB) ahead beats the hardware
    // prefetcher alone by about 10% on this loop.
    const std::size_t ahead = std::min(index + 128, values.size() - 1);
    _mm_prefetch(reinterpret_cast<const char*>(&values[ahead]), _MM_HINT_T0);
    for (std::size_t lane = 0; lane < 4; ++lane)
      accumulate(index + lane, lane);
  }
  for (; index < values.size(); ++index)
    accumulate(index, 0);
  for (std::size_t lane = 1; lane < 4; ++lane) {
    sums[0] = _mm_add_epi64(sums[0], sums[lane]);
    ors[0] = _mm_or_si128(ors[0], ors[lane]);
  }
  alignas(16) std::uint64_t lanes[4];
  _mm_store_si128(reinterpret_cast<__m128i*>(lanes), sums[0]);
  _mm_store_si128(reinterpret_cast<__m128i*>(lanes + 2), ors[0]);
  coefficients.sum = lanes[0];
  tag_sum = lanes[1];
  coefficients.bits = lanes[2];
  tag_or = lanes[3];
#else
  for (const Decimal& value : values) {
    coefficients.add(value.is_small() ? value.small_ : 0);
    tag_sum += value.tag_;
    tag_or |= value.tag_;
  }
#endif
  const auto count = static_cast<std::uint64_t>(values.size());
  if (tag_or != expected_tag || tag_sum != count * expected_tag || !coefficients.in_range()) {
    return std::nullopt;
  }
  return coefficients.value(values.size());
}

BigCoefficient* clone(const BigCoefficient* big) {
  return new BigCoefficient(*big);
}
void destroy(BigCoefficient* big) noexcept {
  delete big;
}
int signum(const BigCoefficient* big) noexcept {
  return big->value.sign();
}

[[noreturn]] void throw_bad_scale(int scale) {
  throw domain_error("decimal scale " + std::to_string(scale) + " is outside 0.." +
                     std::to_string(Decimal::max_scale));
}

BigInt pow10_big(int exponent) {
  return guard_overflow([&] { return boost::multiprecision::pow(BigInt(10), unsigned(exponent)); });
}

BigInt divide_rounded(BigInt numerator, BigInt denominator, RoundingMode mode) {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  BigInt quotient = numerator / denominator;
  BigInt remainder = numerator % denominator;  // truncating: the sign of the numerator
  if (remainder != 0) {
    const bool negative = numerator < 0;
    const BigInt dropped = abs(remainder);
    const BigInt rest = denominator - dropped;
    if (rounds_away(dropped, rest, negative, bit_test(quotient, 0), mode)) {
      quotient += negative ? -1 : 1;
    }
  }
  return quotient;
}

Decimal decimal_from_digits(std::string_view digits, bool negative, int scale) {
  if (digits.size() <= 18) {
    std::int64_t coefficient = 0;
    for (char c : digits)
      coefficient = coefficient * 10 + (c - '0');
    return Decimal::from_coefficient(negative ? -coefficient : coefficient, scale);
  }
  // 309 digits is the most a 1024-bit coefficient can take; checking the
  // length first keeps absurd inputs from costing quadratic time.
  const auto significant = digits.substr(std::min(digits.find_first_not_of('0'), digits.size()));
  if (significant.size() > 309) {
    throw overflow_error("a coefficient of " + std::to_string(significant.size()) +
                         " digits exceeds 1024 bits (about 308 digits)");
  }
  return guard_overflow([&] {
    BigInt coefficient = significant.empty() ? BigInt(0) : BigInt(std::string(significant));
    return DecimalAccess::make(negative ? BigInt(-coefficient) : coefficient, scale);
  });
}

namespace {

// Both coefficients at the larger of the two scales.
struct Aligned {
  BigInt a, b;
  int scale;
};

Aligned align_big(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale(), b.scale());
  return {DecimalAccess::coefficient(a) * pow10_big(scale - a.scale()),
          DecimalAccess::coefficient(b) * pow10_big(scale - b.scale()), scale};
}

}  // namespace

Decimal from_unsigned(unsigned long long value) {
  return DecimalAccess::make(BigInt(value), 0);
}

Decimal add_slow(const Decimal& a, const Decimal& b, bool subtract) {
  return guard_overflow([&] {
    Aligned aligned = align_big(a, b);
    return DecimalAccess::make(
        subtract ? BigInt(aligned.a - aligned.b) : BigInt(aligned.a + aligned.b), aligned.scale);
  });
}

Decimal multiply_slow(const Decimal& a, const Decimal& b) {
  return guard_overflow([&] {
    BigInt product = DecimalAccess::coefficient(a) * DecimalAccess::coefficient(b);
    int scale = a.scale() + b.scale();
    // Trailing zeros past max_scale carry no information; anything else would
    // be lost, and make() refuses that.
    while (scale > Decimal::max_scale && product % 10 == 0) {
      product /= 10;
      --scale;
    }
    return DecimalAccess::make(std::move(product), scale);
  });
}

Decimal negate_slow(const Decimal& a) {
  return guard_overflow(
      [&] { return DecimalAccess::make(BigInt(-DecimalAccess::coefficient(a)), a.scale()); });
}

Decimal rescale_slow(const Decimal& a, int scale, RoundingMode mode) {
  return guard_overflow([&] {
    BigInt coefficient = DecimalAccess::coefficient(a);
    if (scale >= a.scale()) {
      return DecimalAccess::make(coefficient * pow10_big(scale - a.scale()), scale);
    }
    return DecimalAccess::make(divide_rounded(coefficient, pow10_big(a.scale() - scale), mode),
                               scale);
  });
}

std::strong_ordering compare_slow(const Decimal& a, const Decimal& b) {
  // Scaling the coefficient with fewer places up could overflow 1024 bits, so
  // truncate the one with more places down instead: if the truncated value
  // differs from the other, that decides; otherwise the dropped remainder does.
  const BigInt x = DecimalAccess::coefficient(a);
  const BigInt y = DecimalAccess::coefficient(b);
  if (a.scale() == b.scale()) return x.compare(y) <=> 0;
  const bool a_finer = a.scale() > b.scale();
  const BigInt& finer = a_finer ? x : y;
  const BigInt& coarser = a_finer ? y : x;
  const BigInt unit = pow10_big(std::abs(a.scale() - b.scale()));
  const BigInt truncated = finer / unit;
  const BigInt dropped = finer % unit;
  std::strong_ordering finer_vs_coarser = truncated.compare(coarser) <=> 0;
  if (finer_vs_coarser == 0) finer_vs_coarser = dropped.sign() <=> 0;
  return a_finer ? finer_vs_coarser : 0 <=> finer_vs_coarser;
}

}  // namespace detail

result<Decimal> Decimal::try_parse(std::string_view text) {
  std::size_t position = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++position;
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const std::size_t integer_begin = position;
  while (position < text.size() && is_digit(text[position]))
    ++position;
  if (position == integer_begin) {
    return unexpected(ParseError{position, "expected a digit"});
  }
  std::string digits(text.substr(integer_begin, position - integer_begin));
  int scale = 0;
  if (position < text.size() && text[position] == '.') {
    const std::size_t fraction_begin = ++position;
    while (position < text.size() && is_digit(text[position]))
      ++position;
    if (position == fraction_begin) {
      return unexpected(ParseError{position, "expected a digit after the decimal point"});
    }
    if (position - fraction_begin > static_cast<std::size_t>(max_scale)) {
      return unexpected(ParseError{fraction_begin, "more than 64 decimal places"});
    }
    digits.append(text.substr(fraction_begin, position - fraction_begin));
    scale = static_cast<int>(position - fraction_begin);
  }
  if (position != text.size()) {
    return unexpected(ParseError{position, "unexpected character after the number"});
  }
  try {
    return detail::decimal_from_digits(digits, negative, scale);
  } catch (const overflow_error& e) {
    return unexpected(ParseError{integer_begin, e.what()});
  }
}

Decimal Decimal::parse(std::string_view text) {
  auto parsed = try_parse(text);
  if (!parsed) throw parse_error(parsed.error());
  return std::move(parsed).value();
}

std::string Decimal::coefficient_string() const {
  return is_big() ? big_->value.str() : std::to_string(small_);
}

std::string Decimal::to_string() const {
  std::string digits = coefficient_string();
  const bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  const auto places = static_cast<std::size_t>(scale());
  if (places > 0) {
    if (digits.size() <= places) digits.insert(0, places + 1 - digits.size(), '0');
    digits.insert(digits.size() - places, 1, '.');
  }
  return negative ? "-" + digits : digits;
}

Decimal Decimal::shifted(int exponent) const {
  // Moving the decimal point is exact: first spend or add decimal places,
  // and only multiply the coefficient for what is left.
  const int places = scale() - exponent;
  if (places >= 0) {
    if (places > max_scale) {
      throw overflow_error("decimal result needs " + std::to_string(places) +
                           " decimal places; at most " + std::to_string(max_scale) + " are kept");
    }
    Decimal result = *this;
    result.tag_ = (result.tag_ & ~scale_mask) | static_cast<std::uint64_t>(places);
    return result;
  }
  std::int64_t widened = 0;
  if (is_small() && -places <= 18 &&
      !__builtin_mul_overflow(small_, detail::pow10_int64[-places], &widened)) {
    return Decimal(small_tag{}, widened, 0);
  }
  return detail::guard_overflow([&] {
    return detail::DecimalAccess::make(
        detail::DecimalAccess::coefficient(*this) * detail::pow10_big(-places), 0);
  });
}

Decimal Decimal::normalized() const {
  if (is_small()) {
    std::int64_t coefficient = small_;
    int scale = this->scale();
    while (scale > 0 && coefficient % 10 == 0) {
      coefficient /= 10;
      --scale;
    }
    return Decimal(small_tag{}, coefficient, scale);
  }
  detail::BigInt coefficient = big_->value;
  int scale = this->scale();
  while (scale > 0 && coefficient % 10 == 0) {
    coefficient /= 10;
    --scale;
  }
  return detail::DecimalAccess::make(std::move(coefficient), scale);
}

std::size_t Decimal::hash() const noexcept {
  // Equal values share one normalized form; hash that. normalized() of a
  // Decimal that exists cannot overflow, and a failed allocation is the only
  // exception left, which noexcept turns into termination as for std::string.
  const Decimal canonical = normalized();
  const std::size_t coefficient_hash = canonical.is_big()
                                           ? std::hash<std::string>{}(canonical.big_->value.str())
                                           : std::hash<std::int64_t>{}(canonical.small_);
  return coefficient_hash ^ (static_cast<std::size_t>(canonical.scale()) * 0x9e3779b97f4a7c15ULL);
}

Decimal divide(const Decimal& dividend, const Decimal& divisor, int scale, RoundingMode mode) {
  if (divisor.is_zero()) throw domain_error("division by zero");
  if (scale < 0 || scale > Decimal::max_scale) detail::throw_bad_scale(scale);
  using detail::BigInt;
  return detail::guard_overflow([&] {
    // dividend / divisor = (A / B) x 10^(sb - sa); at `scale` places the
    // coefficient is A x 10^(scale - sa + sb) / B.
    const int exponent = scale - dividend.scale() + divisor.scale();
    BigInt numerator = detail::DecimalAccess::coefficient(dividend);
    BigInt denominator = detail::DecimalAccess::coefficient(divisor);
    if (exponent >= 0) {
      numerator *= detail::pow10_big(exponent);
    } else {
      denominator *= detail::pow10_big(-exponent);
    }
    return detail::DecimalAccess::make(detail::divide_rounded(numerator, denominator, mode), scale);
  });
}

Decimal sum(std::span<const Decimal> values) {
  // Blocks of 4096 small values at one scale are summed with no check per
  // addition; a block that holds a big value, another scale or a coefficient
  // of 2^51 or more in magnitude is added one value at a time instead.
  constexpr std::size_t block_size = detail::BiasedSum::block_size;
  Decimal total;
  for (std::size_t begin = 0; begin < values.size(); begin += block_size) {
    const auto block = values.subspan(begin, std::min(block_size, values.size() - begin));
    const std::int32_t scale = block.front().scale();
    if (const auto block_sum = detail::DecimalAccess::sum_if_uniform(block, scale)) {
      total += detail::DecimalAccess::make(*block_sum, scale);
    } else {
      for (const Decimal& value : block)
        total += value;
    }
  }
  return total;
}

std::ostream& operator<<(std::ostream& out, const Decimal& value) {
  return out << value.to_string();
}

TIEOUT_END_NAMESPACE
