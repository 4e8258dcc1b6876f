// lib/text_document.cpp - splitting a filing's text into tables and prose.
#include "tieout/text_document.hpp"

#include <fstream>
#include <iterator>
#include <limits>

TIEOUT_BEGIN_NAMESPACE
namespace {

// The most prose lines kept as a table's heading: a company name, a title
// and a scale note, as statements are headed.
constexpr std::size_t heading_lines = 3;

// The offset of the first byte that does not start or continue a valid UTF-8
// sequence (overlong forms, surrogates and code points past U+10FFFF are
// invalid), or npos.
std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code = byte & 0x1Fu;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code = byte & 0x0Fu;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code = byte & 0x07u;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3Fu);
    }
    constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

std::vector<std::string> split_fields(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  while (true) {
    const std::size_t tab = line.find('\t', begin);
    fields.emplace_back(line.substr(begin, tab == std::string_view::npos ? tab : tab - begin));
    if (tab == std::string_view::npos) return fields;
    begin = tab + 1;
  }
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

unexpected<ReadError> fail(const std::string& path, std::uint32_t line, std::string reason) {
  return unexpected(ReadError{path, line, std::move(reason)});
}

}  // namespace

std::string ReadError::to_string() const {
  std::string text = path;
  if (line > 0) text.append(":").append(std::to_string(line));
  return text.append(": ").append(reason);
}

result<TextDocument, ReadError> read_text_document(std::string path, std::string_view content) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return fail(path, 0, "the file is empty");
  }
  TextDocument document;
  document.path = std::move(path);
  std::uint32_t line_number = 0;
  bool in_table = false;
  std::vector<std::string> prose_since_table;
  std::size_t begin = 0;
  while (begin < content.size()) {
    const std::size_t end = std::min(content.find('\n', begin), content.size());
    std::string_view line = content.substr(begin, end - begin);
    if (line_number == std::numeric_limits<std::uint32_t>::max()) {
      return fail(document.path, line_number, "more lines than tieout counts (2^32 - 1)");
    }
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (const auto nul = line.find('\0'); nul != std::string_view::npos) {
      return fail(document.path, line_number,
                  "a NUL byte at byte " + std::to_string(nul + 1) +
                      " of the line: this is binary data, not text");
    }
    if (const auto bad = invalid_utf8_at(line); bad != std::string_view::npos) {
      return fail(document.path, line_number,
                  "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
    }
    if (line.find('\t') != std::string_view::npos && !is_blank(line)) {
      if (!in_table) {
        TextTable table;
        const std::size_t keep = std::min(prose_since_table.size(), heading_lines);
        table.heading.assign(prose_since_table.end() - static_cast<std::ptrdiff_t>(keep),
                             prose_since_table.end());
        document.tables.push_back(std::move(table));
        prose_since_table.clear();
        in_table = true;
      }
      document.tables.back().rows.push_back({line_number, split_fields(line)});
    } else {
      // A blank line or prose ends a table.
      in_table = false;
      if (!is_blank(line)) {
        document.prose.push_back({line_number, std::string(line)});
        prose_since_table.emplace_back(line);
      }
    }
    if (end == content.size()) break;
    begin = end + 1;
  }
  document.line_count = line_number;
  return document;
}

result<TextDocument, ReadError> load_text_document(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return fail(path, 0, "cannot open the file");
  std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) return fail(path, 0, "cannot read the file");
  return read_text_document(path, content);
}

TIEOUT_END_NAMESPACE
