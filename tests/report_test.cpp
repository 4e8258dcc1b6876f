// Tests of tieout/report.hpp's HTML and Markdown reports.
//
// On the Q3 2024 release (examples/filings/004_5d25836ba150503a.txt) the
// expected counts are the reader's, taken by hand from the file (see
// tests/reader_test.cpp): 586 figures in eight tables with figures, of 117,
// 224, 24, 12, 96, 56, 36 and 21 figures. On a small hand-made table every
// status occurs, with verdicts worked by hand, and the labels hold markup
// characters that must come out escaped.
#include "tieout/report.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "tieout/constraint.hpp"
#include "tieout/graph.hpp"
#include "tieout/infer.hpp"
#include "tieout/reader.hpp"
#include "tieout/text_document.hpp"

namespace {

using namespace std::chrono_literals;
using tieout::ConstraintSet;
using tieout::Currency;
using tieout::Duration;
using tieout::FigureId;
using tieout::FigureState;
using tieout::Period;
using tieout::StatementGraph;
using tieout::Unit;
using tieout::Verdict;

const std::string filings = std::string(TIEOUT_SOURCE_DIR) + "/examples/filings/";

// Figures per read table with figures, in order (tests/reader_test.cpp).
const std::vector<std::size_t> q3_2024_table_figures = {117, 224, 24, 12, 96, 56, 36, 21};
constexpr std::size_t q3_2024_figures = 586;  // their sum

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The Q3 2024 release read, its constraints inferred, checked.
struct Release {
  StatementGraph graph;
  ConstraintSet constraints{graph};
  std::unique_ptr<tieout::TieOut> tie_out;

  Release() {
    const auto text = tieout::load_text_document(filings + "004_5d25836ba150503a.txt");
    if (!text) throw std::runtime_error(text.error().to_string());
    std::vector<tieout::ReadDocument> documents;
    documents.push_back(tieout::read_tables(*text, graph));
    tieout::infer_constraints(documents.back(), constraints);
    tie_out = std::make_unique<tieout::TieOut>(constraints, std::move(documents));
  }
};

const Release& release() {
  static const Release r;
  return r;
}

// A hand-made table of one document, one period, one unit: three columns
// that foot (fields 2-4) and one that does not (field 5):
//
//   line  field 1 (label)      2     3     4     5
//   2     R&D <cost> "x"       100   3.4   20    —        (nil)
//   3     Other                23    6.5   20    <b>'7    (unreadable)
//   4     Total | all          123   10    50    9        (unverified)
//
// Field 2: 100 + 23 = 123 exactly: passes, its figures tie.
// Field 3: 3.4 + 6.5 = 9.9 against 10, difference 0.1, tolerance
//   0.05 + 0.05 + 0.5 = 0.6: holds by rounding.
// Field 4: 20 + 20 = 40 against 50, difference 10, tolerance 1.5: fails.
struct HandMade {
  StatementGraph graph;
  ConstraintSet constraints{graph};
  std::vector<FigureId> figures;  // row-major, as the reader gives them
  std::unique_ptr<tieout::TieOut> tie_out;

  static constexpr std::string_view label = "R&D <cost> \"x\"";

  HandMade() {
    const Unit cny = Unit::money(Currency("CNY"));
    const Period q3 = Duration::months_ended(2024y / 9 / 30, 3);
    const auto document = graph.add_document("R&D's <filing>.txt");
    const auto table = graph.add_table(document, "Costs & <expenses>", tieout::TableKind::other);
    const std::array<std::string_view, 3> labels = {label, "Other", "Total | all"};
    const std::array<std::array<std::string_view, 4>, 3> texts = {{
        {"100", "3.4", "20", "\u2014"},
        {"23", "6.5", "20", "<b>'7"},
        {"123", "10", "50", "9"},
    }};
    for (std::uint32_t row = 0; row < 3; ++row) {
      const auto item = graph.add_line_item(table, std::string(labels[row]), {"Costs:"});
      for (std::uint32_t field = 0; field < 4; ++field) {
        figures.push_back(
            graph.add_figure(item, q3, cny, texts[row][field], {document, row + 2, field + 2}));
      }
    }
    for (std::size_t field = 0; field < 3; ++field) {
      const std::array<FigureId, 2> parts = {figures[field], figures[4 + field]};
      constraints.add_footing(figures[8 + field], parts);
    }
    tieout::ReadDocument read;
    read.document = document;
    tieout::ReadTable read_table;
    read_table.table = table;
    read_table.title = "Costs & <expenses>";
    read_table.first_line = 1;
    read_table.last_line = 4;
    read_table.figures = figures;
    read_table.unplaced.push_back({5, 2, "1 & 2", "no <period>", {}});
    read.tables.push_back(std::move(read_table));
    std::vector<tieout::ReadDocument> documents;
    documents.push_back(std::move(read));
    tie_out = std::make_unique<tieout::TieOut>(constraints, std::move(documents));
  }
};

// Whether every '&' of `html` starts one of the references the report
// writes.
bool ampersands_escaped(std::string_view html) {
  const std::array<std::string_view, 6> references = {"&amp;",  "&lt;",  "&gt;",
                                                      "&quot;", "&#39;", "&#10;"};
  for (std::size_t at = html.find('&'); at != std::string_view::npos; at = html.find('&', at + 1)) {
    if (std::none_of(references.begin(), references.end(),
                     [&](std::string_view r) { return html.substr(at, r.size()) == r; })) {
      return false;
    }
  }
  return true;
}

// The value of attribute `name` in the first tag at or after `from`.
std::string attribute(std::string_view html, std::size_t from, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const std::size_t tag_end = html.find('>', from);
  const std::size_t at = html.find(key, from);
  if (at == std::string_view::npos || at > tag_end) return {};
  const std::size_t begin = at + key.size();
  return std::string(html.substr(begin, html.find('"', begin) - begin));
}

// The opening tag of the cell of `figure`.
std::size_t cell_of(std::string_view html, FigureId figure) {
  const std::size_t at = html.find("data-figure-id=\"" + std::to_string(figure.index()) + "\"");
  return at == std::string_view::npos ? at : html.rfind("<td", at);
}

TEST(report_html, draws_every_figure_of_the_q3_2024_release_once_with_one_tick) {
  const std::string html = tieout::render_html(*release().tie_out);
  EXPECT_EQ(count(html, "data-figure-id="), q3_2024_figures);
  EXPECT_EQ(count(html, "data-status="), q3_2024_figures);
  EXPECT_EQ(count(html, "class=\"tick "), q3_2024_figures);
  for (std::uint32_t i = 0; i < q3_2024_figures; ++i) {
    EXPECT_EQ(count(html, "data-figure-id=\"" + std::to_string(i) + "\""), 1u) << "figure " << i;
  }
  // One HTML table per read table with figures, each with its figures.
  ASSERT_EQ(count(html, "<table"), q3_2024_table_figures.size());
  std::size_t at = 0;
  for (const std::size_t expected : q3_2024_table_figures) {
    at = html.find("<table", at);
    const std::size_t end = html.find("</table>", at);
    EXPECT_EQ(count(std::string_view(html).substr(at, end - at), "data-figure-id="), expected);
    at = end;
  }
  // It ties out: no figure fails, and the summary says so.
  EXPECT_EQ(count(html, "data-status=\"fails\""), 0u);
  EXPECT_NE(html.find("Ties out."), std::string::npos);
  EXPECT_NE(html.find(">586 figures read<"), std::string::npos);
}

TEST(report_html, is_self_contained) {
  const std::string html = tieout::render_html(*release().tie_out);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(count(html, "http://"), 0u);
  EXPECT_EQ(count(html, "https://"), 0u);
  EXPECT_EQ(count(html, " src="), 0u);
  EXPECT_EQ(count(html, "<link"), 0u);
  EXPECT_EQ(count(html, "@import"), 0u);
  EXPECT_EQ(count(html, "url("), 0u);
  // The only links are to the tables in the page.
  std::size_t links = 0;
  for (std::size_t at = html.find("href=\""); at != std::string::npos;
       at = html.find("href=\"", at + 1), ++links) {
    const std::size_t begin = at + 6;
    const std::string target = html.substr(begin, html.find('"', begin) - begin);
    ASSERT_EQ(target.rfind('#', 0), 0u) << target;
    EXPECT_NE(html.find("id=\"" + target.substr(1) + "\""), std::string::npos) << target;
  }
  EXPECT_EQ(links, q3_2024_table_figures.size());
}

TEST(report_html, has_a_legend_of_every_mark) {
  const std::string html = tieout::render_html(*release().tie_out);
  const std::array<std::pair<std::string_view, std::string_view>, 6> legend = {{
      {"ties", "\u2713"},
      {"rounding", "\u2248"},
      {"fails", "\u2717"},
      {"unverified", "?"},
      {"unreadable", "\u26A0"},
      {"nil", "\u2205"},
  }};
  for (const auto& [name, symbol] : legend) {
    const std::string entry = "<li data-legend=\"" + std::string(name) +
                              "\"><span class=\"mark sym-" + std::string(name) + "\">" +
                              std::string(symbol) + "</span>";
    EXPECT_EQ(count(html, entry), 1u) << name;
  }
}

TEST(report_html, marks_each_figure_with_its_status) {
  const HandMade m;
  ASSERT_EQ(m.graph.state(m.figures[3]), FigureState::nil);
  ASSERT_EQ(m.graph.state(m.figures[7]), FigureState::unreadable);
  ASSERT_EQ(m.tie_out->checks.results.size(), 3u);
  ASSERT_EQ(m.tie_out->checks.results[0].verdict, Verdict::pass);
  ASSERT_EQ(m.tie_out->checks.results[1].verdict, Verdict::rounding);
  ASSERT_EQ(m.tie_out->checks.results[2].verdict, Verdict::fail);
  const std::string html = tieout::render_html(*m.tie_out);
  EXPECT_EQ(count(html, "data-figure-id="), 12u);
  const std::array<std::pair<std::string_view, std::size_t>, 6> statuses = {{{"ties", 3},
                                                                             {"rounding", 3},
                                                                             {"fails", 3},
                                                                             {"unverified", 1},
                                                                             {"unreadable", 1},
                                                                             {"nil", 1}}};
  for (const auto& [name, n] : statuses) {
    EXPECT_EQ(count(html, "data-status=\"" + std::string(name) + "\""), n) << name;
    EXPECT_EQ(count(html, "class=\"tick sym-" + std::string(name) + "\""), n) << name;
  }
  // Field 5 of line 4, "9": no check bears on it.
  EXPECT_EQ(attribute(html, cell_of(html, m.figures[11]), "data-status"), "unverified");
  EXPECT_NE(attribute(html, cell_of(html, m.figures[11]), "title").find("No check bears"),
            std::string::npos);
  // The total of field 3 is in the rounding footing only; the findings list
  // the rounding and the failure, not the footing that passes.
  const std::string title = attribute(html, cell_of(html, m.figures[9]), "title");
  EXPECT_EQ(count(title, "ROUNDING footing: "), 1u);
  EXPECT_EQ(count(title, "PASS "), 0u);
  EXPECT_EQ(count(html, "<li class=\"finding "), 2u);
  EXPECT_NE(html.find("Does not tie out: 1 failed check."), std::string::npos);
}

TEST(report_html, escapes_text) {
  const HandMade m;
  const std::string html = tieout::render_html(*m.tie_out);
  EXPECT_EQ(html.find(HandMade::label), std::string::npos);
  EXPECT_EQ(html.find("<b>'7"), std::string::npos);
  EXPECT_EQ(html.find("<expenses>"), std::string::npos);
  EXPECT_EQ(html.find("<filing>"), std::string::npos);
  EXPECT_EQ(html.find("<period>"), std::string::npos);
  // The label, as the row's header and in the checks on hover.
  const std::string escaped = "R&amp;D &lt;cost&gt; &quot;x&quot;";
  EXPECT_NE(html.find(">" + escaped + "</th>"), std::string::npos);
  const std::string title = attribute(html, cell_of(html, m.figures[8]), "title");
  EXPECT_NE(title.find("PASS footing: "), std::string::npos);
  EXPECT_NE(title.find(escaped), std::string::npos);
  // The unreadable cell's text, the title and the file name.
  EXPECT_NE(html.find(">&lt;b&gt;&#39;7 <span class=\"tick"), std::string::npos);
  EXPECT_NE(html.find("<h2>Costs &amp; &lt;expenses&gt;</h2>"), std::string::npos);
  EXPECT_NE(html.find("R&amp;D&#39;s &lt;filing&gt;.txt"), std::string::npos);
  // Every '&' starts a character reference.
  EXPECT_TRUE(ampersands_escaped(html));
}

// The cells of a Markdown table row, split at the pipes that are not
// escaped, trimmed.
std::vector<std::string> cells_of(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 1; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      cell += row.substr(i, 2);
      ++i;
    } else if (row[i] == '|') {
      const auto first = cell.find_first_not_of(' ');
      cells.push_back(first == std::string::npos
                          ? std::string()
                          : cell.substr(first, cell.find_last_not_of(' ') - first + 1));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return cells;
}

// Whether `row` is a table's delimiter row: "| :--- | ---: |".
bool is_delimiter_row(const std::string& row) {
  if (row.rfind("| ", 0) != 0) return false;
  for (const std::string& cell : cells_of(row)) {
    const std::size_t first = cell.find_first_not_of(':'), last = cell.find_last_not_of(':');
    if (first > 1 || last == std::string::npos || cell.size() - last > 2 || last - first < 2 ||
        cell.find_first_not_of('-', first) <= last) {
      return false;
    }
  }
  return true;
}

// Whether a Markdown cell is a figure: its text, a space and one of the
// marks.
bool is_figure_cell(const std::string& cell) {
  const std::array<std::string_view, 6> marks = {" \u2713", " \u2248", " \u2717",
                                                 " ?",      " \u26A0", " \u2205"};
  return std::any_of(marks.begin(), marks.end(), [&](std::string_view mark) {
    return cell.size() > mark.size() && cell.ends_with(mark) && cell[0] != ' ';
  });
}

// The Markdown tables of `markdown`: their rows (header and separator
// left out), each as cells.
std::vector<std::vector<std::vector<std::string>>> tables_of(const std::string& markdown) {
  std::vector<std::vector<std::vector<std::string>>> tables;
  std::istringstream in(markdown);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (!is_delimiter_row(lines[i])) continue;
    auto& table = tables.emplace_back();
    const std::size_t columns = cells_of(lines[i - 1]).size();
    for (++i; i < lines.size() && lines[i].rfind("|", 0) == 0; ++i) {
      table.push_back(cells_of(lines[i]));
      EXPECT_EQ(table.back().size(), columns) << lines[i];
    }
  }
  return tables;
}

TEST(report_markdown, draws_one_table_per_read_table_of_the_q3_2024_release) {
  const std::string markdown = tieout::render_markdown(*release().tie_out);
  const auto tables = tables_of(markdown);
  ASSERT_EQ(tables.size(), q3_2024_table_figures.size());
  // Every figure cell: the text, then one of the marks.
  for (std::size_t t = 0; t < tables.size(); ++t) {
    std::size_t figures = 0;
    for (const auto& row : tables[t]) {
      for (std::size_t c = 1; c < row.size(); ++c) {
        if (row[c].empty()) continue;
        ++figures;
        EXPECT_TRUE(is_figure_cell(row[c])) << row[c];
      }
    }
    EXPECT_EQ(figures, q3_2024_table_figures[t]) << "table " << t + 1;
  }
  EXPECT_NE(markdown.find("- 586 figures read\n"), std::string::npos);
  EXPECT_NE(markdown.find("**Ties out.**"), std::string::npos);
}

TEST(report_markdown, escapes_text_and_lists_findings) {
  const HandMade m;
  const std::string markdown = tieout::render_markdown(*m.tie_out);
  const auto tables = tables_of(markdown);
  ASSERT_EQ(tables.size(), 1u);
  // A heading row ("Costs:"), then the three line items, each with a label
  // and four fields.
  ASSERT_EQ(tables[0].size(), 4u);
  EXPECT_EQ(tables[0][0][0], "**Costs:**");
  EXPECT_EQ(tables[0][1][0], "R\\&D \\<cost\\> \"x\"");
  EXPECT_EQ(tables[0][3][0], "Total \\| all");
  EXPECT_EQ(tables[0][1][1], "100 \u2713");
  EXPECT_EQ(tables[0][1][2], "3.4 \u2248");
  // 20 + 20 = 40, printed 50: 20 up to 30 (either one) or 50 down to 40,
  // one digit each, are three equally likely explanations, none certain.
  EXPECT_EQ(tables[0][1][3], "20 \u2717 \u2192 30?");
  EXPECT_EQ(tables[0][2][3], "20 \u2717 \u2192 30?");
  EXPECT_EQ(tables[0][3][3], "50 \u2717 \u2192 40?");
  EXPECT_EQ(tables[0][1][4], "\u2014 \u2205");
  EXPECT_EQ(tables[0][2][4], "\\<b\\>'7 \u26A0");
  EXPECT_EQ(tables[0][3][4], "9 ?");
  EXPECT_NE(markdown.find("## Costs \\& \\<expenses\\>\n"), std::string::npos);
  EXPECT_EQ(count(markdown, "\n- **ROUNDING** footing: "), 1u);
  EXPECT_EQ(count(markdown, "\n- **FAIL** footing: "), 1u);
  EXPECT_EQ(count(markdown, "\n- **PASS**"), 0u);
  EXPECT_NE(markdown.find("\u201c1 \\& 2\u201d: no \\<period\\>"), std::string::npos);
}

}  // namespace
