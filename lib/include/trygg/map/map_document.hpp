#pragma once
// What a map shows, independent of how it is drawn: layers of styled features with popups,
// legend entries, title, date, attribution and notes. The presets (hotspots_map.hpp, ...) build
// one from analysis outputs; html_writer.hpp and print_renderer.hpp draw it. Geometries are in
// the document's metric CRS (the job's working CRS); writers reproject as they need.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trygg/map/labels.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::map {

struct Colour {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Colour&, const Colour&) = default;
};

// "#rrggbb"
std::string to_hex(Colour c);

struct Style {
    Colour stroke{51, 51, 51};
    double stroke_width = 1.0;   // pixels on screen, points (1/72 inch) in print
    double stroke_opacity = 1.0; // 0 = no outline
    Colour fill{136, 136, 136};
    double fill_opacity = 0.0;   // 0 = no fill
    double point_radius = 4.0;   // pixels / points, for point features
    bool dashed = false;
};

// One line of a feature's popup. Free text (descriptions, comments typed by people) is
// marked so that --publish can remove it; values the preset formats from numbers or fixed
// vocabularies are not free text.
struct PopupRow {
    std::string label;
    std::string value;
    bool free_text = false;
};

struct MapFeature {
    model::Geometry geometry;
    std::string title;                 // popup heading and tooltip (e.g. a stop name)
    std::vector<PopupRow> popup;
    std::optional<Style> style;        // overrides the layer's style (class colours)
    std::optional<double> report_count;  // reports this feature aggregates (clusters, cells)
};

// What a layer shows, which decides what --publish does with it (publish_filter.hpp).
enum class LayerRole {
    context,     // public things: walkways, buildings, stops, lights, cameras, routes, coverage
    aggregate,   // counts of reports per area (clusters, cells): kept when report_count >= min
    individual,  // single reports, or a surface that pinpoints them (density): never published
};

struct LegendEntry {
    std::string text;
    Style style;
    enum class Symbol { point, line, area } symbol = Symbol::area;
};

struct MapLayer {
    std::string id;     // stable, ASCII (used in HTML)
    std::string title;  // in the map's language
    LayerRole role = LayerRole::context;
    Style style;
    bool visible = true;      // shown when the map opens (HTML); drawn at all (print)
    bool in_legend = true;
    bool print_labels = false;  // print: write each point feature's title next to it
    bool in_focus = true;       // its features decide the area the map shows (focus_extent)
    std::vector<LegendEntry> legend;  // empty: one entry from `title` and `style`
    std::vector<MapFeature> features;
};

struct MapDocument {
    std::string title;
    std::string date;         // ISO date shown under the title
    std::string attribution;  // data sources
    std::string crs;          // of every geometry, e.g. "EPSG:3006"
    Language lang = Language::en;
    std::vector<MapLayer> layers;  // drawn in order: first at the bottom
    std::vector<std::string> notes;  // shown under the legend (what --publish left out...)
    std::optional<model::Box> focus;  // the area to show; default: the extent of visible layers
};

// A style from its parts (the other members keep their defaults).
Style make_style(Colour stroke, double stroke_width, Colour fill, double fill_opacity, double point_radius = 4.0);

// An empty layer with its id, its title in `lang` and its style.
MapLayer make_layer(std::string id, Label title, Language lang, Style style);

// Bounding box of the features of the visible layers (or of all layers when none is
// visible); nullopt when there are no features at all.
std::optional<model::Box> content_extent(const MapDocument& doc);

// The area a map should show: the bounding box of the visible layers that are in_focus (the
// analysis, not the town's background or stops off the network, which may cover a whole
// region); content_extent(doc) when those layers have no features.
std::optional<model::Box> focus_extent(const MapDocument& doc);

// Total features over all layers.
std::size_t feature_count(const MapDocument& doc);

}  // namespace trygg::map
