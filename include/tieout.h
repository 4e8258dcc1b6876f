/* tieout.h - tieout's C ABI: exact decimals, and audits of financial
 * statements, from C and any language with a C foreign-function interface.
 *
 * Everything here is C99 and includes only <stddef.h> and <stdint.h>. Only
 * what this header declares is public; the library (libtieout.so, CMake
 * target tieout::c) exports nothing else. The C++ API it is built on is
 * the headers under include/tieout/; docs/c-api.md is the reference of this header.
 *
 * Conventions (sqlite's and zstd's):
 * - Every function returns a tieout_status; TIEOUT_OK (0) is success. The
 *   only exceptions are the free functions (void, they accept NULL), the
 *   version calls and the *_str and *_last_error calls, which cannot fail.
 * - Handles are opaque. A handle used after it was freed, or a pointer that
 *   is not a live handle, gives TIEOUT_E_INVALID_HANDLE: live handles are
 *   kept in a registry, so a stale pointer is never dereferenced.
 * - OUT parameters are written only on success unless the function says
 *   otherwise. An OUT parameter marked "optional" may be NULL.
 * - Strings going in are NUL-terminated UTF-8. Strings coming out are
 *   either borrowed (const char*: owned by the handle, valid until the
 *   handle changes, as each function says) or written into a caller's
 *   buffer (decimals), or allocated by the library and released with
 *   tieout_free() (reports).
 * - Decimals cross as strings in the canonical form "-1234.50": never as
 *   double, so hosts without 128-bit integers keep every digit.
 * - Thread safety: calls without a handle may be made from any thread at
 *   once. One handle must not be used by two threads at the same time;
 *   separate handles may be used on separate threads concurrently.
 *
 * Stability: stable. Published signatures and enum values never change;
 * new functions and values are appended.
 */
#ifndef TIEOUT_H
#define TIEOUT_H

#include <stddef.h>
#include <stdint.h>

/** The version, mirrored from include/tieout/version.hpp token for token (a
 * test compiles both and compares them). */
/**@{*/
#define TIEOUT_VERSION_MAJOR 0
#define TIEOUT_VERSION_MINOR 1
#define TIEOUT_VERSION_PATCH 0
#define TIEOUT_VERSION \
  (TIEOUT_VERSION_MAJOR * 10000 + TIEOUT_VERSION_MINOR * 100 + TIEOUT_VERSION_PATCH)
/**@}*/

#ifndef TIEOUT_API
#if defined(_WIN32)
#if defined(TIEOUT_C_BUILDING)
#define TIEOUT_API __declspec(dllexport)
#else
#define TIEOUT_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define TIEOUT_API __attribute__((visibility("default")))
#else
#define TIEOUT_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================
 * Status codes
 * ====================================================================== */

/** What a call did. Values are never reused; new ones are appended below
 * 100. 100..199 are reserved for the solver. */
typedef enum tieout_status {
  TIEOUT_OK = 0,
  /** A required pointer is NULL, an enum value or scale is out of range, or
   * a string is not what the parameter takes (a unit, a period). */
  TIEOUT_E_INVALID_ARGUMENT = 1,
  /** The handle is NULL, was freed, or is not a handle of this library. */
  TIEOUT_E_INVALID_HANDLE = 2,
  /** An index or id past the end (a figure, constraint, finding, document). */
  TIEOUT_E_OUT_OF_RANGE = 3,
  /** The caller's buffer is too small; *out_length holds the length needed. */
  TIEOUT_E_BUFFER_TOO_SMALL = 4,
  /** Allocation failed. */
  TIEOUT_E_NO_MEMORY = 5,
  /** Text is not a decimal or a figure; the message gives the byte offset. */
  TIEOUT_E_PARSE = 6,
  /** A document cannot be read (missing, empty, binary, not UTF-8, no
   * tables); the message gives "file:line: reason". */
  TIEOUT_E_READ = 7,
  /** A result does not fit tieout's exact decimals (1024-bit coefficient,
   * 64 decimal places). Nothing is ever rounded or wrapped silently. */
  TIEOUT_E_OVERFLOW = 8,
  /** Arithmetic with no answer: division by zero. */
  TIEOUT_E_DOMAIN = 9,
  /** A constraint that cannot hold whatever the figures: parts of another
   * period or unit, periods that do not tile, a rate that is not positive. */
  TIEOUT_E_CONSTRAINT = 10,
  /** A call out of order: results asked for before tieout_audit_check (or
   * after a change since), a document added after the audit was checked. */
  TIEOUT_E_STATE = 11,
  /** The figure has no value: it is nil (a dash) or unreadable. */
  TIEOUT_E_NO_VALUE = 12,
  /** Nothing matches (tieout_audit_figure_at). */
  TIEOUT_E_NOT_FOUND = 13,
  /** A failure tieout did not expect: a bug; please report the message. */
  TIEOUT_E_INTERNAL = 99
} tieout_status;

/** A static English name of `status` ("ok", "invalid argument", ...);
 * "unknown status" for values this version does not know. Never NULL. */
TIEOUT_API const char* tieout_status_str(tieout_status status);

/** The message of the most recent failed call made on this thread, whatever
 * the handle; "" when none has failed. Owned by the library, valid until
 * the next failing call on this thread. Never NULL. */
TIEOUT_API const char* tieout_last_error(void);

/* ======================================================================
 * Version
 * ====================================================================== */

/** The library's version as "MAJOR.MINOR.PATCH" (static). Compare with
 * TIEOUT_VERSION_* to detect a header and library that do not match. */
TIEOUT_API const char* tieout_version(void);
/** The library's TIEOUT_VERSION: MAJOR * 10000 + MINOR * 100 + PATCH. */
TIEOUT_API unsigned tieout_version_number(void);

/** Releases a buffer the library allocated (tieout_audit_render). NULL is
 * ignored. Passing anything else is undefined, as with free(). */
TIEOUT_API void tieout_free(void* buffer);

/* ======================================================================
 * Decimals as strings
 *
 * Values go in as canonical decimals: an optional '-', digits, optionally
 * '.' and up to 64 digits ("-1234.50"); no '+', spaces, grouping or
 * exponent. Results come out the same way, exactly (sums, differences and
 * products are never rounded), written into the caller's buffer:
 *
 *   out, capacity   where to write the NUL-terminated result; out may be
 *                   NULL when capacity is 0, to ask for the length.
 *   out_length      optional: the result's length without the NUL, on
 *                   success and on TIEOUT_E_BUFFER_TOO_SMALL.
 *
 * TIEOUT_DECIMAL_BUFFER_SIZE bytes always suffice. On failure other than
 * TIEOUT_E_BUFFER_TOO_SMALL nothing is written. Errors are reported per
 * thread (tieout_last_error). Every function here is thread-safe.
 * ====================================================================== */

/** Enough for any decimal result, formatted with grouping and parentheses:
 * a 1024-bit coefficient has at most 309 digits. */
#define TIEOUT_DECIMAL_BUFFER_SIZE 512
/** The most decimal places a decimal carries. */
#define TIEOUT_DECIMAL_MAX_SCALE 64

/** How a value is brought to fewer decimal places. */
typedef enum tieout_rounding {
  TIEOUT_ROUND_HALF_UP = 0,   /**< to nearest, ties away from zero (filings) */
  TIEOUT_ROUND_HALF_EVEN = 1, /**< to nearest, ties to even */
  TIEOUT_ROUND_DOWN = 2,      /**< toward zero */
  TIEOUT_ROUND_UP = 3,        /**< away from zero */
  TIEOUT_ROUND_FLOOR = 4,     /**< toward negative infinity */
  TIEOUT_ROUND_CEILING = 5    /**< toward positive infinity */
} tieout_rounding;

/* Flags of tieout_decimal_format. */
#define TIEOUT_DECIMAL_GROUPING 1u    /**< thousands separated by ',' */
#define TIEOUT_DECIMAL_PARENTHESES 2u /**< negatives as "(1,234.5)", not "-1,234.5" */

/** Parses `text` and writes it back canonically (the scale is kept: "1.50"
 * stays "1.50"; "-0" becomes "0"). TIEOUT_E_PARSE when it is not a
 * canonical decimal or needs more than 1024 bits. */
TIEOUT_API tieout_status tieout_decimal_parse(const char* text, char* out, size_t capacity,
                                              size_t* out_length);

/** `value` at `scale` places (0..64), rounded by `mode` when places are
 * dropped, with `flags` (TIEOUT_DECIMAL_*; 0 gives the canonical form).
 * tieout_decimal_format("-1234.567", 2, TIEOUT_ROUND_HALF_UP,
 * TIEOUT_DECIMAL_GROUPING | TIEOUT_DECIMAL_PARENTHESES, ...) writes
 * "(1,234.57)". */
TIEOUT_API tieout_status tieout_decimal_format(const char* value, int scale, tieout_rounding mode,
                                               unsigned flags, char* out, size_t capacity,
                                               size_t* out_length);

/** a + b, a - b and a * b, exactly. The scale of a sum or difference is the
 * larger of the two; of a product, their sum (TIEOUT_E_OVERFLOW past 64). */
/**@{*/
TIEOUT_API tieout_status tieout_decimal_add(const char* a, const char* b, char* out,
                                            size_t capacity, size_t* out_length);
TIEOUT_API tieout_status tieout_decimal_subtract(const char* a, const char* b, char* out,
                                                 size_t capacity, size_t* out_length);
TIEOUT_API tieout_status tieout_decimal_multiply(const char* a, const char* b, char* out,
                                                 size_t capacity, size_t* out_length);
/**@}*/

/** dividend / divisor at `scale` places (0..64), rounded by `mode`.
 * TIEOUT_E_DOMAIN when the divisor is zero. */
TIEOUT_API tieout_status tieout_decimal_divide(const char* dividend, const char* divisor, int scale,
                                               tieout_rounding mode, char* out, size_t capacity,
                                               size_t* out_length);

/** *out = -1, 0 or 1 as a <, = or > b, by value (1.5 equals 1.50). */
TIEOUT_API tieout_status tieout_decimal_compare(const char* a, const char* b, int* out);

/** A figure as a filing prints it ("(1,234)", "RMB1,885.6 million",
 * "12.1%", "268.7¹") to its value in units, canonically ("1885600000" for
 * "RMB1,885.6 million"; percentages stay in percent: "12.1" for "12.1%"),
 * and optionally (out_decimals may be NULL) its printed precision as
 * XBRL's decimals (-5 for "1,885.6 million", 1 for "12.1%"): the pair is
 * what a spreadsheet needs to check ad-hoc figures at their printed
 * precision. TIEOUT_E_NO_VALUE for a nil figure (a lone dash),
 * TIEOUT_E_PARSE for text that is not a figure. */
TIEOUT_API tieout_status tieout_figure_parse(const char* text, char* out, size_t capacity,
                                             size_t* out_length, int* out_decimals);

/* ======================================================================
 * Audits
 *
 * An audit holds documents (filings as text: tables are lines of TAB-
 * separated fields), figures and the constraints between them. Reading a
 * document adds its figures and the arithmetic its layout states;
 * figures and constraints can also be added one by one (a spreadsheet's
 * cells, an audit script's rules). tieout_audit_check() checks them all,
 * rounding-aware: a figure printed to the thousand stands for every value
 * that rounds to it, so rounding is never reported as an error.
 *
 *   tieout_audit* audit = NULL;
 *   size_t failed = 0;
 *   if (tieout_audit_create(&audit) != TIEOUT_OK) return;
 *   if (tieout_audit_add_file(audit, "release.txt", NULL) == TIEOUT_OK &&
 *       tieout_audit_check(audit, 0) == TIEOUT_OK &&
 *       tieout_audit_summary(audit, TIEOUT_SUMMARY_FAILED, &failed) == TIEOUT_OK) {
 *     printf("%zu failed\n", failed);
 *   } else {
 *     printf("%s\n", tieout_audit_last_error(audit));
 *   }
 *   tieout_audit_free(audit);
 *
 * Figures, constraints and documents are numbered 0, 1, 2, ... in the order
 * they are added, whether read or added one by one. Borrowed strings are
 * valid until the audit changes (a document, figure or constraint added, a
 * check run) or is freed.
 * ====================================================================== */

/** An audit: documents, figures, the constraints between them and the last
 * check's results. Opaque; made by tieout_audit_create, released by
 * tieout_audit_free; used by one thread at a time. */
typedef struct tieout_audit tieout_audit;

/** A figure's standing after a check. */
typedef enum tieout_figure_status {
  TIEOUT_FIGURE_TIES = 0,       /**< every check on it passes */
  TIEOUT_FIGURE_ROUNDING = 1,   /**< a check holds only within rounding; none fails */
  TIEOUT_FIGURE_FAILS = 2,      /**< a check on it fails */
  TIEOUT_FIGURE_UNVERIFIED = 3, /**< no check bears on it */
  TIEOUT_FIGURE_UNREADABLE = 4, /**< its text is not a figure */
  TIEOUT_FIGURE_NIL = 5         /**< a dash that no check uses */
} tieout_figure_status;

/** How the check of one constraint ended. */
typedef enum tieout_verdict {
  TIEOUT_VERDICT_PASS = 0,       /**< the printed values satisfy it exactly */
  TIEOUT_VERDICT_ROUNDING = 1,   /**< satisfied only within the figures' rounding */
  TIEOUT_VERDICT_FAIL = 2,       /**< no values the figures stand for satisfy it */
  TIEOUT_VERDICT_INCOMPLETE = 3, /**< a figure it needs is unreadable */
  TIEOUT_VERDICT_INFO = 4        /**< consistent but notable (docs/checks.md) */
} tieout_verdict;

/** What a constraint states (tieout_audit_constraint_kind). */
typedef enum tieout_constraint_kind {
  TIEOUT_CONSTRAINT_FOOTING = 0,      /**< total = sum of parts */
  TIEOUT_CONSTRAINT_PERIOD_SUM = 1,   /**< whole period = sum of sub-periods */
  TIEOUT_CONSTRAINT_ROLL_FORWARD = 2, /**< closing = opening + movements */
  TIEOUT_CONSTRAINT_CONVERSION = 3,   /**< converted x rate = amount */
  TIEOUT_CONSTRAINT_EQUALITY = 4,     /**< a = b */
  TIEOUT_CONSTRAINT_RATIO = 5         /**< ratio = multiplier x numerator / denominator */
} tieout_constraint_kind;

/** What tieout_audit_summary counts. */
typedef enum tieout_summary_item {
  TIEOUT_SUMMARY_FIGURES = 0,
  TIEOUT_SUMMARY_CHECKS = 1, /**< constraints checked */
  TIEOUT_SUMMARY_PASSED = 2,
  TIEOUT_SUMMARY_ROUNDING = 3,
  TIEOUT_SUMMARY_FAILED = 4,
  TIEOUT_SUMMARY_INCOMPLETE = 5,
  TIEOUT_SUMMARY_INFO = 6,
  TIEOUT_SUMMARY_UNREADABLE = 7,        /**< figures */
  TIEOUT_SUMMARY_UNVERIFIED = 8,        /**< figures */
  TIEOUT_SUMMARY_UNPLACED = 9,          /**< table cells that could not be placed */
  TIEOUT_SUMMARY_NARRATIVE = 10,        /**< figures found in prose */
  TIEOUT_SUMMARY_NARRATIVE_LINKED = 11, /**< of those, tied to the tables */
  TIEOUT_SUMMARY_SUSPECTS = 12,         /**< figures the best explanations change */
  TIEOUT_SUMMARY_FILLED = 13            /**< unknown figures the checks determine */
} tieout_summary_item;

/** Report formats of tieout_audit_render (docs/report-schema.md for JSON). */
typedef enum tieout_report_format {
  TIEOUT_REPORT_TEXT = 0,
  TIEOUT_REPORT_JSON = 1,
  TIEOUT_REPORT_HTML = 2,
  TIEOUT_REPORT_MARKDOWN = 3
} tieout_report_format;

/** Flag of tieout_audit_check: figures were truncated, not rounded to
 * nearest (XBRL Calculations 1.1). */
#define TIEOUT_CHECK_TRUNCATION 1u

/** Static names: "pass", "rounding", "fail", "incomplete", "info";
 * "ties", "rounding", "fails", "unverified", "unreadable", "nil";
 * "footing", "period sum", "roll-forward", "conversion", "equality",
 * "ratio". "unknown" for values this version does not know. */
/**@{*/
TIEOUT_API const char* tieout_verdict_str(tieout_verdict verdict);
TIEOUT_API const char* tieout_figure_status_str(tieout_figure_status status);
TIEOUT_API const char* tieout_constraint_kind_str(tieout_constraint_kind kind);
/**@}*/

/** CONSTRUCTOR. *out = a new, empty audit (NULL on failure), to be released
 * with tieout_audit_free. */
TIEOUT_API tieout_status tieout_audit_create(tieout_audit** out);

/** DESTRUCTOR. Releases the audit and every string borrowed from it. NULL,
 * and a pointer that is not a live audit (freed twice), are ignored; the
 * latter is recorded as this thread's last error. */
TIEOUT_API void tieout_audit_free(tieout_audit* audit);

/** The message of the most recent failed call on `audit`; "" when none has
 * failed. Valid until the next failing call on it or its release. A NULL or
 * dead handle gives a static message saying so. Never NULL. */
TIEOUT_API const char* tieout_audit_last_error(const tieout_audit* audit);

/* --- Documents -------------------------------------------------------- */

/** Reads the filing at `path` (text; tables as TAB-separated lines): its
 * figures, the arithmetic its tables state, the figures of its prose tied
 * to the tables. *out_document (optional) = its id. TIEOUT_E_READ, with
 * "file:line: reason", when it cannot be read as text or has no table;
 * TIEOUT_E_STATE after tieout_audit_check (documents are compared with one
 * another once, when first checked: start a new audit). */
TIEOUT_API tieout_status tieout_audit_add_file(tieout_audit* audit, const char* path,
                                               uint32_t* out_document);

/** The same for a filing already in memory: `size` bytes at `data` (not
 * NUL-terminated; may be NULL when size is 0), reported as `name`
 * (optional; "(memory)" when NULL). The bytes are copied; any bytes at all
 * give either TIEOUT_OK or an error status. */
TIEOUT_API tieout_status tieout_audit_add_text(tieout_audit* audit, const char* name,
                                               const void* data, size_t size,
                                               uint32_t* out_document);

/* --- Figures ---------------------------------------------------------- */

/** Adds a figure printed as `text` ("(1,234)", "1,885.6", "12.1%", "-"):
 * parsed exactly at its printed precision; text that is not a figure gives
 * an unreadable figure (not an error), as a damaged cell of a filing does.
 *
 *   unit    optional (NULL or "" for a pure number): an ISO code ("CNY"),
 *           a printed currency ("RMB", "US$", "HK$"), "shares", "ADS", "%",
 *           "pure", "CNY/share" or "USD/ADS".
 *   period  optional: "2024-09-30" (a balance at the end of that day) or
 *           "2024-07-01..2024-09-30" (a flow, both days included). NULL
 *           puts every such figure in one undated period, shown as
 *           0001-01-01..0001-12-31.
 *   scale   the power of ten the table states amounts in: 0, 3 (in
 *           thousands), 6, 9 or 12.
 *   label   optional: the line item ("Total revenues"); figures of one file
 *           with the same label share a line item.
 *   file, line, column   optional (NULL, 0, 0): where the figure is, for
 *           reports ("Sheet1", 7, 3 for cell C7).
 *
 * *out_figure (optional) = its id. TIEOUT_E_INVALID_ARGUMENT for a unit,
 * period or scale that is not one of the above. */
TIEOUT_API tieout_status tieout_audit_add_figure(tieout_audit* audit, const char* text,
                                                 const char* unit, const char* period, int scale,
                                                 const char* label, const char* file, uint32_t line,
                                                 uint32_t column, uint32_t* out_figure);

/** *out = the number of figures, read and added. */
TIEOUT_API tieout_status tieout_audit_figure_count(const tieout_audit* audit, size_t* out);

/** *out_figure = the figure printed in `document` at 1-based `line` and
 * `column` (the TAB-separated field; the label is field 1).
 * TIEOUT_E_NOT_FOUND when none is. */
TIEOUT_API tieout_status tieout_audit_figure_at(const tieout_audit* audit, uint32_t document,
                                                uint32_t line, uint32_t column,
                                                uint32_t* out_figure);

/** A figure's source: *out = its file (borrowed), line and column. */
/**@{*/
TIEOUT_API tieout_status tieout_audit_figure_file(const tieout_audit* audit, uint32_t figure,
                                                  const char** out);
TIEOUT_API tieout_status tieout_audit_figure_line(const tieout_audit* audit, uint32_t figure,
                                                  uint32_t* out);
TIEOUT_API tieout_status tieout_audit_figure_column(const tieout_audit* audit, uint32_t figure,
                                                    uint32_t* out);
/**@}*/
/** *out = the text exactly as printed (borrowed). */
TIEOUT_API tieout_status tieout_audit_figure_text(const tieout_audit* audit, uint32_t figure,
                                                  const char** out);
/** *out = the value in units, scale applied, canonically (borrowed): 303,354
 * in thousands is "303354000". TIEOUT_E_NO_VALUE, *out = NULL, for a nil
 * or unreadable figure. */
TIEOUT_API tieout_status tieout_audit_figure_value(const tieout_audit* audit, uint32_t figure,
                                                   const char** out);
/** *out = the printed precision of the value as XBRL's decimals (-3 for a
 * whole number in thousands). TIEOUT_E_NO_VALUE for nil or unreadable. */
TIEOUT_API tieout_status tieout_audit_figure_decimals(const tieout_audit* audit, uint32_t figure,
                                                      int* out);
/** *out = its line item's label, its period ("2024-09-30" or
 * "2024-07-01..2024-09-30") and its unit ("CNY", "USD/ADS", "%", "pure"),
 * borrowed. */
/**@{*/
TIEOUT_API tieout_status tieout_audit_figure_label(const tieout_audit* audit, uint32_t figure,
                                                   const char** out);
TIEOUT_API tieout_status tieout_audit_figure_period(const tieout_audit* audit, uint32_t figure,
                                                    const char** out);
TIEOUT_API tieout_status tieout_audit_figure_unit(const tieout_audit* audit, uint32_t figure,
                                                  const char** out);
/**@}*/
/** *out = the figure's status after the last check. TIEOUT_E_STATE when the
 * audit has not been checked since it last changed. */
TIEOUT_API tieout_status tieout_audit_figure_status(const tieout_audit* audit, uint32_t figure,
                                                    tieout_figure_status* out);

/* --- Constraints ------------------------------------------------------ */

/* Each adds a constraint between figures of the audit and sets
 * *out_constraint (optional) to its id. TIEOUT_E_OUT_OF_RANGE for a figure
 * id past the end, TIEOUT_E_CONSTRAINT for one that cannot hold (see
 * above), TIEOUT_E_PARSE for a weight or rate that is not a decimal. */

/** total = sum of weights[i] x parts[i]. `weights` is optional: NULL adds
 * every part as printed (weight 1); "-1" subtracts a part printed
 * positive. Parts share the total's period and unit. `count` may be 0. */
TIEOUT_API tieout_status tieout_audit_add_footing(tieout_audit* audit, uint32_t total,
                                                  const uint32_t* parts, const char* const* weights,
                                                  size_t count, uint32_t* out_constraint);
/** whole = sum of parts, where the parts' periods tile the whole's. */
TIEOUT_API tieout_status tieout_audit_add_period_sum(tieout_audit* audit, uint32_t whole,
                                                     const uint32_t* parts, size_t count,
                                                     uint32_t* out_constraint);
/** closing = opening + sum of movements: balances at two instants, flows
 * over the days between them. */
TIEOUT_API tieout_status tieout_audit_add_roll_forward(tieout_audit* audit, uint32_t closing,
                                                       uint32_t opening, const uint32_t* movements,
                                                       size_t count, uint32_t* out_constraint);
/** converted x rate = amount: US$268.7 is RMB1,885.6 at 7.0176 is
 * tieout_audit_add_conversion(audit, usd, rmb, "7.0176", &c). */
TIEOUT_API tieout_status tieout_audit_add_conversion(tieout_audit* audit, uint32_t converted,
                                                     uint32_t amount, const char* rate,
                                                     uint32_t* out_constraint);
/** a = b: the same fact in two places. */
TIEOUT_API tieout_status tieout_audit_add_equality(tieout_audit* audit, uint32_t a, uint32_t b,
                                                   uint32_t* out_constraint);
/** ratio = multiplier x (sum of numerator terms) / (sum of denominator
 * terms): multiplier "100" for a percentage, "1" for EPS. Weights are
 * optional as for footings; both counts must be at least 1. */
TIEOUT_API tieout_status tieout_audit_add_ratio(tieout_audit* audit, uint32_t ratio,
                                                const uint32_t* numerator,
                                                const char* const* numerator_weights,
                                                size_t numerator_count, const uint32_t* denominator,
                                                const char* const* denominator_weights,
                                                size_t denominator_count, const char* multiplier,
                                                uint32_t* out_constraint);

/** *out = the number of constraints, inferred from documents and added. */
TIEOUT_API tieout_status tieout_audit_constraint_count(const tieout_audit* audit, size_t* out);
/** *out = what constraint `constraint` states. */
TIEOUT_API tieout_status tieout_audit_constraint_kind(const tieout_audit* audit,
                                                      uint32_t constraint,
                                                      tieout_constraint_kind* out);
/** The figures a constraint bears on: for a linear one its terms in order
 * (a footing's total, then its parts); for a ratio the ratio figure, then
 * the numerator's and the denominator's figures. */
/**@{*/
TIEOUT_API tieout_status tieout_audit_constraint_figure_count(const tieout_audit* audit,
                                                              uint32_t constraint, size_t* out);
TIEOUT_API tieout_status tieout_audit_constraint_figure(const tieout_audit* audit,
                                                        uint32_t constraint, size_t index,
                                                        uint32_t* out_figure);
/**@}*/

/* --- Checking --------------------------------------------------------- */

/** Checks every constraint (comparing the documents with one another the
 * first time). `flags`: 0 or TIEOUT_CHECK_TRUNCATION. Results stay until
 * the audit changes; checking again after a change is allowed. */
TIEOUT_API tieout_status tieout_audit_check(tieout_audit* audit, unsigned flags);

/** *out = a count of the last check. TIEOUT_E_STATE before a check. */
TIEOUT_API tieout_status tieout_audit_summary(const tieout_audit* audit, tieout_summary_item item,
                                              size_t* out);

/** How constraint `constraint` fared in the last check (TIEOUT_E_STATE
 * before one): its verdict; its difference (how far the printed values are
 * from satisfying it: total - sum of parts for a footing, in units; for a
 * ratio the printed less the computed ratio) and tolerance (how much the
 * figures' rounding can absorb), canonical decimals; and the arithmetic in
 * words. Strings are borrowed. */
/**@{*/
TIEOUT_API tieout_status tieout_audit_constraint_verdict(const tieout_audit* audit,
                                                         uint32_t constraint, tieout_verdict* out);
TIEOUT_API tieout_status tieout_audit_constraint_difference(const tieout_audit* audit,
                                                            uint32_t constraint, const char** out);
TIEOUT_API tieout_status tieout_audit_constraint_tolerance(const tieout_audit* audit,
                                                           uint32_t constraint, const char** out);
TIEOUT_API tieout_status tieout_audit_constraint_explanation(const tieout_audit* audit,
                                                             uint32_t constraint, const char** out);
/**@}*/

/** The findings of the last check, as reports list them: every constraint
 * that did not pass exactly (rounding, fail, incomplete, info), in
 * constraint order. *out_constraint = the constraint of finding `index`. */
/**@{*/
TIEOUT_API tieout_status tieout_audit_finding_count(const tieout_audit* audit, size_t* out);
TIEOUT_API tieout_status tieout_audit_finding(const tieout_audit* audit, size_t index,
                                              uint32_t* out_constraint);
/**@}*/

/** What the solver made of the last check (docs/solver.md). TIEOUT_E_STATE
 * before a check; TIEOUT_E_OUT_OF_RANGE for an index past the last.
 *
 * Suspects: figures whose change makes every failed check hold, by
 * component (failed checks that share figures) and rank. Suspect `index`:
 * its figure; the value that makes everything tie, as a canonical decimal
 * in units (scale applied) and as the figure would be printed ("43,227");
 * its rank, 1 for the best explanations of its component; and whether it
 * is the one best explanation (1) or one of several equally likely ones
 * (0), never to be taken as certain. Every output is optional (NULL when
 * not wanted); strings are borrowed.
 *
 * Filled: unreadable figures, and dashes where a check requires a value,
 * that the checks determine: figure `index`'s id, its value (canonical, in
 * units) and text, and whether the checks give it exactly (1) or rounded
 * to the printed precision (0). */
/**@{*/
TIEOUT_API tieout_status tieout_audit_suspect_count(const tieout_audit* audit, size_t* out);
TIEOUT_API tieout_status tieout_audit_suspect(const tieout_audit* audit, size_t index,
                                              uint32_t* out_figure, const char** out_proposed,
                                              const char** out_text, int* out_rank,
                                              int* out_unique);
TIEOUT_API tieout_status tieout_audit_filled_count(const tieout_audit* audit, size_t* out);
TIEOUT_API tieout_status tieout_audit_filled(const tieout_audit* audit, size_t index,
                                             uint32_t* out_figure, const char** out_value,
                                             const char** out_text, int* out_exact);
/**@}*/

/** The last check as a report in `format`. *out = a NUL-terminated buffer
 * the caller releases with tieout_free, *out_size (optional) its length
 * without the NUL; both untouched on failure. TIEOUT_E_STATE before a
 * check. */
TIEOUT_API tieout_status tieout_audit_render(const tieout_audit* audit, tieout_report_format format,
                                             char** out, size_t* out_size);

#ifdef __cplusplus
}
#endif

#endif /* TIEOUT_H */
