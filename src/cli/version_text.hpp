// The text --version prints: the version, the git commit of the build and the libraries' versions.
#pragma once

#include <string>

namespace lfsr::cli {

// "lfsr-analyze X.Y.Z" on its first line (scripts parse it), then "git <describe>" when built from
// a git checkout, then one line each for NTL, GMP and FLINT. No final newline.
std::string version_text();

}  // namespace lfsr::cli
