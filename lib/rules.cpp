// lib/rules.cpp - reading and applying the override file.
#include "tieout/rules.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <sstream>

#include "tieout/error.hpp"
#include "tieout/lookup.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

std::vector<std::string> words_of(std::string_view line) {
  std::vector<std::string> words;
  std::istringstream in{std::string(line)};
  for (std::string word; in >> word;)
    words.push_back(word);
  return words;
}

std::optional<std::uint32_t> number_of(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

// "FILE:LINE:COLUMN"; with `range`, "FILE:FIRST-LAST:COLUMN".
std::optional<FigureReference> reference_of(std::string_view text,
                                            std::uint32_t* last_line = nullptr) {
  const auto second = text.rfind(':');
  if (second == std::string_view::npos || second == 0) return std::nullopt;
  const auto first = text.rfind(':', second - 1);
  if (first == std::string_view::npos || first == 0) return std::nullopt;
  FigureReference reference;
  reference.file = std::string(text.substr(0, first));
  std::string_view lines = text.substr(first + 1, second - first - 1);
  const auto column = number_of(text.substr(second + 1));
  if (!column) return std::nullopt;
  reference.column = *column;
  if (last_line) {
    const auto dash = lines.find('-');
    const auto from = number_of(lines.substr(0, dash));
    const auto to = dash == std::string_view::npos ? from : number_of(lines.substr(dash + 1));
    if (!from || !to || *to < *from) return std::nullopt;
    reference.line = *from;
    *last_line = *to;
  } else {
    const auto line = number_of(lines);
    if (!line) return std::nullopt;
    reference.line = *line;
  }
  return reference;
}

std::optional<Date> date_of(std::string_view text) {
  int year = 0;
  unsigned month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto part = [&](std::size_t at, std::size_t size, auto& value) {
    const auto [end, error] = std::from_chars(text.data() + at, text.data() + at + size, value);
    return error == std::errc() && end == text.data() + at + size;
  };
  if (!part(0, 4, year) || !part(5, 2, month) || !part(8, 2, day)) return std::nullopt;
  const Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<Period> period_of(std::string_view text) {
  // Built in place: GCC 12 warns falsely (maybe-uninitialized) on moving a
  // variant-holding temporary into an optional.
  std::optional<Period> period;
  const auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    if (const auto date = date_of(text)) period.emplace(Instant(*date));
    return period;
  }
  const auto first = date_of(text.substr(0, dots)), last = date_of(text.substr(dots + 2));
  if (first && last && !(*last < *first)) period.emplace(Duration(*first, *last));
  return period;
}

std::optional<Unit> unit_of(std::string_view text) {
  if (text == "shares") return Unit::shares();
  if (text == "ADS") return Unit::ads();
  if (text == "%") return Unit::percent();
  if (text == "pure") return Unit::pure();
  const auto slash = text.find('/');
  const std::string_view code = text.substr(0, slash);
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return std::nullopt;
  }
  const Currency currency{code};
  if (slash == std::string_view::npos) return Unit::money(currency);
  if (text.substr(slash + 1) == "share") return Unit::per_share(currency);
  if (text.substr(slash + 1) == "ADS") return Unit::per_ads(currency);
  return std::nullopt;
}

std::optional<Scale> scale_of(std::string_view text) {
  if (text == "units") return Scale::units;
  if (text == "thousands") return Scale::thousands;
  if (text == "millions") return Scale::millions;
  if (text == "billions") return Scale::billions;
  return std::nullopt;
}

std::optional<ConstraintKind> kind_of(std::string_view text) {
  if (text == "footing") return ConstraintKind::footing;
  if (text == "period-sum") return ConstraintKind::period_sum;
  if (text == "roll-forward") return ConstraintKind::roll_forward;
  if (text == "conversion") return ConstraintKind::conversion;
  if (text == "equality") return ConstraintKind::equality;
  if (text == "ratio") return ConstraintKind::ratio;
  return std::nullopt;
}

std::optional<Decimal> decimal_of(std::string_view text) {
  try {
    return Decimal::parse(text);
  } catch (const error&) {
    return std::nullopt;
  }
}

// The rule a line states, or why it states none.
result<Rule, std::string> rule_of(std::string_view line) {
  const std::vector<std::string> words = words_of(line);
  Rule rule;
  const std::string& verb = words.front();
  const auto fail = [](std::string reason) { return unexpected(std::move(reason)); };
  if (verb == "rate") {
    if (words.size() != 4) return fail("a rate is: rate FROM TO RATE (rate CNY USD 7.0999)");
    rule.kind = Rule::Kind::rate;
    const auto rate = decimal_of(words[3]);
    if (!rate || rate->signum() <= 0) return fail("'" + words[3] + "' is not a positive rate");
    for (const auto& [code, side] : {std::pair{words[1], &rule.from}, {words[2], &rule.to}}) {
      const auto unit = unit_of(code);
      if (!unit || unit->kind() != UnitKind::money) {
        return fail("'" + code + "' is not a currency code");
      }
      *side = *unit->currency();
    }
    rule.rate = *rate;
    return rule;
  }
  if (verb == "correct") {
    if (words.size() < 3) return fail("a correction is: correct FILE:LINE:COLUMN TEXT");
    const auto at = reference_of(words[1]);
    if (!at) return fail("'" + words[1] + "' is not FILE:LINE:COLUMN");
    rule.kind = Rule::Kind::correct;
    rule.at = *at;
    const auto text_begin = line.find(words[2], line.find(words[1]) + words[1].size());
    rule.text = std::string(line.substr(text_begin));
    rule.text.erase(rule.text.find_last_not_of(" \t") + 1);
    return rule;
  }
  if (verb == "column") {
    if (words.size() != 4 && words.size() != 5) {
      return fail("a column is: column FILE:FIRST-LAST:COLUMN PERIOD UNIT [SCALE]");
    }
    const auto at = reference_of(words[1], &rule.last_line);
    if (!at) return fail("'" + words[1] + "' is not FILE:FIRST-LAST:COLUMN");
    rule.kind = Rule::Kind::column;
    rule.at = *at;
    rule.period = period_of(words[2]);
    if (!rule.period)
      return fail("'" + words[2] +
                  "' is not a period (2023-12-31, or "
                  "2023-01-01..2023-12-31)");
    rule.unit = unit_of(words[3]);
    if (!rule.unit) return fail("'" + words[3] + "' is not a unit");
    if (words.size() == 5) {
      rule.scale = scale_of(words[4]);
      if (!rule.scale) return fail("'" + words[4] + "' is not a scale");
    }
    return rule;
  }
  if (verb == "drop") {
    if (words.size() != 2 && words.size() != 3)
      return fail("a drop is: drop FILE:LINE:COLUMN [KIND]");
    const auto at = reference_of(words[1]);
    if (!at) return fail("'" + words[1] + "' is not FILE:LINE:COLUMN");
    rule.kind = Rule::Kind::drop;
    rule.at = *at;
    if (words.size() == 3) {
      rule.what = kind_of(words[2]);
      if (!rule.what) return fail("'" + words[2] + "' is not a kind of constraint");
    }
    return rule;
  }
  if (verb == "add") {
    if (words.size() < 5 || words[3] != "=") {
      return fail("an addition is: add KIND FIGURE = ... (see docs/rules.md)");
    }
    rule.kind = Rule::Kind::add;
    rule.what = kind_of(words[1]);
    const auto first = reference_of(words[2]);
    if (!first) return fail("'" + words[2] + "' is not FILE:LINE:COLUMN");
    rule.terms.push_back({*first, 1});
    if (rule.what == ConstraintKind::footing) {
      int sign = 1;
      for (std::size_t w = 4; w < words.size(); ++w) {
        if (words[w] == "+" || words[w] == "-") {
          sign = words[w] == "+" ? 1 : -1;
          continue;
        }
        const auto part = reference_of(words[w]);
        if (!part) return fail("'" + words[w] + "' is not FILE:LINE:COLUMN");
        rule.terms.push_back({*part, sign});
        sign = 1;
      }
      return rule;
    }
    if (rule.what == ConstraintKind::equality && words.size() == 5) {
      const auto other = reference_of(words[4]);
      if (!other) return fail("'" + words[4] + "' is not FILE:LINE:COLUMN");
      rule.terms.push_back({*other, 1});
      return rule;
    }
    if (rule.what == ConstraintKind::conversion && words.size() == 7 && words[5] == "/") {
      const auto amount = reference_of(words[4]);
      const auto rate = decimal_of(words[6]);
      if (!amount) return fail("'" + words[4] + "' is not FILE:LINE:COLUMN");
      if (!rate || rate->signum() <= 0) return fail("'" + words[6] + "' is not a positive rate");
      rule.terms.push_back({*amount, 1});
      rule.rate = *rate;
      return rule;
    }
    return fail(
        "an addition is one of: add footing TOTAL = PART [+|- PART]..., add equality "
        "A = B, add conversion CONVERTED = AMOUNT / RATE");
  }
  return fail("'" + verb + "' is not a rule: rate, correct, column, drop or add");
}

std::optional<FigureId> figure_at(const ReadDocument& read, const StatementGraph& graph,
                                  const FigureReference& at) {
  if (!names_file(graph.path(read.document), at.file)) return std::nullopt;
  for (const ReadTable& table : read.tables) {
    for (const FigureId figure : table.figures) {
      const SourceLocation& where = graph.location(figure);
      if (where.line == at.line && where.column == at.column) return figure;
    }
  }
  return std::nullopt;
}

std::string name_of_reference(const FigureReference& at) {
  return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

}  // namespace

result<Rules, ReadError> Rules::parse(std::string path, std::string_view text) {
  Rules rules;
  rules.path_ = std::move(path);
  std::uint32_t number = 0;
  for (std::size_t begin = 0; begin <= text.size();) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++number;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    if (words_of(line).empty()) continue;
    auto rule = rule_of(line);
    if (!rule) return unexpected(ReadError{rules.path_, number, rule.error()});
    Rule parsed = *rule;
    parsed.source_line = number;
    rules.rules_.push_back(std::move(parsed));
  }
  rules.applied_.assign(rules.rules_.size(), false);
  return rules;
}

result<Rules, ReadError> Rules::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return unexpected(ReadError{path, 0, "cannot open the rules file"});
  std::ostringstream content;
  content << in.rdbuf();
  return parse(path, content.str());
}

ReadError Rules::fault(const Rule& rule, std::string reason) const {
  return ReadError{path_, rule.source_line, std::move(reason)};
}

result<std::size_t, ReadError> Rules::apply_to_document(ReadDocument& read, StatementGraph& graph) {
  std::size_t applied = 0;
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    const std::string source = path_ + ":" + std::to_string(rule.source_line);
    if (rule.kind == Rule::Kind::rate) {
      bool replaced = false;
      for (ConvenienceRate& rate : read.rates) {
        if (rate.from == *rule.from && rate.to == *rule.to) {
          rate.rate = rule.rate;
          replaced = true;
        }
      }
      if (!replaced) read.rates.push_back({*rule.from, *rule.to, rule.rate, 0});
    } else if (rule.kind == Rule::Kind::correct) {
      if (!names_file(graph.path(read.document), rule.at.file)) continue;
      const auto figure = figure_at(read, graph, rule.at);
      if (!figure) return unexpected(fault(rule, "no figure at " + name_of_reference(rule.at)));
      for (ReadTable& table : read.tables) {
        if (std::find(table.figures.begin(), table.figures.end(), *figure) == table.figures.end()) {
          continue;
        }
        table.notes.push_back({rule.at.line, rule.at.column, std::string(graph.text(*figure)),
                               "corrected to \"" + rule.text + "\" by " + source});
      }
      graph.set_text(*figure, rule.text);
    } else if (rule.kind == Rule::Kind::column) {
      if (!names_file(graph.path(read.document), rule.at.file)) continue;
      bool any = false;
      const auto in_column = [&](std::uint32_t line, std::uint32_t column) {
        return column == rule.at.column && line >= rule.at.line && line <= rule.last_line;
      };
      for (ReadTable& table : read.tables) {
        for (const FigureId figure : table.figures) {
          const SourceLocation& where = graph.location(figure);
          if (!in_column(where.line, where.column)) continue;
          graph.set_meaning(figure, *rule.period, *rule.unit,
                            rule.scale.value_or(graph.scale(figure)));
          any = true;
        }
        // Cells the header could not place (a form whose rows are its
        // periods) become figures with the meaning the rule gives.
        const auto placed = std::stable_partition(
            table.unplaced.begin(), table.unplaced.end(),
            [&](const UnplacedCell& cell) { return !in_column(cell.line, cell.column); });
        for (auto cell = placed; cell != table.unplaced.end(); ++cell) {
          table.figures.push_back(graph.add_figure(cell->item, *rule.period, *rule.unit, cell->text,
                                                   {read.document, cell->line, cell->column},
                                                   rule.scale.value_or(Scale::units)));
          any = true;
        }
        if (placed != table.unplaced.end()) {
          table.unplaced.erase(placed, table.unplaced.end());
          // Inference reads a row's figures together: keep them in the
          // order they are printed.
          std::sort(table.figures.begin(), table.figures.end(), [&](FigureId a, FigureId b) {
            const SourceLocation &x = graph.location(a), &y = graph.location(b);
            return std::pair{x.line, x.column} < std::pair{y.line, y.column};
          });
        }
        if (any) {
          table.notes.push_back({rule.at.line, rule.at.column, "",
                                 "column read as " + rule.period->to_string() + ", " +
                                     rule.unit->to_string() + " by " + source});
        }
      }
      if (!any) {
        return unexpected(fault(rule, "no figure in column " + std::to_string(rule.at.column) +
                                          " of lines " + std::to_string(rule.at.line) + "-" +
                                          std::to_string(rule.last_line) + " of " + rule.at.file));
      }
    } else {
      continue;
    }
    applied_[r] = true;
    ++applied;
  }
  return applied;
}

result<ConstraintSet, ReadError> Rules::apply_to_constraints(const std::vector<ReadDocument>& read,
                                                             const ConstraintSet& constraints) {
  const StatementGraph& graph = constraints.graph();
  const auto find = [&](const FigureReference& at) -> std::optional<FigureId> {
    for (const ReadDocument& document : read) {
      if (const auto figure = figure_at(document, graph, at)) return figure;
    }
    return std::nullopt;
  };
  std::vector<ConstraintId> dropped;
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    if (rule.kind != Rule::Kind::drop) continue;
    const auto figure = find(rule.at);
    if (!figure) return unexpected(fault(rule, "no figure at " + name_of_reference(rule.at)));
    for (const ConstraintId id : constraints.constraints_of(*figure)) {
      if (constraints.figures(id)[0] != *figure) continue;
      if (rule.what && constraints.kind(id) != *rule.what) continue;
      dropped.push_back(id);
      applied_[r] = true;
    }
    if (!applied_[r]) {
      return unexpected(
          fault(rule, "no constraint to drop starts at " + name_of_reference(rule.at)));
    }
  }
  ConstraintSet kept = constraints.without(dropped);
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    if (rule.kind != Rule::Kind::add) continue;
    std::vector<Term> terms;
    for (const auto& [at, weight] : rule.terms) {
      const auto figure = find(at);
      if (!figure) return unexpected(fault(rule, "no figure at " + name_of_reference(at)));
      terms.push_back({*figure, Decimal(weight)});
    }
    try {
      switch (*rule.what) {
        case ConstraintKind::footing:
          kept.add_footing(terms.front().figure, std::span(terms).subspan(1));
          break;
        case ConstraintKind::equality: kept.add_equality(terms[0].figure, terms[1].figure); break;
        case ConstraintKind::conversion:
          kept.add_conversion(terms[0].figure, terms[1].figure, rule.rate);
          break;
        default: return unexpected(fault(rule, "this kind of constraint cannot be added here"));
      }
    } catch (const error& e) {
      return unexpected(fault(rule, e.what()));
    }
    applied_[r] = true;
  }
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    if (!applied_[r]) {
      return unexpected(fault(rules_[r], "applies to none of the files checked"));
    }
  }
  return kept;
}

TIEOUT_END_NAMESPACE
