// Must not compile with TIEOUT_COMPILE_FAIL defined: an integer becomes a
// Decimal only when asked, so a count cannot silently pass for an amount.
#include "tieout/decimal.hpp"

int main() {
#ifdef TIEOUT_COMPILE_FAIL
  const tieout::Decimal amount = 15;
#else
  const tieout::Decimal amount(15);
#endif
  return amount.is_zero() ? 1 : 0;
}
