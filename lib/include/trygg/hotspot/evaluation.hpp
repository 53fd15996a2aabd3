#pragma once
// How good is a hotspot map? Two classic measures:
//  - the Prediction Accuracy Index (Chainey, Tompson & Uhlig 2008): the share of later events
//    that fall in the hotspots divided by the share of the study area the hotspots cover;
//  - the nearest neighbour index (Clark & Evans 1954): are the events more clustered than
//    complete spatial randomness?
// Formulas: docs/methods.md.

#include "trygg/model/geometry.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace trygg::hotspot {

struct HitRate {
    std::size_t hits = 0;      // later reports inside (or on the boundary of) a hotspot area
    std::size_t total = 0;     // all later reports
    double hit_rate = 0.0;     // n / N
    double area_share = 0.0;   // a / A, a = area of the union of the hotspot areas
    double pai = 0.0;          // (n / N) / (a / A); NaN when the hotspots have no area
};

// PAI = (n/N) / (a/A). Overlapping hotspot areas (cluster hulls can overlap) are merged first:
// a is the area of their union and a report in two areas is one hit. a may exceed A when the
// areas reach outside the study area; that is reported as computed, not clipped.
// Throws UsageError when study_area_m2 is not a positive finite number, DataError when there
// are no later reports (the hit rate is undefined) or the areas cannot be merged.
HitRate prediction_accuracy(std::span<const model::Point> later_reports,
                            const std::vector<model::MultiPolygon>& hotspot_areas, double study_area_m2);

struct NearestNeighbourIndex {
    double observed_mean = 0.0;  // mean distance from each point to its nearest other point (m)
    double expected_mean = 0.0;  // 0.5 / sqrt(n / A), the mean under complete spatial randomness
    double nni = 0.0;            // observed / expected: < 1 clustered, > 1 dispersed
    double z = 0.0;              // (observed - expected) / (0.26136 / sqrt(n^2 / A))
    double p = 0.0;              // two-sided normal p-value of z
    std::size_t n = 0;
    double area = 0.0;           // A, m^2
};

// Clark & Evans (1954) nearest neighbour index, nearest neighbours through index::PointIndex
// (O(n log n)). Coincident points are each other's nearest neighbours at distance 0. No edge
// correction: points near the border of A have their nearest neighbour farther away than in an
// unbounded pattern, which biases the index upwards (towards dispersion) for small n.
// Throws UsageError when study_area_m2 is not a positive finite number, DataError for fewer
// than 2 points or a non-finite coordinate.
NearestNeighbourIndex nearest_neighbour_index(std::span<const model::Point> points, double study_area_m2);

}  // namespace trygg::hotspot
