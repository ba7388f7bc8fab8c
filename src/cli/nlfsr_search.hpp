// --search-nlfsr FAMILY --bits N: the members of a feedback family whose register has maximum period.
#pragma once

#include "options.hpp"

namespace lfsr::cli {

// Runs the search the options describe (with --shard, one part of it) and prints its findings as
// text, JSON Lines or CSV, or with --summary one count; returns the exit code (0).
int run_nlfsr_search(const Options& options);

}  // namespace lfsr::cli
