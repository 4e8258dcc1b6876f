// Tests of tieout/text_document.hpp: the Q3 2024 release split as printed,
// and every kind of bad input rejected with where and why, or read as it is.
#include "tieout/text_document.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace {

using tieout::read_text_document;

tieout::TextDocument read(std::string_view content) {
  auto document = read_text_document("test.txt", content);
  if (!document) ADD_FAILURE() << document.error().to_string();
  return std::move(document).value();
}

tieout::ReadError error_of(std::string_view content) {
  const auto document = read_text_document("test.txt", content);
  EXPECT_FALSE(document.has_value());
  return document ? tieout::ReadError{} : document.error();
}

TEST(text_document, the_q3_2024_release_has_nine_tables_where_they_are_printed) {
  // The runs of TAB-separated lines in examples/filings/004_5d25836ba150503a.txt
  // (its exhibit index, then the balance sheets, statements of comprehensive
  // loss, four non-GAAP tables, margins and the cash flow summary).
  const auto document = tieout::load_text_document(std::string(TIEOUT_SOURCE_DIR) +
                                                   "/examples/filings/004_5d25836ba150503a.txt");
  ASSERT_TRUE(document.has_value()) << document.error().to_string();
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> expected = {
      {32, 33},   {162, 209}, {215, 250}, {256, 262}, {268, 271},
      {277, 294}, {300, 311}, {317, 324}, {330, 339}};
  ASSERT_EQ(document->tables.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(document->tables[i].first_line(), expected[i].first) << "table " << i;
    EXPECT_EQ(document->tables[i].last_line(), expected[i].second) << "table " << i;
  }
  const auto& balance_sheet = document->tables[1];
  EXPECT_EQ(balance_sheet.heading,
            (std::vector<std::string>{"KINGSOFT CLOUD HOLDINGS LIMITED",
                                      "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS",
                                      "(All amounts in thousands)"}));
  // Line 224, gross profit: the label and eight figures.
  const auto& gross_profit = document->tables[2].rows[224 - 215];
  EXPECT_EQ(gross_profit.line, 224u);
  EXPECT_EQ(gross_profit.fields,
            (std::vector<std::string>{"Gross profit", "196,240", "293,253", "318,347", "303,354",
                                      "43,227", "597,031", "914,954", "130,380"}));
}

TEST(text_document, fields_and_lines_are_kept_exactly) {
  const auto document = read("Title\n\nA\t1\t\t(2)\nB\t3\n\nprose after\n");
  EXPECT_EQ(document.line_count, 6u);
  ASSERT_EQ(document.tables.size(), 1u);
  EXPECT_EQ(document.tables[0].heading, std::vector<std::string>{"Title"});
  EXPECT_EQ(document.tables[0].rows[0].fields, (std::vector<std::string>{"A", "1", "", "(2)"}));
  EXPECT_EQ(document.tables[0].rows[1].line, 4u);
  ASSERT_EQ(document.prose.size(), 2u);
  EXPECT_EQ(document.prose[1].line, 6u);
  EXPECT_EQ(document.prose[1].text, "prose after");
}

TEST(text_document, a_blank_line_or_prose_separates_tables) {
  const auto document = read("A\t1\n\nB\t2\nnote\nC\t3\n");
  ASSERT_EQ(document.tables.size(), 3u);
  EXPECT_EQ(document.tables[2].heading, std::vector<std::string>{"note"});
}

TEST(text_document, crlf_line_ends_read_like_lf) {
  const auto lf = read("T\nA\t1\t2\nB\t3\t4\n");
  const auto crlf = read("T\r\nA\t1\t2\r\nB\t3\t4\r\n");
  ASSERT_EQ(crlf.tables.size(), 1u);
  EXPECT_EQ(crlf.tables[0].rows[1].fields, lf.tables[0].rows[1].fields);
  EXPECT_EQ(crlf.tables[0].heading, lf.tables[0].heading);
  EXPECT_EQ(crlf.line_count, lf.line_count);
}

TEST(text_document, ragged_rows_keep_their_own_field_counts) {
  const auto document = read("A\t1\t2\t3\t4\nB\t1\nC\t1\t2\n");
  ASSERT_EQ(document.tables.size(), 1u);
  EXPECT_EQ(document.tables[0].rows[0].fields.size(), 5u);
  EXPECT_EQ(document.tables[0].rows[1].fields.size(), 2u);
  EXPECT_EQ(document.tables[0].rows[2].fields.size(), 3u);
}

TEST(text_document, a_file_without_tables_reads_as_prose) {
  const auto document = read("Only prose here.\nAnd here.");
  EXPECT_TRUE(document.tables.empty());
  EXPECT_EQ(document.prose.size(), 2u);
  EXPECT_EQ(document.line_count, 2u);
}

TEST(text_document, a_ten_megabyte_line_is_read_whole) {
  const std::string huge(10 * 1024 * 1024, '9');
  const auto document = read("Big\t" + huge + "\nprose\n");
  ASSERT_EQ(document.tables.size(), 1u);
  EXPECT_EQ(document.tables[0].rows[0].fields[1].size(), huge.size());
  const auto prose = read(std::string(10 * 1024 * 1024, 'x'));
  EXPECT_EQ(prose.prose.at(0).text.size(), 10u * 1024 * 1024);
}

TEST(text_document, a_byte_order_mark_is_skipped) {
  const auto document = read("\xEF\xBB\xBFTitle\nA\t1\n");
  EXPECT_EQ(document.prose.at(0).text, "Title");
}

TEST(text_document, empty_files_are_rejected) {
  for (const char* empty : {"", "\n\n", "  \t \r\n"}) {
    const auto error = error_of(empty);
    EXPECT_EQ(error.line, 0u);
    EXPECT_EQ(error.reason, "the file is empty");
    EXPECT_EQ(error.to_string(), "test.txt: the file is empty");
  }
}

TEST(text_document, binary_data_is_rejected_where_it_starts) {
  using namespace std::string_literals;
  const auto error = error_of("text\nA\t1\n\x7F"s + "ELF\0\x01\x02"s);
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.reason, "a NUL byte at byte 5 of the line: this is binary data, not text");
  EXPECT_EQ(error.to_string(),
            "test.txt:3: a NUL byte at byte 5 of the line: this is binary data, not text");
}

TEST(text_document, invalid_utf8_is_rejected_with_line_and_byte) {
  // A lone continuation byte, a truncated sequence, an overlong '/', a UTF-16
  // surrogate and a code point past U+10FFFF.
  for (const char* bad : {"ok\nab\x80", "ok\nab\xC3", "ok\nab\xC0\xAF", "ok\nab\xED\xA0\x80",
                          "ok\nab\xF4\x90\x80\x80"}) {
    const auto error = error_of(bad);
    EXPECT_EQ(error.line, 2u) << bad;
    EXPECT_EQ(error.reason, "invalid UTF-8 at byte 3 of the line") << bad;
  }
  // Valid multi-byte text: a minus sign, a superscript, CJK, an emoji.
  EXPECT_EQ(read("\u2212\u00B9\u8425\U0001F600\n").prose.size(), 1u);
}

TEST(text_document, a_missing_file_is_an_error_naming_it) {
  const auto document = tieout::load_text_document("/nonexistent/filing.txt");
  ASSERT_FALSE(document.has_value());
  EXPECT_EQ(document.error().to_string(), "/nonexistent/filing.txt: cannot open the file");
}

}  // namespace
