// Regression test: the statement graph of the Kingsoft Cloud Q3 2024
// earnings release (examples/filings/004_5d25836ba150503a.txt, lines
// 162-339), built through the C++ API, ties out.
//
// Every figure is typed exactly as printed, with its file line and its
// 1-based TAB-separated field as the source location (the label is field 1,
// so the first figure of a row is field 2). Amounts are in thousands of RMB
// or US$; earnings per share, share counts and percentages are in units.
// The filing's convenience rate is US$1.00 = RMB7.0176.
//
// Every relation below was first worked on the printed values with exact
// fractions (python3, fractions.Fraction): all footings, period sums, roll-
// forwards, equalities and ratios hold, exactly or within rounding. 19
// conversions of subtotals do not hold on their own (the US$ subtotal is
// footed from US$ lines, not converted); the derived-column rule of
// check.hpp accepts them as rounding. They are: balance sheet lines 171,
// 180, 190, 197, 206; Q3 2024 US$ lines 224, 231, 239, 248, 250, 259, 280,
// 285, 291, 294, 303, 337; nine months 2024 US$ lines 291 and 294.
//
// Every row of these tables has all its figures: line 250 too (its nine
// months 2024 US$ figure, (265,305), is printed in field 9). One relation
// is stated beyond the ones asked for: the impairment adjustment of the
// operating-loss bridge (line 306) restates line 229 with the sign flipped,
// as line 284 does.
//
// build_q3_2024_release() builds it all, so that other tests (a mutation
// loop) can start from the same graph: Q3Release::at(line, field) finds a
// figure, ConstraintSet::constraints_of() its constraints.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tieout/check.hpp"
#include "tieout/constraint.hpp"
#include "tieout/decimal.hpp"
#include "tieout/graph.hpp"
#include "tieout/id.hpp"
#include "tieout/period.hpp"
#include "tieout/printed_figure.hpp"
#include "tieout/scale.hpp"
#include "tieout/unit.hpp"

namespace tieout_regress {

using namespace std::chrono_literals;
using tieout::ConstraintSet;
using tieout::Currency;
using tieout::Decimal;
using tieout::DocumentId;
using tieout::Duration;
using tieout::FigureId;
using tieout::Instant;
using tieout::LineItemId;
using tieout::Period;
using tieout::Scale;
using tieout::SourceLocation;
using tieout::StatementGraph;
using tieout::TableId;
using tieout::TableKind;
using tieout::Term;
using tieout::Unit;

/// The filing, relative to the repository root.
inline constexpr const char* q3_2024_filing = "examples/filings/004_5d25836ba150503a.txt";

/// One printed row: its line in the file, its label and its figures exactly
/// as printed; cells[i] is TAB-separated field i + 2 of the line.
struct Row {
  int line;
  const char* label;
  std::vector<const char*> cells;
};

/// What a row's figures count. Amounts are printed in thousands; the others
/// in units.
enum class Measure { amount, per_share, shares, percent };

/// Which period a row's figures are for: the column's own, or the instant
/// that opens or closes the column's duration (cash at the beginning and at
/// the end of a quarter).
enum class When { column, opening, closing };

/// A column of figures: its period, and its currency (none for percentages).
struct Column {
  Period period;
  std::optional<Currency> currency;
};

/// A printed heading (a row without figures) over the rows after it, up to
/// and including `last_line`.
struct Heading {
  int line;
  int last_line;
  const char* text;
};

/// A table as printed: the meaning of its columns and its rows.
struct TableSpec {
  const char* title;
  TableKind kind;
  std::vector<Column> columns;  // columns[i] is TAB-separated field i + 2
  std::vector<Row> rows;
  std::vector<Heading> headings;
  std::map<int, Measure> measures;  // rows that are not amounts, by line
  Measure measure;                  // every other row
  std::map<int, When> whens;        // rows not for the column's period, by line
};

/// Figures by (line, field).
using FigureMap = std::map<std::pair<int, int>, FigureId>;

/// The release as built: where each figure is, and each table's extent.
struct Q3Release {
  struct Table {
    TableId id;
    int first_line;  // of its first and last figure rows
    int last_line;
    std::size_t figure_count;
  };

  DocumentId document;
  std::vector<Table> tables;  // in the order printed
  FigureMap figures;

  /// The figure printed at `line`, TAB-separated field `column`. Throws
  /// std::out_of_range when nothing was added there.
  FigureId at(int line, int column) const {
    const auto found = figures.find({line, column});
    if (found == figures.end()) {
      throw std::out_of_range("no figure at " + std::to_string(line) + ":" +
                              std::to_string(column));
    }
    return found->second;
  }
  bool has(int line, int column) const { return figures.contains({line, column}); }
};

inline Unit unit_of(Measure measure, const Column& column) {
  switch (measure) {
    case Measure::amount: return Unit::money(column.currency.value());
    case Measure::per_share: return Unit::per_share(column.currency.value());
    case Measure::shares: return Unit::shares();
    case Measure::percent: return Unit::percent();
  }
  throw std::logic_error("unknown measure");
}

inline Scale scale_of(Measure measure) {
  return measure == Measure::amount ? Scale::thousands : Scale::units;
}

inline Period period_of(When when, const Column& column) {
  switch (when) {
    case When::column: return column.period;
    case When::opening: return column.period.duration().opening();
    case When::closing: return column.period.duration().closing();
  }
  throw std::logic_error("unknown period");
}

/// Adds a table and its rows' figures; returns the figures by (line, field).
inline FigureMap add_table(StatementGraph& graph, Q3Release& release, const TableSpec& spec) {
  const TableId table = graph.add_table(release.document, spec.title, spec.kind);
  FigureMap added;
  for (const Row& row : spec.rows) {
    if (row.cells.size() != spec.columns.size()) {
      throw std::logic_error("line " + std::to_string(row.line) + " has " +
                             std::to_string(row.cells.size()) + " figures, not " +
                             std::to_string(spec.columns.size()));
    }
    std::vector<std::string> section;
    for (const Heading& heading : spec.headings) {
      if (heading.line < row.line && row.line <= heading.last_line) {
        section.emplace_back(heading.text);
      }
    }
    const LineItemId item = graph.add_line_item(table, row.label, std::move(section));
    const auto measure_found = spec.measures.find(row.line);
    const Measure measure =
        measure_found == spec.measures.end() ? spec.measure : measure_found->second;
    const auto when_found = spec.whens.find(row.line);
    const When when = when_found == spec.whens.end() ? When::column : when_found->second;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const Column& column = spec.columns[i];
      const int field = static_cast<int>(i) + 2;
      const SourceLocation where{release.document, static_cast<std::uint32_t>(row.line),
                                 static_cast<std::uint32_t>(field)};
      added.emplace(std::pair{row.line, field},
                    graph.add_figure(item, period_of(when, column), unit_of(measure, column),
                                     row.cells[i], where, scale_of(measure)));
    }
  }
  release.tables.push_back({table, spec.rows.front().line, spec.rows.back().line, added.size()});
  release.figures.insert(added.begin(), added.end());
  return added;
}

// The periods of the release.
inline const Duration q3_2023 = Duration::months_ended(2023y / 9 / 30, 3);
inline const Duration q1_2024 = Duration::months_ended(2024y / 3 / 31, 3);
inline const Duration q2_2024 = Duration::months_ended(2024y / 6 / 30, 3);
inline const Duration q3_2024 = Duration::months_ended(2024y / 9 / 30, 3);
inline const Duration nine_months_2023 = Duration::months_ended(2023y / 9 / 30, 9);
inline const Duration nine_months_2024 = Duration::months_ended(2024y / 9 / 30, 9);
inline const Instant dec_31_2023{2023y / 12 / 31};
inline const Instant sep_30_2024{2024y / 9 / 30};

inline const Currency rmb{"CNY"};
inline const Currency usd{"USD"};

/// US$1.00 = RMB7.0176: the convenience rate the release translates at.
inline const Decimal rmb_per_usd = Decimal::parse("7.0176");

// Fields of the eight-column tables (statements of comprehensive loss and the
// reconciliations): three months ended Sep 30 2023, Mar 31, Jun 30 and
// Sep 30 2024 (RMB, then US$), nine months ended Sep 30 2023 and 2024 (RMB,
// then US$).
inline constexpr int q3_2023_rmb = 2, q1_2024_rmb = 3, q2_2024_rmb = 4, q3_2024_rmb = 5,
                     q3_2024_usd = 6, nine_months_2023_rmb = 7, nine_months_2024_rmb = 8,
                     nine_months_2024_usd = 9;
inline constexpr int all_eight[] = {2, 3, 4, 5, 6, 7, 8, 9};
// Fields of the balance sheet: Dec 31 2023 RMB, Sep 30 2024 RMB and US$.
inline constexpr int dec_31_2023_rmb = 2, sep_30_2024_rmb = 3, sep_30_2024_usd = 4;
// Fields of the cash flow summary: three months ended Sep 30 2023 RMB, 2024
// RMB and US$.
inline constexpr int cash_q3_2023_rmb = 2, cash_q3_2024_rmb = 3, cash_q3_2024_usd = 4;
inline constexpr int all_three[] = {2, 3, 4};
// The six-column margin tables (fields 2-7: Q3 2023, Q1, Q2, Q3 2024, nine
// months 2023, 2024) divide amounts of the eight-column tables' RMB fields:
inline constexpr std::pair<int, int> margin_field_to_amount_field[] = {
    {2, q3_2023_rmb}, {3, q1_2024_rmb},          {4, q2_2024_rmb},
    {5, q3_2024_rmb}, {6, nine_months_2023_rmb}, {7, nine_months_2024_rmb}};

inline std::vector<Column> eight_columns() {
  return {{q3_2023, rmb},          {q1_2024, rmb},         {q2_2024, rmb},
          {q3_2024, rmb},          {q3_2024, usd},         {nine_months_2023, rmb},
          {nine_months_2024, rmb}, {nine_months_2024, usd}};
}

inline std::vector<Column> six_margin_columns() {
  return {{q3_2023, std::nullopt},          {q1_2024, std::nullopt},
          {q2_2024, std::nullopt},          {q3_2024, std::nullopt},
          {nine_months_2023, std::nullopt}, {nine_months_2024, std::nullopt}};
}

// The figures as printed, row by row. The eight columns of the statements
// and reconciliations hold four per line: the three months ended Sep 30
// 2023, Mar 31, Jun 30 and Sep 30 2024 in RMB; then Sep 30 2024 in US$, the
// nine months ended Sep 30 2023 and 2024 in RMB, and 2024 in US$.
// clang-format off

// Balance sheets, lines 162-209: Dec 31 2023 RMB, Sep 30 2024 RMB and US$.
inline const std::vector<Row> balance_sheet_rows = {
    {166, "Cash and cash equivalents", {"2,255,287", "1,617,935", "230,554"}},
    {167, "Restricted cash", {"234,194", "92,454", "13,175"}},
    {168, "Accounts receivable, net", {"1,529,915", "1,731,863", "246,789"}},
    {169, "Prepayments and other assets", {"1,812,692", "2,314,827", "329,860"}},
    {170, "Amounts due from related parties", {"266,036", "291,385", "41,522"}},
    {171, "Total current assets", {"6,098,124", "6,048,464", "861,900"}},
    {173, "Property and equipment, net", {"2,186,145", "4,496,438", "640,737"}},
    {174, "Intangible assets, net", {"834,478", "706,344", "100,653"}},
    {175, "Goodwill", {"4,605,724", "4,605,724", "656,310"}},
    {176, "Prepayments and other assets", {"870,781", "437,664", "62,367"}},
    {177, "Equity investments", {"259,930", "252,583", "35,993"}},
    {178, "Amounts due from related parties", {"56,264", "4,486", "639"}},
    {179, "Operating lease right-of-use assets", {"158,832", "144,881", "20,645"}},
    {180, "Total non-current assets", {"8,972,154", "10,648,120", "1,517,344"}},
    {181, "Total assets", {"15,070,278", "16,696,584", "2,379,244"}},
    {184, "Accounts payable", {"1,805,083", "2,121,379", "302,294"}},
    {185, "Accrued expenses and other current liabilities", {"2,838,085", "3,861,720", "550,291"}},
    {186, "Short-term borrowings", {"1,110,896", "1,808,146", "257,659"}},
    {187, "Income tax payable", {"63,961", "67,111", "9,563"}},
    {188, "Amounts due to related parties", {"931,906", "1,163,600", "165,812"}},
    {189, "Current operating lease liabilities", {"78,659", "51,338", "7,316"}},
    {190, "Total current liabilities", {"6,828,590", "9,073,294", "1,292,935"}},
    {192, "Long-term borrowings", {"100,000", "541,347", "77,141"}},
    {193, "Amounts due to related parties", {"40,069", "300,000", "42,750"}},
    {194, "Deferred tax liabilities", {"142,565", "105,912", "15,092"}},
    {195, "Other liabilities", {"634,803", "1,029,195", "146,659"}},
    {196, "Non-current operating lease liabilities", {"78,347", "75,688", "10,785"}},
    {197, "Total non-current liabilities", {"995,784", "2,052,142", "292,427"}},
    {198, "Total liabilities", {"7,824,374", "11,125,436", "1,585,362"}},
    {200, "Ordinary shares", {"25,443", "25,864", "3,686"}},
    {201, "Treasury stock", {"(208,385)", "(208,385)", "(29,695)"}},
    {202, "Additional paid-in capital", {"18,811,028", "19,012,461", "2,709,254"}},
    {203, "Statutory reserves funds", {"21,765", "21,765", "3,101"}},
    {204, "Accumulated deficit", {"(12,315,041)", "(14,084,762)", "(2,007,063)"}},
    {205, "Accumulated other comprehensive income", {"555,342", "463,258", "66,014"}},
    {206, "Total Kingsoft Cloud Holdings Limited shareholders' equity",
     {"6,890,152", "5,230,201", "745,297"}},
    {207, "Non-controlling interests", {"355,752", "340,947", "48,585"}},
    {208, "Total equity", {"7,245,904", "5,571,148", "793,882"}},
    {209, "Total liabilities, non-controlling interests and shareholders' equity",
     {"15,070,278", "16,696,584", "2,379,244"}},
};

// Statements of comprehensive loss, lines 215-250: the eight columns. Line
// 250 has all eight figures, the nine months 2024 US$ (265,305) included.
inline const std::vector<Row> comprehensive_loss_rows = {
    {219, "Public cloud services",
     {"1,016,592", "1,187,370", "1,234,542", "1,175,535",
      "167,512", "3,329,775", "3,597,447", "512,632"}},
    {220, "Enterprise cloud services",
     {"608,510", "588,162", "657,238", "710,039", "101,180", "1,993,662", "1,955,439", "278,648"}},
    {221, "Others", {"106", "152", "-", "-", "-", "1,574", "152", "22"}},
    {222, "Total revenues",
     {"1,625,208", "1,775,684", "1,891,780", "1,885,574",
      "268,692", "5,325,011", "5,553,038", "791,302"}},
    {223, "Cost of revenues",
     {"(1,428,968)", "(1,482,431)", "(1,573,433)", "(1,582,220)",
      "(225,465)", "(4,727,980)", "(4,638,084)", "(660,922)"}},
    {224, "Gross profit",
     {"196,240", "293,253", "318,347", "303,354", "43,227", "597,031", "914,954", "130,380"}},
    {226, "Selling and marketing expenses",
     {"(116,438)", "(116,752)", "(125,708)", "(121,117)",
      "(17,259)", "(333,744)", "(363,577)", "(51,809)"}},
    {227, "General and administrative expenses",
     {"(215,740)", "(218,695)", "(266,249)", "(170,374)",
      "(24,278)", "(765,782)", "(655,318)", "(93,382)"}},
    {228, "Research and development expenses",
     {"(200,362)", "(231,963)", "(203,959)", "(235,912)",
      "(33,617)", "(609,652)", "(671,834)", "(95,736)"}},
    {229, "Impairment of long-lived assets",
     {"(468,535)", "-", "-", "(919,724)", "(131,060)", "(653,670)", "(919,724)", "(131,060)"}},
    {230, "Total operating expenses",
     {"(1,001,075)", "(567,410)", "(595,916)", "(1,447,127)",
      "(206,214)", "(2,362,848)", "(2,610,453)", "(371,987)"}},
    {231, "Operating loss",
     {"(804,835)", "(274,157)", "(277,569)", "(1,143,773)",
      "(162,987)", "(1,765,817)", "(1,695,499)", "(241,607)"}},
    {232, "Interest income",
     {"26,332", "8,370", "9,945", "4,517", "644", "65,968", "22,832", "3,254"}},
    {233, "Interest expense",
     {"(40,800)", "(51,066)", "(59,414)", "(57,404)",
      "(8,180)", "(99,034)", "(167,884)", "(23,923)"}},
    {234, "Foreign exchange gain (loss)",
     {"20,200", "(42,737)", "(6,999)", "135,777", "19,348", "(131,222)", "86,041", "12,261"}},
    {235, "Other gain (loss), net",
     {"3,855", "(8,207)", "(7,829)", "6,046", "862", "(15,932)", "(9,990)", "(1,424)"}},
    {236, "Other income (expense), net",
     {"16,520", "(11,190)", "(4,961)", "4,433", "632", "66,587", "(11,718)", "(1,670)"}},
    {237, "Loss before income taxes",
     {"(778,728)", "(378,987)", "(346,827)", "(1,050,404)",
      "(149,681)", "(1,879,450)", "(1,776,218)", "(253,109)"}},
    {238, "Income tax (expense) benefit",
     {"(10,990)", "15,371", "(6,891)", "(10,662)", "(1,519)", "(17,361)", "(2,182)", "(311)"}},
    {239, "Net loss",
     {"(789,718)", "(363,616)", "(353,718)", "(1,061,066)",
      "(151,200)", "(1,896,811)", "(1,778,400)", "(253,420)"}},
    {240, "Less: net loss attributable to non-controlling interests",
     {"(3,859)", "(4,206)", "(542)", "(3,931)", "(560)", "(4,619)", "(8,679)", "(1,237)"}},
    {241, "Net loss attributable to Kingsoft Cloud Holdings Limited",
     {"(785,859)", "(359,410)", "(353,176)", "(1,057,135)",
      "(150,640)", "(1,892,192)", "(1,769,721)", "(252,183)"}},
    {243, "Basic and diluted",
     {"(0.22)", "(0.10)", "(0.10)", "(0.29)", "(0.04)", "(0.53)", "(0.49)", "(0.07)"}},
    {245, "Basic and diluted",
     {"3,564,635,578", "3,614,662,846", "3,649,307,331", "3,655,882,906",
      "3,655,882,906", "3,551,616,821", "3,640,406,551", "3,640,406,551"}},
    {247, "Foreign currency translation adjustments",
     {"(38,904)", "20,704", "(530)", "(112,296)", "(16,002)", "169,877", "(92,122)", "(13,127)"}},
    {248, "Comprehensive loss",
     {"(828,622)", "(342,912)", "(354,248)", "(1,173,362)",
      "(167,202)", "(1,726,934)", "(1,870,522)", "(266,547)"}},
    {249, "Less: Comprehensive loss attributable to non-controlling interests",
     {"(3,897)", "(4,247)", "(570)", "(3,900)", "(556)", "(4,672)", "(8,717)", "(1,242)"}},
    {250, "Comprehensive loss attributable to Kingsoft Cloud Holdings Limited shareholders",
     {"(824,725)", "(338,665)", "(353,678)", "(1,169,462)",
      "(166,646)", "(1,722,262)", "(1,861,805)", "(265,305)"}},
};

// Adjusted gross profit, lines 256-262: the eight columns.
inline const std::vector<Row> gross_profit_rows = {
    {259, "Gross profit",
     {"196,240", "293,253", "318,347", "303,354", "43,227", "597,031", "914,954", "130,380"}},
    {261, "– Share-based compensation expenses (allocated in cost of revenues)",
     {"34", "5,814", "5,076", "4,252", "606", "427", "15,142", "2,158"}},
    {262, "Adjusted gross profit (Non-GAAP Financial Measure)",
     {"196,274", "299,067", "323,423", "307,606", "43,833", "597,458", "930,096", "132,538"}},
};

// Gross margins, lines 268-271: the six margin columns, in percent.
inline const std::vector<Row> gross_margin_rows = {
    {270, "Gross margin", {"12.1%", "16.5%", "16.8%", "16.1%", "11.2%", "16.5%"}},
    {271, "Adjusted gross margin (Non-GAAP Financial Measure)",
     {"12.1%", "16.8%", "17.1%", "16.3%", "11.2%", "16.7%"}},
};

// Adjusted net loss and adjusted EBITDA, lines 277-294: the eight columns.
inline const std::vector<Row> net_loss_bridge_rows = {
    {280, "Net Loss",
     {"(789,718)", "(363,616)", "(353,718)", "(1,061,066)",
      "(151,200)", "(1,896,811)", "(1,778,400)", "(253,420)"}},
    {282, "– Share-based compensation expenses",
     {"28,102", "103,595", "45,649", "40,423", "5,760", "71,208", "189,667", "27,027"}},
    {283, "– Foreign exchange (gain) loss",
     {"(20,200)", "42,737", "6,999", "(135,777)", "(19,348)", "131,222", "(86,041)", "(12,261)"}},
    {284, "– Impairment of long-lived assets",
     {"468,535", "-", "-", "919,724", "131,060", "653,670", "919,724", "131,060"}},
    {285, "Adjusted net loss (Non-GAAP Financial Measure)",
     {"(313,281)", "(217,284)", "(301,070)", "(236,696)",
      "(33,728)", "(1,040,711)", "(755,050)", "(107,594)"}},
    {287, "– Interest income",
     {"(26,332)", "(8,370)", "(9,945)", "(4,517)", "(644)", "(65,968)", "(22,832)", "(3,254)"}},
    {288, "– Interest expense",
     {"40,800", "51,066", "59,414", "57,404", "8,180", "99,034", "167,884", "23,923"}},
    {289, "– Income tax expense (benefit)",
     {"10,990", "(15,371)", "6,891", "10,662", "1,519", "17,361", "2,182", "311"}},
    {290, "– Depreciation and amortization",
     {"242,421", "223,146", "305,304", "358,540", "51,092", "752,940", "886,990", "126,395"}},
    {291, "Adjusted EBITDA (Non-GAAP Financial Measure)",
     {"(45,402)", "33,187", "60,594", "185,393", "26,419", "(237,344)", "279,174", "39,781"}},
    {292, "– Loss (gain) on disposal of property and equipment",
     {"1,324", "(23,821)", "-", "(10,667)", "(1,520)", "22,996", "(34,488)", "(4,915)"}},
    {294, "Adjusted EBITDA",
     {"(44,078)", "9,366", "60,594", "174,726", "24,899", "(214,348)", "244,686", "34,866"}},
};

// Adjusted operating loss, lines 300-311: the eight columns.
inline const std::vector<Row> operating_loss_bridge_rows = {
    {303, "Operating loss",
     {"(804,835)", "(274,157)", "(277,569)", "(1,143,773)",
      "(162,987)", "(1,765,817)", "(1,695,499)", "(241,607)"}},
    {305, "– Share-based compensation expenses",
     {"28,102", "103,595", "45,649", "40,423", "5,760", "71,208", "189,667", "27,027"}},
    {306, "– Impairment of long-lived assets",
     {"468,535", "-", "-", "919,724", "131,060", "653,670", "919,724", "131,060"}},
    {307, "– Amortization of intangible assets",
     {"45,326", "43,517", "43,415", "43,460", "6,193", "135,803", "130,392", "18,581"}},
    {308, "Adjusted operating loss (Non-GAAP Financial Measure)",
     {"(262,872)", "(127,045)", "(188,505)", "(140,166)",
      "(19,974)", "(905,136)", "(455,716)", "(64,939)"}},
    {309, "– Loss (gain) on disposal of property and equipment",
     {"1,324", "(23,821)", "-", "(10,667)", "(1,520)", "22,996", "(34,488)", "(4,915)"}},
    {311, "Adjusted operating loss",
     {"(261,548)", "(150,866)", "(188,505)", "(150,833)",
      "(21,494)", "(882,140)", "(490,204)", "(69,854)"}},
};

// Margins, lines 317-324: the six margin columns, in percent.
inline const std::vector<Row> margin_rows = {
    {319, "Net loss margin", {"-48.6%", "-20.5%", "-18.7%", "-56.3%", "-35.6%", "-32.0%"}},
    {320, "Adjusted net loss margin (Non-GAAP Financial Measure)",
     {"-19.3%", "-12.2%", "-15.9%", "-12.6%", "-19.5%", "-13.6%"}},
    {321, "Adjusted EBITDA margin (Non-GAAP Financial Measure)",
     {"-2.8%", "1.9%", "3.2%", "9.8%", "-4.5%", "5.0%"}},
    {322, "Normalized Adjusted EBITDA margin", {"-2.7%", "0.5%", "3.2%", "9.3%", "-4.0%", "4.4%"}},
    {323, "Adjusted operating loss margin (Non-GAAP Financial Measure)",
     {"-16.2%", "-7.2%", "-10.0%", "-7.4%", "-17.0%", "-8.2%"}},
    {324, "Normalized Adjusted operating loss margin",
     {"-16.1%", "-8.5%", "-10.0%", "-8.0%", "-16.6%", "-8.8%"}},
};

// Cash flows, lines 330-339: three months ended Sep 30 2023 RMB, 2024 RMB
// and US$.
inline const std::vector<Row> cash_flow_rows = {
    {333, "Net cash generated from operating activities", {"20,372", "228,364", "32,542"}},
    {334, "Net cash generated from (used in) investing activities",
     {"165,089", "(458,621)", "(65,353)"}},
    {335, "Net cash used in financing activities", {"(1,263,894)", "(183,390)", "(26,133)"}},
    {336, "Effect of exchange rate changes on cash, cash equivalents and restricted cash",
     {"(13,026)", "27,632", "3,938"}},
    {337, "Net decrease in cash, cash equivalents and restricted cash",
     {"(1,091,459)", "(386,015)", "(55,006)"}},
    {338, "Cash, cash equivalents and restricted cash at beginning of period",
     {"3,823,087", "2,096,404", "298,735"}},
    {339, "Cash, cash equivalents and restricted cash at end of period",
     {"2,731,628", "1,710,389", "243,729"}},
};
// clang-format on

/// A part of a footing: a line, added (weight 1) or subtracted (weight -1).
struct Part {
  Part(int line_, int weight_ = 1) : line(line_), weight(weight_) {}  // NOLINT: implicit
  int line;
  int weight;
};

/// The constraints over the release's figures, stated by line and field.
class Rules {
 public:
  Rules(ConstraintSet& constraints, const Q3Release& release)
      : constraints_(constraints), release_(release) {}

  /// total = Σ parts, in each of `fields`.
  template <std::size_t N>
  void footing(int total, const std::vector<Part>& parts, const int (&fields)[N]) {
    for (const int field : fields) {
      footing_at(total, parts, field);
    }
  }
  void footing_at(int total, const std::vector<Part>& parts, int field) {
    const bool plain =
        std::all_of(parts.begin(), parts.end(), [](const Part& p) { return p.weight == 1; });
    if (plain) {
      std::vector<FigureId> figures;
      for (const Part& part : parts) {
        figures.push_back(release_.at(part.line, field));
      }
      constraints_.add_footing(release_.at(total, field), figures);
    } else {
      std::vector<Term> terms;
      for (const Part& part : parts) {
        terms.push_back({release_.at(part.line, field), Decimal(part.weight)});
      }
      constraints_.add_footing(release_.at(total, field), terms);
    }
  }

  /// a = b, in each of `fields`.
  template <std::size_t N>
  void equality(int a, int b, const int (&fields)[N]) {
    for (const int field : fields) {
      constraints_.add_equality(release_.at(a, field), release_.at(b, field));
    }
  }

  /// Nine months 2024 = Q1 + Q2 + Q3 2024 (RMB), for each line.
  void period_sums(const std::vector<int>& lines) {
    for (const int line : lines) {
      const FigureId parts[] = {release_.at(line, q1_2024_rmb), release_.at(line, q2_2024_rmb),
                                release_.at(line, q3_2024_rmb)};
      constraints_.add_period_sum(release_.at(line, nine_months_2024_rmb), parts);
    }
  }

  /// The US$ field translates the RMB field at 7.0176, for each line.
  void conversions(const std::vector<int>& lines, int usd_field, int rmb_field) {
    for (const int line : lines) {
      constraints_.add_conversion(release_.at(line, usd_field), release_.at(line, rmb_field),
                                  rmb_per_usd);
    }
  }
  /// Both US$ fields of the eight-column tables, for each line.
  void eight_column_conversions(const std::vector<int>& lines) {
    conversions(lines, q3_2024_usd, q3_2024_rmb);
    conversions(lines, nine_months_2024_usd, nine_months_2024_rmb);
  }

  /// ratio = multiplier × numerator ÷ denominator, with the three figures at
  /// the given (line, field)s.
  void ratio(std::pair<int, int> ratio, std::pair<int, int> numerator,
             std::pair<int, int> denominator, const Decimal& multiplier) {
    constraints_.add_ratio(release_.at(ratio.first, ratio.second),
                           {{release_.at(numerator.first, numerator.second), Decimal(1)}},
                           {{release_.at(denominator.first, denominator.second), Decimal(1)}},
                           multiplier);
  }
  /// A margin line in percent = 100 × amount line ÷ total revenues (line
  /// 222), field by field of the margin tables.
  void margins(int margin_line, int amount_line) {
    for (const auto& [margin_field, amount_field] : margin_field_to_amount_field) {
      ratio({margin_line, margin_field}, {amount_line, amount_field}, {222, amount_field},
            Decimal(100));
    }
  }

 private:
  ConstraintSet& constraints_;
  const Q3Release& release_;
};

/// Builds the release's figures into `graph` and its relations into
/// `constraints` (whose graph must be `graph`).
inline Q3Release build_q3_2024_release(StatementGraph& graph, ConstraintSet& constraints) {
  Q3Release release;
  release.document = graph.add_document(q3_2024_filing);

  // ---- Balance sheets, lines 162-209.
  add_table(
      graph, release,
      {.title = "Unaudited condensed consolidated balance sheets",
       .kind = TableKind::balance_sheet,
       .columns = {{dec_31_2023, rmb}, {sep_30_2024, rmb}, {sep_30_2024, usd}},
       .rows = balance_sheet_rows,
       .headings = {{164, 181, "ASSETS"},
                    {165, 171, "Current assets:"},
                    {172, 180, "Non-current assets:"},
                    {182, 209, "LIABILITIES, NON-CONTROLLING INTERESTS AND SHAREHOLDERS' EQUITY"},
                    {183, 190, "Current liabilities:"},
                    {191, 197, "Non-current liabilities:"},
                    {199, 206, "Shareholders' equity:"}},
       .measures = {},
       .measure = Measure::amount,
       .whens = {}});

  // ---- Statements of comprehensive loss, lines 215-250.
  add_table(graph, release,
            {.title = "Unaudited condensed consolidated statements of comprehensive loss",
             .kind = TableKind::income_statement,
             .columns = eight_columns(),
             .rows = comprehensive_loss_rows,
             .headings = {{218, 222, "Revenues:"},
                          {225, 230, "Operating expenses:"},
                          {242, 243, "Net loss per share:"},
                          {244, 245, "Shares used in the net loss per share computation:"},
                          {246, 247, "Other comprehensive (loss) income, net of tax of nil:"}},
             .measures = {{243, Measure::per_share}, {245, Measure::shares}},
             .measure = Measure::amount,
             .whens = {}});

  // ---- Gross profit to adjusted gross profit, lines 256-262.
  add_table(graph, release,
            {.title = "Reconciliation of GAAP and non-GAAP results: adjusted gross profit",
             .kind = TableKind::non_gaap_reconciliation,
             .columns = eight_columns(),
             .rows = gross_profit_rows,
             .headings = {{260, 261, "Adjustments:"}},
             .measures = {},
             .measure = Measure::amount,
             .whens = {}});

  // ---- Gross margins, lines 268-271.
  add_table(graph, release,
            {.title = "Reconciliation of GAAP and non-GAAP results: gross margins",
             .kind = TableKind::margins,
             .columns = six_margin_columns(),
             .rows = gross_margin_rows,
             .headings = {},
             .measures = {},
             .measure = Measure::percent,
             .whens = {}});

  // ---- Net loss to adjusted net loss and adjusted EBITDA, lines 277-294.
  add_table(graph, release,
            {.title = "Reconciliation of GAAP and non-GAAP results: adjusted net loss and EBITDA",
             .kind = TableKind::non_gaap_reconciliation,
             .columns = eight_columns(),
             .rows = net_loss_bridge_rows,
             .headings = {{281, 284, "Adjustments:"},
                          {286, 290, "Adjustments:"},
                          {293, 294,
                           "Excluding loss or gain on disposal of property and equipment, "
                           "normalized"}},
             .measures = {},
             .measure = Measure::amount,
             .whens = {}});

  // ---- Operating loss to adjusted operating loss, lines 300-311.
  add_table(graph, release,
            {.title = "Reconciliation of GAAP and non-GAAP results: adjusted operating loss",
             .kind = TableKind::non_gaap_reconciliation,
             .columns = eight_columns(),
             .rows = operating_loss_bridge_rows,
             .headings = {{304, 307, "Adjustments:"},
                          {310, 311,
                           "Excluding loss or gain on disposal of property and equipment, "
                           "normalized"}},
             .measures = {},
             .measure = Measure::amount,
             .whens = {}});

  // ---- Margins, lines 317-324.
  add_table(graph, release,
            {.title = "Reconciliation of GAAP and non-GAAP results: margins",
             .kind = TableKind::margins,
             .columns = six_margin_columns(),
             .rows = margin_rows,
             .headings = {},
             .measures = {},
             .measure = Measure::percent,
             .whens = {}});

  // ---- Cash flows, lines 330-339. Cash at the beginning of a quarter is
  // the balance at the June 30 before it; at the end, at its September 30.
  add_table(graph, release,
            {.title = "Unaudited condensed consolidated statement of cash flows",
             .kind = TableKind::cash_flow,
             .columns = {{q3_2023, rmb}, {q3_2024, rmb}, {q3_2024, usd}},
             .rows = cash_flow_rows,
             .headings = {},
             .measures = {},
             .measure = Measure::amount,
             .whens = {{338, When::opening}, {339, When::closing}}});

  Rules rules(constraints, release);

  // ---- 1. Balance sheets: footings and the balance, in each field; every
  // US$ figure translates the Sep 30 2024 RMB figure.
  rules.footing(171, {166, 167, 168, 169, 170}, all_three);
  rules.footing(180, {173, 174, 175, 176, 177, 178, 179}, all_three);
  rules.footing(181, {171, 180}, all_three);
  rules.footing(190, {184, 185, 186, 187, 188, 189}, all_three);
  rules.footing(197, {192, 193, 194, 195, 196}, all_three);
  rules.footing(198, {190, 197}, all_three);
  rules.footing(206, {200, 201, 202, 203, 204, 205}, all_three);
  rules.footing(208, {206, 207}, all_three);
  rules.footing(209, {198, 208}, all_three);
  rules.equality(181, 209, all_three);
  std::vector<int> balance_sheet_lines;
  for (const auto& [at, figure] : release.figures) {
    if (at.first <= 209 && at.second == sep_30_2024_usd) balance_sheet_lines.push_back(at.first);
  }
  rules.conversions(balance_sheet_lines, sep_30_2024_usd, sep_30_2024_rmb);

  // ---- 2. Statements of comprehensive loss: footings in every field; the
  // nine months 2024 are Q1 + Q2 + Q3 2024 for every amount; the US$ fields
  // translate the RMB fields of their periods, earnings per share included;
  // the US$ fields repeat the share counts; earnings per share is the net
  // loss attributable to the company over the weighted shares (the value of
  // a thousands figure is in units, so the ratio is RMB or US$ per share).
  rules.footing(222, {219, 220, 221}, all_eight);
  rules.footing(224, {222, 223}, all_eight);
  rules.footing(230, {226, 227, 228, 229}, all_eight);
  rules.footing(231, {224, 230}, all_eight);
  rules.footing(237, {231, 232, 233, 234, 235, 236}, all_eight);
  rules.footing(239, {237, 238}, all_eight);
  rules.footing(241, {239, Part{240, -1}}, all_eight);
  rules.footing(248, {239, 247}, all_eight);
  rules.footing(250, {248, Part{249, -1}}, all_eight);
  const std::vector<int> statement_amounts = {219, 220, 221, 222, 223, 224, 226, 227, 228,
                                              229, 230, 231, 232, 233, 234, 235, 236, 237,
                                              238, 239, 240, 241, 247, 248, 249, 250};
  rules.period_sums(statement_amounts);
  rules.eight_column_conversions(statement_amounts);
  rules.eight_column_conversions({243});
  constraints.add_equality(release.at(245, q3_2024_usd), release.at(245, q3_2024_rmb));
  constraints.add_equality(release.at(245, nine_months_2024_usd),
                           release.at(245, nine_months_2024_rmb));
  for (const int field : all_eight)
    rules.ratio({243, field}, {241, field}, {245, field}, Decimal(1));

  // ---- 3. Adjusted gross profit: gross profit restates line 224.
  rules.equality(259, 224, all_eight);
  rules.footing(262, {259, 261}, all_eight);
  rules.period_sums({259, 261, 262});
  rules.eight_column_conversions({259, 261, 262});

  // ---- 4. Gross margins: 100 x (adjusted) gross profit / total revenues.
  rules.margins(270, 224);
  rules.margins(271, 262);

  // ---- 5. Adjusted net loss and EBITDA. The adjustments restate statement
  // lines with the sign flipped (the impairment is printed positive here,
  // negative in the statement), and two restate the operating-loss bridge.
  rules.equality(280, 239, all_eight);
  rules.footing(285, {280, 282, 283, 284}, all_eight);
  rules.footing(291, {285, 287, 288, 289, 290}, all_eight);
  rules.footing(294, {291, 292}, all_eight);
  rules.footing(284, {Part{229, -1}}, all_eight);
  rules.footing(283, {Part{234, -1}}, all_eight);
  rules.footing(287, {Part{232, -1}}, all_eight);
  rules.footing(288, {Part{233, -1}}, all_eight);
  rules.footing(289, {Part{238, -1}}, all_eight);
  rules.equality(282, 305, all_eight);
  rules.equality(292, 309, all_eight);
  const std::vector<int> net_loss_bridge = {280, 282, 283, 284, 285, 287,
                                            288, 289, 290, 291, 292, 294};
  rules.period_sums(net_loss_bridge);
  rules.eight_column_conversions(net_loss_bridge);

  // ---- 6. Adjusted operating loss. Beyond the brief: the impairment
  // adjustment (line 306) restates line 229 with the sign flipped, as line
  // 284 does.
  rules.equality(303, 231, all_eight);
  rules.footing(308, {303, 305, 306, 307}, all_eight);
  rules.footing(311, {308, 309}, all_eight);
  rules.footing(306, {Part{229, -1}}, all_eight);
  const std::vector<int> operating_loss_bridge = {303, 305, 306, 307, 308, 309, 311};
  rules.period_sums(operating_loss_bridge);
  rules.eight_column_conversions(operating_loss_bridge);

  // ---- 7. Margins: 100 x the measure / total revenues.
  rules.margins(319, 239);
  rules.margins(320, 285);
  rules.margins(321, 291);
  rules.margins(322, 294);
  rules.margins(323, 308);
  rules.margins(324, 311);

  // ---- 8. Cash flows: the net change foots and rolls the opening balance
  // forward to the closing one; the closing balance at Sep 30 2024 is the
  // balance sheet's cash plus restricted cash (lines 166 and 167); the US$
  // field translates the 2024 RMB field.
  rules.footing(337, {333, 334, 335, 336}, all_three);
  for (const int field : all_three) {
    const FigureId movements[] = {release.at(337, field)};
    constraints.add_roll_forward(release.at(339, field), release.at(338, field), movements);
  }
  for (const auto& [cash_field, balance_sheet_field] :
       {std::pair{cash_q3_2024_rmb, sep_30_2024_rmb},
        std::pair{cash_q3_2024_usd, sep_30_2024_usd}}) {
    const FigureId cash[] = {release.at(166, balance_sheet_field),
                             release.at(167, balance_sheet_field)};
    constraints.add_footing(release.at(339, cash_field), cash);
  }
  rules.conversions({333, 334, 335, 336, 337, 338, 339}, cash_q3_2024_usd, cash_q3_2024_rmb);
  return release;
}

}  // namespace tieout_regress

namespace {

using namespace tieout_regress;
using ::testing::AnyOf;
using tieout::check;
using tieout::check_one;
using tieout::CheckReport;
using tieout::CheckResult;
using tieout::ConstraintId;
using tieout::ConstraintKind;
using tieout::FigureState;
using tieout::Verdict;

/// A graph, its constraints and the release built into them. Not copyable:
/// the constraint set points at the graph.
struct Built {
  Built() = default;
  Built(const Built&) = delete;
  Built& operator=(const Built&) = delete;

  StatementGraph graph;
  ConstraintSet constraints{graph};
  Q3Release release = build_q3_2024_release(graph, constraints);
};

/// The one constraint of `kind` whose first term is `first`: a footing's
/// total, a conversion's converted figure, an equality's left-hand side, a
/// ratio's printed ratio, a roll-forward's closing balance.
ConstraintId constraint_of(const ConstraintSet& constraints, ConstraintKind kind, FigureId first) {
  std::vector<ConstraintId> found;
  for (const ConstraintId id : constraints.constraints_of(first)) {
    if (constraints.kind(id) == kind && constraints.figures(id)[0] == first) found.push_back(id);
  }
  if (found.size() != 1) {
    throw std::logic_error(std::to_string(found.size()) + " " + std::string(tieout::name_of(kind)) +
                           " constraints start with " + constraints.graph().describe(first));
  }
  return found.front();
}

TEST(q3_2024_release, ties_out) {
  const Built built;
  const CheckReport report = check(built.constraints);
  ASSERT_EQ(report.results.size(), built.constraints.size());
  for (const CheckResult* result : report.with(Verdict::fail)) {
    ADD_FAILURE() << "fails: " << result->explanation;
  }
  for (const CheckResult* result : report.with(Verdict::incomplete)) {
    ADD_FAILURE() << "incomplete: " << result->explanation;
  }
  EXPECT_EQ(report.count(Verdict::fail), 0u);
  EXPECT_EQ(report.count(Verdict::incomplete), 0u);
  for (const CheckResult* result : report.with(Verdict::rounding)) {
    EXPECT_FALSE(result->explanation.empty())
        << "constraint " << result->constraint.index() << " rounds without an explanation";
  }

  // Figures per table, counted in the file: (lines in the range - heading
  // lines without figures) x figures per row.
  ASSERT_EQ(built.release.tables.size(), 8u);
  const std::vector<std::size_t> counts = {
      117,  // balance sheets: lines 166-209 (44) - 172, 182, 183, 191, 199 = 39 rows x 3
      224,  // comprehensive loss: lines 219-250 (32) - 225, 242, 244, 246 = 28 rows x 8
      24,   // adjusted gross profit: lines 259, 261, 262 = 3 rows x 8
      12,   // gross margins: lines 270, 271 = 2 rows x 6
      96,   // adjusted net loss / EBITDA: lines 280-294 (15) - 281, 286, 293 = 12 rows x 8
      56,   // adjusted operating loss: lines 303-311 (9) - 304, 310 = 7 rows x 8
      36,   // margins: lines 319-324 = 6 rows x 6
      21,   // cash flows: lines 333-339 = 7 rows x 3
  };
  for (std::size_t table = 0; table < counts.size(); ++table) {
    EXPECT_EQ(built.release.tables[table].figure_count, counts[table])
        << built.graph.title(built.release.tables[table].id);
  }
  EXPECT_EQ(built.graph.figure_count(), 586u);  // the sum of the above
  EXPECT_EQ(built.release.figures.size(), 586u);
  EXPECT_EQ(built.graph.line_item_count(), 104u);  // 39 + 28 + 3 + 2 + 12 + 7 + 6 + 7 rows

  // Constraints, counted from the list in build_q3_2024_release:
  //   balance sheets  9 footings x 3 + 3 equalities + 39 conversions         =  69
  //   statements      9 footings x 8 + 26 period sums + 27 x 2 conversions
  //                   + 2 share-count equalities + 8 EPS ratios              = 162
  //   gross profit    8 equalities + 8 footings + 3 period sums + 6 conv.    =  25
  //   gross margins   2 lines x 6 ratios                                     =  12
  //   net loss bridge 8 equalities + 3 footings x 8 + 5 negated x 8
  //                   + 2 equalities x 8 + 12 period sums + 24 conversions   = 124
  //   operating loss  8 equalities + 2 footings x 8 + 8 negated (306 = -229)
  //                   + 7 period sums + 14 conversions                       =  53
  //   margins         6 lines x 6 ratios                                     =  36
  //   cash flows      3 footings + 3 roll-forwards + 2 cross-statement
  //                   footings + 7 conversions                               =  15
  EXPECT_EQ(built.constraints.size(), 496u);
}

// The Q3 2024 US$ gross profit is US$ revenues less US$ cost of revenues
// (268,692 - 225,465 = 43,227), not RMB 303,354 translated: 303,354 / 7.0176
// = 43,227.599..., which would be printed 43,228. On its own the conversion
// fails: 43,227 x 7.0176 = 303,349.7952, 4.2048 thousand short of 303,354,
// more than the 4.0088 thousand (0.5 x 7.0176 + 0.5) that rounding absorbs.
// The derived-column rule accepts it as rounding.
TEST(q3_2024_release, us_gross_profit_is_footed_not_converted) {
  const Built built;
  const FigureId usd = built.release.at(224, q3_2024_usd);
  ASSERT_EQ(built.graph.text(usd), "43,227");
  const ConstraintId conversion = constraint_of(built.constraints, ConstraintKind::conversion, usd);
  ASSERT_EQ(built.constraints.figures(conversion)[1], built.release.at(224, q3_2024_rmb));

  const CheckResult alone = check_one(built.constraints, conversion);
  EXPECT_EQ(alone.verdict, Verdict::fail);
  EXPECT_EQ(alone.difference, Decimal::parse("-4204.8"));  // 43,227,000 x 7.0176 - 303,354,000
  EXPECT_EQ(alone.tolerance, Decimal::parse("4008.8"));    // 500 x 7.0176 + 500

  const ConstraintId footing = constraint_of(built.constraints, ConstraintKind::footing, usd);
  EXPECT_EQ(check_one(built.constraints, footing).verdict, Verdict::pass);  // 268,692 - 225,465

  const CheckReport report = check(built.constraints);
  const CheckResult& result = report.results[conversion.index()];
  EXPECT_EQ(result.constraint, conversion);
  EXPECT_EQ(result.verdict, Verdict::rounding);
  EXPECT_FALSE(result.explanation.empty());
}

TEST(q3_2024_release, figures_carry_their_period_unit_and_location) {
  const Built built;
  const StatementGraph& graph = built.graph;
  EXPECT_EQ(graph.describe(built.release.at(224, q3_2024_usd)),
            "Gross profit, 2024-07-01..2024-09-30, USD: 43,227 "
            "(examples/filings/004_5d25836ba150503a.txt:224:6)");
  const FigureId eps = built.release.at(243, q3_2023_rmb);
  EXPECT_EQ(graph.unit(eps), Unit::per_share(rmb));
  EXPECT_EQ(graph.scale(eps), Scale::units);
  EXPECT_EQ(graph.value(eps), Decimal::parse("-0.22"));
  const FigureId shares = built.release.at(245, q3_2023_rmb);
  EXPECT_EQ(graph.unit(shares), Unit::shares());
  EXPECT_EQ(graph.value(shares), Decimal(3'564'635'578));
  const FigureId margin = built.release.at(270, 2);
  EXPECT_EQ(graph.unit(margin), Unit::percent());
  EXPECT_EQ(graph.value(margin), Decimal::parse("12.1"));
  const FigureId cost = built.release.at(223, q3_2023_rmb);  // (1,428,968) thousand
  EXPECT_EQ(graph.value(cost), Decimal(-1'428'968'000));
  EXPECT_EQ(graph.decimals(cost), -3);
  // Nothing in Q3 2024 "Others" revenue: a dash, stated as nothing.
  EXPECT_EQ(graph.state(built.release.at(221, q3_2024_rmb)), FigureState::nil);
  // Cash at the beginning of a quarter is a balance at June 30.
  EXPECT_EQ(graph.period(built.release.at(338, cash_q3_2024_rmb)), Period(Instant(2024y / 6 / 30)));
  EXPECT_EQ(graph.period(built.release.at(339, cash_q3_2023_rmb)), Period(Instant(2023y / 9 / 30)));
  EXPECT_EQ(graph.period(built.release.at(337, cash_q3_2023_rmb)), Period(q3_2023));
  const SourceLocation where = graph.location(built.release.at(250, nine_months_2024_usd));
  EXPECT_EQ(where.line, 250u);
  EXPECT_EQ(where.column, 9u);
  EXPECT_EQ(graph.text(built.release.at(250, nine_months_2024_usd)), "(265,305)");
}

// The typed figures are the file's, at the locations given: each figure's
// text is the TAB-separated field it points to, and every field with text in
// a table's figure rows is a figure.
TEST(q3_2024_release, figures_are_typed_as_printed) {
  const std::filesystem::path file =
      std::filesystem::path(__FILE__).parent_path() / "../.." / q3_2024_filing;
  std::ifstream in(file);
  if (!in) GTEST_SKIP() << "cannot read " << file;
  std::vector<std::vector<std::string>> fields = {{}};  // fields[line], 1-based
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string>& split = fields.emplace_back();
    std::istringstream stream(line);
    for (std::string field; std::getline(stream, field, '\t');)
      split.push_back(field);
  }
  const Built built;
  for (const auto& [at, figure] : built.release.figures) {
    ASSERT_LT(static_cast<std::size_t>(at.first), fields.size());
    const std::vector<std::string>& line = fields[static_cast<std::size_t>(at.first)];
    ASSERT_LE(static_cast<std::size_t>(at.second), line.size()) << at.first;
    EXPECT_EQ(built.graph.text(figure), line[static_cast<std::size_t>(at.second) - 1])
        << at.first << ":" << at.second;
    EXPECT_EQ(built.graph.location(figure).line, static_cast<std::uint32_t>(at.first));
    EXPECT_EQ(built.graph.location(figure).column, static_cast<std::uint32_t>(at.second));
  }
  for (const Q3Release::Table& table : built.release.tables) {
    for (int line = table.first_line; line <= table.last_line; ++line) {
      const std::vector<std::string>& split = fields[static_cast<std::size_t>(line)];
      for (std::size_t field = 2; field <= split.size(); ++field) {
        if (split[field - 1].empty()) continue;
        EXPECT_TRUE(built.release.has(line, static_cast<int>(field)))
            << line << ":" << field << " \"" << split[field - 1] << "\" is not in the graph";
      }
    }
  }
}

TEST(q3_2024_release, balance_sheet_balances_exactly) {
  const Built built;
  for (const int field : all_three) {
    const ConstraintId balance =
        constraint_of(built.constraints, ConstraintKind::equality, built.release.at(181, field));
    const CheckResult result = check_one(built.constraints, balance);
    EXPECT_EQ(result.verdict, Verdict::pass) << result.explanation;
    EXPECT_TRUE(result.difference.is_zero());
  }
  // Every footing of the balance sheet adds up exactly, in all three fields.
  std::size_t footings = 0;
  for (const auto& [at, figure] : built.release.figures) {
    if (at.first > 209) break;
    for (const ConstraintId id : built.constraints.constraints_of(figure)) {
      if (built.constraints.kind(id) != ConstraintKind::footing ||
          built.constraints.figures(id)[0] != figure) {
        continue;
      }
      ++footings;
      EXPECT_EQ(check_one(built.constraints, id).verdict, Verdict::pass) << at.first;
    }
  }
  EXPECT_EQ(footings, 27u);  // 9 totals x 3 fields
}

// Accounts receivable at Sep 30 2024 altered from 1,731,863 to 1,741,863:
// total current assets 6,048,464 is then 10,000 thousand short of its parts,
// far beyond the 3 thousand (6 figures x 0.5 thousand) that rounding can
// absorb; and the US$ 246,789 no longer translates it. Differences are in
// units (RMB), not thousands.
TEST(q3_2024_release, altered_receivables_fail_their_footing) {
  Built built;
  const FigureId receivables = built.release.at(168, sep_30_2024_rmb);
  built.graph.set_text(receivables, "1,741,863");
  const FigureId total = built.release.at(171, sep_30_2024_rmb);
  const ConstraintId footing = constraint_of(built.constraints, ConstraintKind::footing, total);
  const CheckResult result = check_one(built.constraints, footing);
  EXPECT_EQ(result.verdict, Verdict::fail);
  EXPECT_EQ(result.difference, Decimal(-10'000'000));  // 6,048,464 - 6,058,464 thousand
  EXPECT_EQ(result.tolerance, Decimal(3'000));         // 6 x 500
  EXPECT_FALSE(result.explanation.empty());

  const CheckReport report = check(built.constraints);
  EXPECT_EQ(report.results[footing.index()].verdict, Verdict::fail);
  const ConstraintId conversion = constraint_of(built.constraints, ConstraintKind::conversion,
                                                built.release.at(168, sep_30_2024_usd));
  EXPECT_EQ(report.results[conversion.index()].verdict, Verdict::fail);
  // 246,789,000 x 7.0176 - 1,741,863,000
  EXPECT_EQ(report.results[conversion.index()].difference, Decimal::parse("-9996513.6"));
  // Nothing else fails but what involves the altered figure or its total (the
  // US$ total 861,900 was derived from RMB parts that no longer foot).
  const FigureId usd_total = built.release.at(171, sep_30_2024_usd);
  for (const CheckResult* failed : report.with(Verdict::fail)) {
    const auto figures = built.constraints.figures(failed->constraint);
    EXPECT_TRUE(std::find(figures.begin(), figures.end(), receivables) != figures.end() ||
                std::find(figures.begin(), figures.end(), total) != figures.end() ||
                std::find(figures.begin(), figures.end(), usd_total) != figures.end())
        << failed->explanation;
  }
  EXPECT_EQ(report.count(Verdict::incomplete), 0u);
}

// Altered by one thousand instead (1,731,863 to 1,731,864), the footing
// still holds within rounding: 1 thousand off, less than the 3 thousand
// (6 figures x 0.5 thousand) that rounding can absorb.
TEST(q3_2024_release, receivables_off_by_one_thousand_hold_by_rounding) {
  Built built;
  built.graph.set_text(built.release.at(168, sep_30_2024_rmb), "1,731,864");
  const ConstraintId footing = constraint_of(built.constraints, ConstraintKind::footing,
                                             built.release.at(171, sep_30_2024_rmb));
  const CheckResult result = check_one(built.constraints, footing);
  EXPECT_EQ(result.verdict, Verdict::rounding);
  EXPECT_EQ(result.difference, Decimal(-1'000));  // in units: RMB1 thousand
  EXPECT_EQ(result.tolerance, Decimal(3'000));    // 6 x 500
  const ConstraintId conversion = constraint_of(built.constraints, ConstraintKind::conversion,
                                                built.release.at(168, sep_30_2024_usd));
  const CheckResult converted = check_one(built.constraints, conversion);
  EXPECT_EQ(converted.verdict, Verdict::rounding);
  EXPECT_EQ(converted.difference,
            Decimal::parse("2486.4"));  // 246,789,000 x 7.0176 - 1,731,864,000
}

// Q3 2024 basic and diluted loss per share: 1,057,135 thousand / 3,655,882,906
// shares = RMB0.289159972346..., printed (0.29).
TEST(q3_2024_release, loss_per_share_holds_and_a_wrong_one_fails) {
  Built built;
  const FigureId eps = built.release.at(243, q3_2024_rmb);
  const ConstraintId ratio = constraint_of(built.constraints, ConstraintKind::ratio, eps);
  const CheckResult result = check_one(built.constraints, ratio);
  EXPECT_THAT(result.verdict, AnyOf(Verdict::pass, Verdict::rounding)) << result.explanation;
  EXPECT_EQ(result.difference, Decimal::parse("-0.000840027654"));  // -0.29 - (-0.289159972346)

  built.graph.set_text(eps, "(0.30)");  // [-0.305, -0.295] cannot hold -0.28916
  EXPECT_EQ(check_one(built.constraints, ratio).verdict, Verdict::fail);
}

// Q3 2024 gross margin: 100 x 303,354 / 1,885,574 = 16.0881514064...%,
// printed 16.1%.
TEST(q3_2024_release, gross_margin_holds) {
  const Built built;
  const ConstraintId ratio =
      constraint_of(built.constraints, ConstraintKind::ratio, built.release.at(270, 5));
  const CheckResult result = check_one(built.constraints, ratio);
  EXPECT_THAT(result.verdict, AnyOf(Verdict::pass, Verdict::rounding)) << result.explanation;
  EXPECT_EQ(result.difference, Decimal::parse("0.011848593585"));  // 16.1 - 16.088151406415
}

// Cash: 2,096,404 + (386,015) = 1,710,389 = 1,617,935 + 92,454 (balance
// sheet cash and restricted cash); in US$ 298,735 + (55,006) = 243,729 =
// 230,554 + 13,175. All exact.
TEST(q3_2024_release, cash_rolls_forward_to_the_balance_sheet) {
  const Built built;
  for (const int field : {cash_q3_2024_rmb, cash_q3_2024_usd}) {
    const FigureId closing = built.release.at(339, field);
    const CheckResult rolled = check_one(
        built.constraints, constraint_of(built.constraints, ConstraintKind::roll_forward, closing));
    EXPECT_EQ(rolled.verdict, Verdict::pass) << rolled.explanation;
    const CheckResult tied = check_one(
        built.constraints, constraint_of(built.constraints, ConstraintKind::footing, closing));
    EXPECT_EQ(tied.verdict, Verdict::pass) << tied.explanation;
  }
  // 2023: 3,823,087 + (1,091,459) = 2,731,628.
  const CheckResult rolled_2023 =
      check_one(built.constraints, constraint_of(built.constraints, ConstraintKind::roll_forward,
                                                 built.release.at(339, cash_q3_2023_rmb)));
  EXPECT_EQ(rolled_2023.verdict, Verdict::pass) << rolled_2023.explanation;
}

// The impairment, printed 919,724 in the net loss bridge and (919,724) in the
// statement, and the nine months 2024 revenues, 1,775,684 + 1,891,780 +
// 1,885,574 = 5,553,038, tie exactly.
TEST(q3_2024_release, restated_and_summed_figures_tie_exactly) {
  const Built built;
  const CheckResult impairment =
      check_one(built.constraints, constraint_of(built.constraints, ConstraintKind::footing,
                                                 built.release.at(284, q3_2024_rmb)));
  EXPECT_EQ(impairment.verdict, Verdict::pass) << impairment.explanation;
  const CheckResult revenues =
      check_one(built.constraints, constraint_of(built.constraints, ConstraintKind::period_sum,
                                                 built.release.at(222, nine_months_2024_rmb)));
  EXPECT_EQ(revenues.verdict, Verdict::pass) << revenues.explanation;
}

}  // namespace

namespace {

// The figure's printed text with its value moved by `shift` (in units),
// written the way the filing prints it.
std::string moved_text(const StatementGraph& graph, FigureId figure, const Decimal& shift) {
  tieout::PrintedFigure printed = tieout::PrintedFigure::parse(graph.text(figure));
  const int scale = printed.number->scale();
  printed.number = (*graph.value(figure) + shift)
                       .shifted(-tieout::exponent_of(graph.scale(figure)))
                       .rescaled(scale, tieout::RoundingMode::down);  // exact: whole units
  return printed.to_string();
}

// Moving any figure one unit of its last printed digit beyond the tolerance
// of the checks on it makes a check on it fail, and that check names it.
//
// For a figure with weight w in a linear row whose printed values are off by
// D with tolerance T, a shift s with |w|·s > |D| + T makes the row fail
// whatever the direction: |D ± w·s| >= |w|·s - |D| > T. The shift tried is
// the smallest whole number of printed units past (|D| + T) / |w| over the
// rows the figure is in. A figure that is only inside a ratio's numerator
// or denominator has no such row; it is moved by 1, 2, 4, ... units until a
// check fails, and counted apart.
TEST(q3_2024_release, any_figure_moved_beyond_its_tolerance_fails_a_check_naming_it) {
  Built built;
  StatementGraph& graph = built.graph;
  tieout::CheckOptions quiet;
  quiet.explain = false;
  const CheckReport baseline = check(built.constraints, quiet);
  ASSERT_EQ(baseline.count(Verdict::fail), 0u);

  std::size_t moved = 0, by_search = 0, nil = 0, unchecked = 0;
  for (const auto& [at, figure] : built.release.figures) {
    if (graph.state(figure) == FigureState::nil) {
      ++nil;  // a dash has no last printed digit to move
      continue;
    }
    const std::vector<ConstraintId> involved = built.constraints.constraints_of(figure);
    if (involved.empty()) {
      ++unchecked;
      continue;
    }
    std::optional<Decimal> bound;
    for (const ConstraintId id : involved) {
      const auto figures = built.constraints.figures(id);
      const auto term = std::find(figures.begin(), figures.end(), figure);
      if (term == figures.end()) continue;
      const Decimal weight =
          built.constraints.weight(id, static_cast<std::size_t>(term - figures.begin())).abs();
      const CheckResult& result = baseline.results[id.index()];
      const Decimal needed = tieout::divide(result.difference.abs() + result.tolerance, weight, 12,
                                            tieout::RoundingMode::ceiling);
      if (!bound || needed < *bound) bound = needed;
    }
    const Decimal unit = Decimal(1).shifted(-graph.decimals(figure));
    const std::string original(graph.text(figure));
    const auto fails_naming_it = [&](const Decimal& shift) {
      graph.set_text(figure, moved_text(graph, figure, shift));
      const CheckReport report = check(built.constraints, quiet);
      for (const ConstraintId id : involved) {
        if (report.results[id.index()].verdict != Verdict::fail) continue;
        const CheckResult explained = check_one(built.constraints, id);
        EXPECT_THAT(explained.explanation, ::testing::HasSubstr(graph.where(figure)));
        return true;
      }
      return false;
    };
    for (const int direction : {1, -1}) {
      if (bound) {
        const Decimal units = tieout::divide(*bound, unit, 0, tieout::RoundingMode::floor);
        const Decimal shift = (units + Decimal(1)) * unit * Decimal(direction);
        EXPECT_TRUE(fails_naming_it(shift)) << graph.describe(figure) << " moved by " << shift
                                            << " (" << graph.text(figure) << ") fails no check";
      } else {
        bool failed = false;
        for (Decimal units(1); !failed && units < Decimal(1).shifted(40); units *= Decimal(2)) {
          failed = fails_naming_it(units * unit * Decimal(direction));
        }
        EXPECT_TRUE(failed) << graph.describe(figure) << " moved fails no check";
      }
      graph.set_text(figure, original);
    }
    ++(bound ? moved : by_search);
  }
  std::printf(
      "figures: %zu moved past the tolerance of a row they are in, %zu only in ratios (moved "
      "by doubling), %zu nil, %zu in no check\n",
      moved, by_search, nil, unchecked);
  EXPECT_EQ(moved + by_search + nil + unchecked, graph.figure_count());
  EXPECT_EQ(unchecked, 0u);
}

}  // namespace
