// Audit script: Kingsoft Cloud's preliminary announcement of its FY2023
// annual results (examples/filings/003_2b93c8209c643bac.txt), a scan with
// OCR damage, as a GoogleTest program.
//
// This filing does not tie out, and the script says exactly how: one known
// discrepancy, asserted as found, and the damaged figures the checks read
// back. Expected values are read off the filing by hand; figures are named
// FILE:LINE:COLUMN (COLUMN the TAB-separated field, the label being 1).
#include <string>
#include <tieout/gtest.hpp>

namespace {

using tieout::figure;
using tieout::stated;

const std::string announcement = TIEOUT_FILINGS_DIR "/003_2b93c8209c643bac.txt";
const std::string q3_2024_release = TIEOUT_FILINGS_DIR "/004_5d25836ba150503a.txt";

class fy2023_announcement : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(audit.add_file(announcement)); }

  tieout::Audit audit;
};

// What the solver filled in for `figure` (an unreadable figure, or a dash
// where a value is required), as the filing would print it; empty when it
// filled in nothing.
std::string filled_in(const tieout::TieOut& tie_out, const tieout::FigureRef& figure) {
  for (const tieout::Filled& filled : tie_out.solution.filled) {
    if (filled.figure == figure.id) return filled.text;
  }
  return {};
}

// The known discrepancy. Line 405, current operating lease liabilities at
// Dec 31, 2023: RMB 78,659 thousand in field 4, but "-" in the US$ column
// (field 5), where the convenience translation at RMB7.0999 per US$
// requires 78,659 / 7.0999 = 11,078.89, so 11,079 thousand. The conversion
// must be reported as failing, and 11,079 proposed for the dash.
TEST_F(fy2023_announcement, the_us_dollar_balance_sheet_prints_a_dash_for_11_079) {
  const tieout::TieOut tie_out = audit.run();
  const auto dash = figure(audit, "003_2b93c8209c643bac.txt:405:5");
  EXPECT_THAT(tie_out,
              tieout::HasFinding(tieout::ConstraintKind::conversion, dash, tieout::Verdict::fail));
  EXPECT_THAT(tie_out, tieout::HasSuspect(dash, "11,079"));
  // And it is the only one: anything else failing is a new finding.
  EXPECT_EQ(tie_out.checks.count(tieout::Verdict::fail), 1u);
}

// Apart from the dash, the statements hold: revenues foot in every column
// (lines 174-177: 4,381,741 + 2,663,993 + 1,727 = 7,047,461 in 2023 RMB;
// 617,155 + 375,216 + 243 = 992,614 US$), and the text says what the
// tables say (line 198: "RMB7,047.5 million (US$992.6 million)").
TEST_F(fy2023_announcement, revenues_foot_and_the_text_restates_them) {
  const tieout::TieOut tie_out = audit.run();
  EXPECT_FOOTS(tie_out, "Total revenues");
  EXPECT_THAT(figure(audit, "003_2b93c8209c643bac.txt:177:3"),
              tieout::TiesTo(stated("RMB7,047.5 million", "003_2b93c8209c643bac.txt:198")));
  EXPECT_THAT(figure(audit, "003_2b93c8209c643bac.txt:177:4"),
              tieout::TiesTo(stated("US$992.6 million", "003_2b93c8209c643bac.txt:198")));
}

// The scan garbled figures; where the checks determine them, the solver
// reads them back, and those values must be what the filing's own
// arithmetic gives.
TEST_F(fy2023_announcement, ocr_damaged_figures_are_read_back) {
  const tieout::TieOut tie_out = audit.run();
  // Line 378, US$ cash at Dec 31, 2023, printed "317,65": RMB 2,255,287 /
  // 7.0999 = 317,650.53.
  EXPECT_EQ(filled_in(tie_out, figure(audit, "003_2b93c8209c643bac.txt:378:5")), "317,651");
  // Line 407, US$ total current liabilities, printed "961.78" among whole
  // thousands: RMB 6,828,590 / 7.0999 = 961,786.79.
  EXPECT_EQ(filled_in(tie_out, figure(audit, "003_2b93c8209c643bac.txt:407:5")), "961,787");
  // Line 114 is an OCR ghost of line 115, normalized adjusted EBITDA, which
  // is adjusted EBITDA plus the loss on disposal (lines 112 and 113): 2023
  // RMB (265,064) + 22,996 = (242,068), printed "(2.42.0(0)".
  EXPECT_EQ(filled_in(tie_out, figure(audit, "003_2b93c8209c643bac.txt:114:3")), "(242,068)");
}

// The Q3 2024 release restates the balance sheet at Dec 31, 2023. Every
// total must agree; where lines differ, it must be a reclassification, not
// a restatement. Statutory reserves are deducted in the announcement (line
// 424: (21,765)) and added in the release (line 203: 21,765), and the
// accumulated deficits differ by twice that, 43,530 (line 425: (12,271,511);
// release line 204: (12,315,041)): both give (12,293,276) together.
TEST_F(fy2023_announcement, the_q3_2024_release_presents_statutory_reserves_otherwise) {
  ASSERT_TRUE(audit.add_file(q3_2024_release));
  const tieout::TieOut tie_out = audit.run();
  for (const char* where : {"003_2b93c8209c643bac.txt:424:3", "003_2b93c8209c643bac.txt:425:3"}) {
    EXPECT_THAT(tie_out, tieout::HasFinding(tieout::ConstraintKind::equality, figure(audit, where),
                                            tieout::Verdict::info));
  }
  EXPECT_EQ(tie_out.checks.count(tieout::Verdict::fail), 1u) << "only the dash of line 405";
}

}  // namespace
