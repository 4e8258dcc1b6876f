// tieout/error.hpp - the exceptions tieout throws, and the value that
// describes a rejected piece of text.
//
// tieout reports in three tiers: broken preconditions are assertions;
// expected outcomes (text that is not a figure, a statement that does not tie)
// are values; arithmetic that cannot be carried out exactly (overflow, a zero
// divisor) and I/O failures throw one of the exceptions below. Every throwing
// parser has a non-throwing twin that returns a tieout::result.
// Related: result.hpp. Stability: stable.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// Base of every exception tieout throws.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A result that does not fit tieout's exact representation. tieout never
/// wraps or drops digits silently; it throws this instead.
class overflow_error : public error {
 public:
  using error::error;
};

/// An arithmetic request with no defined answer, such as division by zero.
class domain_error : public error {
 public:
  using error::error;
};

/// Why a piece of text was rejected, and where: `offset` is the byte offset
/// into the text that was given to the parser.
struct ParseError {
  std::size_t offset = 0;  ///< 0-based byte offset of the first byte at fault
  std::string reason;      ///< in words: "a second decimal point"

  /// Same offset and reason; tests compare errors whole.
  friend bool operator==(const ParseError&, const ParseError&) = default;
};

/// Thrown by the throwing parsers; carries the ParseError.
class parse_error : public error {
 public:
  /// Carries `detail`; what() is "at byte OFFSET: REASON".
  explicit parse_error(ParseError detail)
      : error("at byte " + std::to_string(detail.offset) + ": " + detail.reason),
        detail_(std::move(detail)) {}

  /// The offset and reason as values, for a caller that reports them its own
  /// way rather than through what().
  const ParseError& detail() const noexcept { return detail_; }

 private:
  ParseError detail_;
};

TIEOUT_END_NAMESPACE
