// Solver latency: synthetic statements of quarterly tables (nine lines and
// their total, four quarters and the year: every column foots, every row's
// quarters add up to its year) with a few figures changed by one digit.
// Each size is measured three ways in the same run: check() alone (the
// baseline), solve() on check()'s report, and both, as a report does.
// scripts/bench prints the ratios.
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "tieout/check.hpp"
#include "tieout/constraint.hpp"
#include "tieout/graph.hpp"
#include "tieout/solver.hpp"

namespace {

using namespace std::chrono_literals;

constexpr std::size_t lines = 9;
constexpr std::size_t columns = 5;                                // Q1-Q4 and the year
constexpr std::size_t figures_per_table = (lines + 1) * columns;  // 50

struct Statement {
  tieout::StatementGraph graph;
  std::unique_ptr<tieout::ConstraintSet> constraints;
  tieout::CheckReport report;
};

// `tables` tables, `errors` of them with one figure changed by one digit.
std::unique_ptr<Statement> build(std::size_t tables, std::size_t errors) {
  auto s = std::make_unique<Statement>();
  std::mt19937_64 engine(20241119);
  std::uniform_int_distribution<std::int64_t> amount(1'000, 999'999);
  const auto document = s->graph.add_document("synthetic.txt");
  const auto unit = tieout::Unit::money(tieout::Currency("CNY"));
  const tieout::Period periods[columns] = {tieout::Duration::months_ended(2024y / 3 / 31, 3),
                                           tieout::Duration::months_ended(2024y / 6 / 30, 3),
                                           tieout::Duration::months_ended(2024y / 9 / 30, 3),
                                           tieout::Duration::months_ended(2024y / 12 / 31, 3),
                                           tieout::Duration::months_ended(2024y / 12 / 31, 12)};
  s->constraints = std::make_unique<tieout::ConstraintSet>(s->graph);
  std::uint32_t line_number = 1;
  const std::size_t spacing = errors == 0 ? tables + 1 : tables / errors;
  for (std::size_t t = 0; t < tables; ++t) {
    const auto table =
        s->graph.add_table(document, "table " + std::to_string(t), tieout::TableKind::other);
    std::int64_t values[lines + 1][columns] = {};
    for (std::size_t l = 0; l < lines; ++l) {
      for (std::size_t q = 0; q < 4; ++q) {
        values[l][q] = amount(engine);
        values[l][4] += values[l][q];
      }
      for (std::size_t c = 0; c < columns; ++c)
        values[lines][c] += values[l][c];
    }
    // One error every `spacing` tables: line 3 of Q2 one digit off (the
    // thousands digit moved by one, wrapping 9 to 8).
    if (errors > 0 && t % spacing == spacing / 2 && t / spacing < errors) {
      const std::int64_t digit = (values[3][1] / 1000) % 10;
      values[3][1] += digit == 9 ? -1000 : 1000;
    }
    tieout::FigureId ids[lines + 1][columns];
    for (std::size_t l = 0; l <= lines; ++l) {
      const auto item = s->graph.add_line_item(table, "line " + std::to_string(l));
      for (std::size_t c = 0; c < columns; ++c) {
        ids[l][c] = s->graph.add_figure(item, periods[c], unit, std::to_string(values[l][c]),
                                        {document, line_number, static_cast<std::uint32_t>(c + 2)},
                                        tieout::Scale::thousands);
      }
      ++line_number;
    }
    for (std::size_t c = 0; c < columns; ++c) {
      std::vector<tieout::FigureId> parts;
      for (std::size_t l = 0; l < lines; ++l)
        parts.push_back(ids[l][c]);
      s->constraints->add_footing(ids[lines][c], parts);
    }
    for (std::size_t l = 0; l <= lines; ++l) {
      const tieout::FigureId quarters[] = {ids[l][0], ids[l][1], ids[l][2], ids[l][3]};
      s->constraints->add_period_sum(ids[l][4], quarters);
    }
  }
  tieout::CheckOptions options;
  options.explain = false;
  s->report = tieout::check(*s->constraints, options);
  return s;
}

const Statement& small() {  // 6 tables: 300 figures, 2 errors
  static const auto s = build(6, 2);
  return *s;
}
const Statement& medium() {  // 200 tables: 10,000 figures, 5 errors
  static const auto s = build(200, 5);
  return *s;
}
const Statement& large() {  // 2,000 tables: 100,000 figures, 10 errors
  static const auto s = build(2'000, 10);
  return *s;
}

void run_check(benchmark::State& state, const Statement& s) {
  tieout::CheckOptions options;
  options.explain = false;
  for (auto _ : state)
    benchmark::DoNotOptimize(tieout::check(*s.constraints, options));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.graph.figure_count()));
  state.SetLabel("baseline");
}

void run_solve(benchmark::State& state, const Statement& s, std::size_t errors) {
  for (auto _ : state) {
    const auto solution = tieout::solve(*s.constraints, s.report);
    if (solution.best().size() != errors) state.SkipWithError("errors not found");
    benchmark::DoNotOptimize(solution);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.graph.figure_count()));
}

void run_both(benchmark::State& state, const Statement& s) {
  tieout::CheckOptions options;
  options.explain = false;
  for (auto _ : state) {
    const auto report = tieout::check(*s.constraints, options);
    benchmark::DoNotOptimize(tieout::solve(*s.constraints, report));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.graph.figure_count()));
}

void BM_Solve300_By_Check(benchmark::State& state) {
  run_check(state, small());
}
void BM_Solve300_By_Solve(benchmark::State& state) {
  run_solve(state, small(), 2);
}
void BM_Solve300_By_CheckAndSolve(benchmark::State& state) {
  run_both(state, small());
}
void BM_Solve10k_By_Check(benchmark::State& state) {
  run_check(state, medium());
}
void BM_Solve10k_By_Solve(benchmark::State& state) {
  run_solve(state, medium(), 5);
}
void BM_Solve10k_By_CheckAndSolve(benchmark::State& state) {
  run_both(state, medium());
}
void BM_Solve100k_By_Check(benchmark::State& state) {
  run_check(state, large());
}
void BM_Solve100k_By_Solve(benchmark::State& state) {
  run_solve(state, large(), 10);
}
void BM_Solve100k_By_CheckAndSolve(benchmark::State& state) {
  run_both(state, large());
}
BENCHMARK(BM_Solve300_By_Check)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Solve300_By_Solve)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Solve300_By_CheckAndSolve)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Solve10k_By_Check)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Solve10k_By_Solve)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Solve10k_By_CheckAndSolve)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Solve100k_By_Check)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Solve100k_By_Solve)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Solve100k_By_CheckAndSolve)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
