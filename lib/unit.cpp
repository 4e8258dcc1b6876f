// lib/unit.cpp - currencies and units.
#include "tieout/unit.hpp"

#include <algorithm>

#include "tieout/error.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

struct PrintedCurrency {
  std::string_view printed;
  std::string_view code;
};

// Symbols and local names that name one currency each. "$" and "¥" are left
// out: they name several.
constexpr std::array<PrintedCurrency, 12> printed_currencies = {{
    {"RMB", "CNY"},
    {"US$", "USD"},
    {"HK$", "HKD"},
    {"NT$", "TWD"},
    {"S$", "SGD"},
    {"A$", "AUD"},
    {"C$", "CAD"},
    {"R$", "BRL"},
    {"\u20AC", "EUR"},
    {"\u00A3", "GBP"},
    {"\u20B9", "INR"},
    {"\u20A9", "KRW"},
}};

bool is_code(std::string_view text) {
  return text.size() == 3 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

Currency::Currency(std::string_view code) {
  if (!is_code(code)) {
    throw domain_error("not an ISO 4217 currency code: \"" + std::string(code) + "\"");
  }
  std::copy(code.begin(), code.end(), code_.begin());
}

std::optional<Currency> Currency::from_printed(std::string_view text) {
  for (const PrintedCurrency& entry : printed_currencies) {
    if (text == entry.printed) return Currency(entry.code);
  }
  if (is_code(text)) return Currency(text);
  return std::nullopt;
}

std::string Unit::to_string() const {
  const std::string code = currency_ ? std::string(currency_->code()) : std::string();
  switch (kind_) {
    case UnitKind::pure: return "pure";
    case UnitKind::money: return code;
    case UnitKind::shares: return "shares";
    case UnitKind::ads: return "ADS";
    case UnitKind::per_share: return code + "/share";
    case UnitKind::per_ads: return code + "/ADS";
    case UnitKind::percent: return "%";
  }
  return "pure";
}

TIEOUT_END_NAMESPACE
