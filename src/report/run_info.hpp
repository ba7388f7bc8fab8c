// What a report says a register is (field, bits, polynomial, form) and the runner it ran on: filled
// and written alike for a single run and for a batch or scan.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

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

// "threads, 2 workers": the runner as the last line of a text report names it.
inline std::string runner_text(std::string_view mode, int workers) {
  return fmt::format("{}, {} worker{}", mode, workers, workers == 1 ? "" : "s");
}

// "mpirun: 2 ranks, 1 worker each": the line a text report adds when it ran under mpirun.
inline std::string ranks_text(int ranks, int workers) {
  return fmt::format("mpirun: {} rank{}, {} worker{} each", ranks, ranks == 1 ? "" : "s", workers,
                     workers == 1 ? "" : "s");
}

}  // namespace lfsr
