// tieout/narrative.hpp - figures stated in a filing's prose, tied to its
// tables.
//
// "Total Revenues reached RMB1,885.6 million (US$268.7 million), increased by
// 16.0% year-over-year from RMB1,625.2 million" restates table figures in
// millions and states a growth rate the tables do not print. Each amount in
// prose is linked to the table figure it restates (by value at its printed
// precision, a loss stated as a positive amount included, and by the words
// its sentence shares with the figure's label: a value alone is a
// coincidence) and checked equal to it within rounding; each growth
// percentage ("increased by 16.0% ... from RMB1,625.2 million") is checked as
// 100 x (this figure - that figure) / that figure, this figure being the
// sentence's first linked amount that is neither a translation in
// parentheses nor the figure a rate is measured from; a percentage that is
// not a growth rate is linked to a table percentage. Prose gives no sign,
// so a table figure signed against the whole rest of its row (a gain among
// losses) is not vouched for by it. Figures that link to nothing are
// listed, not dropped, with the reason.
//
// Related: reader.hpp, infer.hpp. Stability: experimental.
#pragma once

#include "tieout/constraint.hpp"
#include "tieout/graph.hpp"
#include "tieout/reader.hpp"
#include "tieout/text_document.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// Finds the figures in `document`'s prose, adds those it can link to
/// `graph` (in a table titled "Narrative") with the constraints that check
/// them, and records them all, linked or not, in `read.narrative`. `read`
/// is what read_tables() read of the same document into the same graph.
void link_narrative(const TextDocument& document, ReadDocument& read, ConstraintSet& constraints,
                    StatementGraph& graph);

TIEOUT_END_NAMESPACE
