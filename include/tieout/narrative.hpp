// tieout/narrative.hpp - figures stated in a filing's prose, tied to its
// tables.
//
// "Total Revenues reached RMB1,885.6 million (US$268.7 million), increased by
// 16.0% year-over-year from RMB1,625.2 million" restates table figures in
// millions and states a growth rate the tables do not print. Each amount in
// prose is linked to the table figure it restates (by value at its printed
// precision, a loss stated as a positive amount included, and by the words
// of its sentence) and checked equal to it within rounding; each growth
// percentage ("increased by 16.0% ... from RMB1,625.2 million") is checked as
// 100 x (this figure - that figure) / that figure; a percentage that is not
// a growth rate is linked to a table percentage. Figures that link to
// nothing are listed, not dropped.
//
// Related: reader.hpp, infer.hpp. Stability: experimental.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tieout/constraint.hpp"
#include "tieout/graph.hpp"
#include "tieout/reader.hpp"
#include "tieout/text_document.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// A figure found in prose.
struct NarrativeFigure {
  std::uint32_t line = 0;
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

/// Finds the figures in `document`'s prose, adds those it can link to
/// `graph` (in a table titled "Narrative") with the constraints that check
/// them, and returns them all, linked or not.
std::vector<NarrativeFigure> link_narrative(const TextDocument& document, const ReadDocument& read,
                                            ConstraintSet& constraints, StatementGraph& graph);

TIEOUT_END_NAMESPACE
