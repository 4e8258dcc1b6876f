// Tests of tieout/printed_figure.hpp. Every expected value is read off the
// text being parsed; the filing forms are those the seeds print.
#include "tieout/printed_figure.hpp"

#include <cctype>
#include <string>

#include <gtest/gtest.h>

namespace {

using tieout::Decimal;
using tieout::NegativeStyle;
using tieout::PrintedFigure;
using tieout::Scale;

PrintedFigure parse(std::string_view text) {
  return PrintedFigure::parse(text);
}

// Test names from the text under test: "(1,234)" -> "3__1_234_".
template <class Param>
std::string name_of(const ::testing::TestParamInfo<Param>& info) {
  std::string name = std::to_string(info.index) + "_";
  for (const char c : std::string_view(info.param.text)) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

struct Expected {
  const char* text;
  const char* number;  // canonical Decimal text, nullptr for nil
  int decimals;
  const char* currency;
  Scale scale;
  bool percent;
};

class printed_figure_forms : public ::testing::TestWithParam<Expected> {};

TEST_P(printed_figure_forms, parses_value_precision_and_unit) {
  const Expected& e = GetParam();
  const PrintedFigure figure = parse(e.text);
  ASSERT_FALSE(figure.is_nil());
  EXPECT_EQ(figure.number->to_string(), e.number);
  EXPECT_EQ(figure.decimals(), e.decimals);
  EXPECT_EQ(figure.currency, e.currency);
  EXPECT_EQ(figure.scale_word, e.scale);
  EXPECT_EQ(figure.percent, e.percent);
}

INSTANTIATE_TEST_SUITE_P(
    filing_forms, printed_figure_forms,
    ::testing::Values(Expected{"1,234", "1234", 0, "", Scale::units, false},
                      Expected{"(1,234)", "-1234", 0, "", Scale::units, false},
                      Expected{"-1,234", "-1234", 0, "", Scale::units, false},
                      Expected{"\u22121,234", "-1234", 0, "", Scale::units, false},
                      Expected{"1,234.5", "1234.5", 1, "", Scale::units, false},
                      Expected{"(0.73)", "-0.73", 2, "", Scale::units, false},
                      Expected{"12.1%", "12.1", 1, "", Scale::units, true},
                      Expected{"-13.8%", "-13.8", 1, "", Scale::units, true},
                      Expected{"(32.9)", "-32.9", 1, "", Scale::units, false},
                      Expected{"US$268.7", "268.7", 1, "US$", Scale::units, false},
                      Expected{"RMB1,885.6 million", "1885.6", -5, "RMB", Scale::millions, false},
                      Expected{"RMB-45.4 million", "-45.4", -5, "RMB", Scale::millions, false},
                      Expected{"US$0.09", "0.09", 2, "US$", Scale::units, false},
                      Expected{"3,539,136,595", "3539136595", 0, "", Scale::units, false},
                      Expected{"218960.00", "218960.00", 2, "", Scale::units, false},
                      Expected{"268.7\u00B9", "268.7", 1, "", Scale::units, false},
                      Expected{"US$268.7\u00B3", "268.7", 1, "US$", Scale::units, false},
                      Expected{"(12.1)%", "-12.1", 1, "", Scale::units, true},
                      Expected{"RMB1.9 billion", "1.9", -8, "RMB", Scale::billions, false},
                      Expected{"0", "0", 0, "", Scale::units, false}),
    name_of<Expected>);

TEST(printed_figure, value_applies_the_scale_word_exactly) {
  EXPECT_EQ(parse("RMB1,885.6 million").value().to_string(), "1885600000");
  EXPECT_EQ(parse("RMB-45.4 million").value().to_string(), "-45400000");
  EXPECT_EQ(parse("US$26.4 thousand").value().to_string(), "26400");
  EXPECT_EQ(parse("12.1%").value().to_string(), "12.1");
}

TEST(printed_figure, negative_styles_are_recorded) {
  EXPECT_EQ(parse("(1,234)").style.negative, NegativeStyle::parentheses);
  EXPECT_EQ(parse("-1,234").style.negative, NegativeStyle::hyphen_minus);
  EXPECT_EQ(parse("\u22121,234").style.negative, NegativeStyle::minus_sign);
  EXPECT_EQ(parse("\u20131,234").style.negative, NegativeStyle::en_dash);
  EXPECT_TRUE(parse("RMB-45.4 million").style.sign_after_currency);
  EXPECT_FALSE(parse("-US$1.2").style.sign_after_currency);
  EXPECT_EQ(parse("-US$1.2").number->to_string(), "-1.2");
}

TEST(printed_figure, dashes_are_nil_not_zero) {
  for (const char* dash : {"-", "\u2014", "\u2013", " - ", "\u00A0\u2014\u00A0"}) {
    const PrintedFigure figure = parse(dash);
    EXPECT_TRUE(figure.is_nil()) << dash;
    EXPECT_THROW((void)figure.value(), std::bad_optional_access);
  }
  EXPECT_FALSE(parse("0").is_nil());
  EXPECT_EQ(parse("\u2014").style.nil_mark, "\u2014");
}

TEST(printed_figure, no_break_and_thin_spaces_surround_or_group) {
  EXPECT_EQ(parse("\u00A01,234\u2009").number->to_string(), "1234");
  EXPECT_EQ(parse("\t(1,234)  ").number->to_string(), "-1234");
  const PrintedFigure thin = parse("1\u2009234\u2009567");
  EXPECT_EQ(thin.number->to_string(), "1234567");
  EXPECT_EQ(thin.style.group_separator, "\u2009");
  EXPECT_EQ(parse("1\u00A0234").number->to_string(), "1234");
  const PrintedFigure gap = parse("RMB\u00A01,885.6\u00A0million");
  EXPECT_EQ(gap.value().to_string(), "1885600000");
  EXPECT_EQ(gap.style.currency_gap, "\u00A0");
}

TEST(printed_figure, footnote_markers_are_kept_apart_from_the_value) {
  const PrintedFigure figure = parse("268.7\u00B9");
  EXPECT_EQ(figure.footnotes, "\u00B9");
  EXPECT_EQ(figure.number->to_string(), "268.7");
  EXPECT_EQ(parse("(1,234)*").footnotes, "*");
}

TEST(printed_figure, digits_past_int64_are_exact) {
  EXPECT_EQ(parse("9,223,372,036,854,775,808").number->to_string(), "9223372036854775808");
  EXPECT_EQ(parse("(9,223,372,036,854,775,809)").number->to_string(), "-9223372036854775809");
  const auto too_long = PrintedFigure::try_parse("US$" + std::string(400, '9'));
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().offset, 3u);
}

struct Malformed {
  const char* text;
  std::size_t offset;
  const char* reason;
};

class printed_figure_malformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(printed_figure_malformed, is_rejected_with_offset_and_reason) {
  const Malformed& m = GetParam();
  const auto parsed = PrintedFigure::try_parse(m.text);
  ASSERT_FALSE(parsed.has_value()) << m.text << " parsed as " << parsed->to_string();
  EXPECT_EQ(parsed.error().offset, m.offset) << m.text;
  EXPECT_EQ(parsed.error().reason, m.reason) << m.text;
  EXPECT_THROW(PrintedFigure::parse(m.text), tieout::parse_error);
}

INSTANTIATE_TEST_SUITE_P(
    ocr_damage, printed_figure_malformed,
    ::testing::Values(
        // "(2.42.0(0)": the second '.' stands at byte 5.
        Malformed{"(2.42.0(0)", 5, "a second decimal point"},
        // "(727, 170)": the ',' at byte 4 is followed by a space.
        Malformed{"(727, 170)", 4, "a group separator must be followed by three digits"},
        Malformed{".23,888", 0, "a number must start with a digit"},
        // "115,7.11": the group after the ',' at byte 3 has one digit.
        Malformed{"115,7.11", 3, "a group separator must be followed by three digits"},
        // "1,23,4": the group after the ',' at byte 1 has two digits.
        Malformed{"1,23,4", 1, "a group separator must be followed by three digits"},
        // "12..5": the second '.' stands at byte 3.
        Malformed{"12..5", 3, "a second decimal point"},
        Malformed{"1234,567", 4, "more than three digits before the first group separator"},
        // OCR damage in the FY2023 announcement, line 180.
        Malformed{"000,109", 0, "a grouped number starting with zero"},
        Malformed{"0,123", 0, "a grouped number starting with zero"},
        Malformed{"1,234.5,6", 7, "a group separator in the fractional part"},
        Malformed{"(1,234", 6, "no closing parenthesis"},
        Malformed{"1,234)", 5, "a closing parenthesis without an opening one"},
        Malformed{"(-1)", 1, "a sign inside parentheses"},
        Malformed{"12.", 3, "expected a digit after the decimal point"},
        Malformed{"RMB", 3, "expected a number"}, Malformed{"", 0, "expected a number"},
        Malformed{"Revenues", 0, "expected a number"},
        Malformed{"12 apples", 3, "unexpected text after the figure"},
        Malformed{"1,234,", 5, "a group separator must be followed by three digits"},
        Malformed{"1,234\u2009567", 5, "a different group separator than before"}),
    name_of<Malformed>);

TEST(printed_figure, formatting_gives_the_printed_text_back) {
  for (const char* text : {"1,234",
                           "(1,234)",
                           "-1,234",
                           "\u22121,234",
                           "\u20131,234",
                           "1,234.5",
                           "(0.73)",
                           "12.1%",
                           "-13.8%",
                           "(32.9)",
                           "(12.1)%",
                           "US$268.7",
                           "RMB1,885.6 million",
                           "RMB-45.4 million",
                           "-US$1.2",
                           "US$0.09",
                           "3,539,136,595",
                           "218960.00",
                           "268.7\u00B9",
                           "US$268.7\u00B3",
                           "1\u2009234\u2009567",
                           "RMB\u00A01,885.6\u00A0Million",
                           "-",
                           "\u2014",
                           "\u2013",
                           "(0)",
                           "-0.0",
                           "0",
                           "(1,234)*"}) {
    EXPECT_EQ(parse(text).to_string(), text);
  }
}

TEST(printed_figure, a_new_value_prints_in_the_old_style) {
  PrintedFigure figure = parse("(1,234)");
  figure.number = Decimal(-43227);
  EXPECT_EQ(figure.to_string(), "(43,227)");
  figure.number = Decimal(1234567);
  EXPECT_EQ(figure.to_string(), "1,234,567");
}

}  // namespace
