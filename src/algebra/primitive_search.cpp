// The search for the first primitive polynomial in the documented order (see primitive_search.hpp).
#include "lfsr/primitive_search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "algebra/integer_factoring.hpp"
#include "algebra/primitivity_test.hpp"
#include "lfsr/error.hpp"

namespace lfsr {

namespace {

// The least c_0 with (-1)^n c_0 primitive: the constant term every candidate of degree n gets.
std::uint32_t admissible_constant(const Field& field, int n) {
  for (std::uint32_t c = 1;; ++c) {
    if (detail::is_primitive_element(field, n % 2 == 0 ? c : field.neg(c))) return c;
  }
}

// The ResourceError for a q^n - 1 the factoring could not finish: nothing could be proven primitive.
[[noreturn]] void refuse_unfactored(const Field& field, int n, const detail::PowerMinusOneFactors& factors) {
  const std::string integer =
      field.is_prime() ? fmt::format("{}^{}-1", field.q(), n)
                       : fmt::format("{}^{}-1 = {}^{}-1", field.q(), n, field.p(), static_cast<long>(n) * field.k());
  throw ResourceError(fmt::format(
      "cannot find a primitive polynomial of degree {} over {}: {} cannot be factored ({}), so no order can be proven",
      n, field.name(), integer, detail::unfactored_text(field.p(), factors)));
}

// The candidates of one height: c[1..n-1] with entries in 0..height, one of them equal to height.
template <class Found>
struct MiddleCoefficients {
  const Field& field;
  std::vector<std::uint32_t>& c;
  std::uint32_t height;
  const Found& found;

  // Calls found(f(1)) for each choice of c[1..top] with exactly `nonzero` entries in 1..height (one of
  // them height when `need_height`), in increasing order of sum c_i q^i: the highest nonzero entry at
  // its lowest position first, then its least value, then the same for the entries below it. at_one
  // is f(1) so far. Stops and returns true when found does.
  bool each(int top, int nonzero, bool need_height, std::uint32_t at_one) const {
    if (nonzero == 0) return !need_height && found(at_one);
    for (int position = nonzero; position <= top; ++position) {
      std::uint32_t& entry = c[static_cast<std::size_t>(position)];
      for (std::uint32_t value = 1; value <= height; ++value) {
        entry = value;
        if (each(position - 1, nonzero - 1, need_height && value != height, field.add(at_one, value))) return true;
      }
      entry = 0;
    }
    return false;
  }
};

}  // namespace

Polynomial first_primitive_polynomial(int bits, const Field& field, const AlgebraOptions& options) {
  if (bits < 1 || bits > max_primitive_search_bits) {
    throw InputError(fmt::format("no primitive polynomial of degree {} over {}: the degree must be 1..{}", bits,
                                 field.name(), max_primitive_search_bits));
  }
  // Factored once here, so a hopeless q^n - 1 is refused before any candidate.
  const detail::PowerMinusOneFactors factors =
      detail::factor_power_minus_one(field.p(), static_cast<long>(bits) * field.k(), options);
  if (!factors.unfactored.empty()) refuse_unfactored(field, bits, factors);

  std::vector<std::uint32_t> c(static_cast<std::size_t>(bits) + 1, 0);
  c[0] = admissible_constant(field, bits);
  c.back() = 1;
  // f(1) = 0 means x - 1 divides f (over GF(2): every f with an even number of terms), for free.
  const auto is_primitive_at = [&](std::uint32_t at_one) {
    return (bits == 1 || at_one != 0) && detail::is_primitive_with_primes(field, c, factors.primes);
  };
  // Height 0 is the binomial x^n + c_0 (primitive only for n = 1); each height is a finite set, and
  // the heights up to q - 1 hold every polynomial with this c_0, some of them primitive.
  for (std::uint32_t height = 0; height < field.q(); ++height) {
    const MiddleCoefficients<decltype(is_primitive_at)> candidates{field, c, height, is_primitive_at};
    for (int nonzero = height == 0 ? 0 : 1; nonzero <= (height == 0 ? 0 : bits - 1); ++nonzero) {
      if (candidates.each(bits - 1, nonzero, height != 0, field.add(1, c[0]))) return Polynomial(field, c);
    }
  }
  throw InternalError(fmt::format("no primitive polynomial of degree {} over {} has constant term {}", bits,
                                  field.name(), field.element_text(c[0])));
}

Polynomial default_primitive_polynomial(int bits, const Field& field, const AlgebraOptions& options) {
  if (field.q() == 2 && bits >= min_default_bits && bits <= max_default_bits()) return default_maximal_polynomial(bits);
  return first_primitive_polynomial(bits, field, options);
}

}  // namespace lfsr
