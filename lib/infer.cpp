// lib/infer.cpp - constraints proven by a filing's own figures.
#include "tieout/infer.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

TIEOUT_BEGIN_NAMESPACE
namespace {

// A row of a read table: its line item and its figures by column.
struct Row {
  LineItemId item;
  std::map<std::uint32_t, FigureId> cells;
  bool subtracted = false;  // "Less: ..."
};

std::vector<Row> rows_of(const StatementGraph& graph, const ReadTable& table) {
  std::vector<Row> rows;
  for (const FigureId figure : table.figures) {
    const LineItemId item = graph.line_item(figure);
    if (rows.empty() || rows.back().item != item) {
      Row row;
      row.item = item;
      row.subtracted = graph.key(item).starts_with("less ");
      rows.push_back(std::move(row));
    }
    rows.back().cells[graph.location(figure).column] = figure;
  }
  return rows;
}

// Appends the rows of a table that continues the one `block` ends with (a
// statement split by a page break), its columns renumbered to the block's
// by their period and unit, so that totals after the break can foot lines
// before it. False, and nothing appended, when a column has no partner.
bool append_continuation(const StatementGraph& graph, std::vector<Row>& block,
                         const std::vector<Row>& continuation) {
  using Signature = std::pair<std::string, std::string>;
  const auto signature = [&](FigureId figure) {
    return Signature{graph.period(figure).to_string(), graph.unit(figure).to_string()};
  };
  std::map<Signature, std::set<std::uint32_t>> block_columns;
  for (const Row& row : block) {
    for (const auto& [column, figure] : row.cells)
      block_columns[signature(figure)].insert(column);
  }
  std::map<std::uint32_t, std::uint32_t> renumbered;
  for (const Row& row : continuation) {
    for (const auto& [column, figure] : row.cells) {
      const auto found = block_columns.find(signature(figure));
      if (found == block_columns.end()) continue;  // a measure the block has not
      if (found->second.size() != 1) return false;
      const std::uint32_t target = *found->second.begin();
      if (const auto [at, inserted] = renumbered.emplace(column, target);
          !inserted && at->second != target) {
        return false;
      }
    }
  }
  if (renumbered.empty()) return false;
  // Columns with nothing in common with the block keep numbers of their own.
  constexpr std::uint32_t unshared = 1u << 16;
  for (const Row& row : continuation) {
    Row moved{row.item, {}, row.subtracted};
    for (const auto& [column, figure] : row.cells) {
      const auto target = renumbered.find(column);
      moved.cells[target == renumbered.end() ? unshared + column : target->second] = figure;
    }
    block.push_back(std::move(moved));
  }
  return true;
}

Decimal half_unit(const StatementGraph& graph, FigureId figure) {
  return graph.state(figure) == FigureState::value
             ? Decimal(5).shifted(-(graph.decimals(figure) + 1))
             : Decimal();
}

// Whether total = Σ weight·part holds within rounding, and exactly.
struct Tie {
  bool holds = false;
  bool exact = false;
};

std::optional<Tie> tie_of(const StatementGraph& graph, FigureId total,
                          const std::vector<std::pair<FigureId, int>>& parts) {
  if (graph.state(total) == FigureState::unreadable) return std::nullopt;
  Decimal difference = graph.value(total).value_or(Decimal());
  Decimal tolerance = half_unit(graph, total);
  for (const auto& [part, weight] : parts) {
    if (graph.state(part) == FigureState::unreadable) return std::nullopt;
    difference -= Decimal(weight) * graph.value(part).value_or(Decimal());
    tolerance += half_unit(graph, part);
  }
  return Tie{difference.abs() <= tolerance, difference.is_zero()};
}

bool additive(const Unit& unit) {
  return unit.kind() == UnitKind::money || unit.kind() == UnitKind::pure ||
         unit.kind() == UnitKind::shares || unit.kind() == UnitKind::ads;
}

bool nonzero(const StatementGraph& graph, FigureId figure) {
  const auto value = graph.value(figure);
  return value && !value->is_zero();
}

// --- Roll-ups ---------------------------------------------------------------

class RollUps {
 public:
  RollUps(ConstraintSet& constraints, std::vector<Row> rows)
      : constraints_(constraints), graph_(constraints.graph()), rows_(std::move(rows)) {}

  std::size_t find() {
    std::size_t added = 0;
    std::vector<bool> consumed(rows_.size(), false);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      std::vector<std::size_t> available;  // nearest first
      for (std::size_t i = r; i-- > 0;) {
        if (!consumed[i]) available.push_back(i);
      }
      const std::size_t longest = std::min<std::size_t>(available.size(), 24);
      for (std::size_t length = 1; length <= longest; ++length) {
        std::vector<std::size_t> block(available.begin(),
                                       available.begin() + static_cast<std::ptrdiff_t>(length));
        std::reverse(block.begin(), block.end());
        std::optional<std::vector<std::size_t>> proven;
        if (length >= 2 && proves(r, block)) proven = block;
        for (std::size_t x = block.front(); !proven && x-- > 0;) {
          std::vector<std::size_t> with_earlier = {x};
          with_earlier.insert(with_earlier.end(), block.begin(), block.end());
          if (proves(r, with_earlier)) proven = with_earlier;
        }
        if (proven) {
          added += add(r, *proven);
          for (const std::size_t i : *proven)
            consumed[i] = true;
          break;
        }
      }
    }
    return added;
  }

 private:
  // The part figures of `members` in the column of `total`, with weights;
  // nothing when a member has a figure there that is not comparable.
  std::optional<std::vector<std::pair<FigureId, int>>> parts_in(
      FigureId total, std::uint32_t column, const std::vector<std::size_t>& members) const {
    std::vector<std::pair<FigureId, int>> parts;
    for (const std::size_t m : members) {
      const auto cell = rows_[m].cells.find(column);
      // A blank cell adds nothing ("Impairment" only in the year it was
      // recognised); a figure of another unit or period is not a part.
      if (cell == rows_[m].cells.end()) continue;
      if (graph_.unit(cell->second) != graph_.unit(total) ||
          graph_.period(cell->second) != graph_.period(total)) {
        return std::nullopt;
      }
      parts.push_back({cell->second, rows_[m].subtracted ? -1 : 1});
    }
    return parts;
  }

  // Whether the figures prove members roll up into row r. An error in one
  // column must not hide a roll-up the other columns prove, so columns may
  // fail when at least two tie exactly and outnumber them. A sum in one
  // column alone, or ties only within rounding, prove nothing: that can be
  // coincidence.
  bool proves(std::size_t r, const std::vector<std::size_t>& members) const {
    std::size_t exact = 0, failing = 0;
    bool total_nonzero = false;
    std::set<std::size_t> members_nonzero;
    for (const auto& [column, total] : rows_[r].cells) {
      if (!additive(graph_.unit(total))) return false;
      const auto parts = parts_in(total, column, members);
      if (!parts) return false;
      const auto result = tie_of(graph_, total, *parts);
      if (!result) continue;  // an unreadable figure: this column cannot say
      if (!result->holds) ++failing;
      if (result->exact) ++exact;
      total_nonzero = total_nonzero || nonzero(graph_, total);
      for (std::size_t i = 0; i < parts->size(); ++i) {
        if (nonzero(graph_, (*parts)[i].first)) members_nonzero.insert(i);
      }
    }
    // Every member must count somewhere: a row of dashes proves nothing.
    if (exact == 0 || !total_nonzero || members_nonzero.size() != members.size()) return false;
    if (failing == 0) return true;
    return exact > failing && exact >= 2;
  }

  std::size_t add(std::size_t r, const std::vector<std::size_t>& members) {
    std::size_t added = 0;
    for (const auto& [column, total] : rows_[r].cells) {
      const auto parts = parts_in(total, column, members);
      std::vector<Term> terms;
      for (const auto& [figure, weight] : *parts)
        terms.push_back({figure, Decimal(weight)});
      constraints_.add_footing(total, terms);
      ++added;
    }
    return added;
  }

  ConstraintSet& constraints_;
  const StatementGraph& graph_;
  std::vector<Row> rows_;
};

// --- Period sums ------------------------------------------------------------

// Figures of `candidates` whose durations chain from `from` to exactly
// `last`, by depth-first search; empty when none do.
std::vector<FigureId> chain(const StatementGraph& graph, const std::vector<FigureId>& candidates,
                            Date from, Date last) {
  for (const FigureId candidate : candidates) {
    const Duration& d = graph.period(candidate).duration();
    if (d.first_day() != from || d.last_day() > last) continue;
    if (d.last_day() == last) return {candidate};
    const Date next{std::chrono::sys_days(d.last_day()) + std::chrono::days{1}};
    auto rest = chain(graph, candidates, next, last);
    if (!rest.empty()) {
      rest.insert(rest.begin(), candidate);
      return rest;
    }
  }
  return {};
}

std::size_t period_sums(ConstraintSet& constraints, const std::vector<Row>& rows) {
  const StatementGraph& graph = constraints.graph();
  std::size_t added = 0;
  for (const Row& row : rows) {
    for (const auto& [column, whole] : row.cells) {
      if (graph.unit(whole).kind() != UnitKind::money || !graph.period(whole).is_duration()) {
        continue;
      }
      const Duration& span = graph.period(whole).duration();
      std::vector<FigureId> candidates;
      for (const auto& [other_column, part] : row.cells) {
        if (part == whole || graph.unit(part) != graph.unit(whole) ||
            !graph.period(part).is_duration()) {
          continue;
        }
        const Duration& d = graph.period(part).duration();
        if (span.contains(d) && d != span) candidates.push_back(part);
      }
      const auto parts = chain(graph, candidates, span.first_day(), span.last_day());
      if (parts.size() >= 2) {
        constraints.add_period_sum(whole, parts);
        ++added;
      }
    }
  }
  return added;
}

// --- Roll-forwards ----------------------------------------------------------

// The figures of a roll-forward in one column: the closing and opening
// balances and the flows of the duration between them; nothing when the
// rows do not line up there.
std::optional<std::vector<FigureId>> roll_forward_in(const StatementGraph& graph,
                                                     std::uint32_t column, const Row& closing_row,
                                                     const Row& opening_row,
                                                     const std::vector<const Row*>& flow_rows) {
  const auto closing = closing_row.cells.find(column);
  const auto opening = opening_row.cells.find(column);
  if (closing == closing_row.cells.end() || opening == opening_row.cells.end() ||
      !graph.period(closing->second).is_instant() || !graph.period(opening->second).is_instant() ||
      graph.unit(opening->second) != graph.unit(closing->second)) {
    return std::nullopt;
  }
  std::vector<FigureId> figures = {closing->second, opening->second};
  for (const Row* flow_row : flow_rows) {
    const auto flow = flow_row->cells.find(column);
    if (flow == flow_row->cells.end()) return std::nullopt;
    const Period& period = graph.period(flow->second);
    if (!period.is_duration() || graph.unit(flow->second) != graph.unit(closing->second) ||
        period.duration().opening() != graph.period(opening->second).instant() ||
        period.duration().closing() != graph.period(closing->second).instant()) {
      return std::nullopt;
    }
    figures.push_back(flow->second);
  }
  return figures;
}

// Roll-forwards row by row: a closing-balance row is an opening-balance row
// plus one flow row, or two (a statement may keep the effect of exchange
// rates outside the net change), when that ties exactly in a column and
// fails in none; it is then stated for every column the rows line up in,
// unreadable figures included (their checks are incomplete, not dropped).
std::size_t roll_forwards(ConstraintSet& constraints, const std::vector<Row>& rows) {
  const StatementGraph& graph = constraints.graph();
  std::size_t added = 0;
  const auto proven = [&](const Row& closing_row, const Row& opening_row,
                          const std::vector<const Row*>& flows) {
    std::size_t exact = 0;
    for (const auto& [column, closing] : closing_row.cells) {
      const auto figures = roll_forward_in(graph, column, closing_row, opening_row, flows);
      if (!figures) continue;
      std::vector<std::pair<FigureId, int>> parts;
      for (std::size_t i = 1; i < figures->size(); ++i)
        parts.push_back({(*figures)[i], 1});
      const auto result = tie_of(graph, closing, parts);
      if (!result) continue;
      if (!result->holds) return false;
      if (result->exact) ++exact;
      for (std::size_t i = 2; i < figures->size(); ++i) {
        if (!nonzero(graph, (*figures)[i])) return false;
      }
    }
    return exact > 0;
  };
  for (const Row& closing_row : rows) {
    bool found = false;
    for (const Row& opening_row : rows) {
      if (found || &opening_row == &closing_row) continue;
      std::vector<std::vector<const Row*>> candidates;
      for (const Row& a : rows)
        candidates.push_back({&a});
      for (std::size_t a = 0; a < rows.size(); ++a) {
        for (std::size_t b = a + 1; b < rows.size(); ++b)
          candidates.push_back({&rows[a], &rows[b]});
      }
      for (const auto& flows : candidates) {
        if (found || !proven(closing_row, opening_row, flows)) continue;
        for (const auto& [column, closing] : closing_row.cells) {
          const auto figures = roll_forward_in(graph, column, closing_row, opening_row, flows);
          if (!figures) continue;
          constraints.add_roll_forward(closing, (*figures)[1],
                                       std::span<const FigureId>(*figures).subspan(2));
          ++added;
        }
        found = true;
      }
    }
  }
  return added;
}

// --- Conversions ------------------------------------------------------------

std::optional<Unit> in_currency(const Unit& unit, const Currency& currency) {
  switch (unit.kind()) {
    case UnitKind::money: return Unit::money(currency);
    case UnitKind::per_share: return Unit::per_share(currency);
    case UnitKind::per_ads: return Unit::per_ads(currency);
    default: return std::nullopt;
  }
}

std::size_t conversions(ConstraintSet& constraints, const std::vector<Row>& rows,
                        const std::vector<ConvenienceRate>& rates) {
  const StatementGraph& graph = constraints.graph();
  std::size_t added = 0;
  for (const Row& row : rows) {
    for (const auto& [column, converted] : row.cells) {
      const Unit& unit = graph.unit(converted);
      if (!unit.currency()) continue;
      for (const ConvenienceRate& rate : rates) {
        if (*unit.currency() != rate.to) continue;
        const auto source_unit = in_currency(unit, rate.from);
        for (const auto& [source_column, amount] : row.cells) {
          if (source_unit && graph.unit(amount) == *source_unit &&
              graph.period(amount) == graph.period(converted)) {
            constraints.add_conversion(converted, amount, rate.rate);
            ++added;
            break;
          }
        }
        break;  // one rate per currency pair
      }
    }
  }
  return added;
}

// --- The same fact twice ------------------------------------------------------

std::size_t restatements(ConstraintSet& constraints, const ReadDocument& read) {
  const StatementGraph& graph = constraints.graph();
  // Within a row: two columns of one period and unit (a share count
  // repeated under US$). Across tables: one key, period and unit. Either is
  // linked only when the figures agree, as printed or with the sign flipped
  // (a bridge adds back what the statement deducts): a label alone, or a
  // column header damaged into a duplicate period, is too weak to call a
  // difference an error.
  std::map<std::tuple<std::string_view, std::string, std::string>, std::vector<FigureId>> facts;
  for (const ReadTable& table : read.tables) {
    for (const FigureId figure : table.figures) {
      if (graph.state(figure) != FigureState::value) continue;
      facts[{graph.key(graph.line_item(figure)), graph.period(figure).to_string(),
             graph.unit(figure).to_string()}]
          .push_back(figure);
    }
  }
  std::size_t added = 0;
  for (const auto& [fact, figures] : facts) {
    for (std::size_t i = 1; i < figures.size(); ++i) {
      const FigureId first = figures[0], other = figures[i];
      const bool same_row = graph.line_item(first) == graph.line_item(other);
      const bool other_table =
          graph.table(graph.line_item(first)) != graph.table(graph.line_item(other));
      if (!same_row && !other_table) continue;
      const Decimal a = *graph.value(first), b = *graph.value(other);
      const Decimal tolerance = half_unit(graph, first) + half_unit(graph, other);
      if ((a - b).abs() <= tolerance) {
        constraints.add_equality(other, first);
        ++added;
      } else if ((a + b).abs() <= tolerance) {
        const Term flipped[] = {{first, Decimal(-1)}};
        constraints.add_footing(other, flipped);
        ++added;
      }
    }
  }
  return added;
}

// A row printed without a label (a note's total under its lines) is the line
// item of another table that states the same figures in every one of its
// periods and units, at least two, when exactly one does.
std::size_t unlabeled_rows(ConstraintSet& constraints, const ReadDocument& read) {
  const StatementGraph& graph = constraints.graph();
  using Cell = std::pair<std::string, std::string>;  // period, unit
  std::map<LineItemId, std::map<Cell, FigureId>> items;
  for (const ReadTable& table : read.tables) {
    for (const FigureId figure : table.figures) {
      if (graph.state(figure) != FigureState::value) continue;
      items[graph.line_item(figure)]
           [{graph.period(figure).to_string(), graph.unit(figure).to_string()}] = figure;
    }
  }
  std::size_t added = 0;
  for (const auto& [item, cells] : items) {
    if (!graph.key(item).empty() || cells.size() < 2) continue;
    std::optional<LineItemId> match;
    bool ambiguous = false;
    for (const auto& [other, other_cells] : items) {
      if (graph.key(other).empty() || graph.table(other) == graph.table(item)) continue;
      const bool same = std::all_of(cells.begin(), cells.end(), [&](const auto& cell) {
        const auto found = other_cells.find(cell.first);
        return found != other_cells.end() &&
               *graph.value(found->second) == *graph.value(cell.second);
      });
      if (!same) continue;
      ambiguous = ambiguous || (match && graph.key(*match) != graph.key(other));
      if (!match) match = other;
    }
    if (!match || ambiguous) continue;
    for (const auto& [cell, figure] : cells) {
      constraints.add_equality(figure, items[*match].at(cell));
      ++added;
    }
  }
  return added;
}

// --- Ratios -------------------------------------------------------------------

// A row's figures by period, for one unit kind and currency.
struct Series {
  LineItemId item;
  std::map<Period, FigureId> by_period;
};

std::vector<Series> series_of(const StatementGraph& graph, const std::vector<Row>& rows,
                              const std::function<bool(const Unit&)>& wanted) {
  std::vector<Series> result;
  for (const Row& row : rows) {
    Series series{row.item, {}};
    for (const auto& [column, figure] : row.cells) {
      if (wanted(graph.unit(figure)) && graph.state(figure) != FigureState::unreadable) {
        series.by_period.emplace(graph.period(figure), figure);
      }
    }
    if (!series.by_period.empty()) result.push_back(std::move(series));
  }
  return result;
}

// Whether multiplier x numerator / denominator, computed from the printed
// figures, rounds to the printed ratio in every period of `ratio`.
bool ratio_proven(const StatementGraph& graph, const Series& ratio, const Series& numerator,
                  const Series& denominator, const Decimal& multiplier) {
  for (const auto& [period, printed] : ratio.by_period) {
    const auto num = numerator.by_period.find(period);
    const auto den = denominator.by_period.find(period);
    if (num == numerator.by_period.end() || den == denominator.by_period.end()) return false;
    const auto n = graph.value(num->second), d = graph.value(den->second);
    const auto r = graph.interval(printed);
    if (!n || !d || !r || d->is_zero() || !graph.value(printed)) return false;
    if (!r->contains(divide(*n * multiplier, *d, 12, RoundingMode::half_even))) return false;
  }
  return true;
}

std::size_t shared_words(std::string_view a, std::string_view b) {
  std::set<std::string_view> words_a;
  for (std::size_t i = 0; i < a.size();) {
    const std::size_t end = std::min(a.find(' ', i), a.size());
    words_a.insert(a.substr(i, end - i));
    i = end + 1;
  }
  std::size_t shared = 0;
  for (std::size_t i = 0; i < b.size();) {
    const std::size_t end = std::min(b.find(' ', i), b.size());
    shared += words_a.count(b.substr(i, end - i));
    i = end + 1;
  }
  return shared;
}

// Whether two series state the same values for the periods of `ratio`: the
// same amount restated in another table is not a rival numerator.
bool same_values(const StatementGraph& graph, const Series& ratio, const Series& a,
                 const Series& b) {
  return std::all_of(ratio.by_period.begin(), ratio.by_period.end(), [&](const auto& entry) {
    return graph.value(a.by_period.at(entry.first)) == graph.value(b.by_period.at(entry.first));
  });
}

// Adds ratio = multiplier x numerator / denominator for every period, for
// the numerator among `numerators` that proves it. Between several, the one
// whose label shares most words with the ratio's wins, then (for amounts per
// share, whose numerator is what is attributable to the shareholders) one
// "attributable"; a tie left after that adds nothing.
std::size_t add_proven_ratio(ConstraintSet& constraints, const Series& ratio,
                             const std::vector<Series>& numerators, const Series& denominator,
                             const Decimal& multiplier) {
  const StatementGraph& graph = constraints.graph();
  const Series* best = nullptr;
  std::size_t best_score = 0;
  bool tied = false;
  for (const Series& numerator : numerators) {
    if (numerator.item == denominator.item ||
        !ratio_proven(graph, ratio, numerator, denominator, multiplier)) {
      continue;
    }
    const std::string_view key = graph.key(numerator.item);
    const std::size_t score = 2 * shared_words(graph.key(ratio.item), key) +
                              (key.find("attributable") != std::string_view::npos ? 1 : 0);
    if (!best || score > best_score) {
      best = &numerator;
      best_score = score;
      tied = false;
    } else if (score == best_score && !same_values(graph, ratio, *best, numerator)) {
      tied = true;
    }
  }
  if (!best || tied) return 0;
  for (const auto& [period, printed] : ratio.by_period) {
    constraints.add_ratio(printed, {{best->by_period.at(period), Decimal(1)}},
                          {{denominator.by_period.at(period), Decimal(1)}}, multiplier);
  }
  return ratio.by_period.size();
}

std::size_t ratios(ConstraintSet& constraints, const std::vector<std::vector<Row>>& tables) {
  const StatementGraph& graph = constraints.graph();
  std::size_t added = 0;
  // The reporting currency: the one most money figures are in.
  std::map<std::string, std::size_t> currencies;
  for (const auto& rows : tables) {
    for (const Row& row : rows) {
      for (const auto& [column, figure] : row.cells) {
        const Unit& unit = graph.unit(figure);
        if (unit.kind() == UnitKind::money) ++currencies[std::string(unit.currency()->code())];
      }
    }
  }
  std::vector<Series> amounts;  // in the reporting currency, across tables
  if (!currencies.empty()) {
    const std::string reporting =
        std::max_element(currencies.begin(), currencies.end(), [](const auto& a, const auto& b) {
          return a.second < b.second;
        })->first;
    for (const auto& rows : tables) {
      for (Series& series : series_of(graph, rows, [&](const Unit& unit) {
             return unit.kind() == UnitKind::money && unit.currency()->code() == reporting;
           })) {
        amounts.push_back(std::move(series));
      }
    }
  }
  // Margins: a percentage of revenues.
  const Series* revenues = nullptr;
  for (const Series& series : amounts) {
    const std::string_view key = graph.key(series.item);
    if (key == "total revenues" || (!revenues && key == "revenues")) revenues = &series;
  }
  for (const auto& rows : tables) {
    // Earnings per share: an amount over the shares of the same table.
    const auto shares =
        series_of(graph, rows, [](const Unit& unit) { return unit.kind() == UnitKind::shares; });
    for (const Series& per_share : series_of(
             graph, rows, [](const Unit& unit) { return unit.kind() == UnitKind::per_share; })) {
      const Currency currency = *graph.unit(per_share.by_period.begin()->second).currency();
      const auto numerators =
          series_of(graph, rows, [&](const Unit& unit) { return unit == Unit::money(currency); });
      // Per-share figures of one row may be in two currencies: split them.
      Series in_currency{per_share.item, {}};
      for (const auto& [period, figure] : per_share.by_period) {
        if (graph.unit(figure) == Unit::per_share(currency)) in_currency.by_period[period] = figure;
      }
      for (const Series& count : shares) {
        const std::size_t n =
            add_proven_ratio(constraints, in_currency, numerators, count, Decimal(1));
        if (n > 0) {
          added += n;
          break;
        }
      }
    }
    if (!revenues) continue;
    for (const Series& margin : series_of(
             graph, rows, [](const Unit& unit) { return unit.kind() == UnitKind::percent; })) {
      added += add_proven_ratio(constraints, margin, amounts, *revenues, Decimal(100));
    }
  }
  return added;
}

}  // namespace

Inferred infer_constraints(const ReadDocument& read, ConstraintSet& constraints) {
  const StatementGraph& graph = constraints.graph();
  Inferred inferred;
  std::vector<ConvenienceRate> rates;
  for (const ConvenienceRate& rate : read.rates) {
    const bool known = std::any_of(rates.begin(), rates.end(), [&](const ConvenienceRate& r) {
      return r.from == rate.from && r.to == rate.to;
    });
    if (!known) rates.push_back(rate);
  }
  std::vector<std::vector<Row>> tables;
  // Roll-ups are looked for over a statement and its continuations at once.
  std::vector<Row> block;
  for (const ReadTable& table : read.tables) {
    std::vector<Row> rows = rows_of(graph, table);
    inferred.period_sums += period_sums(constraints, rows);
    inferred.roll_forwards += roll_forwards(constraints, rows);
    inferred.conversions += conversions(constraints, rows, rates);
    if (!table.continues || block.empty() || !append_continuation(graph, block, rows)) {
      inferred.footings += RollUps(constraints, std::move(block)).find();
      block = rows;
    }
    tables.push_back(std::move(rows));
  }
  inferred.footings += RollUps(constraints, std::move(block)).find();
  inferred.equalities += restatements(constraints, read);
  inferred.equalities += unlabeled_rows(constraints, read);
  inferred.ratios += ratios(constraints, tables);
  return inferred;
}

TIEOUT_END_NAMESPACE
