#include "trygg/coverage/coverage_sets.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "trygg/error.hpp"

using trygg::UsageError;
using trygg::coverage::CoverageSets;
using trygg::model::Point;

namespace {

std::vector<std::uint32_t> as_vector(std::span<const std::uint32_t> s) { return {s.begin(), s.end()}; }

}  // namespace

TEST(PlacementCoverageSets, WithinRadiusMatchesBruteForce) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> coord(0.0, 500.0);
    std::vector<Point> demand(2000), candidates(300);
    for (auto& p : demand) p = {coord(rng), coord(rng)};
    for (auto& p : candidates) p = {coord(rng), coord(rng)};
    // Integer points exactly at the radius count as covered.
    demand.push_back({100.0, 130.0});
    candidates.push_back({100.0, 100.0});
    const double radius = 30.0;
    const CoverageSets sets = CoverageSets::within_radius(demand, candidates, radius);
    ASSERT_EQ(sets.candidate_count(), candidates.size());
    ASSERT_EQ(sets.demand_count(), demand.size());
    std::size_t pairs = 0;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        std::vector<std::uint32_t> expected;
        for (std::size_t d = 0; d < demand.size(); ++d) {
            const double dx = demand[d].x - candidates[c].x, dy = demand[d].y - candidates[c].y;
            if (dx * dx + dy * dy <= radius * radius) expected.push_back(static_cast<std::uint32_t>(d));
        }
        pairs += expected.size();
        EXPECT_EQ(as_vector(sets.covered_by(c)), expected) << "candidate " << c;
    }
    EXPECT_EQ(sets.pair_count(), pairs);
    EXPECT_EQ(as_vector(sets.covered_by(candidates.size() - 1)).back(), demand.size() - 1);
}

TEST(PlacementCoverageSets, AcceptFiltersPairs) {
    const std::vector<Point> demand{{0, 0}, {5, 0}, {-5, 0}};
    const std::vector<Point> candidates{{0, 1}};
    // Only demand to the east of the candidate (a one-sided camera, say).
    const CoverageSets sets = CoverageSets::within_radius(
        demand, candidates, 10.0, [&](std::size_t c, std::size_t d) { return demand[d].x >= candidates[c].x; });
    EXPECT_EQ(as_vector(sets.covered_by(0)), (std::vector<std::uint32_t>{0, 1}));
}

TEST(PlacementCoverageSets, FromListsSortsAndRemovesRepeats) {
    const CoverageSets sets = CoverageSets::from_lists(5, {{4, 1, 1, 0}, {}, {3}});
    EXPECT_EQ(sets.candidate_count(), 3u);
    EXPECT_EQ(as_vector(sets.covered_by(0)), (std::vector<std::uint32_t>{0, 1, 4}));
    EXPECT_TRUE(sets.covered_by(1).empty());
    EXPECT_EQ(sets.pair_count(), 4u);
}

TEST(PlacementCoverageSets, EmptyDemandAndBadRadius) {
    const std::vector<Point> none, one{{1, 1}};
    const CoverageSets sets = CoverageSets::within_radius(none, one, 5.0);
    EXPECT_EQ(sets.candidate_count(), 1u);
    EXPECT_TRUE(sets.covered_by(0).empty());
    EXPECT_THROW(CoverageSets::within_radius(one, one, 0.0), UsageError);
    EXPECT_THROW(CoverageSets::within_radius(one, one, std::nan("")), UsageError);
}
