// lib/narrative.cpp - finding figures in prose and tying them to tables.
#include "tieout/narrative.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include "text.hpp"
#include "tieout/printed_figure.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

// Currencies as prose prints them before an amount; Markdown escapes "$".
constexpr std::array<std::string_view, 5> currency_marks = {"US\\$", "HK\\$", "US$", "HK$", "RMB"};
constexpr std::array<std::string_view, 10> superscripts = {"\u00B9", "\u00B2", "\u00B3", "\u2070",
                                                           "\u2074", "\u2075", "\u2076", "\u2077",
                                                           "\u2078", "\u2079"};
constexpr std::array<std::string_view, 4> scale_words = {" thousand", " million", " billion",
                                                         " trillion"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A figure token in a prose line: where it starts and ends, and its text
// cleaned for parsing (escapes and footnote markers removed).
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string clean;
  bool percent = false;
};

// Reads number characters (digits, ',' and '.' between digits) and footnote
// superscripts from `at`; returns the end.
std::size_t scan_number(std::string_view line, std::size_t at, std::string& clean) {
  while (at < line.size()) {
    const char c = line[at];
    if (is_digit(c) || ((c == ',' || c == '.') && at + 1 < line.size() && is_digit(line[at + 1]) &&
                        at > 0 && is_digit(line[at - 1]))) {
      clean += c;
      ++at;
      continue;
    }
    const auto mark =
        std::find_if(superscripts.begin(), superscripts.end(),
                     [&](std::string_view s) { return line.substr(at).starts_with(s); });
    if (mark == superscripts.end()) break;
    at += mark->size();
  }
  return at;
}

std::vector<Token> tokens_of(std::string_view line) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (at < line.size()) {
    const auto mark =
        std::find_if(currency_marks.begin(), currency_marks.end(),
                     [&](std::string_view m) { return line.substr(at).starts_with(m); });
    if (mark != currency_marks.end()) {
      std::size_t after = at + mark->size();
      Token token{at, 0, std::string(*mark == "US\\$" ? "US$" : *mark == "HK\\$" ? "HK$" : *mark)};
      if (after < line.size() && line[after] == '-') token.clean += line[after++];
      if (after < line.size() && is_digit(line[after])) {
        after = scan_number(line, after, token.clean);
        for (const std::string_view word : scale_words) {
          if (line.substr(after).starts_with(word)) {
            token.clean += word;
            after += word.size();
            break;
          }
        }
        token.end = after;
        tokens.push_back(std::move(token));
        at = after;
        continue;
      }
    }
    // A percentage: a number (after a space, an opening parenthesis or the
    // start, optionally signed) right before '%'.
    const bool starts_word = at == 0 || line[at - 1] == ' ' || line[at - 1] == '(';
    if (starts_word && (is_digit(line[at]) ||
                        (line[at] == '-' && at + 1 < line.size() && is_digit(line[at + 1])))) {
      Token token{at, 0, std::string()};
      std::size_t after = at;
      if (line[after] == '-') token.clean += line[after++];
      after = scan_number(line, after, token.clean);
      if (after < line.size() && line[after] == '%') {
        token.clean += '%';
        token.end = after + 1;
        token.percent = true;
        tokens.push_back(std::move(token));
        at = after + 1;
        continue;
      }
    }
    ++at;
  }
  return tokens;
}

// The words of `text` longer than two letters, lower-cased, a plural's
// final 's' dropped ("Other revenues" and "Others" share "other").
std::set<std::string> words_in(std::string_view text) {
  std::set<std::string> words;
  std::string word;
  const auto keep = [&] {
    if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
    if (word.size() > 2) words.insert(word);
    word.clear();
  };
  for (const char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      keep();
    }
  }
  keep();
  return words;
}

std::size_t overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  return static_cast<std::size_t>(
      std::count_if(a.begin(), a.end(), [&](const std::string& w) { return b.contains(w); }));
}

// The direction a growth rate goes, from the words before it.
int direction_in(std::string_view text, int previous) {
  const std::string lowered = text::lower(text);
  const auto last = [&](std::initializer_list<std::string_view> words) {
    std::size_t best = std::string::npos;
    for (const std::string_view w : words) {
      const std::size_t found = lowered.rfind(w);
      if (found != std::string::npos && (best == std::string::npos || found > best)) best = found;
    }
    return best;
  };
  // A loss that "narrowed" moved toward zero: down, as the printed figures
  // (a negative divided by a negative prior) say.
  const std::size_t down = last({"decrease", "down", "declin", "fell", "drop", "narrow"});
  const std::size_t up = last({"increase", "up ", "grew", "growth", "rose", "widen"});
  if (down == std::string::npos && up == std::string::npos) return previous;
  if (up == std::string::npos) return -1;
  if (down == std::string::npos) return 1;
  return down > up ? -1 : 1;
}

// The sentences of a line: split after ". " before a capital or a quote.
std::vector<std::pair<std::size_t, std::size_t>> sentences_of(std::string_view line) {
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  std::size_t begin = 0;
  for (std::size_t i = 0; i + 2 < line.size(); ++i) {
    if (line[i] == '.' && line[i + 1] == ' ' &&
        (std::isupper(static_cast<unsigned char>(line[i + 2])) || line[i + 2] == '*')) {
      sentences.push_back({begin, i + 1});
      begin = i + 2;
    }
  }
  sentences.push_back({begin, line.size()});
  return sentences;
}

class Linker {
 public:
  Linker(const ReadDocument& read, ConstraintSet& constraints, StatementGraph& graph)
      : read_(read), constraints_(constraints), graph_(graph) {}

  void line(const TextLine& prose, std::vector<NarrativeFigure>& found) {
    const std::string_view text = prose.text;
    const std::vector<Token> tokens = tokens_of(text);
    for (const auto& [sentence_begin, sentence_end] : sentences_of(text)) {
      std::optional<FigureId> subject;     // the sentence's first linked amount
      std::optional<FigureId> last_prior;  // what the last growth rate was measured from
      int direction = 1;
      std::size_t previous_end = sentence_begin;
      for (std::size_t t = 0; t < tokens.size(); ++t) {
        const Token& token = tokens[t];
        if (token.begin < sentence_begin || token.end > sentence_end) continue;
        NarrativeFigure figure;
        figure.line = prose.line;
        figure.column = static_cast<std::uint32_t>(token.begin + 1);
        figure.text = std::string(text.substr(token.begin, token.end - token.begin));
        const auto printed = PrintedFigure::try_parse(token.clean);
        if (!printed || printed->is_nil()) {
          figure.note = "not a figure tieout can read";
        } else if (states_rate(prose.line, *printed)) {
          figure.note = "the convenience rate, which the reader applies to the tables";
          figure.rate = true;
        } else if (is_operand(text.substr(sentence_begin, token.begin - sentence_begin))) {
          figure.note = "a factor of a formula the text describes, not a figure it states";
        } else if (token.percent) {
          direction =
              direction_in(text.substr(previous_end, token.begin - previous_end), direction);
          // A growth rate: "... 16.0% ... from RMB1,625.2 million".
          const Token* prior = nullptr;
          if (t + 1 < tokens.size() && tokens[t + 1].end <= sentence_end &&
              is_prior(text, token, tokens[t + 1])) {
            prior = &tokens[t + 1];
          }
          if (prior) {
            link_growth(figure, direction, *printed, {subject, last_prior}, *prior, text);
          } else {
            link_restatement(figure, *printed,
                             text.substr(sentence_begin, token.begin - sentence_begin), subject);
          }
        } else {
          link_restatement(figure, *printed,
                           text.substr(sentence_begin, token.begin - sentence_begin), subject);
          // The subject is the sentence's first linked amount; translations
          // in parentheses and the prior figures of growth rates are not
          // subjects.
          const bool a_prior = t > 0 && is_prior(text, tokens[t - 1], token);
          if (!subject && figure.restates && !in_parentheses(text, token.begin) && !a_prior) {
            subject = figure.restates;
          }
          if (a_prior && figure.restates) last_prior = figure.restates;
        }
        previous_end = token.end;
        found.push_back(std::move(figure));
      }
    }
  }

 private:
  // A side of a convenience rate stated on this line ("RMB7.0176 to
  // US$1.00").
  bool states_rate(std::uint32_t line, const PrintedFigure& printed) const {
    const auto currency = Currency::from_printed(printed.currency);
    return currency && std::any_of(read_.rates.begin(), read_.rates.end(), [&](const auto& rate) {
             return rate.line == line &&
                    ((*currency == rate.from && printed.value() == rate.rate) ||
                     (*currency == rate.to && printed.value() == Decimal(1)));
           });
  }

  // Whether `amount` is the figure a growth rate `rate` is measured from
  // ("16.0% from RMB1,625.2 million").
  static bool is_prior(std::string_view text, const Token& rate, const Token& amount) {
    return rate.percent && !amount.percent && amount.begin >= rate.end &&
           text.substr(rate.end, amount.begin - rate.end).find("from") != std::string_view::npos;
  }

  // Whether the words before a figure make it an operand of a formula
  // ("... by total equity and multiplied by 100%"): it then states nothing
  // a table could restate.
  static bool is_operand(std::string_view before) {
    while (!before.empty() && before.back() == ' ')
      before.remove_suffix(1);
    for (const std::string_view word : {"multiplied by", "divided by", "times"}) {
      if (before.size() >= word.size() &&
          text::lower(before.substr(before.size() - word.size())) == word) {
        return true;
      }
    }
    return false;
  }

  static bool in_parentheses(std::string_view text, std::size_t at) {
    const std::size_t open = text.rfind('(', at);
    const std::size_t close = text.rfind(')', at);
    return open != std::string_view::npos && (close == std::string_view::npos || close < open);
  }

  // The table figures whose interval holds the printed value (or, for a
  // loss stated as a positive amount, its negation), best label first.
  struct Candidate {
    FigureId figure;
    bool negated;
    std::size_t words;
  };

  std::vector<Candidate> candidates(const PrintedFigure& printed, std::string_view context) const {
    const auto currency = Currency::from_printed(printed.currency);
    const Interval stated = Interval::from_rounded(printed.value(), printed.decimals());
    const Interval stated_negated = -stated;
    const std::set<std::string> context_words = words_in(context);
    std::vector<Candidate> found;
    for (const ReadTable& table : read_.tables) {
      for (const FigureId f : table.figures) {
        const auto value = graph_.value(f);
        if (!value) continue;
        const Unit& unit = graph_.unit(f);
        if (printed.percent != (unit.kind() == UnitKind::percent)) continue;
        if (!printed.percent && (!currency || unit.currency() != *currency)) continue;
        const bool direct = stated.contains(*value);
        const bool negated = !direct && !value->is_zero() && stated_negated.contains(*value);
        if (!direct && !negated) continue;
        found.push_back(
            {f, negated, overlap(context_words, words_in(graph_.label(graph_.line_item(f))))});
      }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Candidate& a, const Candidate& b) { return a.words > b.words; });
    return found;
  }

  // The one candidate the words choose. Several with the best overlap are
  // fine when they state one fact (the same amount, as printed or with the
  // sign flipped, for the same period, in several tables); when they differ
  // only in period, the period of the sentence's subject decides, then the
  // period most of the prose has restated so far (a quarter's release
  // speaks of that quarter).
  std::optional<Candidate> choose(const std::vector<Candidate>& found, std::string& note,
                                  const std::optional<FigureId>& subject) const {
    if (found.empty()) {
      note = "no table figure has this value at this precision";
      return std::nullopt;
    }
    if (found[0].words == 0) {
      note = "no table figure with this value shares a word with the sentence";
      return std::nullopt;
    }
    std::vector<Candidate> best;
    for (const Candidate& c : found) {
      if (c.words == found[0].words) best.push_back(c);
    }
    const auto magnitude = [&](const Candidate& c) { return graph_.value(c.figure)->abs(); };
    const auto one_fact = [&](const std::vector<Candidate>& group) {
      return std::all_of(group.begin(), group.end(), [&](const Candidate& c) {
        return magnitude(c) == magnitude(group[0]) &&
               graph_.period(c.figure) == graph_.period(group[0].figure);
      });
    };
    if (one_fact(best)) return best[0];
    const auto narrowed = [&](const Period& period) {
      std::vector<Candidate> in_period;
      for (const Candidate& c : best) {
        if (graph_.period(c.figure) == period) in_period.push_back(c);
      }
      return in_period;
    };
    if (subject) {
      const auto in_period = narrowed(graph_.period(*subject));
      if (!in_period.empty() && one_fact(in_period)) return in_period[0];
    }
    if (!period_counts_.empty()) {
      const auto common =
          std::max_element(period_counts_.begin(), period_counts_.end(),
                           [](const auto& a, const auto& b) { return a.second < b.second; });
      const auto in_period = narrowed(common->first);
      if (!in_period.empty() && one_fact(in_period)) return in_period[0];
    }
    note = "several table figures have this value; the words do not choose between them";
    return std::nullopt;
  }

  FigureId add(const NarrativeFigure& figure, FigureId like, const Unit& unit) {
    if (!table_.valid()) table_ = graph_.add_table(read_.document, "Narrative", TableKind::other);
    const LineItemId item = graph_.add_line_item(
        table_, "In the text: " + std::string(graph_.label(graph_.line_item(like))));
    return graph_.add_figure(item, graph_.period(like), unit, figure.text,
                             {read_.document, figure.line, figure.column});
  }

  // Whether `f` is signed against every other figure of its row, at least
  // two of them: a loss printed as a gain among losses.
  bool against_its_row(FigureId f) const {
    const LineItemId item = graph_.line_item(f);
    const int sign = graph_.value(f)->signum();
    std::size_t agree = 0, against = 0;
    for (const ReadTable& table : read_.tables) {
      for (const FigureId other : table.figures) {
        if (other == f || graph_.line_item(other) != item) continue;
        const auto value = graph_.value(other);
        if (!value || value->is_zero()) continue;
        ++(value->signum() == sign ? agree : against);
      }
    }
    return agree == 0 && against >= 2;
  }

  void link_restatement(NarrativeFigure& figure, const PrintedFigure& printed,
                        std::string_view context, const std::optional<FigureId>& subject) {
    const auto chosen = choose(candidates(printed, context), figure.note, subject);
    if (!chosen) return;
    // Prose states an amount without its sign ("a net loss of RMB1,061.1
    // million"); whether the table figure it restates is negated is read
    // from that figure's own sign. Where that sign is against its whole row
    // it may be the misprint, and a link through it would vouch for it.
    if (!graph_.value(chosen->figure)->is_zero() && against_its_row(chosen->figure)) {
      figure.note =
          "the table figure it restates is signed against the rest of its row, so "
          "the sign the prose leaves out cannot be told";
      return;
    }
    figure.restates = chosen->figure;
    ++period_counts_[graph_.period(chosen->figure)];
    // The graph reads the text itself; escapes and footnotes out.
    NarrativeFigure cleaned = figure;
    cleaned.text = printed.to_string();
    figure.figure = add(cleaned, chosen->figure, graph_.unit(chosen->figure));
    if (chosen->negated) {
      const Term negated[] = {{chosen->figure, Decimal(-1)}};
      constraints_.add_footing(figure.figure, negated);
    } else {
      constraints_.add_equality(figure.figure, chosen->figure);
    }
  }

  // Links a growth rate to the figure it is the growth of and the one it
  // is measured from. The current figure is the sentence's subject, or, in
  // a chain ("up 7.3% from RMB4,630.6 million in 2023, which in turn
  // increased by 8.1% from RMB4,282.7 million"), the figure the last rate
  // was measured from: the subject unless only the chain's figure makes
  // the printed rate hold.
  void link_growth(NarrativeFigure& figure, int direction, const PrintedFigure& rate,
                   std::array<std::optional<FigureId>, 2> currents, const Token& prior_token,
                   std::string_view text) {
    figure.growth = true;
    const std::optional<FigureId> subject = currents[0];
    if (!subject) {
      figure.note = "a growth rate whose current figure is not linked";
      return;
    }
    const auto prior_printed = PrintedFigure::try_parse(prior_token.clean);
    if (!prior_printed || prior_printed->is_nil()) {
      figure.note = "a growth rate whose prior figure cannot be read";
      return;
    }
    // The prior figure: same line item and unit as the current one, by value.
    const auto prior_of = [&](FigureId current, std::string& note) {
      std::vector<Candidate> found = candidates(*prior_printed, text.substr(0, prior_token.begin));
      std::erase_if(found, [&](const Candidate& c) {
        return graph_.unit(c.figure) != graph_.unit(current) ||
               graph_.key(graph_.line_item(c.figure)) != graph_.key(graph_.line_item(current));
      });
      return choose(found, note, std::nullopt);
    };
    const auto holds = [&](FigureId current, FigureId prior) {
      const auto now = graph_.value(current), before = graph_.value(prior);
      if (!now || !before || before->is_zero()) return false;
      return Interval::from_rounded(rate.value(), rate.decimals())
          .contains(divide((*now - *before) * Decimal(100 * direction), *before, 12,
                           RoundingMode::half_even));
    };
    std::string note;
    std::optional<FigureId> current = subject;
    auto prior = prior_of(*subject, note);
    if (currents[1] && currents[1] != subject && !(prior && holds(*subject, prior->figure))) {
      std::string chained_note;
      const auto chained_prior = prior_of(*currents[1], chained_note);
      if (chained_prior && holds(*currents[1], chained_prior->figure)) {
        current = currents[1];
        prior = chained_prior;
      }
    }
    if (!prior) {
      figure.note = "a growth rate whose prior figure is not linked: " + note;
      return;
    }
    figure.restates = current;
    figure.figure = add(figure, *current, Unit::percent());
    constraints_.add_ratio(figure.figure, {{*current, Decimal(1)}, {prior->figure, Decimal(-1)}},
                           {{prior->figure, Decimal(1)}}, Decimal(100 * direction));
  }

  const ReadDocument& read_;
  ConstraintSet& constraints_;
  StatementGraph& graph_;
  TableId table_;
  std::map<Period, std::size_t> period_counts_;  // of the figures restated so far
};

}  // namespace

void link_narrative(const TextDocument& document, ReadDocument& read, ConstraintSet& constraints,
                    StatementGraph& graph) {
  std::vector<NarrativeFigure> found;
  Linker linker(read, constraints, graph);
  for (const TextLine& prose : document.prose)
    linker.line(prose, found);
  read.narrative = std::move(found);
}

TIEOUT_END_NAMESPACE
