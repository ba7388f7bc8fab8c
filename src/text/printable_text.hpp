// User text as an error message shows it: on one line, and short whatever the input was.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lfsr {

// The first `shown` bytes of `text`, control bytes, bytes past ASCII, quotes and backslashes written
// as \xNN, and "..." when the text was longer: "x^2+\x01x", "123456...". A message that names a bad
// value keeps to one line of readable length, whatever file or argument the value came from.
std::string printable_text(std::string_view text, std::size_t shown = 60);

}  // namespace lfsr
