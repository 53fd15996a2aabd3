#pragma once
// An interactive map as one self-contained HTML file: Leaflet's JavaScript and CSS (Debian's
// libjs-leaflet) are inlined, the data is GeoJSON in EPSG:4326 inside the page, and a
// Content-Security-Policy forbids every network request except background tiles when a tile
// URL is given. The file works offline and can be put on a website as it is.

#include <string>

#include "trygg/io/atomic_output.hpp"
#include "trygg/map/map_document.hpp"

namespace trygg::map {

struct HtmlOptions {
    std::string tiles_url;          // e.g. "https://tile.openstreetmap.org/{z}/{x}/{y}.png"; empty: none
    std::string tiles_attribution;  // shown when tiles_url is set
    std::string leaflet_dir;        // holding leaflet.js and leaflet.css; empty: the build's default
    int coordinate_decimals = 6;    // of longitude/latitude (6 = about 0.1 m)
};

// The page as text. UsageError when the tile URL is not http(s) with {z}/{x}/{y};
// DataError when Leaflet cannot be read or a coordinate cannot be transformed.
std::string render_html(const MapDocument& doc, const HtmlOptions& options);

// render_html written atomically (io/atomic_output.hpp rules).
void write_html(const MapDocument& doc, const std::string& path, const HtmlOptions& options,
                const io::WriteOptions& write);

// UsageError unless `url` is an http(s) tile URL with {z}, {x} and {y} and without quotes,
// spaces or angle brackets.
void check_tiles_url(const std::string& url);

// The Leaflet directory used when HtmlOptions::leaflet_dir is empty.
std::string default_leaflet_dir();

}  // namespace trygg::map
