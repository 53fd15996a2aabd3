#include "trygg/coverage/candidate_sites.hpp"

#include <algorithm>
#include <cmath>

#include "trygg/coverage/line_intervals.hpp"
#include "trygg/error.hpp"

namespace trygg::coverage {

std::vector<CandidateSite> sites_along_lines(std::span<const model::LineString> lines, double spacing_m) {
    if (!(spacing_m > 0.0) || !std::isfinite(spacing_m))
        throw UsageError("candidate sites: the spacing must be a finite number > 0 (metres)");
    std::vector<CandidateSite> sites;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const double length = line_length(lines[i]);
        if (!(length > 0.0)) continue;
        const double n = std::max(1.0, std::round(length / spacing_m));
        const auto count = static_cast<std::size_t>(n);
        for (std::size_t k = 0; k < count; ++k) {
            const double offset = (static_cast<double>(k) + 0.5) * length / n;
            sites.push_back({point_at(lines[i], offset), i, offset});
        }
    }
    return sites;
}

}  // namespace trygg::coverage
