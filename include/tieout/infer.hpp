// tieout/infer.hpp - the constraints a filing's layout implies.
//
// Filings do not annotate their arithmetic; tieout infers it, and only keeps
// what the figures prove. A relation is a property of rows and columns, not
// of single figures: it is proven by the cells where it holds exactly (in
// all of them, or in at least two that outnumber those where it fails) and
// then stated in every cell, so that one misprinted figure fails its checks
// instead of hiding the relation:
//
// - roll-ups: a row that equals the sum of the rows above it (the rows not
//   already rolled into a subtotal, optionally with one earlier subtotal, a
//   "Less:" row subtracted, or added as printed when its parentheses carry
//   the sign; for a "Net ..." or "... less ..." row, an earlier subtotal
//   less the block, as net current assets; when none ties, the same
//   leaving out the row just above the total, as the net change in cash
//   leaves out the effect of exchange rates) exactly in at least one period
//   and within rounding in the others; or exactly in at least two periods
//   that outnumber those where it fails (periods, not columns: a
//   convenience translation is no second witness); in a statement of two
//   years, a row labelled as a total ("Total ...", "Net current assets",
//   "... before ...") that no block proves so, with the longest block exact
//   in one year and failing in the other, every member printed in both; a
//   sum in one period alone is not a roll-up; a row none of whose figures
//   can be read stands in the way of none;
// - period sums: in a row, durations that tile another figure's duration;
// - roll-forwards: a balance at the end of a period that is the balance at
//   its beginning plus one flow of the period, or two (the effect of
//   exchange rates kept outside the net change);
// - conversions: in a row, a figure in a currency the prose gives a
//   convenience rate to, against the same period's figure in the currency
//   the rate is from;
// - restatements: rows of two tables with the same line item (by key) whose
//   shared periods and units agree, as printed or with the sign flipped (a
//   bridge adds back what a statement deducts); and the same period and
//   unit stated twice in one row;
// - the balance sheet's identity: total assets = the first "total
//   liabilities ... equity" row after them, outside convenience
//   translations (each side there may be added up from translated lines);
// - OCR ghosts: a row none of whose figures can be read, next to a row whose
//   label it nearly repeats (letters garbled within words, not a word or a
//   number replaced), is that row printed twice;
// - ratios: a per-share row as an amount of its table over its share count,
//   and a percentage row as 100 x an amount over total revenues, for the
//   amount that the printed figures prove in the most periods (the label
//   chooses between equals; a tie adds nothing);
// - percentage columns: in a column where one row prints 100%, each row's
//   share of that row's amount; otherwise the change from an earlier
//   period of the same length in the row ("year-on-year change"), divided
//   by the prior as printed or, if the column says so, by its magnitude.
//
// Related: reader.hpp, constraint.hpp. Stability: experimental.
#pragma once

#include <cstddef>

#include "tieout/constraint.hpp"
#include "tieout/graph.hpp"
#include "tieout/reader.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// How many constraints of each kind were inferred.
/// Each count is of constraints added, one per cell where the relation is
/// stated: a roll-up proven on a row and stated in four columns counts four.
struct Inferred {
  std::size_t footings = 0;       ///< roll-ups: a row that sums rows above it
  std::size_t period_sums = 0;    ///< durations of a row that tile another
  std::size_t roll_forwards = 0;  ///< opening balance plus flows is closing
  std::size_t conversions = 0;    ///< a column at the convenience rate
  /// A fact printed twice (a restated figure, a row repeated by OCR), and
  /// total assets = total liabilities and equity.
  std::size_t equalities = 0;
  std::size_t ratios = 0;  ///< margins, EPS, shares of a total, changes
};

/// Infers the constraints of the document read into `read` and adds them to
/// `constraints`, whose graph must be the one read into.
Inferred infer_constraints(const ReadDocument& read, ConstraintSet& constraints);

TIEOUT_END_NAMESPACE
