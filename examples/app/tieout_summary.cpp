// tieout_summary: checks each filing given on the command line on its own
// and prints one line for it (figures read, checks, how many failed), then
// the figures the solver suspects, each with the value that makes
// everything tie.
//
//   tieout_summary FILE...
//
// Exits as `tieout check` does: 0 when every filing ties out, 1 when a
// check fails, 2 when a filing cannot be read.
#include <cstdio>
#include <string>
#include <tieout/audit.hpp>
#include <tieout/report.hpp>

namespace {

constexpr int exit_ties = 0;
constexpr int exit_fails = 1;
constexpr int exit_input_error = 2;

// What the checks say of a filing, in a few words. A filing whose figures
// tieout cannot place (a form it does not read yet) is not said to tie out:
// nothing was checked.
std::string verdict(const tieout::Summary& summary) {
  if (summary.failed > 0) return "does not tie out";
  if (summary.checks == 0) {
    return "nothing checked (" + std::to_string(summary.unplaced) + " cells not placed)";
  }
  return "ties out";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE...\n", argv[0]);
    return exit_input_error;
  }
  int status = exit_ties;
  for (int i = 1; i < argc; ++i) {
    tieout::Audit audit;
    if (const auto added = audit.add_file(argv[i]); !added) {
      std::fprintf(stderr, "tieout_summary: %s\n", added.error().to_string().c_str());
      return exit_input_error;
    }
    const tieout::TieOut tie_out = audit.run();
    const tieout::Summary summary = tie_out.summary();
    std::printf("%s: %zu figures read, %zu checks, %zu failed: %s\n", argv[i], summary.figures,
                summary.checks, summary.failed, verdict(summary).c_str());
    for (const tieout::Suspect* suspect : tie_out.solution.best()) {
      std::printf("  %s\n", tieout::describe_suspect(tie_out, *suspect).c_str());
    }
    if (!tie_out.ties_out()) status = exit_fails;
  }
  return status;
}
