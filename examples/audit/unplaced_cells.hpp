// The cells of a filing that tieout read but could not place in a period
// and unit, for the audit scripts of forms it does not read yet (the HKEX
// monthly return, Form 144): what there is to check by hand.
#pragma once

#include <map>
#include <string>
#include <tieout/audit.hpp>

/// The text of each unplaced cell of the audit's filings, by "LINE:COLUMN"
/// (COLUMN the TAB-separated field, the label being field 1): the figures
/// as the form prints them, to be stated by hand (tieout::stated) or placed
/// in the graph.
inline std::map<std::string, std::string> unplaced_cells(const tieout::Audit& audit) {
  std::map<std::string, std::string> cells;
  for (const tieout::ReadDocument& document : audit.documents()) {
    for (const tieout::ReadTable& table : document.tables) {
      for (const tieout::UnplacedCell& cell : table.unplaced) {
        cells[std::to_string(cell.line) + ":" + std::to_string(cell.column)] = cell.text;
      }
    }
  }
  return cells;
}
