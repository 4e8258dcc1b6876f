// lib/report.cpp - rendering a tie-out as text, JSON, HTML and Markdown.
#include "tieout/report.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

TIEOUT_BEGIN_NAMESPACE
namespace {

std::string_view severity_of(Verdict verdict) {
  switch (verdict) {
    case Verdict::fail: return "fail";
    case Verdict::rounding: return "rounding";
    case Verdict::info: return "info";
    case Verdict::incomplete: return "incomplete";
    case Verdict::pass: return "pass";
  }
  return "";
}

// How many explanations of rank 1 a component has.
std::size_t tied_in(const Solution& solution, std::size_t component) {
  std::set<std::vector<std::uint32_t>> explanations;
  for (const Suspect& s : solution.suspects) {
    if (s.component != component || s.rank != 1) continue;
    std::vector<std::uint32_t> figures = {s.figure.index()};
    for (const FigureId f : s.with)
      figures.push_back(f.index());
    std::sort(figures.begin(), figures.end());
    explanations.insert(std::move(figures));
  }
  return explanations.size();
}

// The solver's findings as text lines ("suspect: ...", "filled: ...").
std::string solution_text(const TieOut& tie_out) {
  const StatementGraph& graph = *tie_out.graph;
  const Solution& solution = tie_out.solution;
  std::string text;
  for (const Suspect& s : solution.suspects) {
    if (s.rank == 1) text.append(describe_suspect(tie_out, s)).append("\n");
  }
  for (const Filled& f : solution.filled) {
    text.append("filled: ")
        .append(graph.where(f.figure))
        .append(": printed \"")
        .append(graph.text(f.figure))
        .append(f.was_nil ? "\" where the checks require a value; they give "
                          : "\"; the checks give ")
        .append(f.text)
        .append(f.exact ? "" : " (rounded to the printed precision)")
        .append("\n");
  }
  for (const Free& f : solution.free) {
    text.append("free: ")
        .append(graph.where(f.figure))
        .append(": printed \"")
        .append(graph.text(f.figure))
        .append("\": ")
        .append(f.reason)
        .append("\n");
  }
  for (const Contradiction& c : solution.contradictions) {
    text.append("contradiction: ").append(c.reason).append("\n");
  }
  for (const Unexplained& u : solution.unexplained) {
    text.append("unexplained: ")
        .append(std::to_string(u.failed.size()))
        .append(u.failed.size() == 1 ? " failed check: " : " failed checks: ")
        .append(u.reason)
        .append("\n");
  }
  return text;
}

std::string upper(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), [](char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  });
  return result;
}

}  // namespace

std::string describe_suspect(const TieOut& tie_out, const Suspect& suspect) {
  const StatementGraph& graph = *tie_out.graph;
  std::string line;
  if (suspect.unique) {
    line = "suspect: ";
  } else if (suspect.rank == 1) {
    line = "suspect (one of " + std::to_string(tied_in(tie_out.solution, suspect.component)) +
           " equally likely explanations, not certain): ";
  } else {
    line = "suspect (rank " + std::to_string(suspect.rank) + "): ";
  }
  line += graph.where(suspect.figure) + ": printed " + std::string(graph.text(suspect.figure)) +
          "; everything ties with " + suspect.text;
  line.append(" (").append(name_of(suspect.slip));
  if (!suspect.with.empty()) {
    line += ", together with";
    for (const FigureId other : suspect.with) {
      for (const Suspect& partner : tie_out.solution.suspects) {
        if (partner.figure == other && partner.component == suspect.component &&
            partner.rank == suspect.rank &&
            std::find(partner.with.begin(), partner.with.end(), suspect.figure) !=
                partner.with.end()) {
          line.append(" ").append(graph.where(other)).append(" as ").append(partner.text);
          break;
        }
      }
    }
  }
  line += ")";
  return line;
}

std::string describe_finding(const TieOut& tie_out, ConstraintId constraint) {
  const CheckResult& result = tie_out.checks.results.at(constraint.index());
  return upper(severity_of(result.verdict)) + " " + result.explanation;
}

std::string summary_line(const Summary& s) {
  return std::to_string(s.figures) + " figures read, " + std::to_string(s.checks) +
         " checks: " + std::to_string(s.passed) + " passed, " + std::to_string(s.rounding) +
         " rounding only, " + std::to_string(s.failed) + " failed, " +
         std::to_string(s.incomplete) + " incomplete, " + std::to_string(s.info) + " info; " +
         std::to_string(s.unreadable) + " unreadable, " + std::to_string(s.unverified) +
         " unverified, " + std::to_string(s.unplaced) + " unplaced cells; " +
         std::to_string(s.narrative_linked) + " of " + std::to_string(s.narrative) +
         " figures in the text linked to the tables";
}

std::string_view name_of(FigureStatus status) noexcept {
  switch (status) {
    case FigureStatus::ties: return "ties";
    case FigureStatus::rounding: return "rounding";
    case FigureStatus::fails: return "fails";
    case FigureStatus::unverified: return "unverified";
    case FigureStatus::unreadable: return "unreadable";
    case FigureStatus::nil: return "nil";
  }
  return "";
}

TieOut::TieOut(const ConstraintSet& constraint_set, std::vector<ReadDocument> read,
               const CheckOptions& options, SolveOptions solve_options)
    : graph(&constraint_set.graph()),
      constraints(&constraint_set),
      documents(std::move(read)),
      checks(check(constraint_set, options)) {
  status_.assign(graph->figure_count(), FigureStatus::unverified);
  // The worst verdict of the checks on a figure decides its status.
  const auto rank = [](FigureStatus s) {
    switch (s) {
      case FigureStatus::fails: return 3;
      case FigureStatus::rounding: return 2;
      case FigureStatus::ties: return 1;
      default: return 0;
    }
  };
  for (const CheckResult& result : checks.results) {
    FigureStatus from_check = FigureStatus::ties;
    if (result.verdict == Verdict::fail) from_check = FigureStatus::fails;
    if (result.verdict == Verdict::rounding || result.verdict == Verdict::info) {
      from_check = FigureStatus::rounding;
    }
    if (result.verdict == Verdict::incomplete) continue;
    for (const FigureId figure : constraints->bears_on(result.constraint)) {
      FigureStatus& status = status_[figure.index()];
      if (rank(from_check) > rank(status)) status = from_check;
    }
  }
  for (std::uint32_t i = 0; i < status_.size(); ++i) {
    const FigureState state = graph->state(FigureId(i));
    if (state == FigureState::unreadable) status_[i] = FigureStatus::unreadable;
    if (state == FigureState::nil && status_[i] == FigureStatus::unverified) {
      status_[i] = FigureStatus::nil;
    }
  }
  solve_options.check = options;
  solution = solve(constraint_set, checks, solve_options);
}

Summary TieOut::summary() const {
  Summary s;
  s.figures = graph->figure_count();
  s.checks = checks.results.size();
  s.passed = checks.count(Verdict::pass);
  s.rounding = checks.count(Verdict::rounding);
  s.failed = checks.count(Verdict::fail);
  s.incomplete = checks.count(Verdict::incomplete);
  s.info = checks.count(Verdict::info);
  s.unreadable = static_cast<std::size_t>(
      std::count(status_.begin(), status_.end(), FigureStatus::unreadable));
  s.unverified = static_cast<std::size_t>(
      std::count(status_.begin(), status_.end(), FigureStatus::unverified));
  s.suspects = solution.best().size();
  s.filled = solution.filled.size();
  for (const ReadDocument& document : documents) {
    for (const ReadTable& table : document.tables)
      s.unplaced += table.unplaced.size();
    s.narrative += document.narrative.size();
    s.narrative_linked += static_cast<std::size_t>(
        std::count_if(document.narrative.begin(), document.narrative.end(),
                      [](const NarrativeFigure& f) { return f.figure.valid(); }));
  }
  return s;
}

// "Ties out." holds vacuously when no figure could be checked; say so
// rather than let an unread filing pass for a clean one.
std::string verdict_line(const TieOut& tie_out, const Summary& s) {
  if (!tie_out.ties_out()) {
    return "Does not tie out: " + std::to_string(s.failed) + " failed check" +
           (s.failed == 1 ? "" : "s") + ".";
  }
  if (s.checks == 0) {
    return std::string("Nothing was checked: no relation between the figures could be proven") +
           (s.unplaced > 0 ? " (see the unplaced cells)." : ".");
  }
  return "Ties out.";
}

std::string render_text(const TieOut& tie_out) {
  const StatementGraph& graph = *tie_out.graph;
  const Summary s = tie_out.summary();
  std::string text = "tieout " + std::to_string(TIEOUT_VERSION_MAJOR) + "." +
                     std::to_string(TIEOUT_VERSION_MINOR) + "." +
                     std::to_string(TIEOUT_VERSION_PATCH) + ": " + summary_line(s) + "\n";
  text += verdict_line(tie_out, s) + "\n";
  // Findings by the table of their first figure, tables in order.
  std::map<std::uint32_t, std::vector<const CheckResult*>> by_table;
  for (const CheckResult& result : tie_out.checks.results) {
    if (result.verdict == Verdict::pass) continue;
    const FigureId first = tie_out.constraints->figures(result.constraint)[0];
    by_table[graph.table(graph.line_item(first)).index()].push_back(&result);
  }
  for (const auto& [table, results] : by_table) {
    const TableId id(table);
    text.append("\n").append(graph.path(graph.document(id))).append(": ").append(graph.title(id));
    text.append("\n");
    for (const CheckResult* result : results) {
      text.append("  ").append(describe_finding(tie_out, result->constraint)).append("\n");
    }
  }
  if (const std::string solved = solution_text(tie_out); !solved.empty()) {
    text.append("\n").append(solved);
  }
  // Figures no check could use, then figures no check bears on: what an
  // auditor would still have to tick by hand.
  for (const FigureStatus listed : {FigureStatus::unreadable, FigureStatus::unverified}) {
    bool first = true;
    for (std::uint32_t i = 0; i < graph.figure_count(); ++i) {
      if (tie_out.status(FigureId(i)) != listed) continue;
      if (first) text.append("\n");
      first = false;
      text.append(upper(name_of(listed)))
          .append(" ")
          .append(graph.describe(FigureId(i)))
          .append("\n");
    }
  }
  // Figures in the text that restate nothing the tables print, then cells
  // that hold a figure the reader could not place: "LABEL file:line:column
  // "text": why".
  std::string listed;
  const auto list = [&](std::string_view label, const ReadDocument& document, std::uint32_t line,
                        std::uint32_t column, std::string_view cell, std::string_view why) {
    listed.append(label)
        .append(" ")
        .append(graph.path(document.document))
        .append(":")
        .append(std::to_string(line))
        .append(":")
        .append(std::to_string(column))
        .append(" \"")
        .append(cell)
        .append("\": ")
        .append(why)
        .append("\n");
  };
  for (const ReadDocument& document : tie_out.documents) {
    for (const NarrativeFigure& figure : document.narrative) {
      if (!figure.figure.valid()) {
        list("UNLINKED", document, figure.line, figure.column, figure.text, figure.note);
      }
    }
  }
  for (const ReadDocument& document : tie_out.documents) {
    for (const ReadTable& table : document.tables) {
      for (const UnplacedCell& cell : table.unplaced) {
        list("UNPLACED", document, cell.line, cell.column, cell.text, cell.reason);
      }
    }
  }
  if (!listed.empty()) text.append("\n").append(listed);
  return text;
}

std::string render_json(const TieOut& tie_out) {
  using nlohmann::json;
  const StatementGraph& graph = *tie_out.graph;
  const Summary s = tie_out.summary();
  json report;
  report["schema"] = report_schema;
  report["tieout"] = std::to_string(TIEOUT_VERSION_MAJOR) + "." +
                     std::to_string(TIEOUT_VERSION_MINOR) + "." +
                     std::to_string(TIEOUT_VERSION_PATCH);
  report["summary"] = {{"figures", s.figures},
                       {"checks", s.checks},
                       {"passed", s.passed},
                       {"rounding", s.rounding},
                       {"failed", s.failed},
                       {"incomplete", s.incomplete},
                       {"info", s.info},
                       {"unreadable", s.unreadable},
                       {"unverified", s.unverified},
                       {"unplaced", s.unplaced},
                       {"narrative", s.narrative},
                       {"narrative_linked", s.narrative_linked},
                       {"suspects", s.suspects},
                       {"filled", s.filled}};
  json figures = json::array();
  for (std::uint32_t i = 0; i < graph.figure_count(); ++i) {
    const FigureId figure(i);
    const auto& where = graph.location(figure);
    const auto value = graph.value(figure);
    const LineItemId item = graph.line_item(figure);
    figures.push_back({{"id", i},
                       {"file", graph.path(where.document)},
                       {"line", where.line},
                       {"column", where.column},
                       {"text", graph.text(figure)},
                       {"value", value ? json(value->to_string()) : json(nullptr)},
                       {"decimals", value ? json(graph.decimals(figure)) : json(nullptr)},
                       {"label", graph.label(item)},
                       {"table", graph.title(graph.table(item))},
                       {"period", graph.period(figure).to_string()},
                       {"unit", graph.unit(figure).to_string()},
                       {"status", name_of(tie_out.status(figure))}});
    if (!tie_out.solution.coverage.empty()) {
      figures.back()["coverage"] = tie_out.solution.coverage[i];
    }
  }
  report["figures"] = std::move(figures);
  json findings = json::array();
  for (const CheckResult& result : tie_out.checks.results) {
    if (result.verdict == Verdict::pass) continue;
    json ids = json::array();
    for (const FigureId figure : tie_out.constraints->bears_on(result.constraint)) {
      ids.push_back(figure.index());
    }
    findings.push_back({{"id", result.constraint.index()},
                        {"severity", severity_of(result.verdict)},
                        {"kind", name_of(tie_out.constraints->kind(result.constraint))},
                        {"message", result.explanation},
                        {"figures", std::move(ids)},
                        {"difference", result.difference.to_string()},
                        {"tolerance", result.tolerance.to_string()}});
  }
  report["findings"] = std::move(findings);
  json unplaced = json::array();
  for (const ReadDocument& document : tie_out.documents) {
    for (const ReadTable& table : document.tables) {
      for (const UnplacedCell& cell : table.unplaced) {
        unplaced.push_back({{"file", graph.path(document.document)},
                            {"line", cell.line},
                            {"column", cell.column},
                            {"text", cell.text},
                            {"reason", cell.reason}});
      }
    }
  }
  report["unplaced"] = std::move(unplaced);
  json narrative = json::array();
  for (const ReadDocument& document : tie_out.documents) {
    for (const NarrativeFigure& figure : document.narrative) {
      narrative.push_back(
          {{"file", graph.path(document.document)},
           {"line", figure.line},
           {"column", figure.column},
           {"text", figure.text},
           {"figure", figure.figure.valid() ? json(figure.figure.index()) : json(nullptr)},
           {"restates", figure.restates ? json(figure.restates->index()) : json(nullptr)},
           {"growth", figure.growth},
           {"rate", figure.rate},
           {"note", figure.note}});
    }
  }
  report["narrative"] = std::move(narrative);
  const auto ids_of = [](const auto& ids) {
    json array = json::array();
    for (const auto id : ids)
      array.push_back(id.index());
    return array;
  };
  const Solution& solution = tie_out.solution;
  json suspects = json::array();
  for (const Suspect& suspect : solution.suspects) {
    suspects.push_back({{"figure", suspect.figure.index()},
                        {"proposed", suspect.proposed.to_string()},
                        {"text", suspect.text},
                        {"rank", suspect.rank},
                        {"unique", suspect.unique},
                        {"slip", name_of(suspect.slip)},
                        {"explains", ids_of(suspect.explains)},
                        {"with", ids_of(suspect.with)},
                        {"component", suspect.component}});
  }
  report["suspects"] = std::move(suspects);
  json filled = json::array();
  for (const Filled& f : solution.filled) {
    filled.push_back({{"figure", f.figure.index()},
                      {"value", f.value.to_string()},
                      {"text", f.text},
                      {"exact", f.exact},
                      {"was_nil", f.was_nil},
                      {"from", ids_of(f.from)}});
  }
  report["filled"] = std::move(filled);
  json free = json::array();
  for (const Free& f : solution.free) {
    free.push_back({{"figure", f.figure.index()}, {"reason", f.reason}, {"tied", ids_of(f.tied)}});
  }
  report["free"] = std::move(free);
  json contradictions = json::array();
  for (const Contradiction& c : solution.contradictions) {
    contradictions.push_back({{"findings", ids_of(c.constraints)},
                              {"figures", ids_of(c.forced_zero)},
                              {"reason", c.reason}});
  }
  report["contradictions"] = std::move(contradictions);
  json unexplained = json::array();
  for (const Unexplained& u : solution.unexplained) {
    unexplained.push_back({{"findings", ids_of(u.failed)}, {"reason", u.reason}});
  }
  report["unexplained"] = std::move(unexplained);
  return report.dump(2) + "\n";
}

namespace {

// ---- HTML and Markdown: the tables redrawn ----

// How each status is marked, indexed by FigureStatus.
struct Mark {
  FigureStatus status;
  std::string_view symbol;
  std::string_view meaning;
};
constexpr std::array<Mark, 6> marks = {{
    {FigureStatus::ties, "\u2713", "every check on the figure passes exactly"},  // ✓
    {FigureStatus::rounding, "\u2248",                                           // ≈
     "a check on it holds only within the rounding of the printed figures (or is "
     "consistent but notable); none fails"},
    {FigureStatus::fails, "\u2717",  // ✗
     "a check on it fails: no values the printed figures stand for satisfy it"},
    {FigureStatus::unverified, "?", "no check bears on it: it has to be ticked by hand"},
    {FigureStatus::unreadable, "\u26A0",  // ⚠
     "its text is not a figure (OCR damage?): no check can use it"},
    {FigureStatus::nil, "\u2205", "a dash (nothing) that no check uses"},  // ∅
}};

static_assert([] {
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (static_cast<std::size_t>(marks[i].status) != i) return false;
  }
  return true;
}());

const Mark& mark_of(FigureStatus status) {
  return marks[static_cast<std::size_t>(status)];
}

// Text for HTML element content and attribute values (double or single
// quoted): markup characters as references, line feeds as references so
// that a title attribute keeps its lines, other control characters as
// U+FFFD.
std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += ' '; break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\r') || c == '\x7f') {
          out += "\uFFFD";
        } else if (c != '\r') {
          out += c;
        }
    }
  }
  return out;
}

// Text for a Markdown table cell or list item: the punctuation that Markdown
// (GitHub's included: tables, strikethrough, math) could read as markup is
// backslash-escaped, line breaks become spaces.
std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '$':
      case '~':
      case '&':
      case '#':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
      case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// "3 months ended 2024-09-30", "2024-09-30" for an instant.
std::string period_heading(const Period& period) {
  if (period.is_instant()) return period.instant().to_string();
  const Duration& duration = period.duration();
  if (const auto months = duration.calendar_months()) {
    return std::to_string(*months) + (*months == 1 ? " month" : " months") + " ended " +
           duration.closing().to_string();
  }
  return duration.to_string();
}

// The most frequent of `values`, the first seen on a tie.
std::string most_frequent(const std::vector<std::string>& values) {
  std::vector<std::pair<std::string, std::size_t>> counts;
  for (const std::string& value : values) {
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& count) { return count.first == value; });
    if (it == counts.end()) {
      counts.emplace_back(value, 1);
    } else {
      ++it->second;
    }
  }
  if (counts.empty()) return {};
  return std::max_element(counts.begin(), counts.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// A source column of a table: its field, and the period and unit most of
// its figures have.
struct Column {
  std::uint32_t field = 0;
  std::string period;
  std::string unit;
};

// A line item's row: the section headings that open before it (at depths
// heading_depth, heading_depth + 1, ...), its own depth, one cell per column.
struct Row {
  LineItemId item;
  std::vector<std::string> headings;
  std::size_t heading_depth = 0;
  std::size_t depth = 0;
  std::vector<std::optional<FigureId>> cells;
};

// A read table as the reports draw it.
struct TableView {
  const ReadDocument* document = nullptr;
  const ReadTable* read = nullptr;
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<const CheckResult*> findings;
  std::size_t checks = 0;  // all the checks whose first figure is here
};

struct ReportView {
  std::vector<TableView> tables;
  /// Findings whose first figure is in no drawn table.
  std::vector<const CheckResult*> other_findings;
  /// For every figure, the indexes (into checks.results) of the checks on it.
  std::vector<std::vector<std::size_t>> checks_of;
  /// How many figures have each status, indexed by FigureStatus.
  std::array<std::size_t, 6> status_counts{};
};

TableView table_view(const StatementGraph& graph, const ReadDocument& document,
                     const ReadTable& read) {
  TableView view;
  view.document = &document;
  view.read = &read;
  std::map<std::uint32_t, std::pair<std::vector<std::string>, std::vector<std::string>>> fields;
  for (const FigureId figure : read.figures) {
    auto& [periods, units] = fields[graph.location(figure).column];
    periods.push_back(period_heading(graph.period(figure)));
    units.push_back(graph.unit(figure).to_string());
  }
  std::map<std::uint32_t, std::size_t> column_of;
  for (const auto& [field, found] : fields) {
    column_of[field] = view.columns.size();
    view.columns.push_back({field, most_frequent(found.first), most_frequent(found.second)});
  }
  const std::vector<std::string> no_section;
  const std::vector<std::string>* previous_section = &no_section;
  for (const FigureId figure : read.figures) {
    const LineItemId item = graph.line_item(figure);
    const std::size_t column = column_of[graph.location(figure).column];
    // Figures come row by row; a line item whose cell is taken already (two
    // figures in one field) gets a second row.
    if (view.rows.empty() || view.rows.back().item != item ||
        view.rows.back().cells[column].has_value()) {
      Row row;
      row.item = item;
      row.cells.resize(view.columns.size());
      const std::vector<std::string>& section = graph.section(item);
      if (view.rows.empty() || view.rows.back().item != item) {
        // The headings already open: a common prefix (nested headings) or
        // the previous section's tail (the reader keeps the last two).
        const std::vector<std::string>& previous = *previous_section;
        std::size_t common = 0;
        while (common < section.size() && common < previous.size() &&
               section[common] == previous[common]) {
          ++common;
        }
        for (std::size_t overlap = std::min(section.size(), previous.size()); overlap > common;
             --overlap) {
          if (std::equal(section.begin(), section.begin() + static_cast<std::ptrdiff_t>(overlap),
                         previous.end() - static_cast<std::ptrdiff_t>(overlap))) {
            common = overlap;
            break;
          }
        }
        row.headings.assign(section.begin() + static_cast<std::ptrdiff_t>(common), section.end());
        row.heading_depth = common;
      }
      row.depth = section.size();
      previous_section = &section;
      view.rows.push_back(std::move(row));
    }
    view.rows.back().cells[column] = figure;
  }
  return view;
}

ReportView report_view(const TieOut& tie_out) {
  const StatementGraph& graph = *tie_out.graph;
  ReportView view;
  view.checks_of.resize(graph.figure_count());
  for (std::size_t i = 0; i < tie_out.checks.results.size(); ++i) {
    for (const FigureId figure :
         tie_out.constraints->bears_on(tie_out.checks.results[i].constraint)) {
      auto& checks = view.checks_of[figure.index()];
      // A figure can appear twice in one ratio (growth: its prior period).
      if (checks.empty() || checks.back() != i) checks.push_back(i);
    }
  }
  for (std::uint32_t i = 0; i < graph.figure_count(); ++i) {
    ++view.status_counts[static_cast<std::size_t>(tie_out.status(FigureId(i)))];
  }
  std::map<std::uint32_t, std::size_t> view_of_table;  // TableId -> index into view.tables
  for (const ReadDocument& document : tie_out.documents) {
    for (const ReadTable& read : document.tables) {
      if (read.figures.empty() && read.unplaced.empty()) continue;
      if (!read.figures.empty()) {
        view_of_table[graph.table(graph.line_item(read.figures.front())).index()] =
            view.tables.size();
      }
      view.tables.push_back(table_view(graph, document, read));
    }
  }
  for (const CheckResult& result : tie_out.checks.results) {
    const FigureId first = tie_out.constraints->figures(result.constraint)[0];
    const auto it = view_of_table.find(graph.table(graph.line_item(first)).index());
    if (it != view_of_table.end()) ++view.tables[it->second].checks;
    if (result.verdict == Verdict::pass) continue;
    if (it == view_of_table.end()) {
      view.other_findings.push_back(&result);
    } else {
      view.tables[it->second].findings.push_back(&result);
    }
  }
  return view;
}

std::string version_string() {
  return std::to_string(TIEOUT_VERSION_MAJOR) + "." + std::to_string(TIEOUT_VERSION_MINOR) + "." +
         std::to_string(TIEOUT_VERSION_PATCH);
}

std::string checks_line(const Summary& s) {
  return std::to_string(s.checks) + " checks: " + std::to_string(s.passed) + " passed, " +
         std::to_string(s.rounding) + " rounding only, " + std::to_string(s.failed) + " failed, " +
         std::to_string(s.incomplete) + " incomplete, " + std::to_string(s.info) + " info";
}

std::string table_title(const ReadTable& read) {
  return read.title.empty() ? "(untitled table)" : read.title;
}

std::string source_line(const StatementGraph& graph, const TableView& table) {
  return std::string(graph.path(table.document->document)) + ", lines " +
         std::to_string(table.read->first_line) + "\u2013" + std::to_string(table.read->last_line);
}

std::string paths_of(const TieOut& tie_out) {
  std::string paths;
  for (const ReadDocument& document : tie_out.documents) {
    if (!paths.empty()) paths += ", ";
    paths += tie_out.graph->path(document.document);
  }
  return paths;
}

constexpr std::string_view html_style = R"css(
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       margin: 1.5rem 2rem; color: #1f2328; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .2rem; }
h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
.files, .source { color: #59636e; margin: 0 0 .5rem; }
.verdict { font-size: 1.15rem; font-weight: 600; padding: .4rem .8rem; border-radius: 6px;
           display: inline-block; margin: .4rem 0; }
.verdict.ok { background: #dafbe1; color: #116329; }
.verdict.bad { background: #ffebe9; color: #a40e26; }
.overview { display: flex; flex-wrap: wrap; gap: 0 3rem; }
.overview ul { padding-left: 1.2rem; margin: .3rem 0; }
.legend ul { list-style: none; padding: 0; margin: .3rem 0; }
.legend li { margin: .1rem 0; }
.mark, .tick { display: inline-block; min-width: 1.1em; text-align: center; font-weight: 700; }
.sym-ties { color: #1a7f37; }
.sym-rounding { color: #0969da; }
.sym-fails { color: #cf222e; }
.sym-unverified { color: #9a6700; }
.sym-unreadable { color: #bc4c00; }
.sym-nil { color: #818b98; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: .3rem 0; }
th, td { padding: .12rem .5rem; border-bottom: 1px solid #eaeef2; }
thead th { background: #f6f8fa; text-align: right; vertical-align: bottom; font-weight: 600;
           font-size: .85rem; border-bottom: 2px solid #d1d9e0; }
thead th:first-child { text-align: left; }
thead .unit { font-weight: normal; color: #59636e; }
tbody th { text-align: left; font-weight: normal; }
tr.section th { font-weight: 600; padding-top: .45rem; }
td.figure { text-align: right; white-space: nowrap; cursor: help; }
td.status-fails { background: #ffebe9; }
td.status-unreadable { background: #fff1e5; }
td.status-unverified { background: #fff8c5; }
td.suspect { background: #ffd8d3; box-shadow: inset 0 0 0 2px #cf222e; }
td.filled { box-shadow: inset 0 0 0 2px #1a7f37; }
.proposal { font-size: .8rem; font-weight: 600; color: #a40e26; }
td.filled .proposal { color: #116329; }
td.related { background: #ddf4ff; outline: 2px solid #0969da; outline-offset: -2px; }
.findings { padding-left: 1.2rem; margin: .2rem 0; }
.findings li { margin: .15rem 0; }
.severity { font-weight: 700; font-size: .8rem; }
.severity-fail { color: #cf222e; }
.severity-rounding, .severity-info { color: #0969da; }
.severity-incomplete { color: #bc4c00; }
.none { color: #59636e; margin: .2rem 0; }
footer { margin-top: 2rem; color: #59636e; font-size: .85rem; }
@media print { thead th { background: none; } td.related { outline: none; } }
)css";

// Hovering a figure or a finding outlines every figure of the checks
// behind it.
constexpr std::string_view html_script = R"js(
(function () {
  var byCheck = {};
  document.querySelectorAll('td[data-checks]').forEach(function (cell) {
    cell.getAttribute('data-checks').split(' ').forEach(function (id) {
      (byCheck[id] = byCheck[id] || []).push(cell);
    });
  });
  function outline(element, on) {
    element.getAttribute('data-checks').split(' ').forEach(function (id) {
      (byCheck[id] || []).forEach(function (cell) { cell.classList.toggle('related', on); });
    });
  }
  document.querySelectorAll('[data-checks]').forEach(function (element) {
    element.addEventListener('mouseenter', function () { outline(element, true); });
    element.addEventListener('mouseleave', function () { outline(element, false); });
  });
})();
)js";

// The CSS length a row label at `depth` section headings is indented by.
std::string indent(std::size_t depth) {
  return std::to_string(8 + 18 * depth) + "px";
}

void html_findings(std::string& html, const std::vector<const CheckResult*>& findings) {
  html += "<ul class=\"findings\">\n";
  for (const CheckResult* result : findings) {
    const std::string_view severity = severity_of(result->verdict);
    html.append("<li class=\"finding finding-")
        .append(severity)
        .append("\" data-checks=\"")
        .append(std::to_string(result->constraint.index()))
        .append("\"><span class=\"severity severity-")
        .append(severity)
        .append("\">")
        .append(upper(severity))
        .append("</span> ")
        .append(escape_html(result->explanation))
        .append("</li>\n");
  }
  html += "</ul>\n";
}

void html_table(std::string& html, const TieOut& tie_out, const ReportView& view,
                const TableView& table, std::size_t number) {
  const StatementGraph& graph = *tie_out.graph;
  const std::string anchor = "table-" + std::to_string(number);
  html.append("<section class=\"read-table\" id=\"").append(anchor).append("\">\n<h2>");
  html.append(escape_html(table_title(*table.read))).append("</h2>\n<p class=\"source\">");
  html.append(escape_html(source_line(graph, table)))
      .append(": ")
      .append(std::to_string(table.read->figures.size()))
      .append(" figures</p>\n");
  if (!table.rows.empty()) {
    html += "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Line item</th>";
    for (const Column& column : table.columns) {
      html.append("<th scope=\"col\" title=\"field ")
          .append(std::to_string(column.field))
          .append("\">")
          .append(escape_html(column.period))
          .append("<br><span class=\"unit\">")
          .append(escape_html(column.unit))
          .append("</span></th>");
    }
    html += "</tr></thead>\n<tbody>\n";
    const std::string span = std::to_string(table.columns.size() + 1);
    for (const Row& row : table.rows) {
      for (std::size_t h = 0; h < row.headings.size(); ++h) {
        html.append("<tr class=\"section\"><th colspan=\"")
            .append(span)
            .append("\" scope=\"rowgroup\" style=\"padding-left:")
            .append(indent(row.heading_depth + h))
            .append("\">")
            .append(escape_html(row.headings[h]))
            .append("</th></tr>\n");
      }
      html.append("<tr><th scope=\"row\" style=\"padding-left:")
          .append(indent(row.depth))
          .append("\">")
          .append(escape_html(graph.label(row.item)))
          .append("</th>");
      for (const std::optional<FigureId>& cell : row.cells) {
        if (!cell) {
          html += "<td></td>";
          continue;
        }
        const FigureId figure = *cell;
        const FigureStatus status = tie_out.status(figure);
        const std::string_view name = name_of(status);
        std::string title = graph.describe(figure) + ": " + std::string(name);
        const auto suspected = tie_out.solution.suspects_of(figure);
        const Filled* filled = tie_out.solution.filled_of(figure);
        const Suspect* best = nullptr;
        for (const Suspect* s : suspected) {
          if (!best || s->rank < best->rank) best = s;
        }
        if (best) {
          title.append("\nSuspect (rank ")
              .append(std::to_string(best->rank))
              .append(best->unique ? ", the only explanation" : ", not certain")
              .append("): everything ties with ")
              .append(best->text);
        }
        if (filled) title.append("\nFilled: the checks give ").append(filled->text);
        std::string checks;
        const auto& on_figure = view.checks_of[figure.index()];
        if (on_figure.empty()) title += "\nNo check bears on this figure.";
        for (const std::size_t i : on_figure) {
          const CheckResult& result = tie_out.checks.results[i];
          title.append("\n").append(upper(severity_of(result.verdict))).append(" ");
          title.append(result.explanation);
          if (!checks.empty()) checks += ' ';
          checks += std::to_string(result.constraint.index());
        }
        html.append("<td class=\"figure status-")
            .append(name)
            .append(best ? " suspect" : "")
            .append(filled ? " filled" : "")
            .append("\" data-figure-id=\"")
            .append(std::to_string(figure.index()))
            .append("\" data-status=\"")
            .append(name)
            .append("\"");
        if (best) html.append(" data-suspect=\"").append(std::to_string(best->rank)).append("\"");
        if (filled) html.append(" data-filled=\"").append(escape_html(filled->text)).append("\"");
        if (!checks.empty()) html.append(" data-checks=\"").append(checks).append("\"");
        html.append(" title=\"")
            .append(escape_html(title))
            .append("\">")
            .append(escape_html(graph.text(figure)))
            .append(" <span class=\"tick sym-")
            .append(name)
            .append("\" role=\"img\" aria-label=\"")
            .append(name)
            .append("\">")
            .append(mark_of(status).symbol)
            .append("</span>");
        if (best) {
          html.append(" <span class=\"proposal\">\u2192 ")
              .append(escape_html(best->text))
              .append(best->unique ? "" : "?")
              .append("</span>");
        }
        if (filled) {
          html.append(" <span class=\"proposal\">= ")
              .append(escape_html(filled->text))
              .append("</span>");
        }
        html.append("</td>");
      }
      html += "</tr>\n";
    }
    html += "</tbody>\n</table></div>\n";
  }
  html += "<h3>Findings</h3>\n";
  if (table.findings.empty()) {
    html += table.checks == 0
                ? std::string("<p class=\"none\">None: no checks.</p>\n")
                : "<p class=\"none\">None: " + std::to_string(table.checks) +
                      (table.checks == 1 ? " check passes" : " checks pass") + " exactly.</p>\n";
  } else {
    html_findings(html, table.findings);
  }
  if (!table.read->unplaced.empty()) {
    html += "<h3>Unplaced cells</h3>\n<ul class=\"findings\">\n";
    for (const UnplacedCell& cell : table.read->unplaced) {
      html.append("<li>")
          .append(escape_html(std::string(graph.path(table.document->document)) + ":" +
                              std::to_string(cell.line) + ":" + std::to_string(cell.column) +
                              " \u201c" + cell.text + "\u201d: " + cell.reason))
          .append("</li>\n");
    }
    html += "</ul>\n";
  }
  html += "</section>\n";
}

}  // namespace

std::string render_html(const TieOut& tie_out) {
  const Summary s = tie_out.summary();
  const ReportView view = report_view(tie_out);
  const std::string paths = paths_of(tie_out);
  std::string html;
  html.reserve(4096 + 2048 * tie_out.graph->figure_count());
  html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html.append("<meta name=\"generator\" content=\"tieout ")
      .append(version_string())
      .append("\">\n");
  html.append("<title>tieout: ").append(escape_html(paths)).append("</title>\n");
  html.append("<style>").append(html_style).append("</style>\n</head>\n<body>\n");
  html.append("<header>\n<h1>tieout report</h1>\n<p class=\"files\">")
      .append(escape_html(paths))
      .append("</p>\n<p class=\"verdict ")
      .append(tie_out.ties_out() ? "ok" : "bad")
      .append("\">")
      .append(escape_html(verdict_line(tie_out, s)))
      .append("</p>\n</header>\n");
  // The summary and the legend side by side.
  html += "<div class=\"overview\">\n<section class=\"summary\">\n<h2>Summary</h2>\n<ul>\n";
  html.append("<li>").append(std::to_string(s.figures)).append(" figures read</li>\n");
  html.append("<li>").append(checks_line(s)).append("</li>\n");
  html.append("<li>")
      .append(std::to_string(s.unreadable))
      .append(" unreadable, ")
      .append(std::to_string(s.unverified))
      .append(" unverified figures</li>\n");
  html.append("<li>").append(std::to_string(s.unplaced)).append(" unplaced cells</li>\n");
  html += "</ul>\n</section>\n<section class=\"legend\">\n<h2>Legend</h2>\n<ul>\n";
  for (const Mark& mark : marks) {
    const std::string_view name = name_of(mark.status);
    html.append("<li data-legend=\"")
        .append(name)
        .append("\"><span class=\"mark sym-")
        .append(name)
        .append("\">")
        .append(mark.symbol)
        .append("</span> <b>")
        .append(name)
        .append("</b> (")
        .append(std::to_string(view.status_counts[static_cast<std::size_t>(mark.status)]))
        .append("): ")
        .append(escape_html(mark.meaning))
        .append("</li>\n");
  }
  html +=
      "</ul>\n<p class=\"none\">Hover over a figure for the checks behind it; the figures of "
      "those checks are outlined.</p>\n</section>\n";
  if (!view.tables.empty()) {
    html += "<nav class=\"contents\">\n<h2>Tables</h2>\n<ol>\n";
    for (std::size_t t = 0; t < view.tables.size(); ++t) {
      const TableView& table = view.tables[t];
      html.append("<li><a href=\"#table-")
          .append(std::to_string(t + 1))
          .append("\">")
          .append(escape_html(table_title(*table.read)))
          .append("</a>: ")
          .append(std::to_string(table.read->figures.size()))
          .append(" figures, ")
          .append(std::to_string(table.findings.size()))
          .append(table.findings.size() == 1 ? " finding" : " findings")
          .append("</li>\n");
    }
    html += "</ol>\n</nav>\n";
  }
  html += "</div>\n";
  for (std::size_t t = 0; t < view.tables.size(); ++t) {
    html_table(html, tie_out, view, view.tables[t], t + 1);
  }
  if (const std::string solved = solution_text(tie_out); !solved.empty()) {
    html +=
        "<section class=\"solution\">\n<h2>What the solver found</h2>\n<ul class=\"findings\">\n";
    for (std::size_t at = 0; at < solved.size();) {
      const std::size_t end = solved.find('\n', at);
      html.append("<li>").append(escape_html(solved.substr(at, end - at))).append("</li>\n");
      at = end + 1;
    }
    html += "</ul>\n</section>\n";
  }
  if (!view.other_findings.empty()) {
    html += "<section>\n<h2>Other findings</h2>\n";
    html_findings(html, view.other_findings);
    html += "</section>\n";
  }
  html.append("<footer>tieout ").append(version_string()).append("</footer>\n");
  html.append("<script>").append(html_script).append("</script>\n</body>\n</html>\n");
  return html;
}

std::string render_markdown(const TieOut& tie_out) {
  const StatementGraph& graph = *tie_out.graph;
  const Summary s = tie_out.summary();
  const ReportView view = report_view(tie_out);
  std::string md = "# tieout report\n\n";
  md.append(escape_markdown(paths_of(tie_out))).append("\n\n");
  md.append("**").append(escape_markdown(verdict_line(tie_out, s))).append("**\n\n");
  md.append("- ").append(std::to_string(s.figures)).append(" figures read\n");
  md.append("- ").append(checks_line(s)).append("\n");
  md.append("- ")
      .append(std::to_string(s.unreadable))
      .append(" unreadable, ")
      .append(std::to_string(s.unverified))
      .append(" unverified figures\n");
  md.append("- ").append(std::to_string(s.unplaced)).append(" unplaced cells\n\n");
  md += "Marks:";
  for (const Mark& mark : marks) {
    md.append(" ").append(mark.symbol).append(" ").append(name_of(mark.status));
    if (&mark != &marks.back()) md += ",";
  }
  md += ".\n";
  for (const TableView& table : view.tables) {
    md.append("\n## ").append(escape_markdown(table_title(*table.read))).append("\n\n");
    md.append(escape_markdown(source_line(graph, table))).append("\n\n");
    if (!table.rows.empty()) {
      md += "| Line item |";
      for (const Column& column : table.columns) {
        md.append(" ")
            .append(escape_markdown(column.period))
            .append(" (")
            .append(escape_markdown(column.unit))
            .append(") |");
      }
      md += "\n| :--- |";
      for (std::size_t c = 0; c < table.columns.size(); ++c)
        md += " ---: |";
      md += "\n";
      const std::string empty_cells = [&] {
        std::string cells;
        for (std::size_t c = 0; c < table.columns.size(); ++c)
          cells += "  |";
        return cells;
      }();
      for (const Row& row : table.rows) {
        for (const std::string& heading : row.headings) {
          md.append("| **").append(escape_markdown(heading)).append("** |").append(empty_cells);
          md += "\n";
        }
        md.append("| ").append(escape_markdown(graph.label(row.item))).append(" |");
        for (const std::optional<FigureId>& cell : row.cells) {
          if (!cell) {
            md += "  |";
            continue;
          }
          md.append(" ")
              .append(escape_markdown(graph.text(*cell)))
              .append(" ")
              .append(mark_of(tie_out.status(*cell)).symbol);
          for (const Suspect* suspect : tie_out.solution.suspects_of(*cell)) {
            if (suspect->rank != 1) continue;
            md.append(" \u2192 ")
                .append(escape_markdown(suspect->text))
                .append(suspect->unique ? "" : "?");
            break;
          }
          if (const Filled* f = tie_out.solution.filled_of(*cell)) {
            md.append(" = ").append(escape_markdown(f->text));
          }
          md.append(" |");
        }
        md += "\n";
      }
    }
    if (table.findings.empty() && !table.rows.empty()) {
      md += table.checks == 0
                ? std::string("\nFindings: none; no checks.\n")
                : "\nFindings: none; " + std::to_string(table.checks) +
                      (table.checks == 1 ? " check passes" : " checks pass") + " exactly.\n";
    } else if (!table.findings.empty()) {
      md += "\nFindings:\n\n";
      for (const CheckResult* result : table.findings) {
        md.append("- **")
            .append(upper(severity_of(result->verdict)))
            .append("** ")
            .append(escape_markdown(result->explanation))
            .append("\n");
      }
    }
    if (!table.read->unplaced.empty()) {
      md += "\nUnplaced cells:\n\n";
      for (const UnplacedCell& cell : table.read->unplaced) {
        md.append("- ")
            .append(escape_markdown(std::string(graph.path(table.document->document)) + ":" +
                                    std::to_string(cell.line) + ":" + std::to_string(cell.column) +
                                    " \u201c" + cell.text + "\u201d: " + cell.reason))
            .append("\n");
      }
    }
  }
  if (const std::string solved = solution_text(tie_out); !solved.empty()) {
    md += "\n## What the solver found\n\n";
    for (std::size_t at = 0; at < solved.size();) {
      const std::size_t end = solved.find('\n', at);
      md.append("- ").append(escape_markdown(solved.substr(at, end - at))).append("\n");
      at = end + 1;
    }
  }
  if (!view.other_findings.empty()) {
    md += "\n## Other findings\n\n";
    for (const CheckResult* result : view.other_findings) {
      md.append("- **")
          .append(upper(severity_of(result->verdict)))
          .append("** ")
          .append(escape_markdown(result->explanation))
          .append("\n");
    }
  }
  return md;
}

TIEOUT_END_NAMESPACE
