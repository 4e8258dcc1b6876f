// Tests of tieout/interval.hpp. Intervals are worked by hand from the XBRL
// Calculations 1.1 definitions; the gross-profit case is the Q3 2024 release
// (shared/seeds/004_5d25836ba150503a.txt, lines 222-224).
#include "tieout/interval.hpp"

#include <gtest/gtest.h>

namespace {

using tieout::Decimal;
using tieout::Interval;
using tieout::RoundingConvention;

Decimal dec(std::string_view text) {
  return Decimal::parse(text);
}
Interval rounded(std::string_view value, int decimals) {
  return Interval::from_rounded(dec(value), decimals);
}
Interval truncated(std::string_view value, int decimals) {
  return Interval::from_rounded(dec(value), decimals, RoundingConvention::truncation);
}

TEST(interval, round_to_nearest_is_closed_half_a_unit_each_side) {
  EXPECT_EQ(rounded("43227", 0).to_string(), "[43226.5, 43227.5]");
  EXPECT_EQ(rounded("-0.73", 2).to_string(), "[-0.735, -0.725]");
  // RMB1,885.6 million: decimals -5, so +/- 50,000.
  EXPECT_EQ(rounded("1885600000", -5).to_string(), "[1885550000, 1885650000]");
}

TEST(interval, truncation_is_half_open_toward_zero) {
  EXPECT_EQ(truncated("5", 0).to_string(), "[5, 6)");
  EXPECT_EQ(truncated("-5", 0).to_string(), "(-6, -5]");
  EXPECT_EQ(truncated("0", 1).to_string(), "(-0.1, 0.1)");
}

TEST(interval, overlap_respects_open_and_closed_ends) {
  EXPECT_TRUE(rounded("1", 0).overlaps(rounded("2", 0)));         // share the point 1.5
  EXPECT_FALSE(truncated("5", 0).overlaps(truncated("6", 0)));    // [5,6) and [6,7)
  EXPECT_FALSE(truncated("-6", 0).overlaps(truncated("-5", 0)));  // (-7,-6] and (-6,-5]
  EXPECT_TRUE(truncated("5", 0).overlaps(rounded("6", 0)));       // [5,6) and [5.5,6.5]
  EXPECT_FALSE(rounded("3", 0).overlaps(rounded("5", 0)));
}

TEST(interval, footing_holds_exactly_at_the_edge_and_fails_one_unit_beyond) {
  // parts 1 and 2 printed to units: [0.5,1.5] + [1.5,2.5] = [2,4].
  const Interval parts = rounded("1", 0) + rounded("2", 0);
  EXPECT_EQ(parts.to_string(), "[2.0, 4.0]");      // half units carry one place
  EXPECT_TRUE(parts.overlaps(rounded("4.5", 0)));  // [4,5] touches at 4
  EXPECT_FALSE(parts.overlaps(rounded("5", 0)));   // [4.5,5.5]
  EXPECT_TRUE(parts.overlaps(rounded("1.5", 0)));  // [1,2] touches at 2
  EXPECT_FALSE(parts.overlaps(rounded("1", 0)));   // [0.5,1.5]
  // The same, negative.
  const Interval negative_parts = rounded("-1", 0) + rounded("-2", 0);
  EXPECT_EQ(negative_parts.to_string(), "[-4.0, -2.0]");
  EXPECT_TRUE(negative_parts.overlaps(rounded("-4.5", 0)));
  EXPECT_FALSE(negative_parts.overlaps(rounded("-5", 0)));
  // With truncation the shared end is open, so touching is not enough.
  const Interval truncated_parts = truncated("1", 0) + truncated("2", 0);  // [3, 5)
  EXPECT_EQ(truncated_parts.to_string(), "[3, 5)");
  EXPECT_FALSE(truncated_parts.overlaps(truncated("5", 0)));
  EXPECT_TRUE(truncated_parts.overlaps(truncated("4", 0)));
}

TEST(interval, negative_weight_swaps_ends_and_their_openness) {
  EXPECT_EQ(truncated("5", 0).scaled(Decimal(-1)).to_string(), "(-6, -5]");
  EXPECT_EQ(rounded("2", 0).scaled(Decimal(3)).to_string(), "[4.5, 7.5]");
  EXPECT_EQ(rounded("2", 0).scaled(Decimal()).to_string(), "[0, 0]");
  EXPECT_EQ((truncated("5", 0) - truncated("1", 0)).to_string(), "(3, 5)");
  EXPECT_EQ((-truncated("5", 0)).to_string(), "(-6, -5]");
}

TEST(interval, gross_profit_ties_by_footing_the_converted_lines_not_by_converting) {
  // Q3 2024: gross profit RMB303,354 thousand, US$43,227 thousand at 7.0176.
  const Interval rmb = rounded("303354", 0);
  const Interval rate(dec("7.0176"));
  const Interval converted = tieout::divide(rmb, rate, 4);
  // 303353.5 / 7.0176 = 43227.5279..., 303354.5 / 7.0176 = 43227.6704...
  EXPECT_EQ(converted.to_string(), "[43227.5279, 43227.6705]");
  EXPECT_FALSE(converted.overlaps(rounded("43227", 0)));
  // US$ revenues 268,692 less US$ cost of revenues 225,465.
  const Interval footed = rounded("268692", 0) - rounded("225465", 0);
  EXPECT_EQ(footed.to_string(), "[43226.0, 43228.0]");
  EXPECT_TRUE(footed.overlaps(rounded("43227", 0)));
}

TEST(interval, multiplication_takes_the_closed_hull_of_exact_products) {
  EXPECT_EQ((Interval::closed(Decimal(1), Decimal(2)) * Interval::closed(Decimal(-3), Decimal(4)))
                .to_string(),
            "[-6, 8]");
  // 241,459,705 ADS x 15: the point product.
  EXPECT_EQ((Interval(dec("241459705")) * Interval(Decimal(15))).to_string(),
            "[3621895575, 3621895575]");
}

TEST(interval, division_rounds_outward) {
  EXPECT_EQ(
      tieout::divide(Interval::closed(Decimal(1), Decimal(2)), Interval(Decimal(3)), 3).to_string(),
      "[0.333, 0.667]");
  EXPECT_EQ(tieout::divide(Interval::closed(Decimal(-2), Decimal(-1)), Interval(Decimal(3)), 3)
                .to_string(),
            "[-0.667, -0.333]");
  EXPECT_THROW(tieout::divide(Interval(Decimal(1)), rounded("0", 0), 2), tieout::domain_error);
  EXPECT_THROW(tieout::divide(Interval(Decimal(1)), truncated("0", 0), 2), tieout::domain_error);
}

TEST(interval, empty_intervals_cannot_be_built) {
  EXPECT_THROW(Interval::closed(Decimal(2), Decimal(1)), tieout::domain_error);
  EXPECT_THROW(Interval(Decimal(1), true, Decimal(1), false), tieout::domain_error);
  EXPECT_FALSE(rounded("1", 0).intersect(rounded("3", 0)).has_value());
  EXPECT_EQ(truncated("5", 0).intersect(rounded("6", 0))->to_string(), "[5.5, 6)");
}

TEST(interval, contains_and_midpoint) {
  EXPECT_TRUE(truncated("5", 0).contains(Decimal(5)));
  EXPECT_FALSE(truncated("5", 0).contains(Decimal(6)));
  EXPECT_EQ(rounded("43227", 0).midpoint(), Decimal(43227));
  EXPECT_EQ(rounded("43227", 0).width(), Decimal(1));
}

}  // namespace
