// The syntax of one --batch line, apart from the reading of the file, so that it can be tested alone.
#include "batch_line.hpp"

#include "text/parsing.hpp"

namespace lfsr::cli {

std::optional<Polynomial> parse_batch_line(std::string_view line, const Field& field) {
  const std::string_view body = trim(line.substr(0, line.find('#')));
  if (body.empty()) return std::nullopt;
  if (body.starts_with("taps:")) return parse_taps(body.substr(5), field);
  return parse_polynomial(body, field);
}

}  // namespace lfsr::cli
