// Escaping and shortening user text for one-line error messages.
#include "text/printable_text.hpp"

#include <fmt/format.h>

namespace lfsr {

std::string printable_text(std::string_view text, std::size_t shown) {
  std::string out;
  for (const char c : text.substr(0, shown)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\'' || c == '\\') {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out += c;
    }
  }
  if (text.size() > shown) out += "...";
  return out;
}

}  // namespace lfsr
