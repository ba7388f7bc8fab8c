// The project's version, given to this file alone by the build (CMakeLists.txt).
#include "lfsr/version.hpp"

#ifndef LFSR_VERSION
#error "LFSR_VERSION must be defined by the build (CMakeLists.txt)"
#endif

namespace lfsr {

std::string_view version() { return LFSR_VERSION; }

}  // namespace lfsr
