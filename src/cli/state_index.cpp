// The text of a state index: decimal, or hexadecimal after 0x.
#include "state_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "lfsr/error.hpp"
#include "lfsr/printable_text.hpp"

namespace lfsr::cli {

mpz_class parse_state(const std::string& text, std::string_view option) {
  const bool hex = text.size() > 2 && (text.starts_with("0x") || text.starts_with("0X"));
  const std::string digits = hex ? text.substr(2) : text;
  mpz_class state;
  if (digits.empty() ||
      !std::all_of(digits.begin(), digits.end(),
                   [hex](unsigned char c) { return hex ? std::isxdigit(c) != 0 : std::isdigit(c) != 0; }) ||
      state.set_str(digits, hex ? 16 : 10) != 0)
    throw InputError(
        fmt::format("{}: '{}' is not a state index (decimal, or hex with 0x)", option, printable_text(text)));
  return state;
}

}  // namespace lfsr::cli
