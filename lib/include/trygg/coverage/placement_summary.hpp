#pragma once
// The summary of a placement as `trygg place --json` prints it and trygg.place returns it
// (`.summary`): one definition of the keys, their order and their rounding, so the CLI and the
// Python module cannot drift apart. Returned as JSON text (an object): the CLI prints it, Python
// parses it with json.loads.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trygg/coverage/placement.hpp"
#include "trygg/coverage/walkway_placement.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

// The default (walkway) mode's own figures, after the common keys.
struct WalkwayPlacementFigures {
    double walkway_m = 0.0;         // walkway length considered
    double covered_before_m = 0.0;  // lit (seen) by the existing lights (cameras)
    double newly_covered_m = 0.0;   // lit (seen) by the chosen sites
    bool cameras = false;           // placing cameras: "seen_*" keys and camera_range_m
    double camera_range_m = 0.0;
    std::string light_model;        // placing lights: "model" and light_figures() after it
    std::vector<std::pair<std::string, std::optional<double>>> light_figures;
};

// `site_positions[r]` is where the r-th chosen site is reported (the caller's output CRS).
// Keys: mode, sites [{rank, id, x, y, gain, cumulative, cost}], covered_demand, total_demand,
// covered_share, candidates, total_cost, greedy_covered_demand, swaps, pair_swaps, rule,
// optimum_bound (without a budget), then the walkway figures when given.
std::string placement_summary_json(std::string_view mode, const PlacementResult& result,
                                   std::span<const PlacementCandidate> candidates,
                                   std::span<const model::Point> site_positions, bool has_budget,
                                   const WalkwayPlacementFigures* walkway = nullptr);

}  // namespace trygg::coverage
