// Ranks 1..K-1 of an MPI job: run the tasks rank 0 sends, on the rank's own runner, until told
// to finish.
#pragma once

#include "lfsr/runner.hpp"

namespace lfsr::cluster {

// Serves rank 0's MpiRunner until it sends Tag::finish. A task's failure goes back to rank 0 as its
// error; the loop goes on. Prints nothing.
void serve_tasks(Runner& local);

}  // namespace lfsr::cluster
