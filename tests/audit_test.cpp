// Tests of tieout/audit.hpp: filings in, a tie-out out, on small filings
// whose arithmetic is worked out in the comments.
#include "tieout/audit.hpp"

#include <string>

#include <gtest/gtest.h>

namespace {

// Three years of revenues; the 2023 total is misprinted (1,000 + 250 =
// 1,250, printed 1,260). The two years that foot exactly prove the roll-up.
constexpr std::string_view kFiling =
    "Example Corp\n"
    "Revenues (in thousands)\n"
    "\tFor the year ended December 31,\n"
    "\t2022\t2023\t2024\n"
    "\tRMB\tRMB\tRMB\n"
    "Products\t900\t1,000\t1,100\n"
    "Services\t200\t250\t300\n"
    "Total revenues\t1,100\t1,260\t1,400\n";

TEST(Audit, ReadsInfersAndChecksAFilingInMemory) {
  tieout::Audit audit;
  const auto added = audit.add_text("example.txt", kFiling);
  ASSERT_TRUE(added) << added.error().to_string();
  const tieout::TieOut tie_out = audit.run();
  EXPECT_EQ(tie_out.summary().figures, 9u);
  // 900 + 200 = 1,100 and 1,100 + 300 = 1,400 tie; 1,000 + 250 = 1,250 is
  // not 1,260: the 2023 footing fails by 10 (thousand).
  EXPECT_EQ(tie_out.checks.count(tieout::Verdict::fail), 1u);
  EXPECT_EQ(tie_out.checks.count(tieout::Verdict::pass), 2u);
  EXPECT_FALSE(tie_out.ties_out());
}

TEST(Audit, RefusesAFileWithoutTables) {
  tieout::Audit audit;
  const auto added = audit.add_text("prose.txt", "Only prose here.\nNo table at all.\n");
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().path, "prose.txt");
  EXPECT_NE(added.error().reason.find("no tables"), std::string::npos);
}

TEST(Audit, PassesOnTheTextLayersErrors) {
  tieout::Audit audit;
  const auto added = audit.add_text("empty.txt", "");
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().path, "empty.txt");
}

TEST(Audit, RefusesDocumentsAfterItRan) {
  tieout::Audit audit;
  ASSERT_TRUE(audit.add_text("example.txt", kFiling));
  (void)audit.run();
  const auto late = audit.add_text("late.txt", kFiling);
  ASSERT_FALSE(late);
  EXPECT_NE(late.error().reason.find("after the audit ran"), std::string::npos);
}

TEST(Audit, RunningTwiceComparesOnceAndChecksAgain) {
  tieout::Audit audit;
  ASSERT_TRUE(audit.add_text("a.txt", kFiling));
  ASSERT_TRUE(audit.add_text("b.txt", kFiling));
  const std::size_t checks = audit.run().summary().checks;
  EXPECT_EQ(audit.run().summary().checks, checks);
}

TEST(Audit, SurvivesAMove) {
  tieout::Audit audit;
  ASSERT_TRUE(audit.add_text("example.txt", kFiling));
  tieout::Audit moved = std::move(audit);
  EXPECT_EQ(&moved.constraints().graph(), &moved.graph());
  EXPECT_EQ(moved.run().checks.count(tieout::Verdict::fail), 1u);
}

}  // namespace
