// Work run in a forked child process that sends its text back through a pipe: a failure there that
// nothing can recover from (FLINT's sieve crashing, NTL ending the process) ends only the child.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "runners/cpu_deadline.hpp"

namespace lfsr::detail {

// How the child ended: its exit status as waitpid gives it, and all it wrote; `late` when the
// deadline passed first and the child was killed.
struct ChildEnd {
  bool late = false;
  int status = 0;
  std::string text;
};

// Runs work() in a child process (in `directory` when it is not empty) and returns how it ended;
// the child exits 0 after writing work()'s text. With a deadline the child is killed when its
// processor time reaches what is left, or after ten times that in wall-clock time (a child that
// waits forever on a lock uses none), and its processor time is charged to the deadline. The child
// is recorded for the termination handlers while it runs. Throws WorkerError when no child can be
// started.
ChildEnd run_in_child_process(const std::function<std::string()>& work, const std::string& directory,
                              CpuDeadline* deadline);

// In the child of run_in_child_process only: writes `text` to the parent and exits with `code`,
// without unwinding (for a terminate handler). Async-signal-safe.
[[noreturn]] void end_child_process(std::string_view text, int code);

// "exit status 3", "killed by signal 9 (Killed)".
std::string describe_status(int status);

}  // namespace lfsr::detail
