// Tests of tieout/narrative.hpp on the Q3 2024 release
// (examples/filings/004_5d25836ba150503a.txt). Expected links are read off
// the text and the tables by hand; growth rates are worked from the tables'
// thousands.
#include "tieout/narrative.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "tieout/check.hpp"
#include "tieout/infer.hpp"

namespace {

using tieout::FigureId;
using tieout::NarrativeFigure;
using tieout::Verdict;

struct Linked {
  tieout::StatementGraph graph;
  std::unique_ptr<tieout::ConstraintSet> constraints;
  std::vector<NarrativeFigure> narrative;

  const NarrativeFigure& at(std::uint32_t line, std::string_view text) const {
    const auto found = std::find_if(narrative.begin(), narrative.end(), [&](const auto& f) {
      return f.line == line && f.text == text;
    });
    if (found == narrative.end()) throw std::out_of_range(std::string(text));
    return *found;
  }
  std::uint32_t table_line(const NarrativeFigure& f) const {
    return graph.location(*f.restates).line;
  }
  Verdict verdict_of(const NarrativeFigure& f) const {
    const auto report = tieout::check(*constraints);
    for (const auto id : constraints->constraints_of(f.figure)) {
      if (constraints->figures(id)[0] == f.figure) return report.results[id.index()].verdict;
    }
    throw std::logic_error("no check on " + f.text);
  }
};

std::unique_ptr<Linked> link(std::string_view content) {
  auto result = std::make_unique<Linked>();
  const auto text = tieout::read_text_document("t.txt", content);
  if (!text) throw std::runtime_error(text.error().to_string());
  auto read = tieout::read_tables(*text, result->graph);
  result->constraints = std::make_unique<tieout::ConstraintSet>(result->graph);
  tieout::infer_constraints(read, *result->constraints);
  tieout::link_narrative(*text, read, *result->constraints, result->graph);
  result->narrative = std::move(read.narrative);
  return result;
}

std::unique_ptr<Linked> link_release() {
  std::ifstream file(std::string(TIEOUT_SOURCE_DIR) + "/examples/filings/004_5d25836ba150503a.txt",
                     std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(file)),
                            std::istreambuf_iterator<char>());
  return link(content);
}

TEST(narrative, amounts_link_to_the_table_figures_they_restate) {
  const auto r = link_release();
  // Line 55: "Total Revenues reached RMB1,885.6 million (US$268.7¹ million)"
  // restates total revenues, line 222 (1,885,574 and 268,692 thousand).
  EXPECT_EQ(r->table_line(r->at(55, "RMB1,885.6 million")), 222u);
  EXPECT_EQ(r->table_line(r->at(55, "US\\$268.7\u00B9 million")), 222u);
  EXPECT_EQ(r->verdict_of(r->at(55, "RMB1,885.6 million")), Verdict::rounding);
  // Line 97: "Net loss was RMB1,061.1 million": the table prints (1,061,066).
  const auto& loss = r->at(97, "RMB1,061.1 million");
  ASSERT_TRUE(loss.restates);
  EXPECT_EQ(r->graph.value(*loss.restates)->to_string(), "-1061066000");
  EXPECT_EQ(r->verdict_of(loss), Verdict::rounding);
  // Line 57: "Non-GAAP EBITDA margin was 9.8%": line 321, Q3 2024.
  EXPECT_EQ(r->table_line(r->at(57, "9.8%")), 321u);
}

TEST(narrative, growth_rates_are_checked_against_the_tables) {
  const auto r = link_release();
  // 1,885,574 / 1,625,208 - 1 = 16.02%: "increased by 16.0%".
  const auto& revenues = r->at(55, "16.0%");
  EXPECT_TRUE(revenues.growth);
  EXPECT_EQ(r->verdict_of(revenues), Verdict::pass);
  // Line 71: public cloud "decreased by 4.8% from RMB1,234.5 million last
  // quarter": 1,175,535 / 1,234,542 - 1 = -4.78%.
  EXPECT_EQ(r->verdict_of(r->at(71, "4.8%")), Verdict::pass);
  // Line 91: "and 15.7% from RMB204.0 million" continues "increased by":
  // 235,912 / 203,959 - 1 = 15.67%.
  EXPECT_EQ(r->verdict_of(r->at(91, "15.7%")), Verdict::pass);
  const auto report = tieout::check(*r->constraints);
  for (const auto* fail : report.with(Verdict::fail))
    ADD_FAILURE() << fail->explanation;
}

TEST(narrative, figures_that_restate_nothing_are_listed_with_the_reason) {
  const auto r = link_release();
  // Line 59: "AI business continued to expand to RMB362 million": no table
  // figure; line 109: "RMB0.10 last quarter" matches Q1 and Q2 2024 alike.
  EXPECT_FALSE(r->at(59, "RMB362 million").figure.valid());
  EXPECT_FALSE(r->at(59, "RMB362 million").note.empty());
  EXPECT_FALSE(r->at(109, "RMB0.10").figure.valid());
  // Line 63: the convenience rate is recognised as such.
  EXPECT_TRUE(r->at(63, "RMB7.0176").rate);
}

TEST(narrative, a_wrong_growth_rate_fails) {
  // Revenues 1,885,574 against 1,625,208: 16.02%, not 17.0%.
  const auto r = link(
      "Revenues reached RMB1,885.6 million, increased by 17.0% from RMB1,625.2 million.\n\n"
      "(All amounts in thousands)\n"
      "\tSep 30, 2023\tSep 30, 2024\n\tRMB\tRMB\nTotal revenues\t1,625,208\t1,885,574\n");
  // The table's columns are instants here; growth still compares the two.
  const auto& growth = r->at(1, "17.0%");
  ASSERT_TRUE(growth.figure.valid()) << growth.note;
  EXPECT_EQ(r->verdict_of(growth), Verdict::fail);
}

TEST(narrative, the_figure_a_growth_rate_is_measured_from_is_no_subject) {
  // The quarter's revenues are misprinted (710,069 for 710,039), so
  // "RMB710.0 million" restates nothing and the first rate has no current
  // figure. "RMB608.5 million", the first rate's prior figure, must not
  // become the subject of the second: 8.0% from 657.2 is about the quarter.
  const auto r = link(
      "Revenues were RMB710.0 million, representing an increase of 16.7% from RMB608.5 "
      "million in the same quarter of 2023 and an increase of 8.0% from RMB657.2 million last "
      "quarter.\n\n(All amounts in thousands)\n"
      "\tSep 30, 2023\tJun 30, 2024\tSep 30, 2024\n\tRMB\tRMB\tRMB\n"
      "Revenues\t608,510\t657,238\t710,069\n");
  EXPECT_FALSE(r->at(1, "RMB710.0 million").figure.valid());
  EXPECT_FALSE(r->at(1, "16.7%").figure.valid());
  ASSERT_TRUE(r->at(1, "RMB608.5 million").figure.valid());
  const auto& second = r->at(1, "8.0%");
  EXPECT_FALSE(second.figure.valid());
  EXPECT_EQ(second.note, "a growth rate whose current figure is not linked");
}

TEST(narrative, a_figure_whose_row_shares_no_word_with_the_sentence_is_not_linked) {
  // 737,664 thousand rounds to RMB737.7 million, but IDC costs are not
  // prepayments: a value alone is a coincidence.
  const auto r = link(
      "IDC costs decreased from RMB737.7 million.\n\n(All amounts in thousands)\n"
      "\tSep 30, 2024\n\tRMB\nPrepayments and other assets\t737,664\n");
  const auto& idc = r->at(1, "RMB737.7 million");
  EXPECT_FALSE(idc.figure.valid());
  EXPECT_EQ(idc.note, "no table figure with this value shares a word with the sentence");
}

TEST(narrative, a_factor_of_a_formula_is_not_a_figure_the_text_states) {
  // The FY2023 announcement (003, line 238) defines its gearing ratio as
  // "... by total equity and multiplied by 100%"; a table's "Total 100%"
  // shares the word "total", but the text states no fact there.
  const auto r = link(
      "Gearing ratio is calculated by dividing the sum of bank loans by total equity and "
      "multiplied by 100%.\n\n\tDec 31, 2023\nFunction\tPercentage\nA\t40%\nB\t60%\n"
      "Total\t100%\n");
  const auto& factor = r->at(1, "100%");
  EXPECT_FALSE(factor.figure.valid());
  EXPECT_EQ(factor.note, "a factor of a formula the text describes, not a figure it states");
}

TEST(narrative, a_loss_that_narrowed_went_down) {
  // (800) against (1,000) thousand: (-800 - -1,000) / -1,000 = -20.0%, which
  // "narrowed by 20.0%" states.
  const auto r = link(
      "Net loss was RMB0.8 million, which narrowed by 20.0% from RMB1.0 million.\n\n"
      "(All amounts in thousands)\n\tSep 30, 2023\tSep 30, 2024\n\tRMB\tRMB\n"
      "Net loss\t(1,000)\t(800)\n");
  const auto& growth = r->at(1, "20.0%");
  ASSERT_TRUE(growth.figure.valid()) << growth.note;
  EXPECT_TRUE(growth.growth);
  EXPECT_EQ(r->verdict_of(growth), Verdict::pass);
}

TEST(narrative, a_growth_rate_in_a_chain_is_measured_between_its_own_figures) {
  // (4,970,267 - 4,630,625) / 4,630,625 = 7.33%; "which in turn increased
  // by 8.1%" is 2023 over 2022: (4,630,625 - 4,282,710) / 4,282,710 = 8.12%
  // (2024 over 2022 would be 16.05%).
  const auto r = link(
      "Total revenues were RMB4,970.3 million, an increase of 7.3% from RMB4,630.6 million in "
      "2023, which in turn increased by 8.1% from RMB4,282.7 million in 2022.\n\n"
      "(All amounts in thousands)\n\tFor the year ended December 31,\t\t\n"
      "\t2022\t2023\t2024\n\tRMB\tRMB\tRMB\nTotal revenues\t4,282,710\t4,630,625\t4,970,267\n");
  for (const std::string_view rate : {"7.3%", "8.1%"}) {
    const auto& growth = r->at(1, rate);
    ASSERT_TRUE(growth.figure.valid()) << growth.note;
    EXPECT_NE(r->verdict_of(growth), Verdict::fail) << rate;
  }
}

TEST(narrative, a_plural_label_shares_its_words_with_the_singular) {
  // "Other revenues" and the row "Others": 1,727 thousand is RMB1.7 million.
  const auto r = link(
      "Other revenues were RMB1.7 million.\n\n(All amounts in thousands)\n"
      "\tDec 31, 2023\n\tRMB\nOthers\t1,727\n");
  const auto& others = r->at(1, "RMB1.7 million");
  ASSERT_TRUE(others.figure.valid()) << others.note;
  EXPECT_EQ(r->verdict_of(others), Verdict::rounding);
}

TEST(narrative, a_figure_signed_against_its_whole_row_is_not_vouched_for) {
  // Prose leaves the sign out: "net loss of RMB1,061.1 million". The row's
  // other quarters are losses; 1,061,066 printed as a gain may be the
  // misprint, so the prose is not linked through its sign.
  const auto r = link(
      "Net loss was RMB1,061.1 million.\n\n(All amounts in thousands)\n"
      "\tMar 31, 2024\tJun 30, 2024\tSep 30, 2024\n\tRMB\tRMB\tRMB\n"
      "Net loss\t(363,616)\t(353,718)\t1,061,066\n");
  const auto& loss = r->at(1, "RMB1,061.1 million");
  EXPECT_FALSE(loss.figure.valid());
  EXPECT_FALSE(loss.note.empty());
}

}  // namespace
