// --merge FILES...: the parts of a sharded scan or batch combined into what the whole run prints.
#pragma once

#include <string>
#include <vector>

namespace lfsr::cli {

// Reads every part (JSON Lines or JSON summaries of --shard I/N), checks that they are all the parts
// of one run, once each and whole, and only then prints the whole run's JSON Lines or summary,
// with its failure message on stderr; returns the whole run's exit code. Throws InputError,
// having printed nothing, naming the files when a check fails.
int merge_parts(const std::vector<std::string>& files);

}  // namespace lfsr::cli
