/* Tests of include/tieout.h from C99: every function, and every error path
 * of each (NULL pointers, dead handles, indexes past the end, calls out of
 * order, enum values out of range, buffers too small).
 *
 * Expected values are worked by hand in the comments, or read from the Q3
 * 2024 release (examples/filings/004_5d25836ba150503a.txt), which ties out:
 * 0 failed checks, 0 unplaced cells (tests/cli: cli.q3_2024_ties_out).
 *
 * Usage: capi_test SOURCE_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tieout.h"

static int failures = 0;
static int checks = 0;

#define CHECK(condition)                                                                \
  do {                                                                                  \
    ++checks;                                                                           \
    if (!(condition)) {                                                                 \
      ++failures;                                                                       \
      fprintf(stderr, "%s:%d: CHECK(%s) failed (last error: %s)\n", __FILE__, __LINE__, \
              #condition, tieout_last_error());                                         \
    }                                                                                   \
  } while (0)

/* A call's status, compared with the expected one. */
#define EXPECT(expected, call)                                                            \
  do {                                                                                    \
    const tieout_status status_ = (call);                                                 \
    ++checks;                                                                             \
    if (status_ != (expected)) {                                                          \
      ++failures;                                                                         \
      fprintf(stderr, "%s:%d: %s gave %d (%s), expected %s (last error: %s)\n", __FILE__, \
              __LINE__, #call, (int)status_, tieout_status_str(status_), #expected,       \
              tieout_last_error());                                                       \
    }                                                                                     \
  } while (0)

#define CHECK_STR(actual, expected)                                                          \
  do {                                                                                       \
    const char* actual_ = (actual);                                                          \
    ++checks;                                                                                \
    if (actual_ == NULL || strcmp(actual_, (expected)) != 0) {                               \
      ++failures;                                                                            \
      fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual, \
              actual_ == NULL ? "(null)" : actual_, (expected));                             \
    }                                                                                        \
  } while (0)

static int contains(const char* haystack, const char* needle) {
  return haystack != NULL && strstr(haystack, needle) != NULL;
}

static int ends_with(const char* text, const char* suffix) {
  size_t n = text == NULL ? 0 : strlen(text), m = strlen(suffix);
  return text != NULL && n >= m && strcmp(text + n - m, suffix) == 0;
}

/* ---- status, errors, version ---- */

static void test_status_and_version(void) {
  /* Every code has its own name; values this version does not know have one too. */
  CHECK_STR(tieout_status_str(TIEOUT_OK), "ok");
  CHECK_STR(tieout_status_str(TIEOUT_E_INVALID_ARGUMENT), "invalid argument");
  CHECK_STR(tieout_status_str(TIEOUT_E_INVALID_HANDLE), "invalid handle");
  CHECK_STR(tieout_status_str(TIEOUT_E_OUT_OF_RANGE), "out of range");
  CHECK_STR(tieout_status_str(TIEOUT_E_BUFFER_TOO_SMALL), "buffer too small");
  CHECK_STR(tieout_status_str(TIEOUT_E_NO_MEMORY), "out of memory");
  CHECK_STR(tieout_status_str(TIEOUT_E_PARSE), "not a number");
  CHECK_STR(tieout_status_str(TIEOUT_E_READ), "document cannot be read");
  CHECK_STR(tieout_status_str(TIEOUT_E_OVERFLOW), "overflow");
  CHECK_STR(tieout_status_str(TIEOUT_E_DOMAIN), "no defined result");
  CHECK_STR(tieout_status_str(TIEOUT_E_CONSTRAINT), "constraint cannot hold");
  CHECK_STR(tieout_status_str(TIEOUT_E_STATE), "call out of order");
  CHECK_STR(tieout_status_str(TIEOUT_E_NO_VALUE), "figure has no value");
  CHECK_STR(tieout_status_str(TIEOUT_E_NOT_FOUND), "not found");
  CHECK_STR(tieout_status_str(TIEOUT_E_INTERNAL), "internal error");
  CHECK_STR(tieout_status_str((tieout_status)42), "unknown status");
  CHECK_STR(tieout_status_str((tieout_status)-1), "unknown status");

  /* The header and the library agree: 0.1.0 is 0 * 10000 + 1 * 100 + 0. */
  CHECK(tieout_version_number() == TIEOUT_VERSION);
  CHECK(TIEOUT_VERSION ==
        TIEOUT_VERSION_MAJOR * 10000 + TIEOUT_VERSION_MINOR * 100 + TIEOUT_VERSION_PATCH);
  {
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", TIEOUT_VERSION_MAJOR, TIEOUT_VERSION_MINOR,
             TIEOUT_VERSION_PATCH);
    CHECK_STR(tieout_version(), expected);
  }

  tieout_free(NULL);                  /* accepted */
  tieout_free(malloc(16));            /* what tieout_free releases is malloc'd */
  CHECK(tieout_last_error() != NULL); /* never NULL */

  CHECK_STR(tieout_verdict_str(TIEOUT_VERDICT_PASS), "pass");
  CHECK_STR(tieout_verdict_str(TIEOUT_VERDICT_ROUNDING), "rounding");
  CHECK_STR(tieout_verdict_str(TIEOUT_VERDICT_FAIL), "fail");
  CHECK_STR(tieout_verdict_str(TIEOUT_VERDICT_INCOMPLETE), "incomplete");
  CHECK_STR(tieout_verdict_str(TIEOUT_VERDICT_INFO), "info");
  CHECK_STR(tieout_verdict_str((tieout_verdict)5), "unknown");
  CHECK_STR(tieout_verdict_str((tieout_verdict)-1), "unknown");
  CHECK_STR(tieout_figure_status_str(TIEOUT_FIGURE_TIES), "ties");
  CHECK_STR(tieout_figure_status_str(TIEOUT_FIGURE_ROUNDING), "rounding");
  CHECK_STR(tieout_figure_status_str(TIEOUT_FIGURE_FAILS), "fails");
  CHECK_STR(tieout_figure_status_str(TIEOUT_FIGURE_UNVERIFIED), "unverified");
  CHECK_STR(tieout_figure_status_str(TIEOUT_FIGURE_UNREADABLE), "unreadable");
  CHECK_STR(tieout_figure_status_str(TIEOUT_FIGURE_NIL), "nil");
  CHECK_STR(tieout_figure_status_str((tieout_figure_status)6), "unknown");
  CHECK_STR(tieout_constraint_kind_str(TIEOUT_CONSTRAINT_FOOTING), "footing");
  CHECK_STR(tieout_constraint_kind_str(TIEOUT_CONSTRAINT_PERIOD_SUM), "period sum");
  CHECK_STR(tieout_constraint_kind_str(TIEOUT_CONSTRAINT_ROLL_FORWARD), "roll-forward");
  CHECK_STR(tieout_constraint_kind_str(TIEOUT_CONSTRAINT_CONVERSION), "conversion");
  CHECK_STR(tieout_constraint_kind_str(TIEOUT_CONSTRAINT_EQUALITY), "equality");
  CHECK_STR(tieout_constraint_kind_str(TIEOUT_CONSTRAINT_RATIO), "ratio");
  CHECK_STR(tieout_constraint_kind_str((tieout_constraint_kind)6), "unknown");
}

/* ---- decimals ---- */

static void test_decimal_arithmetic(void) {
  char out[TIEOUT_DECIMAL_BUFFER_SIZE];
  size_t length = 0;
  int order = 2;

  /* Q3 2024 revenue less Q3 2023, in RMB million (the release, line 55):
   * 1,885.6 - 1,625.2 = 260.4; and back: 260.4 + 1,625.2 = 1,885.6. */
  EXPECT(TIEOUT_OK, tieout_decimal_subtract("1885.6", "1625.2", out, sizeof out, &length));
  CHECK_STR(out, "260.4");
  CHECK(length == 5);
  EXPECT(TIEOUT_OK, tieout_decimal_add("260.4", "1625.2", out, sizeof out, NULL));
  CHECK_STR(out, "1885.6");
  /* Scales align to the larger: 1.5 + 0.25 = 1.75; 1 - 1.00 = 0.00. */
  EXPECT(TIEOUT_OK, tieout_decimal_add("1.5", "0.25", out, sizeof out, NULL));
  CHECK_STR(out, "1.75");
  EXPECT(TIEOUT_OK, tieout_decimal_subtract("1", "1.00", out, sizeof out, NULL));
  CHECK_STR(out, "0.00");
  /* US$268.7 million at RMB7.0176: 7 x 268.7 = 1,880.9 and 0.0176 x 268.7 =
   * 4.72912, so 1,885.62912 (scale 1 + 4 = 5), exactly. */
  EXPECT(TIEOUT_OK, tieout_decimal_multiply("268.7", "7.0176", out, sizeof out, &length));
  CHECK_STR(out, "1885.62912");
  CHECK(length == 10);
  EXPECT(TIEOUT_OK, tieout_decimal_multiply("-2", "0.5", out, sizeof out, NULL));
  CHECK_STR(out, "-1.0");
  /* 1,885.6 / 7.0176: 268.7 x 7.0176 overshoots by 0.02912, and 0.02912 /
   * 7.0176 = 0.0041496, so the quotient is 268.69585 04...: */
  EXPECT(TIEOUT_OK,
         tieout_decimal_divide("1885.6", "7.0176", 1, TIEOUT_ROUND_HALF_UP, out, sizeof out, NULL));
  CHECK_STR(out, "268.7");
  EXPECT(TIEOUT_OK,
         tieout_decimal_divide("1885.6", "7.0176", 4, TIEOUT_ROUND_DOWN, out, sizeof out, NULL));
  CHECK_STR(out, "268.6958");
  EXPECT(TIEOUT_OK,
         tieout_decimal_divide("1885.6", "7.0176", 4, TIEOUT_ROUND_HALF_UP, out, sizeof out, NULL));
  CHECK_STR(out, "268.6959");
  EXPECT(TIEOUT_OK,
         tieout_decimal_divide("1885.6", "7.0176", 4, TIEOUT_ROUND_UP, out, sizeof out, NULL));
  CHECK_STR(out, "268.6959");
  EXPECT(TIEOUT_OK,
         tieout_decimal_divide("-1885.6", "7.0176", 4, TIEOUT_ROUND_FLOOR, out, sizeof out, NULL));
  CHECK_STR(out, "-268.6959");
  EXPECT(TIEOUT_OK, tieout_decimal_divide("-1885.6", "7.0176", 4, TIEOUT_ROUND_CEILING, out,
                                          sizeof out, NULL));
  CHECK_STR(out, "-268.6958");
  /* 5 / 2 = 2.5 exactly: half-even goes to 2, half-up to 3. */
  EXPECT(TIEOUT_OK,
         tieout_decimal_divide("5", "2", 0, TIEOUT_ROUND_HALF_EVEN, out, sizeof out, NULL));
  CHECK_STR(out, "2");
  EXPECT(TIEOUT_OK,
         tieout_decimal_divide("5", "2", 0, TIEOUT_ROUND_HALF_UP, out, sizeof out, NULL));
  CHECK_STR(out, "3");

  /* Comparison is by value: 1.5 = 1.50; -2 < 1; 260.4 > 260.39. */
  EXPECT(TIEOUT_OK, tieout_decimal_compare("1.5", "1.50", &order));
  CHECK(order == 0);
  EXPECT(TIEOUT_OK, tieout_decimal_compare("-2", "1", &order));
  CHECK(order == -1);
  EXPECT(TIEOUT_OK, tieout_decimal_compare("260.4", "260.39", &order));
  CHECK(order == 1);

  /* Parsing keeps the scale; -0 is 0. */
  EXPECT(TIEOUT_OK, tieout_decimal_parse("1.50", out, sizeof out, &length));
  CHECK_STR(out, "1.50");
  CHECK(length == 4);
  EXPECT(TIEOUT_OK, tieout_decimal_parse("-0", out, sizeof out, NULL));
  CHECK_STR(out, "0");
  EXPECT(TIEOUT_OK, tieout_decimal_parse("-007.10", out, sizeof out, NULL));
  CHECK_STR(out, "-7.10");

  /* Formatting: -1,234.567 to 2 places rounds half up to -1,234.57. */
  EXPECT(TIEOUT_OK, tieout_decimal_format("-1234.567", 2, TIEOUT_ROUND_HALF_UP,
                                          TIEOUT_DECIMAL_GROUPING | TIEOUT_DECIMAL_PARENTHESES, out,
                                          sizeof out, &length));
  CHECK_STR(out, "(1,234.57)");
  CHECK(length == 10);
  EXPECT(TIEOUT_OK, tieout_decimal_format("-1234.567", 2, TIEOUT_ROUND_HALF_UP,
                                          TIEOUT_DECIMAL_GROUPING, out, sizeof out, NULL));
  CHECK_STR(out, "-1,234.57");
  EXPECT(TIEOUT_OK, tieout_decimal_format("1234567.891", 1, TIEOUT_ROUND_DOWN,
                                          TIEOUT_DECIMAL_GROUPING, out, sizeof out, NULL));
  CHECK_STR(out, "1,234,567.8");
  EXPECT(TIEOUT_OK, tieout_decimal_format("123.4", 3, TIEOUT_ROUND_DOWN, 0, out, sizeof out, NULL));
  CHECK_STR(out, "123.400");
  /* -0.004 to 2 places is 0.00, which has no sign. */
  EXPECT(TIEOUT_OK, tieout_decimal_format("-0.004", 2, TIEOUT_ROUND_HALF_UP,
                                          TIEOUT_DECIMAL_PARENTHESES, out, sizeof out, NULL));
  CHECK_STR(out, "0.00");
  /* -2.5 to 0 places: floor -3, ceiling -2, half-even -2. */
  EXPECT(TIEOUT_OK, tieout_decimal_format("-2.5", 0, TIEOUT_ROUND_FLOOR, 0, out, sizeof out, NULL));
  CHECK_STR(out, "-3");
  EXPECT(TIEOUT_OK,
         tieout_decimal_format("-2.5", 0, TIEOUT_ROUND_CEILING, 0, out, sizeof out, NULL));
  CHECK_STR(out, "-2");
  EXPECT(TIEOUT_OK,
         tieout_decimal_format("-2.5", 0, TIEOUT_ROUND_HALF_EVEN, 0, out, sizeof out, NULL));
  CHECK_STR(out, "-2");

  /* Figures as printed: RMB1,885.6 million is 1,885,600,000 units, its last
   * digit in the hundred thousands (decimals 1 - 6 = -5); (1,234) is -1234
   * to the unit; 12.1% stays in percent, to one place. */
  {
    int decimals = 99;
    EXPECT(TIEOUT_OK,
           tieout_figure_parse("RMB1,885.6 million", out, sizeof out, &length, &decimals));
    CHECK_STR(out, "1885600000");
    CHECK(length == 10);
    CHECK(decimals == -5);
    EXPECT(TIEOUT_OK, tieout_figure_parse("(1,234)", out, sizeof out, NULL, &decimals));
    CHECK_STR(out, "-1234");
    CHECK(decimals == 0);
    EXPECT(TIEOUT_OK, tieout_figure_parse("12.1%", out, sizeof out, NULL, NULL));
    CHECK_STR(out, "12.1");
    decimals = 99;
    EXPECT(TIEOUT_E_NO_VALUE, tieout_figure_parse("-", out, sizeof out, NULL, &decimals));
    CHECK(decimals == 99);
    EXPECT(TIEOUT_E_PARSE, tieout_figure_parse("1,23,4", out, sizeof out, NULL, &decimals));
    CHECK(contains(tieout_last_error(), "tieout_figure_parse"));
    CHECK(contains(tieout_last_error(), "at byte"));
    EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_figure_parse(NULL, out, sizeof out, NULL, NULL));
    EXPECT(TIEOUT_E_BUFFER_TOO_SMALL, tieout_figure_parse("(1,234)", out, 5, &length, &decimals));
    CHECK(length == 5); /* "-1234" needs 6 bytes with its NUL */
  }
}

static void test_decimal_errors(void) {
  char out[TIEOUT_DECIMAL_BUFFER_SIZE];
  char small[4] = "xyz";
  size_t length = 0;
  int order = 7;
  char big[400];

  /* Not canonical decimals: each is refused with where and why. */
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_parse("+1", out, sizeof out, NULL));
  CHECK(contains(tieout_last_error(), "at byte 0"));
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_parse("1,234", out, sizeof out, NULL));
  CHECK(contains(tieout_last_error(), "at byte 1"));
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_parse("", out, sizeof out, NULL));
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_parse("1.", out, sizeof out, NULL));
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_parse("1e5", out, sizeof out, NULL));
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_add("1", "x", out, sizeof out, NULL));
  CHECK(contains(tieout_last_error(), "tieout_decimal_add: b \"x\""));
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_subtract("y", "1", out, sizeof out, NULL));
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_multiply("1", " 2", out, sizeof out, NULL));
  EXPECT(TIEOUT_E_PARSE,
         tieout_decimal_divide("1", "2 ", 2, TIEOUT_ROUND_HALF_UP, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_compare("1", "--1", &order));
  EXPECT(TIEOUT_E_PARSE,
         tieout_decimal_format("1.2.3", 2, TIEOUT_ROUND_HALF_UP, 0, out, sizeof out, NULL));
  /* 65 decimal places are one more than a decimal carries. */
  EXPECT(TIEOUT_E_PARSE,
         tieout_decimal_parse("0.00000000000000000000000000000000000000000000000000000000000000001",
                              out, sizeof out, NULL));
  /* 310 digits need more than 1024 bits (2^1024 has 309). */
  memset(big, '9', 310);
  big[310] = '\0';
  EXPECT(TIEOUT_E_PARSE, tieout_decimal_parse(big, out, sizeof out, NULL));
  CHECK(contains(tieout_last_error(), "1024 bits"));

  /* NULL where a pointer is required. */
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_decimal_parse(NULL, out, sizeof out, NULL));
  CHECK(contains(tieout_last_error(), "tieout_decimal_parse: text is NULL"));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_decimal_add(NULL, "1", out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_decimal_subtract("1", NULL, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_decimal_multiply(NULL, NULL, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_decimal_divide(NULL, "1", 0, TIEOUT_ROUND_HALF_UP, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_decimal_compare("1", "2", NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_decimal_compare(NULL, "2", &order));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_decimal_format(NULL, 0, TIEOUT_ROUND_HALF_UP, 0, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_decimal_add("1", "2", NULL, 8, NULL));
  CHECK(order == 7); /* untouched on failure */

  /* Scale, rounding mode and flags out of range. */
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_decimal_divide("1", "3", 65, TIEOUT_ROUND_HALF_UP, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_decimal_divide("1", "3", -1, TIEOUT_ROUND_HALF_UP, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_decimal_divide("1", "3", 2, (tieout_rounding)6, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_decimal_divide("1", "3", 2, (tieout_rounding)-1, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_decimal_format("1", 65, TIEOUT_ROUND_HALF_UP, 0, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_decimal_format("1", 2, (tieout_rounding)99, 0, out, sizeof out, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_decimal_format("1", 2, TIEOUT_ROUND_HALF_UP, 4u, out, sizeof out, NULL));

  /* No answer, and no room. */
  EXPECT(TIEOUT_E_DOMAIN,
         tieout_decimal_divide("1", "0.00", 2, TIEOUT_ROUND_HALF_UP, out, sizeof out, NULL));
  CHECK(contains(tieout_last_error(), "division by zero"));
  /* 40 places times 40 places is 80 places; a decimal keeps 64. */
  EXPECT(TIEOUT_E_OVERFLOW, tieout_decimal_multiply("0.0000000000000000000000000000000000000001",
                                                    "0.0000000000000000000000000000000000000001",
                                                    out, sizeof out, NULL));

  /* Buffers: "260.4" needs 6 bytes. 4 is too few (the length needed comes
   * back, the buffer is untouched); 0 with NULL asks for the length; 6 is
   * enough. */
  length = 0;
  EXPECT(TIEOUT_E_BUFFER_TOO_SMALL,
         tieout_decimal_subtract("1885.6", "1625.2", small, sizeof small, &length));
  CHECK(length == 5);
  CHECK_STR(small, "xyz");
  CHECK(contains(tieout_last_error(), "needs 6 bytes"));
  length = 0;
  EXPECT(TIEOUT_E_BUFFER_TOO_SMALL, tieout_decimal_subtract("1885.6", "1625.2", NULL, 0, &length));
  CHECK(length == 5);
  EXPECT(TIEOUT_E_BUFFER_TOO_SMALL, tieout_decimal_parse("260.4", out, 5, NULL));
  EXPECT(TIEOUT_OK, tieout_decimal_parse("260.4", out, 6, &length));
  CHECK_STR(out, "260.4");

  /* TIEOUT_DECIMAL_BUFFER_SIZE holds the widest result: 10^308 (309 digits,
   * under 2^1024 = 1.797... x 10^308), negative, grouped (308 / 3 = 102
   * commas) in parentheses: 309 + 102 + 2 = 413 characters. */
  big[0] = '-';
  big[1] = '1';
  memset(big + 2, '0', 308);
  big[310] = '\0';
  EXPECT(TIEOUT_OK, tieout_decimal_format(big, 0, TIEOUT_ROUND_HALF_UP,
                                          TIEOUT_DECIMAL_GROUPING | TIEOUT_DECIMAL_PARENTHESES, out,
                                          sizeof out, &length));
  CHECK(length == 413);
  CHECK(length < TIEOUT_DECIMAL_BUFFER_SIZE);
  CHECK(strncmp(out, "(100,000,", 9) == 0);
}

/* ---- audits: handles ---- */

static void test_handles(void) {
  tieout_audit* audit = NULL;
  tieout_audit* freed = NULL;
  const char* text = NULL;
  size_t count = 0;

  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_create(NULL));
  EXPECT(TIEOUT_OK, tieout_audit_create(&audit));
  CHECK(audit != NULL);
  CHECK_STR(tieout_audit_last_error(audit), "");
  EXPECT(TIEOUT_OK, tieout_audit_figure_count(audit, &count));
  CHECK(count == 0);
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_count(audit, NULL));
  CHECK(contains(tieout_audit_last_error(audit), "tieout_audit_figure_count: out is NULL"));

  /* A freed handle is refused, not dereferenced: it is no longer in the
   * registry of live handles. Freeing it again is ignored, and said. */
  EXPECT(TIEOUT_OK, tieout_audit_create(&freed));
  tieout_audit_free(freed);
  EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_count(freed, &count));
  CHECK(contains(tieout_last_error(), "not a live tieout_audit"));
  CHECK(contains(tieout_audit_last_error(freed), "not a live tieout_audit"));
  tieout_audit_free(freed);
  CHECK(contains(tieout_last_error(), "tieout_audit_free: not a live tieout_audit"));
  /* Nor is a pointer that never was a handle. */
  EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_count((tieout_audit*)&count, &count));
  tieout_audit_free(NULL);
  CHECK_STR(tieout_audit_last_error(NULL), "the audit is NULL");

  /* Every function taking an audit refuses NULL. */
  EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_add_file(NULL, "x", NULL));
  EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_add_text(NULL, "x", "a", 1, NULL));
  EXPECT(TIEOUT_E_INVALID_HANDLE,
         tieout_audit_add_figure(NULL, "1", NULL, NULL, 0, NULL, NULL, 0, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_count(NULL, &count));
  CHECK(contains(tieout_last_error(), "tieout_audit_figure_count: the audit is NULL"));
  {
    uint32_t id = 0;
    int decimals = 0;
    tieout_figure_status figure_status;
    tieout_constraint_kind kind;
    tieout_verdict verdict;
    char* report = NULL;
    const uint32_t parts[1] = {0};
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_at(NULL, 0, 1, 1, &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_file(NULL, 0, &text));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_line(NULL, 0, &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_column(NULL, 0, &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_text(NULL, 0, &text));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_value(NULL, 0, &text));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_decimals(NULL, 0, &decimals));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_label(NULL, 0, &text));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_period(NULL, 0, &text));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_unit(NULL, 0, &text));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_figure_status(NULL, 0, &figure_status));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_add_footing(NULL, 0, parts, NULL, 1, &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_add_period_sum(NULL, 0, parts, 1, &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_add_roll_forward(NULL, 0, 0, parts, 1, &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_add_conversion(NULL, 0, 0, "1", &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_add_equality(NULL, 0, 0, &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE,
           tieout_audit_add_ratio(NULL, 0, parts, NULL, 1, parts, NULL, 1, "1", &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_constraint_count(NULL, &count));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_constraint_kind(NULL, 0, &kind));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_constraint_figure_count(NULL, 0, &count));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_constraint_figure(NULL, 0, 0, &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_check(NULL, 0));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_summary(NULL, TIEOUT_SUMMARY_FAILED, &count));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_constraint_verdict(NULL, 0, &verdict));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_constraint_difference(NULL, 0, &text));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_constraint_tolerance(NULL, 0, &text));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_constraint_explanation(NULL, 0, &text));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_finding_count(NULL, &count));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_finding(NULL, 0, &id));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_suspect_count(NULL, &count));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_suspect(NULL, 0, &id, &text, &text, NULL, NULL));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_filled_count(NULL, &count));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_filled(NULL, 0, &id, &text, &text, NULL));
    EXPECT(TIEOUT_E_INVALID_HANDLE, tieout_audit_render(NULL, TIEOUT_REPORT_JSON, &report, NULL));
    CHECK(report == NULL);
  }
  tieout_audit_free(audit);
}

/* ---- audits: the Q3 2024 release ---- */

static void test_q3_2024_release(const char* source_dir) {
  char path[4096];
  tieout_audit* audit = NULL;
  uint32_t document = 99, figure = 0, constraint = 0, value32 = 0;
  size_t count = 0, findings = 0, failed = 99, n = 0, i = 0, linear_roundings = 0;
  const char* text = NULL;
  int decimals = 0;
  tieout_figure_status figure_status = TIEOUT_FIGURE_FAILS;
  tieout_verdict verdict = TIEOUT_VERDICT_PASS;
  tieout_constraint_kind kind = TIEOUT_CONSTRAINT_FOOTING;
  char* report = NULL;
  size_t report_size = 0;

  snprintf(path, sizeof path, "%s/examples/filings/004_5d25836ba150503a.txt", source_dir);
  EXPECT(TIEOUT_OK, tieout_audit_create(&audit));

  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_add_file(audit, NULL, NULL));
  EXPECT(TIEOUT_E_READ, tieout_audit_add_file(audit, "/nonexistent/filing.txt", NULL));
  CHECK(contains(tieout_audit_last_error(audit), "/nonexistent/filing.txt"));
  EXPECT(TIEOUT_OK, tieout_audit_add_file(audit, path, &document));
  CHECK(document == 0);

  /* Before a check: figures can be read, results cannot. */
  EXPECT(TIEOUT_OK, tieout_audit_figure_count(audit, &count));
  CHECK(count >= 586); /* the tables' 586 (tests/reader_test.cpp), and prose */
  EXPECT(TIEOUT_E_STATE, tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, &failed));
  CHECK(contains(tieout_audit_last_error(audit), "has not been checked"));
  EXPECT(TIEOUT_E_STATE, tieout_audit_finding_count(audit, &findings));
  EXPECT(TIEOUT_E_STATE, tieout_audit_finding(audit, 0, &constraint));
  EXPECT(TIEOUT_E_STATE, tieout_audit_render(audit, TIEOUT_REPORT_TEXT, &report, NULL));
  EXPECT(TIEOUT_E_STATE, tieout_audit_figure_status(audit, 0, &figure_status));
  EXPECT(TIEOUT_E_STATE, tieout_audit_constraint_verdict(audit, 0, &verdict));
  EXPECT(TIEOUT_E_STATE, tieout_audit_constraint_difference(audit, 0, &text));
  EXPECT(TIEOUT_E_STATE, tieout_audit_constraint_tolerance(audit, 0, &text));
  EXPECT(TIEOUT_E_STATE, tieout_audit_constraint_explanation(audit, 0, &text));

  /* Line 222, "Total revenues", field 5: three months ended Sep 30, 2024,
   * RMB, in thousands (the heading, line 160): 1,885,574 thousand is
   * 1,885,574,000, to the thousand (decimals -3). */
  EXPECT(TIEOUT_OK, tieout_audit_figure_at(audit, document, 222, 5, &figure));
  EXPECT(TIEOUT_OK, tieout_audit_figure_text(audit, figure, &text));
  CHECK_STR(text, "1,885,574");
  EXPECT(TIEOUT_OK, tieout_audit_figure_value(audit, figure, &text));
  CHECK_STR(text, "1885574000");
  EXPECT(TIEOUT_OK, tieout_audit_figure_decimals(audit, figure, &decimals));
  CHECK(decimals == -3);
  EXPECT(TIEOUT_OK, tieout_audit_figure_label(audit, figure, &text));
  CHECK_STR(text, "Total revenues");
  EXPECT(TIEOUT_OK, tieout_audit_figure_period(audit, figure, &text));
  CHECK_STR(text, "2024-07-01..2024-09-30");
  EXPECT(TIEOUT_OK, tieout_audit_figure_unit(audit, figure, &text));
  CHECK_STR(text, "CNY");
  EXPECT(TIEOUT_OK, tieout_audit_figure_file(audit, figure, &text));
  CHECK(ends_with(text, "examples/filings/004_5d25836ba150503a.txt"));
  EXPECT(TIEOUT_OK, tieout_audit_figure_line(audit, figure, &value32));
  CHECK(value32 == 222);
  EXPECT(TIEOUT_OK, tieout_audit_figure_column(audit, figure, &value32));
  CHECK(value32 == 5);
  /* Field 6 is the same in US$: 268,692 thousand. */
  EXPECT(TIEOUT_OK, tieout_audit_figure_at(audit, document, 222, 6, &figure));
  EXPECT(TIEOUT_OK, tieout_audit_figure_unit(audit, figure, &text));
  CHECK_STR(text, "USD");
  /* Line 221, "Others", field 5 is a dash: nil, no value. */
  EXPECT(TIEOUT_OK, tieout_audit_figure_at(audit, document, 221, 5, &figure));
  EXPECT(TIEOUT_OK, tieout_audit_figure_text(audit, figure, &text));
  CHECK_STR(text, "-");
  text = "untouched";
  EXPECT(TIEOUT_E_NO_VALUE, tieout_audit_figure_value(audit, figure, &text));
  CHECK(text == NULL);
  EXPECT(TIEOUT_E_NO_VALUE, tieout_audit_figure_decimals(audit, figure, &decimals));

  /* Figures: errors. Field 1 is the label, not a figure; line 1 is prose. */
  EXPECT(TIEOUT_E_NOT_FOUND, tieout_audit_figure_at(audit, document, 222, 1, &figure));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_at(audit, 7, 222, 5, &figure));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_at(audit, document, 222, 5, NULL));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_text(audit, (uint32_t)count, &text));
  CHECK(contains(tieout_audit_last_error(audit), "is past the last"));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_file(audit, (uint32_t)count, &text));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_line(audit, (uint32_t)count, &value32));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_column(audit, UINT32_MAX, &value32));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_value(audit, (uint32_t)count, &text));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_decimals(audit, (uint32_t)count, &decimals));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_label(audit, (uint32_t)count, &text));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_period(audit, (uint32_t)count, &text));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_unit(audit, (uint32_t)count, &text));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_file(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_line(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_column(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_text(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_value(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_decimals(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_label(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_period(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_unit(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_figure_status(audit, 0, NULL));

  /* Check: flags out of range are refused; then it ties out. */
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_check(audit, 2u));
  EXPECT(TIEOUT_OK, tieout_audit_check(audit, 0));
  EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, &failed));
  CHECK(failed == 0);
  EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_UNPLACED, &n));
  CHECK(n == 0);
  EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_FIGURES, &n));
  CHECK(n == count);
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_summary(audit, (tieout_summary_item)14, &n));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_summary(audit, (tieout_summary_item)-1, &n));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, NULL));
  {
    /* Every check is counted once: passed + rounding + failed + incomplete
     * + info = checks = constraints; findings are all but the passed. */
    size_t checks_run = 0, passed = 0, rounding = 0, incomplete = 0, info = 0, constraints = 0;
    size_t unreadable = 99, unverified = 99, narrative = 0, linked = 0;
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_CHECKS, &checks_run));
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_PASSED, &passed));
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_ROUNDING, &rounding));
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_INCOMPLETE, &incomplete));
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_INFO, &info));
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_UNREADABLE, &unreadable));
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_UNVERIFIED, &unverified));
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_NARRATIVE, &narrative));
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_NARRATIVE_LINKED, &linked));
    EXPECT(TIEOUT_OK, tieout_audit_constraint_count(audit, &constraints));
    CHECK(checks_run > 0);
    CHECK(passed + rounding + failed + incomplete + info == checks_run);
    CHECK(constraints == checks_run);
    CHECK(unreadable == 0); /* no OCR damage in this release */
    CHECK(linked <= narrative);
    CHECK(narrative > 0); /* "RMB1,885.6 million" on line 55, and more */
    EXPECT(TIEOUT_OK, tieout_audit_finding_count(audit, &findings));
    CHECK(findings == checks_run - passed);
  }

  /* Total revenues, Q3 2024 RMB (222:5) footing 1,175,535 + 710,039 + - =
   * 1,885,574 ties exactly; its conversion to US$ holds by rounding: its
   * status is one or the other, never fails or unverified. */
  EXPECT(TIEOUT_OK, tieout_audit_figure_at(audit, document, 222, 5, &figure));
  EXPECT(TIEOUT_OK, tieout_audit_figure_status(audit, figure, &figure_status));
  CHECK(figure_status == TIEOUT_FIGURE_TIES || figure_status == TIEOUT_FIGURE_ROUNDING);
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_figure_status(audit, (uint32_t)count, &figure_status));

  /* Every finding: a verdict other than pass, words, figures of the audit. */
  for (i = 0; i < findings; ++i) {
    const char* difference = NULL;
    const char* tolerance = NULL;
    char sum[TIEOUT_DECIMAL_BUFFER_SIZE];
    int order = 0;
    EXPECT(TIEOUT_OK, tieout_audit_finding(audit, i, &constraint));
    EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, constraint, &verdict));
    CHECK(verdict != TIEOUT_VERDICT_PASS && verdict != TIEOUT_VERDICT_FAIL);
    EXPECT(TIEOUT_OK, tieout_audit_constraint_explanation(audit, constraint, &text));
    CHECK(text != NULL && text[0] != '\0');
    EXPECT(TIEOUT_OK, tieout_audit_constraint_kind(audit, constraint, &kind));
    CHECK(kind >= TIEOUT_CONSTRAINT_FOOTING && kind <= TIEOUT_CONSTRAINT_RATIO);
    EXPECT(TIEOUT_OK, tieout_audit_constraint_figure_count(audit, constraint, &n));
    CHECK(n >= 2);
    EXPECT(TIEOUT_OK, tieout_audit_constraint_figure(audit, constraint, n - 1, &figure));
    CHECK(figure < count);
    EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_constraint_figure(audit, constraint, n, &figure));
    /* A linear check that holds by rounding has its difference within its
     * tolerance, -tolerance <= difference <= tolerance (docs/checks.md);
     * conversions may instead hold by the derived-column rule, whose
     * difference is larger (check.hpp), and ratios compare intervals. */
    EXPECT(TIEOUT_OK, tieout_audit_constraint_difference(audit, constraint, &difference));
    EXPECT(TIEOUT_OK, tieout_audit_constraint_tolerance(audit, constraint, &tolerance));
    if (verdict == TIEOUT_VERDICT_ROUNDING && kind != TIEOUT_CONSTRAINT_RATIO &&
        kind != TIEOUT_CONSTRAINT_CONVERSION) {
      EXPECT(TIEOUT_OK, tieout_decimal_add(tolerance, difference, sum, sizeof sum, NULL));
      EXPECT(TIEOUT_OK, tieout_decimal_compare(sum, "0", &order));
      CHECK(order >= 0);
      EXPECT(TIEOUT_OK, tieout_decimal_subtract(tolerance, difference, sum, sizeof sum, NULL));
      EXPECT(TIEOUT_OK, tieout_decimal_compare(sum, "0", &order));
      CHECK(order >= 0);
      ++linear_roundings;
    }
  }
  CHECK(linear_roundings > 0);
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_finding(audit, findings, &constraint));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_finding(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_finding_count(audit, NULL));

  /* Reports, in every format. */
  EXPECT(TIEOUT_OK, tieout_audit_render(audit, TIEOUT_REPORT_TEXT, &report, &report_size));
  CHECK(contains(report, "Ties out."));
  CHECK(report != NULL && strlen(report) == report_size);
  tieout_free(report);
  report = NULL;
  EXPECT(TIEOUT_OK, tieout_audit_render(audit, TIEOUT_REPORT_JSON, &report, NULL));
  CHECK(contains(report, "\"schema\": \"tieout-report/1\""));
  CHECK(contains(report, "\"text\": \"1,885,574\""));
  tieout_free(report);
  report = NULL;
  EXPECT(TIEOUT_OK, tieout_audit_render(audit, TIEOUT_REPORT_HTML, &report, NULL));
  CHECK(report != NULL && strncmp(report, "<!DOCTYPE html>", 15) == 0);
  tieout_free(report);
  report = NULL;
  EXPECT(TIEOUT_OK, tieout_audit_render(audit, TIEOUT_REPORT_MARKDOWN, &report, NULL));
  CHECK(report != NULL && strncmp(report, "# tieout report", 15) == 0);
  tieout_free(report);
  report = NULL;
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_audit_render(audit, (tieout_report_format)4, &report, &report_size));
  CHECK(report == NULL);
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_render(audit, TIEOUT_REPORT_TEXT, NULL, NULL));

  /* Documents are compared once, when first checked: later ones are refused. */
  EXPECT(TIEOUT_E_STATE, tieout_audit_add_file(audit, path, NULL));
  CHECK(contains(tieout_audit_last_error(audit), "start a new audit"));
  EXPECT(TIEOUT_E_STATE, tieout_audit_add_text(audit, "late.txt", "a\tb\n", 4, NULL));

  /* A figure added after the check changes the audit: results are gone
   * until it is checked again. */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1", NULL, NULL, 0, NULL, NULL, 0, 0, NULL));
  EXPECT(TIEOUT_E_STATE, tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, &failed));
  CHECK(contains(tieout_audit_last_error(audit), "changed since it was checked"));
  EXPECT(TIEOUT_OK, tieout_audit_check(audit, TIEOUT_CHECK_TRUNCATION));
  EXPECT(TIEOUT_OK, tieout_audit_figure_count(audit, &n));
  CHECK(n == count + 1);
  tieout_audit_free(audit);
}

/* ---- audits: documents in memory ---- */

/* tests/audit_test.cpp's filing: 2023's total is misprinted, 1,000 + 250 =
 * 1,250 printed 1,260, in thousands. */
static const char example_filing[] =
    "Example Corp\n"
    "Revenues (in thousands)\n"
    "\tFor the year ended December 31,\n"
    "\t2022\t2023\t2024\n"
    "\tRMB\tRMB\tRMB\n"
    "Products\t900\t1,000\t1,100\n"
    "Services\t200\t250\t300\n"
    "Total revenues\t1,100\t1,260\t1,400\n";

static void test_text_in_memory(void) {
  tieout_audit* audit = NULL;
  uint32_t document = 99, total = 0, constraint = 0;
  size_t failed = 0, findings = 0, i = 0;
  const char* text = NULL;
  tieout_verdict verdict = TIEOUT_VERDICT_PASS;
  tieout_figure_status figure_status = TIEOUT_FIGURE_TIES;
  int found = 0;

  EXPECT(TIEOUT_OK, tieout_audit_create(&audit));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_add_text(audit, "x.txt", NULL, 5, NULL));
  EXPECT(TIEOUT_E_READ, tieout_audit_add_text(audit, "empty.txt", NULL, 0, NULL));
  CHECK(contains(tieout_audit_last_error(audit), "empty.txt"));
  EXPECT(TIEOUT_E_READ, tieout_audit_add_text(audit, "nul.txt", "a\tb\0c\n", 6, NULL));
  EXPECT(TIEOUT_E_READ, tieout_audit_add_text(audit, "bad.txt", "a\tb\xff\n", 5, NULL));
  EXPECT(TIEOUT_E_READ, tieout_audit_add_text(audit, NULL, "Only prose.\n", 12, NULL));
  CHECK(contains(tieout_audit_last_error(audit), "(memory)"));
  CHECK(contains(tieout_audit_last_error(audit), "no tables"));
  EXPECT(TIEOUT_OK, tieout_audit_add_text(audit, "example.txt", example_filing,
                                          sizeof example_filing - 1, &document));
  EXPECT(TIEOUT_OK, tieout_audit_check(audit, 0));
  /* One failure: 2023's footing. Its difference is the total less its
   * parts, in units: 1,260,000 - (1,000,000 + 250,000) = 10,000. */
  EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, &failed));
  CHECK(failed == 1);
  EXPECT(TIEOUT_OK, tieout_audit_figure_at(audit, document, 8, 3, &total));
  EXPECT(TIEOUT_OK, tieout_audit_figure_text(audit, total, &text));
  CHECK_STR(text, "1,260");
  EXPECT(TIEOUT_OK, tieout_audit_figure_status(audit, total, &figure_status));
  CHECK(figure_status == TIEOUT_FIGURE_FAILS);
  EXPECT(TIEOUT_OK, tieout_audit_finding_count(audit, &findings));
  for (i = 0; i < findings; ++i) {
    EXPECT(TIEOUT_OK, tieout_audit_finding(audit, i, &constraint));
    EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, constraint, &verdict));
    if (verdict != TIEOUT_VERDICT_FAIL) continue;
    ++found;
    EXPECT(TIEOUT_OK, tieout_audit_constraint_difference(audit, constraint, &text));
    CHECK_STR(text, "10000");
    EXPECT(TIEOUT_OK, tieout_audit_constraint_explanation(audit, constraint, &text));
    CHECK(contains(text, "1,260"));
  }
  CHECK(found == 1);
  tieout_audit_free(audit);
}

/* ---- audits: what the solver makes of a failure ---- */

/* The example filing's 1,260 against 1,000 + 250: one footing alone, so
 * three one-digit slips explain it equally well (Products 1,010, Services
 * 260, the total 1,250), none certain. */
static void test_suspects_tied(void) {
  tieout_audit* audit = NULL;
  size_t count = 0, i = 0, n = 99;
  uint32_t figure = 0;
  const char* proposed = NULL;
  const char* text = NULL;
  int rank = 0, unique = 1, seen = 0;

  EXPECT(TIEOUT_OK, tieout_audit_create(&audit));
  EXPECT(TIEOUT_OK, tieout_audit_add_text(audit, "example.txt", example_filing,
                                          sizeof example_filing - 1, NULL));
  EXPECT(TIEOUT_E_STATE, tieout_audit_suspect_count(audit, &count));
  EXPECT(TIEOUT_E_STATE, tieout_audit_suspect(audit, 0, &figure, NULL, NULL, NULL, NULL));
  EXPECT(TIEOUT_E_STATE, tieout_audit_filled_count(audit, &count));
  EXPECT(TIEOUT_E_STATE, tieout_audit_filled(audit, 0, &figure, NULL, NULL, NULL));
  EXPECT(TIEOUT_OK, tieout_audit_check(audit, 0));
  EXPECT(TIEOUT_OK, tieout_audit_suspect_count(audit, &count));
  CHECK(count == 3);
  EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_SUSPECTS, &n));
  CHECK(n == 3);
  for (i = 0; i < count; ++i) {
    EXPECT(TIEOUT_OK, tieout_audit_suspect(audit, i, &figure, &proposed, &text, &rank, &unique));
    CHECK(rank == 1);
    CHECK(unique == 0);
    if (strcmp(text, "1,010") == 0) {
      seen |= 1;
      CHECK_STR(proposed, "1010000");
    } else if (strcmp(text, "260") == 0) {
      seen |= 2;
      CHECK_STR(proposed, "260000");
    } else if (strcmp(text, "1,250") == 0) {
      seen |= 4;
      CHECK_STR(proposed, "1250000");
    }
  }
  CHECK(seen == 7);
  /* Every output is optional. */
  EXPECT(TIEOUT_OK, tieout_audit_suspect(audit, 0, NULL, NULL, NULL, NULL, NULL));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_suspect(audit, 3, &figure, NULL, NULL, NULL, NULL));
  CHECK(contains(tieout_audit_last_error(audit), "suspect 3 is past the last (3)"));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_suspect_count(audit, NULL));
  EXPECT(TIEOUT_OK, tieout_audit_filled_count(audit, &count));
  CHECK(count == 0);
  EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_FILLED, &n));
  CHECK(n == 0);
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_filled(audit, 0, &figure, NULL, NULL, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_filled_count(audit, NULL));
  tieout_audit_free(audit);
}

/* The Q3 2024 release with US$ gross profit (line 224, field 6) printed
 * 43,272 for 43,227: its footing (268,692 - 225,465 = 43,227) and its
 * conversion fail, and 43,227 is the one value that ties everything. */
static void test_suspect_unique(const char* source_dir) {
  char path[4096];
  FILE* file = NULL;
  char* content = NULL;
  char* slip = NULL;
  long size = 0;
  tieout_audit* audit = NULL;
  uint32_t document = 0, expected = 0, figure = 99;
  size_t count = 0;
  const char* proposed = NULL;
  const char* text = NULL;
  int rank = 0, unique = 0;

  snprintf(path, sizeof path, "%s/examples/filings/004_5d25836ba150503a.txt", source_dir);
  file = fopen(path, "rb");
  CHECK(file != NULL);
  if (file == NULL) return;
  fseek(file, 0, SEEK_END);
  size = ftell(file);
  fseek(file, 0, SEEK_SET);
  /* One byte more for the NUL that strstr needs. */
  content = (char*)malloc((size_t)size + 1);
  CHECK(content != NULL && fread(content, 1, (size_t)size, file) == (size_t)size);
  fclose(file);
  if (content != NULL) content[size] = '\0';
  /* The first "\t43,227\t" is gross profit's US$ figure on line 224. */
  slip = content == NULL ? NULL : strstr(content, "\t43,227\t");
  CHECK(slip != NULL);
  if (slip != NULL) memcpy(slip + 1, "43,272", 6);

  EXPECT(TIEOUT_OK, tieout_audit_create(&audit));
  EXPECT(TIEOUT_OK, tieout_audit_add_text(audit, "release.txt", content, (size_t)size, &document));
  EXPECT(TIEOUT_OK, tieout_audit_check(audit, 0));
  EXPECT(TIEOUT_OK, tieout_audit_figure_at(audit, document, 224, 6, &expected));
  EXPECT(TIEOUT_OK, tieout_audit_suspect_count(audit, &count));
  CHECK(count == 1);
  EXPECT(TIEOUT_OK, tieout_audit_suspect(audit, 0, &figure, &proposed, &text, &rank, &unique));
  CHECK(figure == expected);
  CHECK_STR(proposed, "43227000");
  CHECK_STR(text, "43,227");
  CHECK(rank == 1);
  CHECK(unique == 1);
  tieout_audit_free(audit);
  free(content);
}

/* 2023's total printed "1,25O" (a letter O): 1,000 + 250 fills it with
 * 1,250, exactly. */
static void test_filled(void) {
  static const char filing[] =
      "Revenues (in thousands)\n"
      "\tFor the year ended December 31,\n"
      "\t2022\t2023\t2024\n"
      "\tRMB\tRMB\tRMB\n"
      "Products\t900\t1,000\t1,100\n"
      "Services\t200\t250\t300\n"
      "Total revenues\t1,100\t1,25O\t1,400\n";
  tieout_audit* audit = NULL;
  uint32_t document = 0, expected = 0, figure = 99;
  size_t count = 0;
  const char* value = NULL;
  const char* text = NULL;
  int exact = 0;

  EXPECT(TIEOUT_OK, tieout_audit_create(&audit));
  EXPECT(TIEOUT_OK,
         tieout_audit_add_text(audit, "filled.txt", filing, sizeof filing - 1, &document));
  EXPECT(TIEOUT_OK, tieout_audit_check(audit, 0));
  EXPECT(TIEOUT_OK, tieout_audit_figure_at(audit, document, 7, 3, &expected));
  EXPECT(TIEOUT_OK, tieout_audit_filled_count(audit, &count));
  CHECK(count == 1);
  EXPECT(TIEOUT_OK, tieout_audit_filled(audit, 0, &figure, &value, &text, &exact));
  CHECK(figure == expected);
  CHECK_STR(value, "1250000");
  CHECK_STR(text, "1,250");
  CHECK(exact == 1);
  EXPECT(TIEOUT_OK, tieout_audit_filled(audit, 0, NULL, NULL, NULL, NULL));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_filled(audit, 1, &figure, NULL, NULL, NULL));
  tieout_audit_free(audit);
}

/* ---- audits: figures and constraints added one by one ---- */

static void test_figures_and_constraints(void) {
  tieout_audit* audit = NULL;
  uint32_t f[24], c[12], id = 0;
  size_t n = 0;
  const char* text = NULL;
  const char* minus_one[1] = {"-1"};
  const char* bad_weight[1] = {"one"};
  tieout_verdict verdict = TIEOUT_VERDICT_FAIL;
  tieout_constraint_kind kind = TIEOUT_CONSTRAINT_RATIO;
  tieout_figure_status figure_status = TIEOUT_FIGURE_TIES;
  int decimals = 0;
  uint32_t value32 = 0;

  EXPECT(TIEOUT_OK, tieout_audit_create(&audit));

  /* Q3 2024 revenues in RMB thousands (the release, line 219-222, fields 5):
   * 1,175,535 + 710,039 + - = 1,885,574. Cells of a sheet: C4..C7. */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,175,535", "RMB", "2024-07-01..2024-09-30", 3,
                                            "Public cloud services", "Sheet1", 4, 3, &f[0]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "710,039", "RMB", "2024-07-01..2024-09-30", 3,
                                            "Enterprise cloud services", "Sheet1", 5, 3, &f[1]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "-", "RMB", "2024-07-01..2024-09-30", 3,
                                            "Others", "Sheet1", 6, 3, &f[2]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,885,574", "CNY", "2024-07-01..2024-09-30", 3,
                                            "Total revenues", "Sheet1", 7, 3, &f[3]));
  CHECK(f[0] == 0 && f[1] == 1 && f[2] == 2 && f[3] == 3);
  /* The same total misprinted 10 thousand high, in another column. */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,885,584", "CNY", "2024-07-01..2024-09-30", 3,
                                            "Total revenues", "Sheet1", 7, 4, &f[4]));

  EXPECT(TIEOUT_OK, tieout_audit_figure_value(audit, f[3], &text));
  CHECK_STR(text, "1885574000");
  EXPECT(TIEOUT_OK, tieout_audit_figure_decimals(audit, f[3], &decimals));
  CHECK(decimals == -3);
  EXPECT(TIEOUT_OK, tieout_audit_figure_unit(audit, f[0], &text));
  CHECK_STR(text, "CNY"); /* "RMB" as printed is CNY */
  EXPECT(TIEOUT_OK, tieout_audit_figure_file(audit, f[3], &text));
  CHECK_STR(text, "Sheet1");
  EXPECT(TIEOUT_OK, tieout_audit_figure_label(audit, f[4], &text));
  CHECK_STR(text, "Total revenues");
  EXPECT(TIEOUT_OK, tieout_audit_figure_line(audit, f[4], &value32));
  CHECK(value32 == 7);
  EXPECT(TIEOUT_OK, tieout_audit_figure_column(audit, f[4], &value32));
  CHECK(value32 == 4);
  /* The sheet is document 0: its figures are found by cell. */
  EXPECT(TIEOUT_OK, tieout_audit_figure_at(audit, 0, 7, 4, &id));
  CHECK(id == f[4]);

  EXPECT(TIEOUT_OK, tieout_audit_add_footing(audit, f[3], f, NULL, 3, &c[0]));
  EXPECT(TIEOUT_OK, tieout_audit_add_footing(audit, f[4], f, NULL, 3, &c[1]));

  /* Conversion at the release's rate, in RMB and US$ million (line 55):
   * 268.7 x 7.0176 = 1,885.62912 against 1,885.6: off by 0.02912 where the
   * rounding of both allows 7.0176 x 0.05 + 0.05 = 0.40088. */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,885.6", "RMB", "2024-07-01..2024-09-30", 6,
                                            NULL, "line 55", 55, 1, &f[5]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "268.7", "US$", "2024-07-01..2024-09-30", 6,
                                            NULL, "line 55", 55, 2, &f[6]));
  EXPECT(TIEOUT_OK, tieout_audit_add_conversion(audit, f[6], f[5], "7.0176", &c[2]));

  /* Growth: 100 x (1,885.6 - 1,625.2) / 1,625.2 = 100 x 260.4 / 1,625.2 =
   * 16.02...%, printed 16.0% (line 55): it rounds to the printed ratio.
   * Printed 17.0% it fails. */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,625.2", "RMB", "2023-07-01..2023-09-30", 6,
                                            NULL, "line 55", 55, 3, &f[7]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "16.0%", "%", "2024-07-01..2024-09-30", 0, NULL,
                                            "line 55", 55, 4, &f[8]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "17.0%", "%", "2024-07-01..2024-09-30", 0, NULL,
                                            "line 55", 55, 5, &f[9]));
  {
    const uint32_t numerator[2] = {f[5], f[7]};
    const char* numerator_weights[2] = {"1", "-1"};
    const uint32_t denominator[1] = {f[7]};
    EXPECT(TIEOUT_OK, tieout_audit_add_ratio(audit, f[8], numerator, numerator_weights, 2,
                                             denominator, NULL, 1, "100", &c[3]));
    EXPECT(TIEOUT_OK, tieout_audit_add_ratio(audit, f[9], numerator, numerator_weights, 2,
                                             denominator, NULL, 1, "100", &c[4]));
    /* Errors: no numerator, a NULL array, a weight or multiplier that is
     * not a decimal, a figure past the end. */
    EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_add_ratio(audit, f[8], numerator, NULL, 0,
                                                             denominator, NULL, 1, "100", &id));
    EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_add_ratio(audit, f[8], numerator, NULL, 1,
                                                             denominator, NULL, 0, "100", &id));
    EXPECT(TIEOUT_E_INVALID_ARGUMENT,
           tieout_audit_add_ratio(audit, f[8], NULL, NULL, 1, denominator, NULL, 1, "100", &id));
    EXPECT(TIEOUT_E_PARSE, tieout_audit_add_ratio(audit, f[8], numerator, bad_weight, 1,
                                                  denominator, NULL, 1, "100", &id));
    EXPECT(TIEOUT_E_PARSE, tieout_audit_add_ratio(audit, f[8], numerator, NULL, 1, denominator,
                                                  NULL, 1, "100%", &id));
    EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_add_ratio(audit, f[8], numerator, NULL, 1,
                                                             denominator, NULL, 1, NULL, &id));
    EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_add_ratio(audit, 1000, numerator, NULL, 1,
                                                         denominator, NULL, 1, "100", &id));
  }

  /* Equality: 1,885.6 stated twice ties. 1,886 million, printed to the
   * million, stands for 1,885.5..1,886.5, which holds 1,885.6: rounding.
   * 1,885.4 is printed to the same precision as 1,885.6, so it must be
   * printed the same (XBRL duplicate facts, check.hpp): it fails, though
   * the two are only 0.2 apart. */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,885.6", "RMB", "2024-07-01..2024-09-30", 6,
                                            NULL, "line 69", 69, 1, &f[10]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,886", "RMB", "2024-07-01..2024-09-30", 6,
                                            NULL, "line 69", 69, 2, &f[11]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,885.4", "RMB", "2024-07-01..2024-09-30", 6,
                                            NULL, "line 69", 69, 3, &f[12]));
  EXPECT(TIEOUT_OK, tieout_audit_add_equality(audit, f[5], f[10], &c[5]));
  EXPECT(TIEOUT_OK, tieout_audit_add_equality(audit, f[5], f[11], &c[6]));
  EXPECT(TIEOUT_OK, tieout_audit_add_equality(audit, f[5], f[12], &c[7]));

  /* Period sum, nine months 2024 in RMB thousands (line 222, fields 3, 4,
   * 5 and 8): 1,775,684 + 1,891,780 = 3,667,464, + 1,885,574 = 5,553,038. */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,775,684", "RMB", "2024-01-01..2024-03-31", 3,
                                            "Total revenues", NULL, 222, 3, &f[13]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,891,780", "RMB", "2024-04-01..2024-06-30", 3,
                                            "Total revenues", NULL, 222, 4, &f[14]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "5,553,038", "RMB", "2024-01-01..2024-09-30", 3,
                                            "Total revenues", NULL, 222, 8, &f[15]));
  {
    const uint32_t quarters[3] = {f[13], f[14], f[3]};
    const uint32_t two_quarters[2] = {f[13], f[14]};
    EXPECT(TIEOUT_OK, tieout_audit_add_period_sum(audit, f[15], quarters, 3, &c[8]));
    /* Q1 + Q2 do not tile nine months: no figures could make that hold. */
    EXPECT(TIEOUT_E_CONSTRAINT, tieout_audit_add_period_sum(audit, f[15], two_quarters, 2, &id));
    CHECK(contains(tieout_audit_last_error(audit), "do not tile"));
    EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_add_period_sum(audit, f[15], NULL, 2, &id));
    EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_add_period_sum(audit, 1000, quarters, 3, &id));
  }

  /* Roll-forward (hand-made): cash of 2,255,287 at Dec 31, 2023, less
   * 637,352 over nine months, is 1,617,935 at Sep 30, 2024. */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "2,255,287", "RMB", "2023-12-31", 3, "Cash",
                                            NULL, 0, 0, &f[16]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "(637,352)", "RMB", "2024-01-01..2024-09-30", 3,
                                            "Net change in cash", NULL, 0, 0, &f[17]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,617,935", "RMB", "2024-09-30", 3, "Cash",
                                            NULL, 0, 0, &f[18]));
  {
    const uint32_t movement[1] = {f[17]};
    EXPECT(TIEOUT_OK, tieout_audit_add_roll_forward(audit, f[18], f[16], movement, 1, &c[9]));
    /* Balances must be at instants. */
    EXPECT(TIEOUT_E_CONSTRAINT,
           tieout_audit_add_roll_forward(audit, f[15], f[16], movement, 1, &id));
    EXPECT(TIEOUT_E_INVALID_ARGUMENT,
           tieout_audit_add_roll_forward(audit, f[18], f[16], NULL, 1, &id));
    EXPECT(TIEOUT_E_OUT_OF_RANGE,
           tieout_audit_add_roll_forward(audit, f[18], 1000, movement, 1, &id));
  }

  /* A weighted footing: gross profit 303,354 = 1,885,574 - 1,582,220 with
   * cost printed positive (hand-made; the release prints it in parentheses). */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,582,220", "RMB", "2024-07-01..2024-09-30", 3,
                                            "Cost", NULL, 0, 0, &f[19]));
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "303,354", "RMB", "2024-07-01..2024-09-30", 3,
                                            "Gross profit", NULL, 0, 0, &f[20]));
  {
    const uint32_t revenue_less_cost[2] = {f[3], f[19]};
    const char* weights[2] = {"1", "-1"};
    EXPECT(TIEOUT_OK,
           tieout_audit_add_footing(audit, f[20], revenue_less_cost, weights, 2, &c[10]));
    EXPECT(TIEOUT_E_PARSE,
           tieout_audit_add_footing(audit, f[20], revenue_less_cost, bad_weight, 1, &id));
    EXPECT(TIEOUT_OK, tieout_audit_add_footing(audit, f[20], &f[19], minus_one, 0, NULL));
  }

  /* Constraints that cannot hold, whatever the figures. */
  EXPECT(TIEOUT_E_CONSTRAINT, tieout_audit_add_footing(audit, f[3], &f[6], NULL, 1, &id));
  CHECK(contains(tieout_audit_last_error(audit), "footing"));
  EXPECT(TIEOUT_E_CONSTRAINT, tieout_audit_add_equality(audit, f[5], f[7], &id)); /* 2023 vs 2024 */
  EXPECT(TIEOUT_E_CONSTRAINT, tieout_audit_add_conversion(audit, f[6], f[5], "0", &id));
  EXPECT(TIEOUT_E_CONSTRAINT, tieout_audit_add_conversion(audit, f[6], f[5], "-7.0176", &id));
  EXPECT(TIEOUT_E_PARSE, tieout_audit_add_conversion(audit, f[6], f[5], "7,0176", &id));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_add_conversion(audit, f[6], f[5], NULL, &id));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_add_conversion(audit, 1000, f[5], "1", &id));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_add_equality(audit, f[5], 1000, &id));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_add_footing(audit, 1000, f, NULL, 1, &id));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_add_footing(audit, f[3], NULL, NULL, 1, &id));

  /* Figures that cannot be added: text, unit, period or scale wrong. Text
   * that is not a figure is added, as unreadable (a damaged cell). */
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_audit_add_figure(audit, NULL, NULL, NULL, 0, NULL, NULL, 0, 0, &id));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_audit_add_figure(audit, "1", "dollars", NULL, 0, NULL, NULL, 0, 0, &id));
  CHECK(contains(tieout_audit_last_error(audit), "unit \"dollars\""));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_audit_add_figure(audit, "1", NULL, "2024-09-31", 0, NULL, NULL, 0, 0, &id));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_audit_add_figure(audit, "1", NULL, "2024-09-30..2024-07-01", 0, NULL, NULL, 0, 0,
                                 &id));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_audit_add_figure(audit, "1", NULL, "Q3 2024", 0, NULL, NULL, 0, 0, &id));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT,
         tieout_audit_add_figure(audit, "1", NULL, NULL, 4, NULL, NULL, 0, 0, &id));
  EXPECT(TIEOUT_OK,
         tieout_audit_add_figure(audit, "1,23,4", NULL, NULL, 0, NULL, NULL, 0, 0, &f[21]));
  EXPECT(TIEOUT_E_NO_VALUE, tieout_audit_figure_value(audit, f[21], &text));
  /* Every unit spelling the header lists. */
  EXPECT(TIEOUT_OK,
         tieout_audit_add_figure(audit, "0.09", "USD/ADS", NULL, 0, NULL, NULL, 0, 0, &f[22]));
  EXPECT(TIEOUT_OK, tieout_audit_figure_unit(audit, f[22], &text));
  CHECK_STR(text, "USD/ADS");
  EXPECT(TIEOUT_OK, tieout_audit_figure_period(audit, f[22], &text));
  CHECK_STR(text, "0001-01-01..0001-12-31");
  {
    const char* units[][2] = {{"RMB/share", "CNY/share"},
                              {"shares", "shares"},
                              {"ADS", "ADS"},
                              {"pure", "pure"},
                              {"", "pure"},
                              {"%", "%"},
                              {"HK$", "HKD"},
                              {"EUR", "EUR"}};
    size_t u = 0;
    for (u = 0; u < sizeof units / sizeof units[0]; ++u) {
      EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1", units[u][0], "2024-09-30", 0, NULL,
                                                NULL, 0, 0, &id));
      EXPECT(TIEOUT_OK, tieout_audit_figure_unit(audit, id, &text));
      CHECK_STR(text, units[u][1]);
    }
  }
  /* An unreadable figure makes the check that needs it incomplete. */
  EXPECT(TIEOUT_OK, tieout_audit_add_figure(audit, "1,23,4", "RMB", "2024-07-01..2024-09-30", 3,
                                            NULL, NULL, 0, 0, &f[23]));
  EXPECT(TIEOUT_OK, tieout_audit_add_equality(audit, f[3], f[23], &c[11]));

  /* Constraints before the check: kinds and figures. */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_count(audit, &n));
  CHECK(n == 13); /* c[0..11] and the footing without parts */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_kind(audit, c[0], &kind));
  CHECK(kind == TIEOUT_CONSTRAINT_FOOTING);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_kind(audit, c[2], &kind));
  CHECK(kind == TIEOUT_CONSTRAINT_CONVERSION);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_kind(audit, c[3], &kind));
  CHECK(kind == TIEOUT_CONSTRAINT_RATIO);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_kind(audit, c[5], &kind));
  CHECK(kind == TIEOUT_CONSTRAINT_EQUALITY);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_kind(audit, c[8], &kind));
  CHECK(kind == TIEOUT_CONSTRAINT_PERIOD_SUM);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_kind(audit, c[9], &kind));
  CHECK(kind == TIEOUT_CONSTRAINT_ROLL_FORWARD);
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_constraint_kind(audit, 13, &kind));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_constraint_kind(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_constraint_count(audit, NULL));
  /* A footing bears on its total, then its parts. */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_figure_count(audit, c[0], &n));
  CHECK(n == 4);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_figure(audit, c[0], 0, &id));
  CHECK(id == f[3]);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_figure(audit, c[0], 3, &id));
  CHECK(id == f[2]);
  /* A ratio on its figure, its numerator's, its denominator's. */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_figure_count(audit, c[3], &n));
  CHECK(n == 4);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_figure(audit, c[3], 0, &id));
  CHECK(id == f[8]);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_figure(audit, c[3], 2, &id));
  CHECK(id == f[7]);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_figure(audit, c[3], 3, &id));
  CHECK(id == f[7]);
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_constraint_figure(audit, c[3], 4, &id));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_constraint_figure(audit, 13, 0, &id));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_constraint_figure(audit, c[3], 0, NULL));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_constraint_figure_count(audit, 13, &n));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_constraint_figure_count(audit, 0, NULL));

  EXPECT(TIEOUT_OK, tieout_audit_check(audit, 0));

  /* The footing ties exactly; the misprinted one fails by 10 thousand. */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[0], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_PASS);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_difference(audit, c[0], &text));
  CHECK_STR(text, "0");
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[1], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_FAIL);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_difference(audit, c[1], &text));
  CHECK_STR(text, "10000");
  /* Three figures in thousands each stand for +-500, the nil one for
   * exactly nothing: tolerance 1,500. */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_tolerance(audit, c[1], &text));
  {
    int order = 1;
    EXPECT(TIEOUT_OK, tieout_decimal_compare(text, "1500", &order));
    CHECK(order == 0);
  }
  EXPECT(TIEOUT_OK, tieout_audit_constraint_explanation(audit, c[1], &text));
  CHECK(text != NULL && text[0] != '\0');
  EXPECT(TIEOUT_OK, tieout_audit_figure_status(audit, f[4], &figure_status));
  CHECK(figure_status == TIEOUT_FIGURE_FAILS);
  /* The conversion holds by rounding: 7.0176 x 268,700,000 - 1,885,600,000
   * = 29,120 in units, within 7.0176 x 50,000 + 50,000 = 400,880. */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[2], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_ROUNDING);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_difference(audit, c[2], &text));
  {
    int order = 1;
    EXPECT(TIEOUT_OK, tieout_decimal_compare(text, "29120", &order));
    CHECK(order == 0);
    EXPECT(TIEOUT_OK, tieout_audit_constraint_tolerance(audit, c[2], &text));
    EXPECT(TIEOUT_OK, tieout_decimal_compare(text, "400880", &order));
    CHECK(order == 0);
  }
  EXPECT(TIEOUT_OK, tieout_audit_figure_status(audit, f[6], &figure_status));
  CHECK(figure_status == TIEOUT_FIGURE_ROUNDING);
  /* Growth 16.0% passes, 17.0% fails. */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[3], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_PASS);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[4], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_FAIL);
  /* Equalities: exact, by rounding, failing. */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[5], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_PASS);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[6], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_ROUNDING);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[7], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_FAIL);
  /* Period sum, roll-forward and weighted footing tie exactly. */
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[8], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_PASS);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[9], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_PASS);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[10], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_PASS);
  EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, c[11], &verdict));
  CHECK(verdict == TIEOUT_VERDICT_INCOMPLETE);
  EXPECT(TIEOUT_OK, tieout_audit_figure_status(audit, f[21], &figure_status));
  CHECK(figure_status == TIEOUT_FIGURE_UNREADABLE);
  EXPECT(TIEOUT_OK, tieout_audit_figure_status(audit, f[22], &figure_status));
  CHECK(figure_status == TIEOUT_FIGURE_UNVERIFIED);

  /* Results: errors. */
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_constraint_verdict(audit, 13, &verdict));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_constraint_difference(audit, 13, &text));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_constraint_tolerance(audit, 13, &text));
  EXPECT(TIEOUT_E_OUT_OF_RANGE, tieout_audit_constraint_explanation(audit, 13, &text));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_constraint_verdict(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_constraint_difference(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_constraint_tolerance(audit, 0, NULL));
  EXPECT(TIEOUT_E_INVALID_ARGUMENT, tieout_audit_constraint_explanation(audit, 0, NULL));
  {
    /* Failed: c[1], c[4], c[7] and the footing without parts (303,354 is
     * not 0). Findings: those, the two roundings (c[2], c[6]) and the
     * incomplete c[11]. */
    size_t failed = 0, findings = 0;
    uint32_t first = 99;
    EXPECT(TIEOUT_OK, tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, &failed));
    CHECK(failed == 4);
    EXPECT(TIEOUT_OK, tieout_audit_finding_count(audit, &findings));
    CHECK(findings == 7);
    EXPECT(TIEOUT_OK, tieout_audit_finding(audit, 0, &first));
    CHECK(first == c[1]);
  }
  tieout_audit_free(audit);
}

/* The spreadsheet pattern: TIEOUT_FOOT(parts; total) is an audit of a few
 * cells, one footing, one check. 900 + 200 = 1,100 ties; with 1,110 it
 * fails by 10. */
static void test_spreadsheet_pattern(void) {
  const char* totals[2] = {"1,100", "1,110"};
  const char* expected[2] = {"ties", "fails by 10"};
  char rounded[TIEOUT_DECIMAL_BUFFER_SIZE];
  int t = 0;
  for (t = 0; t < 2; ++t) {
    tieout_audit* audit = NULL;
    uint32_t parts[2], total = 0, footing = 0;
    tieout_verdict verdict = TIEOUT_VERDICT_INFO;
    const char* difference = NULL;
    char answer[TIEOUT_DECIMAL_BUFFER_SIZE + 16];
    EXPECT(TIEOUT_OK, tieout_audit_create(&audit));
    EXPECT(TIEOUT_OK,
           tieout_audit_add_figure(audit, "900", NULL, NULL, 0, NULL, NULL, 0, 0, &parts[0]));
    EXPECT(TIEOUT_OK,
           tieout_audit_add_figure(audit, "200", NULL, NULL, 0, NULL, NULL, 0, 0, &parts[1]));
    EXPECT(TIEOUT_OK,
           tieout_audit_add_figure(audit, totals[t], NULL, NULL, 0, NULL, NULL, 0, 0, &total));
    EXPECT(TIEOUT_OK, tieout_audit_add_footing(audit, total, parts, NULL, 2, &footing));
    EXPECT(TIEOUT_OK, tieout_audit_check(audit, 0));
    EXPECT(TIEOUT_OK, tieout_audit_constraint_verdict(audit, footing, &verdict));
    EXPECT(TIEOUT_OK, tieout_audit_constraint_difference(audit, footing, &difference));
    if (verdict == TIEOUT_VERDICT_FAIL) {
      /* Shown at the figures' precision, as the sheet prints them. */
      EXPECT(TIEOUT_OK,
             tieout_decimal_format(difference, 0, TIEOUT_ROUND_HALF_UP, TIEOUT_DECIMAL_GROUPING,
                                   rounded, sizeof rounded, NULL));
      snprintf(answer, sizeof answer, "fails by %s", rounded);
    } else {
      snprintf(answer, sizeof answer, "%s", verdict == TIEOUT_VERDICT_PASS ? "ties" : "rounding");
    }
    CHECK_STR(answer, expected[t]);
    tieout_audit_free(audit);
  }
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s SOURCE_DIR\n", argv[0]);
    return 2;
  }
  test_status_and_version();
  test_decimal_arithmetic();
  test_decimal_errors();
  test_handles();
  test_q3_2024_release(argv[1]);
  test_text_in_memory();
  test_suspects_tied();
  test_suspect_unique(argv[1]);
  test_filled();
  test_figures_and_constraints();
  test_spreadsheet_pattern();
  printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
