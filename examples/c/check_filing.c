/* check_filing: tieout's C ABI (tieout.h, libtieout.so) from C99. Checks
 * a filing and prints its failed checks, then the suspects: the figures
 * whose change makes every failed check hold, each with the value it
 * should have.
 *
 *   check_filing FILE
 *
 * Exits as `tieout check` does: 0 when everything ties, 1 when a check
 * fails, 2 when the filing cannot be read. */
#include <stdio.h>
#include <tieout.h>

/* Prints what went wrong on `audit`, frees it and gives the exit status of
 * bad input. */
static int give_up(tieout_audit* audit) {
  fprintf(stderr, "check_filing: %s\n", tieout_audit_last_error(audit));
  tieout_audit_free(audit);
  return 2;
}

/* "FILE:LINE:COLUMN: printed TEXT", as the reports name a figure. */
static int print_figure(const tieout_audit* audit, uint32_t figure) {
  const char* file = NULL;
  const char* text = NULL;
  uint32_t line = 0, column = 0;
  if (tieout_audit_figure_file(audit, figure, &file) != TIEOUT_OK ||
      tieout_audit_figure_line(audit, figure, &line) != TIEOUT_OK ||
      tieout_audit_figure_column(audit, figure, &column) != TIEOUT_OK ||
      tieout_audit_figure_text(audit, figure, &text) != TIEOUT_OK) {
    return 0;
  }
  printf("%s:%u:%u: printed %s", file, (unsigned)line, (unsigned)column, text);
  return 1;
}

int main(int argc, char** argv) {
  tieout_audit* audit = NULL;
  size_t failed = 0, findings = 0, suspects = 0, i;
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  if (tieout_audit_create(&audit) != TIEOUT_OK) return 2;
  if (tieout_audit_add_file(audit, argv[1], NULL) != TIEOUT_OK ||
      tieout_audit_check(audit, 0) != TIEOUT_OK ||
      tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, &failed) != TIEOUT_OK ||
      tieout_audit_finding_count(audit, &findings) != TIEOUT_OK ||
      tieout_audit_suspect_count(audit, &suspects) != TIEOUT_OK) {
    return give_up(audit);
  }
  printf("%s: %zu failed check%s\n", argv[1], failed, failed == 1 ? "" : "s");

  /* Findings are every check that did not pass exactly; only failures are
   * errors (rounding and info findings are not). */
  for (i = 0; i < findings; ++i) {
    uint32_t constraint = 0;
    tieout_verdict verdict = TIEOUT_VERDICT_PASS;
    const char* explanation = NULL; /* "conversion: ...": borrowed until the audit changes */
    if (tieout_audit_finding(audit, i, &constraint) != TIEOUT_OK ||
        tieout_audit_constraint_verdict(audit, constraint, &verdict) != TIEOUT_OK) {
      return give_up(audit);
    }
    if (verdict != TIEOUT_VERDICT_FAIL) continue;
    if (tieout_audit_constraint_explanation(audit, constraint, &explanation) != TIEOUT_OK) {
      return give_up(audit);
    }
    printf("FAIL %s\n", explanation);
  }

  for (i = 0; i < suspects; ++i) {
    uint32_t figure = 0;
    const char* proposed = NULL; /* in units, canonically: "11079000" */
    const char* text = NULL;     /* as the filing would print it: "11,079" */
    int rank = 0, unique = 0;
    if (tieout_audit_suspect(audit, i, &figure, &proposed, &text, &rank, &unique) != TIEOUT_OK) {
      return give_up(audit);
    }
    printf("suspect: ");
    if (!print_figure(audit, figure)) return give_up(audit);
    printf("; everything ties with %s (%s in units; rank %d, %s)\n", text, proposed, rank,
           unique ? "the one best explanation" : "one of several, not certain");
  }

  tieout_audit_free(audit);
  return failed == 0 ? 0 : 1;
}
