// tieout/unit.hpp - what a figure counts: a currency, shares, ADSs, an amount
// per share, a percentage or a pure number.
//
// Units decide which figures may be added (RMB to RMB, never RMB to US$ or
// to shares) and which conversions relate them (US$ = RMB / 7.0176;
// ordinary shares = ADSs x 15). A filing prints currencies as symbols or
// codes ("RMB", "US$", "HK$"); Currency::from_printed maps them to ISO 4217
// codes and refuses symbols that name several currencies ("$", "¥").
// Related: scale.hpp, period.hpp. Stability: stable.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// An ISO 4217 currency code ("CNY", "USD", "HKD").
class Currency {
 public:
  /// Throws domain_error unless `code` is three upper-case ASCII letters.
  explicit Currency(std::string_view code);

  /// The currency a printed symbol or code names: "RMB" and "CNY" are CNY,
  /// "US$" and "USD" are USD, "HK$" is HKD, and so on. Nothing for text that
  /// names no currency or several ("$" is used for USD, HKD, SGD, ...).
  static std::optional<Currency> from_printed(std::string_view text);

  /// The three-letter code ("CNY"): reports and the JSON print this, never
  /// the symbol the filing used.
  std::string_view code() const noexcept { return {code_.data(), code_.size()}; }

  /// Ordered, and equal, by code.
  friend auto operator<=>(const Currency&, const Currency&) = default;

 private:
  std::array<char, 3> code_;
};

/// The kind of quantity a figure is.
enum class UnitKind : std::uint8_t {
  pure = 0,       ///< a number of nothing in particular (a ratio, a count of days)
  money = 1,      ///< an amount of a currency
  shares = 2,     ///< a number of ordinary shares
  ads = 3,        ///< a number of American depositary shares
  per_share = 4,  ///< an amount of a currency per ordinary share (EPS)
  per_ads = 5,    ///< an amount of a currency per ADS
  percent = 6,    ///< a percentage (12.1 means 12.1%)
};

/// A figure's unit: a kind, with its currency for money and per-share kinds.
/// Built only through the named constructors, so that money always has a
/// currency and shares never do.
class Unit {
 public:
  /// The unit of each kind (UnitKind says what each is); those that need a
  /// currency take one, the others cannot be given one.
  ///@{
  static Unit pure() noexcept { return Unit(UnitKind::pure, std::nullopt); }
  static Unit money(Currency currency) noexcept { return Unit(UnitKind::money, currency); }
  static Unit shares() noexcept { return Unit(UnitKind::shares, std::nullopt); }
  static Unit ads() noexcept { return Unit(UnitKind::ads, std::nullopt); }
  static Unit per_share(Currency currency) noexcept { return Unit(UnitKind::per_share, currency); }
  static Unit per_ads(Currency currency) noexcept { return Unit(UnitKind::per_ads, currency); }
  static Unit percent() noexcept { return Unit(UnitKind::percent, std::nullopt); }
  ///@}

  /// The kind of quantity.
  UnitKind kind() const noexcept { return kind_; }
  /// The currency of money and per-share units; nothing otherwise.
  const std::optional<Currency>& currency() const noexcept { return currency_; }

  /// "CNY", "shares", "ADS", "CNY/share", "USD/ADS", "%", "pure".
  std::string to_string() const;

  /// Same kind and same currency: CNY and USD are different units, so a
  /// footing cannot mix them.
  friend bool operator==(const Unit&, const Unit&) = default;

 private:
  Unit(UnitKind kind, std::optional<Currency> currency) noexcept
      : kind_(kind), currency_(currency) {}

  UnitKind kind_;
  std::optional<Currency> currency_;
};

TIEOUT_END_NAMESPACE
