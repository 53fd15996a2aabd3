#include "trygg/coverage/placement_demand.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "trygg/error.hpp"
#include "trygg/index/point_grid.hpp"

namespace trygg::coverage {

std::vector<DemandPiece> uncovered_pieces(std::span<const model::LineString> lines,
                                          std::span<const LineIntervals> covered, double piece_m) {
    if (!(piece_m > 0.0) || !std::isfinite(piece_m))
        throw UsageError("demand pieces: the piece length must be a finite number > 0 (metres)");
    if (covered.size() != lines.size())
        throw UsageError("demand pieces: " + std::to_string(covered.size()) + " interval sets for " +
                         std::to_string(lines.size()) + " lines");
    std::vector<DemandPiece> pieces;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (const LineInterval& gap : complement(covered[i], line_length(lines[i]))) {
            const double length = gap.to_m - gap.from_m;
            if (!(length > 0.0)) continue;
            // A stretch a rounding error longer than a whole number of pieces (a seen interval
            // ending at 69.9999999 instead of 70: crossings computed at coordinates of 10^6 m) must
            // not get one more, shorter piece each: a millionth of a piece is ignored.
            const double n = std::max(1.0, std::ceil(length / piece_m - 1e-6));
            const auto count = static_cast<std::size_t>(n);
            for (std::size_t k = 0; k < count; ++k) {
                DemandPiece piece;
                piece.line = i;
                piece.from_m = gap.from_m + length * static_cast<double>(k) / n;
                piece.to_m = k + 1 == count ? gap.to_m : gap.from_m + length * static_cast<double>(k + 1) / n;
                piece.midpoint = point_at(lines[i], 0.5 * (piece.from_m + piece.to_m));
                pieces.push_back(piece);
            }
        }
    }
    return pieces;
}

std::vector<double> reports_near(std::span<const DemandPiece> pieces, std::span<const model::Point> reports,
                                 std::span<const double> report_weights, double distance_m) {
    if (!(distance_m >= 0.0) || !std::isfinite(distance_m))
        throw UsageError("demand pieces: the report distance must be a finite number >= 0 (metres)");
    if (report_weights.size() != reports.size())
        throw UsageError("demand pieces: " + std::to_string(report_weights.size()) + " report weights for " +
                         std::to_string(reports.size()) + " reports");
    std::vector<double> near(pieces.size(), 0.0);
    if (reports.empty()) return near;
    // A zero distance still needs a positive cell size; 1 m cells find exact coincidences.
    const index::PointGrid grid(reports, distance_m > 0.0 ? distance_m : 1.0);
    std::vector<std::size_t> found;
    for (std::size_t p = 0; p < pieces.size(); ++p) {
        // Summed in report order, so the result does not depend on the grid's cell order.
        found.clear();
        grid.for_each_within(pieces[p].midpoint, distance_m, [&](std::size_t r) { found.push_back(r); });
        std::sort(found.begin(), found.end());
        for (std::size_t r : found) near[p] += report_weights[r];
    }
    return near;
}

}  // namespace trygg::coverage
