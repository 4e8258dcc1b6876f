// Audit script: a Form 144 notice of proposed sale of Kingsoft Cloud ADSs
// by a director, dated 11/24/2023 (examples/filings/000_9f91e63732c1d02c.txt),
// as a GoogleTest program.
//
// tieout does not read this form yet: its tables have no periods or
// currencies in their headers, so it keeps each figure cell as an unplaced
// cell with the reason, and checks nothing. This script says what is read
// and checks by hand what a reviewer of the notice checks, with the
// figures stated as the form prints them (tieout::stated). Cells are named
// LINE:COLUMN (COLUMN the TAB-separated field, the label being field 1).
#include <string>
#include <tieout/gtest.hpp>

#include "unplaced_cells.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using tieout::Decimal;
using tieout::stated;

const std::string form_144 = TIEOUT_FILINGS_DIR "/000_9f91e63732c1d02c.txt";

class form_144_of_november_2023 : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(audit.add_file(form_144)); }

  // What the figure printed in cell LINE:COLUMN stands for: its value plus
  // or minus half a unit of its last printed digit.
  tieout::Interval cell(const char* where) {
    return *tieout::Amount(stated(unplaced_cells(audit).at(where))).interval();
  }

  tieout::Audit audit;
};

// The form is read, none of its figures is placed, so nothing is checked.
// Its six figure cells, counted on the form, are all kept: line 39 (to be
// sold: 46000 ADSs, aggregate market value 218960.00, 3539136595 shares
// outstanding), line 46 (46000 acquired) and line 55 (sold in the past
// three months: 4938 ADSs for 24279.95). Dates are not figures.
TEST_F(form_144_of_november_2023, is_read_and_its_six_figures_are_kept) {
  const tieout::TieOut tie_out = audit.run();
  EXPECT_EQ(tie_out.summary().figures, 0u);
  EXPECT_EQ(tie_out.summary().checks, 0u);
  EXPECT_THAT(unplaced_cells(audit), ElementsAre(Pair("39:3", "46000"), Pair("39:4", "218960.00"),
                                                 Pair("39:5", "3539136595"), Pair("46:7", "46000"),
                                                 Pair("55:4", "4938"), Pair("55:5", "24279.95")));
}

// The notice sells what the director acquired under the share incentive
// plan on the same day: the lot acquired (line 46) is the lot to be sold
// (line 39).
TEST_F(form_144_of_november_2023, the_lot_acquired_is_the_lot_to_be_sold) {
  const auto cells = unplaced_cells(audit);
  EXPECT_THAT(stated(cells.at("39:3"), "000_9f91e63732c1d02c.txt:39"),
              tieout::TiesTo(stated(cells.at("46:7"), "000_9f91e63732c1d02c.txt:46")));
}

// The form states no price. The aggregate market value implies 218,960.00
// / 46,000 = US$4.76 per ADS, the figure to compare with the market's
// quote for the day, which the form does not give. The matchers compare
// amounts, and of quotients build only percentages (percent_of), so the
// script divides what the two printed figures stand for itself.
TEST_F(form_144_of_november_2023, the_aggregate_market_value_implies_4_76_per_ads) {
  const tieout::Interval per_ads = tieout::divide(cell("39:4"), cell("39:3"), 4);
  EXPECT_TRUE(per_ads.contains(Decimal::parse("4.76"))) << "per ADS: " << per_ads;
}

// Rule 144(e): what is sold, with what was sold in the past three months,
// must not exceed 1% of the shares outstanding (or the weekly trading
// volume, when larger). Each ADS is fifteen ordinary shares (line 39's
// title): (46,000 + 4,938) x 15 = 764,070 shares, 0.0216% of 3,539,136,595.
TEST_F(form_144_of_november_2023, the_sales_are_within_the_one_percent_volume_limit) {
  const tieout::Interval ordinary_shares = (cell("39:3") + cell("55:4")).scaled(Decimal(15));
  const tieout::Interval percent_outstanding =
      tieout::divide(ordinary_shares.scaled(Decimal(100)), cell("39:5"), 6);
  EXPECT_LT(percent_outstanding.upper(), Decimal(1)) << "% of outstanding: " << percent_outstanding;
}

}  // namespace
