// Must not compile with TIEOUT_COMPILE_FAIL defined: money always has a
// currency, so a Unit is built only through its named constructors.
#include "tieout/unit.hpp"

int main() {
#ifdef TIEOUT_COMPILE_FAIL
  const tieout::Unit unit(tieout::UnitKind::money, std::nullopt);
#else
  const tieout::Unit unit = tieout::Unit::money(tieout::Currency("CNY"));
#endif
  return unit.currency() ? 0 : 1;
}
