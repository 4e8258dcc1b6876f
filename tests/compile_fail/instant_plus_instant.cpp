// Must not compile with TIEOUT_COMPILE_FAIL defined: balances are stated at
// instants, and instants do not add up.
#include "tieout/period.hpp"

int main() {
  using namespace std::chrono_literals;
  const tieout::Instant a(2023y / 12 / 31), b(2024y / 9 / 30);
#ifdef TIEOUT_COMPILE_FAIL
  const auto sum = a + b;
#else
  const bool sum = a < b;
#endif
  return sum ? 0 : 1;
}
