#include "trygg/hotspot/dbscan.hpp"

#include "trygg/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

using trygg::UsageError;
using trygg::hotspot::dbscan;
using trygg::hotspot::DbscanParams;
using trygg::hotspot::DbscanResult;
using trygg::hotspot::PointRole;
using trygg::model::Point;

namespace {

// A data set with everything DBSCAN can take.
struct Case {
    std::string name;
    std::vector<Point> points;
    std::vector<double> weights;             // empty: unweighted
    std::vector<std::int64_t> times;         // empty: no times
    std::optional<std::int64_t> time_window;
    double eps = 1.0;
    double min_points = 4.0;

    DbscanParams params() const {
        DbscanParams p;
        p.eps = eps;
        p.min_points = min_points;
        p.weights = weights;
        p.times = times;
        p.time_window = time_window;
        return p;
    }
};

// Brute-force O(n^2) DBSCAN straight from the definition (Ester et al. 1996, with the
// scikit-learn conventions), sharing no code with the library.
struct Reference {
    std::vector<bool> core;
    std::vector<std::vector<std::size_t>> neighbours;  // includes the point itself
    std::vector<int> component;                        // of core points, -1 otherwise
    int component_count = 0;
};

bool neighbours(const Case& c, std::size_t i, std::size_t j) {
    const double dx = c.points[i].x - c.points[j].x;
    const double dy = c.points[i].y - c.points[j].y;
    if (!(dx * dx + dy * dy <= c.eps * c.eps)) return false;
    if (!c.time_window) return true;
    const std::int64_t dt = c.times[i] > c.times[j] ? c.times[i] - c.times[j] : c.times[j] - c.times[i];
    return dt <= *c.time_window;
}

Reference brute_force(const Case& c) {
    const std::size_t n = c.points.size();
    Reference ref;
    ref.core.assign(n, false);
    ref.neighbours.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        double count = 0.0;
        for (std::size_t j = 0; j < n; ++j) {
            if (neighbours(c, i, j)) {
                ref.neighbours[i].push_back(j);
                count += c.weights.empty() ? 1.0 : c.weights[j];
            }
        }
        ref.core[i] = count >= c.min_points;
    }
    ref.component.assign(n, -1);
    for (std::size_t seed = 0; seed < n; ++seed) {
        if (!ref.core[seed] || ref.component[seed] >= 0) continue;
        std::vector<std::size_t> stack{seed};
        ref.component[seed] = ref.component_count;
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            for (std::size_t j : ref.neighbours[i]) {
                if (ref.core[j] && ref.component[j] < 0) {
                    ref.component[j] = ref.component_count;
                    stack.push_back(j);
                }
            }
        }
        ++ref.component_count;
    }
    return ref;
}

std::tuple<double, double, std::int64_t> core_key(const Case& c, std::size_t i) {
    return {c.points[i].x, c.points[i].y, c.times.empty() || !c.time_window ? 0 : c.times[i]};
}

// Checks a result against the brute-force reference: roles, noise set, core partition, border
// assignment (to the nearest core neighbour, ties to the smallest core (x, y, t)), numbering by
// size with the documented tie rule.
void expect_matches_reference(const Case& c, const DbscanResult& result) {
    SCOPED_TRACE(c.name + " eps=" + std::to_string(c.eps) + " min_points=" + std::to_string(c.min_points));
    const Reference ref = brute_force(c);
    const std::size_t n = c.points.size();
    ASSERT_EQ(result.labels.size(), n);
    ASSERT_EQ(result.roles.size(), n);
    ASSERT_EQ(result.cluster_count, ref.component_count);

    std::map<int, std::int32_t> label_of_component;
    std::map<std::int32_t, int> component_of_label;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t label = result.labels[i];
        ASSERT_GE(label, -1) << "point " << i;
        ASSERT_LT(label, result.cluster_count) << "point " << i;
        if (ref.core[i]) {
            ASSERT_EQ(result.roles[i], PointRole::core) << "point " << i;
            ASSERT_GE(label, 0) << "core point " << i << " without a cluster";
            const int component = ref.component[i];
            // Same partition: the component <-> label map must be a bijection.
            auto [it1, fresh1] = label_of_component.emplace(component, label);
            auto [it2, fresh2] = component_of_label.emplace(label, component);
            ASSERT_EQ(it1->second, label) << "component " << component << " split over labels";
            ASSERT_EQ(it2->second, component) << "label " << label << " merges components";
            continue;
        }
        // Non-core: border when it has a core neighbour.
        std::optional<std::size_t> nearest;
        double nearest_d2 = 0.0;
        for (std::size_t j : ref.neighbours[i]) {
            if (!ref.core[j]) continue;
            const double dx = c.points[i].x - c.points[j].x;
            const double dy = c.points[i].y - c.points[j].y;
            const double d2 = dx * dx + dy * dy;
            if (!nearest || d2 < nearest_d2 || (d2 == nearest_d2 && core_key(c, j) < core_key(c, *nearest))) {
                nearest = j;
                nearest_d2 = d2;
            }
        }
        if (!nearest) {
            ASSERT_EQ(result.roles[i], PointRole::noise) << "point " << i;
            ASSERT_EQ(label, -1) << "noise point " << i;
        } else {
            ASSERT_EQ(result.roles[i], PointRole::border) << "point " << i;
            ASSERT_EQ(label, result.labels[*nearest]) << "border point " << i << " not with its nearest core " << *nearest;
        }
    }
    ASSERT_EQ(static_cast<int>(label_of_component.size()), ref.component_count);

    // Numbering: sizes non-increasing; equal sizes ordered by the smallest core key.
    std::vector<std::size_t> size(static_cast<std::size_t>(result.cluster_count), 0);
    std::vector<std::optional<std::size_t>> smallest(size.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (result.labels[i] < 0) continue;
        const auto l = static_cast<std::size_t>(result.labels[i]);
        ++size[l];
        if (ref.core[i] && (!smallest[l] || core_key(c, i) < core_key(c, *smallest[l]))) smallest[l] = i;
    }
    for (std::size_t l = 1; l < size.size(); ++l) {
        ASSERT_GE(size[l - 1], size[l]) << "cluster " << l;
        if (size[l - 1] == size[l]) {
            ASSERT_LT(core_key(c, *smallest[l - 1]), core_key(c, *smallest[l])) << "tie order at cluster " << l;
        }
    }
}

// Runs the case in the given order and in a shuffled order; labels and roles must follow the
// points.
void check_case(const Case& c, std::mt19937_64& rng) {
    const DbscanResult result = dbscan(c.points, c.params());
    expect_matches_reference(c, result);

    std::vector<std::size_t> perm(c.points.size());
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    std::shuffle(perm.begin(), perm.end(), rng);
    Case shuffled = c;
    for (std::size_t k = 0; k < perm.size(); ++k) {
        shuffled.points[k] = c.points[perm[k]];
        if (!c.weights.empty()) shuffled.weights[k] = c.weights[perm[k]];
        if (!c.times.empty()) shuffled.times[k] = c.times[perm[k]];
    }
    const DbscanResult again = dbscan(shuffled.points, shuffled.params());
    ASSERT_EQ(again.cluster_count, result.cluster_count) << c.name;
    for (std::size_t k = 0; k < perm.size(); ++k) {
        ASSERT_EQ(again.labels[k], result.labels[perm[k]]) << c.name << ": label depends on input order";
        ASSERT_EQ(again.roles[k], result.roles[perm[k]]) << c.name << ": role depends on input order";
    }
}

std::vector<Point> uniform_points(std::mt19937_64& rng, std::size_t n, double size) {
    std::uniform_real_distribution<double> u(0.0, size);
    std::vector<Point> points(n);
    for (auto& p : points) p = {u(rng), u(rng)};
    return points;
}

// Gaussian blobs over a uniform background, so that dense cells, cells cut by eps circles and
// near-miss clusters all occur.
std::vector<Point> clustered_points(std::mt19937_64& rng, std::size_t n, double size, int blobs, double spread) {
    std::uniform_real_distribution<double> u(0.0, size);
    std::normal_distribution<double> g(0.0, spread);
    std::vector<Point> centres(static_cast<std::size_t>(blobs));
    for (auto& c : centres) c = {u(rng), u(rng)};
    std::vector<Point> points(n);
    std::uniform_int_distribution<std::size_t> pick(0, centres.size());
    for (auto& p : points) {
        const std::size_t b = pick(rng);
        if (b == centres.size()) {
            p = {u(rng), u(rng)};
        } else {
            p = {centres[b].x + g(rng), centres[b].y + g(rng)};
        }
    }
    return points;
}

// Integer coordinates on a small grid: many duplicates and many pairs at exactly eps when eps
// is an integer (3-4-5 triangles, axis-aligned steps), all computed exactly. `offset` moves
// them to UTM-like magnitudes, which keeps differences exact.
std::vector<Point> lattice_points(std::mt19937_64& rng, std::size_t n, int side, double offset_x = 0.0,
                                  double offset_y = 0.0) {
    std::uniform_int_distribution<int> u(0, side);
    std::vector<Point> points(n);
    for (auto& p : points) p = {offset_x + u(rng), offset_y + u(rng)};
    return points;
}

std::vector<double> integer_weights(std::mt19937_64& rng, std::size_t n, int max_weight) {
    std::uniform_int_distribution<int> u(0, max_weight);
    std::vector<double> w(n);
    for (auto& x : w) x = u(rng);
    return w;
}

// Multiples of 1/4: sums are exact in any order, like integers, but fractional.
std::vector<double> quarter_weights(std::mt19937_64& rng, std::size_t n) {
    std::uniform_int_distribution<int> u(0, 12);
    std::vector<double> w(n);
    for (auto& x : w) x = u(rng) / 4.0;
    return w;
}

std::vector<std::int64_t> random_times(std::mt19937_64& rng, std::size_t n, std::int64_t span) {
    std::uniform_int_distribution<std::int64_t> u(0, span);
    std::vector<std::int64_t> t(n);
    for (auto& x : t) x = u(rng);
    return t;
}

}  // namespace

TEST(Dbscan, UniformRandomMatchesBruteForce) {
    std::mt19937_64 rng(20150101);
    for (int round = 0; round < 12; ++round) {
        Case c;
        c.name = "uniform#" + std::to_string(round);
        c.points = uniform_points(rng, 300 + 60 * static_cast<std::size_t>(round), 100.0);
        c.eps = 3.0 + round;
        c.min_points = 1.0 + round % 7;
        check_case(c, rng);
    }
}

TEST(Dbscan, ClusteredRandomMatchesBruteForce) {
    std::mt19937_64 rng(42);
    for (int round = 0; round < 16; ++round) {
        Case c;
        c.name = "clustered#" + std::to_string(round);
        c.points = clustered_points(rng, 900, 500.0, 3 + round % 5, 4.0 + round);
        c.eps = 2.0 + 1.5 * (round % 6);
        c.min_points = 3.0 + 2 * (round % 5);
        check_case(c, rng);
    }
}

TEST(Dbscan, LatticeWithDuplicatesAndExactEpsMatchesBruteForce) {
    std::mt19937_64 rng(7);
    for (int round = 0; round < 20; ++round) {
        Case c;
        c.name = "lattice#" + std::to_string(round);
        c.points = lattice_points(rng, 400, 25 + round * 3);
        c.eps = 1.0 + round % 5;  // integer: distances 1, 2, 3, 4, 5 (3-4-5) occur exactly
        c.min_points = 2.0 + round % 6;
        check_case(c, rng);
    }
}

TEST(Dbscan, ManySmallMixedCasesMatchBruteForce) {
    // Small dense lattices (up to 11 x 11 positions, so many duplicates), every feature mixed:
    // weights, time windows, fractional thresholds, eps on and off the lattice spacing.
    std::mt19937_64 rng(1996);
    const std::vector<double> eps_choices{0.5, 1.0, std::sqrt(2.0), 1.5, 2.0, 2.5, 3.0, 5.0};
    std::uniform_int_distribution<std::size_t> size(1, 120);
    std::uniform_int_distribution<int> side(0, 10);
    std::uniform_int_distribution<std::size_t> pick_eps(0, eps_choices.size() - 1);
    std::uniform_int_distribution<int> feature(0, 3);
    std::uniform_int_distribution<int> threshold(1, 12);
    for (int round = 0; round < 400; ++round) {
        Case c;
        c.name = "mixed#" + std::to_string(round);
        c.points = lattice_points(rng, size(rng), side(rng));
        c.eps = eps_choices[pick_eps(rng)];
        c.min_points = threshold(rng) / 2.0;
        if (feature(rng) == 0) c.weights = quarter_weights(rng, c.points.size());
        if (feature(rng) <= 1) {
            c.times = random_times(rng, c.points.size(), 50);
            c.time_window = std::uniform_int_distribution<std::int64_t>(0, 20)(rng);
        }
        check_case(c, rng);
        if (HasFatalFailure()) return;
    }
}

TEST(Dbscan, ExactlyEpsIsANeighbour) {
    // Two points exactly eps apart and nothing else: with min_points 2 both are core and
    // together; a hair farther apart they are noise.
    for (const double eps : {1.0, 5.0, 0.5, 100.0}) {
        const std::vector<Point> pair{{0.0, 0.0}, {eps, 0.0}};
        DbscanParams params;
        params.eps = eps;
        params.min_points = 2;
        const DbscanResult together = dbscan(pair, params);
        EXPECT_EQ(together.cluster_count, 1) << eps;
        EXPECT_EQ(together.labels, (std::vector<std::int32_t>{0, 0})) << eps;

        const std::vector<Point> apart{{0.0, 0.0}, {std::nextafter(eps, 2 * eps), 0.0}};
        const DbscanResult separate = dbscan(apart, params);
        EXPECT_EQ(separate.cluster_count, 0) << eps;
        EXPECT_EQ(separate.labels, (std::vector<std::int32_t>{-1, -1})) << eps;
    }
    // The 3-4-5 triangle: a diagonal pair at exactly 5.
    const std::vector<Point> diagonal{{0.0, 0.0}, {3.0, 4.0}};
    DbscanParams params;
    params.eps = 5.0;
    params.min_points = 2;
    EXPECT_EQ(dbscan(diagonal, params).cluster_count, 1);
    params.eps = std::nextafter(5.0, 0.0);
    EXPECT_EQ(dbscan(diagonal, params).cluster_count, 0);
}

TEST(Dbscan, LargeCoordinatesStayExact) {
    // UTM-like magnitudes: integer offsets keep all differences exact.
    std::mt19937_64 rng(19);
    for (int round = 0; round < 6; ++round) {
        Case c;
        c.name = "utm#" + std::to_string(round);
        c.points = lattice_points(rng, 500, 40, 330000.0, 4690000.0);
        c.eps = 2.0 + round % 4;
        c.min_points = 3.0 + round;
        check_case(c, rng);
    }
}

TEST(Dbscan, WeightedMatchesBruteForce) {
    std::mt19937_64 rng(99);
    for (int round = 0; round < 16; ++round) {
        Case c;
        c.name = "weighted#" + std::to_string(round);
        const bool lattice = round % 2 == 0;
        c.points = lattice ? lattice_points(rng, 400, 30) : clustered_points(rng, 700, 300.0, 4, 6.0);
        c.weights = round % 4 < 2 ? integer_weights(rng, c.points.size(), 3) : quarter_weights(rng, c.points.size());
        c.eps = lattice ? 1.0 + round % 4 : 3.0 + round % 5;
        c.min_points = 2.5 + round % 7;  // fractional thresholds too
        check_case(c, rng);
    }
}

TEST(Dbscan, SpaceTimeMatchesBruteForce) {
    std::mt19937_64 rng(2007);
    for (int round = 0; round < 20; ++round) {
        Case c;
        c.name = "st#" + std::to_string(round);
        const int kind = round % 3;
        c.points = kind == 0   ? lattice_points(rng, 500, 20)
                   : kind == 1 ? clustered_points(rng, 800, 200.0, 4, 5.0)
                               : uniform_points(rng, 600, 60.0);
        c.times = random_times(rng, c.points.size(), round < 10 ? 100 : 20 * 86400);
        c.time_window = round < 10 ? std::int64_t{5 + round} : std::int64_t{86400 * (1 + round % 4)};
        if (round % 4 == 3) c.time_window = 0;  // same second only
        if (round % 5 == 1) c.weights = integer_weights(rng, c.points.size(), 2);
        c.eps = kind == 0 ? 2.0 + round % 3 : 4.0 + round % 6;
        c.min_points = 2.0 + round % 5;
        check_case(c, rng);
    }
}

TEST(Dbscan, SpaceTimeSplitsACellByTime) {
    // Four points on one spot at times 0, 10, 20 and 100 with a 10 s window: 0-10-20 chain into
    // one cluster (0 and 20 are not neighbours but are joined through 10); 100 is alone.
    const std::vector<Point> points(4, Point{5.0, 5.0});
    const std::vector<std::int64_t> times{0, 10, 20, 100};
    DbscanParams params;
    params.eps = 1.0;
    params.min_points = 2;
    params.times = times;
    params.time_window = 10;
    const DbscanResult r = dbscan(points, params);
    EXPECT_EQ(r.cluster_count, 1);
    EXPECT_EQ(r.labels, (std::vector<std::int32_t>{0, 0, 0, -1}));
    EXPECT_EQ(r.roles[3], PointRole::noise);
    // Without a window (times ignored) all four are one cluster.
    params.time_window.reset();
    EXPECT_EQ(dbscan(points, params).labels, (std::vector<std::int32_t>(4, 0)));
}

TEST(Dbscan, ExtremeTimesDoNotOverflow) {
    const std::vector<Point> points(3, Point{0.0, 0.0});
    const std::vector<std::int64_t> times{std::numeric_limits<std::int64_t>::min(), 0,
                                          std::numeric_limits<std::int64_t>::max()};
    DbscanParams params;
    params.eps = 1.0;
    params.min_points = 2;
    params.times = times;
    params.time_window = std::numeric_limits<std::int64_t>::max();
    // 0 - min = 2^63 is one second beyond the window, max - 0 = 2^63 - 1 is inside it: 0 and
    // max are neighbours (both core), min has only itself (noise).
    const DbscanResult r = dbscan(points, params);
    EXPECT_EQ(r.roles, (std::vector<PointRole>{PointRole::noise, PointRole::core, PointRole::core}));
    EXPECT_EQ(r.labels, (std::vector<std::int32_t>{-1, 0, 0}));
    // One second wider is impossible; with the window at its maximum but min moved up by one,
    // all three are neighbours of 0.
    const std::vector<std::int64_t> shifted{std::numeric_limits<std::int64_t>::min() + 1, 0,
                                            std::numeric_limits<std::int64_t>::max()};
    params.times = shifted;
    EXPECT_EQ(dbscan(points, params).roles, (std::vector<PointRole>{PointRole::core, PointRole::core, PointRole::core}));
}

TEST(Dbscan, BorderPointGoesToNearestCore) {
    // On a line, eps 1, min_points 4: a left chain -1 .. -2.5 and a right chain 0.75 .. 2.25
    // (steps of 0.5, all exact in binary). The point at 0 sees the left core -1 (at exactly
    // eps) and the right core 0.75, 3 neighbours with itself: a border point of both clusters.
    // Its nearest core is 0.75, so it joins the right cluster, which then has 5 points and is
    // numbered 0; the left one has 4 (its end -2.5 is a border point).
    const std::vector<Point> points{{0, 0},    {-1, 0},  {-1.5, 0}, {-2, 0}, {-2.5, 0},
                                    {0.75, 0}, {1.25, 0}, {1.75, 0}, {2.25, 0}};
    DbscanParams params;
    params.eps = 1.0;
    params.min_points = 4;
    const DbscanResult r = dbscan(points, params);
    ASSERT_EQ(r.cluster_count, 2);
    EXPECT_EQ(r.roles[0], PointRole::border);
    EXPECT_EQ(r.roles[1], PointRole::core);
    EXPECT_EQ(r.roles[5], PointRole::core);
    EXPECT_EQ(r.roles[4], PointRole::border);
    EXPECT_EQ(r.labels[0], 0);
    EXPECT_EQ(r.labels[5], 0);
    EXPECT_EQ(r.labels[1], 1);
    Case c;
    c.name = "border";
    c.points = points;
    c.eps = params.eps;
    c.min_points = params.min_points;
    expect_matches_reference(c, r);
}

TEST(Dbscan, BorderTieGoesToSmallestCore) {
    // eps 2, min_points 4. The point at 0 has two core neighbours at exactly the same distance,
    // -2 (left cluster: core -2, borders -2.5 and -3) and 2 (right cluster: cores 2 .. 3.5), and
    // 3 neighbours with itself, so it is a border point; the tie goes to the core with the
    // smaller x, -2. Both clusters then have 4 points; the left one has the smaller smallest
    // core (-2 < 2), so it is numbered 0.
    const std::vector<Point> points{{0, 0}, {-2, 0}, {-2.5, 0}, {-3, 0}, {2, 0}, {2.5, 0}, {3, 0}, {3.5, 0}};
    DbscanParams params;
    params.eps = 2.0;
    params.min_points = 4;
    const DbscanResult r = dbscan(points, params);
    ASSERT_EQ(r.cluster_count, 2);
    EXPECT_EQ(r.roles[0], PointRole::border);
    EXPECT_EQ(r.roles[1], PointRole::core);
    EXPECT_EQ(r.roles[2], PointRole::border);
    EXPECT_EQ(r.roles[4], PointRole::core);
    EXPECT_EQ(r.labels[0], 0);
    EXPECT_EQ(r.labels[1], 0);
    EXPECT_EQ(r.labels[3], 0);
    EXPECT_EQ(r.labels[4], 1);
    EXPECT_EQ(r.labels[7], 1);
}

TEST(Dbscan, NumberedBySize) {
    // Three blobs of 3, 7 and 5 identical points far apart: numbered 7 -> 0, 5 -> 1, 3 -> 2.
    std::vector<Point> points;
    for (int i = 0; i < 3; ++i) points.push_back({0, 0});
    for (int i = 0; i < 7; ++i) points.push_back({100, 0});
    for (int i = 0; i < 5; ++i) points.push_back({0, 100});
    DbscanParams params;
    params.eps = 1.0;
    params.min_points = 2;
    const DbscanResult r = dbscan(points, params);
    ASSERT_EQ(r.cluster_count, 3);
    EXPECT_EQ(r.labels[0], 2);
    EXPECT_EQ(r.labels[3], 0);
    EXPECT_EQ(r.labels[10], 1);
}

TEST(Dbscan, SmallAndDegenerateInputs) {
    DbscanParams params;
    params.eps = 1.0;
    params.min_points = 1;
    const DbscanResult empty = dbscan({}, params);
    EXPECT_TRUE(empty.labels.empty());
    EXPECT_EQ(empty.cluster_count, 0);

    const std::vector<Point> one{{3, 4}};
    const DbscanResult single = dbscan(one, params);
    EXPECT_EQ(single.labels, (std::vector<std::int32_t>{0}));
    EXPECT_EQ(single.roles, (std::vector<PointRole>{PointRole::core}));

    params.min_points = 2;
    EXPECT_EQ(dbscan(one, params).labels, (std::vector<std::int32_t>{-1}));

    // All points identical: one cluster of everything when min_points <= n.
    const std::vector<Point> same(50, Point{1e6, -2e6});
    params.min_points = 50;
    const DbscanResult all = dbscan(same, params);
    EXPECT_EQ(all.cluster_count, 1);
    EXPECT_TRUE(std::all_of(all.labels.begin(), all.labels.end(), [](std::int32_t l) { return l == 0; }));
    params.min_points = 51;
    EXPECT_EQ(dbscan(same, params).cluster_count, 0);

    // Zero weights: a point can be core thanks to its neighbours' weight, not its own.
    const std::vector<Point> two{{0, 0}, {0.5, 0}};
    const std::vector<double> weights{0.0, 2.0};
    params.min_points = 2;
    params.weights = weights;
    const DbscanResult weighted = dbscan(two, params);
    EXPECT_EQ(weighted.roles, (std::vector<PointRole>{PointRole::core, PointRole::core}));
}

TEST(Dbscan, LargerClusteredInputMatchesBruteForce) {
    // Enough points per cell that dense cells and the "whole cell" shortcuts dominate.
    std::mt19937_64 rng(3);
    Case c;
    c.name = "dense";
    c.points = clustered_points(rng, 4000, 2000.0, 8, 30.0);
    c.eps = 15.0;
    c.min_points = 6;
    check_case(c, rng);
}

TEST(Dbscan, ReportsProgress) {
    std::mt19937_64 rng(5);
    const auto points = clustered_points(rng, 20000, 5000.0, 10, 50.0);
    std::vector<double> seen;
    DbscanParams params;
    params.eps = 20.0;
    params.min_points = 5;
    params.progress = [&seen](double f) { seen.push_back(f); };
    dbscan(points, params);
    ASSERT_GE(seen.size(), 10u);
    EXPECT_LE(seen.size(), 400u);  // rarely: about every 1%
    EXPECT_DOUBLE_EQ(seen.front(), 0.0);
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](double f) { return f >= 0.0 && f <= 1.0; }));
}

TEST(Dbscan, RejectsInvalidParameters) {
    const std::vector<Point> points{{0, 0}, {1, 1}};
    auto run = [&points](auto&& tweak) {
        DbscanParams params;
        params.eps = 1.0;
        params.min_points = 2;
        tweak(params);
        (void)dbscan(points, params);
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (const double eps : {0.0, -1.0, nan, inf}) {
        EXPECT_THROW(run([eps](DbscanParams& p) { p.eps = eps; }), UsageError) << eps;
    }
    for (const double m : {0.0, -3.0, nan, inf}) {
        EXPECT_THROW(run([m](DbscanParams& p) { p.min_points = m; }), UsageError) << m;
    }
    const std::vector<double> one_weight{1.0};
    EXPECT_THROW(run([&](DbscanParams& p) { p.weights = one_weight; }), UsageError);
    const std::vector<double> negative{1.0, -0.5};
    EXPECT_THROW(run([&](DbscanParams& p) { p.weights = negative; }), UsageError);
    const std::vector<double> not_finite{1.0, nan};
    EXPECT_THROW(run([&](DbscanParams& p) { p.weights = not_finite; }), UsageError);
    const std::vector<std::int64_t> three_times{1, 2, 3};
    EXPECT_THROW(run([&](DbscanParams& p) {
                     p.times = three_times;
                     p.time_window = 5;
                 }),
                 UsageError);
    EXPECT_THROW(run([](DbscanParams& p) { p.time_window = 5; }), UsageError);  // no times
    const std::vector<std::int64_t> two_times{1, 2};
    EXPECT_THROW(run([&](DbscanParams& p) {
                     p.times = two_times;
                     p.time_window = -1;
                 }),
                 UsageError);
    // A non-finite coordinate.
    const std::vector<Point> bad{{0, 0}, {nan, 1}};
    DbscanParams params;
    params.eps = 1.0;
    params.min_points = 1;
    EXPECT_THROW(dbscan(bad, params), UsageError);
    // eps far below what the coordinates can resolve.
    const std::vector<Point> far{{1e7, 1e7}, {1e7 + 1, 1e7}};
    params.eps = 1e-9;
    EXPECT_THROW(dbscan(far, params), UsageError);
    // The message says what is wrong.
    try {
        run([](DbscanParams& p) { p.eps = -2.0; });
        FAIL() << "no exception";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("eps"), std::string::npos) << e.what();
    }
}
