// Enumeration: lays out the shared state, runs the chunk jobs on a runner, stitches the chains.
#include "lfsr/enumerate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "engine/cycle_walker.hpp"
#include "engine/cyclic_states.hpp"
#include "engine/enumeration_layout.hpp"
#include "engine/image_pass.hpp"
#include "engine/longest_tail_state.hpp"
#include "engine/progress_monitor.hpp"
#include "engine/stepper.hpp"
#include "engine/stitch_chains.hpp"
#include "lfsr/error.hpp"
#include "runners/byte_io.hpp"

namespace lfsr {

namespace {

constexpr const char* cycles_job = "enumerate.cycles";
constexpr const char* image_job = "enumerate.image";

// A job whose workers are Worker<Stepper>, Stepper chosen from the map in the spec.
template <template <class> class Worker, class Stepper>
class EnumerationJob final : public ChunkJob {
 public:
  EnumerationJob(const Stepper& stepper, const EnumerationLayout& layout) : stepper_(stepper), layout_(layout) {}
  std::unique_ptr<ChunkWorker> make_worker() override { return std::make_unique<Worker<Stepper>>(stepper_, layout_); }

 private:
  Stepper stepper_;
  EnumerationLayout layout_;
};

std::string job_spec(const EnumerationLayout& layout, const Transition& map) {
  return ByteWriter().put(layout).put_bytes(map.serialize()).take();
}

template <template <class> class Worker>
std::unique_ptr<ChunkJob> rebuild_job(std::string_view spec) {
  ByteReader in(spec);
  const auto layout = in.get<EnumerationLayout>();
  const Transition map = Transition::deserialize(in.get_bytes());
  return with_stepper(map, [&](const auto& stepper) -> std::unique_ptr<ChunkJob> {
    return std::make_unique<EnumerationJob<Worker, std::decay_t<decltype(stepper)>>>(stepper, layout);
  });
}

// Registered before main runs, hence before any worker is forked.
const bool registered = [] {
  register_job_kind(cycles_job, rebuild_job<CycleWalker>);
  register_job_kind(image_job, rebuild_job<ImagePass>);
  return true;
}();

int ceil_log2(std::uint64_t n) { return n <= 1 ? 0 : 64 - std::countl_zero(n - 1); }

std::uint64_t default_chunk_states(std::uint64_t states, int block_bits, int workers) {
  if (workers <= 1) return states;
  // About 16 chunks per worker balance the load; each chunk costs a hand-over (a round trip to a
  // forked worker), so none is smaller than 2^14 states; deferred marks want whole blocks.
  const std::uint64_t unit = std::min(states, std::uint64_t{1} << std::min(block_bits, 20));
  const std::uint64_t wanted = std::max<std::uint64_t>(states / (static_cast<std::uint64_t>(workers) * 16), 1 << 14);
  return std::max(unit, wanted / unit * unit);
}

std::uint64_t bitset_bytes(std::uint64_t bits) { return words_for_bits(bits) * 8; }

std::uint64_t popcount(const std::uint64_t* words, std::uint64_t bits) {
  std::uint64_t total = 0;
  for (std::uint64_t i = 0; i < words_for_bits(bits); ++i) total += static_cast<std::uint64_t>(std::popcount(words[i]));
  return total;
}

mpz_class big(std::uint64_t value) { return mpz_class(std::to_string(value)); }

// A nonlinear register's permutation looks random: a few cycles hold most states, and cycles too
// short to hold a DP one in 2^10 hold about a thousand states, which only marks and a scan of
// every state would find. One DP in 16 states leaves about 16 states on cycles without DPs, which
// the short-cycle search finds (they are periodic windows), and the count proof then needs no
// marks; the claims cost one bit per 16 states.
constexpr int feedback_dp_bits = 3;

EnumerationLayout plan_layout(const Transition& map, std::uint64_t states, int workers,
                              const EnumerationOptions& options) {
  EnumerationLayout layout = plan_enumeration_layout(states, workers, options);
  if (map.feedback() != nullptr) layout.dp_bits = std::min(layout.dp_bits, feedback_dp_bits);
  return layout;
}

}  // namespace

EnumerationLayout plan_enumeration_layout(std::uint64_t states, int workers, const EnumerationOptions& options) {
  EnumerationLayout layout;
  layout.states = states;
  const int log_states = ceil_log2(states);
  // Up to 2^27 states the whole bitset (16 MiB) stays in the last-level cache and marks go
  // straight in; beyond, marks are deferred per block of 2^20 states (128 KiB of bitset, in L2).
  layout.block_bits = log_states <= 27 ? log_states : 20;
  // One DP in 2^dp_bits states. Each DP costs an atomic claim, so they are rare (a claim table
  // of states/1024 bits); tiny spaces keep a few so that the DP paths run there too.
  layout.dp_bits = std::clamp(log_states - 8, 2, 10);
  layout.chunk_states =
      options.chunk_states ? options.chunk_states : default_chunk_states(states, layout.block_bits, workers);
  layout.list_cycles = options.list_cycles;
  layout.single_worker = workers <= 1;
  return layout;
}

CyclicStates find_cyclic_states(const Transition& map, Runner& runner, EnumerationLayout& layout) {
  SharedArena& arena = SharedArena::instance();
  const std::uint64_t states = layout.states;
  layout.image_from = arena.allocate(bitset_bytes(states));
  layout.image_to = arena.allocate(bitset_bytes(states));
  std::memset(arena.at<std::byte>(layout.image_from), 0xFF, bitset_bytes(states));
  // Cyclic states = image(A^t) once it stops shrinking; t is then the longest tail.
  const auto iterate = [&](const auto& run_pass) {
    CyclicStates found;
    for (std::uint64_t size = states;;) {
      std::memset(arena.at<std::byte>(layout.image_to), 0, bitset_bytes(states));
      run_pass();
      found.count = popcount(arena.at<std::uint64_t>(layout.image_to), states);
      if (found.count == size) return found;
      size = found.count;
      ++found.longest_tail;
      std::swap(layout.image_from, layout.image_to);
    }
  };
  if (layout.chunks() > 1)
    return iterate([&] { runner.run({image_job, job_spec(layout, map), layout.chunks(), next_run_id(), {}, {}}); });
  // One chunk leaves nothing to share out: the passes run here, on one kernel built and copied
  // once, without a job per pass (for a small register the hand-over cost more than the pass).
  return with_stepper(map, [&](const auto& stepper) {
    ImagePass<std::decay_t<decltype(stepper)>> pass(stepper, layout);
    return iterate([&] {
      pass.use_sets(layout);
      pass.run_chunk(0);
    });
  });
}

double EnumerationProgress::fraction() const {
  const double found =
      cyclic_states ? static_cast<double>(cyclic_states_found) / static_cast<double>(cyclic_states) : 0;
  const double passed = states ? static_cast<double>(states_scanned) / static_cast<double>(states) : 0;
  return std::clamp(std::max(found, passed), 0.0, 1.0);
}

Mode automatic_mode(std::uint64_t states, int workers) {
  return workers <= 1 || states < parallel_threshold_states ? Mode::seq : Mode::threads;
}

std::uint64_t enumeration_memory_bytes(const Transition& map, int workers) {
  const std::uint64_t states = map.state_count();
  if (states == 0) return ~std::uint64_t{0};
  const EnumerationLayout layout = plan_layout(map, states, workers, {});
  const std::uint64_t bitsets = map.is_invertible() ? 1 : 3;
  const std::uint64_t per_worker = layout.blocks() * pending_marks_per_block(layout) * 4 + (std::uint64_t{1} << 16);
  return bitsets * bitset_bytes(states) + bitset_bytes(states >> layout.dp_bits) + layout.blocks() * 8 +
         static_cast<std::uint64_t>(workers) * per_worker;
}

CycleStructure enumerate(const Transition& map, Runner& runner, const EnumerationOptions& options) {
  const std::uint64_t states = map.state_count();
  if (states == 0 || states > max_enumeration_states)
    throw ResourceError(fmt::format("a state space of {} states is too large to enumerate", map.state_space()));
  // The marks and claims live in this process's arena: ranks of their own would not see them.
  if (&runner.shared_memory_runner() != &runner)
    throw InternalError("the enumeration engine runs on a runner of one process (enumerate_on chooses it)");
  SharedArena& arena = SharedArena::instance();
  arena.reset();
  EnumerationLayout layout = plan_layout(map, states, runner.workers(), options);
  layout.visited = arena.allocate(bitset_bytes(states));
  layout.claims = arena.allocate(bitset_bytes((states >> layout.dp_bits) + 1));
  layout.block_ready = arena.allocate(layout.blocks() * sizeof(std::atomic<std::uint32_t>));
  layout.block_tally = arena.allocate(layout.blocks() * sizeof(std::atomic<std::uint32_t>));
  layout.control = arena.allocate(sizeof(SharedControl));
  std::memset(arena.at<std::byte>(layout.block_tally), 0, layout.blocks() * sizeof(std::atomic<std::uint32_t>));
  std::memset(arena.at<std::byte>(layout.claims), 0, bitset_bytes((states >> layout.dp_bits) + 1));
  std::memset(arena.at<std::byte>(layout.block_ready), 0, layout.blocks() * sizeof(std::atomic<std::uint32_t>));

  CycleStructure result;
  result.states = big(states);
  std::uint64_t cyclic_states = states;
  std::uint64_t longest_tail = 0;
  if (map.is_invertible()) {
    layout.lazy_blocks = true;
  } else {
    const CyclicStates found = find_cyclic_states(map, runner, layout);
    cyclic_states = found.count;
    longest_tail = found.longest_tail;
    // Transient states are never scanned: mark them visited up front.
    const auto* cyclic = arena.at<std::uint64_t>(layout.image_to);
    auto* visited = arena.at<std::uint64_t>(layout.visited);
    for (std::uint64_t i = 0; i < words_for_bits(states); ++i) visited[i] = ~cyclic[i];
  }
  auto& control = *new (arena.at<SharedControl>(layout.control)) SharedControl{};
  control.accounted = 0;
  control.scanned = 0;
  control.long_walks = 0;
  control.target = cyclic_states;
  const ProgressMonitor monitor(options.on_progress, [&control, states] {
    return EnumerationProgress{states, control.scanned.load(), control.accounted.load(), control.target, 0};
  });

  const auto all_found = [&control] { return control.accounted.load(std::memory_order_relaxed) >= control.target; };
  const std::vector<std::string> chunk_results =
      runner.run({cycles_job, job_spec(layout, map), layout.chunks(), next_run_id(), all_found, {}});
  std::vector<Chain> chains;
  FoundCycles found;
  for (const std::string& bytes : chunk_results) {
    if (bytes.empty()) continue;  // a chunk never handed out: the count proof came first
    const ChunkFindings findings = ChunkFindings::deserialize(bytes);
    found.add_closed(findings);
    chains.insert(chains.end(), findings.chains.begin(), findings.chains.end());
  }
  stitch_chains(chains, options.list_cycles, found);
  add_found_cycles(found, result);
  if (longest_tail > 0) {
    const SharedBits cyclic(arena.at<std::uint64_t>(layout.image_to));
    result.longest_tail_state = big(with_stepper(map, [&](const auto& stepper) {
      return smallest_longest_tail_state(
          map, longest_tail, [&](std::uint64_t s) { return stepper.next(s); },
          [&](std::uint64_t s) { return !cyclic.test(s); });
    }));
  }

  result.cyclic_states = big(cyclic_states);
  result.transient_states = big(states - cyclic_states);
  result.max_tail = big(longest_tail);
  if (result.states_on_cycles() != result.cyclic_states || control.accounted.load() != cyclic_states)
    throw InternalError(fmt::format("enumeration found cycles covering {} states, expected {}",
                                    result.states_on_cycles().get_str(), cyclic_states));
  return result;
}

}  // namespace lfsr
