// Unit tests of what --merge relies on: the run identity, the summaries of parts added into the
// whole's, summaries read back exactly, and the checks on a set of parts.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "lfsr/algebra.hpp"
#include "lfsr/error.hpp"
#include "lfsr/report.hpp"
#include "many/run_identity.hpp"
#include "many/scan.hpp"
#include "many/shard_merge.hpp"
#include "report/exact_json.hpp"

using namespace lfsr;

namespace {

std::string fnv(std::string_view text) {
  Fnv1a64 hash;
  hash.add(text);
  return fmt::format("{:016x}", hash.value());
}

// The summary of the registers at positions [from, to) of a scan, in order.
CycleTypeSummary summary_of(const PolynomialScan& scan, std::uint64_t from, std::uint64_t to) {
  CycleTypeSummary summary;
  for (std::uint64_t i = from; i < to; ++i) summary.add(scan.at(i), algebraic_cycle_structure(scan.at(i)));
  return summary;
}

ReadPart part(const std::string& file, std::uint64_t index, std::uint64_t count, std::uint64_t first,
              std::uint64_t last, const std::string& run = "0123456789abcdef") {
  return {file, {{index, count}, run, first, last}, {}};
}

std::string refusal(const std::vector<ReadPart>& parts) {
  try {
    order_parts(parts);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("FNV-1a 64 gives the published values", "[merge]") {
  CHECK(fnv("") == "cbf29ce484222325");
  CHECK(fnv("a") == "af63dc4c8601ec8c");
  CHECK(fnv("foobar") == "85944171f73967e8");
}

TEST_CASE("the run identity changes with every setting that decides results", "[merge]") {
  RunSettings scan;
  scan.scan = true;
  scan.bits = 8;
  const std::string reference = run_identity(scan);
  CHECK(reference.size() == 16);
  CHECK(run_identity(scan) == reference);
  std::vector<RunSettings> others(8, scan);
  others[0].bits = 9;
  others[1].nonsingular = true;
  others[2].form = "galois";
  others[3].method = "algebraic";
  others[4].field = Field::from_order(3);
  others[5].field = Field::with_modulus(256, "a^8+a^4+a^3+a+1");
  others[6].scan = false;  // a batch of no bytes
  others[7].scan = false;
  others[7].batch_bytes.add("x^4+x+1\n");
  std::set<std::string> runs{reference};
  for (const RunSettings& other : others) runs.insert(run_identity(other));
  CHECK(runs.size() == others.size() + 1);
  // A byte more in the batch, or the same bytes in another order, is another run.
  RunSettings batch = others[7];
  batch.batch_bytes.add(" ");
  CHECK(run_identity(batch) != run_identity(others[7]));
  RunSettings reordered = others[6];
  reordered.batch_bytes.add("x^4+x+\n1");
  CHECK(run_identity(reordered) != run_identity(others[7]));
  // GF(256) named by its Conway modulus is GF(256).
  RunSettings conway = scan;
  conway.field = Field::from_order(256);
  RunSettings named = scan;
  named.field = Field::with_modulus(256, Field::from_order(256).modulus_text());
  CHECK(run_identity(conway) == run_identity(named));
}

TEST_CASE("the summaries of consecutive parts add up to the whole scan's", "[merge]") {
  for (const unsigned q : {2U, 3U}) {
    const Field field = Field::from_order(q);
    const PolynomialScan scan(field, q == 2 ? 6 : 3, false);
    const CycleTypeSummary whole = summary_of(scan, 0, scan.size());
    for (const std::uint64_t cut :
         {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{17}, scan.size() - 1, scan.size()}) {
      CAPTURE(q, cut);
      CycleTypeSummary parts = summary_of(scan, 0, cut);
      parts.add(summary_of(scan, cut, scan.size()));
      CHECK(dump_json(parts.json()) == dump_json(whole.json()));
      CHECK(parts.examples() == whole.examples());
    }
  }
}

TEST_CASE("a summary read back from its JSON is the same summary, big numbers exact", "[merge]") {
  const Field gf2 = Field::from_order(2);
  CycleTypeSummary summary;
  for (const char* text : {"x^127+x+1", "x^89+x^38+1", "x^4+x+1", "x^4"}) {
    const Polynomial f = parse_polynomial(text, gf2);
    summary.add(f, algebraic_cycle_structure(f));
  }
  const std::string json = dump_json(summary.json(), 2);
  REQUIRE(json.find("170141183460469231731687303715884105727") != std::string::npos);  // 2^127 - 1
  const CycleTypeSummary read = CycleTypeSummary::from_json(parse_exact_json(json));
  CHECK(read.examples() == summary.examples());
  CHECK(dump_json(read.json(), 2) == json);
  CHECK_THROWS_AS(CycleTypeSummary::from_json(parse_exact_json(R"({"registers": 1})")), InputError);
}

TEST_CASE("order_parts puts parts 1..N of one run in order and names what is wrong", "[merge]") {
  const std::vector<ReadPart> parts{part("c", 3, 3, 7, 9), part("a", 1, 3, 1, 3), part("b", 2, 3, 4, 6)};
  CHECK(order_parts(parts) == std::vector<std::size_t>{1, 2, 0});
  CHECK(refusal({parts[1], parts[0]}) == "--merge: part 2 of 3 is missing");
  CHECK(refusal({part("a", 1, 9, 1, 1), part("c", 3, 9, 3, 3)}) ==
        "--merge: 7 of the 9 parts are missing: 2, 4, 5, 6, 7, 8, 9");
  CHECK(refusal({parts[0], parts[1], parts[2], part("d", 2, 3, 4, 6)}) == "--merge: b and d are both part 2 of 3");
  CHECK(refusal({parts[1], part("x", 2, 3, 4, 6, "fedcba9876543210"), parts[0]})
            .starts_with("--merge: x is a part of another run (fedcba9876543210) than a (0123456789abcdef)"));
  CHECK(refusal({parts[1], part("y", 2, 4, 4, 6)}).starts_with("--merge: y is part 2 of 4, but a is part 1 of 3"));
  CHECK(refusal({parts[1], part("b", 2, 3, 5, 6), parts[0]}) ==
        "--merge: b (part 2 of 3) covers lines 5 to 6, not from line 4 on");
  // Empty parts (more parts than lines) tile too.
  CHECK(order_parts({part("a", 1, 2, 1, 0), part("b", 2, 2, 1, 1)}) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("the whole run's end: the first failed part's exit code, lines and failed lines in order", "[merge]") {
  const PartEnd whole = combine_ends({{3, 0, {}}, {4, 2, {5, 6}}, {2, 3, {8, 9}}}, 3);
  CHECK(whole.lines == 9);
  CHECK(whole.exit_code == 2);
  CHECK(whole.failed_lines == std::vector<std::uint64_t>{5, 6, 8});
}

TEST_CASE("merged summaries: shard key dropped, seconds added, mode mixed only when the parts differ", "[merge]") {
  const auto summary = [](const char* mode, int workers, double seconds) {
    nlohmann::ordered_json json{{"schema_version", 1}, {"shard", {{"index", 1}}}, {"mode", mode}, {"workers", workers}};
    json.update(CycleTypeSummary{}.json());
    json["errors"] = 1;
    json["seconds"] = seconds;
    return json;
  };
  const nlohmann::ordered_json threads = summary("threads", 2, 0.25);
  const nlohmann::ordered_json fork = summary("fork", 1, 0.5);
  const nlohmann::ordered_json same = merge_summaries({&threads, &threads});
  CHECK_FALSE(same.contains("shard"));
  CHECK(same["mode"] == "threads");
  CHECK(same["workers"] == 2);
  CHECK(same["errors"] == 2);
  CHECK(same["seconds"] == 0.5);
  CHECK(same.begin().key() == "schema_version");  // the keys keep the parts' order
  const nlohmann::ordered_json mixed = merge_summaries({&fork, &threads});
  CHECK(mixed["mode"] == "mixed");
  CHECK(mixed["workers"] == 2);
}
