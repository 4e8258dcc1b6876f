// tieout/reader.hpp - the tables of a filing's text, read into a statement
// graph.
//
// Each text table's header rows say what its columns are: periods ("Three
// Months Ended" over "Sep 30, 2024"; "As at December 31," over years; bare
// dates for balances), currencies ("RMB RMB US$"), percentages ("(%)"); its
// heading and header say its scale ("All amounts in thousands", "(in
// thousands)", "RMB'000"). Rows without figures are section headings; the
// others become line items with one figure per non-empty cell, each with
// its file, line and field. A cell whose column cannot be placed in a period
// and unit is kept as an unplaced cell with the reason, never dropped.
//
// Related: text_document.hpp (the text layer), graph.hpp.
// Stability: experimental.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tieout/decimal.hpp"
#include "tieout/graph.hpp"
#include "tieout/id.hpp"
#include "tieout/text_document.hpp"
#include "tieout/unit.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// A convenience translation stated in the text: 1 `to` = `rate` `from`
/// ("RMB7.0176 to US$1.00": from CNY, to USD, rate 7.0176).
struct ConvenienceRate {
  Currency from;           ///< The currency of the statements (CNY).
  Currency to;             ///< The currency translated into (USD).
  Decimal rate;            ///< Units of `from` per unit of `to`, as printed.
  std::uint32_t line = 0;  ///< The 1-based line of the sentence that states it.
};

/// The convenience rates a document's prose states.
std::vector<ConvenienceRate> find_convenience_rates(const TextDocument& document);

/// A table cell that holds a figure but could not be placed.
struct UnplacedCell {
  std::uint32_t line = 0;    ///< 1-based line
  std::uint32_t column = 0;  ///< 1-based TAB-separated field
  std::string text;          ///< the cell as printed
  /// Why its column has no period or unit ("the header gives no period for
  /// this column"), for the report: a cell is never dropped silently.
  std::string reason;
  /// The line item of its row, for a rules file's column meaning to place
  /// it (rules.hpp).
  LineItemId item;
};

/// How a damaged cell was read: as printed, and what it was taken to say. A
/// header cut short ("For the year ended December 3") completed from the
/// document's other headers, or a figure that parses but cannot be right
/// where it stands ("961.78" among whole thousands), kept as unreadable.
struct ReadingNote {
  std::uint32_t line = 0;    ///< 1-based line
  std::uint32_t column = 0;  ///< 1-based TAB-separated field
  std::string printed;       ///< the cell as printed
  std::string reading;       ///< what it was taken to say, or why it was not read
};

/// What was read of one text table.
struct ReadTable {
  std::size_t text_table = 0;  ///< index into TextDocument::tables
  TableId table;               ///< invalid when the table holds no figures
  /// The last line of its heading that is not a parenthesised note ("(in
  /// thousands)"), or the title of the table it continues.
  std::string title;
  std::uint32_t first_line = 0;        ///< 1-based first line of the text table
  std::uint32_t last_line = 0;         ///< 1-based last line of the text table
  std::vector<FigureId> figures;       ///< its figures, row by row, left to right
  std::vector<UnplacedCell> unplaced;  ///< cells with a figure but no column meaning
  std::vector<ReadingNote> notes;      ///< repaired headers and cells kept unreadable
  /// No prose stands between it and the table before: it continues that
  /// table (a statement split by a page break) and keeps its title.
  bool continues = false;
};

/// A figure found in prose (see narrative.hpp).
struct NarrativeFigure {
  std::uint32_t line = 0;    ///< 1-based line of the prose
  std::uint32_t column = 0;  ///< 1-based byte offset of the figure in its line
  std::string text;          ///< as printed
  /// The figure added to the graph for it (invalid when unlinked).
  FigureId figure;
  /// The table figure it restates, or the current figure of a growth rate.
  std::optional<FigureId> restates;
  bool growth = false;  ///< a growth rate, checked as a ratio
  bool rate = false;    ///< a side of the convenience rate ("RMB7.0176 to US$1.00")
  std::string note;     ///< why it is not linked, when it is not
};

/// What was read of a document.
struct ReadDocument {
  DocumentId document;                 ///< its id in the graph
  std::vector<ReadTable> tables;       ///< one per text table, in order
  std::vector<ConvenienceRate> rates;  ///< as find_convenience_rates() gives them
  /// The figures of its prose, once link_narrative() has run.
  std::vector<NarrativeFigure> narrative;
};

/// Reads every table of `document` into `graph`.
ReadDocument read_tables(const TextDocument& document, StatementGraph& graph);

TIEOUT_END_NAMESPACE
