#include "trygg/network/walking_area.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include <boost/geometry.hpp>

#include "network/network_fixtures.hpp"
#include "trygg/index/boost_geometry.hpp"

using trygg::model::Point;

TEST(WalkingArea, CoversTheReachedNetworkAndNothingAcrossTheGap) {
    // Two parallel streets 60 m apart, joined only far away at x = 1000. From (0,0) with a
    // 300 m limit the walker covers x 0..300 on the lower street only.
    const auto g = trygg::test::graph_of({{{0, 0}, {1000, 0}}, {{1000, 0}, {1000, 60}}, {{1000, 60}, {0, 60}}});
    trygg::network::BoundedSearch search(g);
    const trygg::network::SearchSource source{{0, 0.0}, 0.0};
    search.run({&source, 1}, 300.0);
    const auto pieces = search.reached_pieces();
    trygg::network::WalkingAreaOptions options;
    options.buffer_m = 20;
    const auto area = trygg::network::walking_area(g, pieces, options);
    ASSERT_FALSE(area.empty());
    const auto shape = trygg::index::to_boost(area);
    EXPECT_TRUE(boost::geometry::covered_by(Point{150, 0}, shape));
    EXPECT_TRUE(boost::geometry::covered_by(Point{290, 15}, shape));
    EXPECT_FALSE(boost::geometry::covered_by(Point{150, 60}, shape));   // the other street
    EXPECT_FALSE(boost::geometry::covered_by(Point{330, 0}, shape));    // beyond the limit
    // Area of a 300 m corridor 40 m wide with round ends: 300 * 40 + pi * 20^2 (within the
    // polygonal approximation of the arcs).
    const double expected = 300.0 * 40.0 + 3.14159265358979 * 400.0;
    EXPECT_NEAR(boost::geometry::area(shape), expected, 0.02 * expected);
}

TEST(WalkingArea, NothingReachedNoArea) {
    const auto g = trygg::test::graph_of({{{0, 0}, {10, 0}}});
    EXPECT_TRUE(trygg::network::walking_area(g, {}, {}).empty());
}

namespace {

// Shortest distance from p to the segment ab (plain vector algebra, no library).
double segment_distance(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// A jittered street grid (spacing 50 m, like bench/nearby_scale.py) with some blocks missing
// and a diagonal path, searched from its middle with a limit that cuts many edges part-way.
struct GridCase {
    trygg::network::WalkGraph graph;
    std::vector<trygg::network::EdgePiece> pieces;
};

GridCase grid_case() {
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> jitter(-12, 12), u(0, 1);
    const int n = 12;
    std::vector<std::vector<Point>> c(n, std::vector<Point>(n));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) c[i][j] = {i * 50.0 + jitter(rng), j * 50.0 + jitter(rng)};
    std::vector<trygg::model::LineString> lines;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j + 1 < n; ++j) {
            if (u(rng) > 0.1) lines.push_back({c[i][j], c[i][j + 1]});
            if (u(rng) > 0.1) lines.push_back({c[j][i], c[j + 1][i]});
        }
    lines.push_back({c[2][2], {130, 140}, c[3][3]});
    GridCase out{trygg::test::graph_of(lines), {}};
    trygg::network::BoundedSearch search(out.graph);
    // Start on an edge near the middle: the edge whose midpoint is nearest (275, 275).
    double best = 1e18;
    trygg::network::EdgeId start = 0;
    for (trygg::network::EdgeId e = 0; e < out.graph.edge_count(); ++e) {
        const auto& g = out.graph.edge(e).geometry;
        const double d = std::hypot((g.front().x + g.back().x) / 2 - 275, (g.front().y + g.back().y) / 2 - 275);
        if (d < best) best = d, start = e;
    }
    const trygg::network::SearchSource from{{start, 10.0}, 0.0};
    search.run({&from, 1}, 230.0);
    out.pieces = search.reached_pieces();
    return out;
}

}  // namespace

TEST(WalkingArea, TrailsHoldEveryPieceOnce) {
    const GridCase g = grid_case();
    double pieces_length = 0.0;
    std::size_t partial = 0;
    for (const auto& p : g.pieces) {
        pieces_length += p.to_m - p.from_m;
        if (p.to_m - p.from_m < g.graph.edge(p.edge).length_m - 1e-9) ++partial;
    }
    ASSERT_GT(g.pieces.size(), 40u);
    ASSERT_GT(partial, 5u);  // the limit cuts edges part-way
    const auto trails = trygg::network::reached_trails(g.graph, g.pieces);
    double trails_length = 0.0;
    for (const auto& t : trails) trails_length += trygg::network::line_length(t);
    EXPECT_NEAR(trails_length, pieces_length, 1e-6 * pieces_length);
    // Joined: far fewer trails than pieces (each grid crossing passes two trails straight through).
    EXPECT_LT(trails.size() * 2, g.pieces.size());
    // Every vertex of a trail lies on a reached piece (nothing invented between pieces).
    for (const auto& t : trails)
        for (const Point& p : t) {
            double nearest = 1e18;
            for (const auto& piece : g.pieces) {
                const auto line = trygg::network::edge_piece(g.graph.edge(piece.edge), piece.from_m, piece.to_m);
                for (std::size_t k = 1; k < line.size(); ++k) nearest = std::min(nearest, segment_distance(p, line[k - 1], line[k]));
            }
            EXPECT_LT(nearest, 1e-6);
        }
}

TEST(WalkingArea, EqualsThePointsWithinTheBufferOfThePieces) {
    // The area (trails buffered by GEOS) against the definition, checked independently: a point
    // is in the walking area when its distance to the nearest reached piece is at most the
    // buffer. Brute force over every piece segment at 2,500 sample points; points within 0.6 m
    // of the boundary are skipped (GEOS approximates the arcs with 4 segments per quarter circle:
    // a chord is at most 25 * (1 - cos(pi / 16)) = 0.48 m inside the circle).
    const GridCase g = grid_case();
    trygg::network::WalkingAreaOptions options;
    options.buffer_m = 25.0;
    const auto area = trygg::network::walking_area(g.graph, g.pieces, options);
    ASSERT_FALSE(area.empty());
    const auto shape = trygg::index::to_boost(area);
    std::vector<std::pair<Point, Point>> segments;
    for (const auto& piece : g.pieces) {
        const auto line = trygg::network::edge_piece(g.graph.edge(piece.edge), piece.from_m, piece.to_m);
        for (std::size_t k = 1; k < line.size(); ++k) segments.emplace_back(line[k - 1], line[k]);
    }
    std::size_t checked = 0, inside = 0;
    for (int i = 0; i < 50; ++i)
        for (int j = 0; j < 50; ++j) {
            const Point p{-30 + i * 12.2, -30 + j * 12.2};
            double d = 1e18;
            for (const auto& [a, b] : segments) d = std::min(d, segment_distance(p, a, b));
            if (std::abs(d - 25.0) < 0.6) continue;
            ++checked;
            const bool expected = d < 25.0;
            inside += expected;
            EXPECT_EQ(boost::geometry::covered_by(p, shape), expected) << p.x << " " << p.y << " at " << d << " m";
        }
    EXPECT_GT(checked, 2000u);
    EXPECT_GT(inside, 300u);
    EXPECT_GT(checked - inside, 300u);
}

TEST(WalkingArea, CoincidentAndNearlyCoincidentLinesAddNothing) {
    // OSM often draws a way twice (a sidewalk over its street): extra lines lying exactly on, and
    // a micrometre beside, reached pieces must leave the area as it is (the case where one GEOS
    // buffer of the whole collection fell back to snap rounding).
    const GridCase g = grid_case();
    trygg::network::WalkingAreaOptions options;
    options.buffer_m = 25.0;
    const auto plain = trygg::network::walking_area(g.graph, g.pieces, options);
    trygg::model::MultiLineString extra;
    for (std::size_t k = 0; k < g.pieces.size(); k += 3) {
        auto line = trygg::network::edge_piece(g.graph.edge(g.pieces[k].edge), g.pieces[k].from_m, g.pieces[k].to_m);
        extra.push_back(line);
        for (auto& p : line) p.y += 1e-6;
        extra.push_back(line);
    }
    const auto doubled = trygg::network::walking_area(g.graph, g.pieces, options, extra);
    const double a = boost::geometry::area(trygg::index::to_boost(plain));
    const double b = boost::geometry::area(trygg::index::to_boost(doubled));
    ASSERT_GT(a, 100000.0);
    EXPECT_NEAR(b, a, 1e-4 * a);
    EXPECT_TRUE(boost::geometry::is_valid(trygg::index::to_boost(doubled)));
}
