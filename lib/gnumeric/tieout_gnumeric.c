/* tieout_gnumeric.c - tieout's worksheet functions for Gnumeric.
 *
 * TIEOUT_FOOT, TIEOUT_FX, TIEOUT_RATIO and TIEOUT_EXPLAIN as
 * docs/spreadsheets.md defines them, in C over tieout's C ABI
 * (include/tieout.h) and nothing else of tieout. plugin.xml beside this file
 * names the functions for Gnumeric, which loads this module the first time
 * one of them is computed.
 *
 * Each call is one small audit, created and freed within the call, so that
 * calls share no state: the cells as figures at the precision the sheet
 * holds them, one constraint, one check (docs/c-api.md, "Spreadsheet
 * functions over the ABI").
 *
 * Errors: an argument's cell that holds an error passes that error on; a
 * cell that holds text or a boolean, an empty cell or a range where one
 * cell is wanted, a kind TIEOUT_EXPLAIN does not know, and any call tieout
 * refuses give #VALUE!. A spreadsheet error carries no reason, so the
 * reason goes to GLib's debug log (G_MESSAGES_DEBUG=tieout shows it).
 */

/* newlocale and uselocale: numbers are written and read back in the C
 * locale whatever LC_NUMERIC Gnumeric runs in. */
#define _POSIX_C_SOURCE 200809L
#define G_LOG_DOMAIN "tieout"

#include <float.h>
#include <func.h>
#include <gnm-plugin.h>
#include <gnumeric.h>
#include <locale.h>
#include <math.h>
#include <sheet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tieout.h>
#include <value.h>

GNM_PLUGIN_MODULE_HEADER;

/* gnm_float is long double where Gnumeric is built with it (Debian's is):
 * the shortest text of a cell's number is found at that precision. */
#ifdef GNM_WITH_LONG_DOUBLE
#define TIEOUT_GNM_STRTO strtold
#define TIEOUT_GNM_DECIMAL_DIG LDBL_DECIMAL_DIG
#else
#define TIEOUT_GNM_STRTO strtod
#define TIEOUT_GNM_DECIMAL_DIG DBL_DECIMAL_DIG
#endif

/* One worksheet function call. */
typedef struct {
  GnmEvalPos const* ep;
  char const* function; /* "TIEOUT_FOOT": names the call in the debug log */
  tieout_audit* audit;
  uint32_t constraint;
  /* The places "fails by D" shows D at: the figures' own precision. */
  int difference_places;
} Call;

/* A number an argument holds, and the cell it came from. */
typedef struct {
  gnm_float number;
  Sheet const* sheet; /* NULL for a number written in the formula */
  int column, row;    /* 0-based, as Gnumeric counts; meaningful with sheet */
} ArgumentNumber;

/* Gives #VALUE! for a call, logging why. */
static GnmValue* refuse(Call const* call, char const* format, ...) G_GNUC_PRINTF(2, 3);

static GnmValue* refuse(Call const* call, char const* format, ...) {
  va_list arguments;
  char* reason;
  va_start(arguments, format);
  reason = g_strdup_vprintf(format, arguments);
  va_end(arguments);
  g_debug("%s: %s", call->function, reason);
  g_free(reason);
  return value_new_error_VALUE(call->ep);
}

/* #VALUE! for a status tieout returned, with tieout's own message. */
static GnmValue* refuse_status(Call const* call, tieout_status status) {
  char const* message =
      call->audit != NULL ? tieout_audit_last_error(call->audit) : tieout_last_error();
  return refuse(call, "%s: %s", tieout_status_str(status), message);
}

/* "1.61000e-01" (any decimal point) as "0.161": tieout reads plain
 * decimals, without an exponent. The digits are already the fewest that
 * read back, so only trailing zeros are dropped. */
static char* plain_decimal_from_scientific(char const* scientific) {
  GString* digits = g_string_new(NULL);
  GString* plain = g_string_new(NULL);
  char const* exponent_mark = strchr(scientific, 'e');
  char const* cursor;
  long point;
  long index;

  for (cursor = scientific; *cursor != '\0' && cursor != exponent_mark; ++cursor) {
    if (g_ascii_isdigit(*cursor)) g_string_append_c(digits, *cursor);
  }
  while (digits->len > 1 && digits->str[digits->len - 1] == '0') {
    g_string_truncate(digits, digits->len - 1);
  }
  /* d.ddd x 10^e has e + 1 digits before the point. */
  point = (exponent_mark != NULL ? strtol(exponent_mark + 1, NULL, 10) : 0) + 1;

  if (scientific[0] == '-') g_string_append_c(plain, '-');
  if (point <= 0) {
    g_string_append(plain, "0.");
    for (index = point; index < 0; ++index)
      g_string_append_c(plain, '0');
    g_string_append_len(plain, digits->str, (gssize)digits->len);
  } else if (point >= (long)digits->len) {
    g_string_append_len(plain, digits->str, (gssize)digits->len);
    for (index = (long)digits->len; index < point; ++index)
      g_string_append_c(plain, '0');
  } else {
    g_string_append_len(plain, digits->str, point);
    g_string_append_c(plain, '.');
    g_string_append_len(plain, digits->str + point, (gssize)digits->len - point);
  }
  g_string_free(digits, TRUE);
  return g_string_free(plain, FALSE);
}

/* The shortest decimal that reads back as `number`, written out without an
 * exponent ("1175535", "0.161", "7.0176"): the number the sheet holds at the
 * precision it holds it, never the binary fraction behind it
 * (0.16100000000000000000173...). NULL for infinities and NaN; g_free it. */
static char* shortest_decimal(gnm_float number) {
  char scientific[64];
  locale_t c_numeric;
  locale_t previous;
  int significant;

  if (!isfinite(number)) return NULL;
  /* "%e" of -0 is "-0e+00"; tieout's zero has no sign. */
  if (number == 0) return g_strdup("0");

  /* "%e" and strtold follow LC_NUMERIC, which Gnumeric takes from the
   * user's locale: a decimal comma would not read back. */
  c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
  if (c_numeric == (locale_t)0) return NULL;
  previous = uselocale(c_numeric);
  /* DECIMAL_DIG significant digits always read back, so the loop ends
   * with `scientific` holding the first that does. */
  for (significant = 1; significant <= TIEOUT_GNM_DECIMAL_DIG; ++significant) {
    snprintf(scientific, sizeof scientific, "%.*" GNM_FORMAT_e, significant - 1, number);
    if (TIEOUT_GNM_STRTO(scientific, NULL) == number) break;
  }
  uselocale(previous);
  freelocale(c_numeric);
  return plain_decimal_from_scientific(scientific);
}

/* What value_area_foreach hands each cell of one argument to. */
typedef struct {
  Call const* call;
  char const* role;
  gboolean one_cell; /* the argument stands for one figure */
  GArray* numbers;   /* ArgumentNumber */
  unsigned cells;    /* visited, empty or not */
} NumberCollector;

static GnmValue* cb_collect_number(GnmValueIter const* iter, gpointer user_data) {
  NumberCollector* collector = user_data;
  GnmValue const* value = iter->v;
  ArgumentNumber found;

  /* Stops at the second cell: a whole column passed for a total is
   * refused without visiting a million cells. */
  if (++collector->cells > 1 && collector->one_cell) {
    return refuse(collector->call, "%s must be one cell, not a range", collector->role);
  }
  if (VALUE_IS_EMPTY(value)) return NULL;
  /* The cell's own error says more than #VALUE! would. */
  if (VALUE_IS_ERROR(value)) return value_dup(value);
  /* Booleans count as numbers to VALUE_IS_NUMBER, but are no figure. */
  if (!VALUE_IS_FLOAT(value)) {
    return refuse(collector->call, "%s: a cell holding %s is not a number", collector->role,
                  VALUE_IS_STRING(value) ? "text" : "a boolean or array");
  }
  found.number = value_get_as_float(value);
  found.sheet = NULL;
  found.column = found.row = 0;
  if (iter->cell_iter != NULL) {
    found.sheet = iter->cell_iter->pp.sheet;
    found.column = iter->cell_iter->pp.eval.col;
    found.row = iter->cell_iter->pp.eval.row;
  }
  g_array_append_val(collector->numbers, found);
  return NULL;
}

/* Appends to `numbers` the number of each non-empty cell of `argument`
 * (a range, one cell, or a number in the formula), or gives the error
 * value to return. */
static GnmValue* collect_numbers(Call const* call, GnmValue const* argument, char const* role,
                                 GArray* numbers) {
  NumberCollector collector = {call, role, FALSE, numbers, 0};
  /* value_area_foreach evaluates each cell first (an 'A' argument's cells
   * may not have been computed yet); blank cells add nothing, so a long
   * range costs only its filled cells. */
  return value_area_foreach(argument, call->ep, CELL_ITER_IGNORE_BLANK, cb_collect_number,
                            &collector);
}

/* The one number of an argument that must be one non-empty cell. */
static GnmValue* read_one_number(Call const* call, GnmValue const* argument, char const* role,
                                 ArgumentNumber* out) {
  GArray* numbers = g_array_new(FALSE, FALSE, sizeof(ArgumentNumber));
  NumberCollector collector = {call, role, TRUE, numbers, 0};
  /* Every cell, blank or not, so that a range of one number and blanks is
   * refused as a range rather than read as that number. */
  GnmValue* error =
      value_area_foreach(argument, call->ep, CELL_ITER_ALL, cb_collect_number, &collector);
  if (error == NULL && numbers->len != 1) {
    error = refuse(call, "%s is empty", role);
  } else if (error == NULL) {
    *out = g_array_index(numbers, ArgumentNumber, 0);
  }
  g_array_free(numbers, TRUE);
  return error;
}

/* Adds `number` to the audit as a figure labelled `label`, at the cell it
 * came from (sheet, 1-based row and column) so that the explanation says
 * where it is. */
static GnmValue* add_figure(Call const* call, ArgumentNumber const* number, char const* label,
                            uint32_t* out_figure) {
  char* text = shortest_decimal(number->number);
  char const* sheet_name = NULL;
  uint32_t line = 0, column = 0;
  tieout_status status;
  if (text == NULL) return refuse(call, "%s is not a finite number", label);
  if (number->sheet != NULL) {
    sheet_name = number->sheet->name_unquoted;
    line = (uint32_t)number->row + 1;
    column = (uint32_t)number->column + 1;
  }
  status = tieout_audit_add_figure(call->audit, text, NULL, NULL, 0, label, sheet_name, line,
                                   column, out_figure);
  g_free(text);
  return status == TIEOUT_OK ? NULL : refuse_status(call, status);
}

/* Raises call->difference_places to the places `figure` is printed at. A
 * figure tieout could not read (a number past its 64 places) has none: the
 * check would be incomplete, so the call is refused here already. */
static GnmValue* include_precision_of(Call* call, uint32_t figure) {
  int decimals = 0;
  tieout_status status = tieout_audit_figure_decimals(call->audit, figure, &decimals);
  if (status != TIEOUT_OK) return refuse_status(call, status);
  if (decimals > call->difference_places) {
    call->difference_places = MIN(decimals, TIEOUT_DECIMAL_MAX_SCALE);
  }
  return NULL;
}

/* total = the sum of the parts. The difference, total less the sum, is
 * exact at the finest precision among them. */
static GnmValue* add_foot(Call* call, GnmValue const* parts, GnmValue const* total) {
  GArray* part_numbers = g_array_new(FALSE, FALSE, sizeof(ArgumentNumber));
  GArray* part_figures = g_array_new(FALSE, FALSE, sizeof(uint32_t));
  ArgumentNumber total_number;
  uint32_t total_figure = 0;
  guint index;
  tieout_status status;
  GnmValue* error = collect_numbers(call, parts, "parts", part_numbers);
  if (error == NULL) error = read_one_number(call, total, "total", &total_number);
  for (index = 0; error == NULL && index < part_numbers->len; ++index) {
    char* label = g_strdup_printf("part %u", index + 1);
    uint32_t figure = 0;
    error = add_figure(call, &g_array_index(part_numbers, ArgumentNumber, index), label, &figure);
    if (error == NULL) error = include_precision_of(call, figure);
    g_array_append_val(part_figures, figure);
    g_free(label);
  }
  if (error == NULL) error = add_figure(call, &total_number, "total", &total_figure);
  if (error == NULL) error = include_precision_of(call, total_figure);
  if (error == NULL) {
    status =
        tieout_audit_add_footing(call->audit, total_figure, (uint32_t const*)part_figures->data,
                                 NULL, part_figures->len, &call->constraint);
    if (status != TIEOUT_OK) error = refuse_status(call, status);
  }
  g_array_free(part_numbers, TRUE);
  g_array_free(part_figures, TRUE);
  return error;
}

/* converted x rate = amount. The difference is in the amount's currency,
 * so it is shown at the amount's precision. */
static GnmValue* add_fx(Call* call, GnmValue const* amount, GnmValue const* converted,
                        GnmValue const* rate) {
  ArgumentNumber amount_number, converted_number, rate_number;
  uint32_t amount_figure = 0, converted_figure = 0;
  char* rate_text = NULL;
  tieout_status status;
  GnmValue* error = read_one_number(call, amount, "amount", &amount_number);
  if (error == NULL) error = read_one_number(call, converted, "converted", &converted_number);
  if (error == NULL) error = read_one_number(call, rate, "rate", &rate_number);
  if (error == NULL) error = add_figure(call, &amount_number, "amount", &amount_figure);
  if (error == NULL) error = add_figure(call, &converted_number, "converted", &converted_figure);
  if (error == NULL) error = include_precision_of(call, amount_figure);
  /* The rate is the constraint's, not a figure: a canonical decimal. */
  if (error == NULL && (rate_text = shortest_decimal(rate_number.number)) == NULL) {
    error = refuse(call, "rate is not a finite number");
  }
  if (error == NULL) {
    status = tieout_audit_add_conversion(call->audit, converted_figure, amount_figure, rate_text,
                                         &call->constraint);
    if (status != TIEOUT_OK) error = refuse_status(call, status);
  }
  g_free(rate_text);
  return error;
}

/* ratio = numerator / denominator, shown at the ratio's precision. A
 * percentage cell holds the fraction (16.1% is 0.161), so the multiplier
 * is 1. */
static GnmValue* add_ratio(Call* call, GnmValue const* numerator, GnmValue const* denominator,
                           GnmValue const* ratio) {
  ArgumentNumber numerator_number, denominator_number, ratio_number;
  uint32_t numerator_figure = 0, denominator_figure = 0, ratio_figure = 0;
  tieout_status status;
  GnmValue* error = read_one_number(call, numerator, "numerator", &numerator_number);
  if (error == NULL) error = read_one_number(call, denominator, "denominator", &denominator_number);
  if (error == NULL) error = read_one_number(call, ratio, "ratio", &ratio_number);
  if (error == NULL) error = add_figure(call, &numerator_number, "numerator", &numerator_figure);
  if (error == NULL) {
    error = add_figure(call, &denominator_number, "denominator", &denominator_figure);
  }
  if (error == NULL) error = add_figure(call, &ratio_number, "ratio", &ratio_figure);
  if (error == NULL) error = include_precision_of(call, ratio_figure);
  if (error == NULL) {
    status = tieout_audit_add_ratio(call->audit, ratio_figure, &numerator_figure, NULL, 1,
                                    &denominator_figure, NULL, 1, "1", &call->constraint);
    if (status != TIEOUT_OK) error = refuse_status(call, status);
  }
  return error;
}

/* "ties", "rounding" or "fails by D". */
static GnmValue* answer_verdict(Call const* call) {
  tieout_verdict verdict = TIEOUT_VERDICT_INFO;
  char const* difference = NULL;
  char rounded[TIEOUT_DECIMAL_BUFFER_SIZE];
  char* answer;
  tieout_status status = tieout_audit_constraint_verdict(call->audit, call->constraint, &verdict);
  if (status != TIEOUT_OK) return refuse_status(call, status);
  switch (verdict) {
    case TIEOUT_VERDICT_PASS: return value_new_string("ties");
    case TIEOUT_VERDICT_ROUNDING: return value_new_string("rounding");
    case TIEOUT_VERDICT_FAIL:
      status = tieout_audit_constraint_difference(call->audit, call->constraint, &difference);
      if (status == TIEOUT_OK) {
        status = tieout_decimal_format(difference, call->difference_places, TIEOUT_ROUND_HALF_UP,
                                       TIEOUT_DECIMAL_GROUPING, rounded, sizeof rounded, NULL);
      }
      if (status != TIEOUT_OK) return refuse_status(call, status);
      answer = g_strconcat("fails by ", rounded, NULL);
      return value_new_string_nocopy(answer);
    default: {
      /* Incomplete (a zero denominator, say) and any verdict newer than
       * this plugin are not results the sheet knows: the explanation says
       * what happened. */
      char const* explanation = "";
      tieout_audit_constraint_explanation(call->audit, call->constraint, &explanation);
      return refuse(call, "%s: %s", tieout_verdict_str(verdict), explanation);
    }
  }
}

/* The finding in words, as tieout's reports print it. */
static GnmValue* answer_explanation(Call const* call) {
  char const* explanation = NULL;
  tieout_status status =
      tieout_audit_constraint_explanation(call->audit, call->constraint, &explanation);
  if (status != TIEOUT_OK) return refuse_status(call, status);
  return value_new_string(explanation);
}

typedef enum { CHECK_FOOT, CHECK_FX, CHECK_RATIO } CheckKind;

/* One call: a new audit, the figures and the constraint of `kind` from
 * `arguments`, one check, and the verdict or the explanation. The audit is
 * freed however the call ends. */
static GnmValue* run_check(GnmFuncEvalInfo* ei, char const* function, CheckKind kind,
                           GnmValue const* const* arguments, gboolean explain) {
  Call call = {ei->pos, function, NULL, 0, 0};
  GnmValue* result = NULL;
  tieout_status status = tieout_audit_create(&call.audit);
  if (status != TIEOUT_OK) return refuse_status(&call, status);
  switch (kind) {
    case CHECK_FOOT: result = add_foot(&call, arguments[0], arguments[1]); break;
    case CHECK_FX: result = add_fx(&call, arguments[0], arguments[1], arguments[2]); break;
    case CHECK_RATIO: result = add_ratio(&call, arguments[0], arguments[1], arguments[2]); break;
  }
  if (result == NULL) {
    status = tieout_audit_check(call.audit, 0);
    if (status != TIEOUT_OK) {
      result = refuse_status(&call, status);
    } else {
      result = explain ? answer_explanation(&call) : answer_verdict(&call);
    }
  }
  tieout_audit_free(call.audit);
  return result;
}

static GnmValue* gnumeric_tieout_foot(GnmFuncEvalInfo* ei, GnmValue const* const* args) {
  return run_check(ei, "TIEOUT_FOOT", CHECK_FOOT, args, FALSE);
}

static GnmValue* gnumeric_tieout_fx(GnmFuncEvalInfo* ei, GnmValue const* const* args) {
  return run_check(ei, "TIEOUT_FX", CHECK_FX, args, FALSE);
}

static GnmValue* gnumeric_tieout_ratio(GnmFuncEvalInfo* ei, GnmValue const* const* args) {
  return run_check(ei, "TIEOUT_RATIO", CHECK_RATIO, args, FALSE);
}

static GnmValue* gnumeric_tieout_explain(GnmFuncEvalInfo* ei, GnmValue const* const* args) {
  static struct {
    char const* name;
    CheckKind kind;
    int arguments; /* after the kind */
  } const kinds[] = {{"foot", CHECK_FOOT, 2}, {"fx", CHECK_FX, 3}, {"ratio", CHECK_RATIO, 3}};
  Call call = {ei->pos, "TIEOUT_EXPLAIN", NULL, 0, 0};
  int given = gnm_eval_info_get_arg_count(ei) - 1;
  char* kind = g_strstrip(g_strdup(value_peek_string(args[0])));
  GnmValue* result = NULL;
  size_t index;
  for (index = 0; index < G_N_ELEMENTS(kinds); ++index) {
    if (g_ascii_strcasecmp(kind, kinds[index].name) == 0) break;
  }
  if (index == G_N_ELEMENTS(kinds)) {
    result = refuse(&call, "kind must be \"foot\", \"fx\" or \"ratio\", not \"%s\"", kind);
  } else if (given != kinds[index].arguments) {
    result = refuse(&call, "\"%s\" takes %d arguments after the kind, not %d", kinds[index].name,
                    kinds[index].arguments, given);
  } else {
    result = run_check(ei, "TIEOUT_EXPLAIN", kinds[index].kind, args + 1, TRUE);
  }
  g_free(kind);
  return result;
}

static GnmFuncHelp const help_tieout_foot[] = {
    {GNM_FUNC_HELP_NAME, "TIEOUT_FOOT:whether a total is the sum of its parts, rounding-aware"},
    {GNM_FUNC_HELP_ARG, "parts:the cells that add up to the total; empty cells add nothing"},
    {GNM_FUNC_HELP_ARG, "total:the total"},
    {GNM_FUNC_HELP_DESCRIPTION,
     "TIEOUT_FOOT gives \"ties\" when @{total} is exactly the sum of @{parts}, \"rounding\" "
     "when it is only within the rounding of the figures, and \"fails by D\" otherwise, where D "
     "is the total less the sum of its parts. Each cell counts at the precision it holds its "
     "number."},
    {GNM_FUNC_HELP_NOTE, "Text, booleans and an empty total give #VALUE!."},
    {GNM_FUNC_HELP_EXAMPLES,
     "TIEOUT_FOOT of 1175535, 710039 and an empty cell against 1885574 "
     "is \"ties\"; against 1885604 it \"fails by 30\"."},
    {GNM_FUNC_HELP_SEEALSO, "TIEOUT_FX,TIEOUT_RATIO,TIEOUT_EXPLAIN"},
    {GNM_FUNC_HELP_END, NULL}};

static GnmFuncHelp const help_tieout_fx[] = {
    {GNM_FUNC_HELP_NAME, "TIEOUT_FX:whether a converted figure is an amount translated at a rate"},
    {GNM_FUNC_HELP_ARG, "amount:the amount in its own currency"},
    {GNM_FUNC_HELP_ARG, "converted:the amount translated"},
    {GNM_FUNC_HELP_ARG, "rate:units of the amount's currency for one of the converted"},
    {GNM_FUNC_HELP_DESCRIPTION,
     "TIEOUT_FX checks that @{converted} times @{rate} is @{amount}, rounding-aware: "
     "\"ties\", \"rounding\" or \"fails by D\", where D is the converted figure times the "
     "rate less the amount, at the amount's precision."},
    {GNM_FUNC_HELP_EXAMPLES,
     "TIEOUT_FX(1885574,268692,7.0176) is \"rounding\": 268,692 x 7.0176 = 1,885,572.9792."},
    {GNM_FUNC_HELP_SEEALSO, "TIEOUT_FOOT,TIEOUT_RATIO,TIEOUT_EXPLAIN"},
    {GNM_FUNC_HELP_END, NULL}};

static GnmFuncHelp const help_tieout_ratio[] = {
    {GNM_FUNC_HELP_NAME, "TIEOUT_RATIO:whether a ratio is its numerator over its denominator"},
    {GNM_FUNC_HELP_ARG, "numerator:the numerator"},
    {GNM_FUNC_HELP_ARG, "denominator:the denominator"},
    {GNM_FUNC_HELP_ARG, "ratio:the ratio as the sheet holds it (16.1% is 0.161)"},
    {GNM_FUNC_HELP_DESCRIPTION,
     "TIEOUT_RATIO checks that @{ratio} is @{numerator} divided by @{denominator}, "
     "rounding-aware: \"ties\", \"rounding\" or \"fails by D\", where D is the printed ratio "
     "less the computed one, at the ratio's precision."},
    {GNM_FUNC_HELP_NOTE, "A denominator that may be zero within rounding gives #VALUE!."},
    {GNM_FUNC_HELP_EXAMPLES, "TIEOUT_RATIO(303354,1885574,0.161) is \"rounding\"."},
    {GNM_FUNC_HELP_SEEALSO, "TIEOUT_FOOT,TIEOUT_FX,TIEOUT_EXPLAIN"},
    {GNM_FUNC_HELP_END, NULL}};

static GnmFuncHelp const help_tieout_explain[] = {
    {GNM_FUNC_HELP_NAME, "TIEOUT_EXPLAIN:the arithmetic of a tieout check in words"},
    {GNM_FUNC_HELP_ARG, "kind:\"foot\", \"fx\" or \"ratio\""},
    {GNM_FUNC_HELP_ARG, "first:the first argument of that check"},
    {GNM_FUNC_HELP_ARG, "second:the second argument of that check"},
    {GNM_FUNC_HELP_ARG, "third:the third argument of \"fx\" and \"ratio\""},
    {GNM_FUNC_HELP_DESCRIPTION,
     "TIEOUT_EXPLAIN(\"foot\",parts,total), TIEOUT_EXPLAIN(\"fx\",amount,converted,rate) and "
     "TIEOUT_EXPLAIN(\"ratio\",numerator,denominator,ratio) give the finding of TIEOUT_FOOT, "
     "TIEOUT_FX and TIEOUT_RATIO as tieout's reports print it: the figures, with their cells, "
     "the arithmetic, the difference and the tolerance."},
    {GNM_FUNC_HELP_SEEALSO, "TIEOUT_FOOT,TIEOUT_FX,TIEOUT_RATIO"},
    {GNM_FUNC_HELP_END, NULL}};

/* The function group "tieout" of plugin.xml: Gnumeric looks up
 * <service id>_functions. 'A' arguments arrive as references, unevaluated,
 * so that a range's cells, their positions and their errors can be told
 * apart; a number written in the formula arrives as itself. */
G_MODULE_EXPORT GnmFuncDescriptor const tieout_functions[] = {
    {.name = "tieout_foot",
     .arg_spec = "AA",
     .help = help_tieout_foot,
     .fn_args = gnumeric_tieout_foot,
     .flags = GNM_FUNC_SIMPLE,
     .impl_status = GNM_FUNC_IMPL_STATUS_UNIQUE_TO_GNUMERIC,
     .test_status = GNM_FUNC_TEST_STATUS_BASIC},
    {.name = "tieout_fx",
     .arg_spec = "AAA",
     .help = help_tieout_fx,
     .fn_args = gnumeric_tieout_fx,
     .flags = GNM_FUNC_SIMPLE,
     .impl_status = GNM_FUNC_IMPL_STATUS_UNIQUE_TO_GNUMERIC,
     .test_status = GNM_FUNC_TEST_STATUS_BASIC},
    {.name = "tieout_ratio",
     .arg_spec = "AAA",
     .help = help_tieout_ratio,
     .fn_args = gnumeric_tieout_ratio,
     .flags = GNM_FUNC_SIMPLE,
     .impl_status = GNM_FUNC_IMPL_STATUS_UNIQUE_TO_GNUMERIC,
     .test_status = GNM_FUNC_TEST_STATUS_BASIC},
    {.name = "tieout_explain",
     .arg_spec = "sA|AA",
     .help = help_tieout_explain,
     .fn_args = gnumeric_tieout_explain,
     .flags = GNM_FUNC_SIMPLE,
     .impl_status = GNM_FUNC_IMPL_STATUS_UNIQUE_TO_GNUMERIC,
     .test_status = GNM_FUNC_TEST_STATUS_BASIC},
    {.name = NULL}};
