#pragma once
// Which demand items each candidate site would cover: the input of a maximal covering location
// problem (see placement.hpp). Stored once, compressed by candidate (one index array and one
// offset per candidate), because the greedy and swap passes read every set many times.
//
// Demand items and candidates are numbered by their position in the caller's arrays. A set
// lists its demand items in ascending order without repeats, so every sum over a set is done
// in the same order and gives the same floating-point result on every run.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

class CoverageSets {
public:
    CoverageSets() = default;

    // From explicit lists: lists[c] holds the demand items candidate c covers (any order;
    // repeats are removed). Throws UsageError when an item is >= demand_count or when
    // demand_count does not fit in 32 bits.
    static CoverageSets from_lists(std::size_t demand_count, const std::vector<std::vector<std::uint32_t>>& lists);

    // Candidate c covers demand item d when squared_distance(candidate c, demand d) <= radius^2
    // (index/point_grid.hpp's formula, so a demand point exactly at the radius is covered) and,
    // when `accept` is given, accept(c, d) is true (e.g. "d is inside c's camera view").
    // A uniform grid over the demand points with cells of `radius` answers each candidate in
    // time proportional to the demand near it: O((n + m) log n + answer), never n * m.
    // Throws UsageError for a radius that is not a finite number > 0 or non-finite coordinates.
    static CoverageSets within_radius(std::span<const model::Point> demand, std::span<const model::Point> candidates,
                                      double radius,
                                      const std::function<bool(std::size_t candidate, std::size_t demand)>& accept = {});

    std::size_t candidate_count() const noexcept { return offsets_.empty() ? 0 : offsets_.size() - 1; }
    std::size_t demand_count() const noexcept { return demand_count_; }
    // Total number of (candidate, demand item) pairs.
    std::size_t pair_count() const noexcept { return items_.size(); }

    // The demand items candidate c covers, ascending.
    std::span<const std::uint32_t> covered_by(std::size_t candidate) const {
        return {items_.data() + offsets_[candidate], items_.data() + offsets_[candidate + 1]};
    }

private:
    std::size_t demand_count_ = 0;
    std::vector<std::size_t> offsets_;  // candidate_count + 1 entries
    std::vector<std::uint32_t> items_;
};

}  // namespace trygg::coverage
