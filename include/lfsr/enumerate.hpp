// Exact enumeration: every state visited once, cycles found by distinguished-point walks.
#pragma once

#include <cstdint>
#include <functional>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/transition.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

// How far a run has got: states on the cycles found so far, and states whose scan is done.
struct EnumerationProgress {
  std::uint64_t states = 0;
  std::uint64_t states_scanned = 0;
  std::uint64_t cyclic_states_found = 0;
  std::uint64_t cyclic_states = 0;
  double seconds = 0;
  // Fraction done in [0, 1]: the larger of the two measures (a long walk finds states faster
  // than the scan passes them; short cycles the other way round).
  double fraction() const;
};

struct EnumerationOptions {
  std::uint64_t chunk_states = 0;  // states per chunk; 0 lets the engine choose
  // Also fill CycleStructure::cycle_list with every cycle (the caller bounds their number first).
  bool list_cycles = false;
  // Called about four times a second from a monitor thread while the run lasts (none when empty).
  std::function<void(const EnumerationProgress&)> on_progress;
  // enumerate_by_segments only: segment points are the indexes whose low segment_bits bits are
  // zero; 0 lets the engine choose (about 2^16 of them). Smaller values make more segments.
  int segment_bits = 0;
  // enumerate_by_segments only: called before it falls back to enumerate() on the local runner,
  // which needs the memory of a whole enumeration in this process (a caller checks it there).
  std::function<void()> before_local_fallback = {};
};

// Largest state space enumeration accepts, whatever the memory.
inline constexpr std::uint64_t max_enumeration_states = std::uint64_t{1} << 40;

// Below this many states two workers do not beat one: measured with --compare on maximal-length
// and x^n + 1 registers, n = 18..26 (docs/benchmarks.md, "auto threshold"), parallel runs break
// even at 2^24 states and pay from 2^25 on. --mode auto runs smaller spaces sequentially.
inline constexpr std::uint64_t parallel_threshold_states = std::uint64_t{1} << 25;

// The mode --mode auto picks for a state space: seq below parallel_threshold_states or with one
// worker, else threads (as fast as the fork pool on one register, with nothing to fork).
Mode automatic_mode(std::uint64_t states, int workers);

// --method auto enumerates up to this many states (a few milliseconds) and factors beyond.
inline constexpr std::uint64_t automatic_enumeration_states = std::uint64_t{1} << 24;

// The method --method auto picks for a state space of `states`: "enumerate" or "algebraic".
inline const char* automatic_method(const mpz_class& states) {
  return states <= automatic_enumeration_states ? "enumerate" : "algebraic";
}

// Bytes the enumeration of `map` needs with `workers` workers (shared bitsets, claim table,
// per-worker buffers): compare with the memory available before starting.
std::uint64_t enumeration_memory_bytes(const Transition& map, int workers);

// The cycle structure of `map`, every chunk run by `runner`. Throws ResourceError when the state
// space exceeds max_enumeration_states, WorkerError when a worker fails, InternalError when the
// counts do not add up (never returns a result that fails its own consistency checks).
CycleStructure enumerate(const Transition& map, Runner& runner, const EnumerationOptions& options = {});

// The job kind of enumerate_by_segments' chunks: a runner that rebuilds jobs from their spec
// (a forked worker, a cluster rank) runs it like any registered kind.
inline constexpr const char* segments_job_kind = "enumerate.segments";

// The cycle structure of `map`, equal to enumerate()'s in every field, by segments between
// segment points (states whose low bits are zero, about 2^16 of them): each chunk walks from its
// segment points to the next ones and hands back (start, end, length, smallest state) per segment,
// about 32 bytes each, with no memory shared between chunks. So `spread` may run the chunks on
// machines that share nothing, such as the ranks of a cluster. The segments are stitched into
// cycles in the calling process and checked by the count proof (states on the cycles found =
// cyclic states). Cycles without a segment point are not walked: when they hold at most 16 states
// of a Fibonacci GF(2) register of more than 16 bits they are found by trying periodic windows;
// otherwise the whole register is enumerated again by enumerate(map, local, options), whose
// result is returned. A singular map's cyclic states and longest tail are found first by
// enumerate's image passes on `local` (in the calling process's shared arena). Throws as
// enumerate() does.
CycleStructure enumerate_by_segments(const Transition& map, Runner& spread, Runner& local,
                                     const EnumerationOptions& options = {});

}  // namespace lfsr
