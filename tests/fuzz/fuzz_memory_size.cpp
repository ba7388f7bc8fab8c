// Fuzzes --max-memory's size parser against a reference written here: digits with an optional
// K, M, G or T (powers of 1024), nonzero and below 2^64, and nothing else.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "lfsr/error.hpp"
#include "options.hpp"

using namespace lfsr;
using namespace lfsr::fuzz;

namespace {

__extension__ using uint128 = unsigned __int128;

// The size the text means, or nothing when it is not one.
std::optional<std::uint64_t> reference_size(std::string_view text) {
  int shift = 0;
  if (!text.empty()) {
    const std::string_view units = "KkMmGgTt";
    if (const std::size_t unit = units.find(text.back()); unit != std::string_view::npos) {
      shift = 10 * static_cast<int>(unit / 2 + 1);
      text.remove_suffix(1);
    }
  }
  if (text.empty()) return std::nullopt;
  uint128 value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
    if (value >> 64 != 0) return std::nullopt;
  }
  value <<= shift;
  if (value == 0 || value >> 64 != 0) return std::nullopt;
  return static_cast<std::uint64_t>(value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
  const std::optional<std::uint64_t> expected = reference_size(text);
  try {
    const std::uint64_t bytes = cli::parse_memory_size(text);
    require(expected && *expected == bytes, "size parsed to another value than the reference:", text);
  } catch (const InputError& error) {
    check_message(error);
    require(!expected, "a valid size was refused:", text);
  }
  return 0;
}
