// Digit vectors of state indexes: base-q digits, most significant first.
#include "lfsr/state_text.hpp"

#include <cassert>
#include <vector>

namespace lfsr {

std::string state_digits_text(std::uint32_t q, int n, const mpz_class& index) {
  assert(q >= 2 && n >= 1 && sgn(index) >= 0);
  const auto width = static_cast<std::size_t>(n);
  if (q <= 10) {
    const std::string digits = index.get_str(static_cast<int>(q));
    return digits.size() >= width ? digits : std::string(width - digits.size(), '0') + digits;
  }
  std::vector<std::string> digits;  // least significant first
  mpz_class rest = index;
  for (std::size_t i = 0; i < width; ++i) {
    digits.push_back(std::to_string(mpz_fdiv_q_ui(rest.get_mpz_t(), rest.get_mpz_t(), q)));
  }
  std::string out;
  for (auto digit = digits.rbegin(); digit != digits.rend(); ++digit) {
    if (!out.empty()) out += ',';
    out += *digit;
  }
  return out;
}

}  // namespace lfsr
