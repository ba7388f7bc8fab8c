// The version of lfsr (the library and lfsr-analyze), as every JSON object states it.
#pragma once

#include <string_view>

namespace lfsr {

// "X.Y.Z", the project's version; the JSON key `version` (docs/json.md). Defined in one source
// file, so that a new version recompiles that file alone.
std::string_view version();

}  // namespace lfsr
