// Unit tests of --shard I/N: parsing, and the parts' ranges covering every position once, in order.
#include <catch2/catch.hpp>
#include <cstdint>

#include "lfsr/error.hpp"
#include "many/shard.hpp"

using lfsr::InputError;
using lfsr::parse_shard;
using lfsr::Shard;

TEST_CASE("parse_shard reads I/N with 1 <= I <= N", "[shard]") {
  const Shard shard = parse_shard("3/7");
  CHECK(shard.index == 3);
  CHECK(shard.count == 7);
  CHECK(parse_shard("1/1").count == 1);
  CHECK(parse_shard("4294967296/4294967296").index == lfsr::max_shard_count);
  for (const char* bad : {"", "/", "1", "1/", "/2", "0/2", "3/2", "1/0", "-1/2", "+1/2", "1/2/3", " 1/2", "1/2 ",
                          "0x1/2", "1/4294967297", "99999999999999999999/2"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_shard(bad), InputError);
  }
}

TEST_CASE("the parts of a run are contiguous, cover every position once and differ by at most one", "[shard]") {
  for (const std::uint64_t size : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{81},
                                   std::uint64_t{256}, std::uint64_t{1} << 32}) {
    for (std::uint64_t count = 1; count <= 9; ++count) {
      std::uint64_t next = 0;
      for (std::uint64_t index = 1; index <= count; ++index) {
        const auto [first, end] = Shard{index, count}.range(size);
        CHECK(first == next);
        CHECK(end >= first);
        CHECK(end - first <= size / count + 1);
        CHECK(end - first >= size / count);
        next = end;
      }
      CHECK(next == size);
    }
  }
  // The largest scan split into the most parts: no product overflows.
  const std::uint64_t size = std::uint64_t{1} << 32;
  CHECK(Shard{lfsr::max_shard_count, lfsr::max_shard_count}.range(size) ==
        std::pair<std::uint64_t, std::uint64_t>{size - 1, size});
  CHECK(Shard{lfsr::max_shard_count - 1, lfsr::max_shard_count}.range(size - 1) ==
        std::pair<std::uint64_t, std::uint64_t>{size - 3, size - 2});
}
