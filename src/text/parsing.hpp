// The characters every parser of user text agrees on (spaces, decimal and hex digits) and trimming:
// polynomials, tap lists, matrices, sequences, state indexes and batch lines read text alike.
#pragma once

#include <algorithm>
#include <cctype>
#include <string_view>

namespace lfsr {

// Space, tab, line feed, vertical tab, form feed or carriage return: std::isspace in the C locale,
// which the tool never changes.
inline bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// 0-9 only, whatever the locale.
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// 0-9, a-f and A-F.
inline bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Whether every character is a decimal digit; true for empty text, which callers refuse first.
inline bool all_digits(std::string_view text) { return std::all_of(text.begin(), text.end(), is_digit); }

// The text without the spaces (is_space) at either end.
inline std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace lfsr
