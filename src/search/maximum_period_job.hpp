// The search for maximum-period NLFSRs as a chunk job: ranges of a family's members, run on any runner.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "lfsr/feedback_family.hpp"
#include "lfsr/maximum_period_search.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

// Members begin..end-1 of `family` searched by the workers of `runner` (seq, threads, the fork
// pool, or the ranks of an MPI job): a chunk is a contiguous range of members, so that each
// worker's walks run with nothing shared. found(members) receives the maximum-period members in
// index order, each chunk's as soon as it and every chunk before it are done, so that a long
// search streams its findings. Returns what the whole search did.
MaximumPeriodSearchCounts search_maximum_period_on(
    const FeedbackFamily& family, std::uint64_t begin, std::uint64_t end, Runner& runner,
    const std::function<void(std::vector<MaximumPeriodMember>&&)>& found);

// Members per chunk: about 4 chunks per worker, so that uneven walks even out, and at least 1024
// members (or all), so that the search's bit-sliced lanes stay full for most of a chunk.
std::uint64_t maximum_period_chunk_members(std::uint64_t members, int workers);

}  // namespace lfsr
