// The built-in maximal-length polynomials over GF(2), one per register length 2..168.
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "lfsr/error.hpp"
#include "lfsr/polynomial.hpp"

namespace lfsr {

namespace {

// Tap lists (parse_taps form: "n,a" is x^n + x^a + 1, "n,a,b,c" is x^n + x^a + x^b + x^c + 1),
// indexed by n - 2. Rule: for each n, the primitive polynomial with the fewest nonzero terms
// (a trinomial if one exists, else a pentanomial: four terms would be divisible by x + 1), and among
// those the smallest a, or the lexicographically smallest (a, b, c) with a > b > c. Each entry was
// found by search and checked primitive (irreducible, x^(2^n-1) = 1 and x^((2^n-1)/r) != 1 mod f
// for every prime r | 2^n - 1) with NTL and, independently, with FLINT alone, a proof every test run
// repeats (tests/test_default_polynomials_flint.cpp). The rule is the one
// first_primitive_polynomial (primitive_search.hpp) follows over any field, and a test checks that
// its search finds every entry.
constexpr std::array<std::string_view, 167> default_taps = {
    "2,1",        "3,1",        "4,1",        "5,2",        "6,1",        "7,1",       "8,4,3,2",     "9,4",
    "10,3",       "11,2",       "12,6,4,1",   "13,4,3,1",   "14,5,3,1",   "15,1",      "16,5,3,2",    "17,3",
    "18,7",       "19,5,2,1",   "20,3",       "21,2",       "22,1",       "23,5",      "24,4,3,1",    "25,3",
    "26,6,2,1",   "27,5,2,1",   "28,3",       "29,2",       "30,6,4,1",   "31,3",      "32,7,6,2",    "33,13",
    "34,8,4,3",   "35,2",       "36,11",      "37,6,4,1",   "38,6,5,1",   "39,4",      "40,5,4,3",    "41,3",
    "42,7,4,3",   "43,6,4,3",   "44,6,5,2",   "45,4,3,1",   "46,8,7,6",   "47,5",      "48,9,7,4",    "49,9",
    "50,4,3,2",   "51,6,3,1",   "52,3",       "53,6,2,1",   "54,8,6,3",   "55,24",     "56,7,4,2",    "57,7",
    "58,19",      "59,7,4,2",   "60,1",       "61,5,2,1",   "62,6,5,3",   "63,1",      "64,4,3,1",    "65,18",
    "66,9,8,6",   "67,5,2,1",   "68,9",       "69,6,5,2",   "70,5,3,1",   "71,6",      "72,10,9,3",   "73,25",
    "74,7,4,3",   "75,6,3,1",   "76,5,4,2",   "77,6,5,2",   "78,7,2,1",   "79,9",      "80,9,4,2",    "81,4",
    "82,9,6,4",   "83,7,4,2",   "84,13",      "85,8,2,1",   "86,6,5,2",   "87,13",     "88,11,9,8",   "89,38",
    "90,5,3,2",   "91,8,5,1",   "92,6,5,2",   "93,2",       "94,21",      "95,11",     "96,10,9,6",   "97,6",
    "98,11",      "99,7,5,4",   "100,37",     "101,7,6,1",  "102,6,5,3",  "103,9",     "104,11,10,1", "105,16",
    "106,15",     "107,9,7,4",  "108,31",     "109,5,4,2",  "110,6,4,1",  "111,10",    "112,11,6,4",  "113,9",
    "114,11,2,1", "115,8,7,5",  "116,6,5,2",  "117,5,2,1",  "118,33",     "119,8",     "120,9,6,2",   "121,18",
    "122,6,2,1",  "123,2",      "124,37",     "125,7,6,5",  "126,7,4,2",  "127,1",     "128,7,2,1",   "129,5",
    "130,3",      "131,8,3,2",  "132,29",     "133,9,8,2",  "134,57",     "135,11",    "136,8,3,2",   "137,21",
    "138,8,7,1",  "139,8,5,3",  "140,29",     "141,13,6,1", "142,21",     "143,5,3,2", "144,7,4,2",   "145,52",
    "146,5,3,2",  "147,11,4,2", "148,27",     "149,10,9,7", "150,53",     "151,3",     "152,6,3,2",   "153,1",
    "154,9,5,1",  "155,7,5,4",  "156,9,5,3",  "157,6,5,2",  "158,8,6,5",  "159,31",    "160,5,3,2",   "161,18",
    "162,8,7,4",  "163,7,6,3",  "164,12,6,5", "165,9,8,3",  "166,10,3,2", "167,6",     "168,16,9,6",
};

}  // namespace

int max_default_bits() { return min_default_bits + static_cast<int>(default_taps.size()) - 1; }

Polynomial default_maximal_polynomial(int bits) {
  if (bits < min_default_bits || bits > max_default_bits()) {
    throw InputError(fmt::format("no built-in maximal-length polynomial for {} bits (available: {}..{})", bits,
                                 min_default_bits, max_default_bits()));
  }
  return parse_taps(default_taps[static_cast<std::size_t>(bits - min_default_bits)], Field::from_order(2));
}

}  // namespace lfsr
