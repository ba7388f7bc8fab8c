// Greedy line breaking at the best break point that fits: between terms, then inside parentheses, then anywhere.
#include "report/line_wrap.hpp"

#include <algorithm>
#include <vector>

namespace lfsr {
namespace {

// The position in text(begin, end) where the next line starts, best kind of break first; `end`
// when there is none. `depth[i]` is the parenthesis depth at text[i].
std::size_t last_break(std::string_view text, const std::vector<int>& depth, std::size_t begin, std::size_t end,
                       BreakAt breaks) {
  // Outside parentheses first: between the terms of a polynomial, not inside a coefficient such
  // as (a^3+a+1); between the items of a list, not inside one such as (2^31 - 1)^2.
  const auto is_break = [&](char c) { return breaks == BreakAt::spaces ? c == ' ' : c == '+' || c == '-'; };
  std::size_t inner = end;
  for (std::size_t i = end - 1; i > begin; --i) {
    if (!is_break(text[i])) continue;
    if (depth[i] == 0) return i;
    if (inner == end) inner = i;
  }
  return inner;
}

std::vector<int> parenthesis_depths(std::string_view text) {
  std::vector<int> depth(text.size());
  int level = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ')') --level;
    depth[i] = level;
    if (text[i] == '(') ++level;
  }
  return depth;
}

}  // namespace

std::string wrap_line(std::string_view prefix, std::string_view text, std::size_t indent, BreakAt breaks,
                      std::size_t width) {
  std::string out(prefix);
  const std::size_t line_start = prefix.rfind('\n');
  const std::size_t prefix_width =
      line_start == std::string_view::npos ? prefix.size() : prefix.size() - line_start - 1;
  std::size_t room = width > prefix_width ? width - prefix_width : 0;
  const std::size_t continued_room = width > indent ? std::max<std::size_t>(width - indent, 1) : 1;
  const std::vector<int> depth = parenthesis_depths(text);
  std::size_t position = 0;
  while (text.size() - position > room) {
    std::size_t stop = room == 0 ? position : last_break(text, depth, position, position + room + 1, breaks);
    if (stop == position + room + 1) stop = position + room;  // no break point fits: cut
    if (stop > position) {
      out.append(text.substr(position, stop - position));
      position = stop;
    }
    if (breaks == BreakAt::spaces && position < text.size() && text[position] == ' ') ++position;
    out += '\n';
    out.append(indent, ' ');
    room = continued_room;
  }
  out.append(text.substr(position));
  return out;
}

}  // namespace lfsr
