// lib/header.hpp - what a table's header rows say its columns are
// (internal; the reader's first half).
//
// Header rows are read in two steps. parse_header() takes the rows as
// printed: spans ("For the year ended December 31,"), dates and years,
// currencies, "(%)", a Notes column, the scale. OCR splits and truncates
// these ("For the ye | ar ended Decembe | r 31,"), so resolve() completes a
// span from the dates the document's other headers state for spans of the
// same length (DateConsensus), and places columns whose span or year was
// shifted by extraction. Each such completion is kept as a repair so the
// report can say how a column was read.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tieout/period.hpp"
#include "tieout/scale.hpp"
#include "tieout/text_document.hpp"
#include "tieout/unit.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace header {

/// The parts of a date a header cell states: "Sep 30, 2024", "31 December
/// 2023", "December 31," (no year) or "2023" (a year alone).
struct DateParts {
  std::optional<int> year;
  std::optional<unsigned> month;
  std::optional<unsigned> day;

  bool complete() const { return year && month && day; }
};

/// Reads a cell that is a date or a year; nothing for anything else.
std::optional<DateParts> date_parts(std::string_view cell);

/// A cell that is a calendar date in any of the usual prints ("11/24/2023",
/// "31 October 2024"): text in a table, not an amount.
bool is_date(std::string_view cell);

/// A span over columns: "Three Months Ended", "For the year ended December
/// 31,", "As at December 31,". A duration span has months; an instant span
/// has none. Either may carry the month and day its dates share.
struct Span {
  std::uint32_t column = 0;  // the 1-based field it starts at
  std::optional<int> months;
  DateParts date;
  std::string text;  // as printed (fragments joined)
};

std::optional<Scale> scale_in(std::string_view text);

/// A header as printed, before repairs.
struct Header {
  std::uint32_t first_line = 0;
  std::vector<Span> spans;
  /// The dates of each column; a cell holding several years ("2022 2023")
  /// gives several candidates.
  std::map<std::uint32_t, std::vector<DateParts>> dates;
  std::map<std::uint32_t, Currency> currencies;
  std::set<std::uint32_t> percent;
  std::set<std::uint32_t> notes;  // a "Notes" column: references, not amounts
  std::optional<Scale> scale;
};

/// Whether a row is a header row: no label (or only marks such as "_"), no
/// figure, and at least one cell that says what columns are (a span, a date
/// or year, a currency, "(%)", a scale).
bool is_header_row(const TextRow& row);

/// What consecutive header rows state.
Header parse_header(const std::vector<TextRow>& rows, std::size_t begin, std::size_t end);

/// The month and day a document's complete spans state, by span length.
class DateConsensus {
 public:
  void add(const Header& header);
  /// The month and day spans of `months` (0 for instants) end on: the one
  /// the document's spans of that length state most often, when at least
  /// two state it and no other date is stated as often.
  std::optional<std::pair<unsigned, unsigned>> of(int months) const;

 private:
  std::map<int, std::map<std::pair<unsigned, unsigned>, int>> seen_;
};

/// What one column is.
struct ColumnMeaning {
  std::optional<Period> period;
  std::optional<Currency> currency;
  bool percent = false;
  bool notes = false;
  std::string unplaced_reason;
};

/// How a column's header was completed: the text as printed and the reading.
struct Repair {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string printed;
  std::string reading;
};

/// What the columns under one header are.
struct Layout {
  std::map<std::uint32_t, ColumnMeaning> columns;  // by 1-based field
  std::optional<Scale> scale;
  /// The period of every column, when the header states none but the prose
  /// above the table does ("as of December 31, 2023").
  std::optional<Period> default_period;
  std::vector<Repair> repairs;
};

/// The layout a header gives the columns of its data rows (`data_columns`:
/// the columns that hold figures under it). `prose_period` is a period the
/// prose right above the table states, used when the header states none.
Layout resolve(const Header& header, const DateConsensus& consensus,
               const std::set<std::uint32_t>& data_columns, std::optional<Period> prose_period);

/// A period a line of prose states: "as of December 31, 2023" (an instant),
/// "for the year ended December 31, 2023" (a duration).
std::optional<Period> period_in_prose(std::string_view line);

}  // namespace header
TIEOUT_END_NAMESPACE
