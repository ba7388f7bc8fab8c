// What a report says a register is (field, bits, polynomial, form): filled alike for a single run
// and for every line of a batch or scan.
#pragma once

#include <string>

#include "lfsr/lfsr.hpp"
#include "lfsr/report.hpp"

namespace lfsr {

// The register keys of a run of `lfsr` (input "polynomial"); how it ran is the caller's to add.
inline RunInfo register_run_info(const Lfsr& lfsr) {
  RunInfo run;
  run.field = lfsr.field();
  run.bits = lfsr.degree();
  run.polynomial = lfsr.polynomial.to_string();
  run.form = std::string(form_name(lfsr.form));
  return run;
}

}  // namespace lfsr
