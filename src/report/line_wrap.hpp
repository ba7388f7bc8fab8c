// Long text broken into lines of at most 100 characters: polynomials between terms, lists between words.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lfsr {

// No line of text output is longer than this.
inline constexpr std::size_t max_line_width = 100;

// Where a long text may be broken: before a '+' or '-' (between the terms of a polynomial), or
// at a space (the space is dropped); outside parentheses by preference.
enum class BreakAt { terms, spaces };

// `prefix` (whose last line counts) followed by `text`, broken into lines of at most `width` characters, each line
// after the first starting with `indent` spaces. Where no break fits, a line is cut at the width. Without a trailing
// newline.
std::string wrap_line(std::string_view prefix, std::string_view text, std::size_t indent, BreakAt breaks,
                      std::size_t width = max_line_width);

}  // namespace lfsr
