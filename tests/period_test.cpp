// Tests of tieout/period.hpp. The periods are those of the Q3 2024 release
// (examples/filings/004_5d25836ba150503a.txt) and the FY2023 announcement;
// day counts are worked by hand.
#include "tieout/period.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "tieout/error.hpp"

namespace {

using namespace std::chrono_literals;
using tieout::Date;
using tieout::Duration;
using tieout::Instant;
using tieout::Period;

const Duration q1_2024 = Duration::months_ended(2024y / 3 / 31, 3);
const Duration q2_2024 = Duration::months_ended(2024y / 6 / 30, 3);
const Duration q3_2024 = Duration::months_ended(2024y / 9 / 30, 3);
const Duration nine_months_2024 = Duration::months_ended(2024y / 9 / 30, 9);
const Duration fy_2024 = Duration::months_ended(2024y / 12 / 31, 12);

TEST(period, months_ended_a_month_end_start_on_the_first_of_a_month) {
  EXPECT_EQ(q3_2024.to_string(), "2024-07-01..2024-09-30");
  EXPECT_EQ(q3_2024.days(), 92);  // 31 + 31 + 30
  EXPECT_EQ(nine_months_2024.to_string(), "2024-01-01..2024-09-30");
  EXPECT_EQ(nine_months_2024.days(), 274);  // 2024 is a leap year: 31+29+31+30+31+30+31+31+30
  EXPECT_EQ(nine_months_2024.calendar_months(), 9);
  EXPECT_EQ(Duration::months_ended(2023y / 12 / 31, 12).to_string(), "2023-01-01..2023-12-31");
  EXPECT_EQ(Duration::months_ended(2024y / 2 / 29, 1).to_string(), "2024-02-01..2024-02-29");
}

TEST(period, months_ended_another_day_start_the_day_after_that_day) {
  EXPECT_EQ(Duration::months_ended(2024y / 6 / 15, 3).to_string(), "2024-03-16..2024-06-15");
  // Feb 30 does not exist: one month ended Mar 30 starts after Feb 29.
  EXPECT_EQ(Duration::months_ended(2024y / 3 / 30, 1).to_string(), "2024-03-01..2024-03-30");
  EXPECT_FALSE(Duration::months_ended(2024y / 6 / 15, 3).calendar_months().has_value());
}

TEST(period, quarters_tile_nine_months_in_any_order) {
  const std::vector<Duration> quarters = {q3_2024, q1_2024, q2_2024};
  EXPECT_TRUE(tiles(quarters, nine_months_2024));
  const Duration h1 = Duration::months_ended(2024y / 6 / 30, 6);
  const std::vector<Duration> half_and_quarter = {h1, q3_2024};
  EXPECT_TRUE(tiles(half_and_quarter, nine_months_2024));
}

TEST(period, gaps_overlaps_and_overhangs_do_not_tile) {
  const std::vector<Duration> gap = {q1_2024, q3_2024};
  EXPECT_FALSE(tiles(gap, nine_months_2024));
  const std::vector<Duration> overlap = {q1_2024, q2_2024, q2_2024, q3_2024};
  EXPECT_FALSE(tiles(overlap, nine_months_2024));
  const std::vector<Duration> overhang = {q1_2024, q2_2024, q3_2024};
  EXPECT_FALSE(tiles(overhang, Duration::months_ended(2024y / 8 / 31, 8)));
  EXPECT_FALSE(tiles({}, nine_months_2024));
}

TEST(period, the_year_less_nine_months_is_the_fourth_quarter) {
  EXPECT_EQ(remainder(fy_2024, nine_months_2024)->to_string(), "2024-10-01..2024-12-31");
  EXPECT_EQ(remainder(nine_months_2024, q3_2024)->to_string(), "2024-01-01..2024-06-30");
  EXPECT_FALSE(remainder(fy_2024, q2_2024).has_value());  // in the middle
  EXPECT_FALSE(remainder(q3_2024, nine_months_2024).has_value());
  EXPECT_FALSE(remainder(q3_2024, q3_2024).has_value());
}

TEST(period, instants_open_and_close_durations) {
  // The Dec 31, 2023 balance opens the nine months ended Sep 30, 2024.
  EXPECT_EQ(nine_months_2024.opening(), Instant(2023y / 12 / 31));
  EXPECT_EQ(nine_months_2024.closing(), Instant(2024y / 9 / 30));
  EXPECT_EQ(q3_2024.opening(), Instant(2024y / 6 / 30));
  EXPECT_EQ(q2_2024.closing(), q3_2024.opening());
}

TEST(period, invalid_dates_and_reversed_durations_are_rejected) {
  EXPECT_THROW(Instant(2023y / 2 / 30), tieout::domain_error);
  EXPECT_THROW(Duration(2024y / 9 / 30, 2024y / 7 / 1), tieout::domain_error);
  EXPECT_THROW(Duration::months_ended(2024y / 9 / 30, 0), tieout::domain_error);
  EXPECT_NO_THROW(Duration(2024y / 9 / 30, 2024y / 9 / 30));
}

TEST(period, periods_hold_either_kind_and_order_instants_first) {
  const Period balance = Instant(2023y / 12 / 31);
  const Period flow = q3_2024;
  EXPECT_TRUE(balance.is_instant());
  EXPECT_TRUE(flow.is_duration());
  EXPECT_THROW((void)balance.duration(), std::bad_variant_access);
  EXPECT_LT(balance, flow);
  EXPECT_LT(Period(q2_2024), Period(q3_2024));
  EXPECT_NE(Period(Instant(2024y / 9 / 30)), Period(Duration(2024y / 9 / 30, 2024y / 9 / 30)));
  EXPECT_EQ(flow.to_string(), "2024-07-01..2024-09-30");
}

}  // namespace
