// lib/reader.cpp - placing a filing's table cells in periods and units.
#include "tieout/reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "header.hpp"
#include "text.hpp"
#include "tieout/printed_figure.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

using text::clean;
using text::contains;
using text::has_digit;
using text::has_letter;
using text::lower;

// --- Rows -----------------------------------------------------------------

std::string title_of(const TextTable& table) {
  for (auto it = table.heading.rbegin(); it != table.heading.rend(); ++it) {
    const std::string text = clean(*it);
    if (!text.empty() && text.front() != '(') return text;
  }
  return table.heading.empty() ? std::string() : clean(table.heading.back());
}

TableKind kind_of(std::string_view title) {
  const std::string l = lower(title);
  if (contains(l, "balance sheet") || contains(l, "financial position")) {
    return TableKind::balance_sheet;
  }
  if (contains(l, "cash flow")) return TableKind::cash_flow;
  if (contains(l, "non-gaap") || contains(l, "reconciliation")) {
    return TableKind::non_gaap_reconciliation;
  }
  if (contains(l, "comprehensive") || contains(l, "operations") || contains(l, "income") ||
      contains(l, "profit or loss")) {
    return TableKind::income_statement;
  }
  return TableKind::other;
}

enum class RowMeasure { amount, per_share, per_ads, shares, ads };

// Whether `words` say "per ... <what>" with at most two words between ("per
// share", "per ordinary share", "per Class A ordinary share").
bool says_per(const std::vector<std::string>& words, std::initializer_list<std::string_view> what) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] != "per") continue;
    for (std::size_t j = i + 1; j < words.size() && j <= i + 3; ++j) {
      if (std::find(what.begin(), what.end(), words[j]) != what.end()) return true;
    }
  }
  return false;
}

// What a row counts, from its label and the heading right above it. Counts
// are tested first: "Shares used in the net loss per share computation:"
// heads share counts, not amounts per share; a count of ADSs is in ADSs.
RowMeasure measure_of(std::string_view label, const std::vector<std::string>& section) {
  std::string context = lower(label);
  // "Profit ... for the purposes of basic earnings per share" is an amount:
  // what follows "for the purpose" is what it serves, not what it counts.
  if (const auto purpose = context.find("for the purpose"); purpose != std::string::npos) {
    context.resize(purpose);
  }
  if (!section.empty()) context.append(" ").append(lower(section.back()));
  const std::vector<std::string> words = text::words_of(context);
  if (contains(context, "shares used") || contains(context, "number of shares") ||
      contains(context, "weighted average number") || contains(context, "adss used")) {
    const bool in_ads =
        std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "adss"; });
    return in_ads ? RowMeasure::ads : RowMeasure::shares;
  }
  if (says_per(words, {"share"})) return RowMeasure::per_share;
  if (says_per(words, {"ads", "adss", "depositary"})) return RowMeasure::per_ads;
  return RowMeasure::amount;
}

// Balances stated in a flow table: "Cash ... at beginning of period".
std::optional<Period> balance_in_flow(std::string_view label, const Period& column) {
  if (!column.is_duration()) return std::nullopt;
  const std::string l = lower(label);
  if (contains(l, "beginning of")) return column.duration().opening();
  if (contains(l, "end of")) return column.duration().closing();
  return std::nullopt;
}

}  // namespace

std::vector<ConvenienceRate> find_convenience_rates(const TextDocument& document) {
  // "RMB7.0176 to US$1.00", "RMB7.0999 per US$1.00", "RMB7.0999 = US$1.00".
  std::vector<ConvenienceRate> rates;
  for (const TextLine& line : document.prose) {
    const std::string text = clean(line.text);
    for (std::size_t at = text.find("1.00"); at != std::string::npos;
         at = text.find("1.00", at + 1)) {
      // Walk left over the target currency and the joining word.
      std::size_t begin = at;
      while (begin > 0 && !std::isspace(static_cast<unsigned char>(text[begin - 1])))
        --begin;
      const auto to = Currency::from_printed(text.substr(begin, at - begin));
      if (!to || begin < 2) continue;
      std::size_t join_end = begin - 1;
      std::size_t join_begin = join_end;
      while (join_begin > 0 && !std::isspace(static_cast<unsigned char>(text[join_begin - 1]))) {
        --join_begin;
      }
      const std::string join = lower(text.substr(join_begin, join_end - join_begin));
      if (join != "to" && join != "per" && join != "=") continue;
      if (join_begin < 2) continue;
      std::size_t amount_begin = join_begin - 1;
      while (amount_begin > 0 &&
             !std::isspace(static_cast<unsigned char>(text[amount_begin - 1]))) {
        --amount_begin;
      }
      const auto amount =
          PrintedFigure::try_parse(text.substr(amount_begin, join_begin - 1 - amount_begin));
      if (!amount || amount->is_nil() || amount->currency.empty()) continue;
      const auto from = Currency::from_printed(amount->currency);
      if (!from || *from == *to) continue;
      rates.push_back({*from, *to, amount->value(), line.line});
    }
  }
  return rates;
}

namespace {

// A run of header rows and the data rows under them. A table can state
// several headers (a margin block "(%)" under the amounts).
struct Segment {
  std::size_t header_begin = 0;
  std::size_t header_end = 0;
  std::size_t rows_end = 0;
};

// A row with no letter and no digit anywhere ("- | | , |", "---- | ----"):
// a ruling, or a blank line of a header.
bool is_blank_row(const TextRow& row) {
  return std::none_of(row.fields.begin(), row.fields.end(), [](const std::string& field) {
    return has_digit(field) || has_letter(field);
  });
}

std::vector<Segment> segments_of(const TextTable& table) {
  std::vector<Segment> segments;
  const auto& rows = table.rows;
  std::size_t r = 0;
  while (r < rows.size()) {
    Segment segment;
    segment.header_begin = r;
    while (r < rows.size() && (header::is_header_row(rows[r]) ||
                               (r > segment.header_begin && is_blank_row(rows[r]) &&
                                r + 1 < rows.size() && header::is_header_row(rows[r + 1])))) {
      ++r;
    }
    segment.header_end = r;
    while (r < rows.size() && !header::is_header_row(rows[r]))
      ++r;
    segment.rows_end = r;
    segments.push_back(segment);
  }
  return segments;
}

// Whether a cell is meant as a figure: digits or marks without letters (an
// OCR-damaged figure or dash, kept as unreadable), or a figure with its
// currency ("US$268.7"); a date, or words with a digit or two ("(Note 1)",
// an address), are text. Digits outnumbering letters ("1,2O4") is a figure
// damaged.
bool is_figure_cell(std::string_view cell) {
  if (cell.empty() || header::is_date(cell)) return false;
  if (!has_letter(cell)) return true;
  if (PrintedFigure::try_parse(cell)) return true;
  const auto digits =
      std::count_if(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; });
  return static_cast<std::size_t>(digits) > text::count_letters(cell);
}

std::vector<std::uint32_t> figure_fields_of(const TextRow& row) {
  std::vector<std::uint32_t> fields;
  for (std::uint32_t f = 1; f < row.fields.size(); ++f) {
    if (is_figure_cell(clean(row.fields[f]))) fields.push_back(f);
  }
  return fields;
}

// Whether a segment's figures are printed whole but for at most one in ten
// (per-share amounts), and at least ten: an amount with decimals there is a
// thousands separator misread ("961.78" for "961,78x").
bool prints_whole_amounts(const TextTable& table, const Segment& segment) {
  int whole = 0, fractional = 0;
  for (std::size_t r = segment.header_end; r < segment.rows_end; ++r) {
    const TextRow& row = table.rows[r];
    for (const std::uint32_t f : figure_fields_of(row)) {
      const auto printed = PrintedFigure::try_parse(clean(row.fields[f]));
      if (!printed || printed->is_nil() || printed->percent) continue;
      ++(printed->decimals() > 0 ? fractional : whole);
    }
  }
  return whole >= 10 && fractional * 10 <= whole;
}

// Whether a row label says its figures are percentages: "Gross margin (%)",
// but not "5% senior notes", whose "%" qualifies a name.
bool says_percent(std::string_view label) {
  for (std::size_t at = label.find('%'); at != std::string_view::npos;
       at = label.find('%', at + 1)) {
    if (at == 0 || !std::isdigit(static_cast<unsigned char>(label[at - 1]))) return true;
  }
  return false;
}

// Whether a row label states a date ("Balance at 1 January 2023", "At 31
// December 2024").
bool states_a_date(std::string_view label) {
  const std::vector<std::string> words = text::words_of(label);
  for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
    const auto parts = header::date_parts(words[i] + " " + words[i + 1] + " " + words[i + 2]);
    if (parts && parts->complete()) return true;
  }
  return false;
}

// Whether the rows of a segment are its periods, not its columns: a
// statement of changes in equity, whose columns are components of equity
// and whose rows run "Balance at 1 January 2023", movements, "Balance at
// 31 December 2023", ... Its header dates no column.
bool rows_are_dated(const TextTable& table, const Segment& segment, const header::Layout& layout) {
  if (!layout.default_period) return false;
  std::size_t dated = 0;
  for (std::size_t r = segment.header_end; r < segment.rows_end; ++r) {
    const auto& fields = table.rows[r].fields;
    if (!fields.empty() && states_a_date(fields[0])) ++dated;
  }
  return dated >= 2;
}

std::optional<Period> period_in_heading(const TextTable& table) {
  for (auto line = table.heading.rbegin(); line != table.heading.rend(); ++line) {
    if (auto period = header::period_in_prose(*line)) return period;
  }
  return std::nullopt;
}

// A table's scale: stated above it or in its header; else the one of the
// table it continues; else that of a table which prints one of its rows
// identically (a note restating a statement's line). The last is noted.
struct TableScale {
  std::optional<Scale> scale;
  std::optional<ReadingNote> note;
};

// The figure cells of a row as printed, when they are telling enough to
// recognise the row elsewhere: two or more, with eight digits or more.
std::optional<std::string> row_print(const TextRow& row) {
  std::string print;
  std::size_t cells = 0, digits = 0;
  for (const std::uint32_t f : figure_fields_of(row)) {
    const std::string cell = clean(row.fields[f]);
    print.append(cell).append("\t");
    ++cells;
    digits += static_cast<std::size_t>(
        std::count_if(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; }));
  }
  if (cells < 2 || digits < 8) return std::nullopt;
  return print;
}

std::vector<TableScale> scales_of(const std::vector<TextTable>& tables,
                                  const std::vector<std::vector<header::Header>>& headers) {
  std::vector<TableScale> scales(tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) {
    for (const std::string& line : tables[t].heading) {
      if (const auto scale = header::scale_in(line)) scales[t].scale = scale;
    }
    for (const header::Header& header : headers[t]) {
      if (!scales[t].scale) scales[t].scale = header.scale;
    }
    if (!scales[t].scale && t > 0 && tables[t].heading.empty()) {
      scales[t].scale = scales[t - 1].scale;
    }
  }
  std::map<std::string, std::pair<Scale, std::uint32_t>> printed_rows;  // scale, line
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (!scales[t].scale) continue;
    for (const TextRow& row : tables[t].rows) {
      if (auto print = row_print(row))
        printed_rows.emplace(*print, std::pair{*scales[t].scale, row.line});
    }
  }
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (scales[t].scale) continue;
    for (const TextRow& row : tables[t].rows) {
      const auto print = row_print(row);
      const auto found = print ? printed_rows.find(*print) : printed_rows.end();
      if (found == printed_rows.end()) continue;
      const auto [scale, line] = found->second;
      scales[t].scale = scale;
      scales[t].note = ReadingNote{row.line, 1, "",
                                   "the table states no scale; its line " +
                                       std::to_string(row.line) + " prints the figures of line " +
                                       std::to_string(line) + ", whose table is in " +
                                       std::string(scale == Scale::thousands  ? "thousands"
                                                   : scale == Scale::millions ? "millions"
                                                   : scale == Scale::billions ? "billions"
                                                                              : "units")};
      break;
    }
  }
  return scales;
}

}  // namespace

ReadDocument read_tables(const TextDocument& document, StatementGraph& graph) {
  ReadDocument read;
  read.document = graph.add_document(document.path);
  read.rates = find_convenience_rates(document);
  // Headers first: a damaged header is completed from the others.
  std::vector<std::vector<Segment>> segments;
  std::vector<std::vector<header::Header>> headers;
  header::DateConsensus consensus;
  for (const TextTable& text_table : document.tables) {
    segments.push_back(segments_of(text_table));
    headers.emplace_back();
    for (const Segment& segment : segments.back()) {
      headers.back().push_back(
          header::parse_header(text_table.rows, segment.header_begin, segment.header_end));
      consensus.add(headers.back().back());
    }
  }
  const std::vector<TableScale> scales = scales_of(document.tables, headers);
  // A table with no prose above it continues the one before (a statement
  // split by a page break and its repeated header): it keeps that table's
  // title.
  std::string previous_title;
  for (std::size_t t = 0; t < document.tables.size(); ++t) {
    const TextTable& text_table = document.tables[t];
    const bool continues = t > 0 && text_table.heading.empty();
    ReadTable table;
    table.text_table = t;
    table.title = continues ? previous_title : title_of(text_table);
    table.continues = continues;
    table.first_line = text_table.first_line();
    table.last_line = text_table.last_line();
    const std::optional<Period> prose_period = period_in_heading(text_table);
    std::vector<std::string> section;
    for (std::size_t s = 0; s < segments[t].size(); ++s) {
      const Segment& segment = segments[t][s];
      std::set<std::uint32_t> data_columns;
      for (std::size_t r = segment.header_end; r < segment.rows_end; ++r) {
        for (const std::uint32_t f : figure_fields_of(text_table.rows[r]))
          data_columns.insert(f + 1);
      }
      header::Layout layout = header::resolve(headers[t][s], consensus, data_columns, prose_period);
      if (!layout.scale) layout.scale = scales[t].scale;
      if (s == 0 && scales[t].note) table.notes.push_back(*scales[t].note);
      for (header::Repair& repair : layout.repairs) {
        table.notes.push_back(
            {repair.line, repair.column, std::move(repair.printed), std::move(repair.reading)});
      }
      const bool whole_amounts = prints_whole_amounts(text_table, segment);
      const bool dated_rows = rows_are_dated(text_table, segment, layout);
      bool previous_row_was_heading = false;
      for (std::size_t r = segment.header_end; r < segment.rows_end; ++r) {
        const TextRow& row = text_table.rows[r];
        if (is_blank_row(row)) continue;  // a ruling ("----", "_") between lines
        std::string label = clean(row.fields[0]);
        const std::vector<std::uint32_t> figure_fields = figure_fields_of(row);
        if (figure_fields.empty()) {
          // A section heading ("Revenues:", "Current assets:"); an indented
          // heading replaces the last one at its level, which this reader
          // cannot see, so headings simply accumulate up to two levels.
          previous_row_was_heading = !label.empty();
          if (!label.empty()) {
            if (section.size() == 2) section.erase(section.begin());
            section.push_back(label);
          }
          continue;
        }
        // A label broken over two lines: "Adjusted EBITDA" over "(Non-GAAP
        // Financial Measure)", or "... attributable to" over "shareholders",
        // with the figures.
        if (previous_row_was_heading && !section.empty() &&
            (label.starts_with('(') || std::islower(static_cast<unsigned char>(label.front())))) {
          label = section.back() + " " + label;
          section.pop_back();
        }
        previous_row_was_heading = false;
        if (!table.table.valid()) {
          table.table = graph.add_table(read.document, table.title, kind_of(table.title));
        }
        const LineItemId item = graph.add_line_item(table.table, label, section);
        const RowMeasure measure = measure_of(label, section);
        for (const std::uint32_t f : figure_fields) {
          const std::uint32_t column = f + 1;
          const std::string cell = clean(row.fields[f]);
          header::ColumnMeaning column_meaning;
          if (const auto found = layout.columns.find(column); found != layout.columns.end()) {
            column_meaning = found->second;
          }
          if (dated_rows) {
            column_meaning.period.reset();
            column_meaning.unplaced_reason =
                "the rows of this table state its dates, not its columns (a statement of "
                "changes in equity), which tieout does not read yet";
          } else if (!column_meaning.period && column_meaning.unplaced_reason.empty()) {
            column_meaning.period = layout.default_period;
          }
          if (column_meaning.notes) {
            table.unplaced.push_back({row.line, column, cell,
                                      "a reference to a note (the Notes column), not an amount",
                                      item});
            continue;
          }
          if (!column_meaning.period) {
            table.unplaced.push_back({row.line, column, cell,
                                      column_meaning.unplaced_reason.empty()
                                          ? "the header gives no period for this column"
                                          : column_meaning.unplaced_reason,
                                      item});
            continue;
          }
          const Period period =
              balance_in_flow(label, *column_meaning.period).value_or(*column_meaning.period);
          const auto printed = PrintedFigure::try_parse(cell);
          const bool percent =
              column_meaning.percent || (printed && printed->percent) || says_percent(label);
          Unit unit = Unit::pure();
          Scale scale = Scale::units;
          if (percent) {
            unit = Unit::percent();
          } else if (measure == RowMeasure::shares) {
            unit = Unit::shares();
          } else if (measure == RowMeasure::ads) {
            unit = Unit::ads();
          } else if (measure != RowMeasure::amount) {
            if (column_meaning.currency) {
              unit = measure == RowMeasure::per_share ? Unit::per_share(*column_meaning.currency)
                                                      : Unit::per_ads(*column_meaning.currency);
            }
          } else {
            if (column_meaning.currency) unit = Unit::money(*column_meaning.currency);
            scale = layout.scale.value_or(Scale::units);
          }
          const FigureId figure =
              graph.add_figure(item, period, unit, cell, {read.document, row.line, column}, scale);
          if (printed && !printed->is_nil() && printed->decimals() > 0 && whole_amounts &&
              unit.kind() == UnitKind::money) {
            graph.mark_unreadable(figure);
            table.notes.push_back({row.line, column, cell,
                                   "unreadable: a decimal point in a column of whole amounts, "
                                   "where a thousands separator is damaged"});
          }
          table.figures.push_back(figure);
        }
      }
    }
    previous_title = table.title;
    read.tables.push_back(std::move(table));
  }
  return read;
}

TIEOUT_END_NAMESPACE
