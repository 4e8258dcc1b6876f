// tieout/printed_figure.hpp - one figure as a filing prints it, parsed exactly.
//
// Filings print "(1,234)", "−1,234", "RMB1,885.6 million", "US$0.09", "12.1%",
// "268.7¹" or a lone dash. PrintedFigure keeps the exact number, its printed
// precision, currency, scale word and the style it was printed in, so that
// formatting gives the text back and a corrected value can be shown the way
// the filing would print it. Malformed text ("1,23,4", "12..5") is rejected
// with the byte offset and the reason; nothing is guessed.
//
// Related: decimal.hpp (the number), interval.hpp (what the printed precision
// means). Stability: stable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tieout/decimal.hpp"
#include "tieout/result.hpp"
#include "tieout/scale.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// How a negative number is marked.
enum class NegativeStyle : std::uint8_t {
  hyphen_minus = 0,  ///< "-1,234"
  minus_sign = 1,    ///< "−1,234" (U+2212)
  en_dash = 2,       ///< "–1,234" (U+2013, common in text extracted from PDF)
  parentheses = 3,   ///< "(1,234)"
};

/// How a figure was printed, beyond its value: what formatting needs to give
/// the same text back. The defaults print plainly ("-1234.5").
struct FigureStyle {
  NegativeStyle negative = NegativeStyle::hyphen_minus;  ///< how a negative is marked
  /// The sign stands between currency and number ("RMB-45.4"), not before both.
  bool sign_after_currency = false;
  /// What stands between currency and number: "" or a space.
  std::string currency_gap;
  /// The thousands separator as printed: ",", a thin or no-break space, or ""
  /// when digits are not grouped.
  std::string group_separator;
  /// The scale word as spelt, with the space before it (" million").
  std::string scale_text;
  /// In "(12.1)%" the percent sign follows the closing parenthesis.
  bool percent_after_parenthesis = false;
  /// A zero printed with a sign, as "(0)" or "-0.0".
  bool zero_signed = false;
  /// The dash printed for a nil figure.
  std::string nil_mark = "-";

  /// Every member equal: two figures printed alike.
  friend bool operator==(const FigureStyle&, const FigureStyle&) = default;
};

/// A figure as printed. A nil figure (a lone dash) has no number: it states
/// that there is nothing, which is not the same as zero.
struct PrintedFigure {
  /// The signed number as printed, before any scale word: 1885.6 for
  /// "RMB1,885.6 million". Empty for a nil figure.
  std::optional<Decimal> number;
  /// The currency as printed ("RMB", "US$", "HK$", "$", ...), or "".
  std::string currency;
  /// The scale word after the number ("million"), or units when none.
  Scale scale_word = Scale::units;
  /// The figure is a percentage: the number is in percent ("12.1" for 12.1%).
  bool percent = false;
  /// Footnote markers printed after the figure ("¹", "*"), verbatim.
  std::string footnotes;
  /// How it was printed, so that to_string() gives the text back.
  FigureStyle style;

  /// Parses `text`. Leading and trailing spaces (ASCII, no-break, thin) are
  /// allowed. On failure the error gives the byte offset into `text`.
  static result<PrintedFigure> try_parse(std::string_view text);
  /// As try_parse, throwing parse_error.
  static PrintedFigure parse(std::string_view text);

  /// True for a lone dash: stated as nothing, neither a number nor zero.
  bool is_nil() const noexcept { return !number.has_value(); }

  /// The value in units: the number times the scale word, exactly
  /// (RMB1,885.6 million is 1885600000). Precondition: !is_nil().
  Decimal value() const;

  /// The printed precision of value(), as XBRL's `decimals`: the number of
  /// decimal places stated, negative when the last printed digit is left of
  /// the decimal point (-5 for "1,885.6 million"). Precondition: !is_nil().
  int decimals() const;

  /// The text in the printed style; parse(text).to_string() == text for text
  /// without surrounding spaces.
  std::string to_string() const;

  /// Same number (by value, as Decimal compares), currency, scale word,
  /// percent sign, footnotes and style.
  friend bool operator==(const PrintedFigure&, const PrintedFigure&) = default;
};

TIEOUT_END_NAMESPACE
