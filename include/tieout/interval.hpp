// tieout/interval.hpp - the set of values a rounded figure stands for.
//
// A figure printed as 43,227 in thousands is not the point 43,227,000 but
// any value that rounds to it: [43,226.5, 43,227.5] thousand. Every
// rounding-aware check in tieout is interval arithmetic on these sets,
// following XBRL Calculations 1.1 (round-to-nearest and truncation), with
// open and closed ends kept exactly through addition and weighting.
//
// Related: decimal.hpp, printed_figure.hpp (decimals() gives the precision).
// Stability: stable.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "tieout/decimal.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// How a reported value relates to the true value (XBRL Calculations 1.1).
enum class RoundingConvention : std::uint8_t {
  /// Rounded to nearest: v with decimals d stands for [v - h, v + h], h = ½·10^-d.
  round_to_nearest = 0,
  /// Truncated toward zero: for v > 0 [v, v + 10^-d), for v < 0 (v - 10^-d, v],
  /// for v = 0 (-10^-d, 10^-d).
  truncation = 1,
};

/// A non-empty interval of decimals whose ends are each open or closed.
/// Empty intervals cannot be built: operations that could produce one return
/// std::optional.
class Interval {
 public:
  /// The single value [value, value]: a figure known exactly.
  explicit Interval(Decimal value);

  /// [lower, upper] with the given ends open or closed. Throws domain_error
  /// when the interval would be empty (lower > upper, or lower == upper with
  /// an open end).
  Interval(Decimal lower, bool lower_open, Decimal upper, bool upper_open);

  /// The closed interval [lower, upper]; throws domain_error when lower > upper.
  static Interval closed(Decimal lower, Decimal upper);

  /// What `value` reported with `decimals` places stands for. `decimals` may
  /// be negative (-3 for a figure rounded to thousands). Throws overflow_error
  /// when decimals + 1 exceeds Decimal::max_scale.
  static Interval from_rounded(
      const Decimal& value, int decimals,
      RoundingConvention convention = RoundingConvention::round_to_nearest);

  /// The ends, and whether each is open (excluded): a truncated figure's
  /// interval has one open end, a rounded one none.
  ///@{
  const Decimal& lower() const noexcept { return lower_; }
  const Decimal& upper() const noexcept { return upper_; }
  bool lower_open() const noexcept { return lower_open_; }
  bool upper_open() const noexcept { return upper_open_; }
  ///@}
  /// True for a single value: a figure known exactly, such as a rate.
  bool is_point() const noexcept { return lower_ == upper_; }

  /// Whether `value` is in the interval, ends' openness respected.
  bool contains(const Decimal& value) const;
  /// True when some value lies in both intervals (ends' openness respected).
  bool overlaps(const Interval& other) const;
  /// The values in both, or nothing.
  std::optional<Interval> intersect(const Interval& other) const;
  /// upper - lower, exactly (10^-d for a figure with decimals d).
  Decimal width() const { return upper_ - lower_; }
  /// (lower + upper) / 2, exactly.
  Decimal midpoint() const;

  /// Every x + y: ends add, and an end is open when either contributing end is.
  friend Interval operator+(const Interval& a, const Interval& b);
  /// Every x - y: a + (-b).
  friend Interval operator-(const Interval& a, const Interval& b);
  /// Every -x: the ends swap, with their openness.
  friend Interval operator-(const Interval& a);
  /// Every weight · x, exactly: a negative weight swaps the ends and their openness.
  Interval scaled(const Decimal& weight) const;
  /// Every x · y, widened to the closed hull: its ends are exact products,
  /// and closing an open end only adds a limit point, so the result never
  /// misses a value (outward rounding for a checker: no false alarm).
  friend Interval operator*(const Interval& a, const Interval& b);

  /// The same ends with the same openness: [1, 2] is not [1, 2).
  friend bool operator==(const Interval&, const Interval&) = default;

  /// "[1.5, 2.5)" style.
  std::string to_string() const;

 private:
  Decimal lower_;
  Decimal upper_;
  bool lower_open_ = false;
  bool upper_open_ = false;
};

/// Every x / y, widened outward to `scale` places: the lower end rounded down
/// (floor), the upper end up (ceiling), closed. Throws domain_error when the
/// divisor contains zero, where the quotient is unbounded.
Interval divide(const Interval& dividend, const Interval& divisor, int scale);

/// Writes to_string(), so that test failures print intervals readably.
std::ostream& operator<<(std::ostream& out, const Interval& interval);

TIEOUT_END_NAMESPACE
