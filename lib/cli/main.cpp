// The tieout command.
//
//   tieout check FILE... [--format text|json|markdown|html] [--output PATH]
//
// Reads each filing's tables, infers the arithmetic its layout states, ties
// the figures of its prose to its tables, checks it all, and reports. Exit status: 0 when
// everything ties, 1 when a check fails, 2 on bad input or usage (one line on stderr naming the
// file and line).
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "tieout/audit.hpp"
#include "tieout/report.hpp"
#include "tieout/version.hpp"

namespace {

constexpr int exit_ties = 0;
constexpr int exit_fails = 1;
constexpr int exit_input_error = 2;

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
};

int run_check(const CheckOptions& options) {
  tieout::Audit audit;
  for (const std::string& path : options.paths) {
    if (const auto added = audit.add_file(path); !added) {
      fmt::print(stderr, "tieout: {}\n", added.error().to_string());
      return exit_input_error;
    }
  }
  const tieout::TieOut tie_out = audit.run();
  const std::string report = options.format == "json"       ? tieout::render_json(tie_out)
                             : options.format == "markdown" ? tieout::render_markdown(tie_out)
                             : options.format == "html"     ? tieout::render_html(tie_out)
                                                            : tieout::render_text(tie_out);
  if (options.output.empty()) {
    std::fwrite(report.data(), 1, report.size(), stdout);
  } else {
    std::ofstream out(options.output, std::ios::binary);
    out << report;
    if (!out) {
      fmt::print(stderr, "tieout: {}: cannot write the report\n", options.output);
      return exit_input_error;
    }
  }
  return tie_out.ties_out() ? exit_ties : exit_fails;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("tieout: proves that financial statements tie out, exactly", "tieout");
  app.set_version_flag("--version", fmt::format("tieout {}.{}.{}", TIEOUT_VERSION_MAJOR,
                                                TIEOUT_VERSION_MINOR, TIEOUT_VERSION_PATCH));
  app.require_subcommand(1);

  CheckOptions options;
  CLI::App* check = app.add_subcommand(
      "check", "Read filings, infer the arithmetic their tables state, check it and report");
  check->add_option("FILE", options.paths, "Filing text files (tables as TAB-separated lines)")
      ->required();
  check->add_option("--format", options.format, "Report format")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}))
      ->capture_default_str();
  check->add_option("--output", options.output, "Write the report to this file, not stdout");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits 0 for --help and --version and with its own codes
    // otherwise; tieout promises 2 for every usage error.
    return app.exit(e) == 0 ? exit_ties : exit_input_error;
  }
  try {
    if (*check) return run_check(options);
  } catch (const std::exception& e) {
    fmt::print(stderr, "tieout: {}\n", e.what());
    return exit_input_error;
  }
  return exit_input_error;
}
