// State indexes as text: digit vectors (base-q digits, most significant first) and index parsing.
#include "registers/state_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cassert>
#include <string_view>
#include <vector>

#include "lfsr/error.hpp"
#include "text/parsing.hpp"
#include "text/printable_text.hpp"

namespace lfsr {

std::string state_digits_text(std::uint32_t q, int n, const mpz_class& index) {
  assert(q >= 2 && n >= 1 && sgn(index) >= 0);
  std::vector<std::uint32_t> digits;  // least significant first
  mpz_class rest = index;
  for (int i = 0; i < n; ++i)
    digits.push_back(static_cast<std::uint32_t>(mpz_fdiv_q_ui(rest.get_mpz_t(), rest.get_mpz_t(), q)));
  return digits_text(digits, q);
}

std::string digits_text(const std::vector<std::uint32_t>& digits, std::uint32_t q, std::size_t max_width) {
  const std::string_view separator = q > 10 ? "," : "";
  const auto width = [](std::uint32_t digit) { return fmt::formatted_size("{}", digit); };
  std::size_t length = 0;
  for (const std::uint32_t digit : digits) length += width(digit) + separator.size();
  if (max_width == 0 || length <= max_width + separator.size())
    return fmt::format("{}", fmt::join(digits.rbegin(), digits.rend(), separator));
  std::string head, tail;
  for (auto it = digits.rbegin(); head.size() + width(*it) <= 16; ++it) head += fmt::format("{}{}", *it, separator);
  for (auto it = digits.begin(); tail.size() + width(*it) <= 16; ++it)
    tail = fmt::format("{}{}", separator, *it) + tail;
  if (!separator.empty()) {
    head.pop_back();
    tail.erase(0, 1);
  }
  return fmt::format("{}...{} ({} digits)", head, tail, digits.size());
}

std::string state_index_text(const mpz_class& index) {
  const std::string text = index.get_str();
  return text.size() <= 40 ? text : fmt::format("{}...({} digits)", text.substr(0, 20), text.size());
}

mpz_class parse_state_index(std::string_view text, std::string_view option) {
  const bool hex = text.size() > 2 && (text.starts_with("0x") || text.starts_with("0X"));
  const std::string_view digits = hex ? text.substr(2) : text;
  const std::size_t max_digits = hex ? max_state_hex_digits : max_state_decimal_digits;
  if (digits.size() > max_digits) {
    throw InputError(
        fmt::format("{}: a state index of {} {} digits is longer than the largest state of any register "
                    "(at most {} digits)",
                    option, digits.size(), hex ? "hex" : "decimal", max_digits));
  }
  mpz_class state;
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), hex ? is_hex_digit : is_digit) ||
      state.set_str(std::string(digits), hex ? 16 : 10) != 0) {
    throw InputError(
        fmt::format("{}: '{}' is not a state index (decimal, or hex with 0x)", option, printable_text(text)));
  }
  return state;
}

}  // namespace lfsr
