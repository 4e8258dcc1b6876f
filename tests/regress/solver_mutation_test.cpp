// Mutation test of the solver on the Kingsoft Cloud Q3 2024 earnings release
// (examples/filings/004_5d25836ba150503a.txt), the whole pipeline from text.
//
// The release ties out as printed. Every figure of its tables that at least
// one check covers is mutated, one at a time, in the file's text (not in the
// graph): one digit changed, two adjacent digits transposed, the sign
// flipped. Each mutated text is read, inferred, checked and solved by
// tieout::Audit, and the outcome classified:
//
//   unique     the mutated figure is the only rank-1 suspect, and the value
//              it proposes is the one printed in the release;
//   ambiguous  it is among several rank-1 explanations, with that value,
//              and none is marked unique;
//   wrong      another figure, or another value, is presented as the unique
//              answer;
//   missed     anything else (nothing fails, or the figure is not proposed).
//
// Coverage (independent checks on the figure, solver.hpp) is taken from the
// release as printed. Required (issue 5): wrong = 0; unique >= 95% of the
// figures covered by two or more independent checks; unique + ambiguous
// >= 95% overall. A second test mutates two figures in different tables at
// once: both must be rank-1 suspects, with their printed values, in at
// least 90% of random pairs.
//
// Mutations are drawn from fixed seeds. Under the sanitizers (CMake defines
// TIEOUT_MUTATION_SAMPLE there) a fixed-seed sample of the figures is
// mutated instead of all of them, and the thresholds are not asserted on a
// sample that small; wrong = 0 always is.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tieout/audit.hpp"
#include "tieout/solver.hpp"

namespace {

#ifndef TIEOUT_MUTATION_SAMPLE
constexpr std::size_t sample = 0;  // every figure
#else
constexpr std::size_t sample = TIEOUT_MUTATION_SAMPLE;
#endif

const std::string filing =
    std::string(TIEOUT_SOURCE_DIR) + "/examples/filings/004_5d25836ba150503a.txt";

std::string load() {
  std::ifstream in(filing, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

enum class Kind { digit, transposition, sign };
constexpr Kind kinds[] = {Kind::digit, Kind::transposition, Kind::sign};
const char* name_of(Kind kind) {
  switch (kind) {
    case Kind::digit: return "digit";
    case Kind::transposition: return "transposition";
    case Kind::sign: return "sign";
  }
  return "";
}

enum class Outcome { unique, ambiguous, wrong, missed };

// A figure of the release as printed: where it is, its text and value.
struct Target {
  std::uint32_t line;
  std::uint32_t column;
  std::string text;
  tieout::Decimal value;
  std::uint32_t coverage;
  tieout::TableId table;
};

std::vector<Target> covered_figures(const std::string& content) {
  tieout::Audit audit;
  EXPECT_TRUE(audit.add_text(filing, content));
  const tieout::TieOut tie_out = audit.run();
  EXPECT_TRUE(tie_out.ties_out());
  const tieout::StatementGraph& graph = audit.graph();
  std::vector<Target> targets;
  for (const tieout::ReadTable& table : audit.documents()[0].tables) {
    for (const tieout::FigureId f : table.figures) {
      if (graph.state(f) != tieout::FigureState::value) continue;
      if (tie_out.solution.coverage[f.index()] == 0) continue;
      const auto& where = graph.location(f);
      targets.push_back({where.line, where.column, std::string(graph.text(f)), *graph.value(f),
                         tie_out.solution.coverage[f.index()], table.table});
    }
  }
  return targets;
}

// `text` with one slip of `kind`, drawn by `random`; empty when the figure
// admits none (no two adjacent digits differ, a zero has no sign).
std::string mutate(const std::string& text, Kind kind, std::mt19937& random) {
  std::vector<std::size_t> digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') digits.push_back(i);
  }
  if (digits.empty()) return {};
  switch (kind) {
    case Kind::digit: {
      std::string changed = text;
      const std::size_t at = digits[random() % digits.size()];
      // A leading zero would change how many digits are printed.
      const bool leading = at == digits.front() && digits.size() > 1;
      char digit = text[at];
      while (digit == text[at] || (leading && digit == '0')) {
        digit = static_cast<char>('0' + random() % 10);
      }
      changed[at] = digit;
      return changed;
    }
    case Kind::transposition: {
      std::vector<std::pair<std::size_t, std::size_t>> pairs;
      for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
        const std::size_t a = digits[i], b = digits[i + 1];
        const bool leading_zero = i == 0 && text[b] == '0';
        if (text[a] != text[b] && !leading_zero) pairs.emplace_back(a, b);
      }
      if (pairs.empty()) return {};
      const auto [a, b] = pairs[random() % pairs.size()];
      std::string swapped = text;
      std::swap(swapped[a], swapped[b]);
      return swapped;
    }
    case Kind::sign: {
      if (std::all_of(digits.begin(), digits.end(),
                      [&](std::size_t i) { return text[i] == '0'; })) {
        return {};
      }
      if (text.front() == '(' && text.back() == ')') return text.substr(1, text.size() - 2);
      if (text.find('(') != std::string::npos || text.front() == '-') return {};
      return "(" + text + ")";
    }
  }
  return {};
}

// The file's text with field `column` (1-based, TAB-separated) of line
// `line` holding `replacement` where it held `printed`.
std::string replaced(const std::string& content, std::uint32_t line, std::uint32_t column,
                     const std::string& printed, const std::string& replacement) {
  std::size_t at = 0;
  for (std::uint32_t l = 1; l < line; ++l)
    at = content.find('\n', at) + 1;
  for (std::uint32_t c = 1; c < column; ++c)
    at = content.find('\t', at) + 1;
  const std::size_t field_end = std::min(content.find('\t', at), content.find('\n', at));
  const std::size_t found = content.find(printed, at);
  EXPECT_LT(found, field_end) << "no " << printed << " at " << line << ":" << column;
  std::string result = content;
  result.replace(found, printed.size(), replacement);
  return result;
}

struct Mutated {
  const Target* target;
  tieout::Decimal original;
};

// Whether the rank-1 suspects of a run propose each mutated figure's
// printed value, and how certainly.
Outcome classify(const tieout::Audit& audit, const tieout::TieOut& tie_out,
                 const std::vector<Mutated>& mutated, bool* all_found = nullptr) {
  const tieout::StatementGraph& graph = audit.graph();
  const auto best = tie_out.solution.best();
  std::size_t found = 0;
  bool unique = true;
  for (const Mutated& m : mutated) {
    bool here = false;
    for (const tieout::Suspect* s : best) {
      const auto& where = graph.location(s->figure);
      if (where.line == m.target->line && where.column == m.target->column &&
          s->proposed == m.original) {
        here = true;
        unique = unique && s->unique;
      }
    }
    if (here) ++found;
  }
  if (all_found) *all_found = found == mutated.size();
  if (found == mutated.size() && unique && best.size() == mutated.size()) return Outcome::unique;
  const bool someone_unique =
      std::any_of(best.begin(), best.end(), [](const tieout::Suspect* s) { return s->unique; });
  if (found == mutated.size() && !someone_unique) return Outcome::ambiguous;
  if (someone_unique) return Outcome::wrong;
  return Outcome::missed;
}

struct Tally {
  std::size_t counts[4] = {};
  std::size_t total() const { return counts[0] + counts[1] + counts[2] + counts[3]; }
  void add(Outcome o) { ++counts[static_cast<int>(o)]; }
  std::size_t operator[](Outcome o) const { return counts[static_cast<int>(o)]; }
};

void print(const char* label, const Tally& t) {
  std::printf("  %-28s %5zu: unique %5zu, ambiguous %4zu, wrong %3zu, missed %4zu\n", label,
              t.total(), t[Outcome::unique], t[Outcome::ambiguous], t[Outcome::wrong],
              t[Outcome::missed]);
}

TEST(SolverMutation, EveryCoveredFigureOfTheQ3ReleaseOneAtATime) {
  const std::string content = load();
  ASSERT_FALSE(content.empty());
  std::vector<Target> targets = covered_figures(content);
  ASSERT_GT(targets.size(), 500u);  // 586 figures in the tables, all covered
  if (sample > 0 && sample < targets.size()) {
    std::mt19937 pick(20241119);
    std::shuffle(targets.begin(), targets.end(), pick);
    targets.resize(sample);
  }
  std::map<std::string, Tally> by_kind;
  Tally one, several, all;
  std::vector<std::string> wrong;
  std::mt19937 random(5);
  for (const Target& target : targets) {
    for (const Kind kind : kinds) {
      const std::string slip = mutate(target.text, kind, random);
      if (slip.empty()) continue;
      tieout::Audit audit;
      ASSERT_TRUE(
          audit.add_text(filing, replaced(content, target.line, target.column, target.text, slip)));
      const tieout::TieOut tie_out = audit.run();
      const Outcome outcome = classify(audit, tie_out, {{&target, target.value}});
      by_kind[name_of(kind)].add(outcome);
      (target.coverage >= 2 ? several : one).add(outcome);
      all.add(outcome);
      if (outcome == Outcome::wrong) {
        wrong.push_back(std::to_string(target.line) + ":" + std::to_string(target.column) + " " +
                        target.text + " -> " + slip);
      }
    }
  }
  std::printf("Solver mutation test, %zu figures%s:\n", targets.size(),
              sample > 0 ? " (a fixed-seed sample)" : "");
  for (const auto& [kind, tally] : by_kind)
    print(kind.c_str(), tally);
  print("covered by 1 check", one);
  print("covered by 2 or more checks", several);
  print("all", all);
  EXPECT_EQ(all[Outcome::wrong], 0u) << ::testing::PrintToString(wrong);
  if (sample == 0) {
    EXPECT_GE(100 * several[Outcome::unique], 95 * several.total());
    EXPECT_GE(100 * (all[Outcome::unique] + all[Outcome::ambiguous]), 95 * all.total());
  }
}

TEST(SolverMutation, TwoErrorsInTwoTablesAreBothFound) {
  const std::string content = load();
  const std::vector<Target> targets = covered_figures(content);
  ASSERT_FALSE(targets.empty());
  const std::size_t pairs = sample > 0 ? 8 : 200;
  std::mt19937 random(1119);
  std::size_t both = 0, tried = 0;
  while (tried < pairs) {
    const Target& a = targets[random() % targets.size()];
    const Target& b = targets[random() % targets.size()];
    if (a.table == b.table) continue;
    const std::string slip_a = mutate(a.text, Kind::digit, random);
    const std::string slip_b = mutate(b.text, kinds[random() % 3], random);
    if (slip_a.empty() || slip_b.empty()) continue;
    std::string text = replaced(content, a.line, a.column, a.text, slip_a);
    text = replaced(text, b.line, b.column, b.text, slip_b);
    tieout::Audit audit;
    ASSERT_TRUE(audit.add_text(filing, text));
    const tieout::TieOut tie_out = audit.run();
    bool found = false;
    classify(audit, tie_out, {{&a, a.value}, {&b, b.value}}, &found);
    ++tried;
    if (found) ++both;
  }
  std::printf("Two mutations in two tables: both rank-1 suspects in %zu of %zu pairs\n", both,
              tried);
  if (sample == 0) {
    EXPECT_GE(100 * both, 90 * tried);
  }
}

}  // namespace
