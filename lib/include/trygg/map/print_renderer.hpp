#pragma once
// A map for minutes and reports: PNG, SVG or PDF drawn with Cairo, with title, date, legend,
// notes, scale bar, north arrow and attribution. The map is drawn in the document's metric
// CRS, so one unit is one metre and the scale bar is true at the CRS's scale factor (within
// 0.04 % for SWEREF 99 TM and UTM); north is grid north.

#include <string>

#include "trygg/io/atomic_output.hpp"
#include "trygg/map/map_document.hpp"

namespace trygg::map {

enum class PrintFormat { png, svg, pdf };

// By extension (case-insensitive): .png, .svg, .pdf; nullopt otherwise.
std::optional<PrintFormat> print_format_for(const std::string& path);

struct PrintOptions {
    int width = 1600;   // pixels at `dpi` (PNG), or the page size in pixels at `dpi` (SVG/PDF)
    int height = 1200;
    double dpi = 150.0;  // line widths and text sizes are in points (1/72 inch)
};

// Parses "WxH" (e.g. "1600x1200"); UsageError for anything else or sizes outside 100..20000.
void parse_print_size(const std::string& text, PrintOptions& options);

// What a print shows beyond the document's features. Point labels (MapLayer::print_labels)
// never overlap: a label that would overlap one already placed, or that would not fit in the
// map frame, is left out (a dense map, a city's bus stops, stays readable).
struct PrintSummary {
    std::size_t labels_placed = 0;
    std::size_t labels_left_out = 0;
};

// Draws `doc` into `path` (format from the extension), atomically (io/atomic_output.hpp).
// UsageError for an unknown extension or bad options; DataError when Cairo fails.
PrintSummary render_print(const MapDocument& doc, const std::string& path, const PrintOptions& options,
                  const io::WriteOptions& write);

}  // namespace trygg::map
