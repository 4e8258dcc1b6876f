// lib/header.cpp - reading and repairing header rows.
#include "header.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <tuple>

#include "text.hpp"
#include "tieout/printed_figure.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace header {
namespace {

using text::clean;
using text::lower;
using text::words_of;

bool all_digits(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<unsigned> month_of(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return std::nullopt;
  for (unsigned m = 0; m < names.size(); ++m) {
    if (names[m].starts_with(word)) return m + 1;
  }
  return std::nullopt;
}

std::optional<int> year_of(std::string_view word) {
  if (word.size() != 4 || !all_digits(word)) return std::nullopt;
  const int year = std::stoi(std::string(word));
  if (year < 1900 || year > 2199) return std::nullopt;
  return year;
}

// The years of a cell that holds only years, two or more ("2022 2023", as
// extraction merges a cell with its neighbour's).
std::vector<DateParts> years_of(std::string_view cell) {
  std::vector<DateParts> years;
  for (const std::string& word : words_of(cell)) {
    const auto year = year_of(word);
    if (!year) return {};
    years.push_back(DateParts{year, std::nullopt, std::nullopt});
  }
  return years.size() >= 2 ? years : std::vector<DateParts>{};
}

std::optional<int> months_in(const std::vector<std::string>& words) {
  static const std::map<std::string, int, std::less<>> numbers = {
      {"one", 1}, {"three", 3}, {"six", 6}, {"nine", 9}, {"twelve", 12},
      {"3", 3},   {"6", 6},     {"9", 9},   {"12", 12}};
  for (std::size_t i = 0; i < words.size(); ++i) {
    if ((words[i] == "months" || words[i] == "month") && i > 0) {
      if (const auto found = numbers.find(words[i - 1]); found != numbers.end()) {
        return found->second;
      }
    }
    if (words[i] == "year" || words[i] == "years" || words[i] == "fiscal") return 12;
    if (words[i] == "quarter") return 3;
  }
  return std::nullopt;
}

bool is_word(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::optional<Span> span_of(std::string_view cell, std::uint32_t column) {
  const std::vector<std::string> words = words_of(cell);
  const bool ended = is_word(words, "ended");
  // "As at", "As of", and Hong Kong's "At 31 December": an instant, whose
  // date follows the first `instant_words` words.
  std::size_t instant_words = 0;
  if (words.size() > 1 && words[0] == "as" && (words[1] == "at" || words[1] == "of")) {
    instant_words = 2;
  } else if (words.size() > 2 && words[0] == "at" && (month_of(words[1]) || month_of(words[2]))) {
    instant_words = 1;  // "At 31 December", "At December 31"
  }
  const bool as_at = instant_words > 0;
  // "For the year December 31": a span whose "ended" extraction lost.
  const bool for_the = words.size() > 2 && words[0] == "for" && words[1] == "the";
  if (!ended && !as_at && !for_the) return std::nullopt;
  Span span;
  span.column = column;
  span.text = std::string(cell);
  if (!as_at) {
    span.months = months_in(words);
    if (!span.months) return std::nullopt;
  }
  // The date words follow "ended" / "as at", or the length ("year").
  std::size_t tail = words.size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "ended" || (as_at && i + 1 == instant_words)) tail = i + 1;
  }
  if (tail == words.size() && !as_at && !ended) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (words[i] == "year" || words[i] == "years" || words[i] == "months") tail = i + 1;
    }
  }
  std::string date;
  for (std::size_t i = tail; i < words.size(); ++i)
    date.append(words[i]).append(" ");
  if (const auto parts = date_parts(date)) {
    span.date = *parts;
  } else {
    // A date cut short ("December 3", "Decembe"): keep the month it names.
    for (std::size_t i = tail; i < words.size(); ++i) {
      if (const auto month = month_of(words[i])) {
        span.date.month = month;
        if (i + 1 < words.size() && all_digits(words[i + 1]) && words[i + 1].size() <= 2) {
          span.date.day = static_cast<unsigned>(std::stoi(words[i + 1]));
        }
        break;
      }
    }
  }
  return span;
}

// "RMB", "US$", and with the scale after it: "RMB'000", "RMB '000".
std::optional<Currency> currency_in(std::string_view cell) {
  if (auto currency = Currency::from_printed(cell)) return currency;
  for (const std::string_view suffix : {"'000", "\u2019000"}) {
    if (!cell.ends_with(suffix)) continue;
    std::string_view rest = cell.substr(0, cell.size() - suffix.size());
    while (!rest.empty() && rest.back() == ' ')
      rest.remove_suffix(1);
    return Currency::from_printed(rest);
  }
  return std::nullopt;
}

bool is_currency(std::string_view cell) {
  return currency_in(cell).has_value();
}

// "%", "(%)", and the headings of change and share columns: "YoY %",
// "% change", "Change (%)", "% of total".
bool is_percent_mark(std::string_view cell) {
  return text::contains(cell, "%") && !text::has_digit(cell);
}

bool is_notes(std::string_view cell) {
  const std::string l = lower(cell);
  return l == "notes" || l == "note";
}

// Adds a date printed in a header cell to what the rows above said of its
// column: "June 30," over "2023" is one date printed on two rows. A date that
// does not complete the one above replaces it.
void add_date(std::vector<DateParts>& column, const DateParts& parts) {
  if (column.size() == 1) {
    DateParts& above = column.front();
    const bool completes = (!above.year || !parts.year) && (!above.month || !parts.month) &&
                           (!above.day || !parts.day);
    if (completes) {
      if (parts.year) above.year = parts.year;
      if (parts.month) above.month = parts.month;
      if (parts.day) above.day = parts.day;
      return;
    }
  }
  column = {parts};
}

// The day a period ends with: an instant's date, a duration's last day.
Date last_day_of(const Period& period) {
  return period.is_instant() ? period.instant().date() : period.duration().last_day();
}

}  // namespace

std::optional<DateParts> date_parts(std::string_view cell) {
  DateParts parts;
  for (const std::string& word : words_of(cell)) {
    if (const auto month = month_of(word); month && !parts.month) {
      parts.month = month;
    } else if (const auto year = year_of(word)) {
      if (parts.year) return std::nullopt;
      parts.year = year;
    } else if (word.size() <= 2 && all_digits(word)) {
      const unsigned day = static_cast<unsigned>(std::stoi(word));
      if (day < 1 || day > 31 || parts.day) return std::nullopt;
      parts.day = day;
    } else {
      return std::nullopt;
    }
  }
  if (!parts.year && !(parts.month && parts.day)) return std::nullopt;
  return parts;
}

bool is_date(std::string_view cell) {
  // "11/24/2023", "2023-11-24".
  const auto numeric = [&](char separator) {
    std::size_t parts = 0, digits = 0;
    for (const char c : cell) {
      if (c >= '0' && c <= '9') {
        ++digits;
      } else if (c == separator && digits > 0) {
        ++parts;
        digits = 0;
      } else {
        return false;
      }
    }
    return parts == 2 && digits > 0;
  };
  if (numeric('/') || numeric('-')) return true;
  const auto parts = date_parts(cell);
  return parts && parts->complete();
}

std::optional<Scale> scale_in(std::string_view text) {
  const std::string l = lower(text);
  if (text::contains(l, "in thousands") || text::contains(l, "'000") ||
      text::contains(l, "\u2019000")) {
    return Scale::thousands;
  }
  if (text::contains(l, "in millions")) return Scale::millions;
  if (text::contains(l, "in billions")) return Scale::billions;
  return std::nullopt;
}

bool is_header_row(const TextRow& row) {
  if (row.fields.empty()) return false;
  const std::string label = clean(row.fields[0]);
  if (text::has_letter(label) || text::has_digit(label)) return false;
  bool says_what_columns_are = false;
  for (std::size_t f = 1; f < row.fields.size(); ++f) {
    const std::string cell = clean(row.fields[f]);
    if (cell.empty()) continue;
    if (span_of(cell, 0) || date_parts(cell) || !years_of(cell).empty() || is_currency(cell) ||
        is_percent_mark(cell) || scale_in(cell)) {
      says_what_columns_are = true;
    } else if (!text::has_letter(cell) && text::has_digit(cell)) {
      return false;  // a figure: this is a data row
    }
  }
  if (says_what_columns_are) return true;
  // A span split over cells: "For the ye | ar ended Decembe | r 31,".
  std::string joined;
  for (std::size_t f = 1; f < row.fields.size(); ++f)
    joined += clean(row.fields[f]);
  return span_of(joined, 0).has_value();
}

Header parse_header(const std::vector<TextRow>& rows, std::size_t begin, std::size_t end) {
  Header header;
  if (begin < end) header.first_line = rows[begin].line;
  for (std::size_t r = begin; r < end; ++r) {
    const auto& fields = rows[r].fields;
    std::vector<std::uint32_t> fragments;  // cells that say nothing alone
    const auto join_fragments = [&] {
      // A span split over cells ("For the ye | ar ended Decembe | r 31,")
      // reads when its pieces are put back together.
      for (std::size_t first = 0; first < fragments.size(); ++first) {
        std::string joined;
        for (std::size_t last = first; last < fragments.size() && last < first + 3; ++last) {
          joined += clean(fields[fragments[last] - 1]);
          if (last == first) continue;
          if (auto span = span_of(joined, fragments[first])) {
            header.spans.push_back(*span);
            first = last;
            break;
          }
        }
      }
      fragments.clear();
    };
    for (std::uint32_t f = 1; f < fields.size(); ++f) {
      const std::string cell = clean(fields[f]);
      if (cell.empty()) continue;
      const std::uint32_t column = f + 1;
      if (const auto scale = scale_in(cell)) header.scale = scale;
      if (auto span = span_of(cell, column)) {
        join_fragments();
        header.spans.push_back(std::move(*span));
      } else if (const auto parts = date_parts(cell)) {
        add_date(header.dates[column], *parts);
      } else if (auto years = years_of(cell); !years.empty()) {
        if (years.size() == 1) {
          add_date(header.dates[column], years.front());
        } else {
          header.dates[column] = std::move(years);
        }
      } else if (const auto currency = currency_in(cell)) {
        header.currencies.insert_or_assign(column, *currency);
      } else if (is_percent_mark(cell)) {
        header.percent.insert(column);
      } else if (is_notes(cell)) {
        header.notes.insert(column);
      } else if (text::has_letter(cell)) {
        fragments.push_back(column);
      }
    }
    join_fragments();
  }
  return header;
}

void DateConsensus::add(const Header& header) {
  for (const Span& span : header.spans) {
    if (span.date.month && span.date.day) {
      ++seen_[span.months.value_or(0)][{*span.date.month, *span.date.day}];
    }
  }
}

std::optional<std::pair<unsigned, unsigned>> DateConsensus::of(int months) const {
  const auto found = seen_.find(months);
  if (found == seen_.end()) return std::nullopt;
  std::optional<std::pair<unsigned, unsigned>> best;
  int best_count = 0, runner_up = 0;
  for (const auto& [date, count] : found->second) {
    if (count > best_count) {
      runner_up = best_count;
      best_count = count;
      best = date;
    } else {
      runner_up = std::max(runner_up, count);
    }
  }
  if (best_count < 2 || best_count == runner_up) return std::nullopt;
  return best;
}

namespace {

// Completes a span's month and day from the document's other spans of its
// length: a day lost ("Decembe") or cut short ("December 3" where the
// document's other year-ends are December 31), or no date at all.
std::optional<Repair> repair(Span& span, const DateConsensus& consensus, std::uint32_t line) {
  const auto agreed = consensus.of(span.months.value_or(0));
  if (!agreed) return std::nullopt;
  const auto [month, day] = *agreed;
  DateParts& date = span.date;
  if (date.month && *date.month != month) return std::nullopt;
  if (date.month && date.day) {
    const std::string printed = std::to_string(*date.day), agreed_day = std::to_string(day);
    if (printed == agreed_day || !agreed_day.starts_with(printed)) return std::nullopt;
  }
  date.month = month;
  date.day = day;
  static constexpr std::array<std::string_view, 12> names = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  std::string reading =
      span.months ? (*span.months == 12 ? "year" : std::to_string(*span.months) + " months") +
                        std::string(" ended ")
                  : std::string("as at ");
  reading += std::string(names[month - 1]) + " " + std::to_string(day) +
             ", as the document's other headers of this length state";
  return Repair{line, span.column, span.text, std::move(reading)};
}

}  // namespace

Layout resolve(const Header& printed, const DateConsensus& consensus,
               const std::set<std::uint32_t>& data_columns, std::optional<Period> prose_period) {
  Layout layout;
  layout.scale = printed.scale;
  std::vector<Span> spans = printed.spans;
  // Headers that print only years ("2024 2023") under a title that states
  // the date ("For the year ended 31 December 2024", "At 31 December
  // 2024") take the title's month, day and length.
  if (spans.empty() && prose_period) {
    Span from_prose;
    const Date last = last_day_of(*prose_period);
    if (prose_period->is_duration()) from_prose.months = prose_period->duration().calendar_months();
    if (prose_period->is_instant() || from_prose.months) {
      from_prose.date.month = static_cast<unsigned>(last.month());
      from_prose.date.day = static_cast<unsigned>(last.day());
      from_prose.text = prose_period->to_string();
      spans.push_back(std::move(from_prose));
    }
  }
  for (const auto& [column, currency] : printed.currencies)
    layout.columns[column].currency = currency;
  for (const std::uint32_t column : printed.percent)
    layout.columns[column].percent = true;
  for (const std::uint32_t column : printed.notes)
    layout.columns[column].notes = true;

  const auto currency_code = [&](std::uint32_t column) {
    const auto found = printed.currencies.find(column);
    return found == printed.currencies.end() ? std::string() : std::string(found->second.code());
  };
  // One date per column. A cell holding several years takes the one no
  // other column of its currency states.
  std::map<std::uint32_t, DateParts> dates;
  std::set<std::pair<int, std::string>> taken;
  for (const auto& [column, candidates] : printed.dates) {
    if (candidates.size() == 1) {
      dates[column] = candidates.front();
      taken.insert({candidates.front().year.value_or(0), currency_code(column)});
    }
  }
  for (const auto& [column, candidates] : printed.dates) {
    if (candidates.size() == 1) continue;
    std::vector<DateParts> free;
    for (const DateParts& candidate : candidates) {
      if (!taken.contains({candidate.year.value_or(0), currency_code(column)})) {
        free.push_back(candidate);
      }
    }
    if (free.size() == 1) {
      dates[column] = free.front();
    } else {
      layout.columns[column].unplaced_reason = "the header states several years for this column";
    }
  }
  // Dates printed over columns that hold no figures, while columns with a
  // currency and figures have none: extraction moved them. They are given
  // back in order.
  std::vector<std::uint32_t> stray, undated;
  for (const auto& [column, date] : dates) {
    if (!data_columns.contains(column)) stray.push_back(column);
  }
  for (const std::uint32_t column : data_columns) {
    if (!dates.contains(column) && printed.currencies.contains(column)) undated.push_back(column);
  }
  if (!stray.empty() && stray.size() == undated.size()) {
    for (std::size_t i = 0; i < stray.size(); ++i) {
      dates[undated[i]] = dates[stray[i]];
      dates.erase(stray[i]);
      layout.repairs.push_back({printed.first_line, undated[i], "field " + std::to_string(stray[i]),
                                "its date, printed over a column without figures"});
    }
  }

  // Which span each dated column falls under: the last starting at or left
  // of it. A column left of every span takes the first when all spans of the
  // header agree (extraction shifted the span's label right).
  const auto same = [](const Span& a, const Span& b) {
    return a.months == b.months && a.date.month == b.date.month && a.date.day == b.date.day;
  };
  const bool spans_agree = std::all_of(spans.begin(), spans.end(),
                                       [&](const Span& s) { return same(s, spans.front()); });
  constexpr std::size_t no_span = static_cast<std::size_t>(-1);
  std::map<std::uint32_t, std::size_t> span_of_column;
  for (const auto& [column, parts] : dates) {
    std::size_t span = no_span;
    for (std::size_t s = 0; s < spans.size(); ++s) {
      if (spans[s].column <= column && (span == no_span || spans[s].column > spans[span].column)) {
        span = s;
      }
    }
    if (span == no_span && !spans.empty() && spans_agree) span = 0;
    span_of_column[column] = span;
  }
  // Extraction can also shift a span's label right within a header of
  // several spans: when that reading puts two columns of the same date and
  // currency under spans of one length, the columns are regrouped where
  // their dates start over, if that gives as many groups as spans.
  using Key = std::tuple<int, unsigned, unsigned, int, std::string>;
  std::set<Key> seen;
  bool duplicated = false;
  for (const auto& [column, parts] : dates) {
    const std::size_t span = span_of_column[column];
    const Key key{parts.year.value_or(0), parts.month.value_or(0), parts.day.value_or(0),
                  span != no_span ? spans[span].months.value_or(0) : 0, currency_code(column)};
    duplicated = duplicated || !seen.insert(key).second;
  }
  if (duplicated && spans.size() >= 2) {
    const auto order = [](const DateParts& d) {
      return std::tuple{d.year.value_or(0), d.month.value_or(0), d.day.value_or(0)};
    };
    std::map<std::uint32_t, std::size_t> regrouped;
    std::size_t group = 0;
    const DateParts* previous = nullptr;
    bool fits = true;
    for (const auto& [column, parts] : dates) {
      if (previous && order(parts) < order(*previous)) ++group;
      if (group >= spans.size()) {
        fits = false;
        break;
      }
      regrouped[column] = group;
      previous = &parts;
    }
    if (fits && group + 1 == spans.size()) span_of_column = regrouped;
  }

  std::set<std::size_t> repaired;
  for (const auto& [column, parts] : dates) {
    ColumnMeaning& meaning = layout.columns[column];
    const std::size_t s = span_of_column.at(column);
    const Span* span = s == no_span ? nullptr : &spans[s];
    DateParts date = parts;
    const auto complete_from_span = [&] {
      if (!date.month) date.month = span->date.month;
      if (!date.day) date.day = span->date.day;
    };
    if (span) {
      complete_from_span();
      // Only a span whose own date leaves the column incomplete, or one cut
      // short, is completed from the document's other headers.
      if (!repaired.contains(s) && (!date.complete() || !parts.day)) {
        if (auto repair_made = repair(spans[s], consensus, printed.first_line)) {
          layout.repairs.push_back(std::move(*repair_made));
          repaired.insert(s);
          date = parts;
          complete_from_span();
        }
      }
    }
    if (!date.complete()) {
      meaning.unplaced_reason = "the header gives no complete date for this column";
      continue;
    }
    const Date day{std::chrono::year{*date.year}, std::chrono::month{*date.month},
                   std::chrono::day{*date.day}};
    if (!day.ok()) {
      meaning.unplaced_reason = "the header's date for this column is not a calendar date";
      continue;
    }
    if (span && span->months) {
      meaning.period = Duration::months_ended(day, *span->months);
    } else {
      meaning.period = Instant(day);
    }
  }
  // A column with a currency or "(%)" but no date of its own, right of
  // dated columns, restates the nearest of them: the convenience
  // translation ("RMB RMB US$" under "2022 2023") or a margin. A change
  // column is of the latest period, whichever way the years run.
  if (!dates.empty()) {
    for (const std::uint32_t column : data_columns) {
      ColumnMeaning& meaning = layout.columns[column];
      if (dates.contains(column) || printed.dates.contains(column) || meaning.period) continue;
      if (!meaning.currency && !meaning.percent) continue;
      // The columns left of it that say something, nearest first.
      std::vector<const ColumnMeaning*> left_of;
      for (std::uint32_t left = column; left-- > 1;) {
        const auto found = layout.columns.find(left);
        if (found != layout.columns.end() && (found->second.period || found->second.percent)) {
          left_of.push_back(&found->second);
        }
      }
      const auto is_percentage = [](const ColumnMeaning* m) { return m->percent && !m->currency; };
      const auto latest_of = [&](auto first, auto last) {
        std::optional<Period> latest;
        for (auto it = first; it != last; ++it) {
          if ((*it)->period && !is_percentage(*it) &&
              (!latest || last_day_of(*latest) < last_day_of(*(*it)->period))) {
            latest = (*it)->period;
          }
        }
        return latest;
      };
      const auto dated_run = std::find_if(left_of.begin(), left_of.end(), [&](const auto* m) {
        return !m->period || is_percentage(m);
      });
      if (left_of.empty()) continue;
      if (!is_percentage(&meaning)) {
        const auto nearest = std::find_if(left_of.begin(), left_of.end(), [&](const auto* m) {
          return m->period && !is_percentage(m);
        });
        if (nearest != left_of.end()) meaning.period = (*nearest)->period;
      } else if (is_percentage(left_of.front())) {
        // Right of another percentage ("2024 | % | 2023 | % | Change"): a
        // change, of the latest period.
        meaning.period = latest_of(left_of.begin(), left_of.end());
      } else if (dated_run - left_of.begin() >= 2) {
        // Right of several dated columns ("2024 | 2023 | Change"): their
        // change, of the latest.
        meaning.period = latest_of(left_of.begin(), dated_run);
      } else {
        meaning.period = left_of.front()->period;  // a margin of its column
      }
    }
  } else if (prose_period) {
    layout.default_period = prose_period;
  }
  return layout;
}

std::optional<Period> period_in_prose(std::string_view line) {
  const std::vector<std::string> words = words_of(line);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    // "as of", "as at", or a title that opens with "At 31 December 2024".
    const bool as_at = words[i] == "as" && (words[i + 1] == "of" || words[i + 1] == "at");
    const bool at = i == 0 && words[i] == "at";
    const bool ended = words[i] == "ended";
    if (!as_at && !at && !ended) continue;
    std::optional<int> months;
    if (ended) {
      months = months_in(
          std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(i > 3 ? i - 3 : 0),
                                   words.begin() + static_cast<std::ptrdiff_t>(i)));
      if (!months) continue;
    }
    // The shortest run of words after it that is a complete date.
    std::string date;
    for (std::size_t j = i + (as_at ? 2 : 1); j < words.size() && j < i + 6; ++j) {
      date.append(words[j]).append(" ");
      const auto parts = date_parts(date);
      if (!parts || !parts->complete()) continue;
      const Date day{std::chrono::year{*parts->year}, std::chrono::month{*parts->month},
                     std::chrono::day{*parts->day}};
      if (!day.ok()) break;
      if (months) return Duration::months_ended(day, *months);
      return Instant(day);
    }
  }
  return std::nullopt;
}

}  // namespace header
TIEOUT_END_NAMESPACE
