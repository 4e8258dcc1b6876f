// Must not compile with TIEOUT_COMPILE_FAIL defined: a double cannot sneak
// into decimal arithmetic through an implicit conversion either.
#include "tieout/decimal.hpp"

int main() {
  const tieout::Decimal price(15);
#ifdef TIEOUT_COMPILE_FAIL
  const tieout::Decimal total = price + 0.1;
#else
  const tieout::Decimal total = price + tieout::Decimal::from_coefficient(1, 1);
#endif
  return total.is_zero() ? 1 : 0;
}
