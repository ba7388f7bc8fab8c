// The canonical text of a run's settings and its FNV-1a hash, the `run` every part states.
#include "many/run_identity.hpp"

#include <fmt/format.h>

#include "lfsr/report.hpp"
#include "lfsr/version.hpp"

namespace lfsr {

std::string run_identity_text(const RunSettings& settings) {
  // The field as the JSON names it: GF(4) and GF(4) with its Conway modulus given are one field.
  std::string text =
      fmt::format("lfsr-analyze run\nversion {}\nschema_version {}\nfield {}\nform {}\nmethod {}\n", version(),
                  json_schema_version, dump_json(field_json(settings.field)), settings.form, settings.method);
  if (!settings.search_family.empty()) {
    text += fmt::format("search {}\nbits {}\n", settings.search_family, settings.bits);
  } else if (settings.scan) {
    text += fmt::format("scan {}\nbits {}\n", settings.nonsingular ? "nonsingular" : "all", settings.bits);
  } else {
    text += fmt::format("batch {} bytes fnv1a64 {:016x}\n", settings.batch_bytes.bytes(), settings.batch_bytes.value());
  }
  return text;
}

std::string run_identity(const RunSettings& settings) {
  Fnv1a64 hash;
  hash.add(run_identity_text(settings));
  return fmt::format("{:016x}", hash.value());
}

}  // namespace lfsr
