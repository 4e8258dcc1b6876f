// Tests of tieout/solver.hpp on small graphs whose arithmetic is worked out
// in the comments, and on the FY2023 announcement
// (examples/filings/003_2b93c8209c643bac.txt) for its OCR damage.
#include "tieout/solver.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tieout/audit.hpp"
#include "tieout/check.hpp"
#include "tieout/constraint.hpp"
#include "tieout/graph.hpp"
#include "tieout/report.hpp"

namespace {

using namespace std::chrono_literals;
using tieout::ConstraintSet;
using tieout::Currency;
using tieout::Decimal;
using tieout::Duration;
using tieout::FigureId;
using tieout::Period;
using tieout::Slip;
using tieout::Unit;

const Unit rmb = Unit::money(Currency("CNY"));
const Duration q1 = Duration::months_ended(2024y / 3 / 31, 3);
const Duration q2 = Duration::months_ended(2024y / 6 / 30, 3);
const Duration h1 = Duration::months_ended(2024y / 6 / 30, 6);

// Tables of figures in units, each figure on its own line of "solver.txt".
class solver : public ::testing::Test {
 protected:
  tieout::TableId table(const char* title) {
    return graph.add_table(document, title, tieout::TableKind::other);
  }
  FigureId figure(tieout::TableId in, const char* label, std::string_view text,
                  const Period& period = q1) {
    const auto item = graph.add_line_item(in, label);
    return graph.add_figure(item, period, rmb, text, {document, next_line++, 2});
  }
  // Three rows (a, b and their total) in Q1, Q2 and H1: each column foots
  // and each row's quarters add up to its half year.
  struct Grid {
    FigureId a[3], b[3], total[3];
  };
  Grid grid(const char* title, const char* (&a)[3], const char* (&b)[3], const char* (&total)[3]) {
    const auto t = table(title);
    const Period periods[] = {q1, q2, h1};
    Grid g;
    for (int c = 0; c < 3; ++c) {
      g.a[c] = figure(t, "a", a[c], periods[c]);
      g.b[c] = figure(t, "b", b[c], periods[c]);
      g.total[c] = figure(t, "total", total[c], periods[c]);
      const FigureId parts[] = {g.a[c], g.b[c]};
      constraints.add_footing(g.total[c], parts);
    }
    for (const auto& row : {g.a, g.b, g.total}) {
      const FigureId quarters[] = {row[0], row[1]};
      constraints.add_period_sum(row[2], quarters);
    }
    return g;
  }
  tieout::Solution solve() { return tieout::solve(constraints, tieout::check(constraints)); }

  // A figure of its own line item in Q1, on a line of its own.
  FigureId add(tieout::TableId in, const char* label, const Unit& unit, std::string_view text,
               tieout::Scale scale) {
    return graph.add_figure(graph.add_line_item(in, label), q1, unit, text,
                            {document, next_line++, 2}, scale);
  }
  // Net loss attributable (1,061,066) - (3,931) = (1,057,135) thousand,
  // footed, over a share count, printed as `eps`.
  struct LossPerShare {
    tieout::TableId table;
    FigureId eps, shares;
  };
  LossPerShare loss_per_share(std::string_view eps_text, std::string_view shares_text) {
    const auto t = table("loss per share");
    const auto thousands = tieout::Scale::thousands;
    const FigureId net_loss = add(t, "net loss", rmb, "(1,061,066)", thousands);
    const FigureId minority = add(t, "less: minority", rmb, "(3,931)", thousands);
    const FigureId attributable = add(t, "attributable", rmb, "(1,057,135)", thousands);
    const FigureId eps =
        add(t, "per share", Unit::per_share(Currency("CNY")), eps_text, tieout::Scale::units);
    const FigureId shares = add(t, "shares", Unit::shares(), shares_text, tieout::Scale::units);
    const tieout::Term parts[] = {{net_loss, Decimal(1)}, {minority, Decimal(-1)}};
    constraints.add_footing(attributable, parts);
    constraints.add_ratio(eps, {{attributable, Decimal(1)}}, {{shares, Decimal(1)}}, Decimal(1));
    return {t, eps, shares};
  }
  // A row in RMB and in US$ thousands (fields 2 and 3), the US$ figure the
  // RMB one translated at `rate`.
  std::pair<FigureId, FigureId> translated(tieout::TableId in, const char* label,
                                           std::string_view in_rmb, std::string_view in_usd,
                                           std::string_view rate) {
    const auto item = graph.add_line_item(in, label);
    const FigureId r =
        graph.add_figure(item, q1, rmb, in_rmb, {document, next_line, 2}, tieout::Scale::thousands);
    const FigureId u = graph.add_figure(item, q1, Unit::money(Currency("USD")), in_usd,
                                        {document, next_line++, 3}, tieout::Scale::thousands);
    constraints.add_conversion(u, r, Decimal::parse(rate));
    return {r, u};
  }

  tieout::StatementGraph graph;
  tieout::DocumentId document = graph.add_document("solver.txt");
  ConstraintSet constraints{graph};
  std::uint32_t next_line = 1;
};

TEST(Slips, ClassifyHowAPrintedFigureDiffersFromTheValue) {
  const auto slip = [](const char* printed, const char* proposed) {
    return tieout::classify_slip(Decimal::parse(printed), Decimal::parse(proposed));
  };
  EXPECT_EQ(slip("43287", "43227"), Slip::digit);
  EXPECT_EQ(slip("43272", "43227"), Slip::transposition);
  EXPECT_EQ(slip("1234", "-1234"), Slip::sign);
  EXPECT_EQ(slip("4327", "43227"), Slip::ocr);    // a 2 dropped
  EXPECT_EQ(slip("433227", "43227"), Slip::ocr);  // a 3 doubled
  EXPECT_EQ(slip("43300", "43227"), Slip::other);
  EXPECT_EQ(slip("-1234", "1243"), Slip::other);  // sign and digits
  EXPECT_EQ(tieout::classify_slip(Decimal(), Decimal(300), true), Slip::nil);
}

// Q1: a 100 + b 250 = 350; Q2: 120 + 230 = 350; H1: 220 + 480 = 700, and
// each row's quarters add up to H1. b in Q1 printed 260: the Q1 footing
// (100 + 260 = 360, not 350) and b's period sum (260 + 230 = 490, not 480)
// fail, and b in Q1 is the one figure in both. Either check puts it back at
// 350 - 100 = 480 - 230 = 250, one digit from 260.
TEST_F(solver, FindsOneWrongDigitAndTheValueThatTies) {
  const char* a[] = {"100", "120", "220"};
  const char* b[] = {"260", "230", "480"};
  const char* total[] = {"350", "350", "700"};
  const Grid g = grid("quarters", a, b, total);
  const auto solution = solve();
  ASSERT_EQ(solution.best().size(), 1u);
  const tieout::Suspect& s = *solution.best()[0];
  EXPECT_EQ(s.figure, g.b[0]);
  EXPECT_EQ(s.proposed, Decimal(250));
  EXPECT_EQ(s.text, "250");
  EXPECT_TRUE(s.unique);
  EXPECT_EQ(s.slip, Slip::digit);
  EXPECT_EQ(s.explains.size(), 2u);
  EXPECT_EQ(solution.components, 1u);
  // b in Q1 is a term of a footing and of a period sum: two independent
  // checks; nothing is left unverified.
  EXPECT_EQ(solution.coverage[g.b[0].index()], 2u);
  EXPECT_TRUE(solution.unverified.empty());
}

// a in Q2 printed 210 for 120: 210 + 230 = 440, not 350; 100 + 210 = 310,
// not 220. Both give 120 back: 350 - 230 = 220 - 100 = 120.
TEST_F(solver, FindsTwoTransposedDigits) {
  const char* a[] = {"100", "210", "220"};
  const char* b[] = {"250", "230", "480"};
  const char* total[] = {"350", "350", "700"};
  const Grid g = grid("quarters", a, b, total);
  const auto solution = solve();
  ASSERT_EQ(solution.best().size(), 1u);
  EXPECT_EQ(solution.best()[0]->figure, g.a[1]);
  EXPECT_EQ(solution.best()[0]->proposed, Decimal(120));
  EXPECT_EQ(solution.best()[0]->slip, Slip::transposition);
  EXPECT_TRUE(solution.best()[0]->unique);
}

// Revenue 500, 600, 1,100; cost (300), (350), (650); gross profit 200, 250,
// 450. Cost in Q1 printed 300, without its parentheses: 500 + 300 = 800,
// not 200; 300 - 350 = -50, not -650. Both give -300: 200 - 500 and
// -650 + 350.
TEST_F(solver, FindsAFlippedSign) {
  const char* revenue[] = {"500", "600", "1,100"};
  const char* cost[] = {"300", "(350)", "(650)"};
  const char* profit[] = {"200", "250", "450"};
  const Grid g = grid("gross profit", revenue, cost, profit);
  const auto solution = solve();
  ASSERT_EQ(solution.best().size(), 1u);
  EXPECT_EQ(solution.best()[0]->figure, g.b[0]);
  EXPECT_EQ(solution.best()[0]->proposed, Decimal(-300));
  EXPECT_EQ(solution.best()[0]->text, "(300)");
  EXPECT_EQ(solution.best()[0]->slip, Slip::sign);
}

// One footing alone: 100 + 200 + 300 = 600, with 100 printed 130, so that
// 130 + 200 + 300 = 630. Putting 130 back to 100 and putting 600 up to 630
// are one digit each: two explanations, equally likely, neither certain.
// Lowering 200 to 170 or 300 to 270 changes two digits: rank 2.
TEST_F(solver, SaysWhenOneFootingCannotTellWhichFigureSlipped) {
  const auto t = table("one footing");
  const FigureId a = figure(t, "a", "130"), b = figure(t, "b", "200"), c = figure(t, "c", "300");
  const FigureId total = figure(t, "total", "600");
  const FigureId parts[] = {a, b, c};
  constraints.add_footing(total, parts);
  const auto solution = solve();
  const auto best = solution.best();
  ASSERT_EQ(best.size(), 2u);
  EXPECT_EQ(best[0]->figure, a);
  EXPECT_EQ(best[0]->proposed, Decimal(100));
  EXPECT_EQ(best[1]->figure, total);
  EXPECT_EQ(best[1]->proposed, Decimal(630));
  EXPECT_FALSE(best[0]->unique);
  EXPECT_FALSE(best[1]->unique);
  const auto of_b = solution.suspects_of(b);
  ASSERT_EQ(of_b.size(), 1u);
  EXPECT_EQ(of_b[0]->rank, 2);
  EXPECT_EQ(of_b[0]->proposed, Decimal(170));
  EXPECT_EQ(solution.coverage[a.index()], 1u);
}

// The grid of the first test twice, in two tables: b in Q1 printed 260 for
// 250 in the first, the total in H1 printed 770 for 700 in the second (H1:
// 220 + 480 = 700, and 350 + 350 = 700). Two components, each explained on
// its own.
TEST_F(solver, ExplainsTwoErrorsInTwoTablesSeparately) {
  const char* a1[] = {"100", "120", "220"};
  const char* b1[] = {"260", "230", "480"};
  const char* t1[] = {"350", "350", "700"};
  const Grid first = grid("first", a1, b1, t1);
  const char* a2[] = {"100", "120", "220"};
  const char* b2[] = {"250", "230", "480"};
  const char* t2[] = {"350", "350", "770"};
  const Grid second = grid("second", a2, b2, t2);
  const auto solution = solve();
  EXPECT_EQ(solution.components, 2u);
  const auto best = solution.best();
  ASSERT_EQ(best.size(), 2u);
  EXPECT_EQ(best[0]->figure, first.b[0]);
  EXPECT_EQ(best[0]->proposed, Decimal(250));
  EXPECT_EQ(best[1]->figure, second.total[2]);
  EXPECT_EQ(best[1]->proposed, Decimal(700));
  EXPECT_TRUE(best[0]->unique && best[1]->unique);
  EXPECT_NE(best[0]->component, best[1]->component);
}

// x = a + b and x = a + b + c with c printed 5: 10 + 20 = 30 ties, 10 + 20
// + 5 = 35 does not. Together the rules say c = 0 whatever the values; c is
// printed 5, so the rules, not a figure, are wrong.
TEST_F(solver, ReportsRulesThatCannotHoldAsAContradiction) {
  const auto t = table("rules");
  const FigureId a = figure(t, "a", "10"), b = figure(t, "b", "20"), c = figure(t, "c", "5");
  const FigureId x = figure(t, "x", "30");
  const FigureId two[] = {a, b}, three[] = {a, b, c};
  constraints.add_footing(x, two);
  constraints.add_footing(x, three);
  const auto solution = solve();
  ASSERT_EQ(solution.contradictions.size(), 1u);
  EXPECT_EQ(solution.contradictions[0].forced_zero, std::vector<FigureId>{c});
  EXPECT_EQ(solution.contradictions[0].constraints.size(), 1u);  // the one with c
  EXPECT_TRUE(solution.suspects.empty());
}

// total 1,504 = a + 300 with a printed "1,2O4" (a letter O): a = 1,504 - 300
// = 1,204, exactly.
TEST_F(solver, FillsAnUnreadableFigureTheFootingDetermines) {
  const auto t = table("fill");
  const FigureId a = figure(t, "a", "1,2O4"), b = figure(t, "b", "300");
  const FigureId total = figure(t, "total", "1,504");
  const FigureId parts[] = {a, b};
  constraints.add_footing(total, parts);
  ASSERT_EQ(graph.state(a), tieout::FigureState::unreadable);
  const auto solution = solve();
  ASSERT_EQ(solution.filled.size(), 1u);
  EXPECT_EQ(solution.filled[0].figure, a);
  EXPECT_EQ(solution.filled[0].value, Decimal(1204));
  EXPECT_EQ(solution.filled[0].text, "1,204");
  EXPECT_TRUE(solution.filled[0].exact);
  EXPECT_TRUE(solution.free.empty());
}

// total 900 = a + b with both unreadable: any a with b = 900 - a ties, so
// neither is determined; they move together. A third unreadable figure is in
// no check at all.
TEST_F(solver, LeavesFreeWhatTheChecksDoNotDetermine) {
  const auto t = table("free");
  const FigureId a = figure(t, "a", "4?0"), b = figure(t, "b", "5#0");
  const FigureId total = figure(t, "total", "900");
  const FigureId lone = figure(t, "lone", "7!7");
  const FigureId parts[] = {a, b};
  constraints.add_footing(total, parts);
  const auto solution = solve();
  EXPECT_TRUE(solution.filled.empty());
  ASSERT_EQ(solution.free.size(), 3u);
  const auto free_of = [&](FigureId f) {
    return *std::find_if(solution.free.begin(), solution.free.end(),
                         [&](const tieout::Free& x) { return x.figure == f; });
  };
  EXPECT_EQ(free_of(a).tied, std::vector<FigureId>{b});
  EXPECT_EQ(free_of(b).tied, std::vector<FigureId>{a});
  EXPECT_EQ(free_of(lone).reason, "no linear check bears on it");
}

// b in Q1 printed as a dash: 100 + 0 = 100, not 350; 0 + 230 = 230, not
// 480. Both ask for 250 where nothing is printed: filled, and said so.
TEST_F(solver, FillsADashWhereTheChecksRequireAValue) {
  const char* a[] = {"100", "120", "220"};
  const char* b[] = {"-", "230", "480"};
  const char* total[] = {"350", "350", "700"};
  const Grid g = grid("quarters", a, b, total);
  const auto solution = solve();
  ASSERT_EQ(solution.best().size(), 1u);
  EXPECT_EQ(solution.best()[0]->slip, Slip::nil);
  const tieout::Filled* filled = solution.filled_of(g.b[0]);
  ASSERT_NE(filled, nullptr);
  EXPECT_EQ(filled->value, Decimal(250));
  EXPECT_TRUE(filled->was_nil);
}

// The same footing stated twice is one independent check, not two; a
// figure in no check is unverified.
TEST_F(solver, CoverageCountsIndependentChecksNotRows) {
  const auto t = table("coverage");
  const FigureId a = figure(t, "a", "1"), b = figure(t, "b", "2"), total = figure(t, "t", "3");
  const FigureId alone = figure(t, "alone", "4");
  const FigureId parts[] = {a, b};
  constraints.add_footing(total, parts);
  constraints.add_footing(total, parts);
  const auto solution = solve();
  EXPECT_EQ(solution.coverage[a.index()], 1u);
  EXPECT_EQ(solution.coverage[alone.index()], 0u);
  EXPECT_EQ(solution.unverified, std::vector<FigureId>{alone});
}

// The report says it: "suspect: file:line:column: printed 260; everything
// ties with 250", and the JSON lists the suspect.
TEST_F(solver, ReportsShowTheSuspect) {
  const char* a[] = {"100", "120", "220"};
  const char* b[] = {"260", "230", "480"};
  const char* total[] = {"350", "350", "700"};
  const Grid g = grid("quarters", a, b, total);
  const tieout::TieOut tie_out(constraints, {});
  const std::string text = tieout::render_text(tie_out);
  // b in Q1 is the second figure added: line 2, field 2.
  EXPECT_NE(text.find("suspect: solver.txt:2:2: printed 260; everything ties with 250"),
            std::string::npos)
      << text;
  const std::string json = tieout::render_json(tie_out);
  EXPECT_NE(json.find("\"figure\": " + std::to_string(g.b[0].index())), std::string::npos);
  EXPECT_NE(json.find("\"proposed\": \"250\""), std::string::npos);
  EXPECT_NE(json.find("\"unique\": true"), std::string::npos);
  EXPECT_EQ(tie_out.summary().suspects, 1u);
}

// The Q3 2024 release (lines 219-224), Q3 2024 in RMB and US$ thousands:
// revenues 1,885,574 and 268,692, cost (1,582,220) and (225,465), gross
// profit 303,354 and 43,227, each column footed, each US$ figure the RMB
// one at 7.0176. The US$ gross profit is added up from the US$ lines
// (268,692 - 225,465 = 43,227), while 303,354 / 7.0176 = 43,227.60: its
// conversion holds only as a derived column. Printed 43,224, the US$
// footing fails by 3; 43,226, 43,227 and 43,228 all tie within rounding,
// and the conversion alone would prefer 43,228 ((303,354 ± 4.0088) / 7.0176
// = [43,227.03, 43,228.17]). 43,227 is proposed: it makes the footing
// exact, as the filing added it up.
TEST_F(solver, PrefersTheValueThatMakesItsChecksExact) {
  const auto t = table("gross profit");
  const auto [revenues, revenues_usd] = translated(t, "revenues", "1,885,574", "268,692", "7.0176");
  const auto [cost, cost_usd] = translated(t, "cost", "(1,582,220)", "(225,465)", "7.0176");
  const auto [profit, profit_usd] = translated(t, "gross profit", "303,354", "43,224", "7.0176");
  const FigureId rmb_parts[] = {revenues, cost}, usd_parts[] = {revenues_usd, cost_usd};
  constraints.add_footing(profit, rmb_parts);
  constraints.add_footing(profit_usd, usd_parts);
  const auto solution = solve();
  ASSERT_EQ(solution.best().size(), 1u);
  EXPECT_EQ(solution.best()[0]->figure, profit_usd);
  EXPECT_EQ(solution.best()[0]->proposed, Decimal(43227000));
  EXPECT_EQ(solution.best()[0]->text, "43,227");
  EXPECT_TRUE(solution.best()[0]->unique);
}

// Three quarters and nine months: a 100, 200, 300 | 600; b 30, 40, 50 |
// 120; totals 130, 240, 350 | 720. b in Q2 printed 42: the Q2 footing fails
// (200 + 42 = 242, not 240, beyond rounding's 1.5), while b's nine months
// still tie within rounding (30 + 42 + 50 = 122 against 120, rounding's 2).
// Putting b back at 40 makes everything exact again. The Q2 total at 242 is
// also one digit away and ties everything, but the totals' nine months
// then hold only within rounding (130 + 242 + 350 = 722 against 720): it
// spoils a check that was exact, so it ranks below.
TEST_F(solver, PrefersAChangeThatKeepsExactChecksExact) {
  const auto t = table("quarters");
  const Duration q3 = Duration::months_ended(2024y / 9 / 30, 3);
  const Duration nine_months = Duration::months_ended(2024y / 9 / 30, 9);
  const Period periods[] = {q1, q2, q3, nine_months};
  const auto row = [&](const char* label, const char*(&texts)[4]) {
    std::array<FigureId, 4> figures;
    for (int c = 0; c < 4; ++c)
      figures[c] = figure(t, label, texts[c], periods[c]);
    constraints.add_period_sum(figures[3], std::span<const FigureId>(figures.data(), 3));
    return figures;
  };
  const char* a_texts[] = {"100", "200", "300", "600"};
  const char* b_texts[] = {"30", "42", "50", "120"};
  const char* total_texts[] = {"130", "240", "350", "720"};
  const auto a = row("a", a_texts);
  const auto b = row("b", b_texts);
  const auto total = row("total", total_texts);
  for (int c = 0; c < 4; ++c) {
    const FigureId parts[] = {a[c], b[c]};
    constraints.add_footing(total[c], parts);
  }
  const auto solution = solve();
  ASSERT_EQ(solution.best().size(), 1u);
  EXPECT_EQ(solution.best()[0]->figure, b[1]);
  EXPECT_EQ(solution.best()[0]->proposed, Decimal(40));
  EXPECT_TRUE(solution.best()[0]->unique);
  const auto of_total = solution.suspects_of(total[1]);
  ASSERT_EQ(of_total.size(), 1u);
  EXPECT_EQ(of_total[0]->rank, 2);
}

// Loss per share (0.29) = net loss attributable (1,057,135 thousand) /
// 3,655,882,906 shares = 0.28916 (the Q3 2024 release, lines 241-245), the
// loss pinned by its footing (1,061,066 - 3,931) and the loss per share by
// its restatement. The share count printed 6,355,882,906 (two digits
// transposed) makes 0.166, not 0.29: only the share count can change, and
// the ratio bounds it to 1,057,135,000 / [0.285, 0.295] = [3,583,508,475,
// 3,709,245,614], where the transposition back lies.
TEST_F(solver, ReadsAShareCountBackFromItsLossPerShare) {
  const LossPerShare printed = loss_per_share("(0.29)", "6,355,882,906");
  const FigureId restated = add(printed.table, "per share again", Unit::per_share(Currency("CNY")),
                                "(0.29)", tieout::Scale::units);
  constraints.add_equality(restated, printed.eps);
  const auto solution = solve();
  ASSERT_EQ(solution.best().size(), 1u);
  EXPECT_EQ(solution.best()[0]->figure, printed.shares);
  EXPECT_EQ(solution.best()[0]->proposed, Decimal(3655882906));
  EXPECT_EQ(solution.best()[0]->slip, Slip::transposition);
  EXPECT_TRUE(solution.best()[0]->unique);
}

// The same loss per share printed 0.29, its sign lost, and the share count
// right: 1,057,135,000 / 3,655,882,906 = 0.289 is a loss, (0.29). Flipping
// the share count's sign would tie too, but a number of shares is never
// negative: the loss per share is the one answer.
TEST_F(solver, NeverProposesANegativeShareCount) {
  const LossPerShare printed = loss_per_share("0.29", "3,655,882,906");
  const auto solution = solve();
  ASSERT_EQ(solution.best().size(), 1u);
  EXPECT_EQ(solution.best()[0]->figure, printed.eps);
  EXPECT_EQ(solution.best()[0]->proposed, Decimal::parse("-0.29"));
  EXPECT_TRUE(solution.best()[0]->unique);
}

TEST_F(solver, FillsAFigureBesideAFailureThatIsNotItsOwn) {
  const auto t = table("fill");
  const FigureId a = figure(t, "a", "1,2O4"), b = figure(t, "b", "300");
  const FigureId total = figure(t, "total", "1,504");
  const FigureId c = figure(t, "c", "10"), d = figure(t, "d", "20"), e = figure(t, "e", "35");
  const FigureId parts[] = {a, b}, others[] = {c, d};
  constraints.add_footing(total, parts);
  constraints.add_footing(e, others);
  const auto solution = solve();
  const tieout::Filled* filled = solution.filled_of(a);
  ASSERT_NE(filled, nullptr);
  EXPECT_EQ(filled->value, Decimal(1204));
}

// RMB 1,004 + 2,004 = 3,008 and US$ 141 + 282 = ? with the US$ total
// unreadable, at 7.0999: the US$ footing of printed figures gives 423
// exactly, while 3,008 / 7.0999 = 423.67 would round to 424 (and least
// squares over both, weighted by the rate, lands at 423.66). The column was
// added up from its printed lines, as its derived-column rule accepts: 423,
// exact.
TEST_F(solver, FillsWhatAFootingOfPrintedFiguresGivesExactly) {
  const auto t = table("translation");
  const auto [a, a_usd] = translated(t, "a", "1,004", "141", "7.0999");
  const auto [b, b_usd] = translated(t, "b", "2,004", "282", "7.0999");
  const auto [total, total_usd] = translated(t, "total", "3,008", "42?", "7.0999");
  const FigureId rmb_parts[] = {a, b}, usd_parts[] = {a_usd, b_usd};
  constraints.add_footing(total, rmb_parts);
  constraints.add_footing(total_usd, usd_parts);
  const auto solution = solve();
  const tieout::Filled* filled = solution.filled_of(total_usd);
  ASSERT_NE(filled, nullptr);
  EXPECT_EQ(filled->value, Decimal(423000));
  EXPECT_TRUE(filled->exact);
}

// A US$ total printed "961.78" among whole thousands parses, but the reader
// keeps it unreadable. Its conversion gives 6,828,590 / 7.0999 = 961,786.79
// thousand, printed as the column prints, "961,787", not in the damaged
// text's style.
TEST_F(solver, FillsAFigureInTheColumnsStyleNotTheDamagedOnes) {
  const auto t = table("translation");
  const auto item = graph.add_line_item(t, "total current liabilities");
  const FigureId in_rmb =
      graph.add_figure(item, q1, rmb, "6,828,590", {document, 1, 2}, tieout::Scale::thousands);
  const FigureId in_usd = graph.add_figure(item, q1, Unit::money(Currency("USD")), "961.78",
                                           {document, 1, 3}, tieout::Scale::thousands);
  graph.mark_unreadable(in_usd);
  constraints.add_conversion(in_usd, in_rmb, Decimal::parse("7.0999"));
  const auto solution = solve();
  const tieout::Filled* filled = solution.filled_of(in_usd);
  ASSERT_NE(filled, nullptr);
  EXPECT_EQ(filled->value, Decimal(961787000));
  EXPECT_EQ(filled->text, "961,787");
  EXPECT_FALSE(filled->exact);
}

// The FY2023 announcement's balance sheet (lines 371-431) prints its US$
// column cut off: "317,65" for 317,651, one digit lost at the right edge,
// so the reader keeps those cells as unreadable. Each US$ figure is its RMB
// figure of December 31, 2023 converted at RMB7.0999 per US$1.00 (line
// 483), so the conversions determine every one, rounded to the thousand as
// printed (the exact quotient is in the comment). Two dashes read as "_"
// are determined by their footings, and one US$ cell printed as a dash is
// required by its conversion. Rows 394 and 406 are OCR ghosts of the rows
// above them with garbled labels and garbled but readable figures: they are
// left out, since what they "determine" comes from those garbled figures.
// Row 114 is a ghost none of whose figures can be read: it is filled from
// the row it repeats. This holds for what the reader reads today; as it
// reads more of the document, more may be filled.
TEST(SolverFy2023, FillsTheOcrDamagedFiguresTheConstraintsDetermine) {
  tieout::Audit audit;
  ASSERT_TRUE(audit.add_file(std::string(TIEOUT_SOURCE_DIR) +
                             "/examples/filings/003_2b93c8209c643bac.txt"));
  const tieout::TieOut tie_out = audit.run();
  const tieout::StatementGraph& graph = audit.graph();
  const auto filled_at = [&](std::uint32_t line, std::uint32_t column) -> const tieout::Filled* {
    for (const tieout::Filled& f : tie_out.solution.filled) {
      if (graph.location(f.figure).line == line && graph.location(f.figure).column == column) {
        return &f;
      }
    }
    return nullptr;
  };
  struct Expected {
    std::uint32_t line, column;
    std::int64_t thousands;
  };
  const Expected expected[] = {
      {378, 5, 317651},   // 2,255,287 / 7.0999 = 317,650.53; printed "317,65"
      {379, 5, 32986},    // 234,194 / 7.0999 = 32,985.54; "32,98"
      {380, 5, 215484},   // 1,529,915 / 7.0999 = 215,484.02; "215,48"
      {382, 5, 255312},   // 1,812,692 / 7.0999 = 255,312.33; "255,31"
      {383, 5, 37470},    // 266,036 / 7.0999 = 37,470.39; "37,47"
      {385, 5, 858903},   // 6,098,124 / 7.0999 = 858,902.80; "858,90"
      {387, 5, 307912},   // 2,186,145 / 7.0999 = 307,912.08; "307,91"
      {388, 5, 117534},   // 834,478 / 7.0999 = 117,533.77; "117,53"
      {389, 5, 648703},   // 4,605,724 / 7.0999 = 648,702.66; "648,70"
      {390, 5, 122647},   // 870,781 / 7.0999 = 122,646.94; "122,64"
      {391, 5, 36610},    // 259,930 / 7.0999 = 36,610.37; "36,6"
      {392, 5, 7925},     // 56,264 / 7.0999 = 7,924.62; "7,92"
      {393, 5, 22371},    // 158,832 / 7.0999 = 22,371.02; "22,3"
      {395, 5, 1263701},  // 8,972,154 / 7.0999 = 1,263,701.46; "1,263,70"
      {396, 5, 2122604},  // 15,070,278 / 7.0999 = 2,122,604.26; "2,122,60"
      {400, 5, 254241},   // 1,805,083 / 7.0999 = 254,240.62; "254,24"
      {401, 5, 399736},   // 2,838,085 / 7.0999 = 399,735.91; "399,73"
      {402, 5, 156466},   // 1,110,896 / 7.0999 = 156,466.43; "156,40" (misread too)
      {403, 5, 9009},     // 63,961 / 7.0999 = 9,008.72; "9,0"
      {404, 5, 131256},   // 931,906 / 7.0999 = 131,256.21; "131,25"
      {405, 5, 11079},    // 78,659 / 7.0999 = 11,078.89; printed "-"
      {407, 5, 961787},   // 6,828,590 / 7.0999 = 961,786.79; "961.78" among thousands
      // Line 114 is an OCR ghost of line 115 (its label garbled, "Evaluding
      // ... permelized Adjusted EDITDA", and none of its figures readable):
      // its figures are line 115's, which foot as adjusted EBITDA (line 112)
      // + loss on disposal (line 113): (754,958) + 28,788 = (726,170);
      // (265,064) + 22,996 = (242,068); (37,334) + 3,239 = (34,095).
      {114, 2, -726170},  // printed "(727, 170)"
      {114, 3, -242068},  // printed "(2.42.0(0)"
      {114, 4, -34095},   // printed "(24.005)"
      // Short-term investments, 2023 RMB, printed "_": total current assets
      // 6,098,124 - (2,255,287 + 234,194 + 1,529,915 + 1,812,692 + 266,036)
      // = 6,098,124 - 6,098,124 = 0.
      {381, 4, 0},
      // Long-term bank loans, 2022 RMB, printed "_": total non-current
      // liabilities 1,074,106 - (413,464 + 167,052 + 370,531 + 123,059) =
      // 1,074,106 - 1,074,106 = 0.
      {413, 2, 0},
      // Current operating lease liabilities, 2022 RMB, printed as a row of
      // dots: total current liabilities 6,658,626 - (2,301,958 + 2,830,826 +
      // 909,500 + 51,892 + 427,727) = 136,723, which the row's OCR ghost on
      // line 406 prints too.
      {405, 3, 136723},
  };
  for (const Expected& e : expected) {
    const tieout::Filled* filled = filled_at(e.line, e.column);
    ASSERT_NE(filled, nullptr) << "nothing filled at " << e.line << ":" << e.column;
    EXPECT_EQ(filled->value, Decimal(e.thousands * 1000)) << e.line << ":" << e.column;
    EXPECT_EQ(filled->was_nil, e.line == 405 && e.column == 5) << e.line << ":" << e.column;
  }
}

}  // namespace
