// Separate handles on separate threads at once, as tieout.h allows: each
// thread reads the Q3 2024 release into its own audit, checks it, reads
// its findings and renders it, while other threads work decimals and
// audits of figures added one by one and provoke errors. Built and run
// under ThreadSanitizer by the capi.threads_tsan test (tests/capi/tsan/),
// which fails on any data race; in the ordinary builds it runs too, for
// the results.
//
// Expected: the release ties out (0 failed, tests/cli), so every thread
// finds 0 failures and renders the same JSON; 1,885.6 - 1,625.2 = 260.4.
//
// Usage: threads_test SOURCE_DIR [THREADS]
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "tieout.h"

namespace {

std::atomic<int> failures{0};

void expect(bool condition, const char* what) {
  if (!condition) {
    ++failures;
    std::fprintf(stderr, "failed: %s (this thread's last error: %s)\n", what, tieout_last_error());
  }
}

// One whole audit of the release: its JSON report, or "" on failure.
std::string audit_release(const std::string& path) {
  tieout_audit* audit = nullptr;
  std::string json;
  expect(tieout_audit_create(&audit) == TIEOUT_OK, "create");
  expect(tieout_audit_add_file(audit, path.c_str(), nullptr) == TIEOUT_OK, "add_file");
  expect(tieout_audit_check(audit, 0) == TIEOUT_OK, "check");
  std::size_t failed = 99, findings = 0;
  expect(tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, &failed) == TIEOUT_OK, "summary");
  expect(failed == 0, "the release ties out");
  expect(tieout_audit_finding_count(audit, &findings) == TIEOUT_OK, "finding count");
  for (std::size_t i = 0; i < findings; ++i) {
    std::uint32_t constraint = 0;
    const char* explanation = nullptr;
    expect(tieout_audit_finding(audit, i, &constraint) == TIEOUT_OK, "finding");
    expect(tieout_audit_constraint_explanation(audit, constraint, &explanation) == TIEOUT_OK,
           "explanation");
  }
  char* report = nullptr;
  std::size_t size = 0;
  if (tieout_audit_render(audit, TIEOUT_REPORT_JSON, &report, &size) == TIEOUT_OK) {
    json.assign(report, size);
    tieout_free(report);
  } else {
    expect(false, "render");
  }
  // An error on this handle stays with this handle and this thread.
  const char* text = nullptr;
  expect(tieout_audit_figure_text(audit, 1000000, &text) == TIEOUT_E_OUT_OF_RANGE &&
             std::strstr(tieout_audit_last_error(audit), "1000000") != nullptr &&
             std::strstr(tieout_last_error(), "1000000") != nullptr,
         "figure past the end");
  tieout_audit_free(audit);
  return json;
}

// Decimals, ad-hoc audits and errors, over and over; `id` marks this
// thread's error messages so that another thread's cannot be mistaken.
void work_small(int id, int rounds) {
  char out[TIEOUT_DECIMAL_BUFFER_SIZE];
  for (int round = 0; round < rounds; ++round) {
    expect(tieout_decimal_subtract("1885.6", "1625.2", out, sizeof out, nullptr) == TIEOUT_OK &&
               std::strcmp(out, "260.4") == 0,
           "1,885.6 - 1,625.2 = 260.4");
    const std::string bad = "x" + std::to_string(id);
    expect(tieout_decimal_parse(bad.c_str(), out, sizeof out, nullptr) == TIEOUT_E_PARSE,
           "parse error");
    expect(std::strstr(tieout_last_error(), ("\"" + bad + "\"").c_str()) != nullptr,
           "this thread's own error message");

    // 900 + 200 = 1,100 ties.
    tieout_audit* audit = nullptr;
    std::uint32_t parts[2] = {0, 0}, total = 0, footing = 0;
    tieout_verdict verdict = TIEOUT_VERDICT_FAIL;
    expect(tieout_audit_create(&audit) == TIEOUT_OK, "create");
    tieout_audit_add_figure(audit, "900", nullptr, nullptr, 0, nullptr, nullptr, 0, 0, &parts[0]);
    tieout_audit_add_figure(audit, "200", nullptr, nullptr, 0, nullptr, nullptr, 0, 0, &parts[1]);
    tieout_audit_add_figure(audit, "1,100", nullptr, nullptr, 0, nullptr, nullptr, 0, 0, &total);
    expect(tieout_audit_add_footing(audit, total, parts, nullptr, 2, &footing) == TIEOUT_OK,
           "footing");
    expect(tieout_audit_check(audit, 0) == TIEOUT_OK, "check");
    expect(tieout_audit_constraint_verdict(audit, footing, &verdict) == TIEOUT_OK &&
               verdict == TIEOUT_VERDICT_PASS,
           "900 + 200 = 1,100");
    tieout_audit_free(audit);
    // Freed: refused on this thread, while others create and free theirs.
    expect(tieout_audit_check(audit, 0) == TIEOUT_E_INVALID_HANDLE, "freed handle");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s SOURCE_DIR [THREADS]\n", argv[0]);
    return 2;
  }
  const std::string path = std::string(argv[1]) + "/examples/filings/004_5d25836ba150503a.txt";
  const int threads = argc > 2 ? std::atoi(argv[2]) : 4;

  std::vector<std::string> reports(static_cast<std::size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] { reports[static_cast<std::size_t>(t)] = audit_release(path); });
    workers.emplace_back([t] { work_small(t, 20); });
  }
  for (std::thread& worker : workers)
    worker.join();
  for (const std::string& report : reports) {
    expect(!report.empty() && report == reports.front(), "every thread renders the same report");
  }
  std::printf("%d threads: %d failures\n", 2 * threads, failures.load());
  return failures == 0 ? 0 : 1;
}
