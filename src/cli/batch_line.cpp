// The syntax of one --batch line, apart from the reading of the file, so that it can be tested alone.
#include "batch_line.hpp"

namespace lfsr::cli {

namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

std::optional<Polynomial> parse_batch_line(std::string_view line, const Field& field) {
  const std::string_view body = trim(line.substr(0, line.find('#')));
  if (body.empty()) return std::nullopt;
  if (body.starts_with("taps:")) return parse_taps(body.substr(5), field);
  return parse_polynomial(body, field);
}

}  // namespace lfsr::cli
