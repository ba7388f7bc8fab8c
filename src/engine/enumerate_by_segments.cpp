// Enumeration by segments between segment points: chunks that share no memory, stitched at the end.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "engine/cyclic_states.hpp"
#include "engine/longest_tail_state.hpp"
#include "engine/progress_monitor.hpp"
#include "engine/segment_walker.hpp"
#include "engine/short_cycle_search.hpp"
#include "engine/stepper.hpp"
#include "engine/stitch_chains.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "runners/byte_io.hpp"

namespace lfsr {

namespace {

template <class Stepper>
class SegmentJob final : public ChunkJob {
 public:
  SegmentJob(const Stepper& stepper, const SegmentPlan& plan, std::shared_ptr<const std::vector<std::uint64_t>> cyclic)
      : stepper_(stepper), plan_(plan), cyclic_(std::move(cyclic)) {}
  std::unique_ptr<ChunkWorker> make_worker() override {
    return std::make_unique<SegmentWalker<Stepper>>(stepper_, plan_, cyclic_);
  }

 private:
  Stepper stepper_;
  SegmentPlan plan_;
  std::shared_ptr<const std::vector<std::uint64_t>> cyclic_;
};

// The spec: the plan, the serialized map, and (singular maps) one bit per segment point, set when
// it is cyclic. No arena offsets: a process that shares no memory with the caller rebuilds it.
std::string segment_spec(const SegmentPlan& plan, const Transition& map, const std::vector<std::uint64_t>& cyclic) {
  ByteWriter out;
  out.put(plan).put_bytes(map.serialize());
  out.put_bytes(std::string_view(reinterpret_cast<const char*>(cyclic.data()), cyclic.size() * 8));
  return out.take();
}

std::unique_ptr<ChunkJob> rebuild_segment_job(std::string_view spec) {
  ByteReader in(spec);
  const auto plan = in.get<SegmentPlan>();
  const Transition map = Transition::deserialize(in.get_bytes());
  const std::string_view bits = in.get_bytes();
  auto cyclic = std::make_shared<std::vector<std::uint64_t>>(bits.size() / 8);
  if (!plan.all_cyclic && cyclic->size() * 64 < plan.points)
    throw InternalError("the segment job's cyclic points are missing");
  if (!cyclic->empty()) std::memcpy(cyclic->data(), bits.data(), cyclic->size() * 8);  // none when all are cyclic
  return with_stepper(map, [&](const auto& stepper) -> std::unique_ptr<ChunkJob> {
    return std::make_unique<SegmentJob<std::decay_t<decltype(stepper)>>>(stepper, plan, cyclic);
  });
}

// Registered before main runs, hence before any worker is forked.
const bool registered = [] {
  register_job_kind(segments_job_kind, rebuild_segment_job);
  return true;
}();

int ceil_log2(std::uint64_t n) { return n <= 1 ? 0 : 64 - std::countl_zero(n - 1); }

// About 2^16 segment points, so that the segments exchanged stay small (32 bytes each) and the
// chunks balance; never fewer bits than the claim-based engine's distinguished points use. The
// word-level Fibonacci GF(2) walk skips most of its zero-run search from 15 bits on (about 3x
// faster at n = 28 than with 12 bits), so from 2^24 states it takes at least 15 (512 points).
int choose_segment_bits(const Transition& map, std::uint64_t states, const EnumerationOptions& options) {
  const int log_states = ceil_log2(states);
  if (options.segment_bits > 0) return std::min(options.segment_bits, std::max(log_states, 1));
  const int bits = std::max(std::clamp(log_states - 8, 2, 10), log_states - 16);
  const LinearMap* linear = map.linear_map();
  return linear && linear->kind == LinearMap::Kind::gf2_fibonacci && log_states >= 24 ? std::max(bits, 15) : bits;
}

SegmentPlan plan_segments(const Transition& map, std::uint64_t states, int workers, const EnumerationOptions& options) {
  SegmentPlan plan;
  plan.states = states;
  plan.segment_bits = choose_segment_bits(map, states, options);
  plan.points = ((states - 1) >> plan.segment_bits) + 1;
  plan.list_cycles = options.list_cycles;
  if (options.chunk_states != 0) {
    plan.points_per_chunk = std::max<std::uint64_t>(options.chunk_states >> plan.segment_bits, 1);
  } else if (workers <= 1) {
    plan.points_per_chunk = plan.points;
  } else {
    // About 16 chunks per worker balance the load, as in enumerate.
    const std::uint64_t chunks = static_cast<std::uint64_t>(workers) * 16;
    plan.points_per_chunk = (plan.points + chunks - 1) / chunks;
  }
  return plan;
}

mpz_class big(std::uint64_t value) { return mpz_class(std::to_string(value)); }

std::uint64_t states_on(const FoundCycles& found) {
  std::uint64_t total = 0;
  for (const auto& [length, tally] : found.by_length) total += length * tally.count;
  return total;
}

// Cycles of a GF(2) shift register (linear or not) with no segment point, of length at most
// `shortfall`: the periodic windows (short_cycle_search.hpp), each counted by its smallest state. A
// cycle holding a segment point was walked in phase 1 and is skipped.
template <class Next>
void add_short_cycles(int bits, const Next& next, int segment_bits, std::uint64_t shortfall, bool list_cycles,
                      FoundCycles& found) {
  const std::uint64_t segment_mask = (std::uint64_t{1} << segment_bits) - 1;
  for_each_short_cycle(
      bits, static_cast<int>(shortfall), next, [] { return false; },
      [&](std::uint64_t window, int period) {
        std::uint64_t state = window;
        for (int step = 0; step < period; ++step, state = next(state))
          if ((state & segment_mask) == 0) return;
        found.by_length[static_cast<std::uint64_t>(period)].add(1, window);
        if (list_cycles) found.listed.push_back({window, static_cast<std::uint64_t>(period)});
      });
}

}  // namespace

CycleStructure enumerate_by_segments(const Transition& map, Runner& spread, Runner& local,
                                     const EnumerationOptions& options) {
  const std::uint64_t states = map.state_count();
  if (states == 0 || states > max_enumeration_states)
    throw ResourceError(fmt::format("a state space of {} states is too large to enumerate", map.state_space()));
  // Chunks for every worker of every rank the runner spreads them over.
  SegmentPlan plan = plan_segments(map, states, spread.workers() * spread.ranks(), options);

  CycleStructure result;
  result.states = big(states);
  std::uint64_t cyclic_states = states;
  std::uint64_t longest_tail = 0;
  std::vector<std::uint64_t> cyclic_points;
  if (!map.is_invertible()) {
    // The cyclic states by enumerate's image passes, in this process's arena.
    SharedArena& arena = SharedArena::instance();
    arena.reset();
    EnumerationLayout layout = plan_enumeration_layout(states, local.workers(), options);
    const CyclicStates found = find_cyclic_states(map, local, layout);
    cyclic_states = found.count;
    longest_tail = found.longest_tail;
    const SharedBits cyclic(arena.at<std::uint64_t>(layout.image_to));
    cyclic_points.assign(words_for_bits(plan.points), 0);
    for (std::uint64_t point = 0; point < plan.points; ++point)
      if (cyclic.test(point << plan.segment_bits)) cyclic_points[point / 64] |= std::uint64_t{1} << (point % 64);
    plan.all_cyclic = false;
    result.longest_tail_state = big(with_stepper(map, [&](const auto& stepper) {
      return smallest_longest_tail_state(
          map, longest_tail, [&](std::uint64_t s) { return stepper.next(s); },
          [&](std::uint64_t s) { return !cyclic.test(s); });
    }));
  }

  // Phase 1: the segments, chunk by chunk, wherever `spread` runs them.
  JobDescription job{segments_job_kind, segment_spec(plan, map, cyclic_points), plan.chunks(), next_run_id(), {}, {}};
  std::vector<ChunkFindings> chunk_findings(plan.chunks());
  std::atomic<std::uint64_t> chunks_done = 0;
  std::atomic<std::uint64_t> states_found = 0;
  if (options.on_progress) {
    // Each chunk's findings as they arrive, so that the progress line can count them.
    job.on_result = [&](std::uint64_t chunk, std::string&& bytes) {
      ChunkFindings& findings = chunk_findings.at(chunk);
      findings = ChunkFindings::deserialize(bytes);
      std::uint64_t states_in_chunk = 0;
      for (const Chain& chain : findings.chains) states_in_chunk += chain.length;
      for (const auto& [length, tally] : findings.cycles) states_in_chunk += length * tally.count;
      states_found += states_in_chunk;
      ++chunks_done;
    };
  }
  {
    const ProgressMonitor monitor(options.on_progress, [&] {
      const std::uint64_t points_done = std::min(plan.points, chunks_done.load() * plan.points_per_chunk);
      return EnumerationProgress{states, std::min(states, points_done << plan.segment_bits), states_found.load(),
                                 cyclic_states, 0};
    });
    const std::vector<std::string> chunk_results = spread.run(job);
    if (chunk_results.size() != plan.chunks())
      throw InternalError(fmt::format("{} segment chunks came back, expected {}", chunk_results.size(), plan.chunks()));
    if (!job.on_result)
      for (std::uint64_t chunk = 0; chunk < plan.chunks(); ++chunk)
        chunk_findings[chunk] = ChunkFindings::deserialize(chunk_results[chunk]);
  }
  FoundCycles found;
  std::vector<Chain> chains;
  for (const ChunkFindings& findings : chunk_findings) {
    found.add_closed(findings);
    chains.insert(chains.end(), findings.chains.begin(), findings.chains.end());
  }
  // Phase 2: the segments stitched into cycles, and the count proof.
  stitch_chains(chains, options.list_cycles, found);
  std::uint64_t accounted = states_on(found);
  if (accounted > cyclic_states)
    throw InternalError(
        fmt::format("segments cover {} states, more than the {} cyclic ones", accounted, cyclic_states));
  const std::uint64_t shortfall = cyclic_states - accounted;
  // The missing states lie on cycles without segment points, each at most `shortfall` long.
  if (shortfall != 0 && shortfall <= short_cycle_search_limit && map.is_gf2_shift_register() &&
      map.dimension() > short_cycle_search_limit) {
    with_stepper(map, [&](const auto& stepper) {
      const auto next = [&stepper](std::uint64_t s) { return stepper.next(s); };
      add_short_cycles(map.dimension(), next, plan.segment_bits, shortfall, options.list_cycles, found);
    });
    accounted = states_on(found);
  }
  // Too many states on cycles without segment points to find them so: the claim-based engine
  // finds them by its scan, in this process (its shared state cannot be spread).
  if (accounted != cyclic_states) {
    if (options.before_local_fallback) options.before_local_fallback();
    return enumerate(map, local, options);
  }

  add_found_cycles(found, result);
  result.cyclic_states = big(cyclic_states);
  result.transient_states = big(states - cyclic_states);
  result.max_tail = big(longest_tail);
  if (result.states_on_cycles() != result.cyclic_states)
    throw InternalError(fmt::format("enumeration by segments found cycles covering {} states, expected {}",
                                    result.states_on_cycles().get_str(), cyclic_states));
  return result;
}

}  // namespace lfsr
