// tieout/lookup.hpp - finding a figure the way people name it: where the
// filing prints it, or by its line item, period and unit.
//
// Reports name every figure FILE:LINE:COLUMN (graph.hpp's SourceLocation),
// so that is the first way to find one; a label with an optional period,
// unit and file is the second, for scripts that must survive a filing whose
// rows move. Both are linear scans of the graph: lookups are for scripts and
// tools, not for inner loops.
//
//   auto gross_profit = tieout::find_figure(graph, "004_5d25836ba150503a.txt:224:6");
//   if (!gross_profit) std::puts(gross_profit.error().to_string().c_str());
//
// Related: graph.hpp (what is found), rules.hpp (the same FILE:LINE:COLUMN
// names), gtest.hpp (lookups in audit scripts). Stability: experimental.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tieout/graph.hpp"
#include "tieout/id.hpp"
#include "tieout/period.hpp"
#include "tieout/result.hpp"
#include "tieout/unit.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// A figure together with the graph that holds it: all that printing it as
/// the filing prints it needs. The graph must outlive the reference.
struct FigureRef {
  const StatementGraph* graph = nullptr;  ///< the graph that issued `id`
  FigureId id;                            ///< invalid when nothing was found

  /// True when it names a figure.
  bool valid() const noexcept { return graph != nullptr && id.valid(); }
  /// graph->describe(id): "Gross profit, 2024-07-01..2024-09-30, USD: 43,227
  /// (file:224:6)", or "no figure" when invalid.
  std::string describe() const;
};

/// Figures by line item: every set field must match.
struct FigureQuery {
  /// The line item's label, compared by label_key() ("Total revenues"
  /// matches "Total Revenues:").
  std::string label;
  /// The figure's period; any when empty.
  std::optional<Period> period;
  /// The figure's unit; any when empty.
  std::optional<Unit> unit;
  /// The document's path or its last components, as in a rules file; any
  /// document when empty.
  std::string file;
};

/// Why a lookup found no figure, or found several.
struct LookupError {
  std::string query;   ///< what was looked for, as given
  std::string reason;  ///< why it failed, with what was there instead

  /// "QUERY: REASON".
  std::string to_string() const;
};

/// Whether `file`, as a person names a filing (its path, or its last
/// components: "release.txt", "filings/release.txt"), names `path`. Whole
/// components only: "release.txt" does not name "prerelease.txt".
bool names_file(std::string_view path, std::string_view file);

/// The figure printed at `where`, "FILE:LINE:COLUMN" as reports print it
/// (FILE a path or its last components, LINE 1-based, COLUMN the 1-based
/// TAB-separated field; for a figure in prose, the 1-based byte offset in
/// its line). Fails with the figures that are on that line when none is at
/// that column.
result<FigureId, LookupError> find_figure(const StatementGraph& graph, std::string_view where);

/// Every figure that matches `query`, in id order.
std::vector<FigureId> find_figures(const StatementGraph& graph, const FigureQuery& query);

/// The one figure that matches `query`; fails when none or several do,
/// listing the candidates.
result<FigureId, LookupError> find_figure(const StatementGraph& graph, const FigureQuery& query);

TIEOUT_END_NAMESPACE
