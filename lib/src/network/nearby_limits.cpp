#include "trygg/network/nearby_limits.hpp"

#include <cmath>

#include "trygg/error.hpp"

namespace trygg::network {

namespace {

bool positive(double v) { return v > 0.0 && std::isfinite(v); }
bool non_negative(double v) { return v >= 0.0 && std::isfinite(v); }

}  // namespace

double walking_limit_m(double max_walk_min, std::optional<double> max_distance_m, double speed_m_s) {
    if (!positive(max_walk_min)) throw UsageError("--max-walk must be a number of minutes > 0");
    if (max_distance_m && !positive(*max_distance_m)) throw UsageError("--max-distance must be > 0 (metres)");
    if (!positive(speed_m_s) || speed_m_s > 10.0)
        throw UsageError("--speed must be a walking speed in m/s, > 0 and <= 10");
    return max_distance_m ? *max_distance_m : max_walk_min * 60.0 * speed_m_s;
}

void check_nearby_options(const NearbyJobOptions& options) {
    if (!non_negative(options.max_snap_m)) throw UsageError("--max-snap must be >= 0 (metres)");
    if (!non_negative(options.area_buffer_m)) throw UsageError("--area-buffer must be >= 0 (metres)");
    if (!non_negative(options.tiny_component_m)) throw UsageError("--tiny-component must be >= 0 (metres)");
}

}  // namespace trygg::network
