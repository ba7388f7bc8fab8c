// Every monic polynomial of one degree over a field, in a fixed order, and what a scan adds up.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/polynomial.hpp"
#include "many/batch_register.hpp"
#include "runners/byte_io.hpp"

namespace lfsr {

// Most polynomials a scan may cover: q^n beyond this would run for days.
inline constexpr std::uint64_t max_scan_polynomials = std::uint64_t{1} << 32;

// The monic polynomials x^n + c_(n-1) x^(n-1) + ... + c_0 whose coefficients, read as the base-q
// digits of an integer (c_0 lowest), count 0, 1, 2, ...; with `nonsingular`, only those with
// c_0 != 0. Throws ResourceError past max_scan_polynomials, InputError for n < 1.
class PolynomialScan {
 public:
  PolynomialScan(const Field& field, int n, bool nonsingular);
  std::uint64_t size() const;
  // The polynomial at `position` (0 <= position < size()) in the scan order.
  Polynomial at(std::uint64_t position) const;

 private:
  Field field_;
  int n_;
  bool nonsingular_;
  std::uint64_t all_ = 0;  // q^n
};

// Registers of each cycle type (the multiset of cycle lengths), and how many are maximal length,
// irreducible and singular. A feedback register of a batch is never irreducible (it has no
// polynomial) and singular when it is not invertible (its step is not a permutation), as an LFSR
// is singular exactly when c_0 = 0, its step then not a permutation either.
struct CycleTypeSummary {
  std::uint64_t registers = 0;
  std::uint64_t maximal_length = 0;
  std::uint64_t irreducible = 0;
  std::uint64_t singular = 0;
  struct CycleType {
    std::uint64_t registers = 0;
    // The first polynomial added with this type (BatchRegister::text() for a feedback register): in
    // scan or file order, as batches report their registers in order.
    std::string example;
  };
  // Keyed by type_key(cycles): a register is counted by hashing a few bytes, where comparing maps
  // of big numbers in an ordered map took most of the time of a summary of thousands of types.
  std::unordered_map<std::string, CycleType> types;

  void add(const Polynomial& f, const CycleStructure& result);
  // An LFSR as above (its form changes nothing), or a feedback register, named by its batch line
  // ("feedback:4:x0 + x1 + x2 + x1*x2") where it is a type's example.
  void add(const BatchRegister& batch_register, const CycleStructure& result);
  // Adds the summary of registers that come after these in scan or file order: counts add up, and
  // its example of a type counts only where these registers have none. The summaries of
  // consecutive parts of a run (shards, cluster ranks, the tasks of a batch job), added in order,
  // are the whole run's.
  void add(const CycleTypeSummary& later);
  // Cycle type -> its example, the types decoded.
  std::map<std::map<mpz_class, mpz_class>, std::string> examples() const;
  // The summary whose json() is `json` (other keys of the object are ignored), with big numbers
  // kept exact when `json` comes from parse_exact_json. Throws InputError naming a key that is
  // missing or malformed.
  static CycleTypeSummary from_json(const nlohmann::ordered_json& json);
  // {"registers", "maximal_length", "irreducible", "singular", "cycle_types": [{"cycles": [...],
  // "registers": N, "example": "x^4+x+1"}, ...]}, the most common types first.
  nlohmann::ordered_json json() const;
  // The summary in the byte encoding of job results, as a worker sends the summary of its task.
  void put(ByteWriter& out) const;
  static CycleTypeSummary get(ByteReader& in);

  // A cycle type's lengths and counts as bytes, and back.
  static std::string type_key(const std::map<mpz_class, mpz_class>& cycles);
  static std::map<mpz_class, mpz_class> type_of(std::string_view key);
};

}  // namespace lfsr
