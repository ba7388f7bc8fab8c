// Forms of an LFSR and its transition matrix.
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

}  // namespace lfsr
