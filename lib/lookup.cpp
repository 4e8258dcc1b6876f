#include "tieout/lookup.hpp"

#include <charconv>
#include <cstdint>
#include <string>

TIEOUT_BEGIN_NAMESPACE

namespace {

bool parse_number(std::string_view text, std::uint32_t& out) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size() && out > 0;
}

// Past this many candidates a message lists only the first few: a label such
// as "Total" can match hundreds of figures, and the message must stay readable.
constexpr std::size_t listed_candidates = 8;

}  // namespace

bool names_file(std::string_view path, std::string_view file) {
  if (path == file) return true;
  return path.size() > file.size() && path.ends_with(file) &&
         path[path.size() - file.size() - 1] == '/';
}

std::string FigureRef::describe() const {
  return valid() ? graph->describe(id) : std::string("no figure");
}

std::string LookupError::to_string() const {
  return query + ": " + reason;
}

result<FigureId, LookupError> find_figure(const StatementGraph& graph, std::string_view where) {
  const auto fail = [&](std::string reason) {
    return unexpected(LookupError{std::string(where), std::move(reason)});
  };
  // FILE may itself hold colons (a Windows drive), so LINE and COLUMN are
  // taken from the right.
  const std::size_t second = where.rfind(':');
  const std::size_t first = second == std::string_view::npos || second == 0
                                ? std::string_view::npos
                                : where.rfind(':', second - 1);
  std::uint32_t line = 0, column = 0;
  if (first == std::string_view::npos || first == 0 ||
      !parse_number(where.substr(first + 1, second - first - 1), line) ||
      !parse_number(where.substr(second + 1), column)) {
    return fail("not FILE:LINE:COLUMN (LINE and COLUMN count from 1)");
  }
  const std::string_view file = where.substr(0, first);

  bool document_found = false;
  std::string on_line;
  for (std::uint32_t i = 0; i < graph.figure_count(); ++i) {
    const FigureId figure(i);
    const SourceLocation& at = graph.location(figure);
    if (!names_file(graph.path(at.document), file)) continue;
    document_found = true;
    if (at.line != line) continue;
    if (at.column == column) return figure;
    on_line += on_line.empty() ? " (figures on that line: " : ", ";
    on_line += graph.where(figure);
  }
  if (!document_found) return fail("no figure in a document named " + std::string(file));
  return fail(on_line.empty() ? std::string("no figure on that line")
                              : "no figure at that column" + on_line + ")");
}

std::vector<FigureId> find_figures(const StatementGraph& graph, const FigureQuery& query) {
  const std::string key = label_key(query.label);
  std::vector<FigureId> found;
  for (std::uint32_t i = 0; i < graph.figure_count(); ++i) {
    const FigureId figure(i);
    const LineItemId item = graph.line_item(figure);
    if (graph.key(item) != key) continue;
    if (query.period && !(graph.period(figure) == *query.period)) continue;
    if (query.unit && !(graph.unit(figure) == *query.unit)) continue;
    if (!query.file.empty() &&
        !names_file(graph.path(graph.location(figure).document), query.file)) {
      continue;
    }
    found.push_back(figure);
  }
  return found;
}

result<FigureId, LookupError> find_figure(const StatementGraph& graph, const FigureQuery& query) {
  std::string asked = "\"" + query.label + "\"";
  if (query.period) asked += ", " + query.period->to_string();
  if (query.unit) asked += ", " + query.unit->to_string();
  if (!query.file.empty()) asked += ", in " + query.file;
  const std::vector<FigureId> found = find_figures(graph, query);
  if (found.size() == 1) return found.front();
  if (found.empty()) return unexpected(LookupError{asked, "no figure matches"});
  std::string reason =
      std::to_string(found.size()) + " figures match; give a period, unit or file:";
  for (std::size_t i = 0; i < found.size() && i < listed_candidates; ++i) {
    reason += "\n  " + graph.describe(found[i]);
  }
  if (found.size() > listed_candidates) reason += "\n  ...";
  return unexpected(LookupError{asked, reason});
}

TIEOUT_END_NAMESPACE
