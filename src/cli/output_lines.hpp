// Whole lines to standard output, flushed: what a run over many registers or candidates streams.
#pragma once

#include <string>

namespace lfsr::cli {

// Writes `text` (whole lines) in one write and flushes it, with signals held until it is out, so
// that a reader sees whole lines as soon as they are known. A failed write (a full disk, a closed
// pipe) throws WorkerError rather than leaving a silently truncated output.
void write_lines(const std::string& text);

}  // namespace lfsr::cli
