// tieout/version.hpp - the library's version, at compile time.
//
// The C++ API lives in an inline namespace named after the major version
// (tieout::v0), so code built against one major version fails to link with
// another instead of misbehaving. CMake reads the version from this file.
// Stability: stable.
#pragma once

/// The version of these headers, as semantic versioning reads it: a new
/// MAJOR breaks the API and renames the inline namespace, a new MINOR adds
/// to it, a new PATCH only fixes. Compare with the library's at run time
/// (the C ABI's tieout_version_number()) to catch a mismatched build.
///@{
#define TIEOUT_VERSION_MAJOR 0
#define TIEOUT_VERSION_MINOR 1
#define TIEOUT_VERSION_PATCH 0
///@}

/// The version as one number, MAJOR * 10000 + MINOR * 100 + PATCH.
#define TIEOUT_VERSION \
  (TIEOUT_VERSION_MAJOR * 10000 + TIEOUT_VERSION_MINOR * 100 + TIEOUT_VERSION_PATCH)

/// Open and close tieout's namespace, `namespace tieout { inline namespace
/// v0 {`: every public header declares its API between the two, so that the
/// major version is part of every mangled name.
///@{
#define TIEOUT_BEGIN_NAMESPACE \
  namespace tieout {           \
  inline namespace v0 {
#define TIEOUT_END_NAMESPACE \
  }                          \
  }
///@}

/// @namespace tieout
/// tieout's C++ API: exact decimals, figures as printed, statement graphs,
/// constraints, rounding-aware checks, the solver, readers and reports.
/// Anything in tieout::detail is neither documented nor stable.

/// @namespace tieout::v0
/// The API of major version 0, inline in tieout: users write tieout::Decimal,
/// and the linker sees tieout::v0::Decimal, so code built against another
/// major version fails to link instead of misbehaving.
