// --plot FILE: checking early that the picture can be written, and writing it at the end.
#pragma once

#include <string>

namespace lfsr::cli {

// Throws InputError naming the file when it cannot be created or replaced (no such directory, a
// directory, no permission), so that a long run does not end without its picture.
void check_plot_file(const std::string& path);

// Writes the SVG document to `path`. A failed write throws WorkerError (exit code 5), as a failed
// write of the report does.
void write_plot_file(const std::string& path, const std::string& svg);

}  // namespace lfsr::cli
