// Parsing --shard I/N and the contiguous range of positions that part I of N covers.
#include "many/shard.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string_view>

#include "lfsr/error.hpp"

namespace lfsr {

namespace {

// A plain decimal number (no sign, no base prefix, no spaces) into `value`; false if the text is not one.
bool parse_decimal(std::string_view text, std::uint64_t& value) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return false;
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  return stop == end && error == std::errc{};
}

}  // namespace

std::pair<std::uint64_t, std::uint64_t> Shard::range(std::uint64_t size) const {
  // floor(size part / count) without the product, which may pass 2^64: with size = a count + b,
  // it is a part + floor(b part / count), and b part < count^2 <= 2^64.
  const auto boundary = [&](std::uint64_t part) { return size / count * part + size % count * part / count; };
  return {boundary(index - 1), boundary(index)};
}

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string::npos || !parse_decimal(std::string_view(text).substr(0, slash), shard.index) ||
      !parse_decimal(std::string_view(text).substr(slash + 1), shard.count)) {
    throw InputError(fmt::format("--shard takes I/N, part I of N with whole numbers 1 <= I <= N, not \"{}\"", text));
  }
  if (shard.count < 1 || shard.count > max_shard_count) {
    throw InputError(fmt::format("--shard {}: the number of parts N must be between 1 and 2^32", text));
  }
  if (shard.index < 1 || shard.index > shard.count) {
    throw InputError(fmt::format("--shard {}: the part I must be between 1 and N = {}", text, shard.count));
  }
  return shard;
}

}  // namespace lfsr
