// tieout/rules.hpp - the override file: what a person corrects where
// inference is wrong.
//
// A rules file is plain text, one rule a line, '#' to the end of a line a
// comment (say why each rule is there). Figures are named by where they are
// printed, FILE:LINE:COLUMN, FILE being the filing's path or its last
// components ("003_2b93c8209c643bac.txt:114:3"):
//
//   rate CNY USD 7.0999                 the convenience rate: 1 USD = 7.0999 CNY
//   correct FILE:LINE:COLUMN TEXT       read the figure as TEXT (OCR damage)
//   column FILE:FIRST-LAST:COLUMN PERIOD UNIT [SCALE]
//                                       what a column is, lines FIRST to LAST:
//                                       PERIOD 2023-12-31 or 2023-01-01..2023-12-31,
//                                       UNIT CNY, USD, shares, ADS, CNY/share,
//                                       USD/ADS, %, pure; SCALE units,
//                                       thousands, millions, billions; it
//                                       places the cells there that the
//                                       header could not
//   drop FILE:LINE:COLUMN [KIND]        drop the inferred constraints (of KIND:
//                                       footing, period-sum, roll-forward,
//                                       conversion, equality, ratio) whose
//                                       first figure is there
//   add footing TOTAL = PART [+|- PART]...
//   add equality A = B
//   add conversion CONVERTED = AMOUNT / RATE
//
// Every rule must apply: a rule naming a figure, file or constraint that is
// not there is an error with the rules file's line, so that a typing slip
// never goes unnoticed. Audit (audit.hpp) applies the rules.
//
// Related: audit.hpp, docs/rules.md. Stability: experimental.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tieout/constraint.hpp"
#include "tieout/decimal.hpp"
#include "tieout/graph.hpp"
#include "tieout/period.hpp"
#include "tieout/reader.hpp"
#include "tieout/result.hpp"
#include "tieout/scale.hpp"
#include "tieout/text_document.hpp"
#include "tieout/unit.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// Where a figure is printed, as a rules file names it.
struct FigureReference {
  std::string file;          ///< a path, or its last components
  std::uint32_t line = 0;    ///< 1-based line (for a column rule: the first)
  std::uint32_t column = 0;  ///< 1-based TAB-separated field; the label is 1
};

/// One rule, with the line of the rules file that states it.
struct Rule {
  /// The rule's first word; which members below are set depends on it.
  enum class Kind : std::uint8_t { rate, correct, column, drop, add };
  Kind kind = Kind::rate;         ///< what the rule does
  std::uint32_t source_line = 0;  ///< 1-based line of the rules file, for errors
  /// rate: 1 `to` = `rate` `from` (rate CNY USD 7.0999: from CNY, to USD).
  ///@{
  std::optional<Currency> from, to;
  ///@}
  /// rate: the rate; add conversion: the rate CONVERTED = AMOUNT / RATE names.
  Decimal rate;
  /// correct, drop: the figure; column: its first line and its column.
  FigureReference at;
  std::string text;                    ///< correct
  std::uint32_t last_line = 0;         ///< column
  std::optional<Period> period;        ///< column
  std::optional<Unit> unit;            ///< column
  std::optional<Scale> scale;          ///< column
  std::optional<ConstraintKind> what;  ///< drop (any kind when empty); add
  /// add: the first figure (the total, a, the converted figure), then the
  /// others, each with its weight: -1 for a part after '-', else 1.
  std::vector<std::pair<FigureReference, int>> terms;
};

/// A parsed override file. Each rule must apply: the apply functions fail on
/// a rule that matches nothing, so a slip in the file never silently leaves
/// a check undone.
class Rules {
 public:
  /// Reads the rules of `text`, the content of the file `path`; a line that
  /// is not a rule is an error naming the line.
  static result<Rules, ReadError> parse(std::string path, std::string_view text);
  /// Reads the file at `path` and parses it; "cannot open the rules file"
  /// when it cannot be opened.
  static result<Rules, ReadError> load(const std::string& path);

  /// The rules in the order of the file.
  const std::vector<Rule>& rules() const noexcept { return rules_; }
  /// True for a file of comments and blank lines only.
  bool empty() const noexcept { return rules_.empty(); }

  /// Applies the rules that concern one document, once its tables are read
  /// and before its arithmetic is inferred: rates, corrections, columns.
  result<std::size_t, ReadError> apply_to_document(ReadDocument& read, StatementGraph& graph);
  /// Applies drops and additions once every document is read, giving the
  /// constraints to check; fails on a rule that applied nowhere.
  result<ConstraintSet, ReadError> apply_to_constraints(const std::vector<ReadDocument>& read,
                                                        const ConstraintSet& constraints);

 private:
  ReadError fault(const Rule& rule, std::string reason) const;

  std::string path_;
  std::vector<Rule> rules_;
  std::vector<bool> applied_;
};

TIEOUT_END_NAMESPACE
