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

// The FY2023 announcement (examples/filings/003_2b93c8209c643bac.txt) is
// text recovered by OCR: its headers are split, cut short and shifted. What
// each column is was read off the page by hand.
struct ReadAnnouncement {
  Read read;
  ReadAnnouncement() {
    const auto text = tieout::load_text_document(filings + "003_2b93c8209c643bac.txt");
    if (!text) throw std::runtime_error(text.error().to_string());
    read.read = tieout::read_tables(*text, read.graph);
  }
  const tieout::ReadTable& table_at(std::uint32_t line) const {
    for (const auto& table : read.read.tables) {
      if (table.first_line <= line && line <= table.last_line) return table;
    }
    throw std::out_of_range("no table at line " + std::to_string(line));
  }
};

const Period fy2022 = Duration::months_ended(2022y / 12 / 31, 12);
const Period fy2023 = Duration::months_ended(2023y / 12 / 31, 12);

TEST(reader_ocr, a_span_split_over_three_cells_is_put_back_together) {
  // Line 171: "For the ye | ar ended Decembe | r 31," over 2022, 2023, 2023.
  const ReadAnnouncement a;
  EXPECT_EQ(a.read.graph.period(at(a.read, 174, 2)), fy2022);
  EXPECT_EQ(a.read.graph.period(at(a.read, 174, 3)), fy2023);
  EXPECT_EQ(a.read.graph.unit(at(a.read, 174, 4)), Unit::money(Currency("USD")));
  EXPECT_EQ(a.read.graph.value(at(a.read, 174, 2))->to_string(), "5360282000");  // thousands
}

TEST(reader_ocr, a_day_cut_short_is_completed_from_the_other_headers) {
  // Line 95 prints "For the year ended December 3" (then "r 31,"); every
  // complete year header of the document says December 31.
  const ReadAnnouncement a;
  EXPECT_EQ(a.read.graph.period(at(a.read, 99, 2)), fy2022);
  const auto& notes = a.table_at(99).notes;
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes.front().line, 95u);
  EXPECT_EQ(notes.front().printed, "For the year ended December 3");
  EXPECT_NE(notes.front().reading.find("December 31"), std::string::npos);
}

TEST(reader_ocr, an_undated_us_dollar_column_translates_the_column_left_of_it) {
  // Lines 77-79: 2022, 2023 over RMB, RMB, US$: the US$ column is 2023.
  const ReadAnnouncement a;
  EXPECT_EQ(a.read.graph.period(at(a.read, 80, 4)), fy2023);
  EXPECT_EQ(a.read.graph.unit(at(a.read, 80, 4)), Unit::money(Currency("USD")));
}

TEST(reader_ocr, a_header_inside_a_table_starts_a_new_block) {
  // Lines 85-87 ("For the year Decembe", 2022 2023, "(%)") head the margins.
  const ReadAnnouncement a;
  EXPECT_EQ(a.read.graph.unit(at(a.read, 88, 3)), Unit::percent());
  EXPECT_EQ(a.read.graph.period(at(a.read, 88, 3)), fy2022);
  EXPECT_EQ(a.read.graph.period(at(a.read, 88, 4)), fy2023);
}

TEST(reader_ocr, years_printed_away_from_their_columns_are_given_back_in_order) {
  // Line 56 prints 2022 over field 2 and 2023 over field 7, which holds no
  // figure; line 57 puts RMB'000 over fields 2 and 3 and % over field 4.
  const ReadAnnouncement a;
  EXPECT_EQ(a.read.graph.period(at(a.read, 58, 2)), fy2022);
  EXPECT_EQ(a.read.graph.period(at(a.read, 58, 3)), fy2023);
  EXPECT_EQ(a.read.graph.unit(at(a.read, 58, 4)), Unit::percent());  // "-13.8%"
}

TEST(reader_ocr, a_label_broken_over_two_lines_is_joined) {
  const ReadAnnouncement a;
  EXPECT_EQ(a.read.graph.label(a.read.graph.line_item(at(a.read, 105, 2))),
            "Adjusted net loss (Non-GAAP Financial Measure)");
  EXPECT_EQ(a.read.graph.label(a.read.graph.line_item(at(a.read, 366, 3))),
            "Comprehensive loss attributable to Kingsoft Cloud Holdings Limited shareholders");
}

TEST(reader_ocr, notes_columns_hold_references_not_amounts) {
  // Line 328: "Public cloud services | 3 | 5,360,282 | ..." under "Notes".
  const ReadAnnouncement a;
  const auto& unplaced = a.table_at(328).unplaced;
  const auto note = std::find_if(unplaced.begin(), unplaced.end(), [](const auto& cell) {
    return cell.line == 328 && cell.column == 2;
  });
  ASSERT_NE(note, unplaced.end());
  EXPECT_EQ(note->text, "3");
  EXPECT_NE(note->reason.find("note"), std::string::npos);
  EXPECT_EQ(a.read.graph.period(at(a.read, 328, 3)), fy2022);
}

TEST(reader_ocr, a_decimal_point_among_whole_thousands_is_unreadable) {
  // Line 407: US$ total current liabilities printed "961.78" in a table of
  // whole thousands: a damaged "961,78x", not 961.78 thousand.
  const ReadAnnouncement a;
  const FigureId figure = at(a.read, 407, 5);
  EXPECT_EQ(a.read.graph.state(figure), tieout::FigureState::unreadable);
  EXPECT_EQ(a.read.graph.text(figure), "961.78");
}

TEST(reader_ocr, a_table_without_a_scale_takes_the_one_of_a_row_it_reprints) {
  // Line 573 reprints line 192's loss before income taxes (in thousands).
  const ReadAnnouncement a;
  EXPECT_EQ(a.read.graph.value(at(a.read, 573, 2))->to_string(), "-2663915000");
}

TEST(reader_ocr, a_table_without_dates_takes_the_date_of_the_prose_above) {
  // Line 255: "... employees as of December 31, 2023 ..."; lines 258-262.
  const ReadAnnouncement a;
  EXPECT_EQ(a.read.graph.period(at(a.read, 258, 2)), Period(Instant(2023y / 12 / 31)));
  EXPECT_EQ(a.read.graph.unit(at(a.read, 258, 3)), Unit::percent());
}

// Layouts of other house styles, each written out by hand.

Read read_text(std::string_view content) {
  const auto text = tieout::read_text_document("t.txt", content);
  if (!text) throw std::runtime_error(text.error().to_string());
  Read result;
  result.read = tieout::read_tables(*text, result.graph);
  return result;
}

TEST(reader_styles, a_date_printed_over_two_header_rows_is_one_date) {
  // "June 30," over "2023": common in US releases.
  const Read r = read_text(
      "\tThree Months Ended\t\t\n\tJune 30,\tJune 30,\tJune 30,\n\t2023\t2024\t2024\n"
      "\tRMB\tRMB\tUS$\nRevenues\t100\t120\t17\n");
  ASSERT_EQ(r.graph.figure_count(), 3u);
  EXPECT_EQ(r.graph.period(at(r, 5, 2)), Period(Duration::months_ended(2023y / 6 / 30, 3)));
  EXPECT_EQ(r.graph.period(at(r, 5, 4)), Period(Duration::months_ended(2024y / 6 / 30, 3)));
}

TEST(reader_styles, years_alone_take_the_date_of_the_title_above) {
  // Hong Kong style: the title states the date, the header only the years,
  // latest first.
  const Read r = read_text(
      "CONSOLIDATED STATEMENT OF PROFIT OR LOSS\nFor the year ended 31 December 2024\n\n"
      "\tNotes\t2024\t2023\n\t\tRMB'000\tRMB'000\nRevenue\t4\t3,456,712\t3,000,618\n\n"
      "CONSOLIDATED STATEMENT OF FINANCIAL POSITION\nAt 31 December 2024\n\n"
      "\t2024\t2023\n\tRMB'000\tRMB'000\nBank balances\t387,654\t321,098\n");
  EXPECT_EQ(r.graph.period(at(r, 6, 3)), Period(Duration::months_ended(2024y / 12 / 31, 12)));
  EXPECT_EQ(r.graph.period(at(r, 6, 4)), Period(Duration::months_ended(2023y / 12 / 31, 12)));
  EXPECT_EQ(r.graph.period(at(r, 13, 2)), Period(Instant(2024y / 12 / 31)));
  EXPECT_EQ(r.graph.period(at(r, 13, 3)), Period(Instant(2023y / 12 / 31)));
}

TEST(reader_styles, a_change_column_is_of_the_latest_year_whichever_way_they_run) {
  const Read r = read_text(
      "\tYear ended 31 December\t\t\t\t\n\t2024\t\t2023\t\tChange\n"
      "\tHK$'000\t%\tHK$'000\t%\t%\nFreight\t1,234,567\t52.0\t1,098,765\t51.3\t12.4\n");
  const Period fy2024 = Duration::months_ended(2024y / 12 / 31, 12);
  EXPECT_EQ(r.graph.unit(at(r, 4, 6)), Unit::percent());
  EXPECT_EQ(r.graph.period(at(r, 4, 6)), fy2024);
  EXPECT_EQ(r.graph.period(at(r, 4, 3)), fy2024);  // a share, of its column
  EXPECT_EQ(r.graph.period(at(r, 4, 5)), fy2023);
}

TEST(reader_styles, change_headings_with_a_percent_sign_mark_percentage_columns) {
  for (const std::string heading : {"YoY %", "% change", "Change (%)", "YoY (%)"}) {
    const Read r = read_text("\tSep 30, 2023\tSep 30, 2024\t" + heading +
                             "\n\tRMB\tRMB\t\nRevenues\t100\t120\t20.0\n");
    ASSERT_EQ(r.graph.figure_count(), 3u) << heading;
    EXPECT_EQ(r.graph.unit(at(r, 3, 4)), Unit::percent()) << heading;
    EXPECT_EQ(r.graph.period(at(r, 3, 4)), Period(Instant(2024y / 9 / 30))) << heading;
  }
}

TEST(reader_styles, what_a_row_counts_follows_its_words) {
  const Read r = read_text(
      "(in thousands of RMB, except for per share data)\n\n"
      "\tSep 30, 2024\n\tRMB\n"
      "Gross margin (%)\t25.4\n"
      "Interest on 5% senior notes\t(1,000)\n"
      "Net loss for the purpose of basic loss per share\t(5,000)\n"
      "Net loss per ordinary share:\t\nBasic and diluted\t(0.01)\n"
      "Weighted average number of ADSs used in computing net loss per ADS\t250,000\n");
  const Currency rmb = *Currency::from_printed("RMB");
  EXPECT_EQ(r.graph.unit(at(r, 5, 2)), Unit::percent());
  EXPECT_EQ(r.graph.unit(at(r, 6, 2)), Unit::money(rmb));
  EXPECT_EQ(r.graph.unit(at(r, 7, 2)), Unit::money(rmb));
  EXPECT_EQ(r.graph.value(at(r, 7, 2))->to_string(), "-5000000");
  EXPECT_EQ(r.graph.unit(at(r, 9, 2)), Unit::per_share(rmb));
  EXPECT_EQ(r.graph.unit(at(r, 10, 2)), Unit::ads());
}

TEST(reader_styles, a_statement_whose_rows_are_dated_is_kept_unplaced) {
  // A statement of changes in equity: components across, dates down.
  const Read r = read_text(
      "CONSOLIDATED STATEMENT OF CHANGES IN EQUITY\nFor the year ended 31 December 2024\n\n"
      "\tShare capital\tRetained profits\tTotal\n\tRMB'000\tRMB'000\tRMB'000\n"
      "At 1 January 2023\t8,000\t100,000\t108,000\nProfit for the year\t-\t30,000\t30,000\n"
      "At 31 December 2023\t8,000\t130,000\t138,000\n");
  EXPECT_EQ(r.graph.figure_count(), 0u);
  std::size_t unplaced = 0;
  for (const auto& table : r.read.tables) {
    for (const auto& cell : table.unplaced) {
      ++unplaced;
      EXPECT_NE(cell.reason.find("statement of changes in equity"), std::string::npos);
    }
  }
  EXPECT_EQ(unplaced, 9u);
}

TEST(reader_styles, at_and_a_date_over_columns_is_an_instant) {
  const Read r = read_text("\tAt 31 December\t\n\t2024\t2023\n\tRMB'000\tRMB'000\nCash\t5\t4\n");
  EXPECT_EQ(r.graph.period(at(r, 4, 2)), Period(Instant(2024y / 12 / 31)));
  EXPECT_EQ(r.graph.period(at(r, 4, 3)), Period(Instant(2023y / 12 / 31)));
}
