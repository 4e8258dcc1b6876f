// Tests of tieout/gtest.hpp: audit-script assertions and matchers pass on
// what the filings print and fail, with messages that read like a working
// paper, on what they do not. Figures are read off
// examples/filings/004_5d25836ba150503a.txt (the Q3 2024 release) and
// 003_2b93c8209c643bac.txt (the FY2023 announcement) by hand.
#include "tieout/gtest.hpp"

#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

namespace {

using ::testing::Not;
using tieout::figure;
using tieout::stated;

std::string filing(const char* name) {
  return std::string(TIEOUT_SOURCE_DIR) + "/examples/filings/" + name;
}

std::string release_text() {
  std::ifstream in(filing("004_5d25836ba150503a.txt"), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An audit of `text` under the name "release.txt", run. The audit must
// outlive the tie-out, so both are kept.
struct Audited {
  explicit Audited(const std::string& text) {
    const auto added = audit.add_text("release.txt", text);
    if (!added) throw std::runtime_error(added.error().to_string());
    tie_out = std::make_unique<tieout::TieOut>(audit.run());
  }
  tieout::Audit audit;
  std::unique_ptr<tieout::TieOut> tie_out;
};

// The release with US$ gross profit (line 224, field 6) printed 43,272 for
// 43,227: 268,692 - 225,465 = 43,227, so its footing fails, and 43,227 is
// the one value that ties everything.
std::string slipped_release() {
  std::string text = release_text();
  const std::size_t at = text.find("\t43,227\t");
  text.replace(at + 1, 6, "43,272");
  return text;
}

TEST(gtest_assertions, the_release_ties_out_and_its_revenues_foot) {
  const Audited run(release_text());
  EXPECT_TIES(*run.tie_out);
  EXPECT_THAT(*run.tie_out, tieout::HasNoFailures());
  EXPECT_FOOTS(*run.tie_out, "Total revenues");
}

TEST(gtest_assertions, a_failure_names_the_figure_both_sides_and_the_suspect) {
  const Audited run(slipped_release());
  EXPECT_NONFATAL_FAILURE(EXPECT_TIES(*run.tie_out),
                          "suspect: release.txt:224:6: printed 43,272; everything ties with "
                          "43,227 (transposition)");
  // The footing itself: the figure with file, line and column, and the
  // difference 43,272 - 43,227 = 45 (thousand).
  EXPECT_NONFATAL_FAILURE(EXPECT_TIES(*run.tie_out), "Gross profit 43,272 (release.txt:224:6)");
  EXPECT_NONFATAL_FAILURE(EXPECT_TIES(*run.tie_out), "difference 45");
  EXPECT_NONFATAL_FAILURE(EXPECT_FOOTS(*run.tie_out, "Gross profit"), "FAIL footing");
  EXPECT_THAT(*run.tie_out, Not(tieout::HasNoFailures()));
  EXPECT_THAT(*run.tie_out, tieout::HasSuspect(figure(run.audit, "release.txt:224:6"), "43,227"));
  EXPECT_THAT(*run.tie_out,
              tieout::HasFinding(tieout::ConstraintKind::footing,
                                 figure(run.audit, "release.txt:224:6"), tieout::Verdict::fail));
}

TEST(gtest_assertions, a_label_no_footing_totals_is_a_failure_that_says_so) {
  const Audited run(release_text());
  EXPECT_NONFATAL_FAILURE(EXPECT_FOOTS(*run.tie_out, "No such line"), "has no footing totalled by");
}

TEST(gtest_matchers, figures_tie_to_what_the_text_states) {
  const Audited run(release_text());
  const auto gross_profit = figure(run.audit, "release.txt:224:6");  // 43,227 thousand
  // 43,227 thousand is US$43.2 million to the nearest 0.1 million.
  EXPECT_THAT(gross_profit, tieout::TiesTo(stated("US$43.2 million", "release.txt:79")));
  EXPECT_THAT(gross_profit, Not(tieout::TiesTo(stated("US$43.3 million"))));
  // Within an allowance: 43,300 - 43,227 = 73 thousand, more than rounding's
  // (1 + 100) / 2 = 50.5 thousand, less than that plus 100 thousand.
  EXPECT_THAT(gross_profit,
              tieout::TiesWithin(stated("US$43.3 million"), tieout::Decimal(100'000)));
  // "AI business ... RMB362 million, accounting for approximately 31% of
  // public cloud revenue" (line 59): public cloud, line 219 field 5, is
  // 1,175,535 thousand; 362 / 1,175.535 = 30.8%, which rounds to 31%.
  EXPECT_THAT(tieout::percent_of(stated("RMB362 million", "release.txt:59"),
                                 figure(run.audit, "release.txt:219:5")),
              tieout::TiesTo(stated("31%")));
  EXPECT_THAT(tieout::percent_of(stated("RMB362 million"), figure(run.audit, "release.txt:219:5")),
              Not(tieout::TiesTo(stated("33%"))));
}

TEST(gtest_matchers, a_mismatch_explains_both_sides_and_the_difference) {
  const Audited run(release_text());
  const auto gross_profit = figure(run.audit, "release.txt:224:6");
  const tieout::TiesToMatcher matcher = tieout::TiesTo(stated("US$43.3 million"));
  ::testing::StringMatchResultListener listener;
  EXPECT_FALSE(matcher.MatchAndExplain(gross_profit, &listener));
  // 43,227 - 43,300 = -73 thousand; rounding absorbs (1 + 100) / 2 = 50.5.
  EXPECT_EQ(listener.str(),
            "Gross profit, 2024-07-01..2024-09-30, USD: 43,227 (release.txt:224:6) against "
            "US$43.3 million: difference -73 thousand, tolerance 50.5 thousand: does not tie");
}

TEST(gtest_matchers, the_announcement_s_dash_is_found_and_read_back) {
  tieout::Audit audit;
  ASSERT_TRUE(audit.add_file(filing("003_2b93c8209c643bac.txt")));
  const tieout::TieOut tie_out = audit.run();
  // Line 405, field 5: current operating lease liabilities in US$ printed
  // "-" against RMB 78,659 thousand at 7.0999: 78,659 / 7.0999 = 11,078.89.
  const auto dash = figure(audit, "003_2b93c8209c643bac.txt:405:5");
  EXPECT_THAT(tie_out, tieout::HasFinding(tieout::ConstraintKind::conversion, dash));
  EXPECT_THAT(tie_out, tieout::HasSuspect(dash, "11,079"));
  EXPECT_THAT(tie_out, Not(tieout::HasSuspect(dash, "11,078")));
}

TEST(gtest_scripts, a_custom_footing_is_checked_with_the_rest) {
  tieout::Audit audit;
  ASSERT_TRUE(audit.add_text("release.txt", release_text()));
  // Q3 2024 total revenues (line 222, field 5) without "Others" (a dash
  // that quarter): 1,175,535 + 710,039 = 1,885,574.
  const auto holds =
      tieout::add_footing(audit, "release.txt:222:5", {"release.txt:219:5", "release.txt:220:5"});
  // Public cloud alone is not the total: 1,885,574 - 1,175,535 = 710,039 off.
  const auto fails = tieout::add_footing(audit, "release.txt:222:5", {"release.txt:219:5"});
  ASSERT_TRUE(holds && fails);
  const tieout::TieOut tie_out = audit.run();
  EXPECT_EQ(tie_out.checks.results[holds->index()].verdict, tieout::Verdict::pass);
  EXPECT_EQ(tie_out.checks.results[fails->index()].verdict, tieout::Verdict::fail);
  EXPECT_EQ(tie_out.checks.results[fails->index()].difference, tieout::Decimal(710'039'000));
}

TEST(gtest_scripts, a_slip_in_a_script_fails_at_the_script_s_line) {
  const Audited run(release_text());
  EXPECT_NONFATAL_FAILURE(figure(run.audit, "release.txt:224:99"),
                          "no such figure: release.txt:224:99");
  EXPECT_NONFATAL_FAILURE(stated("RMB3.6.2 million"), "is not a figure");
  tieout::Audit audit;
  ASSERT_TRUE(audit.add_text("release.txt", release_text()));
  std::optional<tieout::ConstraintId> added;
  EXPECT_NONFATAL_FAILURE(added = tieout::add_footing(audit, "release.txt:222:5", {"nowhere:1:1"}),
                          "footing not added");
  EXPECT_FALSE(added);
}

TEST(gtest_printers, values_print_as_filings_print_them) {
  EXPECT_EQ(::testing::PrintToString(tieout::Decimal::parse("-1234567.5")), "-1,234,567.5");
  const Audited run(release_text());
  EXPECT_EQ(::testing::PrintToString(figure(run.audit, "release.txt:224:6")),
            "Gross profit, 2024-07-01..2024-09-30, USD: 43,227 (release.txt:224:6)");
  EXPECT_EQ(::testing::PrintToString(stated("RMB362 million", "release.txt:59")),
            "RMB362 million (release.txt:59)");
  EXPECT_EQ(::testing::PrintToString(tieout::Verdict::fail), "fail");
  EXPECT_EQ(::testing::PrintToString(tieout::ConstraintKind::period_sum), "period sum");
  EXPECT_EQ(::testing::PrintToString(tieout::FigureStatus::unverified), "unverified");
}

}  // namespace
