// The child processes alive right now (fork workers, the factoring child), kept where a signal
// handler can end and reap them before the process dies of the signal.
#pragma once

#include <sys/types.h>

namespace lfsr {

// Records a freshly forked child. Async-signal-safe and lock-free; a full table (more children
// than any run forks) leaves the child unrecorded: PR_SET_PDEATHSIG still ends it with the parent.
void remember_child(pid_t pid);

// Forgets a child once it has been reaped.
void forget_child(pid_t pid);

// Async-signal-safe: SIGKILLs every recorded child and reaps it, so that a parent dying of a
// signal leaves no worker running and no zombie behind, whoever its next parent is.
void end_children_now();

}  // namespace lfsr
