// lib/text.hpp - small text helpers the reader, the narrative linker and
// inference share (internal; not installed).
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "tieout/version.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace text {

inline std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

inline bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

inline bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Whether a code point is a letter of the scripts filings are written in
/// (Latin, Greek, Cyrillic, Hebrew, Arabic, kana, CJK, Hangul); marks such
/// as "·", "—" and "−" are not.
inline bool is_letter(char32_t c) {
  if (c < 0x80) return std::isalpha(static_cast<unsigned char>(c)) != 0;
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x52F) ||
         (c >= 0x590 && c <= 0x6FF) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF);
}

/// The code points of UTF-8 text (text_document.hpp has validated it).
inline std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> points;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t point = length == 1 ? byte : byte & (0x7F >> length);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    points.push_back(point);
    i += length;
  }
  return points;
}

inline std::size_t count_letters(std::string_view text) {
  const auto points = code_points(text);
  return static_cast<std::size_t>(std::count_if(points.begin(), points.end(), is_letter));
}

inline bool has_letter(std::string_view text) {
  return count_letters(text) > 0;
}

/// The lower-cased runs of ASCII letters and digits of `text`.
inline std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

/// A cell as it reads: trimmed, with Markdown's escaped dollar ("US\$")
/// unescaped, as text extracted through Markdown prints it.
inline std::string clean(std::string_view cell) {
  std::string result;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '$') continue;
    result += cell[i];
  }
  const auto first = result.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return result.substr(first, result.find_last_not_of(" \t") - first + 1);
}

}  // namespace text
TIEOUT_END_NAMESPACE
