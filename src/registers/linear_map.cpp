// The engine's view of a transition: digit-level reference stepping, invertibility, serialization.
#include "lfsr/linear_map.hpp"

#include "runners/byte_io.hpp"
#include "lfsr/error.hpp"

namespace lfsr {

std::uint64_t LinearMap::state_count() const {
  std::uint64_t count = 1;
  for (int i = 0; i < dimension; ++i) {
    if (count > (std::uint64_t{1} << 62) / p) return 0;
    count *= p;
  }
  return count;
}

bool LinearMap::is_invertible() const {
  if (kind != Kind::general) return (gf2_taps & 1U) != 0;
  // Gaussian elimination mod p: invertible iff full rank.
  const auto n = static_cast<std::size_t>(dimension);
  std::vector<std::uint64_t> a(matrix.begin(), matrix.end());
  auto inverse = [this](std::uint64_t x) {  // x^(p-2) mod p, p prime
    std::uint64_t result = 1, base = x % p;
    for (std::uint64_t e = p - 2; e > 0; e >>= 1, base = base * base % p)
      if (e & 1U) result = result * base % p;
    return result;
  };
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    while (pivot < n && a[pivot * n + col] == 0) ++pivot;
    if (pivot == n) return false;
    for (std::size_t j = 0; j < n; ++j) std::swap(a[pivot * n + j], a[col * n + j]);
    const std::uint64_t scale = inverse(a[col * n + col]);
    for (std::size_t row = col + 1; row < n; ++row) {
      const std::uint64_t factor = a[row * n + col] * scale % p;
      if (factor == 0) continue;
      for (std::size_t j = col; j < n; ++j) a[row * n + j] = (a[row * n + j] + (p - factor) * a[col * n + j]) % p;
    }
  }
  return true;
}

std::string LinearMap::serialize() const {
  ByteWriter out;
  out.put(kind).put(p).put(dimension).put(gf2_taps);
  for (std::uint32_t entry : matrix) out.put(entry);
  return out.take();
}

LinearMap LinearMap::deserialize(std::string_view bytes) {
  ByteReader in(bytes);
  LinearMap map;
  map.kind = in.get<Kind>();
  map.p = in.get<std::uint32_t>();
  map.dimension = in.get<int>();
  map.gf2_taps = in.get<std::uint64_t>();
  map.matrix.resize(static_cast<std::size_t>(map.dimension) * static_cast<std::size_t>(map.dimension));
  for (std::uint32_t& entry : map.matrix) entry = in.get<std::uint32_t>();
  if (!in.empty()) throw InternalError("trailing LinearMap bytes");
  return map;
}

LinearMap linear_map_of(const Field& field, int n, const std::vector<std::uint32_t>& entries) {
  const auto k = static_cast<std::size_t>(field.k());
  const auto size = static_cast<std::size_t>(n);
  LinearMap map;
  map.p = field.p();
  map.dimension = static_cast<int>(k * size);
  if (k == 1) {
    map.matrix = entries;
    return map;
  }
  // Column (i, j) is the image of a^j in coordinate i: row r holds the digits of A[r][i] * a^j.
  const std::size_t dimension = k * size;
  map.matrix.assign(dimension * dimension, 0);
  for (std::size_t i = 0; i < size; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      const std::uint32_t basis = field.power(field.generator(), j);
      for (std::size_t row = 0; row < size; ++row) {
        std::uint32_t image = field.mul(entries[row * size + i], basis);
        for (std::size_t t = 0; t < k; ++t, image /= field.p()) {
          map.matrix[(row * k + t) * dimension + i * k + j] = image % field.p();
        }
      }
    }
  }
  return map;
}

LinearMap linear_map_of(const Lfsr& lfsr) {
  LinearMap map = linear_map_of(lfsr.field(), lfsr.degree(), transition_entries(lfsr));
  if (lfsr.field().q() == 2 && map.dimension <= 63) {
    map.kind = lfsr.form == Form::fibonacci ? LinearMap::Kind::gf2_fibonacci : LinearMap::Kind::gf2_galois;
    for (int i = 0; i < map.dimension; ++i)
      if (lfsr.polynomial.tap(i) != 0) map.gf2_taps |= std::uint64_t{1} << i;
  }
  return map;
}

}  // namespace lfsr
