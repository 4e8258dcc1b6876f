// tieout/decimal_array.hpp - many Decimals stored column-wise, for bulk work.
//
// A Decimal is 16 bytes (coefficient word plus scale word); a column of
// figures needs only the 8-byte coefficient and a 1-byte scale. DecimalArray
// keeps those in two contiguous arrays, with the rare coefficient that does
// not fit an int64 held aside, so that sums over it read 9 bytes a value and
// vectorise. The statement graph stores figure values this way.
//
// Related: decimal.hpp. Stability: stable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "tieout/decimal.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// A sequence of Decimals in column form. Values go in and come out as
/// Decimal; the layout is an implementation detail except through
/// coefficients() and scales(), which kernels may read.
class DecimalArray {
 public:
  DecimalArray() = default;
  /// A copy of `values`, in order.
  explicit DecimalArray(std::span<const Decimal> values);

  /// As std::vector's: room for `count` values, so that filling a column
  /// of known length allocates once.
  void reserve(std::size_t count);
  /// Appends `value`; a coefficient past int64 is held aside.
  void push_back(const Decimal& value);
  /// Replaces the value at `index`. Precondition: index < size().
  void set(std::size_t index, const Decimal& value);

  /// How many values, and whether there are none.
  ///@{
  std::size_t size() const noexcept { return coefficients_.size(); }
  bool empty() const noexcept { return coefficients_.empty(); }
  ///@}

  /// The value at `index`. Precondition: index < size().
  Decimal operator[](std::size_t index) const;
  /// The value at `index`; throws std::out_of_range past the end.
  Decimal at(std::size_t index) const;

  /// One coefficient per value; 0 where the value is big (see scales()).
  std::span<const std::int64_t> coefficients() const noexcept { return coefficients_; }
  /// One byte per value: its scale, with big_marker set when the coefficient
  /// does not fit an int64 and is held aside.
  std::span<const std::uint8_t> scales() const noexcept { return scales_; }
  /// The bit of a scale byte that marks a value held aside; the scale is
  /// the byte without it (max_scale 64 fits below it).
  static constexpr std::uint8_t big_marker = 0x80;

 private:
  static_assert(Decimal::max_scale < big_marker, "a scale must fit beside the marker bit");

  std::vector<std::int64_t> coefficients_;
  std::vector<std::uint8_t> scales_;
  std::unordered_map<std::size_t, Decimal> big_values_;
};

/// The exact sum of every value in `values`.
Decimal sum(const DecimalArray& values);

TIEOUT_END_NAMESPACE
