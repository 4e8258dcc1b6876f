// Tests of tieout/compare.hpp and check()'s rule for facts that changed
// between documents. The balance sheet lines are the Dec 31, 2023 equity of
// the FY2023 announcement (003_2b93c8209c643bac.txt, lines 421-429) and the
// Q3 2024 release (004_5d25836ba150503a.txt, lines 200-208): statutory
// reserves printed (21,765) in one and 21,765 in the other, accumulated
// deficit (12,271,511) against (12,315,041): 43,530 = 2 x 21,765 moved
// between two lines, totals unchanged.
#include "tieout/compare.hpp"

#include <string>

#include <gtest/gtest.h>

#include "tieout/check.hpp"

namespace {

using tieout::Verdict;

const char* header = "(All amounts in thousands)\n\n\tDec 31, 2023\n\tRMB\n";

std::string sheet(const char* reserves, const char* deficit, const char* total) {
  return std::string(header) + "Ordinary shares\t25,443\nAdditional paid-in capital\t18,811,028\n" +
         "Statutory reserves funds\t" + reserves + "\nAccumulated deficit\t" + deficit +
         "\nAccumulated other comprehensive income\t555,342\nTotal shareholders' equity\t" + total +
         "\n";
}

struct Compared {
  tieout::StatementGraph graph;
  tieout::ConstraintSet constraints{graph};
  std::vector<tieout::ReadDocument> documents;
  std::size_t equalities = 0;

  Compared(const std::string& earlier, const std::string& later) {
    for (const std::string* content : {&earlier, &later}) {
      const auto text = tieout::read_text_document("doc.txt", *content);
      if (!text) throw std::runtime_error(text.error().to_string());
      documents.push_back(tieout::read_tables(*text, graph));
    }
    equalities = tieout::compare_documents(documents, constraints);
  }
  Compared(const Compared&) = delete;
  Compared& operator=(const Compared&) = delete;
};

TEST(compare, a_line_moved_between_documents_with_totals_unchanged_is_a_reclassification) {
  // 25,443 + 18,811,028 - 21,765 - 12,271,511 + 555,342 = 7,098,537, and
  // 25,443 + 18,811,028 + 21,765 - 12,315,041 + 555,342 = 7,098,537.
  const Compared c(sheet("(21,765)", "(12,271,511)", "7,098,537"),
                   sheet("21,765", "(12,315,041)", "7,098,537"));
  EXPECT_EQ(c.equalities, 6u);
  const auto report = tieout::check(c.constraints);
  EXPECT_EQ(report.count(Verdict::fail), 0u);
  ASSERT_EQ(report.count(Verdict::info), 2u);
  for (const auto* info : report.with(Verdict::info)) {
    EXPECT_NE(info->explanation.find("a reclassification: all 1 totals of 2023-12-31"),
              std::string::npos)
        << info->explanation;
  }
}

TEST(compare, a_changed_total_makes_it_a_restatement) {
  const Compared c(sheet("21,765", "(12,271,511)", "7,142,067"),
                   sheet("21,765", "(12,315,041)", "7,098,537"));
  const auto report = tieout::check(c.constraints);
  ASSERT_EQ(report.count(Verdict::fail), 2u);  // the deficit and the total
  for (const auto* fail : report.with(Verdict::fail)) {
    EXPECT_NE(fail->explanation.find("a restatement"), std::string::npos) << fail->explanation;
  }
}

TEST(compare, figures_a_scale_apart_are_not_compared) {
  // The same sheet read once in thousands and once without its scale note:
  // the reader's slip, not a restatement.
  std::string unscaled = sheet("21,765", "(12,315,041)", "7,098,537");
  unscaled.erase(0, std::string(header).find('\n') + 1);
  const Compared c(sheet("21,765", "(12,315,041)", "7,098,537"), unscaled);
  EXPECT_EQ(c.equalities, 0u);
}

}  // namespace
