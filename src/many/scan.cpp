// The scan order of the monic polynomials of one degree, and the summary of a scan's results.
#include "many/scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <tuple>
#include <vector>

#include "lfsr/algebra.hpp"
#include "lfsr/error.hpp"
#include "lfsr/report.hpp"
#include "many/number_bytes.hpp"

namespace lfsr {

PolynomialScan::PolynomialScan(const Field& field, int n, bool nonsingular)
    : field_(field), n_(n), nonsingular_(nonsingular) {
  if (n < 1) throw InputError(fmt::format("a scan needs a degree of at least 1, not {}", n));
  mpz_class total;
  mpz_ui_pow_ui(total.get_mpz_t(), field.q(), static_cast<unsigned long>(n));
  if (total > max_scan_polynomials) {
    throw ResourceError(
        fmt::format("a scan of the {}^{} polynomials of degree {} over {} is too large (the limit is "
                    "2^32 registers)",
                    field.q(), n, n, field.name()));
  }
  all_ = total.get_ui();
}

std::uint64_t PolynomialScan::size() const { return nonsingular_ ? all_ / field_.q() * (field_.q() - 1) : all_; }

Polynomial PolynomialScan::at(std::uint64_t position) const {
  const std::uint32_t q = field_.q();
  // Among the nonsingular ones every block of q consecutive integers loses its c_0 = 0 member.
  std::uint64_t index = nonsingular_ ? position / (q - 1) * q + position % (q - 1) + 1 : position;
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n_) + 1, 1);
  for (int i = 0; i < n_; ++i, index /= q)
    coefficients[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(index % q);
  return Polynomial(field_, std::move(coefficients));
}

void CycleTypeSummary::add(const Polynomial& f, const CycleStructure& result) {
  ++registers;
  maximal_length += result.maximal_length() ? 1 : 0;
  irreducible += is_irreducible(f) ? 1 : 0;
  singular += f.is_singular() ? 1 : 0;
  const auto [type, first] = types.try_emplace(type_key(result.cycles));
  if (first) type->second.example = f.to_string();
  ++type->second.registers;
}

void CycleTypeSummary::add(const BatchRegister& batch_register, const CycleStructure& result) {
  if (const Lfsr* lfsr = batch_register.lfsr()) {
    add(lfsr->polynomial, result);
    return;
  }
  ++registers;
  maximal_length += result.maximal_length() ? 1 : 0;
  singular += batch_register.feedback()->is_invertible() ? 0 : 1;
  const auto [type, first] = types.try_emplace(type_key(result.cycles));
  if (first) type->second.example = batch_register.text();
  ++type->second.registers;
}

void CycleTypeSummary::add(const CycleTypeSummary& later) {
  registers += later.registers;
  maximal_length += later.maximal_length;
  irreducible += later.irreducible;
  singular += later.singular;
  for (const auto& [key, type] : later.types) {
    const auto [known, first] = types.try_emplace(key, type);
    if (!first) known->second.registers += type.registers;
  }
}

std::map<std::map<mpz_class, mpz_class>, std::string> CycleTypeSummary::examples() const {
  std::map<std::map<mpz_class, mpz_class>, std::string> examples;
  for (const auto& [key, type] : types) examples.emplace(type_of(key), type.example);
  return examples;
}

std::string CycleTypeSummary::type_key(const std::map<mpz_class, mpz_class>& cycles) {
  ByteWriter out;
  for (const auto& [length, count] : cycles) {
    put_number(out, length);
    put_number(out, count);
  }
  return out.take();
}

std::map<mpz_class, mpz_class> CycleTypeSummary::type_of(std::string_view key) {
  std::map<mpz_class, mpz_class> cycles;
  for (ByteReader in(key); !in.empty();) {
    mpz_class length = get_number(in);
    cycles.emplace(std::move(length), get_number(in));
  }
  return cycles;
}

void CycleTypeSummary::put(ByteWriter& out) const {
  out.put(registers).put(maximal_length).put(irreducible).put(singular).put(types.size());
  for (const auto& [key, type] : types) out.put_bytes(key).put(type.registers).put_bytes(type.example);
}

CycleTypeSummary CycleTypeSummary::get(ByteReader& in) {
  CycleTypeSummary summary;
  summary.registers = in.get<std::uint64_t>();
  summary.maximal_length = in.get<std::uint64_t>();
  summary.irreducible = in.get<std::uint64_t>();
  summary.singular = in.get<std::uint64_t>();
  for (auto count = in.get<std::size_t>(); count > 0; --count) {
    std::string key(in.get_bytes());
    const auto registers = in.get<std::uint64_t>();
    summary.types.emplace(std::move(key), CycleType{registers, std::string(in.get_bytes())});
  }
  return summary;
}

CycleTypeSummary CycleTypeSummary::from_json(const nlohmann::ordered_json& json) {
  const auto count = [](const nlohmann::ordered_json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number_unsigned())
      throw InputError(fmt::format("the summary has no whole number \"{}\"", key));
    return found->get<std::uint64_t>();
  };
  const auto big = [](const nlohmann::ordered_json& object, const char* key) {
    const auto found = object.find(key);
    std::optional<mpz_class> value = found == object.end() ? std::nullopt : big_number_value(*found);
    if (!value || *value < 1) throw InputError(fmt::format("a cycle of the summary has no positive \"{}\"", key));
    return *value;
  };
  if (!json.is_object()) throw InputError("the summary is not a JSON object");
  CycleTypeSummary summary;
  summary.registers = count(json, "registers");
  summary.maximal_length = count(json, "maximal_length");
  summary.irreducible = count(json, "irreducible");
  summary.singular = count(json, "singular");
  const auto types = json.find("cycle_types");
  if (types == json.end() || !types->is_array()) throw InputError("the summary has no list \"cycle_types\"");
  for (const auto& type : *types) {
    const auto cycles = type.find("cycles");
    const auto example = type.find("example");
    if (!type.is_object() || cycles == type.end() || !cycles->is_array() || example == type.end() ||
        !example->is_string())
      throw InputError("a cycle type of the summary has no \"cycles\" or \"example\"");
    std::map<mpz_class, mpz_class> lengths;
    for (const auto& cycle : *cycles) {
      if (!cycle.is_object()) throw InputError("a cycle of the summary is not an object");
      if (!lengths.emplace(big(cycle, "length"), big(cycle, "count")).second)
        throw InputError("a cycle type of the summary lists a length twice");
    }
    if (!summary.types.try_emplace(type_key(lengths), CycleType{count(type, "registers"), example->get<std::string>()})
             .second)
      throw InputError("the summary lists a cycle type twice");
  }
  return summary;
}

nlohmann::ordered_json CycleTypeSummary::json() const {
  // The most common types first; ties in the order of the types themselves (as maps of numbers).
  std::vector<std::tuple<std::uint64_t, std::map<mpz_class, mpz_class>, const std::string*>> sorted;
  sorted.reserve(types.size());
  for (const auto& [key, type] : types) sorted.emplace_back(type.registers, type_of(key), &type.example);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : std::get<1>(a) < std::get<1>(b);
  });
  // Built node by node, each object's keys reserved: initializer lists copy every node, and growing
  // vectors allocate twice, which took most of the time of a summary of thousands of types.
  using Json = nlohmann::ordered_json;
  Json list = Json::array();
  list.get_ref<Json::array_t&>().reserve(sorted.size());
  for (const auto& [count, type, example] : sorted) {
    Json& entry = list.emplace_back(Json::object());
    entry.get_ref<Json::object_t&>().reserve(3);
    Json& cycles = entry["cycles"] = Json::array();
    cycles.get_ref<Json::array_t&>().reserve(type.size());
    for (const auto& [length, number] : type) {
      Json& cycle = cycles.emplace_back(Json::object());
      cycle.get_ref<Json::object_t&>().reserve(2);
      cycle["length"] = big_number(length);
      cycle["count"] = big_number(number);
    }
    entry["registers"] = count;
    entry["example"] = *example;
  }
  return {{"registers", registers},
          {"maximal_length", maximal_length},
          {"irreducible", irreducible},
          {"singular", singular},
          {"cycle_types", std::move(list)}};
}

}  // namespace lfsr
