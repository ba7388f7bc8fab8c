// Fuzzes --modulus, the defining polynomial of GF(p^k): what is accepted defines a field (every
// nonzero element has a^(q-1) = 1, so none is a zero divisor), and its printed modulus gives it again.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_support.hpp"
#include "lfsr/error.hpp"
#include "lfsr/field.hpp"

using namespace lfsr;
using namespace lfsr::fuzz;

namespace {

// Prime powers of every shape, and orders the option refuses (a prime, no prime power, too large).
constexpr std::array<std::uint64_t, 16> orders{4, 8, 9, 16, 25, 27, 32, 49, 64, 81, 121, 128, 256, 65536, 7, 100};

// Elements whose powers are checked: all of them up to q = 256, the first 256 beyond.
constexpr std::uint32_t checked_elements = 256;

}  // namespace

// Byte 0: the order (byte % 16 indexes `orders`). The rest: the modulus text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint64_t q = orders[data[0] % orders.size()];
  std::optional<Field> field;
  try {
    field = Field::with_modulus(q, as_text(data + 1, size - 1));
  } catch (const InputError& error) {
    check_message(error);
    return 0;
  }
  require(field->q() == q && field->k() >= 2, "accepted a modulus for a field of another order");
  require(field->modulus().size() == field->k() + 1 && field->modulus().back() == 1, "modulus not monic of degree k");
  for (std::uint32_t a = 1; a < field->q() && a <= checked_elements; ++a)
    require(field->power(a, field->q() - 1) == 1, "a reducible modulus was accepted:", field->modulus_text());
  require(Field::with_modulus(q, field->modulus_text()) == *field, "printed modulus defines another field");
  return 0;
}
