// Tests of tieout/decimal.hpp. Expected values are worked by hand (or, for the
// long products, are the stated powers of two written out).
#include "tieout/decimal.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <unordered_set>

#include <gtest/gtest.h>

namespace {

using tieout::Decimal;
using tieout::RoundingMode;

Decimal dec(std::string_view text) {
  return Decimal::parse(text);
}

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

// The fast path is usable at compile time.
static_assert(Decimal::from_coefficient(15, 1) + Decimal::from_coefficient(25, 2) ==
              Decimal::from_coefficient(175, 2));
static_assert((Decimal::from_coefficient(15, 1) * Decimal(3)).scale() == 1);
static_assert(Decimal::from_coefficient(25, 1).rescaled(0, RoundingMode::half_even) == Decimal(2));
static_assert(Decimal(-7) < Decimal(3));
static_assert(sizeof(Decimal) == 16, "a Decimal is a coefficient word plus scale and tag");

TEST(decimal, default_is_zero_at_scale_zero) {
  const Decimal zero;
  EXPECT_TRUE(zero.is_zero());
  EXPECT_EQ(zero.scale(), 0);
  EXPECT_EQ(zero.to_string(), "0");
}

TEST(decimal, from_coefficient_places_the_point) {
  EXPECT_EQ(Decimal::from_coefficient(-123450, 2).to_string(), "-1234.50");
  EXPECT_EQ(Decimal::from_coefficient(5, 3).to_string(), "0.005");
  EXPECT_EQ(Decimal::from_coefficient(-5, 3).to_string(), "-0.005");
  EXPECT_THROW(Decimal::from_coefficient(1, -1), tieout::domain_error);
  EXPECT_THROW(Decimal::from_coefficient(1, Decimal::max_scale + 1), tieout::domain_error);
}

TEST(decimal, equality_is_by_value_and_scale_is_kept) {
  EXPECT_EQ(dec("1.5"), dec("1.50"));
  EXPECT_EQ(dec("1.50").to_string(), "1.50");
  EXPECT_EQ(dec("-0"), Decimal());
  EXPECT_NE(dec("1.5"), dec("1.05"));
  EXPECT_EQ(dec("1.5").hash(), dec("1.500").hash());
  EXPECT_EQ(dec("100").hash(), dec("100.00").hash());
  std::unordered_set<Decimal> set = {dec("2.0"), dec("2"), dec("2.00")};
  EXPECT_EQ(set.size(), 1u);
}

TEST(decimal, adds_and_subtracts_exactly_across_scales) {
  EXPECT_EQ((dec("1.5") + dec("0.25")).to_string(), "1.75");
  EXPECT_EQ((dec("0.1") + dec("0.2")).to_string(), "0.3");
  EXPECT_EQ((dec("268692") - dec("225465")).to_string(), "43227");
  EXPECT_EQ((dec("-1428968") + dec("1625208")).to_string(), "196240");
  EXPECT_EQ((dec("1") - dec("0.001")).to_string(), "0.999");
}

TEST(decimal, multiplies_exactly_with_summed_scale) {
  const Decimal product = dec("1.5") * dec("7.0176");
  EXPECT_EQ(product.to_string(), "10.52640");
  EXPECT_EQ(product.scale(), 5);
  EXPECT_EQ((dec("-0.5") * dec("0.5")).to_string(), "-0.25");
  // 241,459,705 ADS x 15 shares each = 3,621,895,575 shares.
  EXPECT_EQ((dec("241459705") * Decimal(15)).to_string(), "3621895575");
}

TEST(decimal, addition_past_int64_promotes_instead_of_wrapping) {
  const Decimal max(int64_max);
  const Decimal beyond = max + Decimal(1);
  EXPECT_FALSE(beyond.is_small());
  EXPECT_EQ(beyond.to_string(), "9223372036854775808");
  EXPECT_GT(beyond, max);
  const Decimal back = beyond - Decimal(1);
  EXPECT_TRUE(back.is_small()) << "results that fit return to the fast path";
  EXPECT_EQ(back, max);

  const Decimal min(int64_min);
  EXPECT_EQ((min - Decimal(1)).to_string(), "-9223372036854775809");
  EXPECT_EQ((-min).to_string(), "9223372036854775808");
  EXPECT_EQ(min.abs().to_string(), "9223372036854775808");
}

TEST(decimal, aligning_scales_past_int64_promotes) {
  // 9223372036854775807 - 0.1: aligning to scale 1 needs coefficient
  // 92233720368547758070 - 1, past int64.
  EXPECT_EQ((Decimal(int64_max) - Decimal::from_coefficient(1, 1)).to_string(),
            "9223372036854775806.9");
  // Scales 40 apart cannot be aligned in an int64 at all.
  EXPECT_EQ((Decimal(1) + Decimal::from_coefficient(1, 40)).to_string(),
            "1.0000000000000000000000000000000000000001");
}

TEST(decimal, multiplication_past_int64_promotes) {
  // (2^63 - 1)^2 = 2^126 - 2^64 + 1.
  EXPECT_EQ((Decimal(int64_max) * Decimal(int64_max)).to_string(),
            "85070591730234615847396907784232501249");
  EXPECT_EQ((Decimal(int64_min) * Decimal(-1)).to_string(), "9223372036854775808");
}

TEST(decimal, unsigned_values_past_int64_are_exact) {
  const Decimal value(std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(value.to_string(), "18446744073709551615");
}

TEST(decimal, overflow_past_the_big_range_throws) {
  const Decimal huge = Decimal(1).shifted(300);
  EXPECT_EQ(huge.to_string().size(), 301u);
  EXPECT_THROW(huge * huge, tieout::overflow_error);
  EXPECT_THROW(huge.shifted(100), tieout::overflow_error);
  // Scales add in multiplication; 40 + 40 places exceed max_scale and are
  // not all trailing zeros.
  const Decimal fine = Decimal::from_coefficient(3, 40);
  EXPECT_THROW(fine * fine, tieout::overflow_error);
  // Trailing zeros past max_scale are dropped without loss.
  const Decimal tenth_padded = dec("0.1000000000000000000000000000000000000000");
  const Decimal hundredth = tenth_padded * tenth_padded;
  EXPECT_EQ(hundredth, dec("0.01"));
  EXPECT_EQ(hundredth.scale(), Decimal::max_scale);
}

TEST(decimal, comparison_orders_values_of_any_size_and_scale) {
  const Decimal big = Decimal(1).shifted(30);
  EXPECT_LT(Decimal(int64_max), big);
  EXPECT_LT(-big, Decimal(int64_min));
  EXPECT_LT(Decimal::from_coefficient(1, 40), Decimal::from_coefficient(1, 0));
  EXPECT_LT(Decimal::from_coefficient(-1, 0), Decimal::from_coefficient(-1, 40));
  EXPECT_GT(big + Decimal::from_coefficient(1, 60), big);
  EXPECT_EQ(big.shifted(-60), Decimal(1).shifted(-30));
}

TEST(decimal, divides_at_the_requested_scale_and_mode) {
  // 303,354 / 7.0176 = 43,227.599...
  EXPECT_EQ(divide(dec("303354"), dec("7.0176"), 1, RoundingMode::half_up).to_string(), "43227.6");
  EXPECT_EQ(divide(dec("303354"), dec("7.0176"), 0, RoundingMode::half_up).to_string(), "43228");
  EXPECT_EQ(divide(dec("303354"), dec("7.0176"), 0, RoundingMode::down).to_string(), "43227");
  EXPECT_EQ(divide(Decimal(2), Decimal(3), 5, RoundingMode::half_up).to_string(), "0.66667");
  EXPECT_EQ(divide(Decimal(-2), Decimal(3), 5, RoundingMode::down).to_string(), "-0.66666");
  EXPECT_EQ(divide(Decimal(-2), Decimal(3), 5, RoundingMode::floor).to_string(), "-0.66667");
  EXPECT_EQ(divide(Decimal(-2), Decimal(3), 5, RoundingMode::ceiling).to_string(), "-0.66666");
  EXPECT_EQ(divide(Decimal(2), Decimal(-3), 5, RoundingMode::up).to_string(), "-0.66667");
  EXPECT_EQ(divide(Decimal(1), Decimal(8), 2, RoundingMode::half_even).to_string(), "0.12");
  EXPECT_EQ(divide(Decimal(3), Decimal(8), 2, RoundingMode::half_even).to_string(), "0.38");
  EXPECT_EQ(divide(dec("0.5"), dec("0.25"), 0, RoundingMode::down).to_string(), "2");
  EXPECT_THROW(divide(Decimal(1), dec("0.00"), 2, RoundingMode::half_up), tieout::domain_error);
}

TEST(decimal, rescale_rounds_in_each_mode) {
  struct Case {
    const char* value;
    RoundingMode mode;
    const char* expected;
  };
  const Case cases[] = {
      {"2.5", RoundingMode::half_up, "3"},     {"-2.5", RoundingMode::half_up, "-3"},
      {"2.5", RoundingMode::half_even, "2"},   {"3.5", RoundingMode::half_even, "4"},
      {"-2.5", RoundingMode::half_even, "-2"}, {"-3.5", RoundingMode::half_even, "-4"},
      {"2.49", RoundingMode::half_up, "2"},    {"2.51", RoundingMode::half_even, "3"},
      {"2.9", RoundingMode::down, "2"},        {"-2.9", RoundingMode::down, "-2"},
      {"2.1", RoundingMode::up, "3"},          {"-2.1", RoundingMode::up, "-3"},
      {"2.9", RoundingMode::floor, "2"},       {"-2.1", RoundingMode::floor, "-3"},
      {"2.1", RoundingMode::ceiling, "3"},     {"-2.9", RoundingMode::ceiling, "-2"},
      {"7.0", RoundingMode::up, "7"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(dec(c.value).rescaled(0, c.mode).to_string(), c.expected)
        << c.value << " in mode " << static_cast<int>(c.mode);
  }
  EXPECT_EQ(dec("1.5").rescaled(3, RoundingMode::down).to_string(), "1.500");
  EXPECT_EQ(dec("1885.55").rescaled(1, RoundingMode::half_up).to_string(), "1885.6");
  EXPECT_THROW((void)dec("1").rescaled(-1, RoundingMode::down), tieout::domain_error);
}

TEST(decimal, rescale_of_big_values_rounds_the_same_way) {
  // 10^25 + 0.5 at scale 0: the tie goes away from zero in half_up and to the
  // even neighbour (10^25 itself) in half_even.
  const Decimal tie = Decimal(1).shifted(25) + dec("0.5");
  EXPECT_FALSE(tie.is_small());
  EXPECT_EQ(tie.rescaled(0, RoundingMode::half_up).to_string(), "10000000000000000000000001");
  EXPECT_EQ(tie.rescaled(0, RoundingMode::half_even).to_string(), "10000000000000000000000000");
  EXPECT_EQ((-tie).rescaled(0, RoundingMode::floor).to_string(), "-10000000000000000000000001");
}

TEST(decimal, shifted_and_normalized_move_the_point_exactly) {
  EXPECT_EQ(dec("1885.6").shifted(6).to_string(), "1885600000");
  EXPECT_EQ(dec("1885.6").shifted(6).scale(), 0);
  EXPECT_EQ(dec("0.5").shifted(-3).to_string(), "0.0005");
  EXPECT_EQ(dec("1.2345").shifted(2).to_string(), "123.45");
  EXPECT_EQ(dec("1.500").normalized().to_string(), "1.5");
  EXPECT_EQ(dec("100").normalized().to_string(), "100");
  EXPECT_EQ(dec("-0.000").normalized().to_string(), "0");
}

TEST(decimal, canonical_parse_accepts_only_the_canonical_form) {
  EXPECT_EQ(dec("-1234.50").scale(), 2);
  EXPECT_EQ(dec("0007").to_string(), "7");
  const struct {
    const char* text;
    std::size_t offset;
  } rejected[] = {{"", 0},    {"+1", 0},    {"1.", 2}, {"1.2.3", 3},
                  {"1e5", 1}, {"1,000", 1}, {"-", 1},  {".5", 0}};
  for (const auto& r : rejected) {
    const auto parsed = Decimal::try_parse(r.text);
    ASSERT_FALSE(parsed.has_value()) << r.text;
    EXPECT_EQ(parsed.error().offset, r.offset) << r.text << ": " << parsed.error().reason;
  }
  EXPECT_THROW(dec("1.2.3"), tieout::parse_error);
  EXPECT_FALSE(Decimal::try_parse(std::string(400, '9')).has_value());
  EXPECT_FALSE(Decimal::try_parse("0." + std::string(65, '1')).has_value());
}

TEST(decimal, sum_matches_operator_plus_on_mixed_input) {
  std::vector<Decimal> values;
  for (int i = 0; i < 10000; ++i)
    values.push_back(Decimal::from_coefficient(int64_max - i, 2));
  values[5000] = dec("0.001");            // another scale inside a block
  values[7000] = Decimal(1).shifted(40);  // a big value
  Decimal folded;
  for (const Decimal& v : values)
    folded += v;
  EXPECT_EQ(tieout::sum(values), folded);
  EXPECT_EQ(tieout::sum({}), Decimal());
}

}  // namespace
