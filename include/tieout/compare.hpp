// tieout/compare.hpp - the same facts stated in several documents.
//
// A quarter's release restates the last annual report's balance sheet; a
// figure whose line item (by key), period and unit appear once in each of
// two documents must be the same in both. check() then tells a
// reclassification (the totals of that period agree across the documents)
// from a restatement (they do not).
//
// Related: reader.hpp, check.hpp. Stability: experimental.
#pragma once

#include <cstddef>
#include <vector>

#include "tieout/constraint.hpp"
#include "tieout/reader.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// Adds an equality for every fact stated once in each of two of
/// `documents` (read into the graph of `constraints`); returns how many.
std::size_t compare_documents(const std::vector<ReadDocument>& documents,
                              ConstraintSet& constraints);

TIEOUT_END_NAMESPACE
