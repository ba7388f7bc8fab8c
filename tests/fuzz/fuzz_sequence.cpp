// Fuzzes the sequence parser behind --sequence and --sequence-file, then Berlekamp-Massey on what
// it reads: the register found regenerates the sequence, its profile ends at its length, and for
// short registers no shorter one (tried one by one) generates the sequence.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "lfsr/berlekamp_massey.hpp"
#include "lfsr/error.hpp"

using namespace lfsr;
using namespace lfsr::fuzz;

namespace {

// Largest GF(p^k) whose sequences go through Berlekamp-Massey here.
constexpr std::uint32_t max_table_field = 256;

// Candidates tried for minimality: every f of degree d < L when q^d is at most this.
constexpr std::uint64_t max_shorter_candidates = 256;

// Whether the register x^d - sum c_i x^i, f = coefficients (x^0 first, monic of degree d), started
// from s_0..s_{d-1} produces the whole sequence: s_{t+d} = sum_{i<d} c_i s_{t+i}, c_i = -f_i.
bool generates(const std::vector<std::uint32_t>& f, const std::vector<std::uint32_t>& s, const Field& field) {
  const std::size_t d = f.size() - 1;
  for (std::size_t t = 0; t + d < s.size(); ++t) {
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < d; ++i) next = field.sub(next, field.mul(f[i], s[t + i]));
    if (next != s[t + d]) return false;
  }
  return true;
}

void check_no_shorter_register(const std::vector<std::uint32_t>& s, const Field& field, int complexity) {
  for (int d = 0; d < complexity; ++d) {
    const std::uint64_t count = small_state_count(field, d, max_shorter_candidates);
    if (count == 0) return;
    for (std::uint64_t code = 0; code < count; ++code) {
      std::vector<std::uint32_t> f(static_cast<std::size_t>(d) + 1, 1);
      std::uint64_t digits = code;
      for (int i = 0; i < d; ++i, digits /= field.q()) f[static_cast<std::size_t>(i)] = digits % field.q();
      require(!generates(f, s, field), "a register shorter than the linear complexity generates the sequence");
    }
  }
}

}  // namespace

// Byte 0: the field (see fuzz_fields). The rest: the text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const Field& field = field_for(data[0]);
  std::vector<std::uint32_t> sequence;
  try {
    sequence = parse_sequence(as_text(data + 1, size - 1), field);
  } catch (const InputError& error) {
    check_message(error);
    return 0;
  }
  require(!sequence.empty() && sequence.size() <= max_sequence_length(field), "sequence length out of bounds");
  for (const std::uint32_t element : sequence) require(element < field.q(), "sequence element not below q");
  // Over GF(p^k) Berlekamp-Massey first builds tables of 24 q bytes: for q = 65536 that takes 0.6 s
  // instrumented, which would make this target a hundred times slower. Its parse is fuzzed; the
  // algorithm, the same code as over GF(256), is left to the unit tests there.
  if (!field.is_prime() && field.q() > max_table_field) return 0;

  const LinearComplexity found = berlekamp_massey(sequence, field, true);
  const auto length = static_cast<std::size_t>(found.complexity);
  require(found.sequence_length == sequence.size() && length <= sequence.size(), "complexity out of range");
  require(found.profile.size() == sequence.size() && found.profile.back() == found.complexity,
          "profile does not end at the complexity");
  for (std::size_t t = 1; t < found.profile.size(); ++t)
    require(found.profile[t] >= found.profile[t - 1], "profile decreases");
  if (length == 0) {
    require(found.polynomial.empty(), "complexity 0 with a polynomial");
    for (const std::uint32_t element : sequence) require(element == 0, "complexity 0 for a nonzero sequence");
    return 0;
  }
  require(found.polynomial.size() == length + 1 && found.polynomial.back() == 1, "polynomial not monic of degree L");
  require(generates(found.polynomial, sequence, field), "the register found does not generate the sequence");
  check_no_shorter_register(sequence, field, found.complexity);
  return 0;
}
