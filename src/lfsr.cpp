// Forms of an LFSR and its NTL transition matrix.
#include "lfsr/lfsr.hpp"

#include <fmt/format.h>

#include "lfsr/error.hpp"
#include "ntl_field.hpp"

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

NTL::mat_GF2 transition_matrix_gf2(const Lfsr& lfsr) {
  if (lfsr.field().q() != 2) throw InternalError("transition_matrix_gf2 needs GF(2)");
  return detail::to_ntl_matrix<NTL::GF2X>(transition_entries(lfsr), lfsr.degree());
}

// NTL arithmetic is modulo whatever modulus this thread installed: a wrong one is a silent wrong answer.
NTL::mat_zz_p transition_matrix_zz_p(const Lfsr& lfsr) {
  if (!lfsr.field().is_prime() || NTL::zz_p::modulus() != static_cast<long>(lfsr.field().p()))
    throw InternalError("transition_matrix_zz_p: the zz_p modulus installed is not the field's p");
  return detail::to_ntl_matrix<NTL::zz_pX>(transition_entries(lfsr), lfsr.degree());
}

NTL::mat_GF2E transition_matrix_gf2e(const Lfsr& lfsr) {
  const Field& field = lfsr.field();
  if (field.p() != 2 || field.is_prime() ||
      NTL::GF2E::modulus().val() != detail::base_polynomial<NTL::GF2X>(field.modulus()))
    throw InternalError("transition_matrix_gf2e: the GF2E modulus installed is not the field's modulus");
  return detail::to_ntl_matrix<NTL::GF2EX>(transition_entries(lfsr), lfsr.degree());
}

NTL::mat_zz_pE transition_matrix_zz_pe(const Lfsr& lfsr) {
  const Field& field = lfsr.field();
  if (field.p() == 2 || field.is_prime() || NTL::zz_p::modulus() != static_cast<long>(field.p()) ||
      NTL::zz_pE::modulus().val() != detail::base_polynomial<NTL::zz_pX>(field.modulus()))
    throw InternalError("transition_matrix_zz_pe: the zz_p / zz_pE moduli installed are not the field's");
  return detail::to_ntl_matrix<NTL::zz_pEX>(transition_entries(lfsr), lfsr.degree());
}

}  // namespace lfsr
