#include "trygg/model/feature_filter.hpp"

#include <algorithm>

#include "trygg/index/area_index.hpp"

namespace trygg::model {

std::size_t FilterReport::total_left_out() const {
    std::size_t n = 0;
    for (const auto& [reason, count] : left_out) n += count;
    return n;
}

std::string FilterReport::describe(const std::string& what) const {
    std::string out = "kept " + std::to_string(kept) + " of " + std::to_string(kept + total_left_out()) + " " + what;
    if (!left_out.empty()) {
        out += " (left out:";
        bool first = true;
        for (const auto& [reason, count] : left_out) {
            out += (first ? " " : ", ") + reason + " " + std::to_string(count);
            first = false;
        }
        out += ")";
    }
    return out;
}

namespace {

// A representative point of a feature for "within": the point itself, else the first vertex
// (filters are applied to reports, which are points; other kinds are rare here).
std::optional<Point> anchor(const Geometry& geometry) {
    if (const auto* p = std::get_if<Point>(&geometry)) return *p;
    if (const auto* lines = std::get_if<MultiLineString>(&geometry))
        if (!lines->empty() && !lines->front().empty()) return lines->front().front();
    if (const auto* polys = std::get_if<MultiPolygon>(&geometry))
        if (!polys->empty() && !polys->front().outer.empty()) return polys->front().outer.front();
    return std::nullopt;
}

}  // namespace

FilterReport filter_features(Layer& layer, const FeatureFilter& filter) {
    FilterReport report;
    const bool none = filter.categories.empty() && !filter.from && !filter.to && filter.within.empty();
    if (none) {
        report.kept = layer.features.size();
        return report;
    }
    std::optional<index::AreaIndex> areas;
    if (!filter.within.empty()) areas.emplace(filter.within);
    // Kept features move down in place (order kept), so the layer is never held twice.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        Feature& f = layer.features[i];
        const char* reason = nullptr;
        if (!filter.categories.empty() &&
            std::find(filter.categories.begin(), filter.categories.end(), f.category) == filter.categories.end())
            reason = "category";
        else if ((filter.from || filter.to) && !f.time)
            reason = "no_time";
        else if (filter.from && *f.time < *filter.from)
            reason = "before";
        else if (filter.to && *f.time >= *filter.to)
            reason = "after";
        else if (areas) {
            const auto p = anchor(f.geometry);
            if (!p || !areas->first_covering(*p)) reason = "outside";
        }
        if (reason) {
            ++report.left_out[reason];
        } else {
            if (kept != i) layer.features[kept] = std::move(f);
            ++kept;
        }
    }
    layer.features.erase(layer.features.begin() + static_cast<std::ptrdiff_t>(kept), layer.features.end());
    report.kept = layer.features.size();
    return report;
}

}  // namespace trygg::model
