// tieout/scale.hpp - a power of ten that figures are stated in.
//
// "RMB1,885.6 million" carries its scale in a word; a table "in thousands"
// (or headed RMB'000) carries one for every figure in it. Both are a Scale.
// Related: printed_figure.hpp, unit.hpp. Stability: stable.
#pragma once

#include <cstdint>

#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// A power of ten; the enumerator's value is the exponent.
enum class Scale : std::uint8_t {
  units = 0,
  thousands = 3,
  millions = 6,
  billions = 9,
  trillions = 12,
};

/// The power of ten a scale stands for: 6 for millions.
constexpr int exponent_of(Scale scale) noexcept {
  return static_cast<int>(scale);
}

TIEOUT_END_NAMESPACE
