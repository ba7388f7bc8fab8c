// Fuzzes the polynomial parsers (algebraic text, hex, tap lists) over every kind of field: what
// parses prints and parses back to itself, and a small register's cycle structure is checked.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_support.hpp"
#include "lfsr/error.hpp"
#include "lfsr/polynomial.hpp"
#include "structure_check.hpp"

namespace {

using namespace lfsr;
using namespace lfsr::fuzz;

std::string hex_text(const Polynomial& f) {
  std::string digits;
  for (int i = 0; i <= f.degree(); i += 4) {
    unsigned nibble = 0;
    for (int b = 0; b < 4 && i + b <= f.degree(); ++b) nibble |= f.coefficient(i + b) << b;
    digits.insert(digits.begin(), "0123456789abcdef"[nibble]);
  }
  return "0x" + digits;
}

// "12,6,4,1" when every coefficient is 0 or 1 and the constant term is 1; else empty.
std::string taps_text(const Polynomial& f) {
  if (f.coefficient(0) != 1) return {};
  std::string text;
  for (int i = f.degree(); i >= 1; --i) {
    if (f.coefficient(i) > 1) return {};
    if (f.coefficient(i) == 1) text += (text.empty() ? "" : ",") + std::to_string(i);
  }
  return text;
}

void check_round_trips(const Polynomial& f) {
  const Field& field = f.field();
  require(f.degree() >= 1 && f.coefficient(f.degree()) == 1, "parsed polynomial not monic of degree >= 1");
  const std::string text = f.to_string();
  require(parse_polynomial(text, field) == f, "printed polynomial parses to another:", text);
  if (field.q() == 2) require(parse_polynomial(hex_text(f), field) == f, "hex round trip fails:", hex_text(f));
  if (const std::string taps = taps_text(f); !taps.empty())
    require(parse_taps(taps, field) == f, "tap-list round trip fails:", taps);
}

}  // namespace

// Byte 0: the field (bits 0-3, see fuzz_fields), the syntax (bit 5: a tap list, else
// parse_polynomial's algebraic or hex text) and the register's form (bit 4: Galois). The rest: the text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const Field& field = field_for(data[0]);
  const bool taps = (data[0] & 0x20) != 0;
  const Form form = (data[0] & 0x10) != 0 ? Form::galois : Form::fibonacci;
  const std::string_view text = as_text(data + 1, size - 1);
  std::optional<Polynomial> f;
  try {
    f = taps ? parse_taps(text, field) : parse_polynomial(text, field);
  } catch (const InputError& error) {
    check_message(error);
    return 0;
  }
  // Past the parse any exception is a finding: libFuzzer reports it as a crash.
  check_round_trips(*f);
  check_register(Lfsr{*f, form});
  return 0;
}
