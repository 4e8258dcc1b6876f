// Tests of tieout/decimal_array.hpp.
#include "tieout/decimal_array.hpp"

#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace {

using tieout::Decimal;
using tieout::DecimalArray;

Decimal dec(std::string_view text) {
  return Decimal::parse(text);
}

TEST(decimal_array, holds_values_of_every_kind_exactly) {
  const std::vector<Decimal> values = {dec("1.5"),
                                       dec("-1428968"),
                                       dec("0.0073"),
                                       Decimal(1).shifted(30),
                                       -Decimal(1).shifted(25),
                                       Decimal(std::numeric_limits<std::int64_t>::min())};
  const DecimalArray array(values);
  ASSERT_EQ(array.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(array[i], values[i]);
    EXPECT_EQ(array[i].scale(), values[i].scale());
  }
  EXPECT_EQ(array.coefficients()[1], -1428968);
  EXPECT_EQ(array.scales()[2], 4);
  EXPECT_EQ(array.scales()[3], DecimalArray::big_marker);
  EXPECT_THROW((void)array.at(values.size()), std::out_of_range);
}

TEST(decimal_array, set_replaces_small_and_big_values) {
  DecimalArray array;
  array.push_back(dec("7"));
  array.set(0, Decimal(1).shifted(40));
  EXPECT_EQ(array[0], Decimal(1).shifted(40));
  array.set(0, dec("-2.25"));
  EXPECT_EQ(array[0].to_string(), "-2.25");
  EXPECT_EQ(tieout::sum(array).to_string(), "-2.25");
}

TEST(decimal_array, sum_is_exact_across_blocks_scales_and_sizes) {
  // 10,000 values of 10^18 - i at scale 2: each block's sum passes 2^64 and
  // the coefficients are past the 2^51 fast range, so both paths run.
  std::vector<Decimal> values;
  for (int i = 0; i < 10000; ++i) {
    values.push_back(Decimal::from_coefficient(i % 3 == 0 ? 1'000'000'000'000'000'000 - i : -i, 2));
  }
  values[5000] = dec("0.001");
  values[9000] = Decimal(1).shifted(40);
  Decimal folded;
  for (const Decimal& v : values)
    folded += v;
  EXPECT_EQ(tieout::sum(DecimalArray(values)), folded);
  EXPECT_EQ(tieout::sum(DecimalArray()), Decimal());
}

TEST(decimal_array, sum_of_in_range_blocks_matches_hand_arithmetic) {
  // 1..8192 at scale 0 sums to 8192 x 8193 / 2 = 33,558,528; negated, the same.
  std::vector<Decimal> values;
  for (int i = 1; i <= 8192; ++i)
    values.push_back(Decimal(i));
  EXPECT_EQ(tieout::sum(DecimalArray(values)), Decimal(33558528));
  EXPECT_EQ(tieout::sum(values), Decimal(33558528));
  for (auto& v : values)
    v = -v;
  EXPECT_EQ(tieout::sum(DecimalArray(values)), Decimal(-33558528));
  EXPECT_EQ(tieout::sum(values), Decimal(-33558528));
  // Just inside and just outside the biased range: +/-(2^51 - 1) and 2^51.
  const std::int64_t edge = (std::int64_t{1} << 51) - 1;
  const std::vector<Decimal> at_edge = {Decimal(edge), Decimal(edge), Decimal(-edge - 1)};
  EXPECT_EQ(tieout::sum(DecimalArray(at_edge)), Decimal(edge - 1));
  EXPECT_EQ(tieout::sum(at_edge), Decimal(edge - 1));
  const std::vector<Decimal> past_edge = {Decimal(edge + 1), Decimal(edge + 1), Decimal(-edge - 2)};
  EXPECT_EQ(tieout::sum(DecimalArray(past_edge)), Decimal(edge));
  EXPECT_EQ(tieout::sum(past_edge), Decimal(edge));
}

}  // namespace
