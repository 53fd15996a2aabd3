#pragma once
// The checks and the walking limit of a nearby job, shared by `trygg nearby` and trygg.nearby:
// one set of rules and one wording. Messages name the CLI's options (--max-walk...); the Python
// module rewrites them to its argument names (max_walk...).

#include <optional>

#include "trygg/network/nearby_job.hpp"

namespace trygg::network {

// The walking limit in metres: `max_distance_m` when given, else `max_walk_min` minutes at
// `speed_m_s`. Throws UsageError for a limit or speed that is not a positive number, or a speed
// above 10 m/s.
double walking_limit_m(double max_walk_min, std::optional<double> max_distance_m, double speed_m_s);

// Throws UsageError for a negative or non-finite --max-snap, --tiny-component or --area-buffer.
void check_nearby_options(const NearbyJobOptions& options);

}  // namespace trygg::network
