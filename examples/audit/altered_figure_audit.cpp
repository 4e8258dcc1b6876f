// Audit script on a deliberately altered copy of the Q3 2024 release
// (examples/filings/004_5d25836ba150503a.txt): what a failure looks like.
//
// One figure is changed, as a typist's slip would change it: US$ gross
// profit for Q3 2024, line 224 field 6, printed 43,272 instead of 43,227.
// The release's own arithmetic, revenues 268,692 less cost of revenues
// 225,465 = 43,227 (lines 222 and 223), no longer holds. This program must
// FAIL; ctest (examples/CMakeLists.txt) passes only when it does, and when
// its message names the figure, both sides, the difference and the suspect.
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <tieout/gtest.hpp>

namespace {

const std::string release = TIEOUT_FILINGS_DIR "/004_5d25836ba150503a.txt";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Replaces the figure at `line`, `column` of `text` (1-based; COLUMN the
// TAB-separated field, as reports name figures), which must read
// `printed`, with `altered`. False, and `text` unchanged, when the field
// does not read `printed`: the script then alters nothing by mistake.
bool alter_figure(std::string& text, std::size_t line, std::size_t column, std::string_view printed,
                  std::string_view altered) {
  std::size_t at = 0;
  for (std::size_t i = 1; i < line; ++i) {
    at = text.find('\n', at);
    if (at == std::string::npos) return false;
    ++at;
  }
  for (std::size_t i = 1; i < column; ++i) {
    at = text.find_first_of("\t\n", at);
    if (at == std::string::npos || text[at] == '\n') return false;
    ++at;
  }
  const std::size_t end = text.find_first_of("\t\n", at);
  if (text.substr(at, end - at) != printed) return false;
  text.replace(at, printed.size(), altered);
  return true;
}

TEST(altered_q3_2024_release, ties_out_and_gross_profit_foots) {
  std::string text = read_file(release);
  ASSERT_TRUE(alter_figure(text, 224, 6, "43,227", "43,272"));
  tieout::Audit audit;
  ASSERT_TRUE(audit.add_text("004_5d25836ba150503a.txt", text));
  const tieout::TieOut tie_out = audit.run();
  EXPECT_TIES(tie_out);
  EXPECT_FOOTS(tie_out, "Gross profit");
}

}  // namespace
