// The chunk job that maps a set of states through the transition: image(S) = { A s : s in S }.
// For singular maps, iterating it from all states until the image stops shrinking yields the
// cyclic states, and the number of shrinking steps is the longest tail.
#pragma once

#include <algorithm>

#include "engine/enumeration_layout.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

template <class Stepper>
class ImagePass final : public ChunkWorker {
 public:
  ImagePass(const Stepper& stepper, const EnumerationLayout& layout)
      : stepper_(stepper),
        layout_(layout),
        from_(SharedArena::instance().at<std::uint64_t>(layout.image_from)),
        to_(SharedArena::instance().at<std::uint64_t>(layout.image_to)) {}

  std::string run_chunk(std::uint64_t chunk) override {
    const std::uint64_t begin = chunk * layout_.chunk_states;
    const std::uint64_t end = std::min(layout_.states, begin + layout_.chunk_states);
    for (std::uint64_t state = begin; state < end; ++state)
      if (from_.test(state)) to_.claim(stepper_.next(state));  // atomic: other workers share words
    return {};
  }

 private:
  Stepper stepper_;
  EnumerationLayout layout_;
  SharedBits from_;
  SharedBits to_;
};

}  // namespace lfsr
