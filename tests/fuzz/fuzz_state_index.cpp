// Fuzzes the state-index parser of --period-of and --trace against a reference written here:
// decimal digits, or 0x / 0X and hex digits, and nothing else; the value prints back to its digits.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "lfsr/error.hpp"
#include "registers/state_text.hpp"

using namespace lfsr;
using namespace lfsr::fuzz;

namespace {

// The digits of the index, lower case, without leading zeros ("0" for zero), and their base; base
// 0 when the text is no state index.
std::pair<std::string, int> reference_digits(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty()) return {"", 0};
  // Longer than the largest state of any register: refused by its length alone.
  if (text.size() > (base == 16 ? max_state_hex_digits : max_state_decimal_digits)) return {"", 0};
  std::string digits;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (!(base == 16 ? std::isxdigit(byte) : std::isdigit(byte))) return {"", 0};
    if (!(digits.empty() && c == '0')) digits += static_cast<char>(std::tolower(byte));
  }
  return {digits.empty() ? "0" : digits, base};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(as_text(data, size));
  const auto [digits, base] = reference_digits(text);
  try {
    const mpz_class state = parse_state_index(text, "--period-of");
    require(base != 0, "accepted a text that is no state index:", text);
    require(state.get_str(base) == digits, "state index parsed to another value:", text);
  } catch (const InputError& error) {
    check_message(error);
    require(base == 0, "a valid state index was refused:", text);
  }
  return 0;
}
