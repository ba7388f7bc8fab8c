// SIGINT and SIGTERM: the run dies of the signal (exit status 130, 143) with its child processes
// reaped, and never in the middle of a write, so that the output ends with a whole line.
#pragma once

namespace lfsr::cli {

// Installs the handlers; a signal ignored at startup (a background job of a script) stays ignored.
void install_termination_handlers();

// While one lives, a SIGINT or SIGTERM waits for the write to end: the process dies when the last
// WholeWrite goes. A second signal during the write ends the run at once (a reader that never
// reads must not keep it alive).
class WholeWrite {
 public:
  WholeWrite();
  ~WholeWrite();
  WholeWrite(const WholeWrite&) = delete;
  WholeWrite& operator=(const WholeWrite&) = delete;
};

}  // namespace lfsr::cli
