// Must not compile with TIEOUT_COMPILE_FAIL defined: an instant is not a
// duration, so a balance cannot stand where a flow is expected.
#include "tieout/period.hpp"

int main() {
  using namespace std::chrono_literals;
  const tieout::Instant closing(2024y / 9 / 30);
#ifdef TIEOUT_COMPILE_FAIL
  const tieout::Duration flow = closing;
#else
  const tieout::Duration flow(2024y / 7 / 1, closing.date());
#endif
  return flow.days() == 92 ? 0 : 1;
}
