// Whole input files and standard input, read with a size bound.
#include "input_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "lfsr/error.hpp"

namespace lfsr::cli {

namespace {

constexpr std::size_t max_input_file_bytes = std::size_t{64} << 20;

}  // namespace

std::string read_input_file(const std::string& path, std::string_view what) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw InputError(fmt::format("cannot read {} {}: {}", what, path, std::strerror(errno)));
    if (std::filesystem::is_directory(path))
      throw InputError(fmt::format("cannot read {} {}: it is a directory", what, path));
    in = &file;
  }
  std::string text;
  char buffer[1 << 16];
  while (in->read(buffer, sizeof buffer) || in->gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in->gcount()));
    if (text.size() > max_input_file_bytes) {
      throw InputError(fmt::format("{} {} is larger than {} MiB", what, path == "-" ? "(standard input)" : path,
                                   max_input_file_bytes >> 20));
    }
  }
  if (in->bad()) throw InputError(fmt::format("cannot read {} {}", what, path));
  return text;
}

}  // namespace lfsr::cli
