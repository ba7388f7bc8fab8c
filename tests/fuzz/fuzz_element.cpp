// Fuzzes the field-element parser (plain numbers, the a form, [n] element numbers, parentheses):
// what parses is an element, and its printed forms parse back to it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "lfsr/error.hpp"
#include "lfsr/polynomial.hpp"

using namespace lfsr;
using namespace lfsr::fuzz;

// Byte 0: the field (see fuzz_fields). The rest: the text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const Field& field = field_for(data[0]);
  std::uint32_t element = 0;
  try {
    element = parse_element(as_text(data + 1, size - 1), field);
  } catch (const InputError& error) {
    check_message(error);
    return 0;
  }
  require(element < field.q(), "parsed element is not below q");
  const std::string text = field.element_text(element);
  require(parse_element(text, field) == element, "printed element parses to another:", text);
  require(parse_element(std::to_string(element), field) == element, "element number parses to another");
  require(parse_element("[" + std::to_string(element) + "]", field) == element, "[n] parses to another element");
  return 0;
}
