// Rendering a result: one function per output format (text for people, JSON for scripts).
#pragma once

#include <gmpxx.h>

#include <climits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lfsr/compare.hpp"
#include "lfsr/cycle_structure.hpp"
#include "lfsr/field.hpp"
#include "lfsr/trace.hpp"

namespace lfsr {

// Version of the JSON contract: raised only when an existing key changes meaning.
inline constexpr int json_schema_version = 1;

// A register recovered from a sequence (--sequence): what Berlekamp-Massey found.
struct SequenceInfo {
  int linear_complexity = 0;
  std::size_t sequence_length = 0;
  bool unique = true;        // sequence_length >= 2 L: no other register of length L generates it
  std::vector<int> profile;  // --profile: L of each prefix; empty otherwise
};

// What was analyzed and how: everything a report states besides the cycle structure itself.
struct RunInfo {
  Field field = Field::from_order(2);
  int bits = 0;
  std::string polynomial;                // Polynomial::to_string(); for a matrix, its characteristic polynomial
  std::string form;                      // "fibonacci" | "galois"; empty for a matrix
  std::string input = "polynomial";      // "polynomial" (an LFSR) | "matrix" (--matrix) | "sequence" | "feedback"
  std::string feedback;                  // input "feedback": F in canonical algebraic normal form (no polynomial)
  bool invertible = false;               // input "feedback": whether the register is a permutation of its states
  std::optional<SequenceInfo> sequence;  // input "sequence" only
  std::string method = "enumerate";
  std::string mode;    // runner that ran the chunks: "seq" | "threads" | "fork" | "mpi"
  int workers = 1;     // per rank under mpirun
  int ranks = 0;       // the MPI job's ranks when mode is "mpi"; 0 otherwise (no `ranks` key)
  double seconds = 0;  // wall time of the analysis itself
};

struct Report {
  RunInfo run;
  CycleStructure result;
  std::vector<ModeTiming> compare;  // --compare: one entry per mode, else empty
};

// --period-of: where one state goes.
struct StateReport {
  RunInfo run;
  mpz_class state;                 // its index, sum s_i q^i
  mpz_class tail;                  // steps to its cycle
  mpz_class period;                // length of that cycle
  std::string minimal_polynomial;  // of the state under the transition, as text
};

// {"q", "p", "k", "modulus"}: the field as every object names it.
nlohmann::ordered_json field_json(const Field& field);

// The JSON object of the contract (docs/json.md); big integers stay exact (see dump_json).
nlohmann::ordered_json report_json(const Report& report);

// The JSON object for one state: the register keys, then state, tail, period, minimal_polynomial.
nlohmann::ordered_json state_report_json(const StateReport& report);
std::string state_report_text(const StateReport& report);

// A JSON value for a big integer: a plain number when it fits in 64 bits, otherwise a marked
// string that dump_json writes out as a bare number with all its digits.
nlohmann::ordered_json big_number(const mpz_class& value);

// The integer a big_number value, or any JSON integer, stands for; nothing for another value.
std::optional<mpz_class> big_number_value(const nlohmann::ordered_json& value);

// Serializes JSON like nlohmann's dump(indent), but writes big_number values as bare digits. Values
// nested pretty_depth levels deep or more are written compact, each on one line.
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1, int pretty_depth = INT_MAX);

// Rows of the cycle table the text report prints before it summarizes the rest (the first and
// the last lengths, with a line saying how many are left out).
inline constexpr std::size_t default_cycle_rows = 24;

// --sequence whose linear complexity is 0 (the all-zero sequence): no register to analyze.
nlohmann::ordered_json zero_complexity_json(const RunInfo& run);
std::string zero_complexity_text(const RunInfo& run);

// "field GF(4) = GF(2)[a]/(a^2+a+1)" and a newline over GF(p^k), where the coefficients' meaning
// depends on the modulus; empty for a prime field.
std::string field_definition_text(const Field& field);

// The first lines of every text report of a run: what was analyzed ("GF(2) register x^4+x+1,
// fibonacci form", a long polynomial broken between its terms) and field_definition_text.
std::string heading_text(const RunInfo& run);

// A minimal polynomial (coefficients x^0 first, monic, of degree >= 0) as text: "1" for the
// constant 1 (the zero state's), else Polynomial::to_string().
std::string minimal_polynomial_text(const Field& field, const std::vector<std::uint32_t>& coefficients);

// The human-readable report: field, polynomial, a table of cycle lengths, counts, states and
// representatives, timing; numbers of more than 20 digits in short forms (number_text). At most `cycle_rows` rows of
// the cycle table (0: all of them).
std::string report_text(const Report& report, std::size_t cycle_rows = default_cycle_rows);

// --trace: the states visited from one state, and the symbols output on the way.
struct TraceReport {
  RunInfo run;
  Trace trace;
};

// The register keys, then state, output_digit, trace (one object per row), steps, stop, tail,
// period, next_state and seconds (docs/json.md).
nlohmann::ordered_json trace_report_json(const TraceReport& report);
// A table of step, state, digits (most significant first) and output, then where the cycle closed.
std::string trace_report_text(const TraceReport& report);

}  // namespace lfsr
