// lib/period.cpp - instants, durations and their algebra.
#include "tieout/period.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "tieout/error.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

using std::chrono::days;
using std::chrono::sys_days;

Date next_day(Date date) {
  return Date{sys_days(date) + days{1}};
}
Date previous_day(Date date) {
  return Date{sys_days(date) - days{1}};
}

bool is_month_end(Date date) {
  return date.day() ==
         std::chrono::year_month_day_last(date.year(), std::chrono::month_day_last(date.month()))
             .day();
}

std::string format_date(Date date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

void require_valid(Date date) {
  if (!date.ok()) throw domain_error("not a calendar date: " + format_date(date));
}

}  // namespace

Instant::Instant(Date date) : date_(date) {
  require_valid(date_);
}

std::string Instant::to_string() const {
  return format_date(date_);
}

Duration::Duration(Date first_day, Date last_day) : first_day_(first_day), last_day_(last_day) {
  require_valid(first_day_);
  require_valid(last_day_);
  if (last_day_ < first_day_) {
    throw domain_error("a duration cannot end (" + format_date(last_day_) + ") before it starts (" +
                       format_date(first_day_) + ")");
  }
}

Duration Duration::months_ended(Date last_day, int months) {
  require_valid(last_day);
  if (months < 1) throw domain_error("a duration of months needs at least one month");
  if (is_month_end(last_day)) {
    const auto first_month = std::chrono::year_month(last_day.year(), last_day.month()) -
                             std::chrono::months{months - 1};
    return Duration(first_month / std::chrono::day{1}, last_day);
  }
  // The same day `months` earlier may not exist (Mar 30 less one month);
  // clamp to that month's last day before stepping to the next day.
  auto earlier = last_day - std::chrono::months{months};
  if (!earlier.ok()) earlier = earlier.year() / earlier.month() / std::chrono::last;
  return Duration(next_day(earlier), last_day);
}

int Duration::days() const {
  return static_cast<int>((sys_days(last_day_) - sys_days(first_day_)).count()) + 1;
}

std::optional<int> Duration::calendar_months() const {
  if (first_day_.day() != std::chrono::day{1} || !is_month_end(last_day_)) return std::nullopt;
  const int first = static_cast<int>(first_day_.year()) * 12 +
                    static_cast<int>(static_cast<unsigned>(first_day_.month()));
  const int last = static_cast<int>(last_day_.year()) * 12 +
                   static_cast<int>(static_cast<unsigned>(last_day_.month()));
  return last - first + 1;
}

Instant Duration::opening() const {
  return Instant(previous_day(first_day_));
}

Instant Duration::closing() const {
  return Instant(last_day_);
}

bool Duration::contains(const Duration& other) const noexcept {
  return first_day_ <= other.first_day_ && other.last_day_ <= last_day_;
}

std::string Duration::to_string() const {
  return format_date(first_day_) + ".." + format_date(last_day_);
}

std::strong_ordering operator<=>(const Duration& a, const Duration& b) {
  if (const auto by_end = a.last_day_ <=> b.last_day_; by_end != 0) return by_end;
  return a.first_day_ <=> b.first_day_;
}

bool tiles(std::span<const Duration> parts, const Duration& whole) {
  if (parts.empty()) return false;
  std::vector<Duration> sorted(parts.begin(), parts.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const Duration& a, const Duration& b) { return a.first_day() < b.first_day(); });
  if (sorted.front().first_day() != whole.first_day()) return false;
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].first_day() != next_day(sorted[i - 1].last_day())) return false;
  }
  return sorted.back().last_day() == whole.last_day();
}

std::optional<Duration> remainder(const Duration& whole, const Duration& part) {
  if (!whole.contains(part) || part == whole) return std::nullopt;
  if (part.first_day() == whole.first_day()) {
    return Duration(next_day(part.last_day()), whole.last_day());
  }
  if (part.last_day() == whole.last_day()) {
    return Duration(whole.first_day(), previous_day(part.first_day()));
  }
  return std::nullopt;
}

std::string Period::to_string() const {
  return is_instant() ? instant().to_string() : duration().to_string();
}

std::strong_ordering operator<=>(const Period& a, const Period& b) {
  if (a.is_instant() != b.is_instant()) {
    return a.is_instant() ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  if (a.is_instant()) return a.instant() <=> b.instant();
  return a.duration() <=> b.duration();
}

TIEOUT_END_NAMESPACE
