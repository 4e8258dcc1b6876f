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

#include "tieout/printed_figure.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

// --- Text helpers --------------------------------------------------------

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// A cell as it reads: trimmed, with Markdown's escaped dollar ("US\$")
// unescaped, as text extracted through Markdown prints it.
std::string clean(std::string_view cell) {
  std::string text;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '$') continue;
    text += cell[i];
  }
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// --- Dates and spans in header cells -------------------------------------

std::optional<unsigned> month_of(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return std::nullopt;
  for (unsigned m = 0; m < names.size(); ++m) {
    if (names[m].starts_with(word)) return m + 1;
  }
  return std::nullopt;
}

// The parts of a date a header cell states: "Sep 30, 2024", "31 December
// 2023", "December 31," (no year) or "2023" (a year alone).
struct DateParts {
  std::optional<int> year;
  std::optional<unsigned> month;
  std::optional<unsigned> day;

  bool complete() const { return year && month && day; }
};

std::optional<DateParts> date_parts(std::string_view cell) {
  DateParts parts;
  for (const std::string& word : words_of(cell)) {
    if (const auto month = month_of(word); month && !parts.month) {
      parts.month = month;
    } else if (word.size() == 4 && std::all_of(word.begin(), word.end(), ::isdigit)) {
      const int year = std::stoi(word);
      if (year < 1900 || year > 2199 || parts.year) return std::nullopt;
      parts.year = year;
    } else if (word.size() <= 2 && std::all_of(word.begin(), word.end(), ::isdigit)) {
      const unsigned day = static_cast<unsigned>(std::stoi(word));
      if (day < 1 || day > 31 || parts.day) return std::nullopt;
      parts.day = day;
    } else {
      return std::nullopt;
    }
  }
  if (!parts.year && !(parts.month && parts.day)) return std::nullopt;
  return parts;
}

// A span over columns: "Three Months Ended", "For the year ended December
// 31,", "As at December 31,". A duration span has months; an instant span
// has none. Either may carry the month and day its dates share.
struct Span {
  std::uint32_t column = 0;  // the 1-based field it starts at
  std::optional<int> months;
  DateParts date;
};

std::optional<int> months_in(const std::vector<std::string>& words) {
  static const std::map<std::string, int, std::less<>> numbers = {
      {"one", 1}, {"three", 3}, {"six", 6}, {"nine", 9}, {"twelve", 12},
      {"3", 3},   {"6", 6},     {"9", 9},   {"12", 12}};
  for (std::size_t i = 0; i < words.size(); ++i) {
    if ((words[i] == "months" || words[i] == "month") && i > 0) {
      if (const auto found = numbers.find(words[i - 1]); found != numbers.end()) {
        return found->second;
      }
    }
    if (words[i] == "year" || words[i] == "years" || words[i] == "fiscal") return 12;
    if (words[i] == "quarter") return 3;
  }
  return std::nullopt;
}

std::optional<Span> span_of(std::string_view cell, std::uint32_t column) {
  const std::vector<std::string> words = words_of(cell);
  const bool ended = std::find(words.begin(), words.end(), "ended") != words.end();
  const bool as_at = !words.empty() && words[0] == "as" && words.size() > 1 &&
                     (words[1] == "at" || words[1] == "of");
  if (!ended && !as_at) return std::nullopt;
  Span span;
  span.column = column;
  if (ended) {
    span.months = months_in(words);
    if (!span.months) return std::nullopt;
  }
  // The date words after "ended" / "as at".
  std::string tail;
  bool after = false;
  for (const std::string& word : words) {
    if (after) tail.append(word).append(" ");
    if (word == "ended" || word == "at" || word == "of") after = true;
  }
  if (const auto parts = date_parts(tail)) span.date = *parts;
  return span;
}

// --- Table layout ---------------------------------------------------------

struct ColumnMeaning {
  std::optional<Period> period;
  std::optional<Currency> currency;
  bool percent = false;
  std::string unplaced_reason;
};

struct Layout {
  std::size_t header_rows = 0;
  std::map<std::uint32_t, ColumnMeaning> columns;  // by 1-based field
  std::optional<Scale> scale;                      // when the table states one
};

std::optional<Scale> scale_in(std::string_view text) {
  const std::string l = lower(text);
  if (contains(l, "in thousands") || contains(l, "'000") || contains(l, "\u2019000")) {
    return Scale::thousands;
  }
  if (contains(l, "in millions")) return Scale::millions;
  if (contains(l, "in billions")) return Scale::billions;
  return std::nullopt;
}

// Which span each dated column falls under. A span is printed over its first
// column, so a column falls under the last span starting at or left of it;
// but extraction can shift a span's label. When that reading puts two
// columns of the same date and currency under spans of one length (which no
// well-formed table does), the columns are regrouped where their dates start
// over (a date earlier than the one before it begins the next span), and the
// spans assigned in order, provided that gives as many groups as spans.
std::map<std::uint32_t, const Span*> spans_of_columns(
    const std::vector<Span>& spans, const std::map<std::uint32_t, DateParts>& dates,
    const std::map<std::uint32_t, ColumnMeaning>& columns) {
  std::map<std::uint32_t, const Span*> positional;
  for (const auto& [column, parts] : dates) {
    const Span* span = nullptr;
    for (const Span& candidate : spans) {
      if (candidate.column <= column && (!span || candidate.column > span->column)) {
        span = &candidate;
      }
    }
    positional[column] = span;
  }
  const auto currency_of = [&](std::uint32_t column) {
    const auto found = columns.find(column);
    return found == columns.end() || !found->second.currency
               ? std::string()
               : std::string(found->second.currency->code());
  };
  using Key = std::tuple<int, unsigned, unsigned, int, std::string>;
  std::set<Key> seen;
  bool duplicated = false;
  for (const auto& [column, parts] : dates) {
    const Span* span = positional[column];
    const Key key{parts.year.value_or(0), parts.month.value_or(0), parts.day.value_or(0),
                  span && span->months ? *span->months : 0, currency_of(column)};
    duplicated = duplicated || !seen.insert(key).second;
  }
  if (!duplicated || spans.size() < 2) return positional;
  const auto order = [](const DateParts& d) {
    return std::tuple{d.year.value_or(0), d.month.value_or(0), d.day.value_or(0)};
  };
  std::map<std::uint32_t, const Span*> regrouped;
  std::size_t group = 0;
  const DateParts* previous = nullptr;
  for (const auto& [column, parts] : dates) {
    if (previous && order(parts) < order(*previous)) ++group;
    if (group >= spans.size()) return positional;
    regrouped[column] = &spans[group];
    previous = &parts;
  }
  return group + 1 == spans.size() ? regrouped : positional;
}

Layout layout_of(const TextTable& table) {
  Layout layout;
  for (const std::string& line : table.heading) {
    if (const auto scale = scale_in(line)) layout.scale = scale;
  }
  // Header rows: the leading rows with no label.
  while (layout.header_rows < table.rows.size() &&
         clean(table.rows[layout.header_rows].fields[0]).empty()) {
    ++layout.header_rows;
  }
  std::vector<Span> spans;
  std::map<std::uint32_t, DateParts> dates;
  for (std::size_t r = 0; r < layout.header_rows; ++r) {
    const auto& fields = table.rows[r].fields;
    for (std::uint32_t f = 1; f < fields.size(); ++f) {
      const std::string cell = clean(fields[f]);
      if (cell.empty()) continue;
      const std::uint32_t column = f + 1;
      if (const auto scale = scale_in(cell)) layout.scale = scale;
      if (const auto span = span_of(cell, column)) {
        spans.push_back(*span);
      } else if (const auto parts = date_parts(cell)) {
        dates[column] = *parts;
      } else if (const auto currency = Currency::from_printed(cell)) {
        layout.columns[column].currency = currency;
      } else if (cell == "(%)" || cell == "%") {
        layout.columns[column].percent = true;
      }
    }
  }
  const auto span_of_column = spans_of_columns(spans, dates, layout.columns);
  for (auto& [column, parts] : dates) {
    ColumnMeaning& meaning = layout.columns[column];
    const Span* span = span_of_column.at(column);
    DateParts date = parts;
    if (span) {
      if (!date.month) date.month = span->date.month;
      if (!date.day) date.day = span->date.day;
    }
    if (!date.complete()) {
      meaning.unplaced_reason = "the header gives no complete date for this column";
      continue;
    }
    const Date day{std::chrono::year{*date.year}, std::chrono::month{*date.month},
                   std::chrono::day{*date.day}};
    if (!day.ok()) {
      meaning.unplaced_reason = "the header's date for this column is not a calendar date";
      continue;
    }
    if (span && span->months) {
      meaning.period = Duration::months_ended(day, *span->months);
    } else {
      meaning.period = Instant(day);
    }
  }
  return layout;
}

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

enum class RowMeasure { amount, per_share, per_ads, shares };

// What a row counts, from its label and the heading right above it. Share
// counts are tested first: "Shares used in the net loss per share
// computation:" heads share counts, not amounts per share.
RowMeasure measure_of(std::string_view label, const std::vector<std::string>& section) {
  std::string context = lower(label);
  if (!section.empty()) context.append(" ").append(lower(section.back()));
  if (contains(context, "shares used") || contains(context, "number of shares") ||
      contains(context, "weighted average number")) {
    return RowMeasure::shares;
  }
  if (contains(context, "per share")) return RowMeasure::per_share;
  if (contains(context, "per ads")) return RowMeasure::per_ads;
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

ReadDocument read_tables(const TextDocument& document, StatementGraph& graph) {
  ReadDocument read;
  read.document = graph.add_document(document.path);
  read.rates = find_convenience_rates(document);
  // A table with no prose above it continues the one before (a statement
  // split by a page break and its repeated header): it keeps that table's
  // title and, unless it states its own, its scale.
  std::string previous_title;
  Scale previous_scale = Scale::units;
  for (std::size_t t = 0; t < document.tables.size(); ++t) {
    const TextTable& text_table = document.tables[t];
    Layout layout = layout_of(text_table);
    const bool continues = t > 0 && text_table.heading.empty();
    if (!layout.scale && continues) layout.scale = previous_scale;
    ReadTable table;
    table.text_table = t;
    table.title = continues ? previous_title : title_of(text_table);
    previous_title = table.title;
    previous_scale = layout.scale.value_or(Scale::units);
    table.first_line = text_table.first_line();
    table.last_line = text_table.last_line();
    std::vector<std::string> section;
    for (std::size_t r = layout.header_rows; r < text_table.rows.size(); ++r) {
      const TextRow& row = text_table.rows[r];
      const std::string label = clean(row.fields[0]);
      std::vector<std::uint32_t> figure_fields;
      for (std::uint32_t f = 1; f < row.fields.size(); ++f) {
        const std::string cell = clean(row.fields[f]);
        if (cell.empty()) continue;
        // A cell meant as a figure: digits, a dash, or marks without letters
        // (an OCR-damaged dash such as "_"), kept as an unreadable figure;
        // cells with words are notes.
        if (has_digit(cell) || !has_letter(cell)) figure_fields.push_back(f);
      }
      if (figure_fields.empty()) {
        // A section heading ("Revenues:", "Current assets:"); an indented
        // heading replaces the last one at its level, which this reader
        // cannot see, so headings simply accumulate up to two levels.
        if (!label.empty()) {
          if (section.size() == 2) section.erase(section.begin());
          section.push_back(label);
        }
        continue;
      }
      if (!table.table.valid()) {
        table.table = graph.add_table(read.document, table.title, kind_of(table.title));
      }
      const LineItemId item = graph.add_line_item(table.table, label, section);
      const RowMeasure measure = measure_of(label, section);
      for (const std::uint32_t f : figure_fields) {
        const std::uint32_t column = f + 1;
        const std::string cell = clean(row.fields[f]);
        const auto meaning = layout.columns.find(column);
        if (meaning == layout.columns.end() || !meaning->second.period) {
          table.unplaced.push_back(
              {row.line, column, cell,
               meaning == layout.columns.end() || meaning->second.unplaced_reason.empty()
                   ? "the header gives no period for this column"
                   : meaning->second.unplaced_reason});
          continue;
        }
        const ColumnMeaning& column_meaning = meaning->second;
        const Period period =
            balance_in_flow(label, *column_meaning.period).value_or(*column_meaning.period);
        const auto printed = PrintedFigure::try_parse(cell);
        const bool percent = column_meaning.percent || (printed && printed->percent);
        Unit unit = Unit::pure();
        Scale scale = Scale::units;
        if (percent) {
          unit = Unit::percent();
        } else if (measure == RowMeasure::shares) {
          unit = Unit::shares();
        } else if (measure != RowMeasure::amount) {
          if (column_meaning.currency) {
            unit = measure == RowMeasure::per_share ? Unit::per_share(*column_meaning.currency)
                                                    : Unit::per_ads(*column_meaning.currency);
          }
        } else {
          if (column_meaning.currency) unit = Unit::money(*column_meaning.currency);
          scale = layout.scale.value_or(Scale::units);
        }
        table.figures.push_back(
            graph.add_figure(item, period, unit, cell, {read.document, row.line, column}, scale));
      }
    }
    read.tables.push_back(std::move(table));
  }
  return read;
}

TIEOUT_END_NAMESPACE
