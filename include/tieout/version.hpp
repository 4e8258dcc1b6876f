// tieout/version.hpp - the library's version, at compile time.
//
// The C++ API lives in an inline namespace named after the major version
// (tieout::v0), so code built against one major version fails to link with
// another instead of misbehaving. CMake reads the version from this file.
// Stability: stable.
#pragma once

#define TIEOUT_VERSION_MAJOR 0
#define TIEOUT_VERSION_MINOR 1
#define TIEOUT_VERSION_PATCH 0

/// The version as one number, MAJOR * 10000 + MINOR * 100 + PATCH.
#define TIEOUT_VERSION \
  (TIEOUT_VERSION_MAJOR * 10000 + TIEOUT_VERSION_MINOR * 100 + TIEOUT_VERSION_PATCH)

#define TIEOUT_BEGIN_NAMESPACE \
  namespace tieout {           \
  inline namespace v0 {
#define TIEOUT_END_NAMESPACE \
  }                          \
  }
