#include "trygg/coverage/placement_sites.hpp"

#include <cmath>
#include <optional>
#include <vector>

#include "trygg/coverage/camera_coverage.hpp"
#include "trygg/error.hpp"

namespace trygg::coverage {

CoverageSets light_site_sets(std::span<const model::Point> demand, std::span<const model::Point> candidates,
                             const LightCoverage& existing, double radius_m) {
    const LightOptions& o = existing.options();
    if (o.model == LightModel::disc) return CoverageSets::within_radius(demand, candidates, radius_m);
    // Lux: the illuminance already at each demand point, once; a candidate then adds its own.
    std::vector<double> present(demand.size());
    for (std::size_t d = 0; d < demand.size(); ++d) present[d] = existing.illuminance(demand[d]);
    const double h = o.default_height_m;
    return CoverageSets::within_radius(demand, candidates, o.cutoff_m, [&](std::size_t c, std::size_t d) {
        const double dx = demand[d].x - candidates[c].x, dy = demand[d].y - candidates[c].y;
        const double q = h * h + dx * dx + dy * dy;
        return present[d] + o.intensity_cd * h / (q * std::sqrt(q)) >= o.min_lux;
    });
}

CoverageSets camera_site_sets(std::span<const model::Point> demand, std::span<const model::Point> candidates,
                              double range_m, const BuildingObstacles* obstacles) {
    if (!(range_m > 0.0) || !std::isfinite(range_m))
        throw UsageError("camera sites: the range must be a finite number > 0 (metres)");
    // The sets are filled candidate by candidate, so one view (the expensive part: a GEOS
    // visibility polygon) is built per candidate and only when it has demand within range.
    std::optional<CameraCoverage> view;
    std::size_t view_of = candidates.size();
    return CoverageSets::within_radius(demand, candidates, range_m, [&](std::size_t c, std::size_t d) {
        if (c != view_of) {
            CameraSpec spec;
            spec.position = candidates[c];
            spec.heading_deg = std::nullopt;  // a dome: all around
            spec.fov_deg = 360.0;
            spec.range_m = range_m;
            const CameraSpec one[] = {spec};
            view.emplace(one, obstacles);
            view_of = c;
        }
        return view->is_seen(demand[d]);
    });
}

}  // namespace trygg::coverage
