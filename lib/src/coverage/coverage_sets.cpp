#include "trygg/coverage/coverage_sets.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "trygg/error.hpp"
#include "trygg/index/point_grid.hpp"

namespace trygg::coverage {

namespace {

void check_demand_count(std::size_t demand_count) {
    if (demand_count > std::numeric_limits<std::uint32_t>::max())
        throw UsageError("coverage sets: more than 2^32 - 1 demand items (" + std::to_string(demand_count) + ")");
}

}  // namespace

CoverageSets CoverageSets::from_lists(std::size_t demand_count, const std::vector<std::vector<std::uint32_t>>& lists) {
    check_demand_count(demand_count);
    CoverageSets sets;
    sets.demand_count_ = demand_count;
    sets.offsets_.reserve(lists.size() + 1);
    sets.offsets_.push_back(0);
    std::vector<std::uint32_t> items;
    for (std::size_t c = 0; c < lists.size(); ++c) {
        items = lists[c];
        std::sort(items.begin(), items.end());
        items.erase(std::unique(items.begin(), items.end()), items.end());
        if (!items.empty() && items.back() >= demand_count)
            throw UsageError("coverage sets: candidate " + std::to_string(c) + " covers demand item " +
                             std::to_string(items.back()) + " of " + std::to_string(demand_count));
        sets.items_.insert(sets.items_.end(), items.begin(), items.end());
        sets.offsets_.push_back(sets.items_.size());
    }
    return sets;
}

CoverageSets CoverageSets::within_radius(std::span<const model::Point> demand, std::span<const model::Point> candidates,
                                         double radius,
                                         const std::function<bool(std::size_t, std::size_t)>& accept) {
    if (!(radius > 0.0) || !std::isfinite(radius))
        throw UsageError("coverage sets: the radius must be a finite number > 0 (metres)");
    check_demand_count(demand.size());
    for (const model::Point& p : candidates)
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            throw UsageError("coverage sets: a candidate has a non-finite coordinate");
    CoverageSets sets;
    sets.demand_count_ = demand.size();
    sets.offsets_.reserve(candidates.size() + 1);
    sets.offsets_.push_back(0);
    if (demand.empty()) {
        sets.offsets_.resize(candidates.size() + 1, 0);
        return sets;
    }
    const index::PointGrid grid(demand, radius);
    std::vector<std::uint32_t> found;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        found.clear();
        grid.for_each_within(candidates[c], radius, [&](std::size_t d) {
            if (!accept || accept(c, d)) found.push_back(static_cast<std::uint32_t>(d));
        });
        std::sort(found.begin(), found.end());
        sets.items_.insert(sets.items_.end(), found.begin(), found.end());
        sets.offsets_.push_back(sets.items_.size());
    }
    return sets;
}

}  // namespace trygg::coverage
