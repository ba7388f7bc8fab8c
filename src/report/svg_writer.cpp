// The SVG writer: elements as text, numbers with two decimals, text escaped for XML.
#include "report/svg_writer.hpp"

#include <fmt/format.h>

#include <iterator>

namespace lfsr::detail {

namespace {

constexpr std::string_view font_family = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";

std::string_view anchor_name(Anchor anchor) {
  switch (anchor) {
    case Anchor::start:
      return "start";
    case Anchor::middle:
      return "middle";
    case Anchor::end:
      return "end";
  }
  return "start";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') ? '?' : c;
    }
  }
  return out;
}

double text_width(std::size_t characters, double size, bool bold) {
  return static_cast<double>(characters) * size * (bold ? 0.76 : 0.66);
}

std::string shortened(std::string_view text, std::size_t characters) {
  if (text.size() <= characters) return std::string(text);
  return std::string(text.substr(0, characters < 3 ? 0 : characters - 3)) + "...";
}

SvgWriter::SvgWriter(double width, double height, std::string_view title) {
  fmt::format_to(std::back_inserter(body_),
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" "
                 "viewBox=\"0 0 {:.0f} {:.0f}\" font-family=\"{}\">\n"
                 "<title>{}</title>\n"
                 "<rect x=\"0\" y=\"0\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"white\" class=\"background\"/>\n",
                 width, height, width, height, font_family, xml_escape(title), width, height);
}

void SvgWriter::rect(double x, double y, double width, double height, std::string_view fill,
                     std::string_view css_class) {
  fmt::format_to(std::back_inserter(body_),
                 "<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\" class=\"{}\"/>\n", x,
                 y, width, height, fill, css_class);
}

void SvgWriter::line(double x1, double y1, double x2, double y2, std::string_view stroke, double stroke_width,
                     std::string_view css_class) {
  fmt::format_to(std::back_inserter(body_),
                 "<line x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\" stroke=\"{}\" stroke-width=\"{:.2f}\" "
                 "class=\"{}\"/>\n",
                 x1, y1, x2, y2, stroke, stroke_width, css_class);
}

void SvgWriter::circle(double cx, double cy, double r, std::string_view fill, std::string_view css_class) {
  fmt::format_to(std::back_inserter(body_),
                 "<circle cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"{:.2f}\" fill=\"{}\" class=\"{}\"/>\n", cx, cy, r, fill,
                 css_class);
}

void SvgWriter::text(double x, double y, std::string_view text, double size, Anchor anchor, std::string_view css_class,
                     bool bold, double rotate) {
  std::string transform = rotate == 0 ? "" : fmt::format(" transform=\"rotate({:.0f} {:.2f} {:.2f})\"", rotate, x, y);
  fmt::format_to(std::back_inserter(body_),
                 "<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"{:.1f}\" text-anchor=\"{}\"{}{} fill=\"#222\" "
                 "class=\"{}\">{}</text>\n",
                 x, y, size, anchor_name(anchor), bold ? " font-weight=\"bold\"" : "", transform, css_class,
                 xml_escape(text));
}

void SvgWriter::power_text(double x, double y, std::string_view base, std::string_view exponent, double size,
                           Anchor anchor, std::string_view css_class) {
  fmt::format_to(std::back_inserter(body_),
                 "<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"{:.1f}\" text-anchor=\"{}\" fill=\"#222\" "
                 "class=\"{}\">{}<tspan dy=\"{:.1f}\" font-size=\"{:.1f}\">{}</tspan></text>\n",
                 x, y, size, anchor_name(anchor), css_class, xml_escape(base), -0.45 * size, 0.75 * size,
                 xml_escape(exponent));
}

std::string SvgWriter::finish() const { return body_ + "</svg>\n"; }

}  // namespace lfsr::detail
