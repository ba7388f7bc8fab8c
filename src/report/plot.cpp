// The plots: axes, ticks and marks laid out by hand on the SVG writer; logarithms of big integers
// taken from GMP, so lengths and counts of any size have a place on the axes.
#include "report/plot.hpp"

#include <fmt/format.h>
#include <gmpxx.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "lfsr/error.hpp"
#include "report/number_text.hpp"
#include "report/svg_writer.hpp"

namespace lfsr {

namespace {

using detail::Anchor;
using detail::SvgWriter;

constexpr std::string_view mark_colour = "#1f77b4";
constexpr std::string_view bar_colour = "#4c78a8";
constexpr std::string_view axis_colour = "#444";
constexpr std::string_view grid_colour = "#dcdcdc";
constexpr std::string_view minor_grid_colour = "#f1f1f1";
constexpr double title_size = 16;
constexpr double label_size = 12;

// log10 of a positive integer of any size: mantissa and binary exponent from GMP.
double log10_of(const mpz_class& value) {
  long exponent = 0;
  const double mantissa = mpz_get_d_2exp(&exponent, value.get_mpz_t());
  return std::log10(mantissa) + static_cast<double>(exponent) * std::log10(2.0);
}

// Up to 9 digits exactly, beyond that three significant digits: "1.07e301".
std::string short_number(const mpz_class& value) {
  return value.get_str().size() <= 9 ? value.get_str() : scientific_text(value, 3);
}

// A step of 1, 2 or 5 times a power of ten giving at most `ticks` intervals over [0, span].
double nice_step(double span, int ticks) {
  const double raw = span / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0, 10.0})
    if (factor * power >= raw) return factor * power;
  return 10 * power;
}

// Decades between labelled ticks of a log axis spanning `decades`: 1, 2, 5, 10, 20, 50, ...
int decade_step(int decades, int ticks) {
  for (int power = 1;; power *= 10)
    for (const int factor : {1, 2, 5})
      if (decades <= factor * power * ticks) return factor * power;
}

// Tick label of 10^e: 1, 10, 100, 1000, then 10 with a raised exponent.
void decade_label(SvgWriter& svg, double x, double y, int e, Anchor anchor) {
  if (e <= 3) {
    svg.text(x, y, fmt::format("{}", static_cast<long long>(std::llround(std::pow(10.0, e)))), label_size, anchor,
             "tick-label");
  } else {
    svg.power_text(x, y, "10", std::to_string(e), label_size, anchor, "tick-label");
  }
}

// Characters of `size` px text that fit in `width` px.
std::size_t characters_in(double width, double size, bool bold = false) {
  return static_cast<std::size_t>(std::max(4.0, width / detail::text_width(1, size, bold)));
}

// "GF(2) register x^16+1, fibonacci form", or the matrix with its characteristic polynomial.
std::string run_title(const RunInfo& run) {
  if (run.input == "matrix")
    return fmt::format("{} linear map v -> A v, {} x {}, characteristic polynomial {}", run.field.name(), run.bits,
                       run.bits, run.polynomial);
  if (run.input == "feedback") return fmt::format("GF(2) nonlinear feedback register, {} bits, F = {}", run.bits, run.feedback);
  return fmt::format("{} register {}, {} form", run.field.name(), run.polynomial, run.form);
}

// The title in at most two lines, broken after a '+', ',' or ' ', then a subtitle line; the plot
// starts at top().
class Heading {
 public:
  Heading(double width, std::string_view title, std::string subtitle) : subtitle_(std::move(subtitle)) {
    const std::size_t fits = characters_in(width - 40, title_size, true);
    while (title.size() > fits && lines_.size() + 1 < max_lines) {
      std::size_t cut = title.find_last_of("+, ", fits - 1);
      cut = cut == std::string_view::npos || cut < fits / 2 ? fits : cut + 1;
      lines_.emplace_back(title.substr(0, cut));
      title = title.substr(cut);
      while (title.starts_with(' ')) title.remove_prefix(1);
    }
    lines_.push_back(detail::shortened(title, fits));
    subtitle_ = detail::shortened(subtitle_, characters_in(width - 40, label_size));
  }
  double top() const { return 84 + line_height * static_cast<double>(lines_.size() - 1); }
  void draw(SvgWriter& svg) const {
    for (std::size_t i = 0; i < lines_.size(); ++i)
      svg.text(20, 30 + line_height * static_cast<double>(i), lines_[i], title_size, Anchor::start, "title", true);
    svg.text(20, top() - 32, subtitle_, label_size, Anchor::start, "subtitle");
  }

 private:
  static constexpr std::size_t max_lines = 2;
  static constexpr double line_height = 21;
  std::vector<std::string> lines_;
  std::string subtitle_;
};

struct Box {
  double left, top, right, bottom;
  bool overlaps(const Box& other) const {
    return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
  }
};

// Horizontal bars with a label on the left and the value at the end, under a panel title; returns
// the y below the panel. Bars are (label, value) in drawing order; `css` tags each bar.
double bar_panel(SvgWriter& svg, double width, double top, std::string_view panel_title,
                 const std::vector<std::pair<std::string, std::uint64_t>>& bars, std::string_view note,
                 std::string_view css) {
  constexpr double row = 22;
  constexpr double bar_height = 15;
  constexpr std::size_t label_characters = 44;
  std::size_t longest_label = 8;
  for (const auto& bar : bars) longest_label = std::max(longest_label, std::min(bar.first.size(), label_characters));
  const double left = 24 + detail::text_width(longest_label, label_size);
  const double right = width - 80;
  std::uint64_t most = 1;
  for (const auto& bar : bars) most = std::max(most, bar.second);
  const double step = std::max(1.0, nice_step(static_cast<double>(most), 5));  // whole registers
  const double axis_max = std::ceil(static_cast<double>(most) / step) * step;
  const auto x_of = [&](double value) { return left + value / axis_max * (right - left); };

  svg.text(20, top + 16, panel_title, 14, Anchor::start, "panel-title", true);
  const double bars_top = top + 28;
  const double bars_bottom = bars_top + row * static_cast<double>(bars.size());
  for (double value = 0; value <= axis_max * (1 + 1e-9); value += step) {
    svg.line(x_of(value), bars_top - 4, x_of(value), bars_bottom, grid_colour, 1, "grid");
    svg.text(x_of(value), bars_bottom + 16, fmt::format("{:.0f}", value), label_size, Anchor::middle, "tick-label");
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = bars_top + row * static_cast<double>(i);
    const auto value = static_cast<double>(bars[i].second);
    svg.rect(left, y + (row - bar_height) / 2, std::max(1.0, x_of(value) - left), bar_height, bar_colour,
             fmt::format("bar {}", css));
    svg.text(left - 8, y + row / 2 + 4, detail::shortened(bars[i].first, label_characters), label_size, Anchor::end,
             "label");
    svg.text(x_of(value) + 6, y + row / 2 + 4, std::to_string(bars[i].second), label_size, Anchor::start, "count");
  }
  svg.line(left, bars_top - 4, left, bars_bottom, axis_colour, 1.2, "axis");
  svg.line(left, bars_bottom, right, bars_bottom, axis_colour, 1.2, "axis");
  double bottom = bars_bottom + 36;
  svg.text(right, bars_bottom + 32, "registers", label_size, Anchor::end, "axis-title");
  if (!note.empty()) {
    svg.text(left, bottom + 4, note, label_size, Anchor::start, "note");
    bottom += 18;
  }
  return bottom;
}

}  // namespace

std::string cycle_length_plot(const Report& report) {
  const RunInfo& run = report.run;
  const CycleStructure& result = report.result;
  const std::string title = run_title(run);
  std::string subtitle =
      fmt::format("states per cycle length: {}^{} = {} states, {} cycle{} of {} length{}", run.field.q(), run.bits,
                  short_number(result.states), short_number(result.total_cycles()),
                  result.total_cycles() == 1 ? "" : "s", result.cycles.size(), result.cycles.size() == 1 ? "" : "s");
  if (sgn(result.transient_states) > 0)
    subtitle += fmt::format(", {} transient", short_number(result.transient_states));
  constexpr double width = 760;
  const Heading heading(width, title, std::move(subtitle));
  constexpr double left = 100;
  constexpr double right = width - 36;
  const double top = heading.top();
  const double bottom = top + 326;
  const double height = bottom + 70;

  double longest = 0;
  double most_states = 0;
  for (const auto& [length, count] : result.cycles) {
    longest = std::max(longest, log10_of(length));
    most_states = std::max(most_states, log10_of(mpz_class(length * count)));
  }
  // Room above the highest mark; a lone length 1 still gets one decade.
  const double x_max = std::max(1.0, longest + 0.12);
  // Room above the highest mark for its label: 30 px.
  const double y_max = std::max(1.0, (most_states + 0.05) / (1 - 30 / (bottom - top)));
  const double x_min = -0.04 * x_max;  // length 1 sits just right of the axis
  const auto x_of = [&](double decades) { return left + (decades - x_min) / (x_max - x_min) * (right - left); };
  const auto y_of = [&](double decades) { return bottom - decades / y_max * (bottom - top); };
  const auto x_decades = static_cast<int>(std::floor(x_max));
  const auto y_decades = static_cast<int>(std::floor(y_max));

  SvgWriter svg(width, height, title + ": states per cycle length");
  heading.draw(svg);
  svg.text(right, top - 14, "label: the number of cycles of that length, where it fits", 11, Anchor::end, "note");

  // Labelled decades; between them, while decades are few, 2 .. 9 times each as unlabelled ticks.
  const int x_step = decade_step(x_decades, 8);
  const int y_step = decade_step(y_decades, 8);
  for (int e = 0; e <= x_decades + 1 && x_step == 1 && x_decades <= 6; ++e) {
    for (int m = 2; m <= 9; ++m) {
      const double at = e + std::log10(m);
      if (at > x_max) break;
      svg.line(x_of(at), top, x_of(at), bottom, minor_grid_colour, 1, "minor-grid");
      svg.line(x_of(at), bottom, x_of(at), bottom + 3, axis_colour, 1, "minor-tick");
    }
  }
  for (int e = 0; e <= y_decades + 1 && y_step == 1 && y_decades <= 6; ++e) {
    for (int m = 2; m <= 9; ++m) {
      const double at = e + std::log10(m);
      if (at > y_max) break;
      svg.line(left, y_of(at), right, y_of(at), minor_grid_colour, 1, "minor-grid");
      svg.line(left - 3, y_of(at), left, y_of(at), axis_colour, 1, "minor-tick");
    }
  }
  for (int e = 0; e <= x_decades; e += x_step) {
    svg.line(x_of(e), top, x_of(e), bottom, grid_colour, 1, "grid");
    svg.line(x_of(e), bottom, x_of(e), bottom + 5, axis_colour, 1, "tick");
    decade_label(svg, x_of(e), bottom + 20, e, Anchor::middle);
  }
  for (int e = 0; e <= y_decades; e += y_step) {
    svg.line(left, y_of(e), right, y_of(e), grid_colour, 1, "grid");
    svg.line(left - 5, y_of(e), left, y_of(e), axis_colour, 1, "tick");
    decade_label(svg, left - 9, y_of(e) + 4, e, Anchor::end);
  }
  svg.line(left, top, left, bottom, axis_colour, 1.2, "axis");
  svg.line(left, bottom, right, bottom, axis_colour, 1.2, "axis");
  svg.text((left + right) / 2, bottom + 50, "cycle length (log scale)", 13, Anchor::middle, "axis-title");
  svg.text(28, (top + bottom) / 2, "states on cycles of that length (log scale)", 13, Anchor::middle, "axis-title",
           false, -90);

  // Stems first, so that no stem crosses a mark; labels where they do not collide with one placed.
  std::vector<std::pair<double, double>> marks;
  for (const auto& [length, count] : result.cycles) {
    const double x = x_of(log10_of(length));
    const double y = y_of(log10_of(mpz_class(length * count)));
    svg.line(x, bottom, x, y, mark_colour, 2, "stem");
    marks.emplace_back(x, y);
  }
  std::vector<Box> placed;
  for (const auto& [x, y] : marks) placed.push_back({x - 5, y - 5, x + 5, y + 5});
  std::size_t index = 0;
  for (const auto& [length, count] : result.cycles) {
    const auto [x, y] = marks[index++];
    svg.circle(x, y, 4.5, mark_colour, "mark");
    const std::string label = short_number(count);
    const double half = detail::text_width(label.size(), 11) / 2;
    const Box box{x - half, y - 22, x + half, y - 9};
    if (box.left < left || box.right > width - 4 || box.top < top) continue;
    if (std::any_of(placed.begin(), placed.end(), [&](const Box& other) { return box.overlaps(other); })) continue;
    placed.push_back(box);
    svg.text(x, y - 11, label, 11, Anchor::middle, "count");
  }
  return svg.finish();
}

std::string compare_plot(const Report& report) {
  const std::vector<ModeTiming>& timings = report.compare;
  if (timings.empty()) throw InternalError("compare_plot needs the timings of --compare");
  constexpr double width = 760;
  const std::string title = run_title(report.run);
  const Heading heading(width, title,
                        fmt::format("wall time per mode on {}^{} states: bar = median, whiskers = fastest to slowest "
                                    "run",
                                    report.run.field.q(), report.run.bits));
  constexpr double row = 64;
  constexpr double left = 170;
  constexpr double right = width - 150;
  const double top = heading.top();
  const double bottom = top + row * static_cast<double>(timings.size());
  const double height = bottom + 70;

  double slowest = 0;
  for (const ModeTiming& timing : timings) slowest = std::max(slowest, timing.max_seconds);
  if (slowest <= 0) slowest = 1e-6;
  const double step = nice_step(slowest, 6);
  const double axis_max = std::ceil(slowest / step) * step;
  const auto x_of = [&](double seconds) { return left + seconds / axis_max * (right - left); };

  SvgWriter svg(width, height, title + ": wall time per mode");
  heading.draw(svg);
  for (double value = 0; value <= axis_max * (1 + 1e-9); value += step) {
    svg.line(x_of(value), top, x_of(value), bottom, grid_colour, 1, "grid");
    svg.text(x_of(value), bottom + 18, fmt::format("{:g}", value), label_size, Anchor::middle, "tick-label");
  }
  for (std::size_t i = 0; i < timings.size(); ++i) {
    const ModeTiming& timing = timings[i];
    const double y = top + row * (static_cast<double>(i) + 0.5);
    svg.rect(left, y - 13, std::max(1.0, x_of(timing.median_seconds) - left), 26, bar_colour, "bar");
    svg.line(x_of(timing.min_seconds), y, x_of(timing.max_seconds), y, "#111", 1.6, "whisker");
    for (const double seconds : {timing.min_seconds, timing.max_seconds})
      svg.line(x_of(seconds), y - 9, x_of(seconds), y + 9, "#111", 1.6, "whisker-cap");
    svg.text(left - 12, y - 2, mode_name(timing.mode), 14, Anchor::end, "label", true);
    svg.text(left - 12, y + 14, fmt::format("{} worker{}", timing.workers, timing.workers == 1 ? "" : "s"), 11,
             Anchor::end, "label");
    svg.text(right + 16, y - 2, fmt::format("speedup {:.2f}x", timing.speedup), 13, Anchor::start, "speedup", true);
    svg.text(right + 16, y + 14, fmt::format("median {:.3g} s", timing.median_seconds), 11, Anchor::start, "median");
  }
  svg.line(left, top, left, bottom, axis_colour, 1.2, "axis");
  svg.line(left, bottom, right, bottom, axis_colour, 1.2, "axis");
  svg.text((left + right) / 2, bottom + 44, "wall time, seconds", 13, Anchor::middle, "axis-title");
  return svg.finish();
}

std::string report_plot(const Report& report) {
  return report.compare.empty() ? cycle_length_plot(report) : compare_plot(report);
}

std::string cycle_type_plot(const nlohmann::ordered_json& summary, std::string_view subject) {
  constexpr double width = 880;
  // Cycle types as "length^count ...", and registers per longest cycle, from the summary's list.
  // Huge lengths and counts as the text output shows them (2^1000 - 1, 7.8616e265).
  const std::vector<std::uint32_t> bases{summary.at("field").at("q").get<std::uint32_t>(),
                                         summary.at("field").at("p").get<std::uint32_t>()};
  const auto readable = [&bases](const mpz_class& value) { return number_text(value, bases, DigitCount::omitted); };
  std::vector<std::pair<std::string, std::uint64_t>> types;
  std::map<mpz_class, std::uint64_t> by_longest;
  for (const auto& type : summary.at("cycle_types")) {
    std::string label;
    mpz_class longest = 0;
    for (const auto& cycle : type.at("cycles")) {
      const mpz_class length(dump_json(cycle.at("length")));
      label += fmt::format("{}{}^{}", label.empty() ? "" : " ", readable(length),
                           readable(mpz_class(dump_json(cycle.at("count")))));
      longest = std::max(longest, length);
    }
    const auto registers = type.at("registers").get<std::uint64_t>();
    types.emplace_back(std::move(label), registers);
    by_longest[longest] += registers;
  }
  std::vector<std::pair<std::string, std::uint64_t>> longest;
  for (const auto& [length, registers] : by_longest) longest.emplace_back(readable(length), registers);
  // Most common first, ties by the shorter cycle (the map's order).
  std::stable_sort(longest.begin(), longest.end(), [](const auto& a, const auto& b) { return a.second > b.second; });

  // The first max_plot_bars, and a note counting the rest.
  const auto cap = [](std::vector<std::pair<std::string, std::uint64_t>>& bars, std::string_view what) {
    if (bars.size() <= max_plot_bars) return std::string();
    std::uint64_t rest = 0;
    for (std::size_t i = max_plot_bars; i < bars.size(); ++i) rest += bars[i].second;
    const std::size_t others = bars.size() - max_plot_bars;
    bars.resize(max_plot_bars);
    return fmt::format("and {} other {}{} with {} register{} in all", others, what, others == 1 ? "" : "s", rest,
                       rest == 1 ? "" : "s");
  };
  const std::size_t type_count = types.size();
  const std::size_t longest_count = longest.size();
  const std::string types_note = cap(types, "cycle type");
  const std::string longest_note = cap(longest, "longest cycle");
  for (auto& [label, registers] : longest) label = "longest cycle " + label;

  const std::string field_name = fmt::format("GF({})", summary.at("field").at("q").get<std::uint32_t>());
  const std::string form = summary.contains("form") ? summary.at("form").get<std::string>() : "fibonacci";
  const std::string title = fmt::format("{} {}, {} form", field_name, subject, form);
  const Heading heading(
      width, title,
      fmt::format("{} register{}: {} maximal length, {} irreducible, {} singular, {} failed",
                  summary.at("registers").get<std::uint64_t>(),
                  summary.at("registers").get<std::uint64_t>() == 1 ? "" : "s",
                  summary.at("maximal_length").get<std::uint64_t>(), summary.at("irreducible").get<std::uint64_t>(),
                  summary.at("singular").get<std::uint64_t>(), summary.value("errors", std::uint64_t{0})));
  const double height = heading.top() + 28 + 22.0 * static_cast<double>(types.size()) + 36 +
                        (types_note.empty() ? 0 : 18) + 28 + 28 + 22.0 * static_cast<double>(longest.size()) + 36 +
                        (longest_note.empty() ? 0 : 18) + 16;
  SvgWriter svg(width, height, title + ": registers per cycle type");
  heading.draw(svg);
  double y = bar_panel(
      svg, width, heading.top(),
      fmt::format("registers per cycle type (length^count ...), {} type{}", type_count, type_count == 1 ? "" : "s"),
      types, types_note, "cycle-type");
  bar_panel(svg, width, y + 28,
            fmt::format("registers per longest cycle, {} length{}", longest_count, longest_count == 1 ? "" : "s"),
            longest, longest_note, "longest-cycle");
  return svg.finish();
}

}  // namespace lfsr
