// Checking throughput: a synthetic statement graph of a million figures in
// footings of ten terms (nine lines and their total), against a plain loop
// that sums the same values as int64 in the same run. scripts/bench prints
// the ratio.
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "tieout/check.hpp"
#include "tieout/constraint.hpp"
#include "tieout/graph.hpp"

namespace {

using namespace std::chrono_literals;

constexpr std::size_t lines_per_footing = 9;
constexpr std::size_t figure_count = 1'000'000;
constexpr std::size_t footing_count = figure_count / (lines_per_footing + 1);

// Nine random amounts in thousands and their exact total, per footing.
const std::vector<std::int64_t>& amounts() {
  static const std::vector<std::int64_t> values = [] {
    std::mt19937_64 engine(20241119);
    std::uniform_int_distribution<std::int64_t> amount(-9'999'999, 9'999'999);
    std::vector<std::int64_t> result;
    result.reserve(figure_count);
    for (std::size_t f = 0; f < footing_count; ++f) {
      std::int64_t total = 0;
      for (std::size_t line = 0; line < lines_per_footing; ++line) {
        result.push_back(amount(engine));
        total += result.back();
      }
      result.push_back(total);
    }
    return result;
  }();
  return values;
}

struct Synthetic {
  tieout::StatementGraph graph;
  std::unique_ptr<tieout::ConstraintSet> constraints;
};

const Synthetic& synthetic() {
  static const Synthetic built = [] {
    Synthetic s;
    const auto document = s.graph.add_document("synthetic.txt");
    const auto table = s.graph.add_table(document, "synthetic", tieout::TableKind::other);
    const auto item = s.graph.add_line_item(table, "line");
    const tieout::Period period = tieout::Duration::months_ended(2024y / 9 / 30, 3);
    const tieout::Unit unit = tieout::Unit::money(tieout::Currency("CNY"));
    s.constraints = std::make_unique<tieout::ConstraintSet>(s.graph);
    const auto& values = amounts();
    std::vector<tieout::FigureId> parts;
    for (std::size_t f = 0; f < footing_count; ++f) {
      parts.clear();
      for (std::size_t line = 0; line <= lines_per_footing; ++line) {
        const std::size_t index = f * (lines_per_footing + 1) + line;
        const auto id = s.graph.add_figure(item, period, unit, std::to_string(values[index]),
                                           {document, static_cast<std::uint32_t>(index + 1), 2},
                                           tieout::Scale::thousands);
        if (line < lines_per_footing)
          parts.push_back(id);
        else
          s.constraints->add_footing(id, parts);
      }
    }
    return s;
  }();
  return built;
}

void BM_CheckFootings_By_Int64(benchmark::State& state) {
  // Baseline: the same footings as a plain loop over raw int64 values.
  const auto& values = amounts();
  for (auto _ : state) {
    std::size_t tied = 0;
    for (std::size_t f = 0; f < footing_count; ++f) {
      const std::int64_t* row = &values[f * (lines_per_footing + 1)];
      std::int64_t sum = 0;
      for (std::size_t line = 0; line < lines_per_footing; ++line)
        sum += row[line];
      tied += sum == row[lines_per_footing];
    }
    benchmark::DoNotOptimize(tied);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * figure_count));
  state.SetLabel("baseline");
}
BENCHMARK(BM_CheckFootings_By_Int64);

void BM_CheckFootings_By_Check(benchmark::State& state) {
  const Synthetic& s = synthetic();
  tieout::CheckOptions options;
  options.explain = false;
  for (auto _ : state) {
    const auto report = tieout::check(*s.constraints, options);
    if (report.count(tieout::Verdict::pass) != footing_count) state.SkipWithError("did not tie");
    benchmark::DoNotOptimize(report);
  }
  // One term per figure: items are constraint terms.
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * figure_count));
}
BENCHMARK(BM_CheckFootings_By_Check)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
