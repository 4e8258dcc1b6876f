// Tests of tieout/reader.hpp on the Q3 2024 release
// (examples/filings/004_5d25836ba150503a.txt), whose tables it reads whole.
// The per-table figure counts were taken by hand from the file: rows with
// figures x the figures per row (see tests/regress/q3_2024_release_test.cpp).
#include "tieout/reader.hpp"

#include <string>

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;
using tieout::Currency;
using tieout::Duration;
using tieout::FigureId;
using tieout::Instant;
using tieout::Period;
using tieout::Unit;

const std::string filings = std::string(TIEOUT_SOURCE_DIR) + "/examples/filings/";

struct Read {
  tieout::StatementGraph graph;
  tieout::ReadDocument read;
};

Read read_release() {
  const auto text = tieout::load_text_document(filings + "004_5d25836ba150503a.txt");
  if (!text) throw std::runtime_error(text.error().to_string());
  Read result;
  result.read = tieout::read_tables(*text, result.graph);
  return result;
}

// The figure printed at line:column.
FigureId at(const Read& r, std::uint32_t line, std::uint32_t column) {
  for (std::uint32_t i = 0; i < r.graph.figure_count(); ++i) {
    const auto& where = r.graph.location(FigureId(i));
    if (where.line == line && where.column == column) return FigureId(i);
  }
  throw std::out_of_range("no figure at " + std::to_string(line) + ":" + std::to_string(column));
}

TEST(reader, every_figure_of_the_q3_2024_release_is_placed) {
  const Read r = read_release();
  const std::vector<std::size_t> expected = {0, 117, 224, 24, 12, 96, 56, 36, 21};
  ASSERT_EQ(r.read.tables.size(), expected.size());
  for (std::size_t t = 0; t < expected.size(); ++t) {
    EXPECT_EQ(r.read.tables[t].figures.size(), expected[t]) << r.read.tables[t].title;
    EXPECT_TRUE(r.read.tables[t].unplaced.empty()) << r.read.tables[t].title;
  }
  EXPECT_EQ(r.graph.figure_count(), 586u);
  EXPECT_EQ(r.read.tables[1].title, "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS");
  EXPECT_EQ(r.graph.kind(r.graph.table(r.graph.line_item(at(r, 166, 2)))),
            tieout::TableKind::balance_sheet);
}

TEST(reader, columns_take_their_period_and_currency_from_the_header) {
  const Read r = read_release();
  const Unit rmb = Unit::money(Currency("CNY")), usd = Unit::money(Currency("USD"));
  // Balance sheet: instants, RMB, RMB, US$ (lines 162-163).
  EXPECT_EQ(r.graph.period(at(r, 166, 2)), Period(Instant(2023y / 12 / 31)));
  EXPECT_EQ(r.graph.period(at(r, 166, 4)), Period(Instant(2024y / 9 / 30)));
  EXPECT_EQ(r.graph.unit(at(r, 166, 4)), usd);
  EXPECT_EQ(r.graph.value(at(r, 166, 2))->to_string(), "2255287000");  // in thousands
  // Statements: "Three Months Ended" over fields 2-6, "Nine Months Ended" 7-9.
  EXPECT_EQ(r.graph.period(at(r, 224, 2)), Period(Duration::months_ended(2023y / 9 / 30, 3)));
  EXPECT_EQ(r.graph.period(at(r, 224, 6)), Period(Duration::months_ended(2024y / 9 / 30, 3)));
  EXPECT_EQ(r.graph.period(at(r, 224, 7)), Period(Duration::months_ended(2023y / 9 / 30, 9)));
  EXPECT_EQ(r.graph.unit(at(r, 224, 5)), rmb);
  EXPECT_EQ(r.graph.unit(at(r, 224, 9)), usd);
  // Margins: no currency row; the cells say percent.
  EXPECT_EQ(r.graph.unit(at(r, 270, 2)), Unit::percent());
  EXPECT_EQ(r.graph.period(at(r, 270, 7)), Period(Duration::months_ended(2024y / 9 / 30, 9)));
}

TEST(reader, per_share_rows_share_counts_and_balances_in_flows) {
  const Read r = read_release();
  // Line 243 under "Net loss per share:": RMB per share, in units.
  EXPECT_EQ(r.graph.unit(at(r, 243, 2)), Unit::per_share(Currency("CNY")));
  EXPECT_EQ(r.graph.value(at(r, 243, 2))->to_string(), "-0.22");
  // Line 245 under "Shares used in the net loss per share computation:".
  EXPECT_EQ(r.graph.unit(at(r, 245, 6)), Unit::shares());
  EXPECT_EQ(r.graph.value(at(r, 245, 6))->to_string(), "3655882906");
  // Cash at the beginning and end of the quarter are balances (lines 338-339).
  EXPECT_EQ(r.graph.period(at(r, 338, 3)), Period(Instant(2024y / 6 / 30)));
  EXPECT_EQ(r.graph.period(at(r, 339, 3)), Period(Instant(2024y / 9 / 30)));
  // Sections: line 166 under "ASSETS" > "Current assets:".
  EXPECT_EQ(r.graph.section(r.graph.line_item(at(r, 166, 2))),
            (std::vector<std::string>{"ASSETS", "Current assets:"}));
}

TEST(reader, the_convenience_rate_is_read_from_the_prose) {
  const Read r = read_release();
  ASSERT_FALSE(r.read.rates.empty());
  for (const auto& rate : r.read.rates) {
    EXPECT_EQ(rate.from, Currency("CNY"));
    EXPECT_EQ(rate.to, Currency("USD"));
    EXPECT_EQ(rate.rate, tieout::Decimal::parse("7.0176"));  // "RMB7.0176 to US$1.00"
  }
}

TEST(reader, cells_that_cannot_be_placed_are_kept_with_a_reason) {
  // The FY2023 announcement's adjusted gross profit table (lines 79-84) has
  // an OCR-damaged header ("For the ye e year ended December 31,"): no
  // column is dropped silently.
  const auto text = tieout::load_text_document(filings + "003_2b93c8209c643bac.txt");
  ASSERT_TRUE(text.has_value());
  tieout::StatementGraph graph;
  const auto read = tieout::read_tables(*text, graph);
  std::size_t placed = 0, unplaced = 0;
  for (const auto& table : read.tables) {
    placed += table.figures.size();
    unplaced += table.unplaced.size();
    for (const auto& cell : table.unplaced)
      EXPECT_FALSE(cell.reason.empty());
  }
  EXPECT_EQ(placed, graph.figure_count());
  EXPECT_GT(unplaced, 0u);
  EXPECT_EQ(tieout::find_convenience_rates(*text).front().rate, tieout::Decimal::parse("7.0999"));
}

}  // namespace
