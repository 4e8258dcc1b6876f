// tieout/text_document.hpp - a filing's text, split into tables and prose.
//
// Filings reach tieout as text extracted from PDF or HTML: tables are runs
// of lines whose fields are separated by TABs, among lines of prose. This
// layer only finds them and keeps every line's number and every field's
// text exactly; what the tables mean (periods, units, structure) is the
// reader's job, on top of it. Input that is not text (empty, binary, not
// UTF-8) is an error that says where and why.
//
// Related: reader.hpp (to come: tables to a statement graph).
// Stability: experimental.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tieout/result.hpp"
#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE

/// A line of a table: its 1-based line number and its TAB-separated fields
/// as printed (field 1, the label, is fields[0]). Rows of one table may
/// have different numbers of fields; nothing is padded or dropped.
struct TextRow {
  std::uint32_t line = 0;           ///< 1-based line of the file
  std::vector<std::string> fields;  ///< split at every TAB, untrimmed
};

/// A run of consecutive TAB-separated lines, with up to three lines of prose
/// above it, since the table before (a title, "(All amounts in
/// thousands)"), nearest last. A blank line ends a table.
struct TextTable {
  std::vector<std::string> heading;  ///< the prose lines above it, nearest last
  std::vector<TextRow> rows;         ///< at least one

  /// The 1-based lines of its first and last rows (0 for a table built
  /// by hand with no rows).
  ///@{
  std::uint32_t first_line() const { return rows.empty() ? 0 : rows.front().line; }
  std::uint32_t last_line() const { return rows.empty() ? 0 : rows.back().line; }
  ///@}
};

/// A non-blank line of prose (no TAB).
struct TextLine {
  std::uint32_t line = 0;  ///< 1-based line of the file
  std::string text;        ///< as printed, without the line ending
};

/// A filing's text: its tables and its prose, in order of lines.
struct TextDocument {
  std::string path;               ///< as given: reports name the file this way
  std::uint32_t line_count = 0;   ///< lines in the file, blank ones included
  std::vector<TextTable> tables;  ///< in order of lines
  std::vector<TextLine> prose;    ///< every non-blank line outside the tables
};

/// Why a file could not be read as text: the file, the 1-based line (0 when
/// it concerns the whole file) and the reason.
struct ReadError {
  std::string path;        ///< the file, as given
  std::uint32_t line = 0;  ///< 1-based; 0 for the whole file
  std::string reason;      ///< what is wrong, in words ("the file is empty")

  /// "path:line: reason" (or "path: reason").
  std::string to_string() const;
};

/// Splits `content`, the text of the file `path`, into tables and prose.
/// Lines end with LF or CRLF; a UTF-8 byte order mark is skipped. Fails on
/// an empty file, a NUL byte (binary data) and invalid UTF-8.
result<TextDocument, ReadError> read_text_document(std::string path, std::string_view content);

/// Reads the file at `path` and splits it as read_text_document does; also
/// fails when the file cannot be opened or read.
result<TextDocument, ReadError> load_text_document(const std::string& path);

TIEOUT_END_NAMESPACE
