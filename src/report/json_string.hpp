// A JSON string written as nlohmann's dump writes it, shared by the general writer (dump_json) and
// the direct batch line (json_line.cpp), whose bytes must be the same.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace lfsr {

// Printable ASCII other than '"' and '\\' needs no escaping (and is valid UTF-8), so most strings
// skip nlohmann's escaper and its temporary values; anything else goes through it.
inline void append_json_string(std::string& out, std::string_view text) {
  const bool plain =
      std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  if (!plain) {
    out += nlohmann::ordered_json(text).dump();
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

}  // namespace lfsr
