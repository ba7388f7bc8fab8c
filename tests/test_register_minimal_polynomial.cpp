// The word-level GF(2) minimal polynomial of a register state against the formula on NTL's GF2X.
#include <catch2/catch.hpp>
#include <random>

#include "algebra/register_minimal_polynomial.hpp"

using namespace lfsr;

namespace {

// f / gcd(f, r) as register_minimal_polynomial states it, on NTL's polynomials throughout.
NTL::GF2X by_ntl(const NTL::GF2X& f, Form form, const NTL::GF2X& v) {
  const long n = NTL::deg(f);
  const NTL::GF2X r = form == Form::galois ? v : NTL::RightShift(f * NTL::reverse(v, n - 1), n);
  return f / NTL::GCD(f, r);
}

NTL::GF2X word_polynomial(std::uint64_t bits) {
  NTL::GF2X a;
  for (long i = 0; bits != 0; ++i, bits >>= 1) NTL::SetCoeff(a, i, static_cast<long>(bits & 1U));
  return a;
}

}  // namespace

TEST_CASE("GF(2) minimal polynomials of register states by words equal NTL's", "[representatives][gf2]") {
  const auto form = GENERATE(Form::fibonacci, Form::galois);
  // Every state of every register of degree 1..7.
  for (int n = 1; n <= 7; ++n) {
    for (std::uint64_t low = 0; low < (std::uint64_t{1} << n); ++low) {
      const NTL::GF2X f = word_polynomial(low | (std::uint64_t{1} << n));
      for (std::uint64_t state = 0; state < (std::uint64_t{1} << n); ++state) {
        const NTL::GF2X v = word_polynomial(state);
        REQUIRE(detail::register_minimal_polynomial(f, form, v) == by_ntl(f, form, v));
      }
    }
  }
  // Random registers and states up to degree 32, the largest the words take, and just beyond.
  std::mt19937_64 random(32);
  for (int n = 8; n <= 34; ++n) {
    for (int trial = 0; trial < 40; ++trial) {
      const std::uint64_t mask = (std::uint64_t{1} << n) - 1;
      const NTL::GF2X f = word_polynomial((random() & mask) | (std::uint64_t{1} << n) | (trial % 3 == 0 ? 0U : 1U));
      const NTL::GF2X v = word_polynomial(trial == 0 ? 0 : random() & mask);
      CAPTURE(n, trial);
      REQUIRE(detail::register_minimal_polynomial(f, form, v) == by_ntl(f, form, v));
    }
  }
}
