/* Robustness of the loading call, tieout_audit_add_text: thousands of
 * truncated, mutated and random buffers, from a fixed seed, each either
 * refused with an error status and a message, or read into an audit whose
 * check, findings and reports are consistent. Under AddressSanitizer (the
 * asan preset) any crash, overflow or leak fails the run.
 *
 * The seeds are pieces of the Q3 2024 release (each table's header rows
 * with a few lines, prose with convenience rates and figures) and a small
 * filing: small, so that thousands of inputs stay within seconds.
 *
 * Usage: fuzz_load_test SOURCE_DIR [INPUTS] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tieout.h"

static uint64_t state = 0x7469656f75747531ull; /* "tieoutu1": fixed, so every run is the same */

static uint64_t next(void) {
  /* xorshift64* */
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return state * 0x2545F4914F6CDD1Dull;
}

static size_t below(size_t n) {
  return n == 0 ? 0 : (size_t)(next() % n);
}

typedef struct {
  char* data;
  size_t size;
} buffer;

static void append(buffer* b, const char* data, size_t size) {
  b->data = (char*)realloc(b->data, b->size + size + 1);
  if (b->data == NULL) abort();
  memcpy(b->data + b->size, data, size);
  b->size += size;
}

/* Lines first..last (1-based, inclusive) of `text`. */
static buffer lines(const buffer* text, int first, int last) {
  buffer result = {NULL, 0};
  int line = 1;
  size_t at = 0;
  append(&result, "", 0);
  while (at < text->size && line <= last) {
    size_t end = at;
    while (end < text->size && text->data[end] != '\n')
      ++end;
    if (end < text->size) ++end;
    if (line >= first) append(&result, text->data + at, end - at);
    at = end;
    ++line;
  }
  return result;
}

static const char small_filing[] =
    "Example Corp\n"
    "Revenues (in thousands)\n"
    "\tFor the year ended December 31,\n"
    "\t2022\t2023\t2024\n"
    "\tRMB\tRMB\tRMB\n"
    "Products\t900\t1,000\t1,100\n"
    "Services\t200\t250\t300\n"
    "Total revenues\t1,100\t1,260\t1,400\n"
    "Cost\t(500)\t(600)\t-\n"
    "Revenues were RMB1.4 million (US$0.2 million) at RMB7.0176 to US$1.00.\n";

/* Text that means something to the reader, spliced in at random. */
static const char* const tokens[] = {"\t",
                                     "\n",
                                     "\r\n",
                                     "\0",
                                     "\xff",
                                     "\xc3",
                                     "(",
                                     ")",
                                     "-",
                                     ",",
                                     ".",
                                     "1",
                                     "999999",
                                     "RMB",
                                     "US$",
                                     " million",
                                     "%",
                                     "\xe2\x88\x92",
                                     "\xc2\xa0",
                                     "\xc2\xb9",
                                     "Total",
                                     "Sep 30, 2024",
                                     "Three Months Ended",
                                     "(in thousands)",
                                     "\t\t\t\t\t\t\t\t",
                                     "1,885.6",
                                     "12..5",
                                     "99999999999999999999999999999999999999999999"};

static buffer mutate(const buffer* seed) {
  buffer out = {NULL, 0};
  size_t edits = 1 + below(8), e = 0;
  append(&out, seed->data, seed->size);
  for (e = 0; e < edits; ++e) {
    size_t at = below(out.size + 1);
    switch (below(5)) {
      case 0: /* a byte replaced */
        if (out.size > 0) out.data[below(out.size)] = (char)below(256);
        break;
      case 1: { /* a token inserted */
        const char* token = tokens[below(sizeof tokens / sizeof tokens[0])];
        size_t n = token[0] == '\0' ? 1 : strlen(token);
        buffer rebuilt = {NULL, 0};
        append(&rebuilt, out.data, at);
        append(&rebuilt, token, n);
        append(&rebuilt, out.data + at, out.size - at);
        free(out.data);
        out = rebuilt;
        break;
      }
      case 2: { /* a span deleted */
        size_t n = below(out.size - at + 1);
        memmove(out.data + at, out.data + at + n, out.size - at - n);
        out.size -= n;
        break;
      }
      case 3: { /* a span repeated */
        size_t n = below(out.size - at + 1) % 200;
        buffer rebuilt = {NULL, 0};
        append(&rebuilt, out.data, at + n);
        append(&rebuilt, out.data + at, out.size - at);
        free(out.data);
        out = rebuilt;
        break;
      }
      default: /* truncated */ out.size = at; break;
    }
  }
  return out;
}

static buffer random_buffer(void) {
  static const char alphabet[] = "0123456789,.()-\t\n RMBUS$%million";
  buffer out = {NULL, 0};
  const int bytes = below(2) == 0;
  size_t size = below(bytes ? 512 : 2048), i = 0;
  append(&out, "", 0);
  for (i = 0; i < size; ++i) {
    char c = bytes ? (char)below(256) : alphabet[below(sizeof alphabet - 1)];
    append(&out, &c, 1);
  }
  return out;
}

static int failures = 0;
static size_t read_ok = 0, refused = 0, other = 0;

#define REQUIRE(condition, what)                                                                  \
  do {                                                                                            \
    if (!(condition)) {                                                                           \
      ++failures;                                                                                 \
      fprintf(stderr, "input %zu (%s): %s failed: %s\n", input, kind, what, tieout_last_error()); \
    }                                                                                             \
  } while (0)

/* Loads one buffer and, when it reads, checks that what comes out holds
 * together. */
static void load(const buffer* b, size_t input, const char* kind) {
  tieout_audit* audit = NULL;
  tieout_status status;
  if (tieout_audit_create(&audit) != TIEOUT_OK) abort();
  status = tieout_audit_add_text(audit, "fuzz.txt", b->size == 0 ? NULL : b->data, b->size, NULL);
  if (status == TIEOUT_E_READ) {
    ++refused;
    REQUIRE(strstr(tieout_audit_last_error(audit), "fuzz.txt") != NULL, "message names the file");
  } else if (status != TIEOUT_OK) {
    /* Any other status is a bug: text either reads or is refused as text. */
    ++other;
    REQUIRE(0, tieout_status_str(status));
  } else {
    size_t checks = 0, passed = 0, rounding = 0, failed = 0, incomplete = 0, info = 0;
    size_t findings = 0, figures = 0, i = 0;
    char* report = NULL;
    size_t report_size = 0;
    ++read_ok;
    status = tieout_audit_check(audit, 0);
    REQUIRE(status == TIEOUT_OK || status == TIEOUT_E_OVERFLOW, "check");
    if (status == TIEOUT_OK) {
      tieout_audit_summary(audit, TIEOUT_SUMMARY_CHECKS, &checks);
      tieout_audit_summary(audit, TIEOUT_SUMMARY_PASSED, &passed);
      tieout_audit_summary(audit, TIEOUT_SUMMARY_ROUNDING, &rounding);
      tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, &failed);
      tieout_audit_summary(audit, TIEOUT_SUMMARY_INCOMPLETE, &incomplete);
      tieout_audit_summary(audit, TIEOUT_SUMMARY_INFO, &info);
      REQUIRE(passed + rounding + failed + incomplete + info == checks, "verdicts add up");
      REQUIRE(tieout_audit_finding_count(audit, &findings) == TIEOUT_OK, "finding count");
      REQUIRE(findings == checks - passed, "findings are the checks not passed");
      for (i = 0; i < findings; ++i) {
        uint32_t constraint = 0;
        const char* explanation = NULL;
        REQUIRE(tieout_audit_finding(audit, i, &constraint) == TIEOUT_OK, "finding");
        REQUIRE(tieout_audit_constraint_explanation(audit, constraint, &explanation) == TIEOUT_OK,
                "explanation");
      }
      REQUIRE(tieout_audit_figure_count(audit, &figures) == TIEOUT_OK, "figure count");
      for (i = 0; i < figures; ++i) {
        const char* text = NULL;
        tieout_figure_status figure_status;
        REQUIRE(tieout_audit_figure_text(audit, (uint32_t)i, &text) == TIEOUT_OK, "figure text");
        REQUIRE(tieout_audit_figure_status(audit, (uint32_t)i, &figure_status) == TIEOUT_OK,
                "figure status");
      }
      /* Reports are the costly part; one input in four renders them all. */
      if (input % 4 == 0) {
        tieout_report_format format;
        for (format = TIEOUT_REPORT_TEXT; format <= TIEOUT_REPORT_MARKDOWN;
             format = (tieout_report_format)(format + 1)) {
          REQUIRE(tieout_audit_render(audit, format, &report, &report_size) == TIEOUT_OK, "render");
          REQUIRE(report != NULL && strlen(report) == report_size, "report is one string");
          if (format == TIEOUT_REPORT_JSON) {
            REQUIRE(report_size > 2 && report[0] == '{' && report[report_size - 2] == '}',
                    "JSON is an object");
          }
          tieout_free(report);
          report = NULL;
        }
      }
    }
  }
  tieout_audit_free(audit);
}

int main(int argc, char** argv) {
  char path[4096];
  FILE* file = NULL;
  buffer release = {NULL, 0};
  buffer seeds[6];
  size_t seed_count = 0, inputs = 3000, input = 0;
  char chunk[4096];
  size_t n = 0;

  if (argc < 2) {
    fprintf(stderr, "usage: %s SOURCE_DIR [INPUTS]\n", argv[0]);
    return 2;
  }
  if (argc > 2) inputs = (size_t)strtoul(argv[2], NULL, 10);
  snprintf(path, sizeof path, "%s/examples/filings/004_5d25836ba150503a.txt", argv[1]);
  file = fopen(path, "rb");
  if (file == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    return 2;
  }
  while ((n = fread(chunk, 1, sizeof chunk, file)) > 0)
    append(&release, chunk, n);
  fclose(file);

  /* The release's title and highlights (figures, a convenience rate); the
   * income statement's header and revenues; the balance sheet's header and
   * first lines; the cash flow summary; and the whole-file truncations
   * below. */
  seeds[seed_count++] = lines(&release, 50, 66);
  seeds[seed_count++] = lines(&release, 212, 226);
  seeds[seed_count++] = lines(&release, 158, 172);
  seeds[seed_count++] = lines(&release, 322, 338);
  seeds[seed_count].data = NULL;
  seeds[seed_count].size = 0;
  append(&seeds[seed_count], small_filing, sizeof small_filing - 1);
  ++seed_count;

  for (input = 0; input < inputs; ++input) {
    const char* kind = NULL;
    buffer b = {NULL, 0};
    switch (input % 8) {
      case 0: { /* the whole release, truncated: rarely, it costs the most */
        if (input % 64 == 0) {
          b.data = NULL;
          append(&b, release.data, below(release.size + 1));
          kind = "truncated release";
          break;
        }
      } /* fall through */
      case 1:
      case 2: { /* a seed truncated */
        const buffer* seed = &seeds[below(seed_count)];
        append(&b, seed->data, below(seed->size + 1));
        kind = "truncated";
        break;
      }
      case 3:
      case 4:
      case 5:
      case 6:
        b = mutate(&seeds[below(seed_count)]);
        kind = "mutated";
        break;
      default:
        b = random_buffer();
        kind = "random";
        break;
    }
    load(&b, input, kind);
    free(b.data);
  }
  for (n = 0; n < seed_count; ++n)
    free(seeds[n].data);
  free(release.data);
  printf("%zu inputs: %zu read, %zu refused, %zu other; %d failures\n", inputs, read_ok, refused,
         other, failures);
  /* Both outcomes must occur, or the inputs are not exercising the reader. */
  if (read_ok == 0 || refused == 0) {
    fprintf(stderr, "every input had the same outcome: the mutations are too weak or too strong\n");
    return 1;
  }
  return failures == 0 ? 0 : 1;
}
