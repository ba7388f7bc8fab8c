// Hessenberg reduction and the characteristic polynomial over GF(p) with Shoup's multiplication.
#include "algebra/prime_field_matrix.hpp"

#include <algorithm>
#include <utility>

namespace lfsr::detail {

namespace {

// y[j] = y[j] + c x[j] mod p for a fixed c < p: with c' = floor(c 2^32 / p), c x - floor(c' x / 2^32) p
// is c x mod p or that plus p (Shoup), so an entry costs two multiplications and no division.
void add_multiple(std::uint32_t* y, const std::uint32_t* x, std::uint32_t c, std::uint32_t p, long length) {
  if (c == 0) return;
  const auto c_scaled = static_cast<std::uint32_t>((std::uint64_t{c} << 32) / p);
  for (long j = 0; j < length; ++j) {
    const auto estimate = static_cast<std::uint32_t>((std::uint64_t{c_scaled} * x[j]) >> 32);
    std::uint32_t sum = y[j] + (c * x[j] - estimate * p);  // < 3p: c x mod p < 2p, y < p
    sum = sum >= p ? sum - p : sum;
    y[j] = sum >= p ? sum - p : sum;
  }
}

// sum_j x[j] y[j] mod p: products below 2^32, so at most 2^32 of them add up in 64 bits.
std::uint32_t dot(const std::uint32_t* x, const std::uint32_t* y, long length, std::uint32_t p) {
  std::uint64_t sum = 0;
  for (long j = 0; j < length; ++j) sum += std::uint64_t{x[j]} * y[j];
  return static_cast<std::uint32_t>(sum % p);
}

}  // namespace

// As table_characteristic_polynomial: H = E A E^-1 upper Hessenberg, column m - 1 cleared below row m
// by row_i -= u_i row_m and col_m += sum_i u_i col_i on the right, then the recurrence
//   p_m = (x - h[m-1][m-1]) p_(m-1) - sum_(0 < i < m) h[i-1][m-1] (h[i][i-1] ... h[m-1][m-2]) p_(i-1).
std::vector<std::uint32_t> prime_field_characteristic_polynomial(const Field& field, std::vector<std::uint32_t> a,
                                                                 long n) {
  const std::uint32_t p = field.p();
  const auto row = [&](long i) { return a.data() + i * n; };
  std::vector<std::uint32_t> multipliers(static_cast<std::size_t>(n), 0);
  for (long m = 1; m + 1 < n; ++m) {
    long pivot = m;
    while (pivot < n && row(pivot)[m - 1] == 0) ++pivot;
    if (pivot == n) continue;
    if (pivot != m) {  // the permutation swaps rows and columns alike
      for (long j = 0; j < n; ++j) std::swap(row(pivot)[j], row(m)[j]);
      for (long r = 0; r < n; ++r) std::swap(row(r)[pivot], row(r)[m]);
    }
    const std::uint32_t* pivot_row = row(m);
    const std::uint32_t pivot_inverse = field.power(pivot_row[m - 1], p - 2);
    for (long i = m + 1; i < n; ++i) {
      std::uint32_t* target = row(i);
      const std::uint32_t u = field.mul(target[m - 1], pivot_inverse);
      multipliers[static_cast<std::size_t>(i)] = u;
      target[m - 1] = 0;
      add_multiple(target + m, pivot_row + m, field.neg(u), p, n - m);
    }
    for (long r = 0; r < n; ++r) {
      std::uint32_t* target = row(r);
      target[m] = field.add(target[m], dot(target + (m + 1), multipliers.data() + (m + 1), n - (m + 1), p));
    }
  }
  std::vector<std::vector<std::uint32_t>> polynomials(static_cast<std::size_t>(n) + 1);
  polynomials[0] = {1};
  for (long m = 1; m <= n; ++m) {
    const std::vector<std::uint32_t>& previous = polynomials[static_cast<std::size_t>(m - 1)];
    std::vector<std::uint32_t>& chi = polynomials[static_cast<std::size_t>(m)];
    chi.assign(static_cast<std::size_t>(m) + 1, 0);
    std::copy(previous.begin(), previous.end(), chi.begin() + 1);
    const auto subtract_multiple_of = [&](std::uint32_t c, long i) {  // chi -= c p_i
      add_multiple(chi.data(), polynomials[static_cast<std::size_t>(i)].data(), field.neg(c), p, i + 1);
    };
    subtract_multiple_of(row(m - 1)[m - 1], m - 1);
    std::uint32_t subdiagonal_product = 1;
    for (long i = m - 1; i >= 1; --i) {
      subdiagonal_product = field.mul(subdiagonal_product, row(i)[i - 1]);
      if (subdiagonal_product == 0) break;  // the block splits: no earlier term contributes
      subtract_multiple_of(field.mul(row(i - 1)[m - 1], subdiagonal_product), i - 1);
    }
  }
  return polynomials.back();
}

}  // namespace lfsr::detail
