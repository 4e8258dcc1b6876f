// tieout/tieout.hpp - the whole C++ API in one include.
//
// Convenient for applications; libraries should include the one header per
// concept they use. Stability: stable.
#pragma once

#include "tieout/audit.hpp"
#include "tieout/check.hpp"
#include "tieout/compare.hpp"
#include "tieout/constraint.hpp"
#include "tieout/decimal.hpp"
#include "tieout/decimal_array.hpp"
#include "tieout/error.hpp"
#include "tieout/graph.hpp"
#include "tieout/id.hpp"
#include "tieout/infer.hpp"
#include "tieout/interval.hpp"
#include "tieout/lookup.hpp"
#include "tieout/narrative.hpp"
#include "tieout/period.hpp"
#include "tieout/printed_figure.hpp"
#include "tieout/reader.hpp"
#include "tieout/report.hpp"
#include "tieout/result.hpp"
#include "tieout/rules.hpp"
#include "tieout/scale.hpp"
#include "tieout/solver.hpp"
#include "tieout/text_document.hpp"
#include "tieout/unit.hpp"
#include "tieout/version.hpp"
