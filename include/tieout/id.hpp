// tieout/id.hpp - strong ids for the nodes of a statement graph.
//
// A FigureId is not a LineItemId is not a size_t: passing one where another
// is expected does not compile. Ids are dense indexes into the graph's
// arrays, valid for the graph (or constraint set) that issued them.
// Related: graph.hpp, constraint.hpp. Stability: stable.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// A dense index tagged with what it indexes. Default-constructed ids are
/// invalid.
template <class Tag>
class Id {
 public:
  constexpr Id() noexcept = default;
  /// The id of the node at `index` in the graph's (or constraint set's)
  /// arrays. Explicit, so that a bare integer never passes for an id.
  constexpr explicit Id(std::uint32_t index) noexcept : index_(index) {}

  /// The index into the issuing graph's arrays.
  constexpr std::uint32_t index() const noexcept { return index_; }
  /// False for a default-constructed id, which names no node.
  constexpr bool valid() const noexcept { return index_ != invalid; }

  /// Ordered by index, which is the order the nodes were added in.
  friend constexpr auto operator<=>(Id, Id) noexcept = default;

 private:
  static constexpr std::uint32_t invalid = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t index_ = invalid;
};

/// A document: one filing read into the graph.
using DocumentId = Id<struct DocumentTag>;
/// A table of a document (a statement, a note, a segment table).
using TableId = Id<struct TableTag>;
/// A row of a table: a label with figures for several periods and units.
using LineItemId = Id<struct LineItemTag>;
/// One printed figure: a value for one line item, period and unit.
using FigureId = Id<struct FigureTag>;
/// A constraint of a ConstraintSet, not of the graph.
using ConstraintId = Id<struct ConstraintTag>;

TIEOUT_END_NAMESPACE

/// Ids hash as their index, so that they key unordered containers.
template <class Tag>
struct std::hash<tieout::Id<Tag>> {
  /// The index: dense, so it is already a perfect hash.
  std::size_t operator()(tieout::Id<Tag> id) const noexcept { return id.index(); }
};
