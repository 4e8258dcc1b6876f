/* Uses the installed C ABI: checks the header against the library, does
 * 1,885.6 - 1,625.2 = 260.4, and foots 900 + 200 = 1,100 in an audit. */
#include <stdio.h>
#include <string.h>
#include <tieout.h>

int main(void) {
  char out[TIEOUT_DECIMAL_BUFFER_SIZE];
  tieout_audit* audit = NULL;
  uint32_t parts[2], total = 0, footing = 0;
  tieout_verdict verdict = TIEOUT_VERDICT_FAIL;
  int ok = tieout_version_number() == TIEOUT_VERSION;
  ok = ok && tieout_decimal_subtract("1885.6", "1625.2", out, sizeof out, NULL) == TIEOUT_OK &&
       strcmp(out, "260.4") == 0;
  ok = ok && tieout_audit_create(&audit) == TIEOUT_OK;
  ok = ok &&
       tieout_audit_add_figure(audit, "900", NULL, NULL, 0, NULL, NULL, 0, 0, &parts[0]) ==
           TIEOUT_OK &&
       tieout_audit_add_figure(audit, "200", NULL, NULL, 0, NULL, NULL, 0, 0, &parts[1]) ==
           TIEOUT_OK &&
       tieout_audit_add_figure(audit, "1,100", NULL, NULL, 0, NULL, NULL, 0, 0, &total) ==
           TIEOUT_OK &&
       tieout_audit_add_footing(audit, total, parts, NULL, 2, &footing) == TIEOUT_OK &&
       tieout_audit_check(audit, 0) == TIEOUT_OK &&
       tieout_audit_constraint_verdict(audit, footing, &verdict) == TIEOUT_OK &&
       verdict == TIEOUT_VERDICT_PASS;
  tieout_audit_free(audit);
  printf("tieout %s: %s\n", tieout_version(), ok ? "ok" : tieout_last_error());
  return ok ? 0 : 1;
}
