// tieout/report.hpp - a tie-out as people and programs read it.
//
// A TieOut gathers what was read (documents, tables, unplaced cells), the
// constraints and how each check ended, and gives every figure a status:
// ties, rounding, fails, unverified (no check bears on it), unreadable, or
// nil; and it solves (solver.hpp): which figures are suspect and what they
// should be, which unreadable figures the checks determine. It renders as text for people, as JSON
// for programs, and as HTML and Markdown that redraw each table with a tick mark on every figure;
// the JSON schema is versioned ("tieout-report/1", docs/report-schema.md) and changes only with a
// new version.
//
// Related: check.hpp, reader.hpp. Stability: experimental (the JSON schema
// is stable).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tieout/check.hpp"
#include "tieout/constraint.hpp"
#include "tieout/graph.hpp"
#include "tieout/reader.hpp"
#include "tieout/solver.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// The JSON report's schema name and version.
inline constexpr std::string_view report_schema = "tieout-report/1";

/// A figure's standing after the checks.
enum class FigureStatus : std::uint8_t {
  ties = 0,        ///< every check on it passes
  rounding = 1,    ///< a check on it holds only within rounding, none fails
  fails = 2,       ///< a check on it fails
  unverified = 3,  ///< no check bears on it
  unreadable = 4,  ///< its text is not a figure
  nil = 5,         ///< a dash that no check uses
};

/// "ties", "rounding", "fails", "unverified", "unreadable", "nil".
std::string_view name_of(FigureStatus status) noexcept;

/// What a report counts.
struct Summary {
  std::size_t figures = 0;           ///< figures read (and added), of every state
  std::size_t checks = 0;            ///< constraints checked; the next five split them
  std::size_t passed = 0;            ///< exactly, on the printed values
  std::size_t rounding = 0;          ///< only within the figures' rounding
  std::size_t failed = 0;            ///< no values the figures stand for satisfy them
  std::size_t incomplete = 0;        ///< a figure they need is unreadable
  std::size_t info = 0;              ///< consistent but notable (see Verdict::info)
  std::size_t unreadable = 0;        ///< figures whose text is not a figure
  std::size_t unverified = 0;        ///< figures with a value that no check bears on
  std::size_t unplaced = 0;          ///< table cells whose column has no period or unit
  std::size_t narrative = 0;         ///< figures found in prose
  std::size_t narrative_linked = 0;  ///< of those, linked to the tables and checked
  std::size_t suspects = 0;          ///< figures the best explanations change
  std::size_t filled = 0;            ///< unknown figures the checks determine
};

/// Everything a report shows. The graph and constraints must outlive it.
struct TieOut {
  const StatementGraph* graph = nullptr;       ///< the constraints' graph, borrowed
  const ConstraintSet* constraints = nullptr;  ///< borrowed, as given to the constructor
  std::vector<ReadDocument> documents;         ///< what was read, for the tables redrawn
  CheckReport checks;                          ///< one result per constraint
  /// What the solver makes of the checks: suspects, filled figures,
  /// coverage.
  Solution solution;

  /// Checks `constraints`, sets every figure's status and solves
  /// (`solve_options.check` is replaced by `options`).
  TieOut(const ConstraintSet& constraints, std::vector<ReadDocument> documents,
         const CheckOptions& options = {}, SolveOptions solve_options = {});

  /// The worst of the checks on the figure (fails over rounding over ties),
  /// or what it is when none bears on it.
  FigureStatus status(FigureId figure) const { return status_[figure.index()]; }
  /// The counts, computed afresh on each call (a pass over the figures).
  Summary summary() const;
  /// True when nothing failed.
  bool ties_out() const { return checks.count(Verdict::fail) == 0; }

 private:
  std::vector<FigureStatus> status_;
};

/// The counts of a summary as the text report's first line states them:
/// "586 figures read, 484 checks: 341 passed, 143 rounding only, 0 failed,
/// ...".
std::string summary_line(const Summary& summary);

/// A finding as the text report prints it: its severity, then the check's
/// explanation ("FAIL footing: Total revenues 1,260 (file:8:3) against ...;
/// difference 10, tolerance 1.5: does not tie ...").
std::string describe_finding(const TieOut& tie_out, ConstraintId constraint);

/// A suspect as the text report prints it: "suspect: FILE:LINE:COLUMN:
/// printed 43,272; everything ties with 43,227 (transposition)", or
/// "suspect (one of 3 equally likely explanations, not certain): ..." when
/// it is not the one best explanation.
std::string describe_suspect(const TieOut& tie_out, const Suspect& suspect);

/// The report as text: a summary, the findings (every check but those that
/// pass) grouped by the table of their first figure, then what the solver
/// found (suspects with the value that makes everything tie, filled and
/// free unknowns, contradictions in the rules), then the unreadable and the
/// unverified figures, then the cells that could not be placed.
std::string render_text(const TieOut& tie_out);

/// The report as JSON, schema "tieout-report/1".
std::string render_json(const TieOut& tie_out);

/// The report as one self-contained HTML page (inline CSS and script, no
/// external resources): the summary and a legend, then every read table
/// redrawn, one row per line item and one column per source column, each
/// figure followed by a tick mark for its status (ties ✓, rounding ≈,
/// fails ✗, unverified ?, unreadable ⚠, nil ∅), the checks behind it on
/// hover, and the table's findings under it. Every figure cell carries
/// data-figure-id and data-status; its mark has the class "tick". A suspect
/// figure's cell also carries data-suspect (its best rank) and shows the
/// proposed value; a filled one carries data-filled and shows the value.
std::string render_html(const TieOut& tie_out);

/// The report as GitHub-flavoured Markdown: the summary, then per read table
/// a Markdown table of its figures with the same tick marks, its findings as
/// a list, and its unplaced cells.
std::string render_markdown(const TieOut& tie_out);

TIEOUT_END_NAMESPACE
