// Whole input files and standard input, read with a size bound.
#include "input_file.hpp"

#include <fmt/format.h>

#include "input_stream.hpp"
#include "lfsr/error.hpp"

namespace lfsr::cli {

namespace {

constexpr std::size_t max_input_file_bytes = std::size_t{64} << 20;

}  // namespace

std::string read_input_file(const std::string& path, std::string_view what) {
  InputStream in(path, what);
  std::string text;
  char buffer[1 << 16];
  for (std::size_t got; (got = in.read(buffer, sizeof buffer)) > 0;) {
    text.append(buffer, got);
    if (text.size() > max_input_file_bytes) {
      throw InputError(fmt::format("{} {} is larger than {} MiB", what, path == "-" ? "(standard input)" : path,
                                   max_input_file_bytes >> 20));
    }
  }
  return text;
}

}  // namespace lfsr::cli
