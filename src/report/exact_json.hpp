// Reading back the JSON that dump_json writes, with integers beyond 64 bits kept exact.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace lfsr {

// The JSON document in `text`. An integer that does not fit in 64 bits (a cycle length of a large
// register) becomes a big_number value, as the report held it, where nlohmann alone would round it
// to a double. Throws nlohmann::json::parse_error for text that is not one JSON document.
nlohmann::ordered_json parse_exact_json(std::string_view text);

}  // namespace lfsr
