// A small SVG writer: the few shapes the plots draw, every piece of text XML-escaped.
#pragma once

#include <string>
#include <string_view>

namespace lfsr::detail {

// "&", "<", ">", quotes as entities, and control characters (not allowed in XML 1.0) as '?', so
// that a polynomial, a field name or a file name is always well-formed text.
std::string xml_escape(std::string_view text);

// The widest a text of `characters` characters at `size` px is drawn in the plots' fonts, for
// layout (DejaVu Sans: digits 0.64 em, '+' and '^' 0.84 em; bold about a tenth wider), erring wide.
double text_width(std::size_t characters, double size, bool bold = false);

// `text` cut to at most `characters` characters, ending in "..." when cut.
std::string shortened(std::string_view text, std::size_t characters);

enum class Anchor { start, middle, end };

// Builds one SVG document. Coordinates are user units (px), y downwards. `css_class` names the
// kind of element (bar, whisker, mark, ...) for readers and tests.
class SvgWriter {
 public:
  // A white canvas; `title` is the document's <title> (shown as a tooltip, read by screen readers).
  SvgWriter(double width, double height, std::string_view title);

  void rect(double x, double y, double width, double height, std::string_view fill, std::string_view css_class);
  void line(double x1, double y1, double x2, double y2, std::string_view stroke, double stroke_width,
            std::string_view css_class);
  void circle(double cx, double cy, double r, std::string_view fill, std::string_view css_class);
  // One line of text; `rotate` turns it about (x, y) by that many degrees.
  void text(double x, double y, std::string_view text, double size, Anchor anchor, std::string_view css_class,
            bool bold = false, double rotate = 0);
  // base with a raised exponent, as 10^12 is written: "10" then a smaller "12" above the line.
  void power_text(double x, double y, std::string_view base, std::string_view exponent, double size, Anchor anchor,
                  std::string_view css_class);

  // The finished document.
  std::string finish() const;

 private:
  std::string body_;
};

}  // namespace lfsr::detail
