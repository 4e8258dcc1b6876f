// Must not compile with TIEOUT_COMPILE_FAIL defined: money never comes from
// binary floating point. Without it, the file compiles, which shows that the
// failure is the line below and not a broken include.
#include "tieout/decimal.hpp"

int main() {
#ifdef TIEOUT_COMPILE_FAIL
  tieout::Decimal price{1.5};
#else
  tieout::Decimal price{15};
#endif
  return price.is_zero() ? 1 : 0;
}
