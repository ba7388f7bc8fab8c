// Reading a whole input file (--matrix, --sequence-file), "-" meaning standard input.
#pragma once

#include <string>
#include <string_view>

namespace lfsr::cli {

// The file's text. Throws InputError naming `what` ("matrix file") when it cannot be read or is
// larger than 64 MiB: far above any matrix or sequence the tool accepts, the bound only stops a
// wrong file name (a disk image, /dev/zero) from being read into memory whole.
std::string read_input_file(const std::string& path, std::string_view what);

}  // namespace lfsr::cli
