// Audit script: Kingsoft Cloud's unaudited Q3 2024 earnings release
// (examples/filings/004_5d25836ba150503a.txt), as a GoogleTest program.
//
// Each test is one step of the working paper: what is checked and why.
// Expected values are read off the release by hand; line numbers are the
// file's, and figures are named FILE:LINE:COLUMN as the reports name them
// (COLUMN is the TAB-separated field, the label being field 1).
#include <string>
#include <tieout/gtest.hpp>

namespace {

using tieout::figure;
using tieout::stated;

const std::string release = TIEOUT_FILINGS_DIR "/004_5d25836ba150503a.txt";

// One audit of the release per test: each test states what it needs and
// reads alone, at the price of reading the filing once per test.
class q3_2024_release : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(audit.add_file(release)); }

  tieout::Audit audit;
};

// The release must be internally consistent before anything in it is
// relied on: every footing, quarter-to-nine-months sum, US$ conversion at
// RMB7.0176 (stated on line 63), margin and per-share figure its layout
// states, and every amount its prose restates from the tables.
TEST_F(q3_2024_release, ties_out) {
  const tieout::TieOut tie_out = audit.run();
  EXPECT_TIES(tie_out);
}

// Revenue is the headline: the segments must add up to the total in every
// column. Q3 2024 (lines 219-222, field 5): public cloud 1,175,535 +
// enterprise cloud 710,039 + others "-" = 1,885,574 (RMB thousands).
TEST_F(q3_2024_release, revenues_foot) {
  const tieout::TieOut tie_out = audit.run();
  EXPECT_FOOTS(tie_out, "Total revenues");
}

// What readers quote is the text, not the tables: the highlights must say
// what the income statement says, at the precision they print.
TEST_F(q3_2024_release, the_highlights_restate_the_income_statement) {
  // Line 55: "Total Revenues reached RMB1,885.6 million"; line 222 field 5
  // prints 1,885,574 thousand, which is 1,885.6 million to 0.1 million.
  EXPECT_THAT(figure(audit, "004_5d25836ba150503a.txt:222:5"),
              tieout::TiesTo(stated("RMB1,885.6 million", "004_5d25836ba150503a.txt:55")));
  // Line 56: "Gross profit was ... (US$43.2 million)"; line 224 field 6
  // prints 43,227 thousand.
  EXPECT_THAT(figure(audit, "004_5d25836ba150503a.txt:224:6"),
              tieout::TiesTo(stated("US$43.2 million", "004_5d25836ba150503a.txt:56")));
}

// The CEO's "AI business ... RMB362 million, accounting for approximately
// 31% of public cloud revenue" (line 59) is not in any table, so tieout
// cannot link it; the script checks it against public cloud revenue, line
// 219 field 5: 362 / 1,175.535 = 30.8%, which rounds to 31%.
TEST_F(q3_2024_release, ai_revenue_is_about_31_percent_of_public_cloud) {
  EXPECT_THAT(tieout::percent_of(stated("RMB362 million", "004_5d25836ba150503a.txt:59"),
                                 figure(audit, "004_5d25836ba150503a.txt:219:5")),
              tieout::TiesTo(stated("31%")));
}

// The balance sheet prints total assets (line 181) and, at its foot, total
// liabilities, non-controlling interests and equity (line 209); an auditor
// also proves assets = liabilities + equity from the two subtotals (lines
// 198 and 208), a footing across the two halves that the layout does not
// state. Sep 30, 2024, RMB, field 3: 11,125,436 + 5,571,148 = 16,696,584;
// US$, field 4: 1,585,362 + 793,882 = 2,379,244.
TEST_F(q3_2024_release, assets_equal_liabilities_plus_equity) {
  const auto rmb =
      tieout::add_footing(audit, "004_5d25836ba150503a.txt:181:3",
                          {"004_5d25836ba150503a.txt:198:3", "004_5d25836ba150503a.txt:208:3"});
  const auto usd =
      tieout::add_footing(audit, "004_5d25836ba150503a.txt:181:4",
                          {"004_5d25836ba150503a.txt:198:4", "004_5d25836ba150503a.txt:208:4"});
  ASSERT_TRUE(rmb && usd);
  const tieout::TieOut tie_out = audit.run();
  EXPECT_TIES(tie_out);
  // Exactly, not merely within rounding: a balance sheet balances to its
  // last printed digit.
  EXPECT_EQ(name_of(tie_out.checks.results[rmb->index()].verdict), "pass");
  EXPECT_EQ(name_of(tie_out.checks.results[usd->index()].verdict), "pass");
}

}  // namespace
