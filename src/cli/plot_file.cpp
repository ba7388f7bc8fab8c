// The plot file: checked with access(2) before the run, written with stdio after it.
#include "plot_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "lfsr/error.hpp"

namespace lfsr::cli {

void check_plot_file(const std::string& path) {
  const auto fail = [&](std::string_view why) {
    return InputError(fmt::format("--plot: cannot write {}: {}", path, why));
  };
  if (path.empty()) throw InputError("--plot: the file name is empty");
  std::error_code error;
  const std::filesystem::path file(path);
  if (std::filesystem::is_directory(file, error)) throw fail("it is a directory");
  if (std::filesystem::exists(file, error)) {
    if (::access(path.c_str(), W_OK) != 0) throw fail(std::strerror(errno));
    return;
  }
  const std::filesystem::path parent = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  if (!std::filesystem::is_directory(parent, error)) throw fail(fmt::format("no directory {}", parent.string()));
  if (::access(parent.c_str(), W_OK | X_OK) != 0) throw fail(std::strerror(errno));
}

void write_plot_file(const std::string& path, const std::string& svg) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw WorkerError(fmt::format("writing the plot {}: {}", path, std::strerror(errno)));
  const bool written = std::fwrite(svg.data(), 1, svg.size(), file) == svg.size();
  const int saved = errno;
  if (std::fclose(file) != 0 || !written)
    throw WorkerError(fmt::format("writing the plot {}: {}", path, std::strerror(written ? errno : saved)));
}

}  // namespace lfsr::cli
