// Audit script: Kingsoft Cloud's HKEX monthly return on movements in
// securities for October 2024 (examples/filings/002_afd6e83263010241.txt),
// as a GoogleTest program.
//
// tieout does not read this form yet: its rows are balances and movements
// rather than line items over periods, and the scan splits numbers across
// cells ("40,000" and ",000,000" on line 63). It keeps each figure cell as
// an unplaced cell with the reason, and checks nothing. So this script says
// what is read, and checks by hand what an auditor checks on the form, in
// two ways: by placing figures in the audit's graph, where the checks added
// are checked, solved and reported with the rest, and by stating figures
// (tieout::stated) and comparing them. Figures are named LINE:COLUMN of
// the filing (COLUMN the TAB-separated field, the label being field 1).
#include <chrono>
#include <string>
#include <tieout/gtest.hpp>

#include "unplaced_cells.hpp"

namespace {

using ::testing::Contains;
using ::testing::Pair;
using tieout::stated;

const std::string monthly_return = TIEOUT_FILINGS_DIR "/002_afd6e83263010241.txt";

class monthly_return_for_october_2024 : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(audit.add_file(monthly_return)); }

  tieout::Audit audit;
};

// The return is read, none of its figures is placed, so nothing is checked:
// "ties out" says nothing about it. When tieout learns to read the form,
// this test fails, and the hand checks below should become checks of the
// figures it places.
TEST_F(monthly_return_for_october_2024, is_read_but_not_checked_by_tieout) {
  const tieout::TieOut tie_out = audit.run();
  EXPECT_EQ(tie_out.summary().figures, 0u);
  EXPECT_EQ(tie_out.summary().checks, 0u);
  // Its figures are kept, not dropped: the authorised share capital (line
  // 65, "Balance at close of the month") and the issued shares (line 78).
  const auto cells = unplaced_cells(audit);
  EXPECT_THAT(cells, Contains(Pair("65:4", "40,000")));
  EXPECT_THAT(cells, Contains(Pair("65:5", ",000,000")));
  EXPECT_THAT(cells, Contains(Pair("65:8", "0.001")));
  EXPECT_THAT(cells, Contains(Pair("65:11", "40,000,000")));
  EXPECT_THAT(cells, Contains(Pair("78:10", "3,805,284,801")));
}

// Authorised capital is the number of authorised shares times their par
// value: 40,000,000,000 shares x USD 0.001 = USD 40,000,000 (line 65). The
// script places the share count, joining the two cells the scan split it
// into, and the capital in the graph as of Oct 31, 2024, and adds the
// conversion at par, as tieout relates ADSs to shares.
TEST_F(monthly_return_for_october_2024, authorised_capital_is_shares_times_par) {
  const auto cells = unplaced_cells(audit);
  tieout::StatementGraph& graph = audit.graph();
  const tieout::DocumentId document = audit.documents().front().document;
  const tieout::TableId table =
      graph.add_table(document, "I. Movements in Authorised / Registered Share Capital",
                      tieout::TableKind::share_movements);
  const tieout::LineItemId closing = graph.add_line_item(table, "Balance at close of the month");
  const tieout::Period october_31 = tieout::Instant(std::chrono::year(2024) / 10 / 31);
  const tieout::FigureId shares =
      graph.add_figure(closing, october_31, tieout::Unit::shares(),
                       cells.at("65:4") + cells.at("65:5"), {document, 65, 4});
  const tieout::FigureId capital =
      graph.add_figure(closing, october_31, tieout::Unit::money(tieout::Currency("USD")),
                       cells.at("65:11"), {document, 65, 11});
  const tieout::ConstraintId at_par =
      audit.constraints().add_conversion(shares, capital, tieout::Decimal::parse(cells.at("65:8")));

  const tieout::TieOut tie_out = audit.run();
  EXPECT_TIES(tie_out);
  EXPECT_EQ(name_of(tie_out.checks.results[at_par.index()].verdict), "pass");
  // Line 67, under the table, states the total again.
  EXPECT_THAT(tieout::figure(audit, "002_afd6e83263010241.txt:65:11"),
              tieout::TiesTo(stated("USD 40,000,000", "002_afd6e83263010241.txt:67")));
}

// Nothing moved in October: the "Increase / decrease (-)" rows print no
// movement in the columns of the balances (line 64 only a stray "3.0" in
// field 7, under no column; line 77 nothing), so each balance at the close
// of the month must be the one at the close of the preceding month: USD
// 40,000,000 of authorised capital (lines 63 and 65, field 11) and
// 3,805,284,801 issued shares (lines 76 and 78, field 10). Stated figures
// are enough: there is nothing to add up.
TEST_F(monthly_return_for_october_2024, nothing_moved_in_the_month) {
  const auto cells = unplaced_cells(audit);
  EXPECT_THAT(stated(cells.at("65:11"), "002_afd6e83263010241.txt:65"),
              tieout::TiesTo(stated(cells.at("63:11"), "002_afd6e83263010241.txt:63")));
  EXPECT_THAT(stated(cells.at("78:10"), "002_afd6e83263010241.txt:78"),
              tieout::TiesTo(stated(cells.at("76:10"), "002_afd6e83263010241.txt:76")));
}

}  // namespace
