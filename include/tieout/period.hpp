// tieout/period.hpp - when a figure is true: at an instant or over a duration.
//
// A balance sheet states values at an instant ("as at December 31, 2023"); an
// income statement states flows over a duration ("three months ended
// September 30, 2024"). They are distinct types, as time points and
// durations are in <chrono>, so a balance cannot be summed over quarters by
// mistake. Period holds either. The algebra the checks need is here: which
// durations tile a longer one (Q1 + Q2 + Q3 = nine months), what remains of a
// duration when a part is taken off (FY - nine months = Q4), and which
// instants open and close a duration (the roll-forward of a balance).
//
// Dates are C++20 calendar dates (std::chrono::year_month_day).
// Related: unit.hpp. Stability: stable.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <span>
#include <string>
#include <variant>

#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// A calendar date. The standard type, so that `2024y / 9 / 30` and the
/// rest of `<chrono>`'s calendar work unchanged.
using Date = std::chrono::year_month_day;

/// The end of a day: when a balance is stated. Ordered by date.
class Instant {
 public:
  /// Throws domain_error unless `date.ok()`.
  explicit Instant(Date date);

  /// The day at whose end the balance is stated.
  Date date() const noexcept { return date_; }
  /// "2023-12-31".
  std::string to_string() const;

  /// Ordered, and equal, by date.
  friend auto operator<=>(const Instant&, const Instant&) = default;

 private:
  Date date_;
};

/// The days from `first_day` to `last_day`, both included: when a flow
/// happens. Ordered by last day, then first day.
class Duration {
 public:
  /// Throws domain_error unless both dates are valid and first <= last.
  Duration(Date first_day, Date last_day);

  /// "`months` months ended `last_day`": when last_day ends its month, from
  /// the first day of the month `months` - 1 before it (three months ended
  /// Sep 30 is Jul 1 - Sep 30); otherwise from the day after the same day
  /// `months` months earlier. Throws domain_error unless months >= 1.
  static Duration months_ended(Date last_day, int months);

  /// The first and the last day, both included.
  ///@{
  Date first_day() const noexcept { return first_day_; }
  Date last_day() const noexcept { return last_day_; }
  ///@}
  /// The number of days, both ends included.
  int days() const;
  /// Whole calendar months when the duration runs from the first day of a
  /// month to the last day of a month; otherwise nothing.
  std::optional<int> calendar_months() const;

  /// The instant whose balance this duration starts from: the end of the
  /// day before first_day() (Dec 31, 2023 opens the nine months ended
  /// Sep 30, 2024).
  Instant opening() const;
  /// The instant at which it ends: the end of last_day().
  Instant closing() const;

  /// Whether `other` lies within this duration, ends included (Q3 is within
  /// the nine months, and each is within itself).
  bool contains(const Duration& other) const noexcept;

  /// "2024-07-01..2024-09-30".
  std::string to_string() const;

  /// Equal when both days are; ordered by last day, then first day, so that
  /// the periods of a table's columns sort by when they end.
  ///@{
  friend bool operator==(const Duration&, const Duration&) = default;
  friend std::strong_ordering operator<=>(const Duration& a, const Duration& b);
  ///@}

 private:
  Date first_day_;
  Date last_day_;
};

/// Whether `parts`, in any order, cover `whole` exactly: no gap, no overlap,
/// nothing outside (Q1 + Q2 + Q3 tile the nine months; H1 + Q3 do too).
bool tiles(std::span<const Duration> parts, const Duration& whole);

/// What is left of `whole` when `part`, which shares its first or its last
/// day, is taken off (the year less its first nine months is the fourth
/// quarter). Nothing when part does not share an end with whole, or is whole.
std::optional<Duration> remainder(const Duration& whole, const Duration& part);

/// When a figure is true: an instant or a duration.
class Period {
 public:
  /// Implicit, so that an Instant or a Duration passes wherever a Period is
  /// taken (StatementGraph::add_figure).
  ///@{
  Period(Instant instant) : value_(instant) {}
  Period(Duration duration) : value_(duration) {}
  ///@}

  /// Which of the two it holds.
  ///@{
  bool is_instant() const noexcept { return std::holds_alternative<Instant>(value_); }
  bool is_duration() const noexcept { return std::holds_alternative<Duration>(value_); }
  ///@}
  /// Precondition: is_instant(); throws std::bad_variant_access otherwise.
  const Instant& instant() const { return std::get<Instant>(value_); }
  /// Precondition: is_duration(); throws std::bad_variant_access otherwise.
  const Duration& duration() const { return std::get<Duration>(value_); }

  /// The instant's or the duration's to_string(): "2023-12-31" or
  /// "2024-07-01..2024-09-30", as reports and rules files write periods.
  std::string to_string() const;

  /// Equal when of the same kind and equal as that kind.
  friend bool operator==(const Period&, const Period&) = default;
  /// Instants before durations; within a kind, as that kind orders.
  friend std::strong_ordering operator<=>(const Period& a, const Period& b);

 private:
  std::variant<Instant, Duration> value_;
};

TIEOUT_END_NAMESPACE
