// State indices as --period-of and --trace take them.
#pragma once

#include <gmpxx.h>

#include <string>
#include <string_view>

namespace lfsr::cli {

// "123" or "0x7b": a state index, not yet checked against q^n (its user knows the register).
// Throws InputError naming `option` and the text.
mpz_class parse_state(const std::string& text, std::string_view option);

}  // namespace lfsr::cli
