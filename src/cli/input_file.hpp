// Reading a whole input file (--matrix, --sequence-file), "-" meaning standard input.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "lfsr/error.hpp"

namespace lfsr::cli {

// The file's text. Throws InputError naming `what` ("matrix file") when it cannot be read or is
// larger than 64 MiB: far above any matrix or sequence the tool accepts, the bound only stops a
// wrong file name (a disk image, /dev/zero) from being read into memory whole.
std::string read_input_file(const std::string& path, std::string_view what);

// `parse` applied to the file's text; an InputError it throws names the file first
// ("matrix file m.txt: matrix line 2, ..."), so that the message says which input is wrong.
template <class Parse>
auto parse_input_file(const std::string& path, std::string_view what, Parse&& parse) {
  const std::string text = read_input_file(path, what);
  try {
    return parse(text);
  } catch (const InputError& error) {
    throw InputError(fmt::format("{} {}: {}", what, path == "-" ? "(standard input)" : path, error.what()));
  }
}

}  // namespace lfsr::cli
