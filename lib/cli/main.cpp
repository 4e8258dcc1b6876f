// The tieout command.
//
//   tieout figures FILE...   every table cell of each filing, parsed exactly:
//                            how many are figures, nil or text, and which
//                            cannot be read as a figure (file:line:column,
//                            byte and reason).
//
// Until the statement reader exists this is the whole command; it shows the
// decimal core on real filings, OCR damage included.
#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "tieout/printed_figure.hpp"
#include "tieout/version.hpp"

namespace {

// Exit codes: 0 done, 2 bad input or usage (1 is kept for "does not tie").
constexpr int exit_ok = 0;
constexpr int exit_input_error = 2;

struct Unreadable {
  std::size_t line;
  std::size_t column;
  std::string text;
  tieout::ParseError error;
};

struct CellCounts {
  std::size_t rows = 0;
  std::size_t figures = 0;
  std::size_t nil = 0;
  std::size_t text = 0;
  std::vector<Unreadable> unreadable;
};

// A cell is meant as a figure when it does not start with a letter and holds
// a digit, or is a lone dash; anything else (labels, headers, rules drawn with
// underscores, "(in thousands)") is text.
bool meant_as_figure(std::string_view cell) {
  const auto first = cell.find_first_not_of(" \t");
  if (first == std::string_view::npos) return false;
  if (std::isalpha(static_cast<unsigned char>(cell[first]))) return false;
  const bool has_digit = cell.find_first_of("0123456789") != std::string_view::npos;
  return has_digit || tieout::PrintedFigure::try_parse(cell).has_value();
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = text.find(separator, begin);
    parts.push_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

CellCounts count_cells(std::string_view content) {
  CellCounts counts;
  std::size_t line_number = 0;
  for (std::string_view line : split(content, '\n')) {
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.find('\t') == std::string_view::npos) continue;  // narrative, not a table row
    ++counts.rows;
    const auto cells = split(line, '\t');
    // The first cell of a row is its label.
    for (std::size_t column = 1; column < cells.size(); ++column) {
      const std::string_view cell = cells[column];
      if (!meant_as_figure(cell)) {
        if (cell.find_first_not_of(" \t") != std::string_view::npos) ++counts.text;
        continue;
      }
      const auto parsed = tieout::PrintedFigure::try_parse(cell);
      if (!parsed) {
        counts.unreadable.push_back({line_number, column + 1, std::string(cell), parsed.error()});
      } else if (parsed->is_nil()) {
        ++counts.nil;
      } else {
        ++counts.figures;
      }
    }
  }
  return counts;
}

int run_figures(const std::vector<std::string>& paths) {
  fmt::print("tieout {}.{}.{}: table cells of {} filing(s), parsed exactly\n", TIEOUT_VERSION_MAJOR,
             TIEOUT_VERSION_MINOR, TIEOUT_VERSION_PATCH, paths.size());
  for (const std::string& path : paths) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      fmt::print(stderr, "tieout: {}: cannot open the file\n", path);
      return exit_input_error;
    }
    std::ostringstream content;
    content << file.rdbuf();
    const CellCounts counts = count_cells(content.str());
    fmt::print("\n{}: {} table rows; {} figures, {} nil, {} text, {} unreadable\n", path,
               counts.rows, counts.figures, counts.nil, counts.text, counts.unreadable.size());
    for (const Unreadable& m : counts.unreadable) {
      fmt::print("  {}:{}:{}: \"{}\": {} (byte {} of the cell)\n", path, m.line, m.column, m.text,
                 m.error.reason, m.error.offset);
    }
  }
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("tieout: proves that financial statements tie out, exactly", "tieout");
  app.set_version_flag("--version", fmt::format("tieout {}.{}.{}", TIEOUT_VERSION_MAJOR,
                                                TIEOUT_VERSION_MINOR, TIEOUT_VERSION_PATCH));
  app.require_subcommand(1);

  std::vector<std::string> paths;
  CLI::App* figures = app.add_subcommand(
      "figures", "Parse every table cell of each filing and list those that are not figures");
  figures->add_option("FILE", paths, "Filing text files (TAB-separated table rows)")
      ->required()
      ->check(CLI::ExistingFile);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits 0 for --help and --version and 105-ish codes otherwise;
    // tieout promises 2 for every usage error.
    const int code = app.exit(e);
    return code == 0 ? exit_ok : exit_input_error;
  }
  if (*figures) return run_figures(paths);
  return exit_input_error;
}
