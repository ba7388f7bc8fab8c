// The text of --version; the one file that includes the generated git description.
#include "version_text.hpp"

#include <NTL/version.h>
#include <flint/flint.h>
#include <fmt/format.h>
#include <gmp.h>

#include "lfsr/version.hpp"
#include "lfsr_git_description.hpp"  // written at every build by cmake/GitDescription.cmake

namespace lfsr::cli {

std::string version_text() {
  std::string text = fmt::format("lfsr-analyze {}\n", version());
  if (*LFSR_GIT_DESCRIPTION != '\0') text += fmt::format("git {}\n", LFSR_GIT_DESCRIPTION);
  // NTL has no run-time version query: the version of its headers.
  text += fmt::format("NTL {} (compile time)\n", NTL_VERSION);
  text += fmt::format("GMP {} (run time)\n", gmp_version);
  text += fmt::format("FLINT {} (run time)", flint_version);
  return text;
}

}  // namespace lfsr::cli
