// Gaussian elimination, Hessenberg reduction and products over GF(p^k) as table lookups.
#include "algebra/log_table_matrix.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>

namespace lfsr::detail {

namespace {

// y[j] += c x[j] for j < length, given log c and the logarithms of x: one exp lookup and one sum
// per entry. The branch on the characteristic is outside the loop, so p = 2 runs as XORs.
void add_multiple(const LogTableField& field, TableElement* y, const std::uint32_t* log_x, std::uint32_t log_c,
                  long length) {
  if (log_c == field.zero_log()) return;
  if (field.characteristic_two()) {
    for (long j = 0; j < length; ++j) y[j] = static_cast<TableElement>(y[j] ^ field.exp(log_x[j] + log_c));
  } else if (field.single_sum_table()) {
    for (long j = 0; j < length; ++j) y[j] = field.add_small(y[j], field.exp(log_x[j] + log_c));
  } else {
    const auto run = [&]<int Blocks>(std::integral_constant<int, Blocks>) {
      for (long j = 0; j < length; ++j) {
        y[j] = field.add_to<Blocks>(y[j], field.exp_split(log_x[j] + log_c));
      }
    };
    if (field.split_blocks() == 2)
      run(std::integral_constant<int, 2>{});
    else
      run(std::integral_constant<int, 3>{});
  }
}

// sum_j x[j] y[j], given the logarithms of y. Four running sums, combined at the end: a single sum
// would make every step wait for the previous one's lookups.
TableElement dot(const LogTableField& field, const TableElement* x, const std::uint32_t* log_y, long length) {
  const auto term = [&](long j) { return field.exp(field.log(x[j]) + log_y[j]); };
  constexpr long lanes = 4;
  const long whole = length - length % lanes;
  if (field.characteristic_two()) {
    TableElement s[lanes] = {};
    for (long j = 0; j < whole; j += lanes) {
      for (long l = 0; l < lanes; ++l) s[l] = static_cast<TableElement>(s[l] ^ term(j + l));
    }
    for (long j = whole; j < length; ++j) s[0] = static_cast<TableElement>(s[0] ^ term(j));
    return static_cast<TableElement>(s[0] ^ s[1] ^ s[2] ^ s[3]);
  }
  if (field.single_sum_table()) {
    TableElement s[lanes] = {};
    for (long j = 0; j < whole; j += lanes) {
      for (long l = 0; l < lanes; ++l) s[l] = field.add_small(s[l], term(j + l));
    }
    for (long j = whole; j < length; ++j) s[0] = field.add_small(s[0], term(j));
    return field.add_small(field.add_small(s[0], s[1]), field.add_small(s[2], s[3]));
  }
  const auto run = [&]<int Blocks>(std::integral_constant<int, Blocks>) {
    LogTableField::Split sum[lanes] = {};
    const auto split_term = [&](long j) { return field.exp_split(field.log(x[j]) + log_y[j]); };
    for (long j = 0; j < whole; j += lanes) {
      for (long l = 0; l < lanes; ++l) sum[l] = field.add_split<Blocks>(sum[l], split_term(j + l));
    }
    for (long j = whole; j < length; ++j) sum[0] = field.add_split<Blocks>(sum[0], split_term(j));
    return field.join<Blocks>(
        field.add_split<Blocks>(field.add_split<Blocks>(sum[0], sum[1]), field.add_split<Blocks>(sum[2], sum[3])));
  };
  if (field.split_blocks() == 2) return run(std::integral_constant<int, 2>{});
  return run(std::integral_constant<int, 3>{});
}

// Sums and products of 16-bit logarithms (LogTableField::zech), without branches: a zero operand or
// sum is rare in a random matrix but common in a shaped one, where branches would mispredict.
class ZechLogs {
 public:
  static constexpr std::uint32_t zero = LogTableField::zech_zero_log;
  explicit ZechLogs(const LogTableField& field) : field_(field), order_(field.group_order()) {}

  std::uint32_t reduce(std::uint32_t e) const { return e >= order_ ? e - order_ : e; }  // e < 2 (q - 1)
  // log(xy).
  std::uint32_t mul(std::uint32_t log_x, std::uint32_t log_y) const {
    const std::uint32_t product = reduce(log_x + log_y);
    return log_x == zero || log_y == zero ? zero : product;
  }
  // log(-x).
  std::uint32_t negate(std::uint32_t log_x) const {
    const std::uint32_t negated = reduce(log_x + order_ / 2);
    return log_x == zero ? zero : negated;
  }
  // log(x + y) = log x + Z(log y - log x); the lookup stays inside the table when either is zero.
  std::uint32_t add(std::uint32_t log_x, std::uint32_t log_y) const {
    const bool x_zero = log_x == zero, y_zero = log_y == zero;
    const std::uint32_t difference = reduce(log_y + order_ - log_x);
    const std::uint32_t z = field_.zech(x_zero || y_zero ? 0 : difference);
    const std::uint32_t sum = z == zero ? zero : reduce(log_x + z);
    return x_zero ? log_y : y_zero ? log_x : sum;
  }

 private:
  const LogTableField& field_;
  std::uint32_t order_;
};

// log(x + g^t) for x, t != 0 (t < 2 (q - 1)): one lookup, the tripled table taking t - log x + q - 1.
// A zero sum is rare but for exact cancellations, so a branch on it predicts.
inline std::uint32_t zech_add_nonzero(const LogTableField& field, std::uint32_t order, std::uint32_t log_x,
                                      std::uint32_t t) {
  const std::uint32_t z = field.zech(t + order - log_x);
  if (z == ZechLogs::zero) [[unlikely]]
    return ZechLogs::zero;
  const std::uint32_t sum = log_x + z;
  return sum >= order ? sum - order : sum;
}

// y[j] += c x[j] on logarithms, c != 0. Zero entries are rare in the random matrices that take
// time, and branch off to the general sum.
void zech_add_multiple(const LogTableField& field, const ZechLogs& logs, std::uint16_t* y, const std::uint16_t* x,
                       std::uint32_t log_c, long length) {
  const std::uint32_t order = field.group_order();
  for (long j = 0; j < length; ++j) {
    const std::uint32_t log_y = y[j], log_x = x[j];
    if (std::max(log_y, log_x) >= order) [[unlikely]] {
      y[j] = static_cast<std::uint16_t>(logs.add(log_y, logs.mul(log_c, log_x)));
      continue;
    }
    const std::uint32_t t = log_c + log_x;
    y[j] = static_cast<std::uint16_t>(zech_add_nonzero(field, order, log_y, t));
  }
}

// log sum_j x[j] y[j] on logarithms, in eight running sums: each sum waits for its Zech lookup.
// A zero term adds nothing; a running sum is zero only at the start or after a cancellation.
std::uint32_t zech_dot(const LogTableField& field, const ZechLogs& logs, const std::uint16_t* x, const std::uint16_t* y,
                       long length) {
  const std::uint32_t order = field.group_order();
  constexpr long lanes = 8;
  const long whole = length - length % lanes;
  std::uint32_t s[lanes];
#pragma GCC unroll 8
  for (long l = 0; l < lanes; ++l) s[l] = ZechLogs::zero;
  for (long j = 0; j < whole; j += lanes) {
#pragma GCC unroll 8
    for (long l = 0; l < lanes; ++l) {
      const std::uint32_t log_x = x[j + l], log_y = y[j + l];
      if (std::max(log_x, log_y) >= order) [[unlikely]]
        continue;
      const std::uint32_t t = log_x + log_y;
      s[l] = s[l] == ZechLogs::zero ? (t >= order ? t - order : t) : zech_add_nonzero(field, order, s[l], t);
    }
  }
  for (long j = whole; j < length; ++j) s[0] = logs.add(s[0], logs.mul(x[j], y[j]));
  for (long width = lanes / 2; width >= 1; width /= 2) {
    for (long l = 0; l < width; ++l) s[l] = logs.add(s[l], s[l + width]);
  }
  return s[0];
}

// The Hessenberg reduction of table_characteristic_polynomial on 16-bit logarithms: a row operation
// is one Zech lookup per entry. Returns chi(x) on logarithms, by the same recurrence.
std::vector<std::uint32_t> characteristic_polynomial_on_logs(const LogTableField& field, const TableMatrix& h) {
  const long n = h.n;
  const ZechLogs logs(field);
  std::vector<std::uint16_t> l(h.entries.size());
  for (std::size_t i = 0; i < l.size(); ++i) l[i] = field.zech_log(h.entries[i]);
  const auto row = [&](long i) { return l.data() + i * n; };
  std::vector<std::uint16_t> multiplier_logs(static_cast<std::size_t>(n));
  for (long m = 1; m + 1 < n; ++m) {
    long pivot = m;
    while (pivot < n && row(pivot)[m - 1] == ZechLogs::zero) ++pivot;
    if (pivot == n) continue;
    if (pivot != m) {
      for (long j = 0; j < n; ++j) std::swap(row(pivot)[j], row(m)[j]);
      for (long r = 0; r < n; ++r) std::swap(row(r)[pivot], row(r)[m]);
    }
    const std::uint16_t* pivot_row = row(m);
    const std::uint32_t pivot_inverse = field.group_order() - pivot_row[m - 1];
    for (long i = m + 1; i < n; ++i) {
      std::uint16_t* target = row(i);
      const std::uint32_t u = logs.mul(target[m - 1], logs.reduce(pivot_inverse));
      multiplier_logs[static_cast<std::size_t>(i)] = static_cast<std::uint16_t>(u);
      if (u == ZechLogs::zero) continue;
      target[m - 1] = ZechLogs::zero;  // cleared: the sum cancels exactly
      zech_add_multiple(field, logs, target + m, pivot_row + m, logs.negate(u), n - m);
    }
    for (long r = 0; r < n; ++r) {
      std::uint16_t* target = row(r);
      target[m] = static_cast<std::uint16_t>(
          logs.add(target[m], zech_dot(field, logs, target + (m + 1), multiplier_logs.data() + (m + 1), n - (m + 1))));
    }
  }
  std::vector<std::vector<std::uint16_t>> p(static_cast<std::size_t>(n) + 1);
  p[0] = {0};  // log 1
  for (long m = 1; m <= n; ++m) {
    const std::vector<std::uint16_t>& previous = p[static_cast<std::size_t>(m - 1)];
    std::vector<std::uint16_t>& chi = p[static_cast<std::size_t>(m)];
    chi.assign(static_cast<std::size_t>(m) + 1, ZechLogs::zero);
    std::copy(previous.begin(), previous.end(), chi.begin() + 1);
    const auto add_multiple_of = [&](std::uint32_t log_c, long i) {  // chi -= c p_i
      if (log_c != ZechLogs::zero)
        zech_add_multiple(field, logs, chi.data(), p[static_cast<std::size_t>(i)].data(), logs.negate(log_c), i + 1);
    };
    add_multiple_of(row(m - 1)[m - 1], m - 1);
    std::uint32_t subdiagonal_product = 0;  // log 1
    for (long i = m - 1; i >= 1; --i) {
      subdiagonal_product = logs.mul(subdiagonal_product, row(i)[i - 1]);
      if (subdiagonal_product == ZechLogs::zero) break;  // the block splits: no earlier term contributes
      add_multiple_of(logs.mul(row(i - 1)[m - 1], subdiagonal_product), i - 1);
    }
  }
  std::vector<std::uint32_t> chi(static_cast<std::size_t>(n) + 1);
  for (long j = 0; j <= n; ++j)
    chi[static_cast<std::size_t>(j)] = field.zech_exp(p.back()[static_cast<std::size_t>(j)]);
  return chi;
}

void logs_of(const LogTableField& field, const TableElement* x, long length, std::vector<std::uint32_t>& logs) {
  logs.resize(static_cast<std::size_t>(length));
  for (long j = 0; j < length; ++j) logs[static_cast<std::size_t>(j)] = field.log(x[j]);
}

void swap_rows(TableMatrix& a, long i, long k) {
  for (long j = 0; j < a.n; ++j) std::swap(a.row(i)[j], a.row(k)[j]);
}

}  // namespace

TableMatrix table_matrix(const std::vector<std::uint32_t>& entries, long n) {
  TableMatrix a{n, std::vector<TableElement>(entries.size())};
  for (std::size_t i = 0; i < entries.size(); ++i) a.entries[i] = static_cast<TableElement>(entries[i]);
  return a;
}

// Invariant: rows 0..rank-1 are in echelon form on the columns before `col`, all other rows are
// zero there; row_i -= (a[i][col] / a[rank][col]) row_rank clears the column below the pivot.
long table_rank(const LogTableField& field, TableMatrix a) {
  const long n = a.n;
  std::vector<std::uint32_t> pivot_logs;
  long rank = 0;
  for (long col = 0; col < n && rank < n; ++col) {
    long pivot = rank;
    while (pivot < n && a.row(pivot)[col] == 0) ++pivot;
    if (pivot == n) continue;
    if (pivot != rank) swap_rows(a, pivot, rank);
    const TableElement* pivot_row = a.row(rank);
    logs_of(field, pivot_row + col, n - col, pivot_logs);
    for (long i = rank + 1; i < n; ++i) {
      TableElement* row = a.row(i);
      add_multiple(field, row + col, pivot_logs.data(), field.log_minus_quotient(row[col], pivot_row[col]), n - col);
    }
    ++rank;
  }
  return rank;
}

// H = E A E^-1 upper Hessenberg (h[i][j] = 0 for i > j + 1), chi unchanged. Column m - 1 is
// cleared below row m by row_i -= u_i row_m (on columns >= m - 1: the earlier ones are zero
// already in those rows), and col_m += sum_i u_i col_i undoes it on the right.
std::vector<std::uint32_t> table_characteristic_polynomial(const LogTableField& field, TableMatrix h) {
  const long n = h.n;
  std::vector<std::uint32_t> row_logs;
  std::vector<std::uint32_t> multiplier_logs(static_cast<std::size_t>(n));
  if (field.has_zech()) return characteristic_polynomial_on_logs(field, h);
  for (long m = 1; m + 1 < n; ++m) {
    long pivot = m;
    while (pivot < n && h.row(pivot)[m - 1] == 0) ++pivot;
    if (pivot == n) continue;
    if (pivot != m) {  // the permutation swaps rows and columns alike
      swap_rows(h, pivot, m);
      for (long r = 0; r < n; ++r) std::swap(h.row(r)[pivot], h.row(r)[m]);
    }
    const TableElement* pivot_row = h.row(m);
    logs_of(field, pivot_row + (m - 1), n - (m - 1), row_logs);
    for (long i = m + 1; i < n; ++i) {
      TableElement* row = h.row(i);
      const std::uint32_t u = field.log_quotient(row[m - 1], pivot_row[m - 1]);
      multiplier_logs[static_cast<std::size_t>(i)] = u;
      add_multiple(field, row + (m - 1), row_logs.data(), field.negate_log(u), n - (m - 1));
    }
    for (long r = 0; r < n; ++r) {
      TableElement* row = h.row(r);
      row[m] = field.add(row[m], dot(field, row + (m + 1), multiplier_logs.data() + (m + 1), n - (m + 1)));
    }
  }
  // p_0 = 1 and, expanding the last column of xI - H[0..m)[0..m),
  //   p_m = (x - h[m-1][m-1]) p_(m-1) - sum_(0 < i < m) h[i-1][m-1] (h[i][i-1] ... h[m-1][m-2]) p_(i-1).
  // p_logs[m]: the logarithms of p_m's coefficients, taken once.
  std::vector<std::vector<TableElement>> p(static_cast<std::size_t>(n) + 1);
  std::vector<std::vector<std::uint32_t>> p_logs(static_cast<std::size_t>(n) + 1);
  p[0] = {1};
  logs_of(field, p[0].data(), 1, p_logs[0]);
  for (long m = 1; m <= n; ++m) {
    const std::vector<TableElement>& previous = p[static_cast<std::size_t>(m - 1)];
    std::vector<TableElement>& chi = p[static_cast<std::size_t>(m)];
    chi.assign(static_cast<std::size_t>(m) + 1, 0);
    for (long j = 0; j < m; ++j) chi[static_cast<std::size_t>(j) + 1] = previous[static_cast<std::size_t>(j)];
    add_multiple(field, chi.data(), p_logs[static_cast<std::size_t>(m - 1)].data(),
                 field.negate_log(field.log(h.row(m - 1)[m - 1])), m);
    TableElement subdiagonal_product = 1;
    for (long i = m - 1; i >= 1; --i) {
      subdiagonal_product = field.mul(subdiagonal_product, h.row(i)[i - 1]);
      if (subdiagonal_product == 0) break;  // the block splits: no earlier term contributes
      const TableElement c = field.mul(h.row(i - 1)[m - 1], subdiagonal_product);
      add_multiple(field, chi.data(), p_logs[static_cast<std::size_t>(i - 1)].data(), field.negate_log(field.log(c)),
                   i);
    }
    logs_of(field, chi.data(), m + 1, p_logs[static_cast<std::size_t>(m)]);
  }
  return {p.back().begin(), p.back().end()};
}

// Row i of A B is sum_l a[i][l] row_l(B): add_multiple on the logarithms of B, taken once.
TableMatrix table_product(const LogTableField& field, const TableMatrix& a, const TableMatrix& b) {
  const long n = a.n;
  std::vector<std::uint32_t> b_logs(b.entries.size());
  for (std::size_t i = 0; i < b.entries.size(); ++i) b_logs[i] = field.log(b.entries[i]);
  TableMatrix c{n, std::vector<TableElement>(a.entries.size(), 0)};
  for (long i = 0; i < n; ++i) {
    for (long l = 0; l < n; ++l) add_multiple(field, c.row(i), b_logs.data() + l * n, field.log(a.row(i)[l]), n);
  }
  return c;
}

// With A^0..A^s at hand, Horner's rule in A^s over blocks of s coefficients: s + deg(f) / s products.
TableMatrix table_evaluate(const LogTableField& field, const std::vector<std::uint32_t>& f, const TableMatrix& a) {
  const long n = a.n;
  const long degree = static_cast<long>(f.size()) - 1;
  const long s = std::clamp<long>(std::lround(std::sqrt(static_cast<double>(degree))), 1, 8);
  std::vector<TableMatrix> powers(static_cast<std::size_t>(s) + 1);
  powers[0] = {n, std::vector<TableElement>(static_cast<std::size_t>(n * n), 0)};
  for (long i = 0; i < n; ++i) powers[0].row(i)[i] = 1;
  for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = table_product(field, powers[i - 1], a);
  std::vector<std::vector<std::uint32_t>> power_logs(powers.size());
  for (std::size_t i = 0; i < powers.size(); ++i) logs_of(field, powers[i].entries.data(), n * n, power_logs[i]);
  TableMatrix result{n, std::vector<TableElement>(static_cast<std::size_t>(n * n), 0)};
  for (long block = degree / s; block >= 0; --block) {
    if (block < degree / s) result = table_product(field, result, powers.back());
    for (long i = 0; i < s && block * s + i <= degree; ++i) {
      const auto c = static_cast<TableElement>(f[static_cast<std::size_t>(block * s + i)]);
      add_multiple(field, result.entries.data(), power_logs[static_cast<std::size_t>(i)].data(), field.log(c), n * n);
    }
  }
  return result;
}

}  // namespace lfsr::detail
