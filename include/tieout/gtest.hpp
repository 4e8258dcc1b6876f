// tieout/gtest.hpp - audit scripts as GoogleTest tests, whose failures read
// like a working paper.
//
// An audit script reads a filing, runs the checks, and states what must hold
// of it; a failure names each figure as the filing prints it, with file,
// line and column, both sides, the difference, the tolerance rounding gives,
// and the figure the solver suspects:
//
//   TEST(q3_2024_release, ties_out) {
//     tieout::Audit audit;
//     ASSERT_TRUE(audit.add_file("004_5d25836ba150503a.txt"));
//     const tieout::TieOut tie_out = audit.run();
//     EXPECT_TIES(tie_out);
//     EXPECT_FOOTS(tie_out, "Total revenues");
//     EXPECT_THAT(tieout::figure(audit, "004_5d25836ba150503a.txt:224:6"),
//                 tieout::TiesTo(tieout::stated("US$43.2 million",
//                 "004_5d25836ba150503a.txt:79")));
//   }
//
// Link the CMake target tieout::gtest (which brings GTest::gtest and
// GTest::gmock). The short macros EXPECT_TIES, ASSERT_TIES, EXPECT_FOOTS and
// ASSERT_FOOTS are defined unless TIEOUT_GTEST_DONT_DEFINE_SHORT_MACROS is;
// the TIEOUT_-prefixed ones always are. Include this header in every test
// file that prints tieout values, so that they all print them the same way
// (GoogleTest's PrintTo rule).
//
// Related: audit.hpp (the pipeline), report.hpp (TieOut), lookup.hpp
// (finding figures), docs/getting-started.md. Stability: experimental.
#pragma once

#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <source_location>
#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tieout/audit.hpp"
#include "tieout/check.hpp"
#include "tieout/constraint.hpp"
#include "tieout/decimal.hpp"
#include "tieout/interval.hpp"
#include "tieout/lookup.hpp"
#include "tieout/printed_figure.hpp"
#include "tieout/report.hpp"
#include "tieout/scale.hpp"
#include "tieout/solver.hpp"
#include "tieout/unit.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

// ---------------------------------------------------------------------------
// Figures in a script

/// The figure printed at `where` ("FILE:LINE:COLUMN", lookup.hpp). When there
/// is none, the test fails at the caller's line with the reason, and the
/// reference is invalid (every matcher then fails on it).
FigureRef figure(const StatementGraph& graph, std::string_view where,
                 std::source_location caller = std::source_location::current());
/// The figure printed at `where` in the audit's graph.
FigureRef figure(const Audit& audit, std::string_view where,
                 std::source_location caller = std::source_location::current());
/// The one figure that matches `query`; none or several fail the test at
/// the caller's line, listing the candidates.
FigureRef figure(const StatementGraph& graph, const FigureQuery& query,
                 std::source_location caller = std::source_location::current());
/// The one figure of the audit's graph that matches `query`.
FigureRef figure(const Audit& audit, const FigureQuery& query,
                 std::source_location caller = std::source_location::current());

/// A figure the script states by hand: one the filing prints in prose that
/// the reader did not link ("AI business ... RMB362 million"), or one from
/// another source. It stands for the interval its printed precision gives,
/// as a figure of the graph does.
struct Stated {
  PrintedFigure printed;  ///< the text, parsed
  std::string text;       ///< as given
  std::string where;      ///< where the filing prints it ("FILE:LINE"), or empty
};

/// Parses `text` as a filing prints a figure ("RMB362 million", "31%",
/// "(1,234)"). Text that is not a figure fails the test at the caller's line
/// and gives a nil figure.
Stated stated(std::string_view text, std::string_view where = {},
              std::source_location caller = std::source_location::current());

/// One side of a comparison: a figure of the graph, a stated figure, or a
/// ratio of two of them. Built implicitly from FigureRef and Stated.
class Amount {
 public:
  /// A figure of a graph; unreadable and invalid figures have no interval.
  Amount(const FigureRef& figure);  // NOLINT(google-explicit-constructor): reads as a figure
  /// A figure the script states.
  Amount(const Stated& stated);  // NOLINT(google-explicit-constructor)

  /// As the filing prints it, with where: "Gross profit, 2024-07-01..2024-09-30,
  /// USD: 43,227 (file:224:6)".
  const std::string& description() const noexcept { return description_; }
  /// The values it stands for, in units (scale applied); nothing when it
  /// cannot be read.
  const std::optional<Interval>& interval() const noexcept { return interval_; }
  /// The printed value in units; nothing when it cannot be read.
  const std::optional<Decimal>& value() const noexcept { return value_; }
  /// Its unit, when known (a stated figure without a currency has none).
  const std::optional<Unit>& unit() const noexcept { return unit_; }
  /// The scale differences are shown in: the figure's table scale, or the
  /// stated figure's scale word.
  Scale scale() const noexcept { return scale_; }

  /// 100 × part ÷ whole, as a percentage: "AI revenue is about 31% of public
  /// cloud revenue" is TiesTo(stated("31%")) of percent_of(ai, public_cloud).
  /// The interval divides the two intervals, rounded outward.
  friend Amount percent_of(const Amount& part, const Amount& whole);

 private:
  Amount() = default;

  std::string description_;
  std::optional<Interval> interval_;
  std::optional<Decimal> value_;
  std::optional<Unit> unit_;
  Scale scale_ = Scale::units;
};

/// 100 × part ÷ whole; see Amount.
Amount percent_of(const Amount& part, const Amount& whole);

// ---------------------------------------------------------------------------
// Custom checks: constraints of one's own, checked and solved with the rest

/// Adds the footing total = Σ parts, the figures named "FILE:LINE:COLUMN",
/// to the audit's constraints (call before run()). A name that finds no
/// figure, or parts the footing cannot join (another period or unit), fail
/// the test at the caller's line and add nothing.
std::optional<ConstraintId> add_footing(
    Audit& audit, std::string_view total, std::initializer_list<std::string_view> parts,
    std::source_location caller = std::source_location::current());

/// Adds the footing of the one figure matching `total` from the figures of
/// the same table, period and unit labelled `part_labels`: a footing by
/// labels, for rows that may move between filings.
std::optional<ConstraintId> add_footing_by_labels(
    Audit& audit, const FigureQuery& total, std::initializer_list<std::string_view> part_labels,
    std::source_location caller = std::source_location::current());

// ---------------------------------------------------------------------------
// Assertions: EXPECT_TIES, EXPECT_FOOTS

/// The predicate-formatter behind EXPECT_TIES: success when no check fails;
/// otherwise every failed check with its suspects.
::testing::AssertionResult ties_out_assertion(const char* tie_out_text, const TieOut& tie_out);

/// The predicate-formatter behind EXPECT_FOOTS: success when at least one
/// footing totals a line item labelled `label` (label_key() comparison) and
/// none of them fails or is incomplete.
::testing::AssertionResult foots_assertion(const char* tie_out_text, const char* label_text,
                                           const TieOut& tie_out, std::string_view label);

// ---------------------------------------------------------------------------
// Matchers

namespace detail {
/// What comparing two amounts found.
struct Comparison {
  bool ties = false;        ///< the amounts agree within rounding and the allowance
  std::string explanation;  ///< both sides, difference, tolerance
};
/// Compares `actual` with `expected`, allowing `allowance` (in units) beyond
/// what the rounding of the two absorbs.
Comparison compare_amounts(const Amount& actual, const Amount& expected, const Decimal& allowance);
}  // namespace detail

/// Matches an Amount (a FigureRef, a Stated, a percent_of) that ties to
/// `expected` within rounding, or within `allowance` beyond it.
class TiesToMatcher {
 public:
  /// gmock's marker for a matcher class.
  using is_gtest_matcher = void;

  /// `allowance` is in units of the figures (scale applied): 1000 is one
  /// thousand; for percentages, percentage points.
  TiesToMatcher(Amount expected, Decimal allowance)
      : expected_(std::move(expected)), allowance_(std::move(allowance)) {}

  /// True when `actual` ties; the listener gets both sides, the difference
  /// and the tolerance.
  template <class T>
  bool MatchAndExplain(const T& actual, ::testing::MatchResultListener* listener) const {
    const detail::Comparison result =
        detail::compare_amounts(Amount(actual), expected_, allowance_);
    *listener << result.explanation;
    return result.ties;
  }
  /// "ties to EXPECTED".
  void DescribeTo(std::ostream* out) const;
  /// "does not tie to EXPECTED".
  void DescribeNegationTo(std::ostream* out) const;

 private:
  Amount expected_;
  Decimal allowance_;
};

/// The figure ties to `expected` within rounding: some value both printings
/// stand for is the same (43,227 in thousands ties to US$43.2 million).
inline TiesToMatcher TiesTo(Amount expected) {
  return TiesToMatcher(std::move(expected), {});
}
/// The figure ties to `expected` within rounding plus `allowance` (in units,
/// scale applied; percentage points for percentages): a materiality
/// threshold, or "about" in the text.
inline TiesToMatcher TiesWithin(Amount expected, Decimal allowance) {
  return TiesToMatcher(std::move(expected), std::move(allowance));
}

/// Matches a TieOut in which no check fails; explains with every failed
/// check and its suspects.
class HasNoFailuresMatcher {
 public:
  /// gmock's marker for a matcher class.
  using is_gtest_matcher = void;
  /// True when nothing fails.
  bool MatchAndExplain(const TieOut& tie_out, ::testing::MatchResultListener* listener) const;
  /// "has no failed check".
  void DescribeTo(std::ostream* out) const;
  /// "has a failed check".
  void DescribeNegationTo(std::ostream* out) const;
};

/// The tie-out has no failed check.
inline HasNoFailuresMatcher HasNoFailures() {
  return {};
}

/// Matches a TieOut with a check of a kind on a figure that did not pass
/// (a finding), or that ended with a given verdict.
class HasFindingMatcher {
 public:
  /// gmock's marker for a matcher class.
  using is_gtest_matcher = void;
  /// A finding of `kind` on `figure`; any verdict but pass when `verdict` is
  /// empty.
  HasFindingMatcher(ConstraintKind kind, FigureRef figure, std::optional<Verdict> verdict)
      : kind_(kind), figure_(figure), verdict_(verdict) {}
  /// True when such a check exists; the listener gets it, or every check on
  /// the figure when there is none.
  bool MatchAndExplain(const TieOut& tie_out, ::testing::MatchResultListener* listener) const;
  /// "has a KIND finding on FIGURE".
  void DescribeTo(std::ostream* out) const;
  /// "has no KIND finding on FIGURE".
  void DescribeNegationTo(std::ostream* out) const;

 private:
  ConstraintKind kind_;
  FigureRef figure_;
  std::optional<Verdict> verdict_;
};

/// A check of `kind` on `figure` that did not pass.
inline HasFindingMatcher HasFinding(ConstraintKind kind, FigureRef figure) {
  return {kind, figure, std::nullopt};
}
/// A check of `kind` on `figure` that ended with `verdict`.
inline HasFindingMatcher HasFinding(ConstraintKind kind, FigureRef figure, Verdict verdict) {
  return {kind, figure, verdict};
}

/// Matches a TieOut whose solver suspects a figure (solver.hpp), optionally
/// proposing a given value as the filing would print it.
class HasSuspectMatcher {
 public:
  /// gmock's marker for a matcher class.
  using is_gtest_matcher = void;
  /// `proposed` empty: any proposed value.
  HasSuspectMatcher(FigureRef figure, std::string proposed)
      : figure_(figure), proposed_(std::move(proposed)) {}
  /// True when the figure is a suspect (proposed as given); the listener
  /// gets the suspects.
  bool MatchAndExplain(const TieOut& tie_out, ::testing::MatchResultListener* listener) const;
  /// "suspects FIGURE".
  void DescribeTo(std::ostream* out) const;
  /// "does not suspect FIGURE".
  void DescribeNegationTo(std::ostream* out) const;

 private:
  FigureRef figure_;
  std::string proposed_;
};

/// The solver suspects `figure`, proposing `proposed` ("11,079") when given.
inline HasSuspectMatcher HasSuspect(FigureRef figure, std::string proposed = {}) {
  return {figure, std::move(proposed)};
}

// ---------------------------------------------------------------------------
// Printers: GoogleTest finds these by argument-dependent lookup.

/// Groups digits as filings do: "-1,234,567.5".
void PrintTo(const Decimal& value, std::ostream* out);
/// FigureRef::describe().
void PrintTo(const FigureRef& figure, std::ostream* out);
/// "RMB362 million (FILE:LINE)".
void PrintTo(const Stated& stated, std::ostream* out);
/// Amount::description().
void PrintTo(const Amount& amount, std::ostream* out);
/// "FAIL: EXPLANATION" (the explanation holds both sides with file, line
/// and column, the difference and the tolerance).
void PrintTo(const CheckResult& result, std::ostream* out);
/// "suspect figure #ID: everything ties with TEXT (SLIP, rank R)"; with
/// the TieOut at hand, describe_suspect() gives file, line and column.
void PrintTo(const Suspect& suspect, std::ostream* out);
/// The summary line: figures, checks and how they ended.
void PrintTo(const TieOut& tie_out, std::ostream* out);
/// name_of(verdict): "fail", not a byte.
void PrintTo(Verdict verdict, std::ostream* out);
/// name_of(kind): "footing", "conversion", ...
void PrintTo(ConstraintKind kind, std::ostream* out);
/// name_of(status): "ties", "fails", ...
void PrintTo(FigureStatus status, std::ostream* out);

TIEOUT_END_NAMESPACE

/// EXPECT_TIES(tie_out): no check of the TieOut fails.
#define TIEOUT_EXPECT_TIES(tie_out) EXPECT_PRED_FORMAT1(::tieout::ties_out_assertion, tie_out)
/// ASSERT_TIES(tie_out): as TIEOUT_EXPECT_TIES, fatal.
#define TIEOUT_ASSERT_TIES(tie_out) ASSERT_PRED_FORMAT1(::tieout::ties_out_assertion, tie_out)
/// EXPECT_FOOTS(tie_out, label): the footings totalled by `label` hold.
#define TIEOUT_EXPECT_FOOTS(tie_out, label) \
  EXPECT_PRED_FORMAT2(::tieout::foots_assertion, tie_out, label)
/// ASSERT_FOOTS(tie_out, label): as TIEOUT_EXPECT_FOOTS, fatal.
#define TIEOUT_ASSERT_FOOTS(tie_out, label) \
  ASSERT_PRED_FORMAT2(::tieout::foots_assertion, tie_out, label)

#ifndef TIEOUT_GTEST_DONT_DEFINE_SHORT_MACROS
/// Short for TIEOUT_EXPECT_TIES.
#define EXPECT_TIES(tie_out) TIEOUT_EXPECT_TIES(tie_out)
/// Short for TIEOUT_ASSERT_TIES.
#define ASSERT_TIES(tie_out) TIEOUT_ASSERT_TIES(tie_out)
/// Short for TIEOUT_EXPECT_FOOTS.
#define EXPECT_FOOTS(tie_out, label) TIEOUT_EXPECT_FOOTS(tie_out, label)
/// Short for TIEOUT_ASSERT_FOOTS.
#define ASSERT_FOOTS(tie_out, label) TIEOUT_ASSERT_FOOTS(tie_out, label)
#endif
