// lib/capi/tieout_c.cpp - the C ABI (include/tieout.h) over the C++ API.
//
// Every entry point is noexcept and runs its body inside call(), which turns
// any exception into a status and a message: nothing but a status crosses
// the boundary. Handles are checked against a registry of live handles
// before they are touched, so a freed or foreign pointer is refused without
// being dereferenced (a magic field would be read from freed memory).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "tieout.h"
#include "tieout/audit.hpp"
#include "tieout/decimal.hpp"
#include "tieout/printed_figure.hpp"
#include "tieout/report.hpp"
// Defines the version macros tieout.h mirrors: a redefinition with other
// values is an error under -Werror (tests/capi/version_test.cpp compares them
// too).
#include "tieout/version.hpp"

#define TIEOUT_STRINGIFY_(x) #x
#define TIEOUT_STRINGIFY(x) TIEOUT_STRINGIFY_(x)

namespace {

using tieout::ConstraintId;
using tieout::Decimal;
using tieout::FigureId;

// The C enums mirror the C++ ones value for value.
static_assert(TIEOUT_ROUND_CEILING == static_cast<int>(tieout::RoundingMode::ceiling));
static_assert(TIEOUT_ROUND_HALF_EVEN == static_cast<int>(tieout::RoundingMode::half_even));
static_assert(TIEOUT_FIGURE_NIL == static_cast<int>(tieout::FigureStatus::nil));
static_assert(TIEOUT_FIGURE_UNREADABLE == static_cast<int>(tieout::FigureStatus::unreadable));
static_assert(TIEOUT_VERDICT_INFO == static_cast<int>(tieout::Verdict::info));
static_assert(TIEOUT_VERDICT_INCOMPLETE == static_cast<int>(tieout::Verdict::incomplete));
static_assert(TIEOUT_CONSTRAINT_RATIO == static_cast<int>(tieout::ConstraintKind::ratio));
static_assert(TIEOUT_CONSTRAINT_EQUALITY == static_cast<int>(tieout::ConstraintKind::equality));
static_assert(sizeof(tieout_status) == sizeof(int));

// A failure the body of an entry point reports: thrown, caught by call().
struct Failure {
  tieout_status status;
  std::string message;
};

[[noreturn]] void fail(tieout_status status, std::string message) {
  throw Failure{status, std::move(message)};
}

// An enum parameter's value as the caller passed it. A C caller may pass any
// int; loading it as the enum type would be undefined (UBSan's enum check)
// when it is none of the enumerators, so the bytes are read as an int.
template <class E>
int raw(const E& value) noexcept {
  static_assert(sizeof(E) == sizeof(int));
  int result = 0;
  std::memcpy(&result, &value, sizeof result);
  return result;
}

// Text from a caller, shortened for a message (a fuzzed buffer can be huge).
std::string quoted(std::string_view text) {
  constexpr std::size_t most = 40;
  return "\"" + std::string(text.substr(0, most)) + (text.size() > most ? "...\"" : "\"");
}

// ---- Handles ----

class Registry {
 public:
  void add(const void* handle) {
    std::unique_lock lock(mutex_);
    live_.insert(handle);
  }
  bool remove(const void* handle) {
    std::unique_lock lock(mutex_);
    return live_.erase(handle) == 1;
  }
  bool contains(const void* handle) const {
    std::shared_lock lock(mutex_);
    return live_.count(handle) == 1;
  }

 private:
  mutable std::shared_mutex mutex_;
  std::unordered_set<const void*> live_;
};

// Never destroyed, so that a host calling tieout_audit_free from its own
// static destructors or atexit handlers still finds it.
Registry& registry() {
  static Registry* const instance = new Registry;
  return *instance;
}

// ---- Errors ----

thread_local std::string thread_error;

// Records `message` without throwing: a message that cannot be stored (out
// of memory) leaves the previous one.
void record(std::string& slot, const char* function, const std::string& message) noexcept {
  try {
    slot.assign(function).append(": ").append(message);
  } catch (...) {
  }
}

}  // namespace

struct tieout_audit {
  struct FigureStrings {
    std::string file, text, value, label, period, unit;
  };

  tieout::Audit audit;
  // The last check, until the audit changes.
  std::optional<tieout::TieOut> tie_out;
  std::vector<std::string> differences;     // per check result
  std::vector<std::string> tolerances;      // per check result
  std::vector<std::uint32_t> result_index;  // per constraint: its check result
  std::vector<std::uint32_t> findings;      // constraints that did not pass
  std::vector<std::string> proposed;        // per suspect, canonical
  std::vector<std::string> filled;          // per filled figure, canonical
  bool checked = false;                     // ever: documents are refused after

  // Figures added one by one: a document per file, one table in it, a line
  // item per label.
  std::map<std::string, tieout::DocumentId> added_documents;
  std::map<std::uint32_t, tieout::TableId> added_tables;
  std::map<std::pair<std::uint32_t, std::string>, tieout::LineItemId> added_items;
  std::vector<std::uint32_t> documents;  // ids of every document, read or added

  // Borrowed strings, built on first use; a figure's never change, and
  // unique_ptr keeps their addresses when the vector grows.
  mutable std::vector<std::unique_ptr<FigureStrings>> figure_strings;
  mutable std::string last_error;

  void changed() {
    tie_out.reset();
    differences.clear();
    tolerances.clear();
    result_index.clear();
    findings.clear();
    proposed.clear();
    filled.clear();
  }
};

namespace {

// Runs `body`, turning every exception into a status. The message goes to
// the thread and, when `handle` is a live audit, to it as well.
template <class Body>
tieout_status guarded(const char* function, const tieout_audit* handle, Body&& body) noexcept {
  tieout_status status = TIEOUT_OK;
  std::string message;
  try {
    return body();
  } catch (Failure& failure) {
    status = failure.status;
    message = std::move(failure.message);
  } catch (const tieout::parse_error& e) {
    status = TIEOUT_E_PARSE;
    message = e.what();
  } catch (const tieout::overflow_error& e) {
    status = TIEOUT_E_OVERFLOW;
    message = e.what();
  } catch (const tieout::domain_error& e) {
    status = TIEOUT_E_DOMAIN;
    message = e.what();
  } catch (const std::bad_alloc&) {
    status = TIEOUT_E_NO_MEMORY;
  } catch (const std::exception& e) {
    status = TIEOUT_E_INTERNAL;
    try {
      message = std::string("unexpected error: ") + e.what();
    } catch (...) {
    }
  } catch (...) {
    status = TIEOUT_E_INTERNAL;
  }
  if (message.empty()) message = tieout_status_str(status);
  record(thread_error, function, message);
  if (handle != nullptr) record(handle->last_error, function, message);
  return status;
}

bool is_live(const tieout_audit* handle) noexcept {
  try {
    return handle != nullptr && registry().contains(handle);
  } catch (...) {
    return false;
  }
}

// A call without a handle.
template <class Body>
tieout_status call(const char* function, Body&& body) noexcept {
  return guarded(function, nullptr, body);
}

// A call on the audit `handle`, refused unless it is live.
template <class Handle, class Body>
tieout_status call_audit(const char* function, Handle* handle, Body&& body) noexcept {
  const bool live = is_live(handle);
  return guarded(function, live ? handle : nullptr, [&] {
    if (handle == nullptr) fail(TIEOUT_E_INVALID_HANDLE, "the audit is NULL");
    if (!live) fail(TIEOUT_E_INVALID_HANDLE, "not a live tieout_audit (freed already?)");
    return body(*handle);
  });
}

void require(const void* pointer, const char* name) {
  if (pointer == nullptr) fail(TIEOUT_E_INVALID_ARGUMENT, std::string(name) + " is NULL");
}

// ---- Decimals ----

Decimal parse_decimal(const char* text, const char* name) {
  require(text, name);
  auto parsed = Decimal::try_parse(text);
  if (!parsed) {
    fail(TIEOUT_E_PARSE, std::string(name) + " " + quoted(text) + " is not a decimal: at byte " +
                             std::to_string(parsed.error().offset) + ": " + parsed.error().reason);
  }
  return std::move(parsed).value();
}

tieout::RoundingMode rounding(const tieout_rounding& mode) {
  const int value = raw(mode);
  if (value < TIEOUT_ROUND_HALF_UP || value > TIEOUT_ROUND_CEILING) {
    fail(TIEOUT_E_INVALID_ARGUMENT, "rounding mode " + std::to_string(value) + " is not 0..5");
  }
  return static_cast<tieout::RoundingMode>(value);
}

void require_scale(int scale) {
  if (scale < 0 || scale > TIEOUT_DECIMAL_MAX_SCALE) {
    fail(TIEOUT_E_INVALID_ARGUMENT, "scale " + std::to_string(scale) + " is not 0..64");
  }
}

// Writes `text` into the caller's buffer (see "Decimals as strings").
tieout_status write(const std::string& text, char* out, std::size_t capacity,
                    std::size_t* out_length) {
  if (out == nullptr && capacity != 0) fail(TIEOUT_E_INVALID_ARGUMENT, "out is NULL");
  if (out_length != nullptr) *out_length = text.size();
  if (capacity <= text.size()) {
    fail(TIEOUT_E_BUFFER_TOO_SMALL, "the result needs " + std::to_string(text.size() + 1) +
                                        " bytes, the buffer has " + std::to_string(capacity));
  }
  std::memcpy(out, text.c_str(), text.size() + 1);
  return TIEOUT_OK;
}

std::string formatted(const Decimal& value, unsigned flags) {
  std::string digits = value.abs().to_string();
  if ((flags & TIEOUT_DECIMAL_GROUPING) != 0) {
    const std::size_t point = std::min(digits.find('.'), digits.size());
    for (std::size_t at = point; at > 3; at -= 3)
      digits.insert(at - 3, ",");
  }
  if (value.signum() >= 0) return digits;
  if ((flags & TIEOUT_DECIMAL_PARENTHESES) != 0) return "(" + digits + ")";
  return "-" + digits;
}

// ---- Audits ----

using Audit = tieout_audit;

FigureId figure_id(const Audit& a, std::uint32_t figure) {
  const std::size_t count = a.audit.graph().figure_count();
  if (figure >= count) {
    fail(TIEOUT_E_OUT_OF_RANGE, "figure " + std::to_string(figure) + " is past the last (" +
                                    std::to_string(count) +
                                    (count == 1 ? " figure)" : " figures)"));
  }
  return FigureId(figure);
}

ConstraintId constraint_id(const Audit& a, std::uint32_t constraint) {
  const std::size_t count = a.audit.constraints().size();
  if (constraint >= count) {
    fail(TIEOUT_E_OUT_OF_RANGE, "constraint " + std::to_string(constraint) + " is past the last (" +
                                    std::to_string(count) +
                                    (count == 1 ? " constraint)" : " constraints)"));
  }
  return ConstraintId(constraint);
}

const tieout::TieOut& checked(const Audit& a) {
  if (!a.tie_out) {
    fail(TIEOUT_E_STATE, a.checked ? "the audit changed since it was checked; check it again"
                                   : "the audit has not been checked; call tieout_audit_check");
  }
  return *a.tie_out;
}

const tieout::CheckResult& result_of(const Audit& a, std::uint32_t constraint) {
  const tieout::TieOut& tie_out = checked(a);
  return tie_out.checks.results[a.result_index[constraint_id(a, constraint).index()]];
}

const Audit::FigureStrings& strings_of(const Audit& a, std::uint32_t figure) {
  const FigureId id = figure_id(a, figure);
  const tieout::StatementGraph& graph = a.audit.graph();
  if (a.figure_strings.size() < graph.figure_count()) a.figure_strings.resize(graph.figure_count());
  auto& slot = a.figure_strings[figure];
  if (!slot) {
    auto strings = std::make_unique<Audit::FigureStrings>();
    strings->file = graph.path(graph.location(id).document);
    strings->text = graph.text(id);
    if (const auto value = graph.value(id)) strings->value = value->to_string();
    strings->label = graph.label(graph.line_item(id));
    strings->period = graph.period(id).to_string();
    strings->unit = graph.unit(id).to_string();
    slot = std::move(strings);
  }
  return *slot;
}

template <class Out>
Out& out_param(Out* out, const char* name = "out") {
  require(out, name);
  return *out;
}

std::optional<tieout::Currency> currency(std::string_view text) {
  if (auto printed = tieout::Currency::from_printed(text)) return printed;
  const bool iso = text.size() == 3 && std::all_of(text.begin(), text.end(),
                                                   [](char c) { return c >= 'A' && c <= 'Z'; });
  if (iso) return tieout::Currency(text);
  return std::nullopt;
}

tieout::Unit parse_unit(const char* text) {
  if (text == nullptr || *text == '\0') return tieout::Unit::pure();
  const std::string_view unit(text);
  if (unit == "pure") return tieout::Unit::pure();
  if (unit == "%") return tieout::Unit::percent();
  if (unit == "shares") return tieout::Unit::shares();
  if (unit == "ADS") return tieout::Unit::ads();
  for (const std::string_view per : {std::string_view("/share"), std::string_view("/ADS")}) {
    if (unit.size() > per.size() && unit.substr(unit.size() - per.size()) == per) {
      if (auto c = currency(unit.substr(0, unit.size() - per.size()))) {
        return per == "/share" ? tieout::Unit::per_share(*c) : tieout::Unit::per_ads(*c);
      }
    }
  }
  if (auto c = currency(unit)) return tieout::Unit::money(*c);
  fail(TIEOUT_E_INVALID_ARGUMENT, "unit " + quoted(unit) +
                                      " is none of a currency, \"shares\", \"ADS\", \"%\", "
                                      "\"pure\", \"CUR/share\", \"CUR/ADS\"");
}

// "YYYY-MM-DD", strictly.
std::optional<tieout::Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t begin[3] = {0, 5, 8}, size[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = begin[f]; i < begin[f] + size[f]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (text[i] - '0');
    }
  }
  const tieout::Date date{std::chrono::year(fields[0]),
                          std::chrono::month(static_cast<unsigned>(fields[1])),
                          std::chrono::day(static_cast<unsigned>(fields[2]))};
  if (!date.ok()) return std::nullopt;
  return date;
}

tieout::Period parse_period(const char* text) {
  using namespace std::chrono;
  if (text == nullptr) return tieout::Duration(year(1) / January / 1, year(1) / December / 31);
  const std::string_view period(text);
  const std::size_t dots = period.find("..");
  if (dots == std::string_view::npos) {
    if (const auto date = parse_date(period)) return tieout::Instant(*date);
  } else {
    const auto first = parse_date(period.substr(0, dots));
    const auto last = parse_date(period.substr(dots + 2));
    if (first && last && sys_days(*first) <= sys_days(*last)) {
      return tieout::Duration(*first, *last);
    }
  }
  fail(TIEOUT_E_INVALID_ARGUMENT, "period " + quoted(period) +
                                      " is neither \"YYYY-MM-DD\" nor \"YYYY-MM-DD..YYYY-MM-DD\""
                                      " with the first day not after the last");
}

std::vector<FigureId> figures(const Audit& a, const uint32_t* ids, std::size_t count,
                              const char* name) {
  if (count != 0) require(ids, name);
  std::vector<FigureId> result;
  result.reserve(count);
  for (std::size_t i = 0; i < count; ++i)
    result.push_back(figure_id(a, ids[i]));
  return result;
}

tieout::LinearExpression terms(const Audit& a, const uint32_t* ids, const char* const* weights,
                               std::size_t count, const char* name) {
  const std::vector<FigureId> parts = figures(a, ids, count, name);
  tieout::LinearExpression result;
  for (std::size_t i = 0; i < count; ++i) {
    result.push_back(
        {parts[i], weights == nullptr ? Decimal(1) : parse_decimal(weights[i], "weight")});
  }
  return result;
}

// Adds a constraint: the builders' domain_error means the rule cannot hold.
template <class Build>
tieout_status add_constraint(Audit& a, uint32_t* out_constraint, Build&& build) {
  ConstraintId id;
  try {
    id = build(a.audit.constraints());
  } catch (const tieout::domain_error& e) {
    fail(TIEOUT_E_CONSTRAINT, e.what());
  }
  a.changed();
  if (out_constraint != nullptr) *out_constraint = id.index();
  return TIEOUT_OK;
}

tieout_status add_document(Audit& a,
                           const tieout::result<tieout::DocumentId, tieout::ReadError>& added,
                           uint32_t* out_document) {
  if (!added) fail(TIEOUT_E_READ, added.error().to_string());
  a.documents.push_back(added->index());
  if (out_document != nullptr) *out_document = added->index();
  return TIEOUT_OK;
}

void require_unchecked(const Audit& a) {
  if (a.checked) {
    fail(TIEOUT_E_STATE,
         "documents are compared with one another when first checked; add every document before "
         "tieout_audit_check, or start a new audit");
  }
}

// Refuses `index` into a list of `size` entries when it is past the last.
void require_index(std::size_t index, std::size_t size, const char* what) {
  if (index >= size) {
    fail(TIEOUT_E_OUT_OF_RANGE, std::string(what) + " " + std::to_string(index) +
                                    " is past the last (" + std::to_string(size) + ")");
  }
}

// Writes `value` through an optional output, when the caller asked for it.
template <class T, class V>
void give(T* out, V&& value) {
  if (out != nullptr) *out = std::forward<V>(value);
}

std::size_t constraint_figure_count(const tieout::ConstraintSet& set, ConstraintId id) {
  std::size_t count = set.figures(id).size();
  if (set.kind(id) == tieout::ConstraintKind::ratio) {
    count += set.ratio(id).numerator.size() + set.ratio(id).denominator.size();
  }
  return count;
}

}  // namespace

extern "C" {

// ---- Status, errors, version ----

const char* tieout_status_str(tieout_status status) {
  switch (raw(status)) {
    case TIEOUT_OK: return "ok";
    case TIEOUT_E_INVALID_ARGUMENT: return "invalid argument";
    case TIEOUT_E_INVALID_HANDLE: return "invalid handle";
    case TIEOUT_E_OUT_OF_RANGE: return "out of range";
    case TIEOUT_E_BUFFER_TOO_SMALL: return "buffer too small";
    case TIEOUT_E_NO_MEMORY: return "out of memory";
    case TIEOUT_E_PARSE: return "not a number";
    case TIEOUT_E_READ: return "document cannot be read";
    case TIEOUT_E_OVERFLOW: return "overflow";
    case TIEOUT_E_DOMAIN: return "no defined result";
    case TIEOUT_E_CONSTRAINT: return "constraint cannot hold";
    case TIEOUT_E_STATE: return "call out of order";
    case TIEOUT_E_NO_VALUE: return "figure has no value";
    case TIEOUT_E_NOT_FOUND: return "not found";
    case TIEOUT_E_INTERNAL: return "internal error";
  }
  return "unknown status";
}

const char* tieout_last_error(void) {
  return thread_error.c_str();
}

const char* tieout_version(void) {
  return TIEOUT_STRINGIFY(TIEOUT_VERSION_MAJOR) "." TIEOUT_STRINGIFY(
      TIEOUT_VERSION_MINOR) "." TIEOUT_STRINGIFY(TIEOUT_VERSION_PATCH);
}

unsigned tieout_version_number(void) {
  return TIEOUT_VERSION;
}

void tieout_free(void* buffer) {
  std::free(buffer);
}

// ---- Decimals ----

tieout_status tieout_decimal_parse(const char* text, char* out, size_t capacity,
                                   size_t* out_length) {
  return call("tieout_decimal_parse", [&] {
    return write(parse_decimal(text, "text").to_string(), out, capacity, out_length);
  });
}

tieout_status tieout_decimal_format(const char* value, int scale, tieout_rounding mode,
                                    unsigned flags, char* out, size_t capacity,
                                    size_t* out_length) {
  return call("tieout_decimal_format", [&] {
    const Decimal parsed = parse_decimal(value, "value");
    require_scale(scale);
    const tieout::RoundingMode rounding_mode = rounding(mode);
    if ((flags & ~(TIEOUT_DECIMAL_GROUPING | TIEOUT_DECIMAL_PARENTHESES)) != 0) {
      fail(TIEOUT_E_INVALID_ARGUMENT, "unknown flags " + std::to_string(flags));
    }
    return write(formatted(parsed.rescaled(scale, rounding_mode), flags), out, capacity,
                 out_length);
  });
}

tieout_status tieout_decimal_add(const char* a, const char* b, char* out, size_t capacity,
                                 size_t* out_length) {
  return call("tieout_decimal_add", [&] {
    return write((parse_decimal(a, "a") + parse_decimal(b, "b")).to_string(), out, capacity,
                 out_length);
  });
}

tieout_status tieout_decimal_subtract(const char* a, const char* b, char* out, size_t capacity,
                                      size_t* out_length) {
  return call("tieout_decimal_subtract", [&] {
    return write((parse_decimal(a, "a") - parse_decimal(b, "b")).to_string(), out, capacity,
                 out_length);
  });
}

tieout_status tieout_decimal_multiply(const char* a, const char* b, char* out, size_t capacity,
                                      size_t* out_length) {
  return call("tieout_decimal_multiply", [&] {
    return write((parse_decimal(a, "a") * parse_decimal(b, "b")).to_string(), out, capacity,
                 out_length);
  });
}

tieout_status tieout_decimal_divide(const char* dividend, const char* divisor, int scale,
                                    tieout_rounding mode, char* out, size_t capacity,
                                    size_t* out_length) {
  return call("tieout_decimal_divide", [&] {
    const Decimal a = parse_decimal(dividend, "dividend");
    const Decimal b = parse_decimal(divisor, "divisor");
    require_scale(scale);
    const tieout::RoundingMode rounding_mode = rounding(mode);
    return write(tieout::divide(a, b, scale, rounding_mode).to_string(), out, capacity, out_length);
  });
}

tieout_status tieout_decimal_compare(const char* a, const char* b, int* out) {
  return call("tieout_decimal_compare", [&] {
    const auto order = parse_decimal(a, "a") <=> parse_decimal(b, "b");
    out_param(out) = order < 0 ? -1 : order > 0 ? 1 : 0;
    return TIEOUT_OK;
  });
}

tieout_status tieout_figure_parse(const char* text, char* out, size_t capacity, size_t* out_length,
                                  int* out_decimals) {
  return call("tieout_figure_parse", [&] {
    require(text, "text");
    const auto parsed = tieout::PrintedFigure::try_parse(text);
    if (!parsed) {
      fail(TIEOUT_E_PARSE, quoted(text) + " is not a figure: at byte " +
                               std::to_string(parsed.error().offset) + ": " +
                               parsed.error().reason);
    }
    if (parsed->is_nil()) fail(TIEOUT_E_NO_VALUE, quoted(text) + " is nil: it has no value");
    const tieout_status status = write(parsed->value().to_string(), out, capacity, out_length);
    if (out_decimals != nullptr) *out_decimals = parsed->decimals();
    return status;
  });
}

// ---- Names ----

const char* tieout_verdict_str(tieout_verdict verdict) {
  const int value = raw(verdict);
  if (value < TIEOUT_VERDICT_PASS || value > TIEOUT_VERDICT_INFO) return "unknown";
  return tieout::name_of(static_cast<tieout::Verdict>(value)).data();
}

const char* tieout_figure_status_str(tieout_figure_status status) {
  const int value = raw(status);
  if (value < TIEOUT_FIGURE_TIES || value > TIEOUT_FIGURE_NIL) return "unknown";
  return tieout::name_of(static_cast<tieout::FigureStatus>(value)).data();
}

const char* tieout_constraint_kind_str(tieout_constraint_kind kind) {
  const int value = raw(kind);
  if (value < TIEOUT_CONSTRAINT_FOOTING || value > TIEOUT_CONSTRAINT_RATIO) return "unknown";
  return tieout::name_of(static_cast<tieout::ConstraintKind>(value)).data();
}

// ---- Audits ----

tieout_status tieout_audit_create(tieout_audit** out) {
  return call("tieout_audit_create", [&] {
    require(out, "out");
    *out = nullptr;
    auto audit = std::make_unique<tieout_audit>();
    registry().add(audit.get());
    *out = audit.release();
    return TIEOUT_OK;
  });
}

void tieout_audit_free(tieout_audit* audit) {
  if (audit == nullptr) return;
  bool removed = false;
  try {
    removed = registry().remove(audit);
  } catch (...) {
  }
  if (!removed) {
    record(thread_error, "tieout_audit_free", "not a live tieout_audit (freed already?)");
    return;
  }
  delete audit;
}

const char* tieout_audit_last_error(const tieout_audit* audit) {
  if (audit == nullptr) return "the audit is NULL";
  bool live = false;
  try {
    live = registry().contains(audit);
  } catch (...) {
  }
  if (!live) return "not a live tieout_audit (freed already?)";
  return audit->last_error.c_str();
}

tieout_status tieout_audit_add_file(tieout_audit* audit, const char* path, uint32_t* out_document) {
  return call_audit("tieout_audit_add_file", audit, [&](Audit& a) {
    require(path, "path");
    require_unchecked(a);
    a.changed();
    return add_document(a, a.audit.add_file(path), out_document);
  });
}

tieout_status tieout_audit_add_text(tieout_audit* audit, const char* name, const void* data,
                                    size_t size, uint32_t* out_document) {
  return call_audit("tieout_audit_add_text", audit, [&](Audit& a) {
    if (size != 0) require(data, "data");
    require_unchecked(a);
    a.changed();
    const std::string_view content(static_cast<const char*>(data), data == nullptr ? 0 : size);
    return add_document(a, a.audit.add_text(name == nullptr ? "(memory)" : name, content),
                        out_document);
  });
}

tieout_status tieout_audit_add_figure(tieout_audit* audit, const char* text, const char* unit,
                                      const char* period, int scale, const char* label,
                                      const char* file, uint32_t line, uint32_t column,
                                      uint32_t* out_figure) {
  return call_audit("tieout_audit_add_figure", audit, [&](Audit& a) {
    require(text, "text");
    const tieout::Unit parsed_unit = parse_unit(unit);
    const tieout::Period parsed_period = parse_period(period);
    if (scale != 0 && scale != 3 && scale != 6 && scale != 9 && scale != 12) {
      fail(TIEOUT_E_INVALID_ARGUMENT, "scale " + std::to_string(scale) + " is not 0, 3, 6, 9, 12");
    }
    tieout::StatementGraph& graph = a.audit.graph();
    const std::string file_name = file == nullptr ? "(added)" : file;
    auto document = a.added_documents.find(file_name);
    if (document == a.added_documents.end()) {
      document = a.added_documents.emplace(file_name, graph.add_document(file_name)).first;
      a.documents.push_back(document->second.index());
    }
    auto table = a.added_tables.find(document->second.index());
    if (table == a.added_tables.end()) {
      const tieout::TableId id =
          graph.add_table(document->second, "Figures added one by one", tieout::TableKind::other);
      table = a.added_tables.emplace(document->second.index(), id).first;
    }
    std::pair<std::uint32_t, std::string> key(table->second.index(), label == nullptr ? "" : label);
    auto item = a.added_items.find(key);
    if (item == a.added_items.end()) {
      const tieout::LineItemId id = graph.add_line_item(table->second, key.second);
      item = a.added_items.emplace(std::move(key), id).first;
    }
    a.changed();
    const FigureId id =
        graph.add_figure(item->second, parsed_period, parsed_unit, text,
                         {document->second, line, column}, static_cast<tieout::Scale>(scale));
    if (out_figure != nullptr) *out_figure = id.index();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_count(const tieout_audit* audit, size_t* out) {
  return call_audit("tieout_audit_figure_count", audit, [&](const Audit& a) {
    out_param(out) = a.audit.graph().figure_count();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_at(const tieout_audit* audit, uint32_t document, uint32_t line,
                                     uint32_t column, uint32_t* out_figure) {
  return call_audit("tieout_audit_figure_at", audit, [&](const Audit& a) {
    require(out_figure, "out_figure");
    if (std::find(a.documents.begin(), a.documents.end(), document) == a.documents.end()) {
      fail(TIEOUT_E_OUT_OF_RANGE, "document " + std::to_string(document) + " is not in the audit");
    }
    const tieout::StatementGraph& graph = a.audit.graph();
    for (std::uint32_t i = 0; i < graph.figure_count(); ++i) {
      const tieout::SourceLocation& where = graph.location(FigureId(i));
      if (where.document.index() == document && where.line == line && where.column == column) {
        *out_figure = i;
        return TIEOUT_OK;
      }
    }
    fail(TIEOUT_E_NOT_FOUND, "no figure at " + std::to_string(line) + ":" + std::to_string(column) +
                                 " of document " + std::to_string(document));
  });
}

tieout_status tieout_audit_figure_file(const tieout_audit* audit, uint32_t figure,
                                       const char** out) {
  return call_audit("tieout_audit_figure_file", audit, [&](const Audit& a) {
    require(out, "out");
    *out = strings_of(a, figure).file.c_str();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_line(const tieout_audit* audit, uint32_t figure, uint32_t* out) {
  return call_audit("tieout_audit_figure_line", audit, [&](const Audit& a) {
    require(out, "out");
    *out = a.audit.graph().location(figure_id(a, figure)).line;
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_column(const tieout_audit* audit, uint32_t figure,
                                         uint32_t* out) {
  return call_audit("tieout_audit_figure_column", audit, [&](const Audit& a) {
    require(out, "out");
    *out = a.audit.graph().location(figure_id(a, figure)).column;
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_text(const tieout_audit* audit, uint32_t figure,
                                       const char** out) {
  return call_audit("tieout_audit_figure_text", audit, [&](const Audit& a) {
    require(out, "out");
    *out = strings_of(a, figure).text.c_str();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_value(const tieout_audit* audit, uint32_t figure,
                                        const char** out) {
  return call_audit("tieout_audit_figure_value", audit, [&](const Audit& a) {
    require(out, "out");
    if (a.audit.graph().state(figure_id(a, figure)) != tieout::FigureState::value) {
      *out = nullptr;
      fail(TIEOUT_E_NO_VALUE, "figure " + std::to_string(figure) + " is nil or unreadable");
    }
    *out = strings_of(a, figure).value.c_str();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_decimals(const tieout_audit* audit, uint32_t figure, int* out) {
  return call_audit("tieout_audit_figure_decimals", audit, [&](const Audit& a) {
    require(out, "out");
    const FigureId id = figure_id(a, figure);
    if (a.audit.graph().state(id) != tieout::FigureState::value) {
      fail(TIEOUT_E_NO_VALUE, "figure " + std::to_string(figure) + " is nil or unreadable");
    }
    *out = a.audit.graph().decimals(id);
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_label(const tieout_audit* audit, uint32_t figure,
                                        const char** out) {
  return call_audit("tieout_audit_figure_label", audit, [&](const Audit& a) {
    require(out, "out");
    *out = strings_of(a, figure).label.c_str();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_period(const tieout_audit* audit, uint32_t figure,
                                         const char** out) {
  return call_audit("tieout_audit_figure_period", audit, [&](const Audit& a) {
    require(out, "out");
    *out = strings_of(a, figure).period.c_str();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_unit(const tieout_audit* audit, uint32_t figure,
                                       const char** out) {
  return call_audit("tieout_audit_figure_unit", audit, [&](const Audit& a) {
    require(out, "out");
    *out = strings_of(a, figure).unit.c_str();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_figure_status(const tieout_audit* audit, uint32_t figure,
                                         tieout_figure_status* out) {
  return call_audit("tieout_audit_figure_status", audit, [&](const Audit& a) {
    require(out, "out");
    const FigureId id = figure_id(a, figure);
    *out = static_cast<tieout_figure_status>(checked(a).status(id));
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_add_footing(tieout_audit* audit, uint32_t total, const uint32_t* parts,
                                       const char* const* weights, size_t count,
                                       uint32_t* out_constraint) {
  return call_audit("tieout_audit_add_footing", audit, [&](Audit& a) {
    const FigureId sum = figure_id(a, total);
    const tieout::LinearExpression weighted = terms(a, parts, weights, count, "parts");
    return add_constraint(a, out_constraint, [&](tieout::ConstraintSet& set) {
      return set.add_footing(sum, std::span<const tieout::Term>(weighted));
    });
  });
}

tieout_status tieout_audit_add_period_sum(tieout_audit* audit, uint32_t whole,
                                          const uint32_t* parts, size_t count,
                                          uint32_t* out_constraint) {
  return call_audit("tieout_audit_add_period_sum", audit, [&](Audit& a) {
    const FigureId sum = figure_id(a, whole);
    const std::vector<FigureId> ids = figures(a, parts, count, "parts");
    return add_constraint(a, out_constraint,
                          [&](tieout::ConstraintSet& set) { return set.add_period_sum(sum, ids); });
  });
}

tieout_status tieout_audit_add_roll_forward(tieout_audit* audit, uint32_t closing, uint32_t opening,
                                            const uint32_t* movements, size_t count,
                                            uint32_t* out_constraint) {
  return call_audit("tieout_audit_add_roll_forward", audit, [&](Audit& a) {
    const FigureId close = figure_id(a, closing);
    const FigureId open = figure_id(a, opening);
    const std::vector<FigureId> ids = figures(a, movements, count, "movements");
    return add_constraint(a, out_constraint, [&](tieout::ConstraintSet& set) {
      return set.add_roll_forward(close, open, ids);
    });
  });
}

tieout_status tieout_audit_add_conversion(tieout_audit* audit, uint32_t converted, uint32_t amount,
                                          const char* rate, uint32_t* out_constraint) {
  return call_audit("tieout_audit_add_conversion", audit, [&](Audit& a) {
    const FigureId to = figure_id(a, converted);
    const FigureId from = figure_id(a, amount);
    const Decimal by = parse_decimal(rate, "rate");
    return add_constraint(a, out_constraint, [&](tieout::ConstraintSet& set) {
      return set.add_conversion(to, from, by);
    });
  });
}

tieout_status tieout_audit_add_equality(tieout_audit* audit, uint32_t a, uint32_t b,
                                        uint32_t* out_constraint) {
  return call_audit("tieout_audit_add_equality", audit, [&](Audit& self) {
    const FigureId first = figure_id(self, a);
    const FigureId second = figure_id(self, b);
    return add_constraint(self, out_constraint, [&](tieout::ConstraintSet& set) {
      return set.add_equality(first, second);
    });
  });
}

tieout_status tieout_audit_add_ratio(tieout_audit* audit, uint32_t ratio, const uint32_t* numerator,
                                     const char* const* numerator_weights, size_t numerator_count,
                                     const uint32_t* denominator,
                                     const char* const* denominator_weights,
                                     size_t denominator_count, const char* multiplier,
                                     uint32_t* out_constraint) {
  return call_audit("tieout_audit_add_ratio", audit, [&](Audit& a) {
    const FigureId figure = figure_id(a, ratio);
    if (numerator_count == 0 || denominator_count == 0) {
      fail(TIEOUT_E_INVALID_ARGUMENT, "a ratio needs a numerator and a denominator");
    }
    tieout::LinearExpression top =
        terms(a, numerator, numerator_weights, numerator_count, "numerator");
    tieout::LinearExpression bottom =
        terms(a, denominator, denominator_weights, denominator_count, "denominator");
    const Decimal times = parse_decimal(multiplier, "multiplier");
    return add_constraint(a, out_constraint, [&](tieout::ConstraintSet& set) {
      return set.add_ratio(figure, std::move(top), std::move(bottom), times);
    });
  });
}

tieout_status tieout_audit_constraint_count(const tieout_audit* audit, size_t* out) {
  return call_audit("tieout_audit_constraint_count", audit, [&](const Audit& a) {
    out_param(out) = a.audit.constraints().size();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_constraint_kind(const tieout_audit* audit, uint32_t constraint,
                                           tieout_constraint_kind* out) {
  return call_audit("tieout_audit_constraint_kind", audit, [&](const Audit& a) {
    require(out, "out");
    *out = static_cast<tieout_constraint_kind>(
        a.audit.constraints().kind(constraint_id(a, constraint)));
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_constraint_figure_count(const tieout_audit* audit, uint32_t constraint,
                                                   size_t* out) {
  return call_audit("tieout_audit_constraint_figure_count", audit, [&](const Audit& a) {
    require(out, "out");
    *out = constraint_figure_count(a.audit.constraints(), constraint_id(a, constraint));
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_constraint_figure(const tieout_audit* audit, uint32_t constraint,
                                             size_t index, uint32_t* out_figure) {
  return call_audit("tieout_audit_constraint_figure", audit, [&](const Audit& a) {
    require(out_figure, "out_figure");
    const tieout::ConstraintSet& set = a.audit.constraints();
    const ConstraintId id = constraint_id(a, constraint);
    const std::size_t count = constraint_figure_count(set, id);
    if (index >= count) {
      fail(TIEOUT_E_OUT_OF_RANGE, "index " + std::to_string(index) + " of constraint " +
                                      std::to_string(constraint) + ", which bears on " +
                                      std::to_string(count) + " figures");
    }
    std::size_t at = index;
    const auto row = set.figures(id);
    if (at < row.size()) {
      *out_figure = row[at].index();
      return TIEOUT_OK;
    }
    at -= row.size();
    const auto& ratio = set.ratio(id);
    *out_figure = at < ratio.numerator.size()
                      ? ratio.numerator[at].figure.index()
                      : ratio.denominator[at - ratio.numerator.size()].figure.index();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_check(tieout_audit* audit, unsigned flags) {
  return call_audit("tieout_audit_check", audit, [&](Audit& a) {
    if ((flags & ~TIEOUT_CHECK_TRUNCATION) != 0) {
      fail(TIEOUT_E_INVALID_ARGUMENT, "unknown flags " + std::to_string(flags));
    }
    tieout::CheckOptions options;
    if ((flags & TIEOUT_CHECK_TRUNCATION) != 0) {
      options.convention = tieout::RoundingConvention::truncation;
    }
    a.changed();
    a.checked = true;
    tieout::TieOut tie_out = a.audit.run(options);
    std::vector<std::string> differences, tolerances;
    std::vector<std::uint32_t> result_index(a.audit.constraints().size(), 0), findings;
    const auto& results = tie_out.checks.results;
    for (std::uint32_t i = 0; i < results.size(); ++i) {
      differences.push_back(results[i].difference.to_string());
      tolerances.push_back(results[i].tolerance.to_string());
      result_index.at(results[i].constraint.index()) = i;
      if (results[i].verdict != tieout::Verdict::pass) {
        findings.push_back(results[i].constraint.index());
      }
    }
    if (results.size() != result_index.size()) {
      fail(TIEOUT_E_INTERNAL, "the check did not cover every constraint");
    }
    std::vector<std::string> proposed, filled;
    for (const tieout::Suspect& suspect : tie_out.solution.suspects)
      proposed.push_back(suspect.proposed.to_string());
    for (const tieout::Filled& fill : tie_out.solution.filled)
      filled.push_back(fill.value.to_string());
    a.tie_out.emplace(std::move(tie_out));
    a.proposed = std::move(proposed);
    a.filled = std::move(filled);
    a.differences = std::move(differences);
    a.tolerances = std::move(tolerances);
    a.result_index = std::move(result_index);
    a.findings = std::move(findings);
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_summary(const tieout_audit* audit, tieout_summary_item item,
                                   size_t* out) {
  return call_audit("tieout_audit_summary", audit, [&](const Audit& a) {
    require(out, "out");
    const tieout::Summary s = checked(a).summary();
    switch (raw(item)) {
      case TIEOUT_SUMMARY_FIGURES: *out = s.figures; break;
      case TIEOUT_SUMMARY_CHECKS: *out = s.checks; break;
      case TIEOUT_SUMMARY_PASSED: *out = s.passed; break;
      case TIEOUT_SUMMARY_ROUNDING: *out = s.rounding; break;
      case TIEOUT_SUMMARY_FAILED: *out = s.failed; break;
      case TIEOUT_SUMMARY_INCOMPLETE: *out = s.incomplete; break;
      case TIEOUT_SUMMARY_INFO: *out = s.info; break;
      case TIEOUT_SUMMARY_UNREADABLE: *out = s.unreadable; break;
      case TIEOUT_SUMMARY_UNVERIFIED: *out = s.unverified; break;
      case TIEOUT_SUMMARY_UNPLACED: *out = s.unplaced; break;
      case TIEOUT_SUMMARY_NARRATIVE: *out = s.narrative; break;
      case TIEOUT_SUMMARY_NARRATIVE_LINKED: *out = s.narrative_linked; break;
      case TIEOUT_SUMMARY_SUSPECTS: *out = s.suspects; break;
      case TIEOUT_SUMMARY_FILLED: *out = s.filled; break;
      default:
        fail(TIEOUT_E_INVALID_ARGUMENT,
             "summary item " + std::to_string(raw(item)) + " is not 0..13");
    }
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_constraint_verdict(const tieout_audit* audit, uint32_t constraint,
                                              tieout_verdict* out) {
  return call_audit("tieout_audit_constraint_verdict", audit, [&](const Audit& a) {
    require(out, "out");
    *out = static_cast<tieout_verdict>(result_of(a, constraint).verdict);
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_constraint_difference(const tieout_audit* audit, uint32_t constraint,
                                                 const char** out) {
  return call_audit("tieout_audit_constraint_difference", audit, [&](const Audit& a) {
    require(out, "out");
    (void)result_of(a, constraint);
    *out = a.differences[a.result_index[constraint]].c_str();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_constraint_tolerance(const tieout_audit* audit, uint32_t constraint,
                                                const char** out) {
  return call_audit("tieout_audit_constraint_tolerance", audit, [&](const Audit& a) {
    require(out, "out");
    (void)result_of(a, constraint);
    *out = a.tolerances[a.result_index[constraint]].c_str();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_constraint_explanation(const tieout_audit* audit, uint32_t constraint,
                                                  const char** out) {
  return call_audit("tieout_audit_constraint_explanation", audit, [&](const Audit& a) {
    require(out, "out");
    *out = result_of(a, constraint).explanation.c_str();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_suspect_count(const tieout_audit* audit, size_t* out) {
  return call_audit("tieout_audit_suspect_count", audit, [&](const Audit& a) {
    require(out, "out");
    *out = checked(a).solution.suspects.size();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_suspect(const tieout_audit* audit, size_t index, uint32_t* out_figure,
                                   const char** out_proposed, const char** out_text, int* out_rank,
                                   int* out_unique) {
  return call_audit("tieout_audit_suspect", audit, [&](const Audit& a) {
    const auto& suspects = checked(a).solution.suspects;
    require_index(index, suspects.size(), "suspect");
    const tieout::Suspect& suspect = suspects[index];
    give(out_figure, suspect.figure.index());
    give(out_proposed, a.proposed[index].c_str());
    give(out_text, suspect.text.c_str());
    give(out_rank, suspect.rank);
    give(out_unique, suspect.unique ? 1 : 0);
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_filled_count(const tieout_audit* audit, size_t* out) {
  return call_audit("tieout_audit_filled_count", audit, [&](const Audit& a) {
    require(out, "out");
    *out = checked(a).solution.filled.size();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_filled(const tieout_audit* audit, size_t index, uint32_t* out_figure,
                                  const char** out_value, const char** out_text, int* out_exact) {
  return call_audit("tieout_audit_filled", audit, [&](const Audit& a) {
    const auto& filled = checked(a).solution.filled;
    require_index(index, filled.size(), "filled figure");
    const tieout::Filled& fill = filled[index];
    give(out_figure, fill.figure.index());
    give(out_value, a.filled[index].c_str());
    give(out_text, fill.text.c_str());
    give(out_exact, fill.exact ? 1 : 0);
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_finding_count(const tieout_audit* audit, size_t* out) {
  return call_audit("tieout_audit_finding_count", audit, [&](const Audit& a) {
    require(out, "out");
    (void)checked(a);
    *out = a.findings.size();
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_finding(const tieout_audit* audit, size_t index,
                                   uint32_t* out_constraint) {
  return call_audit("tieout_audit_finding", audit, [&](const Audit& a) {
    require(out_constraint, "out_constraint");
    (void)checked(a);
    require_index(index, a.findings.size(), "finding");
    *out_constraint = a.findings[index];
    return TIEOUT_OK;
  });
}

tieout_status tieout_audit_render(const tieout_audit* audit, tieout_report_format format,
                                  char** out, size_t* out_size) {
  return call_audit("tieout_audit_render", audit, [&](const Audit& a) {
    require(out, "out");
    const tieout::TieOut& tie_out = checked(a);
    std::string report;
    switch (raw(format)) {
      case TIEOUT_REPORT_TEXT: report = tieout::render_text(tie_out); break;
      case TIEOUT_REPORT_JSON: report = tieout::render_json(tie_out); break;
      case TIEOUT_REPORT_HTML: report = tieout::render_html(tie_out); break;
      case TIEOUT_REPORT_MARKDOWN: report = tieout::render_markdown(tie_out); break;
      default:
        fail(TIEOUT_E_INVALID_ARGUMENT,
             "report format " + std::to_string(raw(format)) + " is not 0..3");
    }
    // malloc, not new[]: tieout_free is free(), and a host may hand the
    // buffer to code that frees it the C way.
    char* buffer = static_cast<char*>(std::malloc(report.size() + 1));
    if (buffer == nullptr) throw std::bad_alloc();
    std::memcpy(buffer, report.c_str(), report.size() + 1);
    *out = buffer;
    if (out_size != nullptr) *out_size = report.size();
    return TIEOUT_OK;
  });
}

}  // extern "C"
