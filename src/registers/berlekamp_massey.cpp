// Berlekamp-Massey over GF(q): bit-parallel over GF(2), table-driven over GF(p^k); the sequence parser.
#include "lfsr/berlekamp_massey.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <utility>

#include "lfsr/error.hpp"
#include "lfsr/polynomial.hpp"
#include "text/parsing.hpp"

namespace lfsr {

namespace {

// Massey's algorithm keeps the connection polynomial C(x) = 1 + C_1 x + ... (deg C <= L) of the
// shortest register found so far, s_j + sum_{i=1..L} C_i s_{j-i} = 0 for L <= j < n, and B(x), the C
// before the last length change at step m, with its discrepancy b. A nonzero discrepancy d at step n
// is cancelled by C <- C - (d/b) x^(n-m) B; when 2L <= n the length becomes n + 1 - L.
// From C: s_{t+L} = -sum_{i=1..L} C_i s_{t+L-i}, so c_j = -C_{L-j} and f(x) = x^L C(1/x), f_j = C_{L-j},
// indexed by L and not by deg C: when deg C < L, f has zero low coefficients and is singular.
std::vector<std::uint32_t> reversed_connection(const std::vector<std::uint32_t>& connection, int length) {
  if (length == 0) return {};
  std::vector<std::uint32_t> f(static_cast<std::size_t>(length) + 1, 0);
  for (std::size_t i = 0; i < f.size() && i < connection.size(); ++i) f[f.size() - 1 - i] = connection[i];
  return f;
}

using Word = std::uint64_t;

// Parity of sum_w c_w AND (bits start + 64 w ... + 63), w < count: the inner product over GF(2) of
// c with a window of `bits`, which needs a zero word past the window. Written as loops without
// branches, so that the compiler can vectorize them.
bool window_parity(const Word* c, const Word* bits, std::size_t start, std::size_t count) {
  const Word* r = bits + start / 64;
  const unsigned shift = start % 64;
  Word parity = 0;
  if (shift == 0) {
    for (std::size_t w = 0; w < count; ++w) parity ^= c[w] & r[w];
  } else {
    for (std::size_t w = 0; w < count; ++w) parity ^= c[w] & ((r[w] >> shift) | (r[w + 1] << (64 - shift)));
  }
  return std::popcount(parity) % 2 != 0;
}

// c += x^shift b, b of `count` words followed by a zero word.
void add_shifted(Word* c, const Word* b, std::size_t count, std::size_t shift) {
  Word* target = c + shift / 64;
  const unsigned bit = shift % 64;
  if (bit == 0) {
    for (std::size_t w = 0; w < count; ++w) target[w] ^= b[w];
  } else {
    target[0] ^= b[0] << bit;
    for (std::size_t w = 1; w <= count; ++w) target[w] ^= (b[w] << bit) | (b[w - 1] >> (64 - bit));
  }
}

// GF(2), 64 coefficients to a word; the sequence is stored reversed, so that s_n, s_{n-1}, ... are
// consecutive bits in the order of C_0, C_1, ... Random sequences (L ~ n/2, the slowest case) take
// about 1.5 N^2 ps on one core of the 2-CPU development machine (Release, SSE2-vectorized loops):
// 10^5 bits in 0.015 s, 10^6 bits in 1.4 s; a sequence of low complexity L takes about N L / 64 steps.
LinearComplexity massey_gf2(const std::vector<std::uint32_t>& sequence, bool with_profile) {
  const std::size_t n_total = sequence.size();
  const std::size_t words = n_total / 64 + 3;
  std::vector<Word> reversed(words, 0);  // bit j = s_{N-1-j}
  for (std::size_t i = 0; i < n_total; ++i) {
    if (sequence[i] != 0) reversed[(n_total - 1 - i) / 64] |= Word{1} << ((n_total - 1 - i) % 64);
  }
  // deg C <= L keeps every word of C past word L/64 zero, so a copy of L/64 + 2 words is C followed
  // by a zero word, as add_shifted needs B to be.
  std::vector<Word> c(words, 0), b(words, 0), saved(words, 0);
  c[0] = b[0] = 1;
  std::size_t length = 0;
  std::size_t b_words = 1;   // B's bits lie in its first b_words words (deg B <= its length)
  std::size_t b_change = 0;  // m + 1, so that the shift n - m is n + 1 - b_change
  LinearComplexity result;
  if (with_profile) result.profile.resize(n_total);
  for (std::size_t n = 0; n < n_total; ++n) {
    if (window_parity(c.data(), reversed.data(), n_total - 1 - n, length / 64 + 1)) {
      const bool lengthen = 2 * length <= n;
      if (lengthen) std::copy_n(c.begin(), length / 64 + 2, saved.begin());
      add_shifted(c.data(), b.data(), b_words, n + 1 - b_change);
      if (lengthen) {
        std::swap(b, saved);
        b_words = length / 64 + 1;
        length = n + 1 - length;
        b_change = n + 1;
      }
    }
    if (with_profile) result.profile[n] = static_cast<int>(length);
  }
  std::vector<std::uint32_t> connection(length + 1);
  for (std::size_t i = 0; i <= length; ++i) connection[i] = (c[i / 64] >> (i % 64)) & 1;
  result.complexity = static_cast<int>(length);
  result.sequence_length = n_total;
  result.polynomial = reversed_connection(connection, result.complexity);
  return result;
}

// GF(p): sums of products below p^2 < 2^32 add up in 64 bits, one reduction per discrepancy.
class PrimeArithmetic {
 public:
  explicit PrimeArithmetic(const Field& field) : field_(field), p_(field.p()) {}
  std::uint32_t mul(std::uint32_t x, std::uint32_t y) const { return field_.mul(x, y); }
  std::uint32_t neg(std::uint32_t x) const { return field_.neg(x); }
  std::uint32_t inverse(std::uint32_t x) const { return field_.power(x, p_ - 2); }
  // sum_{i=0..count-1} c_i s_{n-i}.
  std::uint32_t discrepancy(const std::uint32_t* c, const std::uint32_t* s_n, std::size_t count) const {
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < count; ++i) sum += std::uint64_t{c[i]} * *(s_n - i);
    return static_cast<std::uint32_t>(sum % p_);
  }
  // target_i += factor * b_i.
  void add_multiple(std::uint32_t* target, const std::uint32_t* b, std::size_t count, std::uint32_t factor) const {
    for (std::size_t i = 0; i < count; ++i) {
      target[i] = static_cast<std::uint32_t>((target[i] + std::uint64_t{factor} * b[i]) % p_);
    }
  }

 private:
  const Field& field_;
  std::uint64_t p_;
};

// GF(p^k), k >= 2: Field::mul and the digitwise Field::add loop over the k base-p digits; tables make
// both O(1). log/antilog of a primitive element g multiply; log 0 points into a zero tail of antilog,
// so a product needs no branch. Over p = 2 addition is XOR; over odd p it uses Zech logarithms:
// g^i + g^j = g^(i + Z(j - i)), Z(d) = log(1 + g^d). The tables take 24 q bytes and about 0.04 s to
// build for q = 65536 (q Field::mul of 16 digits), so a short sequence is dominated by them.
class TableArithmetic {
 public:
  explicit TableArithmetic(const Field& field) : order_(field.q() - 1), xor_add_(field.p() == 2) {
    antilog_.assign(4 * std::size_t{order_} + 1, 0);
    // The powers of the candidate g until they come back to 1: g is primitive when that takes q - 1.
    // a, tried first, is primitive for a Conway modulus.
    for (std::uint32_t g = field.generator();; g = g + 1 == field.q() ? 2 : g + 1) {
      std::uint32_t e = 0;
      for (std::uint32_t x = 1; e < order_ && (e == 0 || x != 1); ++e, x = field.mul(x, g)) antilog_[e] = x;
      if (e == order_) break;
    }
    std::copy_n(antilog_.begin(), order_, antilog_.begin() + order_);
    log_.assign(field.q(), 2 * order_);
    for (std::uint32_t e = 0; e < order_; ++e) log_[antilog_[e]] = e;
    if (!xor_add_) {
      zech_.resize(order_);
      for (std::uint32_t d = 0; d < order_; ++d) zech_[d] = log_[field.add(1, antilog_[d])];
    }
  }
  std::uint32_t mul(std::uint32_t x, std::uint32_t y) const { return antilog_[log_[x] + log_[y]]; }
  // -1 = g^((q-1)/2) for odd q.
  std::uint32_t neg(std::uint32_t x) const { return xor_add_ ? x : mul(x, antilog_[order_ / 2]); }
  std::uint32_t inverse(std::uint32_t x) const { return antilog_[order_ - log_[x]]; }
  // Without branches (they would mispredict on every zero): each look-up stays inside its table, a
  // zero operand selects the other one, and Z(d) = 2(q - 1) when 1 + g^d = 0 lands in antilog's zeros.
  std::uint32_t add(std::uint32_t x, std::uint32_t y) const {
    if (xor_add_) return x ^ y;
    const std::uint32_t lx = log_[x], ly = log_[y];
    const std::uint32_t d = x == 0 || y == 0 ? 0 : ly >= lx ? ly - lx : ly + order_ - lx;
    const std::uint32_t sum = antilog_[lx + zech_[d]];
    return x == 0 ? y : y == 0 ? x : sum;
  }
  // Four partial sums: one chain of dependent table look-ups would wait on memory at every term.
  std::uint32_t discrepancy(const std::uint32_t* c, const std::uint32_t* s_n, std::size_t count) const {
    std::uint32_t sum[4] = {};
    std::size_t i = 0;
    for (; i + 4 <= count; i += 4) {
      for (std::size_t j = 0; j < 4; ++j) sum[j] = add(sum[j], mul(c[i + j], *(s_n - i - j)));
    }
    for (; i < count; ++i) sum[0] = add(sum[0], mul(c[i], *(s_n - i)));
    return add(add(sum[0], sum[1]), add(sum[2], sum[3]));
  }
  void add_multiple(std::uint32_t* target, const std::uint32_t* b, std::size_t count, std::uint32_t factor) const {
    for (std::size_t i = 0; i < count; ++i) target[i] = add(target[i], mul(factor, b[i]));
  }

 private:
  std::uint32_t order_;
  bool xor_add_;
  std::vector<std::uint32_t> log_, antilog_, zech_;
};

// Massey's algorithm on whole elements, the arithmetic's two loops doing the O(L) work of a step.
template <class Arithmetic>
LinearComplexity massey(const std::vector<std::uint32_t>& sequence, const Arithmetic& arithmetic, bool with_profile) {
  const std::size_t n_total = sequence.size();
  std::vector<std::uint32_t> c(n_total + 1, 0), b(n_total + 1, 0), saved(n_total + 1, 0);
  c[0] = b[0] = 1;
  std::size_t length = 0;
  std::size_t b_length = 0;  // deg B <= b_length
  std::size_t b_change = 0;  // m + 1
  std::uint32_t b_inverse = 1;
  LinearComplexity result;
  if (with_profile) result.profile.resize(n_total);
  for (std::size_t n = 0; n < n_total; ++n) {
    const std::uint32_t d = arithmetic.discrepancy(c.data(), sequence.data() + n, length + 1);
    if (d != 0) {
      const bool lengthen = 2 * length <= n;
      if (lengthen) std::copy_n(c.begin(), length + 1, saved.begin());
      arithmetic.add_multiple(c.data() + (n + 1 - b_change), b.data(), b_length + 1,
                              arithmetic.neg(arithmetic.mul(d, b_inverse)));
      if (lengthen) {
        std::swap(b, saved);
        b_length = length;
        b_inverse = arithmetic.inverse(d);
        length = n + 1 - length;
        b_change = n + 1;
      }
    }
    if (with_profile) result.profile[n] = static_cast<int>(length);
  }
  c.resize(length + 1);
  result.complexity = static_cast<int>(length);
  result.sequence_length = n_total;
  result.polynomial = reversed_connection(c, result.complexity);
  return result;
}

}  // namespace

LinearComplexity berlekamp_massey(const std::vector<std::uint32_t>& sequence, const Field& field, bool with_profile) {
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    if (sequence[i] >= field.q()) {
      throw InputError(
          fmt::format("sequence element {} is {}, not an element of {}", i + 1, sequence[i], field.name()));
    }
  }
  if (field.q() == 2) return massey_gf2(sequence, with_profile);
  if (field.is_prime()) return massey(sequence, PrimeArithmetic(field), with_profile);
  return massey(sequence, TableArithmetic(field), with_profile);
}

// The limits keep the slowest case, a random sequence (L ~ n/2, nonzero discrepancies), under 2 s on
// one core of the 2-CPU development machine, Release: GF(2) 10^6 elements in 1.4 s; 3*10^4 elements
// in 0.16 s over GF(4), 0.22 s GF(256), 0.30 s GF(3), 0.42 s GF(65521), 0.71 s GF(65536),
// 1.3 s GF(9), 1.7 s GF(3^10). Time grows as N^2.
std::size_t max_sequence_length(const Field& field) { return field.q() == 2 ? 1'000'000 : 30'000; }

std::vector<std::uint32_t> parse_sequence(std::string_view text, const Field& field) {
  const std::size_t limit = max_sequence_length(field);
  std::vector<std::uint32_t> sequence;
  const auto fail = [&](std::size_t line, std::string_view problem) {
    return InputError(fmt::format("sequence element {} (line {}): {}", sequence.size() + 1, line, problem));
  };
  const auto push = [&](std::size_t line, std::uint32_t element) {
    if (sequence.size() == limit) {
      throw fail(line, fmt::format("more than {} elements, the most accepted over {} (the work grows as the square)",
                                   limit, field.name()));
    }
    sequence.push_back(element);
  };
  std::size_t line = 1;
  bool comma_allowed = false;  // an element came since the last comma
  for (std::size_t pos = 0; pos < text.size();) {
    const char c = text[pos];
    if (c == '\n') ++line;
    if (c == '#') {
      pos = std::min(text.find('\n', pos), text.size());
    } else if (c == ',') {
      if (!comma_allowed) throw fail(line, "empty element (a stray comma)");
      comma_allowed = false;
      ++pos;
    } else if (is_space(c)) {
      ++pos;
    } else {
      std::size_t end = pos;
      while (end < text.size() && !is_space(text[end]) && text[end] != ',' && text[end] != '#') ++end;
      const std::string_view token = text.substr(pos, end - pos);
      if (field.q() == 2 && token.size() > 1 && all_digits(token)) {
        // A bit string; the digit that is not a bit is named, not the whole run.
        for (char bit : token) {
          if (bit != '0' && bit != '1') throw fail(line, fmt::format("'{}' is not a bit (0 or 1)", bit));
          push(line, static_cast<std::uint32_t>(bit - '0'));
        }
      } else {
        std::uint32_t element = 0;
        try {
          element = parse_element(token, field);
        } catch (const InputError& e) {
          throw fail(line, e.what());
        }
        push(line, element);
      }
      comma_allowed = true;
      pos = end;
    }
  }
  if (sequence.empty()) throw InputError("empty sequence: no elements, only blank lines and comments");
  return sequence;
}

}  // namespace lfsr
