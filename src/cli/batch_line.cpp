// The syntax of one --batch line, apart from the reading of the file, so that it can be tested alone.
#include "batch_line.hpp"

#include <fmt/format.h>

#include <charconv>

#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"
#include "registers/feedback_refusals.hpp"
#include "text/parsing.hpp"
#include "text/printable_text.hpp"

namespace lfsr::cli {

namespace {

// "N:F" after the prefix. The refusals are the words of a single --feedback run (options.cpp), so
// that a batch line fails as that run would.
Feedback parse_feedback_line(std::string_view rest, const Field& field, Form form) {
  const std::size_t colon = rest.find(':');
  const std::string_view length = trim(rest.substr(0, colon));
  int bits = 0;
  const auto [end, error] = std::from_chars(length.data(), length.data() + length.size(), bits);
  if (colon == std::string_view::npos || length.empty() || error != std::errc{} || end != length.data() + length.size())
    throw InputError(
        fmt::format("a feedback line is feedback:N:F, N the register length and F its feedback "
                    "function: not \"{}\"",
                    printable_text(std::string(feedback_line_prefix) + std::string(rest))));
  refuse_feedback_field_or_form(field.q() == 2, form == Form::fibonacci);
  return parse_feedback_any(rest.substr(colon + 1), bits);
}

}  // namespace

std::optional<BatchRegister> parse_batch_line(std::string_view line, const Field& field, Form form) {
  const std::string_view body = trim(line.substr(0, line.find('#')));
  if (body.empty()) return std::nullopt;
  if (body.starts_with(feedback_line_prefix))
    return parse_feedback_line(body.substr(feedback_line_prefix.size()), field, form);
  if (body.starts_with("taps:")) return Lfsr{parse_taps(body.substr(5), field), form};
  return Lfsr{parse_polynomial(body, field), form};
}

}  // namespace lfsr::cli
