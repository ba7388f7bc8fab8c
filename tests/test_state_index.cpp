// State indexes as options give them: decimal or hex, bounded in digits before they are read.
#include <gmpxx.h>

#include <catch2/catch.hpp>
#include <string>

#include "lfsr/error.hpp"
#include "lfsr/polynomial.hpp"
#include "registers/state_text.hpp"

using namespace lfsr;
using Catch::Matchers::Contains;

TEST_CASE("a state index is read in decimal or in hex", "[state_index]") {
  CHECK(parse_state_index("0", "--trace") == 0);
  CHECK(parse_state_index("123", "--trace") == 123);
  CHECK(parse_state_index("0x7b", "--trace") == 123);
  CHECK(parse_state_index("0X7B", "--trace") == 123);
  for (const char* bad : {"", "abc", "-1", "1e3", "0x", "0xg", " 1", "1 "}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH(parse_state_index(bad, "--period-of"),
                      Contains("--period-of: '") && Contains("is not a state index"));
  }
}

TEST_CASE("the digit bounds of a state index are those of the largest state of any register", "[state_index]") {
  // The largest state space: q = 65536 and the degree limit, 2^(16 * max_polynomial_degree) states.
  const mpz_class largest = (mpz_class(1) << (16 * max_polynomial_degree)) - 1;
  CHECK(largest.get_str(10).size() == max_state_decimal_digits);
  CHECK(largest.get_str(16).size() == max_state_hex_digits);

  const std::string decimal(max_state_decimal_digits, '7');
  CHECK(parse_state_index(decimal, "--trace") == mpz_class(decimal));
  CHECK_THROWS_WITH(parse_state_index(decimal + "7", "--trace"),
                    Contains("--trace: a state index of 481649 decimal digits") && Contains("at most 481648 digits"));
  const std::string hex(max_state_hex_digits, 'f');
  CHECK(parse_state_index("0x" + hex, "--trace") == largest);
  CHECK_THROWS_WITH(parse_state_index("0x" + hex + "f", "--period-of"),
                    Contains("--period-of: a state index of 400001 hex digits") && Contains("at most 400000 digits"));
}
