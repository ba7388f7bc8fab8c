// Fuzzes one line of a --batch file (algebraic, hex, taps: or feedback: text, '#' comments): a blank or
// comment line gives no register, anything else parses back from its printed form (with a comment
// after it), and a small register's cycle structure is checked.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "batch_line.hpp"
#include "engine/small_enumeration.hpp"
#include "fuzz_support.hpp"
#include "lfsr/error.hpp"
#include "structure_check.hpp"
#include "text/parsing.hpp"

using namespace lfsr;
using namespace lfsr::fuzz;

// Byte 0: the field (bits 0-3, see fuzz_fields) and the form (bit 4: Galois). The rest: the line.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const Field& field = field_for(data[0]);
  const Form form = (data[0] & 0x10) != 0 ? Form::galois : Form::fibonacci;
  const std::string_view line = as_text(data + 1, size - 1);
  std::optional<BatchRegister> f;
  try {
    f = cli::parse_batch_line(line, field, form);
  } catch (const InputError& error) {
    check_message(error);
    return 0;
  }
  if (!f) {
    const std::string_view body = line.substr(0, line.find('#'));
    require(trim(body).empty(), "a line with text gave no register");
    return 0;
  }
  const std::string text = f->text();
  require(cli::parse_batch_line(text + "  # printed back", field, form) == f, "printed line parses to another:", text);
  if (const Lfsr* lfsr = f->lfsr()) {
    check_register(*lfsr);
  } else if (f->bits() <= 12) {
    check_state_count(enumerate_small(f->transition()), std::uint64_t{1} << f->bits());
  }
  return 0;
}
