// lib/printed_figure.cpp - parsing and formatting figures as filings print them.
//
// The grammar, left to right (every part optional unless marked):
//   spaces "(" sign currency gap sign NUMBER scale-word "%" ")" "%" footnotes spaces
// or a lone dash for nil. NUMBER (required) is digits, grouped in threes by
// one separator or not at all, then optionally "." and digits. The parser is a
// single forward scan; the first thing that does not fit is the error.
#include "tieout/printed_figure.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "decimal_internal.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

// Spaces that may surround a figure or separate its parts.
constexpr std::array<std::string_view, 5> spaces = {" ", "\t", "\u00A0", "\u2009", "\u202F"};
// Of those, the ones printed between digit groups ("1 234 567").
constexpr std::array<std::string_view, 3> space_group_separators = {"\u00A0", "\u2009", "\u202F"};
constexpr std::array<std::string_view, 5> nil_marks = {"-", "\u2013", "\u2014", "\u2212", "\u2012"};
// Longest first, so "US$" wins over "$".
constexpr std::array<std::string_view, 18> currencies = {"US$", "HK$", "NT$", "RMB", "USD", "HKD",
                                                         "CNY", "EUR", "GBP", "JPY", "S$",  "A$",
                                                         "C$",  "R$",  "$",   "¥",   "€",   "£"};
constexpr std::array<std::string_view, 13> footnote_marks = {
    "\u00B9", "\u00B2", "\u00B3", "\u2070", "\u2074", "\u2075", "\u2076",
    "\u2077", "\u2078", "\u2079", "*",      "\u2020", "\u2021"};

struct SignMark {
  std::string_view text;
  NegativeStyle style;
};
constexpr std::array<SignMark, 3> sign_marks = {SignMark{"-", NegativeStyle::hyphen_minus},
                                                SignMark{"\u2212", NegativeStyle::minus_sign},
                                                SignMark{"\u2013", NegativeStyle::en_dash}};

struct ScaleSpelling {
  std::string_view word;
  Scale scale;
};
constexpr std::array<ScaleSpelling, 4> scale_spellings = {
    ScaleSpelling{"thousand", Scale::thousands}, ScaleSpelling{"million", Scale::millions},
    ScaleSpelling{"billion", Scale::billions}, ScaleSpelling{"trillion", Scale::trillions}};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

template <std::size_t N>
std::string_view match_any(std::string_view rest, const std::array<std::string_view, N>& options) {
  for (std::string_view option : options) {
    if (rest.starts_with(option)) return option;
  }
  return {};
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// A forward scan over the text; every error names the offset where it stands.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::size_t position() const { return position_; }
  std::string_view rest() const { return text_.substr(position_); }
  bool at_end() const { return position_ == text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return position_ + ahead < text_.size() ? text_[position_ + ahead] : '\0';
  }
  void advance(std::size_t bytes) { position_ += bytes; }
  bool consume(std::string_view token) {
    if (!rest().starts_with(token)) return false;
    position_ += token.size();
    return true;
  }
  std::string_view consume_spaces() {
    const std::size_t begin = position_;
    while (!at_end()) {
      const std::string_view space = match_any(rest(), spaces);
      if (space.empty()) break;
      position_ += space.size();
    }
    return text_.substr(begin, position_ - begin);
  }
  std::size_t consume_digits() {
    const std::size_t begin = position_;
    while (is_digit(peek()))
      ++position_;
    return position_ - begin;
  }
  std::string_view slice(std::size_t begin, std::size_t end) const {
    return text_.substr(begin, end - begin);
  }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
};

unexpected<ParseError> fail(std::size_t offset, std::string reason) {
  return unexpected(ParseError{offset, std::move(reason)});
}

struct ScannedNumber {
  std::string digits;  // integer and fraction digits, no separators
  int fraction_digits = 0;
  std::string group_separator;
};

// NUMBER: digits grouped in threes by one separator (or ungrouped), then an
// optional fraction.
result<ScannedNumber> scan_number(Scanner& scanner) {
  ScannedNumber number;
  const std::size_t begin = scanner.position();
  if (scanner.peek() == '.') return fail(begin, "a number must start with a digit");
  std::size_t run = scanner.consume_digits();
  if (run == 0) return fail(begin, "expected a number");
  number.digits = scanner.slice(begin, scanner.position());
  while (true) {
    const std::size_t separator_at = scanner.position();
    std::string_view separator;
    if (scanner.peek() == ',') {
      separator = ",";
    } else {
      separator = match_any(scanner.rest(), space_group_separators);
      // A space is a separator only between digits; otherwise it ends the number.
      if (!separator.empty() && !is_digit(scanner.peek(separator.size()))) separator = {};
    }
    if (separator.empty()) break;
    if (number.group_separator.empty()) {
      if (run > 3) {
        return fail(separator_at, "more than three digits before the first group separator");
      }
      // Grouped digits never start with a zero ("000,109" is damage, not 109).
      if (scanner.slice(begin, begin + 1) == "0") {
        return fail(begin, "a grouped number starting with zero");
      }
      number.group_separator = separator;
    } else if (separator != number.group_separator) {
      return fail(separator_at, "a different group separator than before");
    }
    scanner.advance(separator.size());
    const std::size_t group_begin = scanner.position();
    run = scanner.consume_digits();
    if (run != 3) return fail(separator_at, "a group separator must be followed by three digits");
    number.digits += scanner.slice(group_begin, scanner.position());
  }
  if (scanner.peek() == '.') {
    scanner.advance(1);
    const std::size_t fraction_begin = scanner.position();
    const std::size_t count = scanner.consume_digits();
    if (count == 0) {
      if (scanner.peek() == '.') return fail(scanner.position(), "a second decimal point");
      return fail(scanner.position(), "expected a digit after the decimal point");
    }
    if (count > static_cast<std::size_t>(Decimal::max_scale)) {
      return fail(fraction_begin, "more than 64 decimal places");
    }
    number.digits += scanner.slice(fraction_begin, scanner.position());
    number.fraction_digits = static_cast<int>(count);
  }
  if (scanner.peek() == '.') return fail(scanner.position(), "a second decimal point");
  if (scanner.peek() == ',' && number.fraction_digits > 0) {
    return fail(scanner.position(), "a group separator in the fractional part");
  }
  if (scanner.peek() == ',') {
    return fail(scanner.position(), "a group separator must be followed by three digits");
  }
  return number;
}

std::optional<NegativeStyle> consume_sign(Scanner& scanner) {
  for (const SignMark& mark : sign_marks) {
    if (scanner.consume(mark.text)) return mark.style;
  }
  return std::nullopt;
}

std::string_view sign_text(NegativeStyle style) {
  for (const SignMark& mark : sign_marks) {
    if (mark.style == style) return mark.text;
  }
  return "-";
}

// The scale word after the number, with the spaces before it; nothing is
// consumed unless a whole scale word follows.
std::optional<ScaleSpelling> consume_scale_word(Scanner& scanner, std::string& scale_text) {
  Scanner probe = scanner;
  if (probe.consume_spaces().empty()) return std::nullopt;
  std::size_t length = 0;
  while (std::isalpha(static_cast<unsigned char>(probe.peek(length))))
    ++length;
  const std::string_view word = probe.rest().substr(0, length);
  for (const ScaleSpelling& spelling : scale_spellings) {
    if (equals_ignoring_case(word, spelling.word)) {
      probe.advance(length);
      scale_text = probe.slice(scanner.position(), probe.position());
      scanner = probe;
      return spelling;
    }
  }
  return std::nullopt;
}

std::string canonical_scale_text(Scale word) {
  for (const ScaleSpelling& spelling : scale_spellings) {
    if (spelling.scale == word) return " " + std::string(spelling.word);
  }
  return {};
}

}  // namespace

result<PrintedFigure> PrintedFigure::try_parse(std::string_view text) {
  Scanner scanner(text);
  PrintedFigure figure;
  scanner.consume_spaces();
  const std::size_t content_begin = scanner.position();

  // A lone dash is nil.
  if (const std::string_view mark = match_any(scanner.rest(), nil_marks); !mark.empty()) {
    Scanner after = scanner;
    after.advance(mark.size());
    after.consume_spaces();
    if (after.at_end()) {
      figure.style.nil_mark = mark;
      return figure;
    }
  }

  const bool parenthesized = scanner.consume("(");
  std::optional<NegativeStyle> sign = consume_sign(scanner);
  if (parenthesized && sign) return fail(content_begin + 1, "a sign inside parentheses");
  if (const std::string_view currency = match_any(scanner.rest(), currencies); !currency.empty()) {
    scanner.advance(currency.size());
    figure.currency = currency;
    figure.style.currency_gap = scanner.consume_spaces();
    if (!sign) {
      sign = consume_sign(scanner);
      if (sign && parenthesized) return fail(scanner.position() - 1, "a sign inside parentheses");
      figure.style.sign_after_currency = sign.has_value();
    }
  }

  const std::size_t number_begin = scanner.position();
  auto number = scan_number(scanner);
  if (!number) return unexpected(number.error());
  figure.style.group_separator = number->group_separator;

  if (const auto scale = consume_scale_word(scanner, figure.style.scale_text)) {
    figure.scale_word = scale->scale;
  }
  figure.percent = scanner.consume("%");
  if (parenthesized) {
    if (!scanner.consume(")")) return fail(scanner.position(), "no closing parenthesis");
    if (!figure.percent && scanner.consume("%")) {
      figure.percent = true;
      figure.style.percent_after_parenthesis = true;
    }
    sign = NegativeStyle::parentheses;
  }
  while (true) {
    const std::string_view mark = match_any(scanner.rest(), footnote_marks);
    if (mark.empty()) break;
    figure.footnotes += mark;
    scanner.advance(mark.size());
  }
  scanner.consume_spaces();
  if (!scanner.at_end()) {
    if (scanner.peek() == ')')
      return fail(scanner.position(), "a closing parenthesis without an opening one");
    return fail(scanner.position(), "unexpected text after the figure");
  }

  if (sign) figure.style.negative = *sign;
  figure.style.zero_signed =
      sign.has_value() &&
      std::all_of(number->digits.begin(), number->digits.end(), [](char c) { return c == '0'; });
  try {
    figure.number =
        detail::decimal_from_digits(number->digits, sign.has_value(), number->fraction_digits);
  } catch (const overflow_error& e) {
    return fail(number_begin, e.what());
  }
  return figure;
}

PrintedFigure PrintedFigure::parse(std::string_view text) {
  auto parsed = try_parse(text);
  if (!parsed) throw parse_error(parsed.error());
  return std::move(parsed).value();
}

Decimal PrintedFigure::value() const {
  return number.value().shifted(exponent_of(scale_word));
}

int PrintedFigure::decimals() const {
  return number.value().scale() - exponent_of(scale_word);
}

std::string PrintedFigure::to_string() const {
  if (is_nil()) return style.nil_mark;
  const bool negative = number->signum() < 0 || (number->is_zero() && style.zero_signed);
  const bool parenthesized = negative && style.negative == NegativeStyle::parentheses;
  const std::string_view sign = negative && !parenthesized ? sign_text(style.negative) : "";

  // Group the integer digits of |number| from the right.
  std::string digits = number->abs().to_string();
  const std::size_t point = std::min(digits.find('.'), digits.size());
  if (!style.group_separator.empty()) {
    for (std::size_t at = point; at > 3; at -= 3)
      digits.insert(at - 3, style.group_separator);
  }

  std::string text;
  if (parenthesized) text += '(';
  if (!style.sign_after_currency) text += sign;
  text += currency;
  if (!currency.empty()) text += style.currency_gap;
  if (style.sign_after_currency) text += sign;
  text += digits;
  text += style.scale_text.empty() ? canonical_scale_text(scale_word) : style.scale_text;
  if (percent && !style.percent_after_parenthesis) text += '%';
  if (parenthesized) text += ')';
  if (percent && style.percent_after_parenthesis) text += '%';
  text += footnotes;
  return text;
}

TIEOUT_END_NAMESPACE
