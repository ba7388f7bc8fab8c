// Small state spaces by a successor table: in-degrees peel the transient states level by level,
// then each cycle is walked once from its smallest state.
#include "engine/small_enumeration.hpp"

#include <fmt/format.h>

#include <bit>
#include <map>
#include <utility>
#include <vector>

#include "engine/longest_tail_state.hpp"
#include "engine/stepper.hpp"
#include "lfsr/error.hpp"

namespace lfsr {

namespace {

// Per thread and reused: a batch analyzes thousands of registers, and allocating these each time
// would cost as much as the enumeration itself.
struct SmallBuffers {
  std::vector<std::uint32_t> next;       // successor of each state
  std::vector<std::uint32_t> in_degree;  // predecessors not yet peeled off
  std::vector<std::uint32_t> peeled;     // transient states, in the order they were peeled
  std::vector<std::uint8_t> mark;        // unknown (cyclic until peeled), transient, or on a walked cycle
  std::vector<std::uint64_t> walked;     // a permutation's states on walked cycles, a bit each
};

enum : std::uint8_t { unknown = 0, transient = 1, walked = 2 };

// What the cycle walks found, by length: how many cycles, and the smallest state on one.
struct Found {
  std::map<std::uint64_t, std::pair<std::uint64_t, std::uint64_t>> by_length;
  std::vector<ListedCycle> listed;
  void add(std::uint64_t smallest, std::uint64_t length, bool list_cycles) {
    // States are met in ascending order: the first cycle of a length holds its smallest state.
    ++by_length.try_emplace(length, 0, smallest).first->second.first;
    if (list_cycles) listed.push_back({smallest, length});
  }
};

// A permutation: every state is cyclic, so each cycle is walked from its smallest state, stepping
// as it goes; a bit per state says which are done.
template <class Step>
void walk_permutation(std::uint64_t states, const Step& step, std::vector<std::uint64_t>& walked_bits, bool list_cycles,
                      Found& found) {
  walked_bits.assign((states + 63) / 64, 0);
  std::uint64_t* bits = walked_bits.data();
  for (std::uint64_t word = 0; word < walked_bits.size(); ++word) {
    // Bits past the last state count as walked.
    const std::uint64_t valid = states - word * 64 >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << (states % 64)) - 1;
    for (std::uint64_t open = ~bits[word] & valid; open != 0; open = ~bits[word] & valid) {
      const std::uint64_t start = word * 64 + static_cast<std::uint64_t>(std::countr_zero(open));
      std::uint64_t length = 0;
      std::uint64_t at = start;
      do {
        bits[at >> 6] |= std::uint64_t{1} << (at & 63);
        at = step(at);
        ++length;
      } while (at != start);
      found.add(start, length, list_cycles);
    }
  }
}

// Any map: a successor table, in-degrees, then the transient states peeled off level by level.
// Returns the longest tail; mark[] tells transient states from cyclic ones.
template <class Step>
std::uint64_t walk_any_map(std::uint64_t states, const Step& step, SmallBuffers& buffers, bool list_cycles,
                           Found& found) {
  buffers.next.resize(states);
  buffers.in_degree.assign(states, 0);
  buffers.mark.assign(states, unknown);
  buffers.peeled.clear();
  std::uint32_t* next = buffers.next.data();
  std::uint32_t* in_degree = buffers.in_degree.data();
  std::uint8_t* mark = buffers.mark.data();
  for (std::uint64_t state = 0; state < states; ++state) {
    next[state] = static_cast<std::uint32_t>(step(state));
    ++in_degree[next[state]];
  }
  // A state without predecessors starts a tail; peeling it may leave its successor without any.
  // Round r peels the states whose longest path from a leaf has r - 1 steps, so the number of
  // rounds is the longest tail; the states never peeled are the cyclic ones.
  std::vector<std::uint32_t>& peeled = buffers.peeled;
  for (std::uint64_t state = 0; state < states; ++state)
    if (in_degree[state] == 0) peeled.push_back(static_cast<std::uint32_t>(state));
  std::uint64_t longest_tail = 0;
  for (std::size_t head = 0; head < peeled.size(); ++longest_tail) {
    for (const std::size_t level_end = peeled.size(); head < level_end; ++head) {
      const std::uint32_t state = peeled[head];
      mark[state] = transient;
      if (--in_degree[next[state]] == 0) peeled.push_back(next[state]);
    }
  }
  for (std::uint64_t state = 0; state < states; ++state) {
    if (mark[state] != unknown) continue;
    std::uint64_t length = 0;
    std::uint32_t at = static_cast<std::uint32_t>(state);
    do {
      mark[at] = walked;
      at = next[at];
      ++length;
    } while (at != state);
    found.add(state, length, list_cycles);
  }
  return longest_tail;
}

// Calls walk(step) with the cheapest successor function of `map`.
template <class Walk>
void with_step(const Transition& map, const Walk& walk) {
  const LinearMap* linear = map.linear_map();
  if (linear && linear->kind == LinearMap::Kind::gf2_fibonacci) {
    // The stepper's output tables serve long walks; here one shift and parity per state is all.
    const std::uint64_t taps = linear->gf2_taps;
    const int top = linear->dimension - 1;
    walk([=](std::uint64_t state) { return Gf2FibonacciStepper::step(state, taps, top); });
    return;
  }
  with_stepper(map, [&](const auto& stepper) { walk([&](std::uint64_t state) { return stepper.next(state); }); });
}

mpz_class big(std::uint64_t value) { return mpz_class(static_cast<unsigned long>(value)); }

}  // namespace

CycleStructure enumerate_small(const Transition& map, bool list_cycles) {
  const std::uint64_t states = map.state_count();
  if (states == 0 || states > small_enumeration_states)
    throw InternalError(fmt::format("enumerate_small: {} states is not a small state space", map.state_space()));
  thread_local SmallBuffers buffers;
  Found found;
  const bool permutation = map.is_invertible();
  std::uint64_t longest_tail = 0;
  with_step(map, [&](const auto& step) {
    if (permutation) {
      walk_permutation(states, step, buffers.walked, list_cycles, found);
    } else {
      longest_tail = walk_any_map(states, step, buffers, list_cycles, found);
    }
  });
  const std::uint64_t cyclic_states = permutation ? states : states - buffers.peeled.size();

  CycleStructure result;
  result.states = big(states);
  result.cyclic_states = big(cyclic_states);
  result.transient_states = big(states - cyclic_states);
  result.max_tail = big(longest_tail);
  // The lengths come in ascending order: each is appended at the end of both maps, and the
  // states they cover are summed in words (at most small_enumeration_states).
  std::uint64_t states_on_cycles = 0;
  for (const auto& [length, tally] : found.by_length) {
    const mpz_class big_length = big(length);
    result.cycles.emplace_hint(result.cycles.end(), big_length, big(tally.first));
    result.representatives.emplace_hint(result.representatives.end(), big_length,
                                        CycleRepresentative{big(tally.second), {}});
    states_on_cycles += length * tally.first;
  }
  result.cycle_list = std::move(found.listed);
  if (longest_tail > 0) {
    // The state enumerate() reports, by the same search.
    const std::uint32_t* next = buffers.next.data();
    const std::uint8_t* mark = buffers.mark.data();
    result.longest_tail_state = big(smallest_longest_tail_state(
        map, longest_tail, [next](std::uint64_t s) { return next[s]; },
        [mark](std::uint64_t s) { return mark[s] == transient; }));
  }
  if (states_on_cycles != cyclic_states)
    throw InternalError(
        fmt::format("enumeration found cycles covering {} states, expected {}", states_on_cycles, cyclic_states));
  return result;
}

}  // namespace lfsr
