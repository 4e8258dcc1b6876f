// Tests of tieout/graph.hpp: every figure read is kept, with its value,
// precision, state, text and location.
#include "tieout/graph.hpp"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;
using tieout::Currency;
using tieout::Decimal;
using tieout::FigureState;
using tieout::Instant;
using tieout::Scale;
using tieout::Unit;

class graph_fixture : public ::testing::Test {
 protected:
  tieout::StatementGraph graph;
  tieout::DocumentId document = graph.add_document("004.txt");
  tieout::TableId table =
      graph.add_table(document, "Condensed balance sheets", tieout::TableKind::balance_sheet);
  tieout::LineItemId cash =
      graph.add_line_item(table, "Cash and cash equivalents", {"ASSETS", "Current assets"});
  const Unit rmb = Unit::money(Currency("CNY"));
  const Instant sep_30 = Instant(2024y / 9 / 30);
};

TEST_F(graph_fixture, a_figure_in_thousands_is_stored_in_units_with_its_precision) {
  // seed line 166: 1,617,935 (RMB thousands) at column 3.
  const auto id =
      graph.add_figure(cash, sep_30, rmb, "1,617,935", {document, 166, 3}, Scale::thousands);
  EXPECT_EQ(graph.state(id), FigureState::value);
  EXPECT_EQ(graph.value(id)->to_string(), "1617935000");
  EXPECT_EQ(graph.decimals(id), -3);
  EXPECT_EQ(graph.interval(id)->to_string(), "[1617934500, 1617935500]");
  EXPECT_EQ(graph.text(id), "1,617,935");
  EXPECT_EQ(graph.where(id), "004.txt:166:3");
  EXPECT_EQ(graph.label(graph.line_item(id)), "Cash and cash equivalents");
  EXPECT_EQ(graph.section(cash).back(), "Current assets");
  EXPECT_EQ(graph.period(id), tieout::Period(sep_30));
  EXPECT_EQ(graph.unit(id), rmb);
  EXPECT_EQ(graph.describe(id),
            "Cash and cash equivalents, 2024-09-30, CNY: 1,617,935 (004.txt:166:3)");
}

TEST_F(graph_fixture, nil_and_unreadable_figures_are_kept_not_dropped) {
  const auto nil = graph.add_figure(cash, sep_30, rmb, "-", {document, 1, 2});
  const auto damaged = graph.add_figure(cash, sep_30, rmb, "(2.42.0(0)", {document, 2, 3});
  EXPECT_EQ(graph.figure_count(), 2u);
  EXPECT_EQ(graph.state(nil), FigureState::nil);
  EXPECT_FALSE(graph.value(nil).has_value());
  EXPECT_EQ(graph.interval(nil)->to_string(), "[0, 0]");
  EXPECT_EQ(graph.state(damaged), FigureState::unreadable);
  EXPECT_FALSE(graph.interval(damaged).has_value());
  EXPECT_EQ(graph.text(damaged), "(2.42.0(0)");
}

TEST_F(graph_fixture, set_text_replaces_the_printed_figure) {
  const auto id =
      graph.add_figure(cash, sep_30, rmb, "43,227", {document, 224, 6}, Scale::thousands);
  graph.set_text(id, "43,272");
  EXPECT_EQ(graph.value(id), Decimal(43272000));
  EXPECT_EQ(graph.text(id), "43,272");
  graph.set_text(id, "garbled");
  EXPECT_EQ(graph.state(id), FigureState::unreadable);
  graph.set_text(id, "(1.5)");
  EXPECT_EQ(graph.value(id), Decimal(-1500));
  EXPECT_EQ(graph.decimals(id), -2);
}

TEST(graph, label_keys_fold_case_punctuation_and_dashes) {
  // Labels as the Q3 2024 release prints them (lines 261, 282, 280, 239).
  EXPECT_EQ(tieout::label_key("\u2013 Share-based compensation expenses"),
            "share based compensation expenses");
  EXPECT_EQ(tieout::label_key("Share based compensation expenses:"),
            "share based compensation expenses");
  EXPECT_EQ(tieout::label_key("Net Loss"), tieout::label_key("Net loss"));
  EXPECT_EQ(tieout::label_key("Shareholders\u2019 equity"), "shareholders equity");
  EXPECT_EQ(tieout::label_key("Adjusted EBITDA (Non-GAAP Financial Measure)"),
            "adjusted ebitda non gaap financial measure");
  EXPECT_EQ(tieout::label_key("  "), "");
  EXPECT_EQ(tieout::label_key("\u8425\u4E1A\u6536\u5165"), "\u8425\u4E1A\u6536\u5165");
}

TEST_F(graph_fixture, line_items_share_interned_keys) {
  const auto a = graph.add_line_item(table, "Net Loss");
  const auto b = graph.add_line_item(table, "Net loss:");
  EXPECT_EQ(graph.key(a), "net loss");
  EXPECT_EQ(graph.key(a).data(), graph.key(b).data());
}

TEST_F(graph_fixture, periods_and_units_are_interned_per_figure) {
  const auto a = graph.add_figure(cash, sep_30, rmb, "1", {document, 1, 2});
  const auto b =
      graph.add_figure(cash, Instant(2023y / 12 / 31), Unit::shares(), "2", {document, 1, 3});
  EXPECT_EQ(graph.period(a), tieout::Period(sep_30));
  EXPECT_EQ(graph.period(b), tieout::Period(Instant(2023y / 12 / 31)));
  EXPECT_EQ(graph.unit(b), Unit::shares());
  EXPECT_EQ(a.index() + 1, b.index());
}

}  // namespace
