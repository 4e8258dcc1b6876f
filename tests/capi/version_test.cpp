// tieout.h mirrors the version macros of tieout/version.hpp: compiled here
// as C++ (tieout.h must be usable from C++), each set is read on its own
// and the two compared, and the library's runtime version with both.
#include "tieout.h"

constexpr int c_major = TIEOUT_VERSION_MAJOR;
constexpr int c_minor = TIEOUT_VERSION_MINOR;
constexpr int c_patch = TIEOUT_VERSION_PATCH;
constexpr int c_version = TIEOUT_VERSION;
#undef TIEOUT_VERSION_MAJOR
#undef TIEOUT_VERSION_MINOR
#undef TIEOUT_VERSION_PATCH
#undef TIEOUT_VERSION

#include <cstdio>
#include <cstring>
#include <string>

#include "tieout/version.hpp"

static_assert(c_major == TIEOUT_VERSION_MAJOR, "tieout.h and tieout/version.hpp disagree");
static_assert(c_minor == TIEOUT_VERSION_MINOR, "tieout.h and tieout/version.hpp disagree");
static_assert(c_patch == TIEOUT_VERSION_PATCH, "tieout.h and tieout/version.hpp disagree");
static_assert(c_version == TIEOUT_VERSION, "tieout.h and tieout/version.hpp disagree");

int main() {
  const std::string expected = std::to_string(TIEOUT_VERSION_MAJOR) + "." +
                               std::to_string(TIEOUT_VERSION_MINOR) + "." +
                               std::to_string(TIEOUT_VERSION_PATCH);
  if (tieout_version_number() != static_cast<unsigned>(TIEOUT_VERSION) ||
      expected != tieout_version()) {
    std::fprintf(stderr, "library %s (%u), headers %s (%d)\n", tieout_version(),
                 tieout_version_number(), expected.c_str(), TIEOUT_VERSION);
    return 1;
  }
  return 0;
}
