// Tests of tieout/unit.hpp. The printed currencies are those of the seeds:
// RMB and US$ in the earnings releases, HK$ in the HKEX monthly return.
#include "tieout/unit.hpp"

#include <gtest/gtest.h>

#include "tieout/error.hpp"

namespace {

using tieout::Currency;
using tieout::Unit;
using tieout::UnitKind;

TEST(unit, printed_currencies_map_to_iso_codes) {
  EXPECT_EQ(Currency::from_printed("RMB")->code(), "CNY");
  EXPECT_EQ(Currency::from_printed("US$")->code(), "USD");
  EXPECT_EQ(Currency::from_printed("HK$")->code(), "HKD");
  EXPECT_EQ(Currency::from_printed("\u20AC")->code(), "EUR");
  EXPECT_EQ(Currency::from_printed("USD")->code(), "USD");
  EXPECT_EQ(Currency::from_printed("CNY"), Currency::from_printed("RMB"));
}

TEST(unit, symbols_that_name_several_currencies_are_refused) {
  EXPECT_FALSE(Currency::from_printed("$").has_value());
  EXPECT_FALSE(Currency::from_printed("\u00A5").has_value());  // yen or yuan
  EXPECT_FALSE(Currency::from_printed("rmb").has_value());
  EXPECT_FALSE(Currency::from_printed("").has_value());
}

TEST(unit, currency_codes_are_three_capital_letters) {
  EXPECT_THROW(Currency("usd"), tieout::domain_error);
  EXPECT_THROW(Currency("US"), tieout::domain_error);
  EXPECT_THROW(Currency("US$"), tieout::domain_error);
  EXPECT_EQ(Currency("HKD").code(), "HKD");
}

TEST(unit, units_name_their_kind_and_currency) {
  const Currency cny("CNY"), usd("USD");
  EXPECT_EQ(Unit::money(cny).to_string(), "CNY");
  EXPECT_EQ(Unit::per_share(usd).to_string(), "USD/share");  // basic loss per share, US$0.04
  EXPECT_EQ(Unit::per_ads(usd).to_string(), "USD/ADS");
  EXPECT_EQ(Unit::shares().to_string(), "shares");
  EXPECT_EQ(Unit::ads().to_string(), "ADS");
  EXPECT_EQ(Unit::percent().to_string(), "%");
  EXPECT_EQ(Unit::pure().to_string(), "pure");
  EXPECT_EQ(Unit::money(cny).kind(), UnitKind::money);
  EXPECT_FALSE(Unit::shares().currency().has_value());
}

TEST(unit, only_like_units_are_equal) {
  const Currency cny("CNY"), usd("USD");
  EXPECT_EQ(Unit::money(cny), Unit::money(Currency("CNY")));
  EXPECT_NE(Unit::money(cny), Unit::money(usd));
  EXPECT_NE(Unit::money(cny), Unit::per_share(cny));
  EXPECT_NE(Unit::shares(), Unit::ads());
  EXPECT_NE(Unit::percent(), Unit::pure());
}

}  // namespace
