#include "tieout/gtest.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "tieout/error.hpp"

TIEOUT_BEGIN_NAMESPACE

namespace {

// A lookup failure is the script's mistake, reported at the script's line
// rather than here.
void fail_at(const std::source_location& caller, const std::string& message) {
  ADD_FAILURE_AT(caller.file_name(), static_cast<int>(caller.line())) << message;
}

// Digits grouped in threes as filings print them; the decimal part is kept
// as it is.
std::string grouped(const Decimal& value) {
  const std::string plain = value.to_string();
  const std::size_t sign = plain.starts_with('-') ? 1 : 0;
  const std::size_t point = std::min(plain.find('.'), plain.size());
  std::string out(plain.substr(0, sign));
  for (std::size_t i = sign; i < point; ++i) {
    if (i > sign && (point - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  out += plain.substr(point);
  return out;
}

// A value in units shown at a table's scale: 45,000 in a thousands table is
// "45 thousand". The division is exact: a power of ten only moves the point.
std::string at_scale(const Decimal& value, Scale scale) {
  const int exponent = exponent_of(scale);
  if (exponent == 0) return grouped(value);
  const Decimal shown = value * Decimal::from_coefficient(1, exponent);
  const char* word = scale == Scale::thousands  ? " thousand"
                     : scale == Scale::millions ? " million"
                     : scale == Scale::billions ? " billion"
                                                : " trillion";
  // Trailing zeros after the point carry no precision here: 45.000 is 45.
  std::string text = grouped(shown);
  if (text.find('.') != std::string::npos) {
    while (text.ends_with('0'))
      text.pop_back();
    if (text.ends_with('.')) text.pop_back();
  }
  return text + word;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

const Decimal& half() {
  static const Decimal value = Decimal::from_coefficient(5, 1);
  return value;
}

bool failing(Verdict verdict) {
  return verdict == Verdict::fail;
}

}  // namespace

// --- Figures ----------------------------------------------------------------

FigureRef figure(const StatementGraph& graph, std::string_view where, std::source_location caller) {
  const auto found = find_figure(graph, where);
  if (!found) {
    fail_at(caller, "no such figure: " + found.error().to_string());
    return {&graph, FigureId()};
  }
  return {&graph, *found};
}

FigureRef figure(const Audit& audit, std::string_view where, std::source_location caller) {
  return figure(audit.graph(), where, caller);
}

FigureRef figure(const StatementGraph& graph, const FigureQuery& query,
                 std::source_location caller) {
  const auto found = find_figure(graph, query);
  if (!found) {
    fail_at(caller, "no such figure: " + found.error().to_string());
    return {&graph, FigureId()};
  }
  return {&graph, *found};
}

FigureRef figure(const Audit& audit, const FigureQuery& query, std::source_location caller) {
  return figure(audit.graph(), query, caller);
}

Stated stated(std::string_view text, std::string_view where, std::source_location caller) {
  Stated out{PrintedFigure{}, std::string(text), std::string(where)};
  if (auto parsed = PrintedFigure::try_parse(text)) {
    out.printed = *parsed;
  } else {
    fail_at(caller, "\"" + std::string(text) + "\" is not a figure: " + parsed.error().reason);
  }
  return out;
}

Amount::Amount(const FigureRef& figure) : description_(figure.describe()) {
  if (!figure.valid()) return;
  const StatementGraph& graph = *figure.graph;
  unit_ = graph.unit(figure.id);
  scale_ = graph.scale(figure.id);
  if (graph.state(figure.id) == FigureState::unreadable) {
    description_ += " [unreadable]";
    return;
  }
  interval_ = graph.interval(figure.id);
  value_ = graph.state(figure.id) == FigureState::nil ? Decimal() : graph.value(figure.id);
}

Amount::Amount(const Stated& stated) : description_(stated.text) {
  if (!stated.where.empty()) description_ += " (" + stated.where + ")";
  const PrintedFigure& printed = stated.printed;
  scale_ = printed.scale_word;
  if (printed.percent) {
    unit_ = Unit::percent();
  } else if (const auto currency = Currency::from_printed(printed.currency)) {
    unit_ = Unit::money(*currency);
  }
  if (printed.is_nil()) {
    value_ = Decimal();
    interval_ = Interval(Decimal());
    return;
  }
  value_ = printed.value();
  interval_ = Interval::from_rounded(*value_, printed.decimals());
}

Amount percent_of(const Amount& part, const Amount& whole) {
  Amount out;
  out.description_ = "100 × " + part.description() + " ÷ " + whole.description();
  out.unit_ = Unit::percent();
  if (!part.interval() || !whole.interval() || !part.value() || !whole.value()) {
    out.description_ += " [cannot be read]";
    return out;
  }
  // Twelve places, as CheckOptions::ratio_scale, keep the outward rounding
  // far below any printed percentage's precision.
  constexpr int places = 12;
  const Decimal hundred(100);
  try {
    out.interval_ = divide(*part.interval(), *whole.interval(), places).scaled(hundred);
    out.value_ = divide(*part.value() * hundred, *whole.value(), places, RoundingMode::half_even);
  } catch (const domain_error&) {
    out.description_ += " [the whole can be zero]";
    out.interval_.reset();
    out.value_.reset();
    return out;
  }
  out.description_ += " = " + grouped(out.value_->rescaled(4, RoundingMode::half_even)) + "%";
  return out;
}

// --- Custom checks ----------------------------------------------------------

std::optional<ConstraintId> add_footing(Audit& audit, std::string_view total,
                                        std::initializer_list<std::string_view> parts,
                                        std::source_location caller) {
  const auto found_total = find_figure(audit.graph(), total);
  if (!found_total) {
    fail_at(caller, "footing not added: " + found_total.error().to_string());
    return std::nullopt;
  }
  std::vector<FigureId> part_ids;
  for (const std::string_view part : parts) {
    const auto found = find_figure(audit.graph(), part);
    if (!found) {
      fail_at(caller, "footing not added: " + found.error().to_string());
      return std::nullopt;
    }
    part_ids.push_back(*found);
  }
  try {
    return audit.constraints().add_footing(*found_total, part_ids);
  } catch (const domain_error& e) {
    fail_at(caller, std::string("footing not added: ") + e.what());
    return std::nullopt;
  }
}

std::optional<ConstraintId> add_footing_by_labels(
    Audit& audit, const FigureQuery& total, std::initializer_list<std::string_view> part_labels,
    std::source_location caller) {
  const StatementGraph& graph = audit.graph();
  const auto found_total = find_figure(graph, total);
  if (!found_total) {
    fail_at(caller, "footing not added: " + found_total.error().to_string());
    return std::nullopt;
  }
  const TableId table = graph.table(graph.line_item(*found_total));
  std::vector<FigureId> part_ids;
  for (const std::string_view label : part_labels) {
    FigureQuery query{std::string(label), graph.period(*found_total), graph.unit(*found_total), {}};
    std::vector<FigureId> candidates = find_figures(graph, query);
    std::erase_if(candidates,
                  [&](FigureId id) { return graph.table(graph.line_item(id)) != table; });
    if (candidates.size() != 1) {
      fail_at(caller, "footing not added: " + std::to_string(candidates.size()) +
                          " figures labelled \"" + std::string(label) + "\" in the table of " +
                          graph.describe(*found_total) +
                          " with its period and unit; one is needed");
      return std::nullopt;
    }
    part_ids.push_back(candidates.front());
  }
  try {
    return audit.constraints().add_footing(*found_total, part_ids);
  } catch (const domain_error& e) {
    fail_at(caller, std::string("footing not added: ") + e.what());
    return std::nullopt;
  }
}

// --- Findings ---------------------------------------------------------------

namespace {

// A check as a working paper states it (report.hpp's describe_finding: the
// severity, both sides with file:line:column, the difference, the
// tolerance), then each suspect the solver names for it.
std::string finding_with_suspects(const TieOut& tie_out, ConstraintId constraint) {
  std::string out = describe_finding(tie_out, constraint);
  for (const Suspect& suspect : tie_out.solution.suspects) {
    if (std::find(suspect.explains.begin(), suspect.explains.end(), constraint) !=
        suspect.explains.end()) {
      out += "\n  " + describe_suspect(tie_out, suspect);
    }
  }
  return out;
}

}  // namespace

namespace {

std::string failures(const TieOut& tie_out) {
  std::string out;
  for (std::size_t i = 0; i < tie_out.checks.results.size(); ++i) {
    if (!failing(tie_out.checks.results[i].verdict)) continue;
    out += "\n" + finding_with_suspects(tie_out, ConstraintId(static_cast<std::uint32_t>(i)));
  }
  return out;
}

}  // namespace

::testing::AssertionResult ties_out_assertion(const char* tie_out_text, const TieOut& tie_out) {
  if (tie_out.ties_out()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << tie_out_text << " does not tie out: " << tie_out.checks.count(Verdict::fail) << " of "
         << tie_out.checks.results.size() << " checks fail" << failures(tie_out);
}

::testing::AssertionResult foots_assertion(const char* tie_out_text, const char* label_text,
                                           const TieOut& tie_out, std::string_view label) {
  const std::string key = label_key(label);
  const StatementGraph& graph = *tie_out.graph;
  const ConstraintSet& constraints = *tie_out.constraints;
  std::size_t footings = 0;
  std::string bad;
  for (std::uint32_t i = 0; i < constraints.size(); ++i) {
    const ConstraintId id(i);
    if (constraints.kind(id) != ConstraintKind::footing) continue;
    const FigureId total = constraints.figures(id).front();
    if (graph.key(graph.line_item(total)) != key) continue;
    ++footings;
    const Verdict verdict = tie_out.checks.results[i].verdict;
    if (verdict == Verdict::fail || verdict == Verdict::incomplete) {
      bad += "\n" + finding_with_suspects(tie_out, id);
    }
  }
  if (footings == 0) {
    return ::testing::AssertionFailure()
           << tie_out_text << " has no footing totalled by " << label_text
           << " (a line item labelled \"" << label
           << "\"): the reader found no parts adding up to it; add one with add_footing()";
  }
  if (bad.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "a footing totalled by " << label_text << " in "
                                       << tie_out_text << " does not foot:" << bad;
}

// --- Matchers ---------------------------------------------------------------

namespace detail {

Comparison compare_amounts(const Amount& actual, const Amount& expected, const Decimal& allowance) {
  Comparison out;
  if (!actual.interval() || !actual.value()) {
    out.explanation = actual.description() + " cannot be read";
    return out;
  }
  if (!expected.interval() || !expected.value()) {
    out.explanation = expected.description() + " cannot be read";
    return out;
  }
  if (actual.unit() && expected.unit() && !(*actual.unit() == *expected.unit())) {
    out.explanation = "the figures are in different units: " + actual.unit()->to_string() +
                      " against " + expected.unit()->to_string();
    return out;
  }
  const Decimal difference = *actual.value() - *expected.value();
  const Decimal tolerance = (actual.interval()->width() + expected.interval()->width()) * half();
  // Within rounding exactly when the intervals share a value (open ends
  // respected); the allowance widens that by its amount.
  out.ties = allowance.is_zero() ? actual.interval()->overlaps(*expected.interval())
                                 : difference.abs() <= tolerance + allowance.abs();
  const Scale scale = actual.scale();
  out.explanation = actual.description() + " against " + expected.description() + ": difference " +
                    at_scale(difference, scale) + ", tolerance " + at_scale(tolerance, scale);
  if (!allowance.is_zero()) out.explanation += " + allowed " + at_scale(allowance.abs(), scale);
  out.explanation += out.ties ? ": ties" : ": does not tie";
  return out;
}

}  // namespace detail

void TiesToMatcher::DescribeTo(std::ostream* out) const {
  *out << "ties to " << expected_.description();
  if (!allowance_.is_zero()) *out << " within " << grouped(allowance_) << " beyond rounding";
}

void TiesToMatcher::DescribeNegationTo(std::ostream* out) const {
  *out << "does not tie to " << expected_.description();
  if (!allowance_.is_zero()) *out << " within " << grouped(allowance_) << " beyond rounding";
}

bool HasNoFailuresMatcher::MatchAndExplain(const TieOut& tie_out,
                                           ::testing::MatchResultListener* listener) const {
  if (tie_out.ties_out()) return true;
  *listener << tie_out.checks.count(Verdict::fail) << " of " << tie_out.checks.results.size()
            << " checks fail:" << failures(tie_out);
  return false;
}

void HasNoFailuresMatcher::DescribeTo(std::ostream* out) const {
  *out << "has no failed check";
}

void HasNoFailuresMatcher::DescribeNegationTo(std::ostream* out) const {
  *out << "has a failed check";
}

bool HasFindingMatcher::MatchAndExplain(const TieOut& tie_out,
                                        ::testing::MatchResultListener* listener) const {
  if (!figure_.valid() || figure_.graph != tie_out.graph) {
    *listener << "the figure is not one of this tie-out's";
    return false;
  }
  std::string others;
  for (const ConstraintId id : tie_out.constraints->constraints_of(figure_.id)) {
    const Verdict verdict = tie_out.checks.results[id.index()].verdict;
    const bool wanted = verdict_ ? verdict == *verdict_ : verdict != Verdict::pass;
    if (tie_out.constraints->kind(id) == kind_ && wanted) {
      *listener << describe_finding(tie_out, id);
      return true;
    }
    others += "\n" + describe_finding(tie_out, id);
  }
  *listener << (others.empty() ? std::string("no check bears on it")
                               : "the checks on it are:" + others);
  return false;
}

void HasFindingMatcher::DescribeTo(std::ostream* out) const {
  *out << "has a " << name_of(kind_) << " finding";
  if (verdict_) *out << " (" << name_of(*verdict_) << ")";
  *out << " on " << figure_.describe();
}

void HasFindingMatcher::DescribeNegationTo(std::ostream* out) const {
  *out << "has no " << name_of(kind_) << " finding";
  if (verdict_) *out << " (" << name_of(*verdict_) << ")";
  *out << " on " << figure_.describe();
}

bool HasSuspectMatcher::MatchAndExplain(const TieOut& tie_out,
                                        ::testing::MatchResultListener* listener) const {
  if (!figure_.valid() || figure_.graph != tie_out.graph) {
    *listener << "the figure is not one of this tie-out's";
    return false;
  }
  const auto suspects = tie_out.solution.suspects_of(figure_.id);
  for (const Suspect* suspect : suspects) {
    if (proposed_.empty() || suspect->text == proposed_) {
      *listener << describe_suspect(tie_out, *suspect);
      return true;
    }
  }
  if (suspects.empty()) {
    *listener << "the solver suspects it of nothing; its suspects are "
              << tie_out.solution.suspects.size() << " other figure(s)";
    for (const Suspect& other : tie_out.solution.suspects) {
      *listener << "\n  " << describe_suspect(tie_out, other);
    }
  } else {
    for (const Suspect* suspect : suspects)
      *listener << "\n  " << describe_suspect(tie_out, *suspect);
  }
  return false;
}

void HasSuspectMatcher::DescribeTo(std::ostream* out) const {
  *out << "suspects " << figure_.describe();
  if (!proposed_.empty()) *out << " and proposes " << proposed_;
}

void HasSuspectMatcher::DescribeNegationTo(std::ostream* out) const {
  *out << "does not suspect " << figure_.describe();
  if (!proposed_.empty()) *out << " with " << proposed_;
}

// --- Printers ---------------------------------------------------------------

void PrintTo(const Decimal& value, std::ostream* out) {
  *out << grouped(value);
}

void PrintTo(const FigureRef& figure, std::ostream* out) {
  *out << figure.describe();
}

void PrintTo(const Stated& stated, std::ostream* out) {
  *out << Amount(stated).description();
}

void PrintTo(const Amount& amount, std::ostream* out) {
  *out << amount.description();
}

void PrintTo(const CheckResult& result, std::ostream* out) {
  *out << upper(name_of(result.verdict)) << ": " << result.explanation;
}

void PrintTo(const Suspect& suspect, std::ostream* out) {
  *out << "suspect figure #" << suspect.figure.index() << ": everything ties with " << suspect.text
       << " (" << name_of(suspect.slip) << ", rank " << suspect.rank
       << (suspect.unique ? ", the only explanation)" : ")");
}

void PrintTo(const TieOut& tie_out, std::ostream* out) {
  *out << "tie-out of " << summary_line(tie_out.summary());
}

void PrintTo(Verdict verdict, std::ostream* out) {
  *out << name_of(verdict);
}

void PrintTo(ConstraintKind kind, std::ostream* out) {
  *out << name_of(kind);
}

void PrintTo(FigureStatus status, std::ostream* out) {
  *out << name_of(status);
}

TIEOUT_END_NAMESPACE
