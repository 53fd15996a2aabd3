#pragma once
// Candidate sites for new lights or cameras when the planner has none: evenly spaced points
// along the walkways, where a pole can actually stand.

#include <cstddef>
#include <span>
#include <vector>

#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

struct CandidateSite {
    model::Point position;
    std::size_t line = 0;   // index of the line it lies on
    double offset_m = 0.0;  // metres along that line from its first vertex
};

// Sites along every line: a line of length L gets n = max(1, round(L / spacing_m)) sites at
// offsets (k + 1/2) * L / n, k = 0..n-1, so consecutive sites are about spacing_m apart and
// none sits on a line end (where several walkways meet and would each put one). Lines of zero
// length get none. Sites are ordered by line, then offset. Throws UsageError for a spacing
// that is not a finite number > 0.
std::vector<CandidateSite> sites_along_lines(std::span<const model::LineString> lines, double spacing_m);

}  // namespace trygg::coverage
