#pragma once
// What a new light or camera at each candidate site would cover: the coverage sets
// (coverage_sets.hpp) of the default `trygg place` mode, where the demand items are the
// midpoints of dark (or unseen) walkway pieces (placement_demand.hpp).
//
//  - Lights, disc model: a new light covers the midpoints within `radius_m` of it.
//  - Lights, lux model: a new light of the options' intensity and default height covers a
//    midpoint p when the existing lights' illuminance there plus its own reaches min_lux:
//      E_existing(p) + I * h / (h^2 + d^2)^(3/2) >= min_lux, d <= cutoff_m
//    (LightCoverage::illuminance, light_coverage.hpp). Each candidate is judged on its own:
//    two new lights that would light a spot only together are not credited with it, so the
//    coverage of a chosen set is never overstated.
//  - Cameras: a candidate camera is a 360 degree dome of `range_m` (camera_view.hpp); it covers
//    the midpoints inside its view, which with buildings is the exact visibility polygon (what
//    buildings hide is not covered).

#include <span>

#include "trygg/coverage/coverage_sets.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

class BuildingObstacles;

// New lights at `candidates`. `existing` supplies the model and its options (and, for lux, the
// illuminance already there); `radius_m` is the disc of a new light (disc model only).
// Throws UsageError for a radius that is not a finite number > 0.
CoverageSets light_site_sets(std::span<const model::Point> demand, std::span<const model::Point> candidates,
                             const LightCoverage& existing, double radius_m);

// New 360 degree cameras of `range_m` at `candidates`; `obstacles` may be null. Throws
// UsageError for a range that is not a finite number > 0.
CoverageSets camera_site_sets(std::span<const model::Point> demand, std::span<const model::Point> candidates,
                              double range_m, const BuildingObstacles* obstacles);

}  // namespace trygg::coverage
