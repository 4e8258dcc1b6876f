// lib/compare.cpp - facts stated in several documents.
#include "tieout/compare.hpp"

#include <map>
#include <string>
#include <tuple>

TIEOUT_BEGIN_NAMESPACE
namespace {

using Fact = std::tuple<std::string, std::string, std::string>;  // key, period, unit

// The facts a document states exactly once (a key repeated in a period,
// such as "Prepayments and other assets" under current and non-current
// assets, cannot be paired and is left out).
std::map<Fact, FigureId> unique_facts(const StatementGraph& graph, const ReadDocument& read) {
  std::map<Fact, FigureId> once;
  std::map<Fact, int> seen;
  for (const ReadTable& table : read.tables) {
    for (const FigureId figure : table.figures) {
      if (graph.state(figure) != FigureState::value) continue;
      const Fact fact{std::string(graph.key(graph.line_item(figure))),
                      graph.period(figure).to_string(), graph.unit(figure).to_string()};
      // The same fact in two tables of one document is one statement of it.
      const auto [it, added] = once.try_emplace(fact, figure);
      if (!added && graph.value(it->second) != graph.value(figure)) ++seen[fact];
    }
  }
  for (const auto& [fact, conflicts] : seen)
    once.erase(fact);
  return once;
}

// Two figures equal but for a power of 1,000: one table's scale ("in
// thousands") was not read. Comparing them would report the reader's slip as
// a restatement, so they are not compared.
bool scales_disagree(const StatementGraph& graph, FigureId a, FigureId b) {
  const Decimal x = graph.value(a)->abs(), y = graph.value(b)->abs();
  if (x == y || x.is_zero() || y.is_zero()) return false;
  for (const int exponent : {3, 6, 9}) {
    if (x.shifted(exponent) == y || y.shifted(exponent) == x) return true;
  }
  return false;
}

}  // namespace

std::size_t compare_documents(const std::vector<ReadDocument>& documents,
                              ConstraintSet& constraints) {
  const StatementGraph& graph = constraints.graph();
  std::vector<std::map<Fact, FigureId>> facts;
  for (const ReadDocument& read : documents)
    facts.push_back(unique_facts(graph, read));
  std::size_t added = 0;
  for (std::size_t later = 1; later < facts.size(); ++later) {
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      for (const auto& [fact, figure] : facts[later]) {
        const auto other = facts[earlier].find(fact);
        if (other == facts[earlier].end() || scales_disagree(graph, figure, other->second)) {
          continue;
        }
        constraints.add_equality(figure, other->second);
        ++added;
      }
    }
  }
  return added;
}

TIEOUT_END_NAMESPACE
