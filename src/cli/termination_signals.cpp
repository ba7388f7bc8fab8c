// The SIGINT and SIGTERM handlers: end the children, then die of the signal itself, so that the
// shell sees 128 + n; during a write, only once the write is done.
#include "termination_signals.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>

#include "runners/child_processes.hpp"

namespace lfsr::cli {

namespace {

std::atomic<int> writes_in_progress{0};
std::atomic<int> pending_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "read and written by a signal handler");

// Async-signal-safe: called from the handler, or from ~WholeWrite with a signal pending.
[[noreturn]] void die_of(int signal_number) {
  end_children_now();
  signal(signal_number, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal_number);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);  // the handler runs with its signal blocked
  raise(signal_number);
  _exit(128 + signal_number);  // not reached: the default action ends the process
}

void on_termination_signal(int signal_number) {
  // The pending mark comes first: a write that ends between the two loads below then sees it.
  if (pending_signal.exchange(signal_number) != 0) die_of(signal_number);  // the second signal
  if (writes_in_progress.load() == 0) die_of(signal_number);
}

}  // namespace

void install_termination_handlers() {
  for (const int signal_number : {SIGINT, SIGTERM}) {
    struct sigaction previous {};
    sigaction(signal_number, nullptr, &previous);
    if (previous.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = on_termination_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // a deferred signal must not cut the write it waits for
    sigaction(signal_number, &action, nullptr);
  }
}

WholeWrite::WholeWrite() { writes_in_progress.fetch_add(1); }

WholeWrite::~WholeWrite() {
  if (writes_in_progress.fetch_sub(1) == 1) {
    if (const int signal_number = pending_signal.load(); signal_number != 0) die_of(signal_number);
  }
}

}  // namespace lfsr::cli
