// tieout/audit.hpp - the whole pipeline: filings in, a tie-out out.
//
// An Audit owns a statement graph and its constraints. Each filing added is
// split into tables and prose (text_document.hpp), its tables read into the
// graph (reader.hpp), the arithmetic their layout states inferred
// (infer.hpp) and the figures of its prose tied to the tables
// (narrative.hpp). run() then compares the documents with one another
// (compare.hpp), checks everything (check.hpp, report.hpp) and explains
// what fails (solver.hpp).
//
//   tieout::Audit audit;
//   if (auto added = audit.add_file("release.txt"); !added) fail(added.error());
//   const tieout::TieOut tie_out = audit.run();
//
// Related: report.hpp (what run() gives). Stability: experimental.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tieout/check.hpp"
#include "tieout/constraint.hpp"
#include "tieout/graph.hpp"
#include "tieout/id.hpp"
#include "tieout/reader.hpp"
#include "tieout/report.hpp"
#include "tieout/result.hpp"
#include "tieout/rules.hpp"
#include "tieout/solver.hpp"
#include "tieout/text_document.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// One tie-out of one or more filings: read, infer, compare, check, solve.
/// Not thread-safe; separate audits share nothing. A TieOut from run()
/// borrows the audit's graph and constraints: keep the audit alive, and
/// unchanged, while it is used.
class Audit {
 public:
  /// An audit with no documents and no rules.
  Audit();
  /// Moves keep the graph, the constraints and a TieOut borrowing them valid:
  /// they live behind pointers. Not copyable.
  ///@{
  Audit(Audit&&) noexcept;
  Audit& operator=(Audit&&) noexcept;
  ///@}
  ~Audit();

  /// Reads the filing at `path`. Fails, with where and why, on a file that
  /// cannot be read as text (text_document.hpp), holds no table, or is
  /// added after run().
  result<DocumentId, ReadError> add_file(const std::string& path);
  /// The same for a filing's text already in memory, named `path`.
  result<DocumentId, ReadError> add_text(std::string path, std::string_view content);

  /// The override file's rules (rules.hpp), before any document is added:
  /// they apply to each document as it is read, and at compare().
  void set_rules(Rules rules) { rules_ = std::move(rules); }

  /// Compares the documents added with one another and applies the rules'
  /// drops and additions, once: documents added afterwards are refused.
  /// Fails on a rule that applies nowhere. Returns the constraints added.
  result<std::size_t, ReadError> compare();

  /// Compares (when compare() has not run; a rules error then throws
  /// domain_error), checks every constraint and solves (solver.hpp):
  /// suspects, filled unknowns, coverage.
  TieOut run(const CheckOptions& options = {}, const SolveOptions& solve_options = {});

  /// What was read of each document, in the order added.
  const std::vector<ReadDocument>& documents() const noexcept { return documents_; }
  /// The graph and the constraints, for figures and rules of one's own
  /// (audit scripts) and what-if analysis (StatementGraph::set_text).
  ///@{
  StatementGraph& graph() noexcept { return *graph_; }
  const StatementGraph& graph() const noexcept { return *graph_; }
  ConstraintSet& constraints() noexcept { return *constraints_; }
  const ConstraintSet& constraints() const noexcept { return *constraints_; }
  ///@}

 private:
  result<DocumentId, ReadError> add(const TextDocument& text);

  // Behind pointers so that the set's pointer to its graph survives a move.
  std::unique_ptr<StatementGraph> graph_;
  std::unique_ptr<ConstraintSet> constraints_;
  std::vector<ReadDocument> documents_;
  Rules rules_;
  bool compared_ = false;
};

TIEOUT_END_NAMESPACE
