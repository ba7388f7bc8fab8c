// compare_modes: one timing per runner in the order seq, threads, fork, the warm-up count carried,
// and the unstable flag exactly when the slowest run took more than 3 times the fastest.
#include <catch2/catch.hpp>

#include "lfsr/compare.hpp"
#include "lfsr/polynomial.hpp"

using namespace lfsr;

TEST_CASE("compare_modes times seq, threads and fork after the warm-up runs", "[compare][threads]") {
  const Field gf2 = Field::from_order(2);
  const LinearMap map = linear_map_of(Lfsr{parse_polynomial("x^12+x^6+x^4+x+1", gf2), Form::fibonacci});
  for (const int warmups : {0, 1, 3}) {
    CAPTURE(warmups);
    const Comparison comparison = compare_modes(map, 2, 3, {}, warmups);
    REQUIRE(comparison.result.maximal_length());
    REQUIRE(comparison.timings.size() == 3);
    const Mode order[] = {Mode::seq, Mode::threads, Mode::fork};
    for (std::size_t i = 0; i < 3; ++i) {
      const ModeTiming& timing = comparison.timings[i];
      CHECK(timing.mode == order[i]);
      CHECK(timing.warmup_runs == warmups);
      CHECK(timing.min_seconds <= timing.median_seconds);
      CHECK(timing.median_seconds <= timing.max_seconds);
      CHECK(timing.unstable() == (timing.max_seconds > unstable_spread * timing.min_seconds));
    }
  }
}

TEST_CASE("a mode is unstable when its runs spread more than 3x", "[compare]") {
  ModeTiming timing;
  timing.min_seconds = 1.0;
  timing.max_seconds = 3.0;
  CHECK_FALSE(timing.unstable());
  timing.max_seconds = 3.01;
  CHECK(timing.unstable());
}
