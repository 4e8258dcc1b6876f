// Tests of tieout/check.hpp (and the builders of constraint.hpp): each
// constraint kind on hand-computed values, at and just past the edge of the
// rounding tolerance, positive and negative. Figures marked "seed" are from
// the Q3 2024 release (examples/filings/004_5d25836ba150503a.txt).
#include "tieout/check.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tieout/constraint.hpp"
#include "tieout/error.hpp"
#include "tieout/graph.hpp"

namespace {

using namespace std::chrono_literals;
using tieout::ConstraintId;
using tieout::ConstraintSet;
using tieout::Currency;
using tieout::Decimal;
using tieout::Duration;
using tieout::FigureId;
using tieout::Instant;
using tieout::Period;
using tieout::Scale;
using tieout::Term;
using tieout::Unit;
using tieout::Verdict;

const Unit rmb = Unit::money(Currency("CNY"));
const Unit usd = Unit::money(Currency("USD"));
const Period q3_2024 = Duration::months_ended(2024y / 9 / 30, 3);

// A graph with one line item per figure, each on its own line of "test.txt".
class check_fixture : public ::testing::Test {
 protected:
  FigureId figure(std::string_view text, const Period& period = q3_2024, const Unit& unit = rmb,
                  Scale scale = Scale::units) {
    const auto item = graph.add_line_item(table, "line " + std::to_string(next_line));
    return graph.add_figure(item, period, unit, text, {document, next_line++, 2}, scale);
  }
  Verdict verdict(ConstraintId id, tieout::CheckOptions options = {}) {
    return tieout::check_one(constraints, id, options).verdict;
  }

  tieout::StatementGraph graph;
  tieout::DocumentId document = graph.add_document("test.txt");
  tieout::TableId table = graph.add_table(document, "test", tieout::TableKind::other);
  ConstraintSet constraints{graph};
  std::uint32_t next_line = 1;
};

using footing = check_fixture;

TEST_F(footing, passes_exactly_rounds_within_tolerance_and_fails_beyond) {
  const FigureId one = figure("1"), two = figure("2");
  const FigureId parts[] = {one, two};
  EXPECT_EQ(verdict(constraints.add_footing(figure("3"), parts)), Verdict::pass);
  // 4 - 3 = 1 within 0.5 x 3 = 1.5.
  const auto near = tieout::check_one(constraints, constraints.add_footing(figure("4"), parts));
  EXPECT_EQ(near.verdict, Verdict::rounding);
  EXPECT_EQ(near.difference, Decimal(1));
  EXPECT_EQ(near.tolerance, Decimal::parse("1.5"));
  // 5 - 3 = 2 beyond 1.5.
  EXPECT_EQ(verdict(constraints.add_footing(figure("5"), parts)), Verdict::fail);
}

TEST_F(footing, the_tolerance_edge_is_closed_on_both_sides) {
  // One part printed to one place: tolerance 0.05 + 0.05 = 0.1.
  const FigureId part[] = {figure("1.0")};
  EXPECT_EQ(verdict(constraints.add_footing(figure("1.1"), part)), Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_footing(figure("0.9"), part)), Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_footing(figure("1.2"), part)), Verdict::fail);
  EXPECT_EQ(verdict(constraints.add_footing(figure("0.8"), part)), Verdict::fail);
  const FigureId negative[] = {figure("(1.0)")};
  EXPECT_EQ(verdict(constraints.add_footing(figure("(1.1)"), negative)), Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_footing(figure("(0.9)"), negative)), Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_footing(figure("(1.2)"), negative)), Verdict::fail);
  EXPECT_EQ(verdict(constraints.add_footing(figure("(0.8)"), negative)), Verdict::fail);
}

TEST_F(footing, truncated_figures_do_not_tie_at_an_open_end) {
  // Truncation: 1.0 is [1.0, 1.1) and 1.1 is [1.1, 1.2); total - part is
  // (0.0, 0.2), which does not contain zero. Rounded to nearest they touch.
  const FigureId part[] = {figure("1.0")};
  const ConstraintId id = constraints.add_footing(figure("1.1"), part);
  tieout::CheckOptions truncation;
  truncation.convention = tieout::RoundingConvention::truncation;
  EXPECT_EQ(verdict(id, truncation), Verdict::fail);
  EXPECT_EQ(verdict(id), Verdict::rounding);
}

TEST_F(footing, costs_in_parentheses_add_as_printed_and_weights_subtract) {
  // seed lines 222-224: 1,885,574 + (1,582,220) = 303,354.
  const FigureId parts[] = {figure("1,885,574"), figure("(1,582,220)")};
  EXPECT_EQ(verdict(constraints.add_footing(figure("303,354"), parts)), Verdict::pass);
  // seed lines 239-241: net loss attributable = net loss - NCI share:
  // (1,061,066) - (3,931) = (1,057,135).
  const Term weighted[] = {{figure("(1,061,066)"), Decimal(1)}, {figure("(3,931)"), Decimal(-1)}};
  EXPECT_EQ(verdict(constraints.add_footing(figure("(1,057,135)"), weighted)), Verdict::pass);
}

TEST_F(footing, nil_parts_are_zero_and_unreadable_parts_make_it_incomplete) {
  // seed line 219-222, Q2 2024: 1,234,542 + 657,238 + - = 1,891,780.
  const FigureId parts[] = {figure("1,234,542"), figure("657,238"), figure("-")};
  EXPECT_EQ(verdict(constraints.add_footing(figure("1,891,780"), parts)), Verdict::pass);
  const FigureId damaged[] = {figure("(2.42.0(0)"), figure("1")};
  const auto result = tieout::check_one(constraints, constraints.add_footing(figure("2"), damaged));
  EXPECT_EQ(result.verdict, Verdict::incomplete);
  EXPECT_NE(result.explanation.find("test.txt:"), std::string::npos);
}

TEST_F(footing, parts_must_share_the_totals_period_and_unit) {
  const FigureId other_currency[] = {figure("1", q3_2024, usd)};
  EXPECT_THROW(constraints.add_footing(figure("1"), other_currency), tieout::domain_error);
  const FigureId other_period[] = {figure("1", Duration::months_ended(2024y / 6 / 30, 3))};
  EXPECT_THROW(constraints.add_footing(figure("1"), other_period), tieout::domain_error);
}

TEST_F(footing, explanations_name_every_figure_with_its_location) {
  const FigureId parts[] = {figure("1"), figure("2")};
  const FigureId total = figure("5");
  const auto result = tieout::check_one(constraints, constraints.add_footing(total, parts));
  EXPECT_NE(result.explanation.find("test.txt:1:2"), std::string::npos) << result.explanation;
  EXPECT_NE(result.explanation.find("test.txt:2:2"), std::string::npos) << result.explanation;
  EXPECT_NE(result.explanation.find("test.txt:3:2"), std::string::npos) << result.explanation;
  EXPECT_NE(result.explanation.find("difference 2, tolerance 1.5"), std::string::npos)
      << result.explanation;
}

using period_sum = check_fixture;

TEST_F(period_sum, quarters_add_up_to_nine_months_within_rounding) {
  const Period q1 = Duration::months_ended(2024y / 3 / 31, 3);
  const Period q2 = Duration::months_ended(2024y / 6 / 30, 3);
  const Period nine = Duration::months_ended(2024y / 9 / 30, 9);
  const FigureId quarters[] = {figure("100", q1), figure("200", q2), figure("300", q3_2024)};
  EXPECT_EQ(verdict(constraints.add_period_sum(figure("600", nine), quarters)), Verdict::pass);
  // Tolerance 4 x 0.5 = 2.
  EXPECT_EQ(verdict(constraints.add_period_sum(figure("602", nine), quarters)), Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_period_sum(figure("598", nine), quarters)), Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_period_sum(figure("603", nine), quarters)), Verdict::fail);
  EXPECT_EQ(verdict(constraints.add_period_sum(figure("597", nine), quarters)), Verdict::fail);
  // Negative, the same.
  const FigureId losses[] = {figure("(100)", q1), figure("(200)", q2), figure("(300)", q3_2024)};
  EXPECT_EQ(verdict(constraints.add_period_sum(figure("(602)", nine), losses)), Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_period_sum(figure("(598)", nine), losses)), Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_period_sum(figure("(603)", nine), losses)), Verdict::fail);
  EXPECT_EQ(verdict(constraints.add_period_sum(figure("(597)", nine), losses)), Verdict::fail);
  const FigureId gap[] = {quarters[0], quarters[2]};
  EXPECT_THROW(constraints.add_period_sum(figure("400", nine), gap), tieout::domain_error);
}

using roll_forward = check_fixture;

TEST_F(roll_forward, opening_plus_movements_is_closing) {
  // seed lines 337-339, Q3 2024: 2,096,404 + (386,015) = 1,710,389.
  const FigureId opening = figure("2,096,404", Instant(2024y / 6 / 30));
  const FigureId movement[] = {figure("(386,015)")};
  EXPECT_EQ(verdict(constraints.add_roll_forward(figure("1,710,389", Instant(2024y / 9 / 30)),
                                                 opening, movement)),
            Verdict::pass);
  // Tolerance 1.5: off by 2 fails, off by 1 rounds.
  EXPECT_EQ(verdict(constraints.add_roll_forward(figure("1,710,391", Instant(2024y / 9 / 30)),
                                                 opening, movement)),
            Verdict::fail);
  EXPECT_EQ(verdict(constraints.add_roll_forward(figure("1,710,388", Instant(2024y / 9 / 30)),
                                                 opening, movement)),
            Verdict::rounding);
  // A nine-month flow does not run from June 30.
  const FigureId wrong[] = {figure("(1)", Duration::months_ended(2024y / 9 / 30, 9))};
  EXPECT_THROW(constraints.add_roll_forward(figure("1", Instant(2024y / 9 / 30)), opening, wrong),
               tieout::domain_error);
}

// The FY2023 announcement's equity (lines 427-429, December 31, 2023, in
// thousands, RMB7.0999 to US$1.00): owners' 6,890,152 and non-controlling
// interests 355,752 foot to 7,245,904 in RMB; in US$ the owners' and the
// NCI as given foot to 1,020,564; each US$ figure is its RMB one
// converted. The owners' conversion.
class conversion : public check_fixture {
 protected:
  ConstraintId owners_equity_in_us_dollars(std::string_view usd_owners, std::string_view usd_nci) {
    const auto thousand = [&](std::string_view text, const Unit& unit) {
      return figure(text, Period(Instant(2023y / 12 / 31)), unit, Scale::thousands);
    };
    const FigureId rmb_owners = thousand("6,890,152", rmb), rmb_nci = thousand("355,752", rmb);
    const FigureId usd_owners_figure = thousand(usd_owners, usd);
    const FigureId usd_nci_figure = thousand(usd_nci, usd);
    const FigureId rmb_total = thousand("7,245,904", rmb), usd_total = thousand("1,020,564", usd);
    const Decimal rate = Decimal::parse("7.0999");
    const FigureId rmb_parts[] = {rmb_owners, rmb_nci};
    const FigureId usd_parts[] = {usd_owners_figure, usd_nci_figure};
    constraints.add_footing(rmb_total, rmb_parts);
    constraints.add_footing(usd_total, usd_parts);
    constraints.add_conversion(usd_total, rmb_total, rate);
    constraints.add_conversion(usd_nci_figure, rmb_nci, rate);
    return constraints.add_conversion(usd_owners_figure, rmb_owners, rate);
  }
};

TEST_F(conversion, convenience_translation_at_the_stated_rate) {
  const Decimal rate = Decimal::parse("7.0176");
  // seed line 222: US$268,692 x 7.0176 = 1,885,572,979.2 against RMB
  // 1,885,574,000: difference -1,020.8, tolerance 7.0176 x 500 + 500 = 4,008.8.
  const auto revenues = tieout::check_one(
      constraints,
      constraints.add_conversion(figure("268,692", q3_2024, usd, Scale::thousands),
                                 figure("1,885,574", q3_2024, rmb, Scale::thousands), rate));
  EXPECT_EQ(revenues.verdict, Verdict::rounding);
  EXPECT_EQ(revenues.difference, Decimal::parse("-1020.8"));
  EXPECT_EQ(revenues.tolerance, Decimal::parse("4008.8"));
  // seed line 224: US$43,227 x 7.0176 - RMB303,354 (thousands) = -4,204.8,
  // past 4,008.8 on its own.
  EXPECT_EQ(
      verdict(constraints.add_conversion(figure("43,227", q3_2024, usd, Scale::thousands),
                                         figure("303,354", q3_2024, rmb, Scale::thousands), rate)),
      Verdict::fail);
}

TEST_F(conversion, ads_times_fifteen_is_about_the_share_count) {
  // seed narrative: 3,621,895,582 shares, "equivalent to about 241,459,705
  // ADSs": 241,459,705 x 15 = 3,621,895,575, 7 short, within 15 x 0.5 + 0.5.
  const FigureId ads = figure("241,459,705", Instant(2024y / 9 / 30), Unit::ads());
  const FigureId shares = figure("3,621,895,582", Instant(2024y / 9 / 30), Unit::shares());
  const auto result =
      tieout::check_one(constraints, constraints.add_conversion(ads, shares, Decimal(15)));
  EXPECT_EQ(result.verdict, Verdict::rounding);
  EXPECT_EQ(result.difference, Decimal(-7));
  EXPECT_EQ(result.tolerance, Decimal(8));
}

TEST_F(conversion, the_tolerance_edge_is_closed_on_both_sides) {
  // 10 ADS x 15 = 150 shares; tolerance 15 x 0.5 + 0.5 = 8.
  const Period at = Instant(2024y / 9 / 30);
  const FigureId ads = figure("10", at, Unit::ads());
  const auto against = [&](std::string_view shares) {
    return verdict(
        constraints.add_conversion(ads, figure(shares, at, Unit::shares()), Decimal(15)));
  };
  EXPECT_EQ(against("158"), Verdict::rounding);  // difference -8
  EXPECT_EQ(against("142"), Verdict::rounding);  // difference 8
  EXPECT_EQ(against("159"), Verdict::fail);
  EXPECT_EQ(against("141"), Verdict::fail);
  // Negative amounts: (10) x 15 against (158) and (159).
  const FigureId negative = figure("(10)", at, Unit::ads());
  EXPECT_EQ(verdict(constraints.add_conversion(negative, figure("(158)", at, Unit::shares()),
                                               Decimal(15))),
            Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_conversion(negative, figure("(159)", at, Unit::shares()),
                                               Decimal(15))),
            Verdict::fail);
}

TEST_F(conversion, a_footed_us_dollar_subtotal_holds_and_says_why) {
  // seed lines 222-224, Q3 2024 RMB and US$ columns.
  const auto thousand = [&](std::string_view text, const Unit& unit) {
    return figure(text, q3_2024, unit, Scale::thousands);
  };
  const FigureId rmb_parts[] = {thousand("1,885,574", rmb), thousand("(1,582,220)", rmb)};
  const FigureId usd_parts[] = {thousand("268,692", usd), thousand("(225,465)", usd)};
  const FigureId rmb_total = thousand("303,354", rmb), usd_total = thousand("43,227", usd);
  const Decimal rate = Decimal::parse("7.0176");
  constraints.add_footing(rmb_total, rmb_parts);
  constraints.add_footing(usd_total, usd_parts);
  constraints.add_conversion(usd_parts[0], rmb_parts[0], rate);
  constraints.add_conversion(usd_parts[1], rmb_parts[1], rate);
  const ConstraintId total = constraints.add_conversion(usd_total, rmb_total, rate);
  const auto report = tieout::check(constraints);
  EXPECT_EQ(report.count(Verdict::fail), 0u);
  const auto& result = report.results[total.index()];
  EXPECT_EQ(result.verdict, Verdict::rounding);
  EXPECT_NE(result.explanation.find("footed from converted lines"), std::string::npos)
      << result.explanation;
  // Check on its own, the same conversion fails: the rule is what saves it.
  EXPECT_EQ(verdict(total), Verdict::fail);
}

TEST_F(conversion, a_wrong_us_dollar_subtotal_still_fails) {
  const auto thousand = [&](std::string_view text, const Unit& unit) {
    return figure(text, q3_2024, unit, Scale::thousands);
  };
  const FigureId rmb_parts[] = {thousand("1,885,574", rmb), thousand("(1,582,220)", rmb)};
  const FigureId usd_parts[] = {thousand("268,692", usd), thousand("(225,465)", usd)};
  const Decimal rate = Decimal::parse("7.0176");
  constraints.add_footing(thousand("303,354", rmb), rmb_parts);
  const ConstraintId usd_footing = constraints.add_footing(thousand("43,272", usd), usd_parts);
  constraints.add_conversion(usd_parts[0], rmb_parts[0], rate);
  constraints.add_conversion(usd_parts[1], rmb_parts[1], rate);
  const auto report = tieout::check(constraints);
  EXPECT_EQ(report.results[usd_footing.index()].verdict, Verdict::fail);
}

TEST_F(conversion, a_converted_subtotal_that_foots_only_within_rounding_is_not_derived) {
  // US$ 43,226: 268,692 - 225,465 = 43,227 is 1 more (within the footing's
  // 1.5), and 43,226 x 7.0176 = 303,342.7776 thousand is 11,222.4 short of
  // RMB 303,354 thousand, past 4,008.8. Added up from the printed lines it
  // would be 43,227; converted, 43,228: it is neither, so it stays failed.
  const auto thousand = [&](std::string_view text, const Unit& unit) {
    return figure(text, q3_2024, unit, Scale::thousands);
  };
  const FigureId rmb_parts[] = {thousand("1,885,574", rmb), thousand("(1,582,220)", rmb)};
  const FigureId usd_parts[] = {thousand("268,692", usd), thousand("(225,465)", usd)};
  const FigureId rmb_total = thousand("303,354", rmb), usd_total = thousand("43,226", usd);
  const Decimal rate = Decimal::parse("7.0176");
  constraints.add_footing(rmb_total, rmb_parts);
  const ConstraintId usd_footing = constraints.add_footing(usd_total, usd_parts);
  constraints.add_conversion(usd_parts[0], rmb_parts[0], rate);
  constraints.add_conversion(usd_parts[1], rmb_parts[1], rate);
  const ConstraintId total = constraints.add_conversion(usd_total, rmb_total, rate);
  const auto report = tieout::check(constraints);
  EXPECT_EQ(report.results[usd_footing.index()].verdict, Verdict::rounding);
  EXPECT_EQ(report.results[total.index()].verdict, Verdict::fail);
  EXPECT_EQ(report.results[total.index()].difference, Decimal::parse("-11222.4"));
}

TEST_F(conversion, a_us_dollar_figure_left_over_by_a_footing_holds_and_says_why) {
  // FY2023 announcement lines 427-429 (2023, in thousands, RMB7.0999 to
  // US$1.00). Total equity 1,020,564 x 7.0999 = 7,245,902.3436 (RMB
  // 7,245,904: -1.6564 within 0.5 + 0.5 x 7.0999 = 4.04995); NCI 50,107 x
  // 7.0999 = 355,754.6893 (355,752: 2.6893, within). The equity of the
  // owners, 970,457, is what is left: 1,020,564 - 50,107. Converted alone it
  // misses: 970,457 x 7.0999 = 6,890,147.6543 against 6,890,152, -4.3457.
  const ConstraintId owners = owners_equity_in_us_dollars("970,457", "50,107");
  EXPECT_EQ(verdict(owners), Verdict::fail);
  const auto report = tieout::check(constraints);
  const auto& result = report.results[owners.index()];
  EXPECT_EQ(result.verdict, Verdict::rounding);
  EXPECT_EQ(result.difference, Decimal::parse("-4.3457").shifted(3));
  EXPECT_NE(result.explanation.find("balances a footing of converted figures"), std::string::npos)
      << result.explanation;
}

TEST_F(conversion, a_figure_left_over_next_to_an_unreadable_one_is_undecided) {
  // The same, with the US$ NCI unreadable ("50,1"): the owners' equity might
  // be left over or wrong; nothing can tell until the NCI is read.
  const ConstraintId owners = owners_equity_in_us_dollars("970,457", "50,1");
  const auto report = tieout::check(constraints);
  EXPECT_EQ(report.results[owners.index()].verdict, Verdict::incomplete);
}

TEST_F(conversion, a_dash_beside_unreadable_figures_fails_beyond_any_rounding) {
  // The same footing, the owners' equity printed "-" in US$ (FY2023 line
  // 405's pattern) and the NCI unreadable: left over by the footing it could
  // stray from its conversion by at most the 3 terms' rounding, 3 x (0.5 x
  // 7.0999 + 0.5) = 12.14985 thousand, but 0 x 7.0999 misses 6,890,152 by
  // 6,890,152 thousand: a failure, whatever the NCI reads.
  const ConstraintId owners = owners_equity_in_us_dollars("-", "50,1");
  const auto report = tieout::check(constraints);
  EXPECT_EQ(report.results[owners.index()].verdict, Verdict::fail);
  EXPECT_EQ(report.results[owners.index()].difference, Decimal(-6'890'152'000));
}

using equality = check_fixture;

TEST_F(equality, the_same_fact_to_the_same_precision_must_be_equal) {
  const FigureId statement = figure("196,240");
  EXPECT_EQ(verdict(constraints.add_equality(figure("196,240"), statement)), Verdict::pass);
  // Intervals [196239.5, 196240.5] and [196240.5, 196241.5] touch, but two
  // printings of one fact at one precision differ only by error.
  EXPECT_EQ(verdict(constraints.add_equality(figure("196,241"), statement)), Verdict::fail);
  // At different precisions they may differ within rounding.
  EXPECT_EQ(verdict(constraints.add_equality(figure("196,240.4"), statement)), Verdict::rounding);
  EXPECT_EQ(verdict(constraints.add_equality(figure("196,240.6"), statement)), Verdict::fail);
  EXPECT_THROW(constraints.add_equality(figure("1", q3_2024, usd), statement),
               tieout::domain_error);
}

using ratio = check_fixture;

TEST_F(ratio, margins_and_eps_computed_from_the_printed_figures) {
  // seed lines 222, 224, 270: gross margin 100 x 303,354 / 1,885,574 = 16.088%.
  const FigureId revenues = figure("1,885,574", q3_2024, rmb, Scale::thousands);
  const FigureId profit = figure("303,354", q3_2024, rmb, Scale::thousands);
  const auto margin = [&](std::string_view printed) {
    return constraints.add_ratio(figure(printed, q3_2024, Unit::percent()), {{profit, Decimal(1)}},
                                 {{revenues, Decimal(1)}}, Decimal(100));
  };
  EXPECT_EQ(verdict(margin("16.1%")), Verdict::pass);
  EXPECT_EQ(verdict(margin("16.2%")), Verdict::fail);
  EXPECT_EQ(verdict(margin("16.0%")), Verdict::fail);
  // seed lines 241, 243, 245, Q3 2023: (785,859) thousand / 3,564,635,578
  // shares = RMB -0.2205 a share, printed (0.22).
  const FigureId loss = figure("(785,859)", q3_2024, rmb, Scale::thousands);
  const FigureId shares = figure("3,564,635,578", q3_2024, Unit::shares());
  const auto eps = [&](std::string_view printed) {
    return constraints.add_ratio(figure(printed, q3_2024, Unit::per_share(Currency("CNY"))),
                                 {{loss, Decimal(1)}}, {{shares, Decimal(1)}}, Decimal(1));
  };
  EXPECT_EQ(verdict(eps("(0.22)")), Verdict::pass);
  EXPECT_EQ(verdict(eps("(0.23)")), Verdict::fail);
}

TEST_F(ratio, rounding_of_the_inputs_can_explain_a_ratio) {
  // 1 / 8 = 0.125; with 1 and 8 rounded to units the ratio can be anything in
  // [0.5 / 8.5, 1.5 / 7.5] = [0.0588..., 0.2].
  const FigureId one = figure("1"), eight = figure("8"), minus_one = figure("(1)");
  const auto ratio_of = [&](FigureId numerator, std::string_view printed) {
    return constraints.add_ratio(figure(printed, q3_2024, Unit::pure()), {{numerator, Decimal(1)}},
                                 {{eight, Decimal(1)}}, Decimal(1));
  };
  EXPECT_EQ(verdict(ratio_of(one, "0.13")), Verdict::pass);  // [0.125, 0.135] holds 0.125
  EXPECT_EQ(verdict(ratio_of(one, "0.14")), Verdict::rounding);
  EXPECT_EQ(verdict(ratio_of(one, "0.20")), Verdict::rounding);  // touches 0.2
  EXPECT_EQ(verdict(ratio_of(one, "0.21")), Verdict::fail);
  EXPECT_EQ(verdict(ratio_of(minus_one, "(0.14)")), Verdict::rounding);
  EXPECT_EQ(verdict(ratio_of(minus_one, "(0.21)")), Verdict::fail);
}

TEST_F(ratio, percentages_adjusted_to_total_100_are_info_not_fail) {
  // FY2023 announcement (examples/filings/003_2b93c8209c643bac.txt, lines
  // 258-262), employees by function: 1,243, 372, 613 and 8,265 of 10,493 are
  // 11.85%, 3.55%, 5.84% and 78.77%, which round to 12, 4, 6 and 79 (101);
  // the filing prints 3% for sales and marketing so that the column is 100%.
  const Period year_end = Instant(2023y / 12 / 31);
  const FigureId total = figure("10,493", year_end, Unit::pure());
  const char* counts[] = {"1,243", "372", "613", "8,265"};
  const char* printed[] = {"12%", "3%", "6%", "79%"};
  std::vector<FigureId> percentages;
  std::vector<ConstraintId> ratios;
  for (int i = 0; i < 4; ++i) {
    percentages.push_back(figure(printed[i], year_end, Unit::percent()));
    ratios.push_back(constraints.add_ratio(
        percentages.back(), {{figure(counts[i], year_end, Unit::pure()), Decimal(1)}},
        {{total, Decimal(1)}}, Decimal(100)));
  }
  const FigureId hundred = figure("100%", year_end, Unit::percent());
  const ConstraintId column = constraints.add_footing(hundred, percentages);
  const auto report = tieout::check(constraints);
  EXPECT_EQ(report.results[column.index()].verdict, Verdict::pass);
  EXPECT_EQ(report.results[ratios[0].index()].verdict, Verdict::pass);
  EXPECT_EQ(report.results[ratios[1].index()].verdict, Verdict::info);
  EXPECT_NE(report.results[ratios[1].index()].explanation.find("add up to 100%"),
            std::string::npos);
  EXPECT_EQ(report.results[ratios[2].index()].verdict, Verdict::pass);
  EXPECT_EQ(report.results[ratios[3].index()].verdict, Verdict::pass);
  // On its own, 3% fails: 100 x 372 / 10,493 = 3.545...
  EXPECT_EQ(verdict(ratios[1]), Verdict::fail);
}

TEST_F(ratio, a_percentage_two_units_off_fails_even_in_a_column_of_100) {
  const Period year_end = Instant(2023y / 12 / 31);
  const FigureId total = figure("10,493", year_end, Unit::pure());
  // 100 x 372 / 10,493 = 3.55: printed 2% is more than one unit away.
  const FigureId wrong = figure("2%", year_end, Unit::percent());
  const ConstraintId id =
      constraints.add_ratio(wrong, {{figure("372", year_end, Unit::pure()), Decimal(1)}},
                            {{total, Decimal(1)}}, Decimal(100));
  const FigureId parts[] = {wrong, figure("98%", year_end, Unit::percent())};
  constraints.add_footing(figure("100%", year_end, Unit::percent()), parts);
  EXPECT_EQ(tieout::check(constraints).results[id.index()].verdict, Verdict::fail);
}

TEST_F(ratio, growth_is_the_change_over_the_prior_figure) {
  // seed narrative: revenues RMB1,885.6 million "increased by 16.0%" from
  // RMB1,625.2 million; on the thousands: 260,366 / 1,625,208 = 16.02%.
  const FigureId current = figure("1,885,574"), prior = figure("1,625,208");
  const auto growth = [&](std::string_view printed) {
    return constraints.add_ratio(figure(printed, q3_2024, Unit::percent()),
                                 {{current, Decimal(1)}, {prior, Decimal(-1)}},
                                 {{prior, Decimal(1)}}, Decimal(100));
  };
  EXPECT_EQ(verdict(growth("16.0%")), Verdict::pass);
  EXPECT_EQ(verdict(growth("16.1%")), Verdict::fail);
}

}  // namespace
