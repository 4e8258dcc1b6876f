// Tests of tieout/infer.hpp: the constraints inferred for the Q3 2024
// release (examples/filings/004_5d25836ba150503a.txt) are the ones its
// layout states, worked out by hand from the file, and they all hold.
#include "tieout/infer.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "tieout/check.hpp"

namespace {

using tieout::ConstraintId;
using tieout::ConstraintKind;
using tieout::FigureId;
using tieout::Verdict;

struct Inferred {
  tieout::StatementGraph graph;
  std::unique_ptr<tieout::ConstraintSet> constraints;
  tieout::ReadDocument read;

  FigureId at(std::uint32_t line, std::uint32_t column) const {
    for (std::uint32_t i = 0; i < graph.figure_count(); ++i) {
      const auto& where = graph.location(FigureId(i));
      if (where.line == line && where.column == column) return FigureId(i);
    }
    throw std::out_of_range(std::to_string(line) + ":" + std::to_string(column));
  }

  // The constraint of `kind` whose first figure is `first`, if exactly one.
  std::optional<ConstraintId> find(ConstraintKind kind, FigureId first) const {
    std::optional<ConstraintId> found;
    for (const ConstraintId id : constraints->constraints_of(first)) {
      if (constraints->kind(id) != kind || constraints->figures(id)[0] != first) continue;
      if (found) return std::nullopt;
      found = id;
    }
    return found;
  }

  std::vector<std::pair<std::uint32_t, int>> lines_and_weights(ConstraintId id) const {
    std::vector<std::pair<std::uint32_t, int>> result;
    const auto figures = constraints->figures(id);
    for (std::size_t i = 1; i < figures.size(); ++i) {
      result.push_back({graph.location(figures[i]).line,
                        constraints->weight(id, i) == tieout::Decimal(-1) ? 1 : -1});
    }
    return result;
  }
};

std::unique_ptr<Inferred> infer_filing(const std::string& name) {
  auto result = std::make_unique<Inferred>();
  const auto text =
      tieout::load_text_document(std::string(TIEOUT_SOURCE_DIR) + "/examples/filings/" + name);
  if (!text) throw std::runtime_error(text.error().to_string());
  result->read = tieout::read_tables(*text, result->graph);
  result->constraints = std::make_unique<tieout::ConstraintSet>(result->graph);
  tieout::infer_constraints(result->read, *result->constraints);
  return result;
}

std::unique_ptr<Inferred> infer_release() {
  return infer_filing("004_5d25836ba150503a.txt");
}

TEST(infer, the_release_ties_out_and_every_figure_is_verified) {
  const auto r = infer_release();
  const auto report = tieout::check(*r->constraints);
  for (const auto* fail : report.with(Verdict::fail))
    ADD_FAILURE() << fail->explanation;
  EXPECT_EQ(report.count(Verdict::incomplete), 0u);
  for (std::uint32_t i = 0; i < r->graph.figure_count(); ++i) {
    if (r->graph.state(FigureId(i)) != tieout::FigureState::value) continue;
    EXPECT_FALSE(r->constraints->constraints_of(FigureId(i)).empty())
        << "nothing verifies " << r->graph.describe(FigureId(i));
  }
}

TEST(infer, roll_ups_are_the_rows_above_not_yet_rolled_up) {
  const auto r = infer_release();
  using Lines = std::vector<std::pair<std::uint32_t, int>>;
  // Total current assets (171) = lines 166-170, in each of the three columns.
  for (const std::uint32_t column : {2u, 3u, 4u}) {
    const auto id = r->find(ConstraintKind::footing, r->at(171, column));
    ASSERT_TRUE(id) << column;
    EXPECT_EQ(r->lines_and_weights(*id), (Lines{{166, 1}, {167, 1}, {168, 1}, {169, 1}, {170, 1}}));
  }
  // Total assets (181) = total current (171) + total non-current (180).
  EXPECT_EQ(r->lines_and_weights(*r->find(ConstraintKind::footing, r->at(181, 3))),
            (Lines{{171, 1}, {180, 1}}));
  // Gross profit (224) = total revenues (222) + cost of revenues (223).
  EXPECT_EQ(r->lines_and_weights(*r->find(ConstraintKind::footing, r->at(224, 5))),
            (Lines{{222, 1}, {223, 1}}));
  // Net loss attributable (241) = net loss (239) less the "Less:" line (240).
  EXPECT_EQ(r->lines_and_weights(*r->find(ConstraintKind::footing, r->at(241, 2))),
            (Lines{{239, 1}, {240, -1}}));
  // Comprehensive loss (248) = net loss (239, already rolled into 241) +
  // foreign currency translation adjustments (247).
  EXPECT_EQ(r->lines_and_weights(*r->find(ConstraintKind::footing, r->at(248, 7))),
            (Lines{{239, 1}, {247, 1}}));
  // Adjusted EBITDA (291) = adjusted net loss (285) + adjustments 287-290.
  EXPECT_EQ(r->lines_and_weights(*r->find(ConstraintKind::footing, r->at(291, 8))),
            (Lines{{285, 1}, {287, 1}, {288, 1}, {289, 1}, {290, 1}}));
}

TEST(infer, periods_conversions_roll_forwards_and_ratios) {
  const auto r = infer_release();
  // Nine months 2024 (field 8) = Q1 + Q2 + Q3 2024 (fields 3, 4, 5).
  const auto sum = r->find(ConstraintKind::period_sum, r->at(222, 8));
  ASSERT_TRUE(sum);
  std::vector<std::uint32_t> columns;
  for (const FigureId f : r->constraints->figures(*sum))
    columns.push_back(r->graph.location(f).column);
  EXPECT_EQ(columns, (std::vector<std::uint32_t>{8, 3, 4, 5}));
  // US$ gross profit (224, field 6) from RMB (field 5) at 7.0176; it holds as
  // a column footed from converted lines.
  const auto conversion = r->find(ConstraintKind::conversion, r->at(224, 6));
  ASSERT_TRUE(conversion);
  EXPECT_EQ(r->constraints->figures(*conversion)[1], r->at(224, 5));
  EXPECT_EQ(r->constraints->weight(*conversion, 0), tieout::Decimal::parse("7.0176"));
  EXPECT_EQ(tieout::check(*r->constraints).results[conversion->index()].verdict, Verdict::rounding);
  // Cash at the end of Q3 2024 (339) = at the beginning (338) + the change (337).
  const auto roll = r->find(ConstraintKind::roll_forward, r->at(339, 3));
  ASSERT_TRUE(roll);
  EXPECT_EQ(r->constraints->figures(*roll)[1], r->at(338, 3));
  EXPECT_EQ(r->constraints->figures(*roll)[2], r->at(337, 3));
  // Loss per share (243) = net loss attributable (241) / shares (245).
  const auto eps = r->find(ConstraintKind::ratio, r->at(243, 2));
  ASSERT_TRUE(eps);
  EXPECT_EQ(r->constraints->ratio(*eps).numerator.at(0).figure, r->at(241, 2));
  EXPECT_EQ(r->constraints->ratio(*eps).denominator.at(0).figure, r->at(245, 2));
  // Gross margin (270, Q3 2024) = 100 x gross profit / total revenues.
  const auto margin = r->find(ConstraintKind::ratio, r->at(270, 5));
  ASSERT_TRUE(margin);
  const auto& ratio = r->constraints->ratio(*margin);
  EXPECT_EQ(r->graph.key(r->graph.line_item(ratio.numerator.at(0).figure)), "gross profit");
  EXPECT_EQ(ratio.denominator.at(0).figure, r->at(222, 5));
  EXPECT_EQ(ratio.multiplier, tieout::Decimal(100));
}

// A filing given as text, read and inferred. Not movable: the constraint
// set points at the graph.
struct FromText {
  explicit FromText(std::string_view content) {
    const auto text = tieout::read_text_document("t.txt", content);
    if (!text) throw std::runtime_error(text.error().to_string());
    read = tieout::read_tables(*text, graph);
    inferred = tieout::infer_constraints(read, constraints);
  }
  FromText(const FromText&) = delete;
  FromText& operator=(const FromText&) = delete;

  // The difference of the one check that fails, or nothing when not
  // exactly one does.
  std::optional<tieout::Decimal> only_failure() const {
    const auto report = tieout::check(constraints);
    if (report.count(Verdict::fail) != 1) return std::nullopt;
    return report.with(Verdict::fail).front()->difference;
  }

  tieout::StatementGraph graph;
  tieout::ConstraintSet constraints{graph};
  tieout::ReadDocument read;
  tieout::Inferred inferred;
};

// The header of a two-date table in RMB.
const std::string two_dates = "\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\n";

// A Hong Kong balance sheet's current section, with net current assets for
// 2024 printed `net_2024` (986,418 - 708,639 = 277,779; in 2023, 843,196 -
// 688,885 = 154,311).
std::string current_assets_and_liabilities(std::string_view net_2024) {
  return "\t31 December 2024\t31 December 2023\n\tHK$'000\tHK$'000\n"
         "Trade receivables\t498,765\t443,210\nBank balances and cash\t487,653\t399,986\n"
         "Total current assets\t986,418\t843,196\n"
         "Trade payables\t287,654\t254,321\nBank loans\t420,985\t434,564\n"
         "Total current liabilities\t708,639\t688,885\nNet current assets\t" +
         std::string(net_2024) + "\t154,311\n";
}

TEST(infer, a_sum_in_one_column_alone_is_not_a_roll_up) {
  // "Others" equals A + B in the first column only: a coincidence. (A row
  // labelled as a total is another matter: see
  // in_two_years_one_exact_column_proves_a_row_labelled_as_a_total.)
  const FromText r("\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\nA\t1\t1\nB\t2\t2\nOthers\t3\t5\n");
  EXPECT_EQ(r.inferred.footings, 0u);
  EXPECT_EQ(r.graph.figure_count(), 6u);
}

TEST(infer, an_error_in_one_column_does_not_hide_the_roll_up) {
  // Lines A, B and their total in three years; the total is 1 short in one.
  const FromText r(
      "\tDec 31, 2022\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\tRMB\n"
      "A\t10\t20\t30\nB\t5\t6\t7\nSubtotal\t15\t26\t39\n");
  EXPECT_EQ(r.inferred.footings, 3u);
  // 39 against 30 + 7 = 37: 2 more than rounding's 1.5.
  EXPECT_EQ(r.only_failure(), tieout::Decimal(2));
}

TEST(infer, a_roll_forward_with_the_exchange_effect_outside_the_net_change) {
  // The FY2023 announcement's cash flow summary (003_2b93c8209c643bac.txt,
  // lines 436-445): the net decrease excludes the effect of exchange rates,
  // so end = beginning + effect + net decrease: in 2023, 3,533,726 + 25,863
  // - 1,070,108 = 2,489,481; in US$, 497,715 + 3,643 - 150,721 = 350,637.
  const FromText r(
      "(Amounts in thousands)\n\n"
      "\tFor the year ended December 31,\t\t\n\t2022\t2023\t2023\n\tRMB\tRMB\tUS$\n"
      "Net cash generated from (used in) operating activities\t188,974\t(169,070)\t(23,813)\n"
      "Net cash used in investing activities\t(32,865)\t(673,186)\t(94,816)\n"
      "Net cash used in financing activities\t(1,152,146)\t(227,852)\t(32,092)\n"
      "Effect of exchange rate changes\t73,142\t25,863\t3,643\n"
      "Net decrease in cash\t(996,037)\t(1,070,108)\t(150,721)\n"
      "Cash at beginning of period\t4,456,621\t3,533,726\t497,715\n"
      "Cash at end of period\t3,533,726\t2,489,481\t350,637\n"
      "\nThe translation has been made at RMB7.0999 to US$1.00.\n");
  EXPECT_EQ(r.inferred.roll_forwards, 3u);
  const auto report = tieout::check(r.constraints);
  for (const auto* fail : report.with(Verdict::fail))
    ADD_FAILURE() << fail->explanation;
  std::size_t roll_forwards = 0;
  for (const auto& result : report.results) {
    if (r.constraints.kind(result.constraint) != ConstraintKind::roll_forward) continue;
    ++roll_forwards;
    EXPECT_EQ(result.verdict, Verdict::pass);
    EXPECT_EQ(r.constraints.figures(result.constraint).size(), 4u);  // closing, opening, 2 flows
  }
  EXPECT_EQ(roll_forwards, 3u);
  // The net decrease leaves out the effect printed just above it: 2022,
  // 188,974 - 32,865 - 1,152,146 = (996,037); 2023, -169,070 - 673,186 -
  // 227,852 = (1,070,108); US$, -23,813 - 94,816 - 32,092 = (150,721).
  EXPECT_EQ(r.inferred.footings, 3u);
  for (std::uint32_t column = 2; column <= 4; ++column) {
    const auto net = std::find_if(report.results.begin(), report.results.end(), [&](const auto& c) {
      return r.constraints.kind(c.constraint) == ConstraintKind::footing &&
             r.graph.location(r.constraints.figures(c.constraint)[0]).column == column;
    });
    ASSERT_NE(net, report.results.end());
    EXPECT_EQ(net->verdict, Verdict::pass);
    EXPECT_EQ(r.graph.location(r.constraints.figures(net->constraint)[0]).line, 10u);
    EXPECT_EQ(r.constraints.figures(net->constraint).size(), 4u);  // the net change, 3 flows
  }
}

TEST(infer, lines_that_differ_by_a_word_are_not_an_ocr_copy) {
  // "investing" and "financing" are 0.86 alike letter by letter, but
  // different words: the financing line is part of the net change, 1 + 2 +
  // 3 = 6 and 4 + 5 + 6 = 15, not a misread copy of the line above it.
  const FromText r(two_dates +
                   "Net cash used in operating activities\t1\t4\n"
                   "Net cash used in investing activities\t2\t5\n"
                   "Net cash used in financing activities\t3\t6\n"
                   "Net change in cash\t6\t15\n");
  EXPECT_EQ(r.inferred.footings, 2u);
  EXPECT_EQ(tieout::check(r.constraints).count(Verdict::fail), 0u);
}

TEST(infer, a_less_row_in_parentheses_may_add_as_printed) {
  // A bridge deducts interest income printed (15,871) under "Less:": the
  // parentheses carry the sign, -100,000 + 20,000 - 15,871 = (95,871), in
  // both years: -90,000 + 18,000 - 12,000 = (84,000).
  const FromText r(
      two_dates +
      "Net loss\t(90,000)\t(100,000)\nAdd: depreciation\t18,000\t20,000\n"
      "Less: interest income\t(12,000)\t(15,871)\nAdjusted EBITDA\t(84,000)\t(95,871)\n");
  EXPECT_EQ(r.inferred.footings, 2u);
  EXPECT_EQ(tieout::check(r.constraints).count(Verdict::fail), 0u);
}

TEST(infer, a_net_total_may_be_a_subtotal_less_the_rows_above) {
  // Hong Kong balance sheets: net current assets = total current assets -
  // total current liabilities: 986,418 - 708,639 = 277,779 and 843,196 -
  // 688,885 = 154,311.
  const FromText r(current_assets_and_liabilities("277,779"));
  EXPECT_EQ(r.inferred.footings, 6u);
  EXPECT_EQ(tieout::check(r.constraints).count(Verdict::fail), 0u);
}

TEST(infer, in_two_years_one_exact_column_proves_a_row_labelled_as_a_total) {
  // The same, with net current assets 2024 printed 278,779: 1,000 more
  // than 986,418 - 708,639. 2023 proves the row; 2024 fails.
  const FromText r(current_assets_and_liabilities("278,779"));
  EXPECT_EQ(r.only_failure(), tieout::Decimal(1000000));  // 1,000 thousand
}

TEST(infer, two_years_do_not_prove_a_net_line_that_adds_up_nothing) {
  // "Net cash used in financing activities" is 1 + 2 in 2023 (3) but not in
  // 2024 (4 + 5 = 9, printed 6): a "Net ..." label alone does not say the
  // row adds up the rows above it.
  const FromText r(two_dates +
                   "Net cash used in operating activities\t1\t4\n"
                   "Net cash used in investing activities\t2\t5\n"
                   "Net cash used in financing activities\t3\t6\n");
  EXPECT_EQ(r.inferred.footings, 0u);
}

TEST(infer, lines_that_cancel_in_one_year_do_not_make_a_shorter_total) {
  // In 2024 the first two lines cancel, so the last two alone add up to the
  // total (50 + 39 = 89); only all four do in both years: 2023, -500 + 300
  // + 40 + 25 = (135); 2024, -1,234 + 1,234 + 50 + 39 = 89.
  const FromText r(
      "\t31 December 2023\t31 December 2024\n\tRMB'000\tRMB'000\n"
      "Fair value losses\t(500)\t(1,234)\nExchange gains\t300\t1,234\n"
      "Government grants\t40\t50\nOthers\t25\t39\n"
      "Total other gains and losses, net\t(135)\t89\n");
  EXPECT_EQ(r.inferred.footings, 2u);
  const auto report = tieout::check(r.constraints);
  EXPECT_EQ(report.count(Verdict::fail), 0u);
  for (const auto& result : report.results)
    EXPECT_EQ(r.constraints.figures(result.constraint).size(), 5u);  // the total, 4 lines
}

TEST(infer, a_translated_column_is_no_second_witness_of_its_period) {
  // "Proceeds" is A + B in 2024, in RMB (140 + 210 = 350) and so in US$ at
  // 7.0000 (20 + 30 = 50), but not in 2023 (100 + 200 = 300, printed 350):
  // one period against one, under a label that names no total.
  const FromText r(
      "(in thousands)\n\n\tFor the year ended December 31,\t\t\n\t2023\t2024\t2024\n"
      "\tRMB\tRMB\tUS$\nA\t100\t140\t20\nB\t200\t210\t30\nProceeds\t350\t350\t50\n"
      "\nThe translation is at RMB7.0000 to US$1.00.\n");
  EXPECT_EQ(r.inferred.footings, 0u);
  EXPECT_EQ(tieout::check(r.constraints).count(Verdict::fail), 0u);
}

TEST(infer, classes_of_shares_are_not_an_ocr_copy_of_each_other) {
  // 1 + 2 = 3 and 4 + 5 = 9: "Class B" is a line of its own.
  const FromText r(two_dates +
                   "Class A ordinary shares\t1\t4\nClass B ordinary shares\t2\t5\n"
                   "Total shareholders' equity\t3\t9\n");
  EXPECT_EQ(r.inferred.footings, 2u);
}

TEST(infer, a_change_column_after_years_printed_latest_first) {
  // 2024 before 2023, and shares between: (1,234,567 - 1,098,765) /
  // 1,098,765 = 12.36%, printed 12.4; (287,654 - 300,543) / 300,543 =
  // -4.29%, printed (4.3).
  const FromText r(
      "\tYear ended 31 December\t\t\t\t\n\t2024\t\t2023\t\tChange\n"
      "\tHK$'000\t%\tHK$'000\t%\t%\n"
      "Freight\t1,234,567\t81.1\t1,098,765\t78.5\t12.4\n"
      "Trucking\t287,654\t18.9\t300,543\t21.5\t(4.3)\n"
      "Total\t1,522,221\t100.0\t1,399,308\t100.0\t8.8\n");
  // Changes: 3 rows; shares: 2 rows in each year, with their footings.
  EXPECT_EQ(r.inferred.ratios, 3u + 4u);
  EXPECT_EQ(tieout::check(r.constraints).count(Verdict::fail), 0u);
}

// Percentage columns beside the amounts: changes from the prior period and
// shares of a total.

TEST(infer, a_change_column_is_the_change_from_the_prior_year) {
  // The FY2023 announcement's highlights (003_2b93c8209c643bac.txt, lines
  // 55-61), divided by the prior as printed: revenues -1,132,646 /
  // 8,180,107 = -13.85%; gross profit 420,631 / 429,538 = 97.93%; loss
  // before income taxes 498,227 / -2,663,915 = -18.70%; net loss 504,741 /
  // -2,688,388 = -18.77%, printed -18.6% here: it fails.
  const FromText r(
      "\tFor the year ended December 31,\t\t\n\t2022\t2023\tChange\n"
      "\tRMB'000\tRMB'000\t%\n"
      "Revenues\t8,180,107\t7,047,461\t-13.8%\n"
      "Gross profit\t429,538\t850,169\t97.9%\n"
      "Loss before income taxes\t(2,663,915)\t(2,165,688)\t-18.7%\n"
      "Net loss\t(2,688,388)\t(2,183,647)\t-18.6%\n");
  EXPECT_EQ(r.inferred.ratios, 4u);
  const auto report = tieout::check(r.constraints);
  ASSERT_EQ(report.count(Verdict::fail), 1u);
  const auto* fail = report.with(Verdict::fail).front();
  EXPECT_EQ(r.graph.text(r.constraints.ratio(fail->constraint).ratio), "-18.6%");
  EXPECT_EQ(report.count(Verdict::pass) + report.count(Verdict::rounding), 3u);
}

TEST(infer, a_change_column_may_divide_by_the_prior_loss_as_a_magnitude) {
  // Revenues 100 to 120: +20.0% either way. A loss of (100) narrowed to
  // (80) is +20.0% over the magnitude 100 (-20.0% over -100), (200) to
  // (150) is +25.0%: the column divides by magnitudes, and all three hold.
  const FromText r(
      "\tFor the year ended December 31,\t\t\n\t2023\t2024\tChange\n\tRMB\tRMB\t%\n"
      "Revenues\t100\t120\t20.0%\nNet loss\t(100)\t(80)\t20.0%\n"
      "Operating loss\t(200)\t(150)\t25.0%\n");
  EXPECT_EQ(r.inferred.ratios, 3u);
  EXPECT_EQ(tieout::check(r.constraints).count(Verdict::pass), 3u);
}

TEST(infer, a_percentage_column_with_a_row_of_100_is_shares_of_that_row) {
  // The FY2023 announcement's employees (lines 256-262): 100 x 1,243 /
  // 10,493 = 11.85% (12%), 613 -> 5.84% (6%), 8,265 -> 78.77% (79%), and 372
  // -> 3.55%, printed 3% so that 12 + 3 + 6 + 79 = 100: noted, not failed.
  const FromText r(
      "The Company had 10,493 employees as of December 31, 2023.\n\n"
      "\tNumber of\t\nFunction\tEmployees\tPercentage\n"
      "Research and development\t1,243\t12%\nSales and marketing\t372\t3%\n"
      "General and administrative\t613\t6%\n"
      "Solution development and services\t8,265\t79%\nTotal\t10,493\t100%\n");
  EXPECT_EQ(r.inferred.ratios, 4u);
  EXPECT_EQ(r.inferred.footings, 2u);  // 10,493 and 100% foot
  const auto report = tieout::check(r.constraints);
  EXPECT_EQ(report.count(Verdict::fail), 0u);
  ASSERT_EQ(report.count(Verdict::info), 1u);
  EXPECT_EQ(r.graph.text(r.constraints.ratio(report.with(Verdict::info).front()->constraint).ratio),
            "3%");
}

TEST(infer, a_label_repeated_with_another_value_is_not_linked) {
  // Two tables print "Others" for the same period with different amounts:
  // different things, not a discrepancy.
  const FromText r("\tDec 31, 2024\n\tRMB\nOthers\t5\n\nNotes\n\tDec 31, 2024\n\tRMB\nOthers\t7\n");
  EXPECT_EQ(r.inferred.equalities, 0u);
  EXPECT_EQ(tieout::check(r.constraints).count(Verdict::fail), 0u);
}

// Rows that state one fact are linked as rows: the relation (as printed, or
// with the sign flipped, as a bridge adds back what a statement deducts) is
// read off the cells they share, and a misprint in one cell then fails
// instead of unlinking it.
TEST(infer, a_restated_row_is_linked_in_every_cell_and_a_misprinted_sign_fails) {
  // The statement prints interest income 5, 6, 7; the bridge deducts it,
  // (5), (6), and misprints the third as 7: two cells of three agree with
  // the sign flipped, so all three are linked that way and 7 = -(7) fails
  // by 14.
  const FromText r(
      "\tDec 31, 2022\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\tRMB\n"
      "Interest income\t5\t6\t7\n\nReconciliation\n"
      "\tDec 31, 2022\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\tRMB\n"
      "Interest income\t(5)\t(6)\t7\n");
  EXPECT_EQ(r.inferred.equalities, 3u);
  const auto difference = r.only_failure();
  ASSERT_TRUE(difference);
  EXPECT_EQ(difference->abs(), tieout::Decimal(14));
}

TEST(infer, rows_that_agree_in_one_cell_of_three_are_not_linked) {
  // "Others" 5, 6, 7 and 5, 9, 9: one agreement is a coincidence.
  const FromText r(
      "\tDec 31, 2022\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\tRMB\nOthers\t5\t6\t7\n\nNotes\n"
      "\tDec 31, 2022\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\tRMB\nOthers\t5\t9\t9\n");
  EXPECT_EQ(r.inferred.equalities, 0u);
}

TEST(infer, a_margin_misprinted_in_one_period_is_checked_in_every_period) {
  // Gross profit over revenues: 10 / 100 = 10.0%, 30 / 200 = 15.0%, and
  // 100 / 400 = 25.0% printed 20.0%. Two periods of three prove the ratio;
  // the third fails by 20.0 - 25.0 = -5.0.
  const FromText r(
      "(in thousands)\n\n"
      "\tFor the year ended December 31,\t\t\n\t2022\t2023\t2024\n\tRMB\tRMB\tRMB\n"
      "Total revenues\t100\t200\t400\nCost of revenues\t(90)\t(170)\t(300)\n"
      "Gross profit\t10\t30\t100\n\nMargins\n"
      "\tFor the year ended December 31,\t\t\n\t2022\t2023\t2024\n"
      "Gross margin\t10.0%\t15.0%\t20.0%\n");
  EXPECT_EQ(r.inferred.ratios, 3u);
  EXPECT_EQ(r.only_failure(), tieout::Decimal::parse("-5.0"));
}

TEST(infer, a_roll_forward_misprinted_in_one_column_is_checked_in_every_column) {
  // Cash at the end = at the beginning + the change: 10 + 5 = 15, 15 + 3 =
  // 18, and 18 + 4 = 22 printed 25. Exact in two columns of three: stated in
  // all three, and the third fails by 3.
  const FromText r(
      "\tFor the year ended December 31,\t\t\n\t2022\t2023\t2024\n\tRMB\tRMB\tRMB\n"
      "Net increase in cash\t5\t3\t4\nCash at beginning of year\t10\t15\t18\n"
      "Cash at end of year\t15\t18\t25\n");
  EXPECT_EQ(r.inferred.roll_forwards, 3u);
  EXPECT_EQ(r.only_failure(), tieout::Decimal(3));
}

TEST(infer, total_assets_equal_total_liabilities_and_equity) {
  // Assets 10 + 30 = 40 and 20 + 35 = 55 and 12 + 40 = 52; liabilities and
  // equity 15 + 25 = 40, 25 + 30 = 55, and 20 + 30 = 50: the identity holds
  // in two columns of three, so it is stated in all three, and the third
  // fails by 2. The US$ column is a convenience translation (at 2): it is
  // left out, since each side there may be added up from translated lines.
  const FromText r(
      "\tDec 31, 2022\tDec 31, 2023\tDec 31, 2024\tDec 31, 2024\n"
      "\tRMB\tRMB\tRMB\tUS$\n"
      "Cash\t10\t20\t12\t6\nGoodwill\t30\t35\t40\t20\nTotal assets\t40\t55\t52\t26\n"
      "Borrowings\t15\t25\t20\t10\nShareholders' equity\t25\t30\t30\t15\n"
      "Total liabilities and shareholders' equity\t40\t55\t50\t25\n"
      "\nTranslations are at RMB2.0000 to US$1.00.\n");
  EXPECT_EQ(r.inferred.equalities, 3u);
  const auto report = tieout::check(r.constraints);
  std::size_t identity_failures = 0;
  for (const auto* fail : report.with(Verdict::fail)) {
    if (r.constraints.kind(fail->constraint) != ConstraintKind::equality) continue;
    ++identity_failures;
    EXPECT_EQ(fail->difference.abs(), tieout::Decimal(2));
  }
  EXPECT_EQ(identity_failures, 1u);
}

TEST(infer, an_unreadable_copy_of_the_next_row_is_that_row) {
  // Text extracted from a PDF with two layers prints a row twice, the copy
  // garbled: "Adjusted EBITDA normalised" with "4.0.0" and "(6.0(0" above
  // the clean "Adjusted EBITDA normalized" 4 and (6). The copy is linked to
  // the row it repeats, cell by cell, and stands in the way of no roll-up:
  // 1 + 3 = 4 and (2) + (4) = (6) still foot.
  const FromText r(two_dates +
                   "Adjusted EBITDA\t1\t(2)\nLoss on disposal\t3\t(4)\n"
                   "Adjusted EBITDA normalised\t4.0.0\t(6.0(0\n"
                   "Adjusted EBITDA normalized\t4\t(6)\n");
  EXPECT_EQ(r.inferred.footings, 2u);
  EXPECT_EQ(r.inferred.equalities, 2u);
  for (std::uint32_t i = 0; i < r.graph.figure_count(); ++i) {
    const FigureId f(i);
    if (r.graph.state(f) != tieout::FigureState::unreadable) continue;
    const auto checks = r.constraints.constraints_of(f);
    ASSERT_EQ(checks.size(), 1u) << r.graph.describe(f);
    EXPECT_EQ(r.constraints.kind(checks[0]), ConstraintKind::equality);
  }
}

// The FY2023 announcement (003_2b93c8209c643bac.txt): statements split by
// page breaks, notes that reprint a statement's line without its label.

TEST(infer_announcement, totals_after_a_page_break_foot_lines_before_it) {
  const auto a = infer_filing("003_2b93c8209c643bac.txt");
  // Line 362, comprehensive loss = net loss (line 349, before the break at
  // line 352) + foreign currency translation adjustments (line 361): 2023
  // RMB (2,183,647) + 102,241 = (2,081,406).
  const auto comprehensive = a->find(ConstraintKind::footing, a->at(362, 4));
  ASSERT_TRUE(comprehensive.has_value());
  EXPECT_EQ(a->lines_and_weights(*comprehensive),
            (std::vector<std::pair<std::uint32_t, int>>{{349, 1}, {361, 1}}));
  // Line 419, total liabilities = total current liabilities (line 407, before
  // the break at line 408) + total non-current liabilities (line 418): 2022
  // 6,658,626 + 1,074,106 = 7,732,732.
  const auto liabilities = a->find(ConstraintKind::footing, a->at(419, 2));
  ASSERT_TRUE(liabilities.has_value());
  EXPECT_EQ(a->lines_and_weights(*liabilities),
            (std::vector<std::pair<std::uint32_t, int>>{{407, 1}, {418, 1}}));
}

TEST(infer_announcement, a_blank_cell_adds_nothing_to_a_roll_up) {
  // Line 105, adjusted net loss 2022 = (2,688,388) + 359,835 + 334,629 =
  // (1,993,924); impairment (line 103) is blank for 2022.
  const auto a = infer_filing("003_2b93c8209c643bac.txt");
  const auto adjusted = a->find(ConstraintKind::footing, a->at(105, 2));
  ASSERT_TRUE(adjusted.has_value());
  EXPECT_EQ(a->lines_and_weights(*adjusted),
            (std::vector<std::pair<std::uint32_t, int>>{{99, 1}, {101, 1}, {102, 1}}));
}

TEST(infer_announcement, the_loss_per_share_after_a_page_break_is_over_the_loss_before_it) {
  // Line 357, 2022: net loss attributable (2,658,184) (line 351, before the
  // headers repeated at lines 353-355) / 3,623,838,985 shares (line 359) =
  // (0.7335), printed (0.73).
  const auto a = infer_filing("003_2b93c8209c643bac.txt");
  const auto eps = a->find(ConstraintKind::ratio, a->at(357, 3));
  ASSERT_TRUE(eps.has_value());
  const auto& ratio = a->constraints->ratio(*eps);
  ASSERT_EQ(ratio.numerator.size(), 1u);
  ASSERT_EQ(ratio.denominator.size(), 1u);
  EXPECT_EQ(a->graph.text(ratio.numerator[0].figure), "(2,658,184)");
  EXPECT_EQ(ratio.denominator[0].figure, a->at(359, 3));
}

TEST(infer_announcement, an_unlabeled_row_is_the_line_it_reprints) {
  // Line 573 prints (2,663,915), (2,165,688), (305,030) with no label: the
  // loss before income taxes of the statement (lines 192 and 347).
  const auto a = infer_filing("003_2b93c8209c643bac.txt");
  const auto equalities = a->constraints->constraints_of(a->at(573, 4));
  const bool restates = std::any_of(equalities.begin(), equalities.end(), [&](ConstraintId id) {
    if (a->constraints->kind(id) != ConstraintKind::equality) return false;
    const auto pair = a->constraints->figures(id);
    const auto line = a->graph.location(pair[0] == a->at(573, 4) ? pair[1] : pair[0]).line;
    return line == 192 || line == 347;
  });
  EXPECT_TRUE(restates);
}

}  // namespace
