// tieout/graph.hpp - what a filing states: documents, tables, line items and
// figures, each figure with its period, unit, printed precision and source.
//
// Storage is struct-of-arrays: each figure is an index into parallel arrays
// (line item, period, unit, value as a DecimalArray column, decimals, state,
// location, printed text), with periods, units and labels interned, so that
// checking is a pass over arrays. A figure keeps the text exactly as printed;
// a figure that cannot be read is kept as unreadable, never dropped.
//
// Related: constraint.hpp (what must hold between figures), check.hpp.
// Stability: stable.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tieout/decimal.hpp"
#include "tieout/decimal_array.hpp"
#include "tieout/id.hpp"
#include "tieout/interval.hpp"
#include "tieout/period.hpp"
#include "tieout/scale.hpp"
#include "tieout/unit.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// What a table is.
enum class TableKind : std::uint8_t {
  other = 0,
  income_statement = 1,  ///< including statements of comprehensive loss
  balance_sheet = 2,
  cash_flow = 3,
  non_gaap_reconciliation = 4,
  margins = 5,
  share_movements = 6,
  note = 7,
};

/// What a figure's text turned out to be.
enum class FigureState : std::uint8_t {
  value = 0,       ///< a number
  nil = 1,         ///< a dash: stated as nothing
  unreadable = 2,  ///< text that is not a figure (OCR damage), kept verbatim
};

/// Where a figure stands: a document, a 1-based line, and a 1-based column
/// (the TAB-separated field of that line).
struct SourceLocation {
  /// Invalid when the figure comes from no document (where() prints "?").
  DocumentId document;
  std::uint32_t line = 0;  ///< 1-based; 0 when not known.
  /// 1-based TAB-separated field: the label is field 1, so a table's first
  /// figure column is 2. 0 when not known.
  std::uint32_t column = 0;

  /// Same document, line and column.
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// A label's key, for matching the same line item across tables and
/// documents: ASCII letters lower-cased, digits kept, punctuation and spaces
/// (dashes, quotes and colons included) folded to single spaces, trimmed.
/// Other characters are kept. "– Share-based compensation expenses:" and
/// "Share based compensation expenses" have the key
/// "share based compensation expenses".
std::string label_key(std::string_view label);

/// The statement graph. Not thread-safe for writing; concurrent reads of a
/// graph nobody writes are safe.
class StatementGraph {
 public:
  /// A document, named by `path` as reports will print it (the path given
  /// on the command line, not resolved).
  DocumentId add_document(std::string path);
  /// A table of `document`, titled as the filing heads it; `kind` tells the
  /// inference which relations to look for.
  TableId add_table(DocumentId document, std::string title, TableKind kind);
  /// A line item of `table`, labelled as printed, under the section headings
  /// `section` (outermost first, as {"Operating expenses"}).
  LineItemId add_line_item(TableId table, std::string label, std::vector<std::string> section = {});

  /// A figure of `item` printed as `text` at `where`, in a table whose
  /// amounts are stated in `scale` (thousands for "in thousands"). The text
  /// is parsed exactly; text that is not a figure gives an unreadable figure,
  /// which keeps the text. Ids are issued in order: 0, 1, 2, ...
  FigureId add_figure(LineItemId item, const Period& period, const Unit& unit,
                      std::string_view text, SourceLocation where, Scale scale = Scale::units);

  /// Replaces the printed text of a figure (what-if analysis: a corrected
  /// value, a mutation test). Its period, unit, scale and location stay.
  void set_text(FigureId figure, std::string_view text);
  /// Gives a figure another period, unit and scale (a rules file's column
  /// meaning, where the header was read wrong); its text is read again.
  void set_meaning(FigureId figure, const Period& period, const Unit& unit, Scale scale);
  /// Keeps a figure as unreadable though its text parses: a reader's
  /// judgement that the text is damaged ("961.78" among whole thousands).
  void mark_unreadable(FigureId figure);

  /// How many nodes there are; ids run from 0 to the count less one.
  ///@{
  std::size_t figure_count() const noexcept { return figure_item_.size(); }
  std::size_t line_item_count() const noexcept { return items_.size(); }
  std::size_t table_count() const noexcept { return tables_.size(); }
  ///@}

  // Figures. Preconditions: ids issued by this graph.
  /// Whether the figure has a value, is a dash, or could not be read.
  /// Precondition, as for every accessor below: an id issued by this graph.
  FigureState state(FigureId figure) const { return state_[figure.index()]; }
  /// The value in units (scale applied): 303,354 in thousands is 303354000.
  /// Nothing for nil and unreadable figures.
  std::optional<Decimal> value(FigureId figure) const;
  /// The printed precision of value(), as XBRL's decimals (-3 for a figure
  /// printed to the unit in thousands). Precondition: state is value.
  int decimals(FigureId figure) const { return decimals_[figure.index()]; }
  /// What the printed figure stands for; a nil figure is exactly zero.
  /// Nothing for unreadable figures.
  std::optional<Interval> interval(
      FigureId figure, RoundingConvention convention = RoundingConvention::round_to_nearest) const;
  /// What the figure measures: when (an instant or a duration), in what
  /// unit, stated in what scale, and on which line item. Periods and units
  /// are interned: the references stay valid while the graph lives.
  ///@{
  const Period& period(FigureId figure) const { return periods_[figure_period_[figure.index()]]; }
  const Unit& unit(FigureId figure) const { return units_[figure_unit_[figure.index()]]; }
  Scale scale(FigureId figure) const { return figure_scale_[figure.index()]; }
  LineItemId line_item(FigureId figure) const { return figure_item_[figure.index()]; }
  ///@}
  /// The text exactly as printed ("(225,465)", "(2.42.0(0)"), kept for
  /// reports and corrections. Valid until a figure is added or its text set.
  std::string_view text(FigureId figure) const;
  /// Where the figure is printed.
  const SourceLocation& location(FigureId figure) const { return where_[figure.index()]; }
  /// "file:line:column" of the figure.
  std::string where(FigureId figure) const;
  /// "Gross profit, 2024-07-01..2024-09-30, USD: 43,227 (file:224:6)".
  std::string describe(FigureId figure) const;

  /// Every figure's value as one column (zero for nil and unreadable
  /// figures), its decimals and its state, indexed by FigureId: for kernels
  /// that check many constraints in one pass over arrays.
  /// Valid until a figure is added.
  ///@{
  const DecimalArray& values() const noexcept { return values_; }
  std::span<const std::int16_t> all_decimals() const noexcept { return decimals_; }
  std::span<const FigureState> states() const noexcept { return state_; }
  ///@}

  // Line items, tables, documents.
  /// The line item's label as printed ("Cost of revenues"). Like every
  /// string_view below, valid until the next node is added.
  std::string_view label(LineItemId item) const { return items_[item.index()].label; }
  /// label_key() of the label; equal keys share one string.
  std::string_view key(LineItemId item) const { return keys_[items_[item.index()].key]; }
  /// The section headings the line item stands under, outermost first, as
  /// the reports redraw them over its row.
  const std::vector<std::string>& section(LineItemId item) const {
    return items_[item.index()].section;
  }
  /// The table a line item is in, and a table's title, kind and document.
  ///@{
  TableId table(LineItemId item) const { return items_[item.index()].table; }
  std::string_view title(TableId table) const { return tables_[table.index()].title; }
  TableKind kind(TableId table) const { return tables_[table.index()].kind; }
  DocumentId document(TableId table) const { return tables_[table.index()].document; }
  ///@}
  /// The document's path as given to add_document().
  std::string_view path(DocumentId document) const { return documents_[document.index()]; }

 private:
  struct LineItem {
    TableId table;
    std::string label;
    std::uint32_t key;  // index into keys_
    std::vector<std::string> section;
  };
  struct Table {
    DocumentId document;
    std::string title;
    TableKind kind;
  };

  template <class Value>
  static std::uint32_t intern(std::vector<Value>& values, const Value& value);
  void store_text(std::size_t index, std::string_view text);

  std::vector<std::string> documents_;
  std::vector<Table> tables_;
  std::vector<LineItem> items_;
  std::vector<Period> periods_;
  std::vector<Unit> units_;
  std::vector<std::string> keys_;
  std::unordered_map<std::string, std::uint32_t> key_index_;

  // One entry per figure.
  std::vector<LineItemId> figure_item_;
  std::vector<std::uint32_t> figure_period_;
  std::vector<std::uint32_t> figure_unit_;
  std::vector<Scale> figure_scale_;
  DecimalArray values_;  // in units; zero for nil and unreadable figures
  std::vector<std::int16_t> decimals_;
  std::vector<FigureState> state_;
  std::vector<SourceLocation> where_;
  std::vector<std::uint32_t> text_begin_;
  std::vector<std::uint32_t> text_size_;
  std::string text_pool_;
};

TIEOUT_END_NAMESPACE
