#pragma once
// Stretches of a LineString as offset intervals: [from_m, to_m] metres measured along the line
// from its first vertex. Lit, seen and dark stretches of a walkway are all interval sets, so
// combining them (lit and seen, not lit, ...) is interval arithmetic, not geometry.

#include <vector>

#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

struct LineInterval {
    double from_m = 0.0;
    double to_m = 0.0;
    friend bool operator==(const LineInterval&, const LineInterval&) = default;
};
using LineIntervals = std::vector<LineInterval>;

// Length of a LineString (sum of its segment lengths), in metres.
double line_length(const model::LineString& line);

// Sorted by from_m, overlapping or touching intervals merged, empty or reversed intervals
// (to_m <= from_m) dropped. Every other function here takes and returns normalised sets.
LineIntervals normalise(LineIntervals intervals);

// Sum of the interval lengths of a normalised set.
double total_length(const LineIntervals& intervals);

// The parts of [0, length] not covered by `intervals` (normalised; intervals reaching outside
// [0, length] are clipped first).
LineIntervals complement(const LineIntervals& intervals, double length);

// The parts covered by both normalised sets, in O(|a| + |b|).
LineIntervals intersection(const LineIntervals& a, const LineIntervals& b);

// The point at offset `offset_m` along the line (clamped to [0, length]).
model::Point point_at(const model::LineString& line, double offset_m);

// The sub-line between two offsets (clamped to [0, length], from_m <= to_m): the interpolated
// start point, every vertex strictly inside, the interpolated end point. A zero-length cut gives
// two equal points. An empty line gives an empty result.
model::LineString cut(const model::LineString& line, double from_m, double to_m);

}  // namespace trygg::coverage
