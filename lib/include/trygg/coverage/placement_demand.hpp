#pragma once
// The demand of the default `trygg place` mode: the walkway length that is not lit (or not
// seen) yet, cut into short pieces so that "a new light covers it" becomes "the piece's
// midpoint lies within reach", and weighted by the reports near each piece.

#include <cstddef>
#include <span>
#include <vector>

#include "trygg/coverage/line_intervals.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

struct DemandPiece {
    std::size_t line = 0;  // index of the line it lies on
    double from_m = 0.0;   // offsets along that line
    double to_m = 0.0;
    model::Point midpoint;
    double length_m() const noexcept { return to_m - from_m; }
};

// The stretches of lines[i] outside covered[i] (normalised intervals, see line_intervals.hpp),
// each cut into ceil(length / piece_m) equal pieces, so no piece is longer than piece_m (the
// ceiling ignores an excess of a millionth of a piece, a rounding error, rather than add one).
// Ordered by line, then offset. `covered` has one entry per line. Throws UsageError for a
// piece length that is not a finite number > 0 or mismatched sizes.
std::vector<DemandPiece> uncovered_pieces(std::span<const model::LineString> lines,
                                          std::span<const LineIntervals> covered, double piece_m);

// Per piece: how many reports (summed report weights) lie within `distance_m` of its midpoint
// (distance <= distance_m), found through a uniform grid over the reports. Throws UsageError
// for a distance that is not finite and >= 0 or mismatched sizes.
std::vector<double> reports_near(std::span<const DemandPiece> pieces, std::span<const model::Point> reports,
                                 std::span<const double> report_weights, double distance_m);

}  // namespace trygg::coverage
