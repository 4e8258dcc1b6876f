// lib/report.cpp - rendering a tie-out as text and as JSON.
#include "tieout/report.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

TIEOUT_BEGIN_NAMESPACE
namespace {

// The figures a constraint bears on.
std::vector<FigureId> figures_of(const ConstraintSet& constraints, ConstraintId id) {
  const auto row = constraints.figures(id);
  std::vector<FigureId> figures(row.begin(), row.end());
  if (constraints.kind(id) == ConstraintKind::ratio) {
    const auto& ratio = constraints.ratio(id);
    for (const Term& term : ratio.numerator)
      figures.push_back(term.figure);
    for (const Term& term : ratio.denominator)
      figures.push_back(term.figure);
  }
  return figures;
}

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

}  // namespace

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

TieOut::TieOut(const ConstraintSet& constraint_set, std::vector<ReadDocument> read)
    : graph(&constraint_set.graph()),
      constraints(&constraint_set),
      documents(std::move(read)),
      checks(check(constraint_set)) {
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
    for (const FigureId figure : figures_of(*constraints, result.constraint)) {
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
  for (const ReadDocument& document : documents) {
    for (const ReadTable& table : document.tables)
      s.unplaced += table.unplaced.size();
  }
  return s;
}

std::string render_text(const TieOut& tie_out) {
  const StatementGraph& graph = *tie_out.graph;
  const Summary s = tie_out.summary();
  std::string text =
      "tieout " + std::to_string(TIEOUT_VERSION_MAJOR) + "." +
      std::to_string(TIEOUT_VERSION_MINOR) + "." + std::to_string(TIEOUT_VERSION_PATCH) + ": " +
      std::to_string(s.figures) + " figures read, " + std::to_string(s.checks) +
      " checks: " + std::to_string(s.passed) + " passed, " + std::to_string(s.rounding) +
      " rounding only, " + std::to_string(s.failed) + " failed, " + std::to_string(s.incomplete) +
      " incomplete, " + std::to_string(s.info) + " info; " + std::to_string(s.unreadable) +
      " unreadable, " + std::to_string(s.unverified) + " unverified, " +
      std::to_string(s.unplaced) + " unplaced cells\n";
  text += tie_out.ties_out() ? "Ties out.\n"
                             : "Does not tie out: " + std::to_string(s.failed) + " failed check" +
                                   (s.failed == 1 ? "" : "s") + ".\n";
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
      std::string severity(severity_of(result->verdict));
      std::transform(severity.begin(), severity.end(), severity.begin(),
                     [](char c) { return static_cast<char>(std::toupper(c)); });
      text.append("  ").append(severity).append(" ").append(result->explanation).append("\n");
    }
  }
  // Figures no check could use, then figures no check bears on: what an
  // auditor would still have to tick by hand.
  for (const FigureStatus listed : {FigureStatus::unreadable, FigureStatus::unverified}) {
    bool first = true;
    for (std::uint32_t i = 0; i < graph.figure_count(); ++i) {
      if (tie_out.status(FigureId(i)) != listed) continue;
      if (first) text.append("\n");
      first = false;
      std::string label(name_of(listed));
      std::transform(label.begin(), label.end(), label.begin(),
                     [](char c) { return static_cast<char>(std::toupper(c)); });
      text.append(label).append(" ").append(graph.describe(FigureId(i))).append("\n");
    }
  }
  bool first_unplaced = true;
  for (const ReadDocument& document : tie_out.documents) {
    for (const ReadTable& table : document.tables) {
      for (const UnplacedCell& cell : table.unplaced) {
        if (first_unplaced) text.append("\n");
        first_unplaced = false;
        text.append("UNPLACED ")
            .append(graph.path(document.document))
            .append(":")
            .append(std::to_string(cell.line))
            .append(":")
            .append(std::to_string(cell.column))
            .append(" \"")
            .append(cell.text)
            .append("\": ")
            .append(cell.reason)
            .append("\n");
      }
    }
  }
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
  report["summary"] = {
      {"figures", s.figures},   {"checks", s.checks},         {"passed", s.passed},
      {"rounding", s.rounding}, {"failed", s.failed},         {"incomplete", s.incomplete},
      {"info", s.info},         {"unreadable", s.unreadable}, {"unverified", s.unverified},
      {"unplaced", s.unplaced}};
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
  }
  report["figures"] = std::move(figures);
  json findings = json::array();
  for (const CheckResult& result : tie_out.checks.results) {
    if (result.verdict == Verdict::pass) continue;
    json ids = json::array();
    for (const FigureId figure : figures_of(*tie_out.constraints, result.constraint)) {
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
  return report.dump(2) + "\n";
}

TIEOUT_END_NAMESPACE
