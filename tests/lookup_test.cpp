// Tests of tieout/lookup.hpp on the Q3 2024 release
// (examples/filings/004_5d25836ba150503a.txt): what is printed where is read
// off the file by hand.
#include "tieout/lookup.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "tieout/audit.hpp"

namespace {

using namespace std::chrono_literals;

std::unique_ptr<tieout::Audit> read_release() {
  auto audit = std::make_unique<tieout::Audit>();
  const auto added = audit->add_file(std::string(TIEOUT_SOURCE_DIR) +
                                     "/examples/filings/004_5d25836ba150503a.txt");
  if (!added) throw std::runtime_error(added.error().to_string());
  return audit;
}

TEST(lookup, a_figure_by_where_the_filing_prints_it) {
  const auto audit = read_release();
  const auto& graph = audit->graph();
  // Line 224, field 6: gross profit, Q3 2024, US$ thousands.
  const auto found = tieout::find_figure(graph, "004_5d25836ba150503a.txt:224:6");
  ASSERT_TRUE(found) << found.error().to_string();
  EXPECT_EQ(graph.text(*found), "43,227");
  // The file may be named by its last components, whole ones only.
  EXPECT_TRUE(tieout::find_figure(graph, "filings/004_5d25836ba150503a.txt:224:6"));
  EXPECT_FALSE(tieout::find_figure(graph, "5d25836ba150503a.txt:224:6"));
}

TEST(lookup, says_why_nothing_is_found) {
  const auto audit = read_release();
  const auto& graph = audit->graph();
  const auto malformed = tieout::find_figure(graph, "224:6");
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.error().reason, "not FILE:LINE:COLUMN (LINE and COLUMN count from 1)");
  // Line 224 holds figures in fields 2 to 9; field 10 is past them.
  const auto past = tieout::find_figure(graph, "004_5d25836ba150503a.txt:224:10");
  ASSERT_FALSE(past);
  EXPECT_NE(past.error().reason.find("no figure at that column"), std::string::npos);
  EXPECT_NE(past.error().reason.find("004_5d25836ba150503a.txt:224:9"), std::string::npos);
  EXPECT_FALSE(tieout::find_figure(graph, "other.txt:224:6"));
}

TEST(lookup, a_figure_by_line_item_period_and_unit) {
  const auto audit = read_release();
  const auto& graph = audit->graph();
  const tieout::Period q3 = tieout::Duration::months_ended(2024y / 9 / 30, 3);
  const tieout::Unit usd = tieout::Unit::money(tieout::Currency("USD"));
  // "Total revenues" in Q3 2024 US$: line 222 only.
  const auto revenues = tieout::find_figure(graph, {"Total revenues", q3, usd, {}});
  ASSERT_TRUE(revenues) << revenues.error().to_string();
  EXPECT_EQ(graph.text(*revenues), "268,692");
  // "Gross profit" is printed twice for Q3 2024 in US$: the statement
  // (line 224) and the non-GAAP bridge (line 259). Both are candidates.
  const auto profit = tieout::find_figure(graph, {"gross profit", q3, usd, {}});
  ASSERT_FALSE(profit);
  EXPECT_NE(profit.error().reason.find("2 figures match"), std::string::npos);
  EXPECT_EQ(tieout::find_figures(graph, {"Gross profit", q3, usd, {}}).size(), 2u);
  EXPECT_TRUE(tieout::find_figures(graph, {"No such line", {}, {}, {}}).empty());
}

TEST(lookup, a_file_is_named_by_its_path_or_its_last_whole_components) {
  EXPECT_TRUE(tieout::names_file("a/b/release.txt", "release.txt"));
  EXPECT_TRUE(tieout::names_file("a/b/release.txt", "b/release.txt"));
  EXPECT_TRUE(tieout::names_file("release.txt", "release.txt"));
  EXPECT_FALSE(tieout::names_file("a/prerelease.txt", "release.txt"));
  EXPECT_FALSE(tieout::names_file("release.txt", "a/release.txt"));
}

}  // namespace
