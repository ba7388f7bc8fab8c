// Forms of an LFSR and its NTL transition matrix.
#include "lfsr/lfsr.hpp"

#include <fmt/format.h>

#include "lfsr/error.hpp"

namespace lfsr {

std::string_view form_name(Form form) { return form == Form::fibonacci ? "fibonacci" : "galois"; }

Form parse_form(std::string_view text) {
  if (text == "fibonacci") return Form::fibonacci;
  if (text == "galois") return Form::galois;
  throw InputError(fmt::format("unknown form '{}': expected fibonacci or galois", text));
}

std::vector<std::uint32_t> transition_entries(const Lfsr& lfsr) {
  const auto n = static_cast<std::size_t>(lfsr.degree());
  const Polynomial& f = lfsr.polynomial;
  std::vector<std::uint32_t> a(n * n);
  auto set = [&](std::size_t row, std::size_t col, std::uint32_t value) { a[row * n + col] = value; };
  if (lfsr.form == Form::fibonacci) {
    for (std::size_t i = 0; i + 1 < n; ++i) set(i, i + 1, 1U);
    for (std::size_t i = 0; i < n; ++i) set(n - 1, i, f.tap(static_cast<int>(i)));
  } else {
    for (std::size_t i = 1; i < n; ++i) set(i, i - 1, 1U);
    for (std::size_t i = 0; i < n; ++i) set(i, n - 1, f.tap(static_cast<int>(i)));
  }
  return a;
}

namespace {

template <class Matrix>
Matrix dense_to_ntl(const Lfsr& lfsr) {
  const long n = lfsr.degree();
  const std::vector<std::uint32_t> entries = transition_entries(lfsr);
  Matrix a;
  a.SetDims(n, n);
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j) a[i][j] = static_cast<long>(entries[static_cast<std::size_t>(i * n + j)]);
  return a;
}

}  // namespace

NTL::mat_GF2 transition_matrix_gf2(const Lfsr& lfsr) {
  if (lfsr.field().q() != 2) throw InternalError("transition_matrix_gf2 needs GF(2)");
  return dense_to_ntl<NTL::mat_GF2>(lfsr);
}

NTL::mat_zz_p transition_matrix_zz_p(const Lfsr& lfsr) {
  // zz_p arithmetic is modulo whatever modulus this thread installed: a wrong one is a silent wrong answer.
  if (NTL::zz_p::modulus() != static_cast<long>(lfsr.field().p()))
    throw InternalError("transition_matrix_zz_p: the zz_p modulus installed is not the field's p");
  return dense_to_ntl<NTL::mat_zz_p>(lfsr);
}

}  // namespace lfsr
