// Stepping one state on its digit vector with the field's arithmetic, for any n, and noticing the
// first state that comes back.
#include "lfsr/trace.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

#include "lfsr/error.hpp"
#include "registers/state_coordinates.hpp"

namespace lfsr {

namespace {

// sum v_i q^i from the digits: base-q^m chunks that fit in 64 bits by Horner's rule, then pairs of
// neighbours joined level by level (low + high * B^(2^level)), so that a state of n digits costs
// O(M(n) log n) rather than the n big multiplications of Horner's rule over the whole vector.
class DigitsToIndex {
 public:
  DigitsToIndex(std::uint32_t q, std::size_t n) : q_(q) {
    std::uint64_t base = 1;
    while (base <= std::numeric_limits<std::uint64_t>::max() / q) {
      base *= q;
      ++chunk_digits_;
    }
    const std::size_t chunks = (n + chunk_digits_ - 1) / chunk_digits_;
    mpz_class power = static_cast<unsigned long>(base);
    for (std::size_t joined = 1; joined < chunks; joined *= 2, power *= power) powers_.push_back(power);
  }

  mpz_class operator()(const std::vector<std::uint32_t>& digits) const {
    std::vector<mpz_class> parts;
    for (std::size_t low = 0; low < digits.size(); low += chunk_digits_) {
      std::uint64_t chunk = 0;
      for (std::size_t i = std::min(digits.size(), low + chunk_digits_); i-- > low;) chunk = chunk * q_ + digits[i];
      parts.emplace_back(static_cast<unsigned long>(chunk));
    }
    for (std::size_t level = 0; parts.size() > 1; ++level) {
      std::vector<mpz_class> joined;
      for (std::size_t i = 0; i < parts.size(); i += 2)
        joined.push_back(i + 1 < parts.size() ? mpz_class(parts[i] + parts[i + 1] * powers_[level]) : parts[i]);
      parts = std::move(joined);
    }
    return parts.empty() ? mpz_class(0) : parts.front();
  }

 private:
  std::uint64_t q_;
  std::size_t chunk_digits_ = 0;
  std::vector<mpz_class> powers_;  // powers_[l] = (q^chunk_digits_)^(2^l)
};

std::uint64_t digits_hash(const std::vector<std::uint32_t>& digits) {
  std::uint64_t hash = 0x9e3779b97f4a7c15ULL;
  for (const std::uint32_t digit : digits) {
    hash = (hash ^ digit) * 0xbf58476d1ce4e5b9ULL;
    hash ^= hash >> 31;
  }
  return hash;
}

// Rows the trace will hold, checked before any step is taken.
std::uint64_t row_count(int n, std::optional<std::uint64_t> steps) {
  const auto digits = static_cast<std::uint64_t>(n);
  if (!steps) return std::min(default_trace_steps, std::max<std::uint64_t>(1, max_trace_digits / digits));
  if (*steps == 0) throw InputError("a trace needs at least 1 step");
  if (*steps > max_trace_steps)
    throw InputError(fmt::format("a trace of {} steps is too long: the limit is {}", *steps, max_trace_steps));
  if (*steps > max_trace_digits / digits)
    throw InputError(
        fmt::format("a trace of {} steps of {} digits each is too long: the limit is {} digits in all "
                    "(here {} steps)",
                    *steps, n, max_trace_digits, max_trace_digits / digits));
  return *steps;
}

// step(v, next) writes the successor of v into next (both of n digits).
template <class Step>
Trace run_trace(const Field& field, int n, const mpz_class& start, std::optional<std::uint64_t> steps, int output_digit,
                std::string_view owner, Step step) {
  std::vector<std::uint32_t> v = detail::state_coordinates(start, field, n, owner);
  const std::uint64_t rows = row_count(n, steps);
  const DigitsToIndex index_of(field.q(), v.size());

  Trace trace;
  trace.output_digit = output_digit;
  trace.stop = steps ? TraceStop::steps : TraceStop::limit;
  trace.rows.reserve(static_cast<std::size_t>(rows));
  // Hash of a state -> the rows holding a state with that hash; a hit is confirmed on the digits.
  std::unordered_multimap<std::uint64_t, std::uint64_t> seen;
  seen.emplace(digits_hash(v), 0);
  const auto earlier_row = [&](std::uint64_t hash) -> std::optional<std::uint64_t> {
    const auto [first, last] = seen.equal_range(hash);
    for (auto it = first; it != last; ++it)
      if (trace.rows[static_cast<std::size_t>(it->second)].digits == v) return it->second;
    return std::nullopt;
  };

  std::vector<std::uint32_t> next(v.size());
  for (std::uint64_t t = 0; t < rows; ++t) {
    const std::uint32_t output = v[static_cast<std::size_t>(output_digit)];
    trace.rows.push_back({index_of(v), v, output});
    step(v, next);
    std::swap(v, next);
    if (trace.tail) continue;  // the cycle is known; only --steps goes on
    const std::uint64_t hash = digits_hash(v);
    if (const std::optional<std::uint64_t> earlier = earlier_row(hash)) {
      trace.tail = *earlier;
      trace.period = t + 1 - *earlier;
      if (!steps) {
        trace.stop = TraceStop::repeat;
        break;
      }
    } else {
      seen.emplace(hash, t + 1);
    }
  }
  trace.next_state = index_of(v);
  return trace;
}

}  // namespace

std::string_view trace_stop_name(TraceStop stop) {
  switch (stop) {
    case TraceStop::repeat:
      return "repeat";
    case TraceStop::steps:
      return "steps";
    case TraceStop::limit:
      return "limit";
  }
  return "steps";
}

Trace trace_states(const Lfsr& lfsr, const mpz_class& start, std::optional<std::uint64_t> steps) {
  const Field& field = lfsr.field();
  const int n = lfsr.degree();
  const auto size = static_cast<std::size_t>(n);
  std::vector<std::pair<std::size_t, std::uint32_t>> taps;  // (i, c_i), c_i != 0
  for (int i = 0; i < n; ++i)
    if (const std::uint32_t c = lfsr.polynomial.tap(i); c != 0) taps.emplace_back(static_cast<std::size_t>(i), c);
  const std::string owner = fmt::format("a degree-{} register", n);

  if (lfsr.form == Form::fibonacci) {
    // (s_0..s_{n-1}) -> (s_1..s_{n-1}, sum c_i s_i)
    return run_trace(field, n, start, steps, 0, owner, [&](const auto& v, auto& next) {
      std::copy(v.begin() + 1, v.end(), next.begin());
      std::uint32_t feedback = 0;
      for (const auto& [i, c] : taps) feedback = field.add(feedback, field.mul(c, v[i]));
      next[size - 1] = feedback;
    });
  }
  // r(x) -> x r(x) mod f: r'_i = r_{i-1} + c_i r_{n-1}, with x^n = sum c_i x^i.
  return run_trace(field, n, start, steps, n - 1, owner, [&](const auto& v, auto& next) {
    const std::uint32_t carried = v[size - 1];
    std::copy(v.begin(), v.end() - 1, next.begin() + 1);
    next[0] = 0;
    if (carried == 0) return;
    for (const auto& [i, c] : taps) next[i] = field.add(next[i], field.mul(c, carried));
  });
}

Trace trace_states(const Matrix& matrix, const mpz_class& start, std::optional<std::uint64_t> steps) {
  check_matrix(matrix);
  const Field& field = matrix.field;
  // Row r's nonzero entries (column, A_rc): a step costs the nonzero entries, n^2 at most.
  std::vector<std::vector<std::pair<std::size_t, std::uint32_t>>> rows(static_cast<std::size_t>(matrix.n));
  for (int r = 0; r < matrix.n; ++r)
    for (int c = 0; c < matrix.n; ++c)
      if (const std::uint32_t a = matrix.entry(r, c); a != 0)
        rows[static_cast<std::size_t>(r)].emplace_back(static_cast<std::size_t>(c), a);
  const std::string owner = fmt::format("the {} x {} matrix", matrix.n, matrix.n);
  return run_trace(field, matrix.n, start, steps, 0, owner, [&](const auto& v, auto& next) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::uint32_t sum = 0;
      for (const auto& [c, a] : rows[r]) sum = field.add(sum, field.mul(a, v[c]));
      next[r] = sum;
    }
  });
}

Trace trace_states(const Feedback& feedback, const mpz_class& start, std::optional<std::uint64_t> steps) {
  const int n = feedback.bits();
  const auto size = static_cast<std::size_t>(n);
  const std::string owner = fmt::format("a {}-bit register", n);
  // (x_0..x_{n-1}) -> (x_1..x_{n-1}, F(x_0..x_{n-1})), F read on the state index of the digits.
  return run_trace(Field::from_order(2), n, start, steps, 0, owner, [&](const auto& v, auto& next) {
    std::uint64_t state = 0;
    for (std::size_t j = 0; j < size; ++j) state |= static_cast<std::uint64_t>(v[j]) << j;
    std::copy(v.begin() + 1, v.end(), next.begin());
    next[size - 1] = feedback.value(state) ? 1 : 0;
  });
}

}  // namespace lfsr
