// Tests of tieout/rules.hpp: the override file, on a small filing whose
// arithmetic is worked out in the comments.
#include "tieout/rules.hpp"

#include <string>

#include <gtest/gtest.h>

#include "tieout/audit.hpp"

namespace {

using tieout::Verdict;

// Revenues in thousands, 2022-2024, RMB, with a US$ translation of 2024 at
// RMB7.0000 to US$1.00: 1,400 / 7 = 200. Line 9 holds an OCR-damaged total.
constexpr std::string_view kFiling =
    "Example Corp\n"                                        // 1
    "This announcement translates RMB7.0000 to US$1.00.\n"  // 2
    "Revenues (in thousands)\n"                             // 3
    "\tFor the year ended December 31,\n"                   // 4
    "\t2022\t2023\t2024\t2024\n"                            // 5
    "\tRMB\tRMB\tRMB\tUS$\n"                                // 6
    "Products\t900\t1,000\t1,100\t157\n"                    // 7
    "Services\t200\t250\t300\t43\n"                         // 8
    "Total revenues\t1,100\t1,2S0\t1,400\t200\n";           // 9

tieout::Rules rules_of(std::string_view text) {
  auto rules = tieout::Rules::parse("rules.txt", text);
  if (!rules) throw std::runtime_error(rules.error().to_string());
  return std::move(rules).value();
}

struct Outcome {
  std::size_t fails = 0, passes = 0, incomplete = 0, checks = 0;
};

Outcome run(std::string_view rules_text) {
  tieout::Audit audit;
  audit.set_rules(rules_of(rules_text));
  const auto added = audit.add_text("filings/example.txt", kFiling);
  if (!added) throw std::runtime_error(added.error().to_string());
  const auto compared = audit.compare();
  if (!compared) throw std::runtime_error(compared.error().to_string());
  const auto tie_out = audit.run();
  return {tie_out.checks.count(Verdict::fail), tie_out.checks.count(Verdict::pass),
          tie_out.checks.count(Verdict::incomplete), tie_out.checks.results.size()};
}

TEST(rules, parse_reads_each_kind_and_skips_comments) {
  const auto rules = rules_of(
      "# a comment\n"
      "rate CNY USD 7.0999   # the noon buying rate\n"
      "\n"
      "correct example.txt:9:3 1,250\n"
      "column example.txt:7-9:5 2024-01-01..2024-12-31 USD thousands\n"
      "drop example.txt:9:2 footing\n"
      "add footing example.txt:9:2 = example.txt:7:2 + example.txt:8:2\n"
      "add equality example.txt:9:4 = example.txt:9:4\n"
      "add conversion example.txt:9:5 = example.txt:9:4 / 7\n");
  ASSERT_EQ(rules.rules().size(), 7u);
  EXPECT_EQ(rules.rules()[0].source_line, 2u);
  EXPECT_EQ(rules.rules()[0].rate, tieout::Decimal::parse("7.0999"));
  EXPECT_EQ(rules.rules()[1].text, "1,250");
  EXPECT_EQ(rules.rules()[2].last_line, 9u);
  EXPECT_EQ(rules.rules()[4].terms.size(), 3u);
}

TEST(rules, a_line_that_is_no_rule_is_an_error_naming_the_line) {
  for (const std::string_view text :
       {"rate CNY USD\n", "\ncorrect example.txt:9 1,250\n", "\n\ndrop example.txt:9:2 sum\n",
        "\n\n\nfrobnicate\n", "\n\n\n\ncolumn example.txt:9-7:2 2024-12-31 USD\n",
        "\n\n\n\n\nadd footing a:1:2 b:1:3\n"}) {
    const auto rules = tieout::Rules::parse("rules.txt", text);
    ASSERT_FALSE(rules) << text;
    EXPECT_EQ(rules.error().path, "rules.txt");
    EXPECT_EQ(rules.error().line,
              static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n')))
        << text;
  }
}

TEST(rules, without_rules_the_damaged_total_leaves_2023_incomplete) {
  // 2022: 900 + 200 = 1,100 and 2024: 1,100 + 300 = 1,400 tie exactly and
  // prove the roll-up; "1,2S0" cannot be read.
  const Outcome plain = run("");
  EXPECT_EQ(plain.fails, 0u);
  EXPECT_EQ(plain.incomplete, 1u);
}

TEST(rules, a_correction_reads_a_damaged_figure) {
  // 1,000 + 250 = 1,250.
  const Outcome corrected = run("correct example.txt:9:3 1,250\n");
  EXPECT_EQ(corrected.incomplete, 0u);
  EXPECT_EQ(corrected.fails, 0u);
  // 1,000 + 250 is not 1,260.
  EXPECT_EQ(run("correct example.txt:9:3 1,260\n").fails, 1u);
}

TEST(rules, a_rate_replaces_the_one_the_text_states) {
  // At 7.0000 the US$ lines tie: 157 x 7 = 1,099 against 1,100 (within
  // 0.5 + 0.5 x 7 = 4), 43 x 7 = 301 against 300, 200 x 7 = 1,400. At 8,
  // 200 x 8 = 1,600 misses 1,400.
  EXPECT_EQ(run("").fails, 0u);
  EXPECT_GE(run("rate CNY USD 8\n").fails, 3u);
}

TEST(rules, drop_and_add_replace_inferred_constraints) {
  const Outcome plain = run("");
  // Dropping the 2022 footing leaves one check fewer.
  const Outcome dropped = run("drop example.txt:9:2 footing\n");
  EXPECT_EQ(dropped.checks, plain.checks - 1);
  // Services 2022 is the total less products: 1,100 - 900 = 200.
  const Outcome added = run("add footing example.txt:8:2 = example.txt:9:2 - example.txt:7:2\n");
  EXPECT_EQ(added.checks, plain.checks + 1);
  EXPECT_EQ(added.passes, plain.passes + 1);
  // 900 is not 1,100 - 200 - 200 = 700: a footing that fails by 200.
  EXPECT_EQ(run("add footing example.txt:7:2 = example.txt:9:2 - example.txt:8:2 - "
                "example.txt:8:2\n")
                .fails,
            1u);
}

TEST(rules, an_addition_the_graph_refuses_is_an_error_of_the_rules_file) {
  // Products 2022 cannot be footed from a 2024 figure.
  tieout::Audit audit;
  audit.set_rules(rules_of("\nadd footing example.txt:7:2 = example.txt:8:4\n"));
  ASSERT_TRUE(audit.add_text("filings/example.txt", kFiling));
  const auto compared = audit.compare();
  ASSERT_FALSE(compared);
  EXPECT_EQ(compared.error().line, 2u);
  EXPECT_NE(compared.error().reason.find("is for 2024-01-01..2024-12-31"), std::string::npos);
}

TEST(rules, a_column_rule_gives_figures_their_meaning) {
  tieout::Audit audit;
  audit.set_rules(rules_of("column example.txt:7-9:5 2024-01-01..2024-12-31 HKD\n"));
  ASSERT_TRUE(audit.add_text("filings/example.txt", kFiling));
  const auto& figures = audit.documents().front().tables.front().figures;
  const auto usd_total = figures.back();
  EXPECT_EQ(audit.graph().unit(usd_total), tieout::Unit::money(tieout::Currency("HKD")));
  EXPECT_EQ(audit.graph().value(usd_total)->to_string(), "200000");
}

TEST(rules, a_column_rule_places_the_cells_a_header_could_not) {
  // A form whose rows are its periods: the header names the measures, not
  // the dates, so the reader cannot place the share counts (lines 3-5,
  // field 2); the rules say what each line's count is.
  constexpr std::string_view form =
      "Movements in issued shares\n"                                 // 1
      "\tNumber of issued shares\tPar value\n"                       // 2
      "Balance at close of preceding month\t3,805,284,801\t0.001\n"  // 3
      "Increase / decrease (-)\t-\t\n"                               // 4
      "Balance at close of the month\t3,805,284,801\t0.001\n";       // 5
  tieout::Audit plain;
  ASSERT_TRUE(plain.add_text("form.txt", form));
  EXPECT_EQ(plain.documents().front().tables.front().unplaced.size(), 5u);

  tieout::Audit audit;
  audit.set_rules(
      rules_of("column form.txt:3-3:2 2024-09-30 shares\n"
               "column form.txt:4-4:2 2024-10-01..2024-10-31 shares\n"
               "column form.txt:5-5:2 2024-10-31 shares\n"));
  ASSERT_TRUE(audit.add_text("form.txt", form));
  const tieout::ReadTable& table = audit.documents().front().tables.front();
  EXPECT_EQ(table.unplaced.size(), 2u);  // the par values, which no rule places
  ASSERT_EQ(table.figures.size(), 3u);
  const auto& graph = audit.graph();
  EXPECT_EQ(graph.text(table.figures[0]), "3,805,284,801");
  EXPECT_EQ(graph.location(table.figures[0]).line, 3u);
  EXPECT_EQ(graph.period(table.figures[0]).to_string(), "2024-09-30");
  EXPECT_EQ(graph.unit(table.figures[0]), tieout::Unit::shares());
  EXPECT_EQ(graph.state(table.figures[1]), tieout::FigureState::nil);
  EXPECT_EQ(graph.label(graph.line_item(table.figures[2])), "Balance at close of the month");
  EXPECT_EQ(graph.value(table.figures[2])->to_string(), "3805284801");
}

TEST(rules, a_rule_that_applies_nowhere_is_an_error) {
  for (const std::string_view text :
       {"correct example.txt:99:3 1\n", "drop example.txt:7:2 footing\n",
        "correct other.txt:9:3 1,250\n", "add equality example.txt:7:2 = example.txt:7:9\n"}) {
    tieout::Audit audit;
    audit.set_rules(rules_of(text));
    const auto added = audit.add_text("filings/example.txt", kFiling);
    if (!added) {
      EXPECT_EQ(added.error().path, "rules.txt") << text;
      continue;
    }
    const auto compared = audit.compare();
    ASSERT_FALSE(compared) << text;
    EXPECT_EQ(compared.error().path, "rules.txt");
    EXPECT_EQ(compared.error().line, 1u);
  }
}

}  // namespace
