#include "trygg/io/working_crs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "trygg/error.hpp"
#include "trygg/model/geometry_visit.hpp"

namespace trygg::io {

bool transform_geometry(const CoordinateTransform& transform, model::Geometry& geometry) {
    std::vector<double> xs, ys;
    model::for_each_point(geometry, [&](const model::Point& p) {
        xs.push_back(p.x);
        ys.push_back(p.y);
    });
    if (xs.empty()) return true;
    transform.transform(xs, ys);
    std::size_t i = 0;
    bool ok = true;
    model::for_each_point(geometry, [&](model::Point& p) {
        p = {xs[i], ys[i]};
        ok = ok && std::isfinite(p.x) && std::isfinite(p.y);
        ++i;
    });
    return ok;
}

namespace {

bool fits_lonlat(const model::Geometry& geometry) {
    bool fits = true;
    model::for_each_point(geometry, [&fits](const model::Point& p) {
        fits = fits && std::abs(p.x) <= 180.0 && std::abs(p.y) <= 90.0;
    });
    return fits;
}

}  // namespace

void settle_source_crs(model::Layer& layer) {
    if (!layer.source_crs_wkt.empty()) return;
    // Input without a CRS (CSV, some GeoJSON): lon/lat when its coordinates fit lon/lat. A few
    // features outside the range (a typo, a swapped pair) do not make the whole file projected:
    // when most features fit, the rest are rejected as out of range. (Projected coordinates in
    // metres almost never fit -180..180 / -90..90, so a majority is a safe sign of lon/lat.)
    const std::size_t total = layer.features.size();
    const auto fitting = static_cast<std::size_t>(std::count_if(
        layer.features.begin(), layer.features.end(), [](const model::Feature& f) { return fits_lonlat(f.geometry); }));
    if (total > 0 && fitting * 2 <= total)
        throw DataError("has no CRS and its coordinates are not longitude/latitude; give it with --src-crs "
                        "(e.g. --src-crs EPSG:3006)",
                        {layer.source, layer.name, {}, {}});
    layer.source_crs_wkt = "EPSG:4326";
    layer.source_crs = "EPSG:4326";
    if (fitting == total) return;
    std::vector<model::Feature> kept;
    kept.reserve(fitting);
    for (auto& f : layer.features) {
        if (fits_lonlat(f.geometry)) {
            kept.push_back(std::move(f));
        } else {
            layer.rejects.add({f.fid, f.id, model::RejectReason::out_of_range,
                               "coordinates outside longitude -180..180 / latitude -90..90", std::move(f.geometry),
                               f.attributes});
        }
    }
    layer.features = std::move(kept);
}

LonLatBox lonlat_extent(const model::Layer& layer) {
    return to_lonlat(model::extent(layer), layer.source_crs_wkt);
}

std::string choose_working_crs(const std::vector<const model::Layer*>& layers, const std::string& crs_override) {
    if (!crs_override.empty()) {
        CoordinateTransform check(crs_override, crs_override);  // throws UsageError when unknown
        if (is_geographic(crs_override))
            throw UsageError("--crs " + crs_override + " is geographic; the working CRS must be metric "
                             "(e.g. EPSG:3006 or a UTM zone)");
        return crs_code(crs_override);
    }
    constexpr double inf = std::numeric_limits<double>::infinity();
    LonLatBox all{inf, inf, -inf, -inf};
    bool any = false;
    for (const model::Layer* layer : layers) {
        if (layer->features.empty()) continue;
        const LonLatBox b = lonlat_extent(*layer);
        all = {std::min(all.min_lon, b.min_lon), std::min(all.min_lat, b.min_lat),
               std::max(all.max_lon, b.max_lon), std::max(all.max_lat, b.max_lat)};
        any = true;
    }
    if (!any) return "EPSG:3006";  // nothing to place: the default for the tool's home users
    return io::choose_working_crs(all);
}

void reproject(model::Layer& layer, const std::string& working_crs) {
    layer.working_crs = working_crs;
    const CoordinateTransform transform(layer.source_crs_wkt, working_crs);
    if (transform.is_identity()) return;
    std::vector<model::Feature> kept;
    kept.reserve(layer.features.size());
    for (auto& f : layer.features) {
        if (transform_geometry(transform, f.geometry)) {
            kept.push_back(std::move(f));
        } else {
            layer.rejects.add({f.fid, f.id, model::RejectReason::out_of_range,
                               "coordinates cannot be transformed to " + working_crs, {}, f.attributes});
        }
    }
    layer.features = std::move(kept);
    // Rejected features keep what geometry they had, in the same CRS as the rest of the output.
    for (auto& r : layer.rejects.rejections())
        if (!transform_geometry(transform, r.geometry)) r.geometry = std::monostate{};
}

std::string prepare_layers(const std::vector<model::Layer*>& layers, const std::string& crs_override) {
    for (model::Layer* layer : layers) settle_source_crs(*layer);
    const std::vector<const model::Layer*> view(layers.begin(), layers.end());
    const std::string working = choose_working_crs(view, crs_override);
    for (model::Layer* layer : layers) reproject(*layer, working);
    return working;
}

}  // namespace trygg::io
