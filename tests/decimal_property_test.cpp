// Property tests of Decimal and PrintedFigure over random values (fixed
// seeds, so a failure reproduces). Values are drawn to cover the int64 edge,
// where the fast path hands over to big coefficients.
#include <cstdint>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "tieout/decimal.hpp"
#include "tieout/printed_figure.hpp"

namespace {

using tieout::Decimal;
using tieout::RoundingMode;

constexpr int iterations = 20000;

class RandomDecimals {
 public:
  explicit RandomDecimals(std::uint64_t seed) : engine_(seed) {}

  Decimal next() {
    const int scale = static_cast<int>(pick(0, 18));
    switch (pick(0, 3)) {
      case 0:  // everyday figures
        return Decimal::from_coefficient(pick(-10'000'000'000, 10'000'000'000), scale);
      case 1:  // anywhere in int64, near the edges included
        return Decimal::from_coefficient(static_cast<std::int64_t>(engine_()), scale);
      case 2: {  // right at the int64 edge
        const std::int64_t edge = pick(0, 1) ? std::numeric_limits<std::int64_t>::max()
                                             : std::numeric_limits<std::int64_t>::min();
        return Decimal::from_coefficient(edge - (edge > 0 ? pick(0, 3) : -pick(0, 3)), scale);
      }
      default:  // big coefficients
        return Decimal::from_coefficient(static_cast<std::int64_t>(engine_()), scale) *
               Decimal(static_cast<std::int64_t>(engine_() | 1));
    }
  }

  std::int64_t pick(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(engine_);
  }

 private:
  std::mt19937_64 engine_;
};

TEST(decimal_property, parse_of_to_string_is_identity_with_scale) {
  RandomDecimals random(20241119);
  for (int i = 0; i < iterations; ++i) {
    const Decimal x = random.next();
    const Decimal back = Decimal::parse(x.to_string());
    ASSERT_EQ(back, x) << x;
    ASSERT_EQ(back.scale(), x.scale()) << x;
    ASSERT_EQ(back.hash(), x.hash()) << x;
  }
}

TEST(decimal_property, printed_figures_round_trip_in_every_style) {
  RandomDecimals random(7);
  const tieout::NegativeStyle styles[] = {
      tieout::NegativeStyle::hyphen_minus, tieout::NegativeStyle::minus_sign,
      tieout::NegativeStyle::en_dash, tieout::NegativeStyle::parentheses};
  for (int i = 0; i < iterations; ++i) {
    tieout::PrintedFigure figure;
    figure.number = random.next();
    figure.style.negative = styles[random.pick(0, 3)];
    figure.style.group_separator = random.pick(0, 1) ? "," : "";
    figure.currency = random.pick(0, 1) ? "RMB" : "";
    const std::string text = figure.to_string();
    const tieout::PrintedFigure back = tieout::PrintedFigure::parse(text);
    ASSERT_EQ(back.number, figure.number) << text;
    ASSERT_EQ(back.number->scale(), figure.number->scale()) << text;
    ASSERT_EQ(back.to_string(), text);
  }
}

TEST(decimal_property, addition_is_commutative_and_associative_exactly) {
  RandomDecimals random(42);
  for (int i = 0; i < iterations; ++i) {
    const Decimal a = random.next(), b = random.next(), c = random.next();
    ASSERT_EQ(a + b, b + a) << a << " + " << b;
    ASSERT_EQ((a + b) + c, a + (b + c)) << a << " + " << b << " + " << c;
    ASSERT_EQ((a + b) - b, a) << a << " + " << b << " - " << b;
    ASSERT_EQ(a * b, b * a) << a << " * " << b;
  }
}

TEST(decimal_property, sum_equals_folded_addition) {
  RandomDecimals random(3);
  std::vector<Decimal> values;
  Decimal folded;
  for (int i = 0; i < iterations; ++i) {
    // Mostly one scale, so that sum() takes its block path as well.
    values.push_back(
        random.pick(0, 50) == 0
            ? random.next()
            : Decimal::from_coefficient(
                  random.pick(-1'000'000'000'000'000'000, 1'000'000'000'000'000'000), 2));
    folded += values.back();
  }
  EXPECT_EQ(tieout::sum(values), folded);
}

// x = ±(k + 0.5), exactly halfway between two integers.
TEST(decimal_property, rounding_modes_at_exact_halves) {
  RandomDecimals random(5);
  for (int i = 0; i < iterations; ++i) {
    const std::int64_t k = random.pick(0, 1'000'000'000'000'000);
    const bool k_even = k % 2 == 0;
    const Decimal positive = Decimal::from_coefficient(k * 10 + 5, 1);
    const Decimal negative = -positive;
    const Decimal down(k), up(k + 1);
    const auto at = [](const Decimal& x, RoundingMode mode) { return x.rescaled(0, mode); };

    ASSERT_EQ(at(positive, RoundingMode::half_up), up);
    ASSERT_EQ(at(positive, RoundingMode::half_even), k_even ? down : up);
    ASSERT_EQ(at(positive, RoundingMode::down), down);
    ASSERT_EQ(at(positive, RoundingMode::up), up);
    ASSERT_EQ(at(positive, RoundingMode::floor), down);
    ASSERT_EQ(at(positive, RoundingMode::ceiling), up);

    ASSERT_EQ(at(negative, RoundingMode::half_up), -up);
    ASSERT_EQ(at(negative, RoundingMode::half_even), k_even ? -down : -up);
    ASSERT_EQ(at(negative, RoundingMode::down), -down);
    ASSERT_EQ(at(negative, RoundingMode::up), -up);
    ASSERT_EQ(at(negative, RoundingMode::floor), -up);
    ASSERT_EQ(at(negative, RoundingMode::ceiling), -down);
  }
}

// round(-x, m) == -round(x, mirror(m)) for any x, where mirror swaps floor
// and ceiling; the symmetric modes are their own mirror.
TEST(decimal_property, rounding_is_symmetric_under_negation) {
  RandomDecimals random(11);
  const std::pair<RoundingMode, RoundingMode> mirrors[] = {
      {RoundingMode::half_up, RoundingMode::half_up},
      {RoundingMode::half_even, RoundingMode::half_even},
      {RoundingMode::down, RoundingMode::down},
      {RoundingMode::up, RoundingMode::up},
      {RoundingMode::floor, RoundingMode::ceiling},
      {RoundingMode::ceiling, RoundingMode::floor}};
  for (int i = 0; i < iterations; ++i) {
    const Decimal x = random.next();
    const int places = static_cast<int>(random.pick(0, x.scale()));
    for (const auto& [mode, mirror] : mirrors) {
      ASSERT_EQ((-x).rescaled(places, mode), -x.rescaled(places, mirror)) << x << " at " << places;
    }
    // Rounding lands within one unit of the last kept place.
    const Decimal unit = Decimal(1).shifted(-places);
    ASSERT_LT((x.rescaled(places, RoundingMode::half_even) - x).abs(), unit) << x;
    ASSERT_LE(x.rescaled(places, RoundingMode::floor), x);
    ASSERT_GE(x.rescaled(places, RoundingMode::ceiling), x);
  }
}

}  // namespace
