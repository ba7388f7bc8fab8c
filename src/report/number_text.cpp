// Short exact forms and rounded leading digits for integers too long to read in a table.
#include "report/number_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace lfsr {
namespace {

constexpr std::uint32_t common_bases[] = {2, 3, 5, 7, 10};

// m * (b^e + d) when `divide` is false, (b^e + d)/m when it is.
struct ShortForm {
  std::uint32_t base;
  unsigned long exponent;
  int offset;  // d: -1, 0 or +1
  std::uint32_t multiplier;
  bool divide;

  mpz_class value() const {
    mpz_class power;
    mpz_ui_pow_ui(power.get_mpz_t(), base, exponent);
    power += offset;
    if (divide) return power / multiplier;
    return power * multiplier;
  }

  std::string text() const {
    std::string power = fmt::format("{}^{}", base, exponent);
    if (offset != 0) power += offset > 0 ? " + 1" : " - 1";
    if (multiplier == 1) return power;
    if (divide) return fmt::format("({})/{}", power, multiplier);
    return offset == 0 ? fmt::format("{} * {}", multiplier, power) : fmt::format("{} * ({})", multiplier, power);
  }
};

// log2 of a positive integer, good to about 1e-15 relative.
double log2_of(const mpz_class& value) {
  long exponent = 0;
  const double mantissa = mpz_get_d_2exp(&exponent, value.get_mpz_t());
  return std::log2(mantissa) + static_cast<double>(exponent);
}

// The integer m in [1, max_short_form_multiplier] that 2^log2_ratio is, if it is one. The ratio
// value / b^e of a true form differs from m by m / b^e (negligible) plus the double's error, below
// 1e-6 for any value GMP can hold in memory; a miss costs nothing, as every hit is checked exactly.
std::optional<std::uint32_t> multiplier_near(double log2_ratio) {
  if (log2_ratio < -0.01 || log2_ratio > std::log2(max_short_form_multiplier) + 0.01) return std::nullopt;
  const double ratio = std::exp2(log2_ratio);
  const double nearest = std::round(ratio);
  if (nearest < 1 || nearest > max_short_form_multiplier || std::abs(ratio - nearest) > 1e-4) return std::nullopt;
  return static_cast<std::uint32_t>(nearest);
}

// Every short form of `value` over `base`: its exponents are within log_b(max multiplier) of log_b(value).
void collect_forms(const mpz_class& value, std::uint32_t base, std::vector<ShortForm>& forms) {
  const double log2_value = log2_of(value);
  const double log2_base = std::log2(static_cast<double>(base));
  const double log2_max = std::log2(max_short_form_multiplier);
  const auto first = static_cast<long>(std::floor((log2_value - log2_max) / log2_base)) - 1;
  const auto last = static_cast<long>(std::ceil((log2_value + log2_max) / log2_base)) + 1;
  for (long e = std::max(first, 2L); e <= last; ++e) {
    const auto exponent = static_cast<unsigned long>(e);
    const double log2_power = static_cast<double>(e) * log2_base;
    // value = m * (b^e + d): value / b^e is about m.
    if (const auto m = multiplier_near(log2_value - log2_power)) {
      for (const int offset : {0, -1, 1}) {
        // m * b^e with b | m is (m/b) * b^(e+1), found at the next exponent.
        if (offset == 0 && *m % base == 0) continue;
        const ShortForm form{base, exponent, offset, *m, false};
        if (form.value() == value) forms.push_back(form);
      }
    }
    // value = (b^e + d)/m: b^e / value is about m.
    if (const auto m = multiplier_near(log2_power - log2_value); m && *m > 1) {
      for (const int offset : {-1, 1}) {
        const ShortForm form{base, exponent, offset, *m, true};
        mpz_class power;
        mpz_ui_pow_ui(power.get_mpz_t(), base, exponent);
        power += offset;
        if (mpz_divisible_ui_p(power.get_mpz_t(), *m) != 0 && power / *m == value) forms.push_back(form);
      }
    }
  }
}

// "1.0715e301 (302 digits)": five significant digits.
std::string leading_digits_text(const mpz_class& value, DigitCount digit_count) {
  const std::string rounded = scientific_text(value, 5);
  if (digit_count == DigitCount::omitted) return rounded;
  return fmt::format("{} ({} digits)", rounded, value.get_str().size());
}

}  // namespace

std::string scientific_text(const mpz_class& value, int significant) {
  const std::string digits = value.get_str();
  if (digits.size() <= static_cast<std::size_t>(significant)) return digits;
  long exponent = static_cast<long>(digits.size()) - 1;
  mpz_class leading(digits.substr(0, static_cast<std::size_t>(significant) + 1));
  leading = (leading + 5) / 10;                                            // rounded half up
  if (leading.get_str().size() > static_cast<std::size_t>(significant)) {  // 99.96 -> 100.0
    leading /= 10;
    ++exponent;
  }
  const std::string mantissa = leading.get_str();
  return fmt::format("{}.{}e{}", mantissa.substr(0, 1), mantissa.substr(1), exponent);
}

std::string number_text(const mpz_class& value, const std::vector<std::uint32_t>& bases, DigitCount digit_count) {
  if (sgn(value) < 0) return fmt::format("-{}", number_text(mpz_class(-value), bases, digit_count));
  // mpz_sizeinbase may count one digit too many.
  if (mpz_sizeinbase(value.get_mpz_t(), 10) <= max_plain_digits + 1) {
    std::string digits = value.get_str();
    if (digits.size() <= max_plain_digits) return digits;
  }
  std::vector<std::uint32_t> tried;
  std::optional<ShortForm> best;
  std::size_t best_length = 0;
  const auto try_base = [&](std::uint32_t base) {
    if (base < 2 || std::find(tried.begin(), tried.end(), base) != tried.end()) return;
    tried.push_back(base);
    std::vector<ShortForm> forms;
    collect_forms(value, base, forms);
    // The shortest text; among equals, the first base tried, then the first form found.
    for (const ShortForm& form : forms) {
      const std::size_t length = form.text().size();
      if (!best || length < best_length) {
        best = form;
        best_length = length;
      }
    }
  };
  for (const std::uint32_t base : bases) try_base(base);
  for (const std::uint32_t base : common_bases) try_base(base);
  return best ? best->text() : leading_digits_text(value, digit_count);
}

}  // namespace lfsr
