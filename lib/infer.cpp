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

#include "text.hpp"
#include "tieout/interval.hpp"

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

// The Levenshtein distance between two strings.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      current[j] = std::min(
          {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

// How alike two strings are: 1 less their edit distance over the longer's
// length.
double likeness(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1;
  return 1.0 - static_cast<double>(edit_distance(a, b)) /
                   static_cast<double>(std::max(a.size(), b.size()));
}

// Whether the label key `copy` reads as `label` misread by OCR: text
// extracted from a PDF with two layers of text prints a line twice, the copy
// garbled ("operating rease right or use assets"). OCR changes a letter in
// five or fewer, and within words: a word it garbles keeps most of its
// letters ("liabilities" as "natinities"), while a word replaced by another
// ("investing" and "financing") or another number ("2022" and "2023") makes
// another line item. Identical labels are two line items too.
bool misread_copy(std::string_view copy, std::string_view label) {
  constexpr double label_likeness = 0.8, word_likeness = 0.6;
  if (copy == label || likeness(copy, label) < label_likeness) return false;
  const auto copy_words = text::words_of(copy), label_words = text::words_of(label);
  // Words split or run together by the misreading: the letters decide.
  if (copy_words.size() != label_words.size()) return true;
  for (std::size_t i = 0; i < copy_words.size(); ++i) {
    const std::string& a = copy_words[i];
    const std::string& b = label_words[i];
    if (a == b) continue;
    // "Class A" and "Class B", "2022" and "2023": other line items.
    if (a.size() == 1 || b.size() == 1 || text::has_digit(a) || text::has_digit(b)) return false;
    if (edit_distance(a, b) > 1 && likeness(a, b) < word_likeness) return false;
  }
  return true;
}

// --- Roll-ups ---------------------------------------------------------------

// Whether a label key says its row adds up others: "Total ...", "Gross
// profit", "Loss before income taxes", "Net decrease in cash", "Net current
// assets", "Total assets less current liabilities". Not any "Net ...": "Net
// cash used in investing activities" adds up nothing printed above it.
bool names_a_total(std::string_view key) {
  for (const std::string_view start : {"total", "subtotal", "gross profit", "gross loss",
                                       "net increase", "net decrease", "net change"}) {
    if (key.starts_with(start)) return true;
  }
  for (const std::string_view whole :
       {"net assets", "net liabilities", "net current assets", "net current liabilities"}) {
    if (key == whole) return true;
  }
  return text::contains(key, " less ") || text::contains(key, " before ");
}

// Whether a label key says its row is one amount less others: "Net current
// assets", "Net assets", "Total assets less current liabilities".
bool names_a_difference(std::string_view key) {
  return key.starts_with("net ") || text::contains(key, " less ");
}

class RollUps {
 public:
  RollUps(ConstraintSet& constraints, std::vector<Row> rows)
      : constraints_(constraints), graph_(constraints.graph()), rows_(std::move(rows)) {}

  std::size_t find() {
    std::size_t added = 0;
    std::vector<bool> consumed(rows_.size(), false);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      // Nearest first. A row that cannot be read anywhere can prove no
      // roll-up, and an OCR ghost of the row above is no part of one:
      // neither stands in the way.
      std::vector<std::size_t> available;
      for (std::size_t i = r; i-- > 0;) {
        if (!consumed[i] && !unreadable(rows_[i]) && !ghost(i)) available.push_back(i);
      }
      // Proof by every period first; only a row labelled as a total that
      // no block proves so is tried with one period against one.
      std::optional<Members> proven = search(r, available, Proof::by_periods);
      if (!proven && names_a_total(graph_.key(rows_[r].item))) {
        proven = search(r, available, Proof::one_against_one);
      }
      if (proven) {
        added += add(r, *proven);
        for (const auto& [i, weight] : *proven)
          consumed[i] = true;
      }
    }
    return added;
  }

 private:
  // Rows of a roll-up with the weight each adds with.
  using Members = std::vector<std::pair<std::size_t, int>>;
  // What proves a roll-up: exact in every period the row prints and
  // failing in none, or exact in two periods that outnumber those where it
  // fails; or, for a statement of two years, which has no majority, exact
  // in one and failing in the other.
  enum class Proof { by_periods, one_against_one };
  // How a block of rows may make up a total: added, a "Less:" row
  // subtracted; a "Less:" row added as printed, when its parentheses
  // already carry the sign (an income deducted in a bridge); or an earlier
  // subtotal less the block (net current assets = current assets - current
  // liabilities; net assets).
  enum class Reading { as_labelled, less_as_printed, difference };

  // The rows that row r rolls up among `available` (in reverse order of
  // rows), in each reading that can apply.
  std::optional<Members> search(std::size_t r, const std::vector<std::size_t>& available,
                                Proof proof) const {
    // A total may leave out the line printed just above it: the net change
    // in cash is operating + investing + financing when the effect of
    // exchange rates, printed between them, is kept outside it.
    for (const std::size_t skipped : {0, 1}) {
      if (skipped == 1 && available.size() < 3) break;
      const std::vector<std::size_t> candidates(
          available.begin() + static_cast<std::ptrdiff_t>(skipped), available.end());
      for (const Reading reading :
           {Reading::as_labelled, Reading::less_as_printed, Reading::difference}) {
        if (reading == Reading::less_as_printed &&
            std::none_of(candidates.begin(), candidates.end(),
                         [&](std::size_t i) { return rows_[i].subtracted; })) {
          continue;
        }
        if (reading == Reading::difference && !names_a_difference(graph_.key(rows_[r].item))) {
          continue;
        }
        if (auto members = members_of(r, candidates, reading, proof)) return members;
      }
    }
    return std::nullopt;
  }

  // The rows that row r rolls up among `available` (in reverse order of
  // rows): a block of them, optionally with one earlier row (a subtotal)
  // before it. Nearest first; but a proof of one period against one takes
  // the longest block that holds, since a shorter one that holds in one
  // period can be lines that cancel there ((1,234) and 1,234).
  std::optional<Members> members_of(std::size_t r, const std::vector<std::size_t>& available,
                                    Reading reading, Proof proof) const {
    const auto weight = [&](std::size_t i) {
      if (reading == Reading::difference) return -1;
      return rows_[i].subtracted && reading == Reading::as_labelled ? -1 : 1;
    };
    const std::size_t longest = std::min<std::size_t>(available.size(), 24);
    for (std::size_t step = 0; step < longest; ++step) {
      const std::size_t length = proof == Proof::by_periods ? step + 1 : longest - step;
      Members block;
      for (std::size_t k = length; k-- > 0;)
        block.push_back({available[k], weight(available[k])});
      if (length >= 2 && reading != Reading::difference && proves(r, block, proof)) return block;
      for (std::size_t x = block.front().first; x-- > 0;) {
        Members with_earlier = {{x, 1}};
        with_earlier.insert(with_earlier.end(), block.begin(), block.end());
        if (proves(r, with_earlier, proof)) return with_earlier;
      }
    }
    return std::nullopt;
  }

  // Whether row i repeats the row above with its label misread.
  bool ghost(std::size_t i) const {
    if (i == 0) return false;
    const std::string_view key = graph_.key(rows_[i].item);
    const std::string_view above = graph_.key(rows_[i - 1].item);
    return misread_copy(key, above);
  }

  bool unreadable(const Row& row) const {
    return std::all_of(row.cells.begin(), row.cells.end(), [&](const auto& cell) {
      return graph_.state(cell.second) == FigureState::unreadable;
    });
  }

  // The part figures of `members` in the column of `total`, with weights;
  // nothing when a member has a figure there that is not comparable.
  std::optional<std::vector<std::pair<FigureId, int>>> parts_in(FigureId total,
                                                                std::uint32_t column,
                                                                const Members& members) const {
    std::vector<std::pair<FigureId, int>> parts;
    for (const auto& [m, weight] : members) {
      const auto cell = rows_[m].cells.find(column);
      // A blank cell adds nothing ("Impairment" only in the year it was
      // recognised); a figure of another unit or period is not a part.
      if (cell == rows_[m].cells.end()) continue;
      if (graph_.unit(cell->second) != graph_.unit(total) ||
          graph_.period(cell->second) != graph_.period(total)) {
        return std::nullopt;
      }
      parts.push_back({cell->second, weight});
    }
    return parts;
  }

  // Whether the figures prove members roll up into row r, by `proof`. An
  // error in one period must not hide a roll-up the others prove. A sum in
  // one period alone, or ties only within rounding, prove nothing unless
  // the proof allows it: that can be coincidence. Periods, not columns,
  // are the witnesses: a convenience translation of a column that ties says
  // little more than the column, and one that fails while the column ties
  // is a misprint the roll-up, stated in it too, will report.
  bool proves(std::size_t r, const Members& members, Proof proof) const {
    enum Witness { fails, holds, exact };
    std::map<Period, Witness> periods;  // the best column of each
    bool total_nonzero = false, none_blank = true;
    std::set<std::size_t> members_nonzero;
    for (const auto& [column, total] : rows_[r].cells) {
      // Percentages beside the amounts (shares, changes) are not added up
      // like them: they say nothing either way.
      if (!additive(graph_.unit(total))) continue;
      const auto parts = parts_in(total, column, members);
      if (!parts) return false;
      none_blank = none_blank && parts->size() == members.size();
      const auto result = tie_of(graph_, total, *parts);
      if (!result) continue;  // an unreadable figure: this column cannot say
      const Witness witness = result->exact ? exact : result->holds ? holds : fails;
      const auto [it, first] = periods.emplace(graph_.period(total), witness);
      if (!first) it->second = std::max(it->second, witness);
      total_nonzero = total_nonzero || nonzero(graph_, total);
      for (std::size_t i = 0; i < parts->size(); ++i) {
        if (nonzero(graph_, (*parts)[i].first)) members_nonzero.insert(i);
      }
    }
    std::size_t exact_periods = 0, failing_periods = 0;
    for (const auto& [period, witness] : periods) {
      exact_periods += witness == exact ? 1 : 0;
      failing_periods += witness == fails ? 1 : 0;
    }
    // Every member must count somewhere: a row of dashes proves nothing.
    if (exact_periods == 0 || !total_nonzero || members_nonzero.size() != members.size()) {
      return false;
    }
    if (proof == Proof::one_against_one) {
      // Every member printed in both periods: a blank cell may be one that
      // extraction lost.
      return exact_periods == 1 && failing_periods == 1 && none_blank;
    }
    return failing_periods == 0 || (exact_periods > failing_periods && exact_periods >= 2);
  }

  std::size_t add(std::size_t r, const Members& members) {
    std::size_t added = 0;
    for (const auto& [column, total] : rows_[r].cells) {
      if (!additive(graph_.unit(total))) continue;
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
// fails in none, or ties exactly in two columns that outnumber those it
// fails in (as for roll-ups, one misprinted figure must not hide the
// roll-forward); it is then stated for every column the rows line up in,
// unreadable figures included (their checks are incomplete, not dropped).
std::size_t roll_forwards(ConstraintSet& constraints, const std::vector<Row>& rows) {
  const StatementGraph& graph = constraints.graph();
  std::size_t added = 0;
  const auto proven = [&](const Row& closing_row, const Row& opening_row,
                          const std::vector<const Row*>& flows) {
    std::size_t exact = 0, failing = 0;
    for (const auto& [column, closing] : closing_row.cells) {
      const auto figures = roll_forward_in(graph, column, closing_row, opening_row, flows);
      if (!figures) continue;
      std::vector<std::pair<FigureId, int>> parts;
      for (std::size_t i = 1; i < figures->size(); ++i)
        parts.push_back({(*figures)[i], 1});
      const auto result = tie_of(graph, closing, parts);
      if (!result) continue;
      if (!result->holds) ++failing;
      if (result->exact) ++exact;
      for (std::size_t i = 2; i < figures->size(); ++i) {
        if (!nonzero(graph, (*figures)[i])) return false;
      }
    }
    return exact > 0 && (failing == 0 || (exact >= 2 && exact > failing));
  };
  const auto has_instant = [&](const Row& row) {
    return std::any_of(row.cells.begin(), row.cells.end(),
                       [&](const auto& cell) { return graph.period(cell.second).is_instant(); });
  };
  for (const Row& closing_row : rows) {
    if (!has_instant(closing_row)) continue;
    bool found = false;
    for (const Row& opening_row : rows) {
      if (found || &opening_row == &closing_row || !has_instant(opening_row)) continue;
      // Only rows with a flow between these balances in some column can be
      // movements; trying every pair of rows of a statement would be slow.
      std::vector<const Row*> flow_rows;
      for (const Row& row : rows) {
        if (std::any_of(closing_row.cells.begin(), closing_row.cells.end(), [&](const auto& cell) {
              return roll_forward_in(graph, cell.first, closing_row, opening_row, {&row});
            })) {
          flow_rows.push_back(&row);
        }
      }
      std::vector<std::vector<const Row*>> candidates;
      for (const Row* a : flow_rows)
        candidates.push_back({a});
      for (std::size_t a = 0; a < flow_rows.size(); ++a) {
        for (std::size_t b = a + 1; b < flow_rows.size(); ++b)
          candidates.push_back({flow_rows[a], flow_rows[b]});
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

// How two rows that state one fact relate: a bridge adds back what the
// statement deducts, so the figures agree either as printed (+1) or with the
// sign flipped (-1). The relation is a property of the rows, decided by the
// cells they share, so that an error in one cell is reported against the
// others rather than hiding the link: it must hold in at least two cells and
// more than fail, or in every cell. A label alone, or a column header
// damaged into a duplicate period, is too weak to call a difference an
// error, so rows that agree nowhere are not linked.
std::optional<int> agreement(const StatementGraph& graph,
                             const std::vector<std::pair<FigureId, FigureId>>& cells) {
  std::size_t same = 0, flipped = 0, nonzero_flipped = 0;
  for (const auto& [a, b] : cells) {
    const Decimal x = *graph.value(a), y = *graph.value(b);
    const Decimal tolerance = half_unit(graph, a) + half_unit(graph, b);
    if ((x - y).abs() <= tolerance) ++same;
    if ((x + y).abs() <= tolerance) {
      ++flipped;
      if (!x.is_zero()) ++nonzero_flipped;
    }
  }
  const auto proven = [&](std::size_t agree) {
    return agree > 0 && (agree == cells.size() || (agree >= 2 && 2 * agree > cells.size()));
  };
  if (same >= flipped && proven(same)) return 1;
  if (nonzero_flipped > 0 && proven(flipped)) return -1;
  return std::nullopt;
}

void link(ConstraintSet& constraints, FigureId other, FigureId first, int relation) {
  if (relation > 0) {
    constraints.add_equality(other, first);
  } else {
    const Term flipped[] = {{first, Decimal(-1)}};
    constraints.add_footing(other, flipped);
  }
}

std::size_t restatements(ConstraintSet& constraints, const ReadDocument& read) {
  const StatementGraph& graph = constraints.graph();
  using Cell = std::pair<std::string, std::string>;  // period, unit
  // Rows by key, in document order, each with its figures by cell and, for
  // a cell stated twice in the row (a share count repeated under US$), the
  // repeats.
  struct Item {
    LineItemId item;
    std::map<Cell, FigureId> cells;
    std::vector<std::pair<FigureId, FigureId>> repeats;
  };
  std::map<std::string_view, std::vector<Item>> by_key;
  for (const ReadTable& table : read.tables) {
    for (const FigureId figure : table.figures) {
      if (graph.state(figure) != FigureState::value) continue;
      const LineItemId item = graph.line_item(figure);
      std::vector<Item>& items = by_key[graph.key(item)];
      if (items.empty() || items.back().item != item) items.push_back({item, {}, {}});
      const Cell cell{graph.period(figure).to_string(), graph.unit(figure).to_string()};
      const auto [at, inserted] = items.back().cells.emplace(cell, figure);
      if (!inserted) items.back().repeats.emplace_back(at->second, figure);
    }
  }
  std::size_t added = 0;
  for (const auto& [key, items] : by_key) {
    for (const Item& item : items) {
      for (const auto& [first, other] : item.repeats) {
        if (const auto relation = agreement(graph, {{first, other}}); relation == 1) {
          link(constraints, other, first, 1);
          ++added;
        }
      }
    }
    // Across tables: each figure of a row is linked to its cell in the
    // first earlier row of another table that the row is proven to restate.
    for (std::size_t i = 1; i < items.size(); ++i) {
      std::set<Cell> linked;
      for (std::size_t j = 0; j < i && linked.size() < items[i].cells.size(); ++j) {
        if (graph.table(items[i].item) == graph.table(items[j].item)) continue;
        std::vector<std::pair<FigureId, FigureId>> shared;
        std::vector<Cell> cells;
        for (const auto& [cell, figure] : items[i].cells) {
          if (const auto found = items[j].cells.find(cell); found != items[j].cells.end()) {
            shared.emplace_back(found->second, figure);
            cells.push_back(cell);
          }
        }
        if (shared.empty()) continue;
        const auto relation = agreement(graph, shared);
        if (!relation) continue;
        for (std::size_t k = 0; k < shared.size(); ++k) {
          if (!linked.insert(cells[k]).second) continue;
          link(constraints, shared[k].second, shared[k].first, *relation);
          ++added;
        }
      }
    }
  }
  return added;
}

// The balance sheet's identity: total assets = total liabilities (with any
// mezzanine equity and non-controlling interests) and equity, the first
// "Total liabilities ... equity" row after a "Total assets" row, cell by
// cell, where the figures prove it as for a restatement. Not in a
// convenience translation's columns: each side there may be added up from
// translated lines, and differ from the other by their rounding.
std::size_t balance_identities(ConstraintSet& constraints,
                               const std::vector<std::vector<Row>>& tables,
                               const std::vector<ConvenienceRate>& rates) {
  const StatementGraph& graph = constraints.graph();
  std::size_t added = 0;
  std::optional<Row> assets;
  for (const auto& rows : tables) {
    for (const Row& row : rows) {
      const std::string_view key = graph.key(row.item);
      if (key == "total assets") {
        assets = row;
        continue;
      }
      if (!assets || !key.starts_with("total liabilities") ||
          key.find(" equity") == std::string_view::npos) {
        continue;
      }
      // Proven by the figures that can be read, stated for unreadable ones
      // too (their checks are incomplete, and may determine them).
      std::vector<std::pair<FigureId, FigureId>> shared, readable;
      for (const auto& [column, total] : row.cells) {
        for (const auto& [assets_column, asset_total] : assets->cells) {
          const auto currency = graph.unit(total).currency();
          const bool translated =
              currency && std::any_of(rates.begin(), rates.end(),
                                      [&](const ConvenienceRate& r) { return r.to == *currency; });
          if (translated || graph.period(total) != graph.period(asset_total) ||
              graph.unit(total) != graph.unit(asset_total)) {
            continue;
          }
          shared.emplace_back(asset_total, total);
          if (graph.state(total) == FigureState::value &&
              graph.state(asset_total) == FigureState::value) {
            readable.emplace_back(asset_total, total);
          }
        }
      }
      if (!readable.empty() && agreement(graph, readable) == 1) {
        for (const auto& [asset_total, total] : shared)
          link(constraints, total, asset_total, 1);
        added += shared.size();
      }
      assets.reset();
    }
  }
  return added;
}

// A row none of whose figures can be read, next to a row whose label it
// nearly repeats, is that row printed twice, the copy damaged (text
// extracted from a PDF with two layers of text does this): its figures are
// the other row's, cell by cell, and the solver can read them from there.
std::size_t ghost_rows(ConstraintSet& constraints, const std::vector<std::vector<Row>>& tables) {
  const StatementGraph& graph = constraints.graph();
  std::size_t added = 0;
  for (const auto& rows : tables) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const Row& ghost = rows[r];
      const bool damaged = !ghost.cells.empty() &&
                           std::all_of(ghost.cells.begin(), ghost.cells.end(), [&](const auto& c) {
                             return graph.state(c.second) == FigureState::unreadable;
                           });
      if (!damaged) continue;
      for (const std::size_t n : {r + 1, r - 1}) {
        if (n >= rows.size()) continue;
        const Row& original = rows[n];
        if (!misread_copy(graph.key(ghost.item), graph.key(original.item))) continue;
        std::size_t linked = 0;
        for (const auto& [column, copy] : ghost.cells) {
          const auto found = original.cells.find(column);
          if (found == original.cells.end() || graph.state(found->second) != FigureState::value ||
              graph.period(found->second) != graph.period(copy) ||
              graph.unit(found->second) != graph.unit(copy)) {
            continue;
          }
          constraints.add_equality(copy, found->second);
          ++linked;
        }
        if (linked > 0) {
          added += linked;
          break;
        }
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

// In how many periods of `ratio` multiplier x numerator / denominator,
// computed from the printed figures, rounds to the printed ratio, and in how
// many it does not; nothing when a period lacks a figure to compute it.
struct RatioFit {
  std::size_t held = 0;
  std::size_t failed = 0;
  // Like a roll-up, a ratio is proven by the periods it holds in: in every
  // one, or in at least two that outnumber those it fails in, so that one
  // misprinted figure is reported rather than hiding the ratio.
  bool proven() const { return held > 0 && (failed == 0 || (held >= 2 && held > failed)); }
  // Counts one cell: whether dividend / divisor, computed from printed
  // figures, lies in what the printed ratio stands for.
  void count(const Interval& printed, const Decimal& dividend, const Decimal& divisor) {
    ++(printed.contains(divide(dividend, divisor, 12, RoundingMode::half_even)) ? held : failed);
  }
};
std::optional<RatioFit> ratio_fit(const StatementGraph& graph, const Series& ratio,
                                  const Series& numerator, const Series& denominator,
                                  const Decimal& multiplier) {
  RatioFit fit;
  for (const auto& [period, printed] : ratio.by_period) {
    const auto num = numerator.by_period.find(period);
    const auto den = denominator.by_period.find(period);
    if (num == numerator.by_period.end() || den == denominator.by_period.end()) {
      return std::nullopt;
    }
    const auto n = graph.value(num->second), d = graph.value(den->second);
    const auto r = graph.interval(printed);
    if (!n || !d || !r || d->is_zero() || !graph.value(printed)) return std::nullopt;
    fit.count(*r, *n * multiplier, *d);
  }
  return fit;
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
// that holds in more periods wins, then the one whose label shares most
// words with the ratio's, then (for amounts per share, whose numerator is
// what is attributable to the shareholders) one "attributable"; a tie left
// after that adds nothing.
std::size_t add_proven_ratio(ConstraintSet& constraints, const Series& ratio,
                             const std::vector<Series>& numerators, const Series& denominator,
                             const Decimal& multiplier) {
  const StatementGraph& graph = constraints.graph();
  const Series* best = nullptr;
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  bool tied = false;
  for (const Series& numerator : numerators) {
    if (numerator.item == denominator.item) continue;
    const auto fit = ratio_fit(graph, ratio, numerator, denominator, multiplier);
    if (!fit || !fit->proven()) continue;
    const std::string_view key = graph.key(numerator.item);
    const std::pair<std::size_t, std::size_t> score{
        fit->held, 2 * shared_words(graph.key(ratio.item), key) +
                       (key.find("attributable") != std::string_view::npos ? 1 : 0)};
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

// --- Percentage columns --------------------------------------------------------

// The percentages a rule has already said are a ratio of something: the
// rules after it leave them alone.
using Explained = std::set<FigureId>;

// A table's percentages by column, each with its row, but for those a rule
// has already explained.
struct PercentCell {
  const Row* row;
  FigureId percentage;
};
std::map<std::uint32_t, std::vector<PercentCell>> percent_columns(const StatementGraph& graph,
                                                                  const std::vector<Row>& rows,
                                                                  const Explained& explained) {
  std::map<std::uint32_t, std::vector<PercentCell>> columns;
  for (const Row& row : rows) {
    for (const auto& [column, figure] : row.cells) {
      if (graph.unit(figure).kind() == UnitKind::percent && graph.value(figure) &&
          !explained.contains(figure)) {
        columns[column].push_back({&row, figure});
      }
    }
  }
  return columns;
}

// The amount a percentage in `row` is about: the row's first figure of the
// percentage's period that is not a percentage (the reporting currency's
// column comes before a convenience translation of it).
std::optional<FigureId> amount_beside(const StatementGraph& graph, const Row& row,
                                      FigureId percentage) {
  for (const auto& [column, figure] : row.cells) {
    if (graph.unit(figure).kind() != UnitKind::percent &&
        graph.period(figure) == graph.period(percentage) && graph.value(figure)) {
      return figure;
    }
  }
  return std::nullopt;
}

// The footing whose total is `total`, if a roll-up proved one.
std::optional<ConstraintId> footing_of(const ConstraintSet& constraints, FigureId total) {
  for (const ConstraintId id : constraints.constraints_of(total)) {
    if (constraints.kind(id) == ConstraintKind::footing && constraints.figures(id)[0] == total) {
      return id;
    }
  }
  return std::nullopt;
}

// Adds 100% = Σ the parts' shares when the amount the shares are of is a
// roll-up whose every part has a share in the column.
std::size_t foot_shares(ConstraintSet& constraints, FigureId whole, FigureId total,
                        const std::map<FigureId, FigureId>& share_of_amount) {
  const auto footing = footing_of(constraints, total);
  if (!footing) return 0;
  const auto figures = constraints.figures(*footing);
  std::vector<Term> parts;
  for (std::size_t i = 1; i < figures.size(); ++i) {
    const auto share = share_of_amount.find(figures[i]);
    if (share == share_of_amount.end()) return 0;
    // Stored as total - Σ parts = 0: a part added has weight -1.
    parts.push_back({share->second, -constraints.weight(*footing, i)});
  }
  constraints.add_footing(whole, parts);
  return 1;
}

// A column of percentages in which one row prints 100% is each row's share
// of that row ("Number of employees | Percentage"): percentage = 100 x
// amount / total, over the amounts beside them. Proven, like a ratio, by the
// rows it holds in; the shares then foot as their amounts do, and a share
// rounded the other way so that they add up to 100% is noted by the check,
// not hidden. Returns the ratios and the footings added.
std::pair<std::size_t, std::size_t> shares_of_total(ConstraintSet& constraints,
                                                    const std::vector<Row>& rows,
                                                    Explained& explained) {
  const StatementGraph& graph = constraints.graph();
  std::size_t added = 0, footings = 0;
  for (const auto& [column, cells] : percent_columns(graph, rows, explained)) {
    std::optional<PercentCell> whole;
    bool several = false;
    for (const PercentCell& cell : cells) {
      if (*graph.value(cell.percentage) != Decimal(100)) continue;
      several = several || whole.has_value();
      whole = cell;
    }
    if (!whole || several) continue;
    const auto total = amount_beside(graph, *whole->row, whole->percentage);
    if (!total || graph.value(*total)->is_zero()) continue;
    std::vector<std::pair<FigureId, FigureId>> shares;  // (percentage, amount)
    RatioFit fit;
    for (const PercentCell& cell : cells) {
      if (cell.row == whole->row) continue;
      const auto amount = amount_beside(graph, *cell.row, cell.percentage);
      if (!amount || graph.unit(*amount) != graph.unit(*total)) continue;
      fit.count(*graph.interval(cell.percentage), *graph.value(*amount) * Decimal(100),
                *graph.value(*total));
      shares.emplace_back(cell.percentage, *amount);
    }
    if (!fit.proven()) continue;
    std::map<FigureId, FigureId> share_of_amount;
    for (const auto& [percentage, amount] : shares) {
      constraints.add_ratio(percentage, {{amount, Decimal(1)}}, {{*total, Decimal(1)}},
                            Decimal(100));
      share_of_amount.emplace(amount, percentage);
      explained.insert(percentage);
      ++added;
    }
    footings += foot_shares(constraints, whole->percentage, *total, share_of_amount);
  }
  return {added, footings};
}

// Whether a change to a figure of `current` can be measured from one of
// `prior`: an earlier period of the same kind and length (the year before,
// the quarter before, an earlier balance sheet date).
bool precedes_comparably(const Period& prior, const Period& current) {
  if (prior.is_instant() && current.is_instant()) return prior.instant() < current.instant();
  if (!prior.is_duration() || !current.is_duration()) return false;
  const Duration& p = prior.duration();
  const Duration& c = current.duration();
  const auto months = p.calendar_months();
  const bool same_length = months ? months == c.calendar_months() : p.days() == c.days();
  return same_length && p.last_day() < c.first_day();
}

// A column of percentages beside two periods of the same amounts is the
// change from the earlier to the later ("Year-on-year change"): 100 x
// (current - prior) / prior. Filings differ on a loss that narrows: most
// divide by the prior as printed, (-80 - -100) / -100 = -20%; some by its
// magnitude, +20%. The two periods and the convention are the ones the
// column holds in most rows, whatever period the header gave the column
// (years run either way); a column that holds as well for two pairs of
// periods proves neither.
std::size_t changes_from_prior(ConstraintSet& constraints, const std::vector<Row>& rows,
                               Explained& explained) {
  const StatementGraph& graph = constraints.graph();
  struct Change {
    FigureId percentage, current, prior;
  };
  // (current period, prior period, divided by the prior's magnitude)
  using Basis = std::tuple<Period, Period, bool>;
  std::size_t added = 0;
  for (const auto& [column, cells] : percent_columns(graph, rows, explained)) {
    std::map<Basis, RatioFit> fits;
    std::map<Basis, std::vector<Change>> changes;
    for (const PercentCell& cell : cells) {
      for (const auto& [current_column, current] : cell.row->cells) {
        const auto current_value = graph.value(current);
        if (!current_value || graph.unit(current).kind() == UnitKind::percent) continue;
        for (const auto& [prior_column, prior] : cell.row->cells) {
          const auto prior_value = graph.value(prior);
          if (graph.unit(prior) != graph.unit(current) || !prior_value || prior_value->is_zero() ||
              !precedes_comparably(graph.period(prior), graph.period(current))) {
            continue;
          }
          const Decimal change = (*current_value - *prior_value) * Decimal(100);
          for (const bool magnitude : {false, true}) {
            const Decimal base = magnitude ? prior_value->abs() : *prior_value;
            const Basis basis{graph.period(current), graph.period(prior), magnitude};
            fits[basis].count(*graph.interval(cell.percentage), change, base);
            changes[basis].push_back({cell.percentage, current, prior});
          }
        }
      }
    }
    // Bases in order, the prior as printed before its magnitude: where no
    // prior is negative the two are the same relation, and the first stays.
    const Basis* best = nullptr;
    bool tied = false;
    const auto periods = [](const Basis& b) { return std::pair{std::get<0>(b), std::get<1>(b)}; };
    for (const auto& [basis, fit] : fits) {
      if (!fit.proven()) continue;
      if (!best || fit.held > fits.at(*best).held) {
        best = &basis;
        tied = false;
      } else if (fit.held == fits.at(*best).held && periods(basis) != periods(*best)) {
        tied = true;
      }
    }
    if (!best || tied) continue;
    for (const Change& change : changes.at(*best)) {
      const bool flip = std::get<2>(*best) && graph.value(change.prior)->signum() < 0;
      constraints.add_ratio(change.percentage,
                            {{change.current, Decimal(1)}, {change.prior, Decimal(-1)}},
                            {{change.prior, Decimal(flip ? -1 : 1)}}, Decimal(100));
      explained.insert(change.percentage);
      ++added;
    }
  }
  return added;
}

std::size_t ratios(ConstraintSet& constraints, const std::vector<std::vector<Row>>& statements,
                   const Explained& explained) {
  const StatementGraph& graph = constraints.graph();
  std::size_t added = 0;
  // The reporting currency: the one most money figures are in.
  std::map<std::string, std::size_t> currencies;
  for (const auto& rows : statements) {
    for (const Row& row : rows) {
      for (const auto& [column, figure] : row.cells) {
        const Unit& unit = graph.unit(figure);
        if (unit.kind() == UnitKind::money) ++currencies[std::string(unit.currency()->code())];
      }
    }
  }
  std::vector<Series> amounts;  // in the reporting currency, across statements
  if (!currencies.empty()) {
    const std::string reporting =
        std::max_element(currencies.begin(), currencies.end(), [](const auto& a, const auto& b) {
          return a.second < b.second;
        })->first;
    for (const auto& rows : statements) {
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
  for (const auto& rows : statements) {
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
    for (Series& margin : series_of(
             graph, rows, [](const Unit& unit) { return unit.kind() == UnitKind::percent; })) {
      std::erase_if(margin.by_period,
                    [&](const auto& entry) { return explained.contains(entry.second); });
      if (margin.by_period.empty()) continue;
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
  // A statement's rows with those of its continuations: the loss per share
  // printed after a page break is over the net loss printed before it.
  std::vector<std::vector<Row>> statements;
  // Roll-ups are looked for over a statement and its continuations at once.
  std::vector<Row> block;
  for (const ReadTable& table : read.tables) {
    std::vector<Row> rows = rows_of(graph, table);
    if (!table.continues || statements.empty()) statements.emplace_back();
    statements.back().insert(statements.back().end(), rows.begin(), rows.end());
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
  // Percentages of a total foot as the amounts they are shares of do, so
  // the roll-ups come first.
  Explained explained;
  for (const auto& rows : tables) {
    const auto [shares, footings] = shares_of_total(constraints, rows, explained);
    inferred.ratios += shares + changes_from_prior(constraints, rows, explained);
    inferred.footings += footings;
  }
  inferred.equalities += restatements(constraints, read);
  inferred.equalities += unlabeled_rows(constraints, read);
  inferred.equalities += balance_identities(constraints, tables, rates);
  inferred.equalities += ghost_rows(constraints, tables);
  inferred.ratios += ratios(constraints, statements, explained);
  return inferred;
}

TIEOUT_END_NAMESPACE
