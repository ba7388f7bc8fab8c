// Families of feedback functions: parsing their names, counting and unranking their members.
#include "lfsr/feedback_family.hpp"

#include <fmt/format.h>

#include <array>
#include <string>
#include <vector>

#include "lfsr/error.hpp"
#include "runners/byte_io.hpp"
#include "text/parsing.hpp"
#include "text/printable_text.hpp"

namespace lfsr {
namespace {

// Binomial coefficients above this are all "too many": no count or rank ever gets near it.
constexpr std::uint64_t saturated = std::uint64_t{1} << 63;

// C(n, k), or `saturated` when it exceeds that. Exact below: each partial product C(n, i) * (n - i)
// is below 2^63 * 2^63 and divisible by i + 1.
std::uint64_t binomial(std::uint64_t n, std::uint64_t k) {
  if (k > n) return 0;
  if (k > n - k) k = n - k;  // C(n, i) grows with i up to n / 2, so saturation is final
  __extension__ using Wide = unsigned __int128;
  Wide value = 1;
  for (std::uint64_t i = 0; i < k; ++i) {
    value = value * (n - i) / (i + 1);
    if (value > saturated) return saturated;
  }
  return static_cast<std::uint64_t>(value);
}

// a + b, saturating.
std::uint64_t add(std::uint64_t a, std::uint64_t b) { return a > saturated - b ? saturated : a + b; }

// Fills c[0] < ... < c[k-1], elements of {0, 1, 2, ...}, from the colex rank:
// rank = C(c[0], 1) + C(c[1], 2) + ... + C(c[k-1], k). Each c[i] is the largest c with
// C(c, i + 1) <= what is left of the rank, found by bisection below `universe`.
template <std::size_t Capacity>
void unrank_subset(std::uint64_t rank, int k, std::uint64_t universe, std::array<std::uint64_t, Capacity>& c) {
  if (k < 0 || static_cast<std::size_t>(k) > Capacity) throw InternalError("unrank_subset: more elements than room");
  for (int i = k; i >= 1; --i) {
    std::uint64_t low = static_cast<std::uint64_t>(i - 1);  // C(i - 1, i) = 0 <= rank
    std::uint64_t high = universe;                          // exclusive
    while (high - low > 1) {
      const std::uint64_t middle = low + (high - low) / 2;
      if (binomial(middle, static_cast<std::uint64_t>(i)) <= rank) {
        low = middle;
      } else {
        high = middle;
      }
    }
    c[static_cast<std::size_t>(i - 1)] = low;
    rank -= binomial(low, static_cast<std::uint64_t>(i));
    universe = low;
  }
}

// The mask of x_{c+1} * x_{d+1}: elements 0..m-1 stand for x1..x_m.
Feedback::Monomial variables(std::uint64_t c) { return Feedback::Monomial{2} << c; }

constexpr std::string_view two_linear_one_product = "x0+xa+xb+xc*xd";
constexpr std::string_view one_linear_two_products = "x0+xa+xb*xc+xd*xe";
constexpr std::string_view four_linear_one_product = "x0+xa+xb+xc+xd+xe*xf";

// Largest T of "anf:T:D": far beyond any count that fits, and small enough for int.
constexpr int max_anf_terms = 1'000'000;

// A decimal number of "anf:T:D"; -1 when the text is not one (or is absurdly long).
int positive_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 7 || !all_digits(digits)) return -1;
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

[[noreturn]] void unknown_family(std::string_view text) {
  throw InputError(
      fmt::format("unknown feedback family \"{}\"; accepted: {}", printable_text(text), feedback_family_names()));
}

}  // namespace

std::string feedback_family_names() {
  return fmt::format("{}, {}, {}, anf:T:D (x0 plus at most T-1 monomials of degree at most D in x1..x(n-1))",
                     two_linear_one_product, one_linear_two_products, four_linear_one_product);
}

FeedbackFamily::FeedbackFamily(Kind kind, int bits, int max_terms, int max_degree)
    : kind_(kind), bits_(bits), max_terms_(max_terms), max_degree_(max_degree) {
  if (bits < min_bits || bits > max_bits) {
    throw InputError(fmt::format("a feedback family is built for {} to {} bits, not {}", min_bits, max_bits, bits));
  }
  count_members();
}

FeedbackFamily::FeedbackFamily(std::string_view text, int bits) : kind_(Kind::anf), bits_(bits) {
  // One spelling: no spaces, '+' and '*' only.
  std::string name;
  for (const char c : text) {
    if (is_space(c)) continue;
    name += c == '^' ? '+' : c == '&' ? '*' : c;
  }
  if (name == two_linear_one_product) {
    kind_ = Kind::two_linear_one_product;
  } else if (name == one_linear_two_products) {
    kind_ = Kind::one_linear_two_products;
  } else if (name == four_linear_one_product) {
    kind_ = Kind::four_linear_one_product;
  } else if (name.starts_with("anf:")) {
    const std::string_view rest = std::string_view(name).substr(4);
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) unknown_family(text);
    max_terms_ = positive_number(rest.substr(0, colon));
    max_degree_ = positive_number(rest.substr(colon + 1));
    if (max_terms_ < 1 || max_degree_ < 1) {
      throw InputError(
          fmt::format("feedback family \"{}\": anf:T:D needs whole numbers T >= 1 and D >= 1", printable_text(text)));
    }
    if (max_terms_ > max_anf_terms) {
      throw InputError(fmt::format("feedback family \"{}\": T is at most {}", printable_text(text), max_anf_terms));
    }
  } else {
    unknown_family(text);
  }
  *this = FeedbackFamily(kind_, bits, max_terms_, max_degree_);
  if (count_ >= saturated || count_ > max_count) {
    throw InputError(fmt::format("feedback family {} has more than 2^62 members for {} bits; choose a smaller one",
                                 this->name(), bits));
  }
}

void FeedbackFamily::count_members() {
  const auto m = static_cast<std::uint64_t>(bits_ - 1);
  const std::uint64_t products = binomial(m, 2);
  switch (kind_) {
    case Kind::two_linear_one_product:
      count_ = products * products;
      break;
    case Kind::one_linear_two_products:
      count_ = m * binomial(products, 2);
      break;
    case Kind::four_linear_one_product:
      count_ = binomial(m, 4) * products;  // at most C(62, 4) * C(62, 2) < 2^31
      break;
    case Kind::anf: {
      anf_monomials_ = 0;
      for (std::uint64_t k = 0; k <= m && k <= static_cast<std::uint64_t>(max_degree_); ++k) {
        anf_monomials_ = add(anf_monomials_, binomial(m, k));
      }
      count_ = 0;
      for (std::uint64_t t = 0; t < static_cast<std::uint64_t>(max_terms_) && t <= anf_monomials_; ++t) {
        count_ = add(count_, binomial(anf_monomials_, t));
      }
      break;
    }
  }
}

Feedback::Monomial FeedbackFamily::anf_monomial(std::uint64_t rank) const {
  const auto m = static_cast<std::uint64_t>(bits_ - 1);
  int degree = 0;
  for (;; ++degree) {
    const std::uint64_t of_degree = binomial(m, static_cast<std::uint64_t>(degree));
    if (rank < of_degree) break;
    rank -= of_degree;
  }
  std::array<std::uint64_t, max_bits> elements{};
  unrank_subset(rank, degree, m, elements);
  Feedback::Monomial monomial = 0;
  for (int i = 0; i < degree; ++i) monomial |= variables(elements[static_cast<std::size_t>(i)]);
  return monomial;
}

Feedback FeedbackFamily::member(std::uint64_t index) const {
  if (index >= count_) {
    throw InputError(fmt::format("feedback family {} has {} members for {} bits; there is no member {}", name(), count_,
                                 bits_, index));
  }
  const auto m = static_cast<std::uint64_t>(bits_ - 1);
  const std::uint64_t products = binomial(m, 2);
  std::vector<Feedback::Monomial> monomials{1};  // x0
  std::array<std::uint64_t, 4> c{};
  // The product of rank r among the P products.
  const auto product = [&](std::uint64_t rank) {
    std::array<std::uint64_t, 2> pair{};
    unrank_subset(rank, 2, m, pair);
    return variables(pair[0]) | variables(pair[1]);
  };
  switch (kind_) {
    case Kind::two_linear_one_product:
      unrank_subset(index / products, 2, m, c);
      monomials.push_back(variables(c[0]));
      monomials.push_back(variables(c[1]));
      monomials.push_back(product(index % products));
      break;
    case Kind::one_linear_two_products: {
      const std::uint64_t pairs = binomial(products, 2);
      monomials.push_back(variables(index / pairs));
      unrank_subset(index % pairs, 2, products, c);
      monomials.push_back(product(c[0]));
      monomials.push_back(product(c[1]));
      break;
    }
    case Kind::four_linear_one_product:
      unrank_subset(index / products, 4, m, c);
      for (const std::uint64_t element : c) monomials.push_back(variables(element));
      monomials.push_back(product(index % products));
      break;
    case Kind::anf: {
      std::uint64_t rank = index;
      std::uint64_t terms = 0;
      for (;; ++terms) {
        const std::uint64_t with_terms = binomial(anf_monomials_, terms);
        if (rank < with_terms) break;
        rank -= with_terms;
      }
      // At most 64 monomials: a family with more in one member has more than 2^62 members.
      std::array<std::uint64_t, 64> buffer{};
      if (terms > buffer.size()) throw InternalError("anf family member with more than 64 monomials");
      unrank_subset(rank, static_cast<int>(terms), anf_monomials_, buffer);
      for (std::uint64_t t = 0; t < terms; ++t) monomials.push_back(anf_monomial(buffer[t]));
      break;
    }
  }
  return Feedback(bits_, std::move(monomials));
}

std::string FeedbackFamily::name() const {
  switch (kind_) {
    case Kind::two_linear_one_product:
      return std::string(two_linear_one_product);
    case Kind::one_linear_two_products:
      return std::string(one_linear_two_products);
    case Kind::four_linear_one_product:
      return std::string(four_linear_one_product);
    case Kind::anf:
      break;
  }
  return fmt::format("anf:{}:{}", max_terms_, max_degree_);
}

std::string FeedbackFamily::serialize() const {
  ByteWriter out;
  out.put(static_cast<int>(kind_)).put(bits_).put(max_terms_).put(max_degree_);
  return out.take();
}

FeedbackFamily FeedbackFamily::deserialize(std::string_view bytes) {
  ByteReader in(bytes);
  const int kind = in.get<int>();
  const int bits = in.get<int>();
  const int max_terms = in.get<int>();
  const int max_degree = in.get<int>();
  if (!in.empty()) throw InternalError("trailing FeedbackFamily bytes");
  if (kind < 0 || kind > static_cast<int>(Kind::anf)) throw InternalError("FeedbackFamily: unknown kind");
  try {
    FeedbackFamily family(static_cast<Kind>(kind), bits, max_terms, max_degree);
    if (family.count_ > max_count) throw InternalError("FeedbackFamily: more members than accepted");
    return family;
  } catch (const InputError& error) {
    throw InternalError(std::string("FeedbackFamily bytes: ") + error.what());
  }
}

}  // namespace lfsr
