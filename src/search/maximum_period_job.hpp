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

// Members per chunk: a chunk of about 2^26 register steps (a walk is 2^(n-1) steps on average),
// so that a hand-over costs little beside it, and about 16 chunks per worker where the range
// allows, so that uneven walks even out.
std::uint64_t maximum_period_chunk_members(int bits, std::uint64_t members, int workers);

}  // namespace lfsr
