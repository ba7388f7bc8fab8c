// nlohmann's DOM parser with one change: integers too long for 64 bits become big_number values.
#include "report/exact_json.hpp"

#include <gmpxx.h>

#include <string>

#include "lfsr/report.hpp"

namespace lfsr {

namespace {

// nlohmann hands an integer it cannot hold to number_float, with its text: that text is kept.
class ExactDomParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::ordered_json> {
 public:
  using json_sax_dom_parser::json_sax_dom_parser;

  bool number_float(number_float_t value, const string_t& text) {
    const bool integer = !text.empty() && text.find_first_not_of("-0123456789") == std::string::npos;
    if (!integer) return json_sax_dom_parser::number_float(value, text);
    string_t marked = big_number(mpz_class(text)).get<string_t>();
    return string(marked);
  }
};

}  // namespace

nlohmann::ordered_json parse_exact_json(std::string_view text) {
  nlohmann::ordered_json result;
  ExactDomParser parser(result);
  nlohmann::ordered_json::sax_parse(text, &parser);
  return result;
}

}  // namespace lfsr
