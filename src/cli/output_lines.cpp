// write_lines: one flushed write per batch of whole lines.
#include "output_lines.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "lfsr/error.hpp"
#include "termination_signals.hpp"

namespace lfsr::cli {

void write_lines(const std::string& text) {
  const WholeWrite whole;  // a signal waits until the lines are out
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
    throw WorkerError(fmt::format("writing the output: {}", std::strerror(errno)));
}

}  // namespace lfsr::cli
