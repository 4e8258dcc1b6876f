// Every numeric cell of every table row of the four seed filings is
// accounted for in the JSON report: as a figure, or as a cell that could not
// be placed, with its reason (done-when 1 of the reader issue).
//
// A numeric cell is a field after the label that holds a digit or only
// marks ("-", "_", "·"), and is not a date ("11/24/2023", "31 October 2024")
// nor words with a digit or two ("(Note 1)", an address); header rows
// (years, dates, currencies, "(%)") and rulings ("-----") hold none. The
// counts were tallied table by table from the files, apart from tieout; the
// Q3 2024 release's are the same as those typed in
// q3_2024_release_test.cpp, and 003's income statement (lines 170-196) was
// checked by eye: 23 rows of 3, less "<u> </u>" at 184:2, is 68. A line of
// TABs alone (003 line 526) is blank and ends its table.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tieout/audit.hpp"
#include "tieout/report.hpp"

namespace {

struct TableCount {
  std::uint32_t first_line;
  std::uint32_t last_line;
  std::size_t numeric_cells;
};

struct Seed {
  const char* file;
  std::vector<TableCount> tables;
};

const std::vector<Seed> seeds = {
    {"000_9f91e63732c1d02c.txt", {{38, 39, 3}, {45, 46, 1}, {54, 55, 2}}},
    {"002_afd6e83263010241.txt",
     {{49, 50, 0},
      {60, 65, 10},
      {73, 78, 11},
      {86, 95, 14},
      {113, 117, 7},
      {119, 121, 2},
      {127, 128, 0},
      {132, 133, 1},
      {156, 158, 0}}},
    {"003_2b93c8209c643bac.txt",
     {{3, 15, 0},     {55, 62, 15},   {76, 89, 13},   {95, 122, 46},  {170, 196, 68},
      {256, 262, 10}, {324, 351, 77}, {353, 367, 20}, {373, 407, 78}, {409, 430, 51},
      {436, 445, 21}, {493, 503, 18}, {507, 514, 15}, {518, 525, 15}, {530, 536, 9},
      {540, 548, 18}, {568, 573, 9},  {577, 582, 9},  {588, 594, 10}, {606, 612, 12}}},
    {"004_5d25836ba150503a.txt",
     {{32, 33, 0},
      {162, 209, 117},
      {215, 250, 224},
      {256, 262, 24},
      {268, 271, 12},
      {277, 294, 96},
      {300, 311, 56},
      {317, 324, 36},
      {330, 339, 21}}},
};

class seed_tables : public testing::TestWithParam<Seed> {};

TEST_P(seed_tables, the_json_accounts_for_every_numeric_cell_of_every_table) {
  const Seed& seed = GetParam();
  const std::string path = std::string(TIEOUT_SOURCE_DIR) + "/examples/filings/" + seed.file;
  tieout::Audit audit;
  const auto added = audit.add_file(path);
  ASSERT_TRUE(added) << added.error().to_string();
  const tieout::TieOut tie_out = audit.run();
  // The tables read are the tables counted.
  ASSERT_EQ(tie_out.documents.at(0).tables.size(), seed.tables.size());
  for (std::size_t t = 0; t < seed.tables.size(); ++t) {
    EXPECT_EQ(tie_out.documents[0].tables[t].first_line, seed.tables[t].first_line);
    EXPECT_EQ(tie_out.documents[0].tables[t].last_line, seed.tables[t].last_line);
  }
  const auto json = nlohmann::json::parse(tieout::render_json(tie_out));
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cells;
  for (const auto& figure : json.at("figures")) {
    // Figures of the prose lie outside the tables' lines.
    cells.emplace_back(figure.at("line").get<std::uint32_t>(),
                       figure.at("column").get<std::uint32_t>());
  }
  for (const auto& cell : json.at("unplaced")) {
    cells.emplace_back(cell.at("line").get<std::uint32_t>(),
                       cell.at("column").get<std::uint32_t>());
  }
  std::size_t total = 0;
  for (const TableCount& table : seed.tables) {
    std::size_t in_table = 0;
    for (const auto& [line, column] : cells) {
      if (table.first_line <= line && line <= table.last_line) ++in_table;
    }
    EXPECT_EQ(in_table, table.numeric_cells)
        << seed.file << " lines " << table.first_line << "-" << table.last_line;
    total += table.numeric_cells;
  }
  std::size_t in_tables = 0;
  for (const auto& [line, column] : cells) {
    for (const TableCount& table : seed.tables) {
      if (table.first_line <= line && line <= table.last_line) ++in_tables;
    }
  }
  EXPECT_EQ(in_tables, total);
}

INSTANTIATE_TEST_SUITE_P(seeds, seed_tables, testing::ValuesIn(seeds),
                         [](const testing::TestParamInfo<Seed>& param) {
                           return "seed_" + std::string(param.param.file).substr(0, 3);
                         });

}  // namespace
