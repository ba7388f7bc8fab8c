// The table of live child processes: a fixed array of atomic pids, safe to read in a signal handler.
#include "runners/child_processes.hpp"

#include <signal.h>
#include <sys/wait.h>

#include <array>
#include <atomic>
#include <cerrno>

namespace lfsr {

namespace {

// The most workers a run may ask for (1024), the factoring child, and room to spare.
std::array<std::atomic<pid_t>, 1100> children{};
static_assert(std::atomic<pid_t>::is_always_lock_free, "the table is read by a signal handler");

}  // namespace

void remember_child(pid_t pid) {
  for (auto& slot : children) {
    pid_t empty = 0;
    if (slot.compare_exchange_strong(empty, pid)) return;
  }
}

void forget_child(pid_t pid) {
  for (auto& slot : children) {
    pid_t expected = pid;
    if (slot.compare_exchange_strong(expected, 0)) return;
  }
}

void end_children_now() {
  for (auto& slot : children) {
    if (const pid_t pid = slot.load(); pid > 0) kill(pid, SIGKILL);
  }
  for (auto& slot : children) {
    const pid_t pid = slot.exchange(0);
    if (pid <= 0) continue;
    while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
}

}  // namespace lfsr
