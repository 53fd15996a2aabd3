#include "trygg/coverage/walkway_pieces.hpp"

#include <algorithm>

namespace trygg::coverage {

namespace {

bool covers(const LineIntervals& set, double at) {
    // First interval ending after `at`; `at` is a piece midpoint, never an interval end.
    const auto it = std::upper_bound(set.begin(), set.end(), at,
                                     [](double x, const LineInterval& i) { return x < i.to_m; });
    return it != set.end() && it->from_m <= at;
}

}  // namespace

void split_into_pieces(std::size_t walkway, std::size_t part, const model::LineString& line,
                       const LineIntervals& lit, const LineIntervals& seen, std::vector<WalkwayPiece>& out) {
    const double length = line_length(line);
    if (length <= 0.0) return;
    std::vector<double> cuts{0.0, length};
    for (const auto* set : {&lit, &seen})
        for (const auto& i : *set) {
            if (i.from_m > 0.0 && i.from_m < length) cuts.push_back(i.from_m);
            if (i.to_m > 0.0 && i.to_m < length) cuts.push_back(i.to_m);
        }
    std::sort(cuts.begin(), cuts.end());
    // Cuts closer than 1 mm are one cut (the last one, so the ends 0 and length stay exact).
    std::vector<double> kept;
    for (const double c : cuts) {
        if (!kept.empty() && c - kept.back() < 1e-3) {
            if (c == length) kept.back() = length;
            continue;
        }
        kept.push_back(c);
    }
    if (kept.size() < 2) kept = {0.0, length};
    kept.front() = 0.0;
    const std::size_t first = out.size();
    for (std::size_t k = 0; k + 1 < kept.size(); ++k) {
        const double mid = 0.5 * (kept[k] + kept[k + 1]);
        const bool is_lit = covers(lit, mid), is_seen = covers(seen, mid);
        // Neighbours with the same state (possible after merging short cuts) become one piece.
        if (out.size() > first && out.back().lit == is_lit && out.back().seen == is_seen) {
            out.back().to_m = kept[k + 1];
            continue;
        }
        WalkwayPiece piece;
        piece.walkway = walkway;
        piece.part = part;
        piece.from_m = kept[k];
        piece.to_m = kept[k + 1];
        piece.lit = is_lit;
        piece.seen = is_seen;
        out.push_back(std::move(piece));
    }
    for (std::size_t k = first; k < out.size(); ++k) out[k].line = cut(line, out[k].from_m, out[k].to_m);
}

void CoverageLengths::add(const WalkwayPiece& piece) noexcept {
    const double l = piece.length_m();
    length_m += l;
    if (piece.lit) lit_m += l;
    if (piece.seen) seen_m += l;
    if (piece.lit && piece.seen) lit_and_seen_m += l;
}

void CoverageLengths::add(const CoverageLengths& other) noexcept {
    length_m += other.length_m;
    lit_m += other.lit_m;
    seen_m += other.seen_m;
    lit_and_seen_m += other.lit_and_seen_m;
}

}  // namespace trygg::coverage
