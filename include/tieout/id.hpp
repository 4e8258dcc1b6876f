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
  constexpr explicit Id(std::uint32_t index) noexcept : index_(index) {}

  constexpr std::uint32_t index() const noexcept { return index_; }
  constexpr bool valid() const noexcept { return index_ != invalid; }

  friend constexpr auto operator<=>(Id, Id) noexcept = default;

 private:
  static constexpr std::uint32_t invalid = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t index_ = invalid;
};

using DocumentId = Id<struct DocumentTag>;
using TableId = Id<struct TableTag>;
using LineItemId = Id<struct LineItemTag>;
using FigureId = Id<struct FigureTag>;
using ConstraintId = Id<struct ConstraintTag>;

TIEOUT_END_NAMESPACE

template <class Tag>
struct std::hash<tieout::Id<Tag>> {
  std::size_t operator()(tieout::Id<Tag> id) const noexcept { return id.index(); }
};
