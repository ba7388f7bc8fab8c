// Small state spaces by a successor table: in-degrees peel the transient states level by level,
// then each cycle is walked once from its smallest state.
#include "engine/small_enumeration.hpp"

#include <fmt/format.h>

#include <bit>
#include <map>
#include <utility>
#include <vector>

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
};

enum : std::uint8_t { unknown = 0, transient = 1, walked = 2 };

template <class Next>
void fill_successors(std::uint32_t* next, std::uint64_t states, const Next& step) {
  for (std::uint64_t state = 0; state < states; ++state) next[state] = static_cast<std::uint32_t>(step(state));
}

void fill_successors(const LinearMap& map, std::uint32_t* next, std::uint64_t states) {
  if (map.kind == LinearMap::Kind::gf2_fibonacci) {
    // The stepper's output tables serve long walks; here one shift and parity per state is all.
    const std::uint64_t taps = map.gf2_taps;
    const int top = map.dimension - 1;
    fill_successors(next, states, [=](std::uint64_t state) {
      return (state >> 1) | (static_cast<std::uint64_t>(std::popcount(state & taps) & 1) << top);
    });
    return;
  }
  with_stepper(map, [&](const auto& stepper) {
    fill_successors(next, states, [&](std::uint64_t state) { return stepper.next(state); });
  });
}

}  // namespace

CycleStructure enumerate_small(const LinearMap& map, bool list_cycles) {
  const std::uint64_t states = map.state_count();
  if (states == 0 || states > small_enumeration_states)
    throw InternalError(fmt::format("enumerate_small: {}^{} states is not a small state space", map.p, map.dimension));
  thread_local SmallBuffers buffers;
  buffers.next.resize(states);
  buffers.in_degree.assign(states, 0);
  buffers.mark.assign(states, unknown);
  buffers.peeled.clear();
  std::uint32_t* next = buffers.next.data();
  std::uint32_t* in_degree = buffers.in_degree.data();
  std::uint8_t* mark = buffers.mark.data();
  fill_successors(map, next, states);
  for (std::uint64_t state = 0; state < states; ++state) ++in_degree[next[state]];

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
  const std::uint64_t cyclic_states = states - peeled.size();

  // Ascending states: the first state met on a cycle is its smallest.
  std::map<std::uint64_t, std::pair<std::uint64_t, std::uint64_t>> by_length;  // length -> count, smallest
  CycleStructure result;
  for (std::uint64_t state = 0; state < states; ++state) {
    if (mark[state] != unknown) continue;
    std::uint64_t length = 0;
    std::uint32_t at = static_cast<std::uint32_t>(state);
    do {
      mark[at] = walked;
      at = next[at];
      ++length;
    } while (at != state);
    auto [found, added] = by_length.try_emplace(length, 0, state);
    ++found->second.first;
    if (list_cycles) result.cycle_list.push_back({state, length});
  }

  result.states = mpz_class(static_cast<unsigned long>(states));
  result.cyclic_states = mpz_class(static_cast<unsigned long>(cyclic_states));
  result.transient_states = mpz_class(static_cast<unsigned long>(states - cyclic_states));
  result.max_tail = mpz_class(static_cast<unsigned long>(longest_tail));
  for (const auto& [length, tally] : by_length) {
    const mpz_class big_length(static_cast<unsigned long>(length));
    result.add_cycles(big_length, mpz_class(static_cast<unsigned long>(tally.first)));
    result.representatives[big_length] = CycleRepresentative{mpz_class(static_cast<unsigned long>(tally.second)), {}};
  }
  if (longest_tail > 0) {
    // As enumerate() finds it: the states of shorter tail form a proper subspace that holds every
    // index below p^i as long as it holds e_0 .. e_(i-1), so the first unit vector whose tail is
    // the longest is the smallest such state.
    std::uint64_t unit = 1;
    for (int i = 0; i < map.dimension && !result.longest_tail_state; ++i, unit *= map.p) {
      std::uint64_t at = unit;
      for (std::uint64_t step = 1; step < longest_tail; ++step) at = next[at];
      if (mark[at] == transient) result.longest_tail_state = mpz_class(static_cast<unsigned long>(unit));
    }
    if (!result.longest_tail_state) throw InternalError(fmt::format("no state has the longest tail {}", longest_tail));
  }
  if (result.states_on_cycles() != result.cyclic_states)
    throw InternalError(fmt::format("enumeration found cycles covering {} states, expected {}",
                                    result.states_on_cycles().get_str(), cyclic_states));
  return result;
}

}  // namespace lfsr
