#pragma once
// Dark gaps: unlit stretches of walkway long enough to matter, ranked by the reports near them.
//
// An unlit stretch that reaches the end of a line continues into the next line when exactly
// two line ends meet at that point (a degree-2 node: the walkway simply goes on, split in the
// data) and that line's stretch reaches the same end; at junctions of three or more ends, a
// gap stops. Ends meet when they are within 1 cm (coordinates on a 1 cm lattice). The joined
// stretches form one gap; it is kept when its total length is >= min_length_m.

#include <cstddef>
#include <span>
#include <vector>

#include "trygg/coverage/line_intervals.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

struct GapOptions {
    double min_length_m = 25.0;
    double report_distance_m = 25.0;  // reports within this distance of the gap count
};

struct GapLine {
    const model::LineString* line = nullptr;  // borrowed
    std::size_t walkway = 0;                  // caller's walkway index, reported back
    LineIntervals unlit;                      // normalised
};

struct DarkGap {
    std::size_t rank = 0;             // 1 = highest score
    double length_m = 0.0;
    std::size_t reports = 0;          // reports within report_distance_m
    double score = 0.0;               // sum of those reports' weights
    model::MultiLineString lines;     // the stretches, in the order they were joined
    std::vector<std::size_t> walkways;  // walkways it runs along, ascending, no repeats
};

// Gaps sorted by score descending, then length descending, then first walkway: rank 1 first.
// `weights` is empty (every report weighs 1) or aligned with `reports`. UsageError for a
// negative min_length_m / report_distance_m or misaligned weights.
std::vector<DarkGap> dark_gaps(std::span<const GapLine> lines, std::span<const model::Point> reports,
                               std::span<const double> weights, const GapOptions& options);

}  // namespace trygg::coverage
