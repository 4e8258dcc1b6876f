// The tieout command.
//
//   tieout check FILE... [--format text|json|markdown|html] [--output PATH] [--rules PATH]
//
// Reads each filing's tables, infers the arithmetic its layout states, ties
// the figures of its prose to its tables, checks it all, and reports. Exit status: 0 when
// everything ties, 1 when a check fails, 2 on bad input or usage (one line on stderr naming the
// file and line).
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>
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
  std::string rules;
};

int input_error(const tieout::ReadError& error) {
  fmt::print(stderr, "tieout: {}\n", error.to_string());
  return exit_input_error;
}

int run_check(const CheckOptions& options) {
  tieout::Audit audit;
  if (!options.rules.empty()) {
    auto rules = tieout::Rules::load(options.rules);
    if (!rules) return input_error(rules.error());
    audit.set_rules(std::move(rules).value());
  }
  // Progress for long runs, only where a person watches.
  const bool progress = options.paths.size() > 1 && isatty(fileno(stderr));
  for (std::size_t i = 0; i < options.paths.size(); ++i) {
    if (progress) {
      fmt::print(stderr, "\rtieout: reading {} of {}: {}\x1b[K", i + 1, options.paths.size(),
                 options.paths[i]);
    }
    if (const auto added = audit.add_file(options.paths[i]); !added) {
      if (progress) fmt::print(stderr, "\n");
      return input_error(added.error());
    }
  }
  if (progress) fmt::print(stderr, "\rtieout: checking\x1b[K");
  if (const auto compared = audit.compare(); !compared) {
    if (progress) fmt::print(stderr, "\n");
    return input_error(compared.error());
  }
  const tieout::TieOut tie_out = audit.run();
  if (progress) fmt::print(stderr, "\r\x1b[K");
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
  check->add_option("--rules", options.rules,
                    "An override file: rates, corrections, column meanings, constraints to "
                    "drop or add (docs/rules.md)");

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
