#include "trygg/io/layer_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "trygg/io/crs.hpp"
#include "trygg/model/geometry_visit.hpp"

namespace trygg::io {


LayerSummary summarise(const model::Layer& layer) {
    LayerSummary s;
    s.source = layer.source;
    s.layer = layer.name;
    s.kind = std::string(model::to_string(layer.kind));
    s.kind_guessed = layer.kind_guessed;
    s.features = layer.feature_count;
    s.accepted = static_cast<std::int64_t>(layer.features.size());
    s.rejected = layer.rejects.counts();
    s.source_crs = layer.source_crs;
    s.working_crs = layer.working_crs;
    if (!layer.features.empty()) {
        // The tight lon/lat extent: every coordinate transformed, not the working-CRS box (whose
        // corners lie outside the data once projected back).
        std::vector<double> xs, ys;
        for (const auto& f : layer.features)
            model::for_each_point(f.geometry, [&](const model::Point& p) {
                xs.push_back(p.x);
                ys.push_back(p.y);
            });
        CoordinateTransform(layer.working_crs, "EPSG:4326").transform(xs, ys);
        constexpr double inf = std::numeric_limits<double>::infinity();
        std::array<double, 4> e{inf, inf, -inf, -inf};
        for (std::size_t i = 0; i < xs.size(); ++i) {
            e[0] = std::min(e[0], xs[i]);
            e[1] = std::min(e[1], ys[i]);
            e[2] = std::max(e[2], xs[i]);
            e[3] = std::max(e[3], ys[i]);
        }
        if (std::isfinite(e[0])) s.extent_lonlat = e;
    }
    for (const auto& f : layer.features) {
        if (f.time) {
            if (!s.time_span) s.time_span = std::make_pair(*f.time, *f.time);
            s.time_span->first = std::min(s.time_span->first, *f.time);
            s.time_span->second = std::max(s.time_span->second, *f.time);
        }
        if (!f.category.empty()) ++s.categories[f.category];
    }
    s.mapped_fields = layer.mapped_fields;
    return s;
}

}  // namespace trygg::io
