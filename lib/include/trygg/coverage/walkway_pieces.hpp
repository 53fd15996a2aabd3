#pragma once
// A walkway cut into maximal pieces of constant (lit, seen): the map and the per-walkway and
// per-area figures are all made of these pieces.

#include <cstddef>
#include <vector>

#include "trygg/coverage/line_intervals.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

struct WalkwayPiece {
    std::size_t walkway = 0;  // index of the walkway (feature) it belongs to
    std::size_t part = 0;     // index of the LineString within that walkway's MultiLineString
    double from_m = 0.0;      // offsets along the part
    double to_m = 0.0;
    bool lit = false;
    bool seen = false;
    model::LineString line;
    double length_m() const noexcept { return to_m - from_m; }
};

// Appends to `out` the pieces of one line: it is cut at every end of a lit or a seen interval
// (both normalised), and each piece is lit / seen when it lies in a lit / seen interval. The
// pieces cover [0, length] without gaps or overlaps, in order; pieces shorter than 1 mm (from
// rounding at touching interval ends) are merged into their neighbour.
void split_into_pieces(std::size_t walkway, std::size_t part, const model::LineString& line,
                       const LineIntervals& lit, const LineIntervals& seen, std::vector<WalkwayPiece>& out);

// Length, lit length, seen length and lit-and-seen length of a set of pieces.
struct CoverageLengths {
    double length_m = 0.0;
    double lit_m = 0.0;
    double seen_m = 0.0;
    double lit_and_seen_m = 0.0;
    void add(const WalkwayPiece& piece) noexcept;
    void add(const CoverageLengths& other) noexcept;
    double lit_share() const noexcept { return length_m > 0.0 ? lit_m / length_m : 0.0; }
    double seen_share() const noexcept { return length_m > 0.0 ? seen_m / length_m : 0.0; }
};

}  // namespace trygg::coverage
