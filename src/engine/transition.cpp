// Transition: a linear map or a feedback function behind one interface for the engine.
#include "lfsr/transition.hpp"

#include <fmt/format.h>

#include "lfsr/error.hpp"
#include "runners/byte_io.hpp"

namespace lfsr {

namespace {

constexpr std::uint8_t linear_tag = 1;
constexpr std::uint8_t feedback_tag = 2;

}  // namespace

std::uint64_t Transition::state_count() const {
  if (const Feedback* f = feedback()) return f->bits() <= 62 ? std::uint64_t{1} << f->bits() : 0;
  return linear_map()->state_count();
}

bool Transition::is_invertible() const {
  if (const Feedback* f = feedback()) return f->is_invertible();
  return linear_map()->is_invertible();
}

std::string Transition::state_space() const {
  if (const Feedback* f = feedback()) return fmt::format("2^{}", f->bits());
  return fmt::format("{}^{}", linear_map()->p, linear_map()->dimension);
}

bool Transition::is_gf2_shift_register() const {
  return feedback() != nullptr || linear_map()->kind == LinearMap::Kind::gf2_fibonacci;
}

int Transition::dimension() const {
  if (const Feedback* f = feedback()) return f->bits();
  return linear_map()->dimension;
}

std::string Transition::serialize() const {
  if (const Feedback* f = feedback()) return ByteWriter().put(feedback_tag).put_bytes(f->serialize()).take();
  return ByteWriter().put(linear_tag).put_bytes(linear_map()->serialize()).take();
}

Transition Transition::deserialize(std::string_view bytes) {
  ByteReader in(bytes);
  const auto tag = in.get<std::uint8_t>();
  if (tag == feedback_tag) return Feedback::deserialize(in.get_bytes());
  if (tag == linear_tag) return LinearMap::deserialize(in.get_bytes());
  throw InternalError(fmt::format("a transition tagged {} is neither linear nor feedback", tag));
}

}  // namespace lfsr
