// Benchmarks of the exact decimal core, each against a baseline in the same
// run: scripts/bench prints every benchmark's time as a ratio to the one
// labelled "baseline" in its group (BM_<Group>_By_<How>).
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/multiprecision/cpp_dec_float.hpp>

#include "tieout/decimal.hpp"
#include "tieout/decimal_array.hpp"
#include "tieout/printed_figure.hpp"

namespace {

constexpr std::size_t figure_count = 1'000'000;

// Amounts as a statement in thousands prints them: up to ten digits, signed.
const std::vector<std::int64_t>& amounts() {
  static const std::vector<std::int64_t> values = [] {
    std::mt19937_64 engine(20241119);
    std::uniform_int_distribution<std::int64_t> amount(-9'999'999'999, 9'999'999'999);
    std::vector<std::int64_t> result(figure_count);
    for (auto& value : result)
      value = amount(engine);
    return result;
  }();
  return values;
}

void BM_Sum_By_Int64(benchmark::State& state) {
  const auto& values = amounts();
  for (auto _ : state) {
    benchmark::DoNotOptimize(std::accumulate(values.begin(), values.end(), std::int64_t{0}));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
  state.SetLabel("baseline");
}
BENCHMARK(BM_Sum_By_Int64);

// The amounts as Decimals at two decimal places, in `Container`.
template <class Container>
Container decimal_amounts() {
  Container values;
  values.reserve(figure_count);
  for (const std::int64_t amount : amounts()) {
    values.push_back(tieout::Decimal::from_coefficient(amount, 2));
  }
  return values;
}

// The same figures as Decimals, summed by tieout::sum.
void BM_Sum_By_Decimal(benchmark::State& state) {
  const auto values = decimal_amounts<std::vector<tieout::Decimal>>();
  for (auto _ : state)
    benchmark::DoNotOptimize(tieout::sum(values));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_Sum_By_Decimal);

// The same Decimals in column form (what the statement graph stores).
void BM_Sum_By_DecimalArray(benchmark::State& state) {
  const auto values = decimal_amounts<tieout::DecimalArray>();
  for (auto _ : state)
    benchmark::DoNotOptimize(tieout::sum(values));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_Sum_By_DecimalArray);

// Folding operator+: every addition overflow-checked on its own.
void BM_Sum_By_DecimalPlus(benchmark::State& state) {
  const auto values = decimal_amounts<std::vector<tieout::Decimal>>();
  for (auto _ : state) {
    tieout::Decimal total;
    for (const auto& value : values)
      total += value;
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_Sum_By_DecimalPlus);

void BM_Sum_By_CppDecFloat50(benchmark::State& state) {
  using boost::multiprecision::cpp_dec_float_50;
  std::vector<cpp_dec_float_50> values;
  values.reserve(figure_count);
  for (const std::int64_t amount : amounts())
    values.emplace_back(cpp_dec_float_50(amount) / 100);
  for (auto _ : state) {
    cpp_dec_float_50 total = 0;
    for (const auto& value : values)
      total += value;
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_Sum_By_CppDecFloat50)->Unit(benchmark::kMillisecond);

// Cells as the seed filings print them, parsing with and without the
// printed-figure grammar.
const std::vector<std::string>& cells() {
  static const std::vector<std::string> values = [] {
    const char* forms[] = {
        "1,625,208", "(1,428,968)",        "303,354",       "43,227",    "12.1%", "(0.73)", "-",
        "US$268.7",  "RMB1,885.6 million", "3,539,136,595", "218960.00", "(32.9)"};
    std::vector<std::string> result;
    for (std::size_t i = 0; i < 10'000; ++i)
      result.emplace_back(forms[i % std::size(forms)]);
    return result;
  }();
  return values;
}

std::int64_t total_bytes(const std::vector<std::string>& texts) {
  std::int64_t bytes = 0;
  for (const auto& text : texts)
    bytes += static_cast<std::int64_t>(text.size());
  return bytes;
}

void BM_Parse_By_Strtoll(benchmark::State& state) {
  // Baseline: the C library reading the digits alone (no grouping, no sign
  // styles, no exactness for fractions); the floor for any parser.
  std::vector<std::string> digits;
  for (const auto& cell : cells()) {
    std::string plain;
    for (const char c : cell) {
      if (c >= '0' && c <= '9') plain += c;
    }
    digits.push_back(plain.empty() ? "0" : plain);
  }
  for (auto _ : state) {
    for (const auto& text : digits)
      benchmark::DoNotOptimize(std::strtoll(text.c_str(), nullptr, 10));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * total_bytes(digits));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * digits.size()));
  state.SetLabel("baseline");
}
BENCHMARK(BM_Parse_By_Strtoll);

void BM_Parse_By_PrintedFigure(benchmark::State& state) {
  const auto& texts = cells();
  for (auto _ : state) {
    for (const auto& text : texts)
      benchmark::DoNotOptimize(tieout::PrintedFigure::try_parse(text));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * total_bytes(texts));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
}
BENCHMARK(BM_Parse_By_PrintedFigure);

}  // namespace

BENCHMARK_MAIN();
