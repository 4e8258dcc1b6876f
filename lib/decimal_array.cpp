// lib/decimal_array.cpp - column storage for Decimals and its summation.
#include "tieout/decimal_array.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "decimal_internal.hpp"

TIEOUT_BEGIN_NAMESPACE

DecimalArray::DecimalArray(std::span<const Decimal> values) {
  reserve(values.size());
  for (const Decimal& value : values)
    push_back(value);
}

void DecimalArray::reserve(std::size_t count) {
  coefficients_.reserve(count);
  scales_.reserve(count);
}

void DecimalArray::push_back(const Decimal& value) {
  coefficients_.push_back(0);
  scales_.push_back(0);
  set(size() - 1, value);
}

void DecimalArray::set(std::size_t index, const Decimal& value) {
  const auto scale = static_cast<std::uint8_t>(value.scale());
  if (value.is_small()) {
    coefficients_[index] = value.small_coefficient();
    scales_[index] = scale;
    big_values_.erase(index);
  } else {
    coefficients_[index] = 0;
    scales_[index] = scale | big_marker;
    big_values_.insert_or_assign(index, value);
  }
}

Decimal DecimalArray::operator[](std::size_t index) const {
  if (scales_[index] & big_marker) return big_values_.at(index);
  return Decimal::from_coefficient(coefficients_[index], scales_[index]);
}

Decimal DecimalArray::at(std::size_t index) const {
  if (index >= size()) {
    throw std::out_of_range("DecimalArray index " + std::to_string(index) + " past size " +
                            std::to_string(size()));
  }
  return (*this)[index];
}

Decimal sum(const DecimalArray& values) {
  // As sum(span<const Decimal>): blocks whose scales are all one small scale
  // and whose coefficients are in range are summed biased, with no check per
  // addition; here the scales are bytes and the coefficients a plain array,
  // so each pass is a simple vectorised loop over 9 bytes a value.
  const auto coefficients = values.coefficients();
  const auto scales = values.scales();
  Decimal total;
  for (std::size_t begin = 0; begin < values.size(); begin += detail::BiasedSum::block_size) {
    const std::size_t count = std::min(detail::BiasedSum::block_size, values.size() - begin);
    const std::uint8_t scale = scales[begin];
    std::uint8_t scale_or = 0, scale_and = 0xFF;
    for (const std::uint8_t s : scales.subspan(begin, count)) {
      scale_or |= s;
      scale_and &= s;
    }
    if (scale_or == scale && scale_and == scale && !(scale & DecimalArray::big_marker)) {
      detail::BiasedSum block;
      for (const std::int64_t c : coefficients.subspan(begin, count))
        block.add(c);
      if (block.in_range()) {
        total += detail::DecimalAccess::make(block.value(count), scale);
        continue;
      }
    }
    for (std::size_t index = begin; index < begin + count; ++index)
      total += values[index];
  }
  return total;
}

TIEOUT_END_NAMESPACE
