// The text of --version; the one file that includes the generated git description.
#include "version_text.hpp"

#include <NTL/version.h>
#include <fmt/format.h>
#include <gmp.h>

#include "algebra/flint_library.hpp"
#include "lfsr/version.hpp"
#include "lfsr_git_description.hpp"  // written at every build by cmake/GitDescription.cmake

namespace lfsr::cli {

std::string version_text() {
  std::string text = fmt::format("lfsr-analyze {}\n", version());
  if (*LFSR_GIT_DESCRIPTION != '\0') text += fmt::format("git {}\n", LFSR_GIT_DESCRIPTION);
    // NTL has no run-time version query: the version of its headers, which is the one that runs
    // when NTL is linked into the program (CMakeLists.txt, LFSR_STATIC_PROGRAM).
#ifdef LFSR_STATIC_NTL
  text += fmt::format("NTL {} (compile time; linked into the program)\n", NTL_VERSION);
#else
  text += fmt::format("NTL {} (compile time)\n", NTL_VERSION);
#endif
  text += fmt::format("GMP {} (run time)\n", gmp_version);
  // FLINT is loaded only when a factorization needs it (flint_library.hpp): --version does not load
  // it, and names the version of its headers and the file that will be loaded.
  if (detail::flint_loaded())
    text += fmt::format("FLINT {} (run time)", detail::flint().version);
  else
    text +=
        fmt::format("FLINT {} (compile time; {} is loaded when first needed)", FLINT_VERSION, detail::flint_soname());
  return text;
}

}  // namespace lfsr::cli
