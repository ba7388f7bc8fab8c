// Pictures of results as SVG documents: states per cycle length, registers per cycle type, times per mode.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "lfsr/report.hpp"

namespace lfsr {

// A single run: states per cycle length, both axes logarithmic, one mark per cycle length; the
// register (or matrix), its form and field in the title. Lengths and counts of any size.
std::string cycle_length_plot(const Report& report);

// --compare: the wall time of each mode, a bar to the median and whiskers from the fastest to the
// slowest run, and its speedup over seq. Needs report.compare.
std::string compare_plot(const Report& report);

// The plot of a single run: compare_plot when the report has timings, else cycle_length_plot.
std::string report_plot(const Report& report);

// Most bars a summary plot draws per panel; the rest are counted in a note below the bars.
inline constexpr std::size_t max_plot_bars = 20;

// A batch or scan summary (the object of --summary --format json: "field", "cycle_types", ...):
// registers per cycle type, the most common first, and registers per longest cycle; `subject`
// names what was summarized ("scan of the degree-16 polynomials").
std::string cycle_type_plot(const nlohmann::ordered_json& summary, std::string_view subject);

}  // namespace lfsr
