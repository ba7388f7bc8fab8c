// --method both's check: an enumeration that agrees with the factorization passes, one that does not
// fails with exit code 4's error, naming the polynomial and both methods' counts.
#include <catch2/catch.hpp>

#include "algebra/method_check.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/matrix.hpp"

using namespace lfsr;

TEST_CASE("check_against_algebra passes an enumeration and names both methods' counts when they differ", "[algebra]") {
  const Lfsr lfsr{parse_polynomial("x^4+1", Field::from_order(2)), Form::fibonacci};
  const Matrix matrix = transition_matrix(lfsr);
  const auto runner = make_sequential_runner();
  CycleStructure enumerated = enumerate(linear_map_of(lfsr), *runner);  // 1^2 2^1 4^3
  CHECK_NOTHROW(check_against_algebra(lfsr, enumerated, {}));
  CHECK_NOTHROW(check_against_algebra(matrix, enumerated, {}));

  // One 4-cycle taken for two 2-cycles: the same states, another structure.
  enumerated.cycles[4] -= 1;
  enumerated.cycles[2] += 2;
  const char* message =
      "enumeration and the algebraic method disagree on x^4+1: 7 against 6 cycles, longest 4 against 4";
  CHECK_THROWS_MATCHES(check_against_algebra(lfsr, enumerated, {}), MismatchError, Catch::Matchers::Message(message));
  CHECK_THROWS_MATCHES(check_against_algebra(matrix, enumerated, {}), MismatchError, Catch::Matchers::Message(message));
}
