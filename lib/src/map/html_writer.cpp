#include "trygg/map/html_writer.hpp"

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "map/detail/base64.hpp"
#include "map/detail/text_format.hpp"
#include "trygg/error.hpp"
#include "trygg/io/crs.hpp"

#ifndef TRYGG_LEAFLET_DIR
#define TRYGG_LEAFLET_DIR "/usr/share/javascript/leaflet"
#endif

namespace trygg::map {

namespace {

using json = nlohmann::ordered_json;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError("cannot read " + path + " (install Debian's libjs-leaflet, or give its directory)");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Leaflet's CSS names its control images as url(images/x.png); inlined as data: URIs so the
// page asks the network (or the disk) for nothing.
std::string inline_css_images(const std::string& css, const std::string& dir) {
    static const std::regex image_url(R"(url\(images/([A-Za-z0-9_.-]+\.png)\))");
    std::string out;
    std::size_t last = 0;
    for (auto it = std::sregex_iterator(css.begin(), css.end(), image_url); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        out.append(css, last, static_cast<std::size_t>(m.position(0)) - last);
        out += "url(data:image/png;base64," + detail::base64(read_file(dir + "/images/" + m[1].str())) + ")";
        last = static_cast<std::size_t>(m.position(0) + m.length(0));
    }
    out.append(css, last, std::string::npos);
    return out;
}

json style_json(const Style& s, bool has_fill) {
    json j;
    j["color"] = to_hex(s.stroke);
    j["weight"] = s.stroke_width;
    j["opacity"] = s.stroke_opacity;
    j["fill"] = has_fill && s.fill_opacity > 0.0;
    j["fillColor"] = to_hex(s.fill);
    j["fillOpacity"] = s.fill_opacity;
    j["radius"] = s.point_radius;
    if (s.dashed) j["dashArray"] = "6 4";
    return j;
}

class LonLat {
public:
    LonLat(const std::string& crs, int decimals)
        : transform_(crs, "EPSG:4326"), scale_(std::pow(10.0, decimals)) {}

    json point(const model::Point& p) const {
        const model::Point q = transform_.transform(p);
        if (!std::isfinite(q.x) || !std::isfinite(q.y))
            throw DataError("map: a coordinate (" + std::to_string(p.x) + ", " + std::to_string(p.y) +
                            ") cannot be transformed to longitude/latitude");
        return json::array({std::round(q.x * scale_) / scale_, std::round(q.y * scale_) / scale_});
    }
    json line(const std::vector<model::Point>& line) const {
        json j = json::array();
        for (const auto& p : line) j.push_back(point(p));
        return j;
    }
    json geometry(const model::Geometry& g) const {
        json j;
        if (const auto* p = std::get_if<model::Point>(&g)) {
            j["type"] = "Point";
            j["coordinates"] = point(*p);
        } else if (const auto* lines = std::get_if<model::MultiLineString>(&g)) {
            j["type"] = "MultiLineString";
            j["coordinates"] = json::array();
            for (const auto& l : *lines) j["coordinates"].push_back(line(l));
        } else if (const auto* polys = std::get_if<model::MultiPolygon>(&g)) {
            j["type"] = "MultiPolygon";
            j["coordinates"] = json::array();
            for (const auto& poly : *polys) {
                json rings = json::array({line(poly.outer)});
                for (const auto& hole : poly.holes) rings.push_back(line(hole));
                j["coordinates"].push_back(rings);
            }
        } else {
            return nullptr;
        }
        return j;
    }
    model::Point raw(const model::Point& p) const { return transform_.transform(p); }

private:
    io::CoordinateTransform transform_;
    double scale_;
};

bool geometry_has_area(const model::Geometry& g) { return std::holds_alternative<model::MultiPolygon>(g); }

json legend_json(const MapLayer& layer) {
    json entries = json::array();
    auto add = [&entries](const LegendEntry& e) {
        json j;
        j["text"] = e.text;
        j["symbol"] = e.symbol == LegendEntry::Symbol::point  ? "point"
                      : e.symbol == LegendEntry::Symbol::line ? "line"
                                                              : "area";
        j["style"] = style_json(e.style, e.symbol == LegendEntry::Symbol::area || e.symbol == LegendEntry::Symbol::point);
        entries.push_back(j);
    };
    if (!layer.legend.empty()) {
        for (const auto& e : layer.legend) add(e);
    } else {
        LegendEntry e;
        e.text = layer.title;
        e.style = layer.style;
        const model::Geometry* g = layer.features.empty() ? nullptr : &layer.features.front().geometry;
        e.symbol = !g                                               ? LegendEntry::Symbol::area
                   : std::holds_alternative<model::Point>(*g)           ? LegendEntry::Symbol::point
                   : std::holds_alternative<model::MultiLineString>(*g) ? LegendEntry::Symbol::line
                                                                        : LegendEntry::Symbol::area;
        add(e);
    }
    return entries;
}

// The tile server's origin ("https://tile.example.org"), for the Content-Security-Policy.
std::string origin_of(const std::string& url) {
    const auto host_start = url.find("://") + 3;
    const auto path = url.find('/', host_start);
    std::string origin = url.substr(0, path);
    // {s} subdomains: allow any subdomain of the host.
    if (const auto s = origin.find("{s}."); s != std::string::npos) origin.replace(s, 4, "*.");
    return origin;
}

// The page's script: builds the Leaflet map from the JSON data block. Popups are built with
// DOM text nodes, never innerHTML, so data cannot inject markup.
constexpr const char* page_script = R"JS(
(function () {
  'use strict';
  var doc = JSON.parse(document.getElementById('trygg-data').textContent);
  var map = L.map('map', {preferCanvas: true, zoomSnap: 0.25});
  if (doc.tiles) {
    L.tileLayer(doc.tiles, {attribution: doc.tiles_attribution, maxZoom: 19}).addTo(map);
  }
  if (doc.attribution) map.attributionControl.addAttribution(doc.attribution);
  map.attributionControl.setPrefix('trygg · Leaflet');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function popupFor(p) {
    var box = el('div', 'trygg-popup');
    if (p._t) box.appendChild(el('strong', null, p._t));
    if (p._p && p._p.length) {
      var table = el('table');
      p._p.forEach(function (row) {
        var tr = el('tr');
        tr.appendChild(el('th', null, row[0]));
        tr.appendChild(el('td', null, row[1]));
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    return box;
  }
  function swatch(entry) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '22'); svg.setAttribute('height', '14');
    var s = entry.style, shape;
    if (entry.symbol === 'point') {
      shape = document.createElementNS(ns, 'circle');
      shape.setAttribute('cx', '11'); shape.setAttribute('cy', '7');
      shape.setAttribute('r', String(Math.min(6, Math.max(3, s.radius))));
    } else if (entry.symbol === 'line') {
      shape = document.createElementNS(ns, 'line');
      shape.setAttribute('x1', '1'); shape.setAttribute('y1', '7');
      shape.setAttribute('x2', '21'); shape.setAttribute('y2', '7');
    } else {
      shape = document.createElementNS(ns, 'rect');
      shape.setAttribute('x', '1'); shape.setAttribute('y', '1');
      shape.setAttribute('width', '20'); shape.setAttribute('height', '12');
    }
    shape.setAttribute('stroke', s.color);
    shape.setAttribute('stroke-opacity', String(s.opacity));
    shape.setAttribute('stroke-width', String(Math.min(4, Math.max(1, s.weight))));
    if (s.dashArray) shape.setAttribute('stroke-dasharray', '4 3');
    shape.setAttribute('fill', s.fill ? s.fillColor : 'none');
    shape.setAttribute('fill-opacity', String(s.fill ? s.fillOpacity : 0));
    svg.appendChild(shape);
    return svg;
  }

  var overlays = {};
  var rendered = {};
  doc.layers.forEach(function (layer) {
    var group = L.geoJSON(layer.data, {
      style: function (f) { return f.properties._s || layer.style; },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties._s || layer.style); },
      onEachFeature: function (f, leaf) {
        var p = f.properties;
        if (p._t || (p._p && p._p.length)) leaf.bindPopup(function () { return popupFor(p); });
        if (p._t) leaf.bindTooltip(p._t, {sticky: true});
      }
    });
    if (layer.visible) group.addTo(map);
    var label = el('span', 'trygg-layer-label');
    label.appendChild(swatch(layer.legend[0]));
    label.appendChild(document.createTextNode(' ' + layer.title + ' (' + layer.data.features.length + ')'));
    var holder = el('span');
    holder.appendChild(label);
    overlays[holder.innerHTML] = group;
    rendered[layer.id] = layer.visible ? group.getLayers().length : 0;
  });
  L.control.layers(null, overlays, {collapsed: false, position: 'topright'}).addTo(map);

  var Title = L.Control.extend({
    options: {position: 'topleft'},
    onAdd: function () {
      var box = el('div', 'trygg-title leaflet-control');
      box.appendChild(el('h1', null, doc.title));
      if (doc.date) box.appendChild(el('div', 'trygg-date', doc.date_label + ': ' + doc.date));
      return box;
    }
  });
  var Legend = L.Control.extend({
    options: {position: 'bottomright'},
    onAdd: function () {
      var box = el('div', 'trygg-legend leaflet-control');
      box.appendChild(el('h2', null, doc.legend_label));
      doc.layers.forEach(function (layer) {
        if (!layer.in_legend) return;
        layer.legend.forEach(function (entry) {
          var row = el('div', 'trygg-legend-row');
          row.appendChild(swatch(entry));
          row.appendChild(el('span', null, entry.text));
          box.appendChild(row);
        });
      });
      doc.notes.forEach(function (note) { box.appendChild(el('p', 'trygg-note', note)); });
      L.DomEvent.disableClickPropagation(box);
      return box;
    }
  });
  new Title().addTo(map);
  new Legend().addTo(map);
  L.control.scale({imperial: false, position: 'bottomleft'}).addTo(map);
  map.fitBounds(doc.bounds, {padding: [10, 10]});
  // What was drawn, per layer, for people with screen readers and for the browser test.
  document.body.setAttribute('data-rendered', JSON.stringify(rendered));
  document.body.setAttribute('data-ready', 'true');
})();
)JS";

constexpr const char* page_css = R"CSS(
html, body, #map { height: 100%; margin: 0; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; }
#map { background: #f4f3ee; }
.trygg-title { background: rgba(255,255,255,0.92); padding: 6px 10px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 60vw; }
.trygg-title h1 { font-size: 18px; margin: 0; }
.trygg-date { font-size: 12px; color: #444; }
.trygg-legend { background: rgba(255,255,255,0.92); padding: 6px 10px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 320px; max-height: 50vh; overflow: auto; font-size: 12px; }
.trygg-legend h2 { font-size: 13px; margin: 0 0 4px 0; }
.trygg-legend-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.trygg-note { margin: 6px 0 0 0; font-style: italic; color: #333; }
.trygg-popup table { border-collapse: collapse; margin-top: 4px; }
.trygg-popup th { text-align: left; font-weight: normal; color: #555; padding-right: 8px; }
.trygg-layer-label svg { vertical-align: middle; }
)CSS";

}  // namespace

void check_tiles_url(const std::string& url) {
    const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    if (!scheme || url.find("{z}") == std::string::npos || url.find("{x}") == std::string::npos ||
        url.find("{y}") == std::string::npos)
        throw UsageError("--tiles: '" + url + "' is not a tile URL like https://tile.example.org/{z}/{x}/{y}.png");
    if (url.find_first_of("\"'<> ") != std::string::npos)
        throw UsageError("--tiles: the URL must not contain quotes, spaces or angle brackets");
}

std::string default_leaflet_dir() { return TRYGG_LEAFLET_DIR; }

std::string render_html(const MapDocument& doc, const HtmlOptions& options) {
    if (!options.tiles_url.empty()) check_tiles_url(options.tiles_url);
    if (doc.crs.empty()) throw UsageError("map: the document has no CRS");
    const std::string dir = options.leaflet_dir.empty() ? default_leaflet_dir() : options.leaflet_dir;
    const std::string leaflet_js = read_file(dir + "/leaflet.js");
    const std::string leaflet_css = inline_css_images(read_file(dir + "/leaflet.css"), dir);
    const LonLat lonlat(doc.crs, options.coordinate_decimals);

    json data;
    data["title"] = doc.title;
    data["date"] = doc.date;
    data["date_label"] = text(Label::date, doc.lang);
    data["legend_label"] = text(Label::legend, doc.lang);
    data["attribution"] = doc.attribution;
    data["notes"] = doc.notes;
    if (!options.tiles_url.empty()) {
        data["tiles"] = options.tiles_url;
        data["tiles_attribution"] = options.tiles_attribution;
    }
    // Bounds: the focus box or the content, as lon/lat of its corners and edge midpoints.
    std::optional<model::Box> box = doc.focus ? doc.focus : content_extent(doc);
    if (!box) box = model::Box{0, 0, 0, 0};
    double min_lon = std::numeric_limits<double>::infinity(), min_lat = min_lon;
    double max_lon = -min_lon, max_lat = -min_lon;
    for (double fx : {0.0, 0.5, 1.0})
        for (double fy : {0.0, 0.5, 1.0}) {
            const model::Point q = lonlat.raw({box->min_x + fx * (box->max_x - box->min_x),
                                               box->min_y + fy * (box->max_y - box->min_y)});
            if (!std::isfinite(q.x) || !std::isfinite(q.y)) continue;
            min_lon = std::min(min_lon, q.x);
            max_lon = std::max(max_lon, q.x);
            min_lat = std::min(min_lat, q.y);
            max_lat = std::max(max_lat, q.y);
        }
    if (!std::isfinite(min_lon)) throw DataError("map: the map's extent cannot be transformed to longitude/latitude");
    data["bounds"] = json::array({json::array({min_lat, min_lon}), json::array({max_lat, max_lon})});

    data["layers"] = json::array();
    for (const MapLayer& layer : doc.layers) {
        json l;
        l["id"] = layer.id;
        l["title"] = layer.title;
        l["visible"] = layer.visible;
        l["in_legend"] = layer.in_legend;
        const bool area = !layer.features.empty() && geometry_has_area(layer.features.front().geometry);
        const bool point = !layer.features.empty() && std::holds_alternative<model::Point>(layer.features.front().geometry);
        l["style"] = style_json(layer.style, area || point);
        l["legend"] = legend_json(layer);
        json features = json::array();
        for (const MapFeature& f : layer.features) {
            json feature;
            feature["type"] = "Feature";
            json props = json::object();
            if (!f.title.empty()) props["_t"] = f.title;
            if (!f.popup.empty()) {
                props["_p"] = json::array();
                for (const PopupRow& row : f.popup) props["_p"].push_back(json::array({row.label, row.value}));
            }
            if (f.style)
                props["_s"] = style_json(*f.style, geometry_has_area(f.geometry) ||
                                                       std::holds_alternative<model::Point>(f.geometry));
            feature["properties"] = props;
            feature["geometry"] = lonlat.geometry(f.geometry);
            features.push_back(std::move(feature));
        }
        l["data"] = json{{"type", "FeatureCollection"}, {"features", std::move(features)}};
        data["layers"].push_back(std::move(l));
    }
    std::string data_text = data.dump();
    // Inside <script>, "</" could end the element: JSON allows "<\/" for it.
    for (std::size_t at = data_text.find("</"); at != std::string::npos; at = data_text.find("</", at + 3))
        data_text.replace(at, 2, "<\\/");

    std::string csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";
    if (!options.tiles_url.empty()) csp += " " + origin_of(options.tiles_url);

    std::string page;
    page.reserve(leaflet_js.size() + leaflet_css.size() + data_text.size() + 8192);
    page += "<!DOCTYPE html>\n<html lang=\"" + std::string(language_code(doc.lang)) + "\">\n<head>\n";
    page += "<meta charset=\"utf-8\">\n";
    page += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<meta name=\"generator\" content=\"trygg map\">\n";
    page += "<link rel=\"icon\" href=\"data:,\">\n";
    page += "<title>" + detail::html_escape(doc.title) + "</title>\n";
    page += "<style>\n" + leaflet_css + "\n</style>\n<style>" + page_css + "</style>\n</head>\n<body>\n";
    page += "<div id=\"map\" role=\"region\" aria-label=\"" + detail::html_escape(doc.title) + "\"></div>\n";
    page += "<script>\n" + leaflet_js + "\n</script>\n";
    page += "<script id=\"trygg-data\" type=\"application/json\">" + data_text + "</script>\n";
    page += "<script>" + std::string(page_script) + "</script>\n</body>\n</html>\n";
    return page;
}

void write_html(const MapDocument& doc, const std::string& path, const HtmlOptions& options,
                const io::WriteOptions& write) {
    const std::string page = render_html(doc, options);
    io::AtomicOutput out(path, write);
    {
        std::ofstream file(out.temp_path(), std::ios::binary);
        file << page;
        file.close();
        if (!file) throw DataError("cannot write " + path);
    }
    out.commit();
}

}  // namespace trygg::map
