#include "trygg/network/walking_area.hpp"

#include <geos_c.h>
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

TEST(WalkingArea, EqualsThePointsWithinTheBufferOfThePieces) {
    // The area against the definition, checked independently: a point is in the walking area
    // when its distance to the nearest reached piece is at most the buffer. Brute force over
    // every piece segment at 2,500 sample points; points within 0.6 m of the boundary are skipped
    // (the traced polygon's chords lie at most 0.17 m inside an arc; its concave corners are
    // checked in AgreesWithTheExactBufferOnRandomScenes).
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

namespace {

struct Segments {
    std::vector<std::pair<Point, Point>> all;
    double distance(Point p) const {
        double d = 1e18;
        for (const auto& [a, b] : all) d = std::min(d, segment_distance(p, a, b));
        return d;
    }
};

Segments segments_of(const trygg::network::WalkGraph& graph, const std::vector<trygg::network::EdgePiece>& pieces,
                     const trygg::model::MultiLineString& extra = {}) {
    Segments out;
    auto add = [&out](const trygg::model::LineString& line) {
        for (std::size_t k = 1; k < line.size(); ++k) out.all.emplace_back(line[k - 1], line[k]);
    };
    for (const auto& piece : pieces) add(trygg::network::edge_piece(graph.edge(piece.edge), piece.from_m, piece.to_m));
    for (const auto& line : extra) add(line);
    return out;
}

// Every edge of the graph, whole.
std::vector<trygg::network::EdgePiece> whole_edges(const trygg::network::WalkGraph& g) {
    std::vector<trygg::network::EdgePiece> pieces;
    for (trygg::network::EdgeId e = 0; e < g.edge_count(); ++e) pieces.push_back({e, 0.0, g.edge(e).length_m});
    return pieces;
}

// The reference: GEOS buffers of every segment with 64 segments per quarter circle (chords at
// most 25 (1 - cos(pi / 256)) = 2 mm inside the arcs), united; its area, and GEOS's view of the
// traced polygon (OGC validity, area, symmetric difference with the reference).
struct Reference {
    GEOSContextHandle_t ctx = GEOS_init_r();
    ~Reference() { GEOS_finish_r(ctx); }

    GEOSGeometry* ring(const trygg::model::Ring& r) const {
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(r.size()), 2);
        for (std::size_t i = 0; i < r.size(); ++i) GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), r[i].x, r[i].y);
        return GEOSGeom_createLinearRing_r(ctx, seq);
    }
    GEOSGeometry* geometry(const trygg::model::MultiPolygon& mp) const {
        std::vector<GEOSGeometry*> polygons;
        for (const auto& p : mp) {
            std::vector<GEOSGeometry*> holes;
            for (const auto& h : p.holes) holes.push_back(ring(h));
            polygons.push_back(GEOSGeom_createPolygon_r(ctx, ring(p.outer), holes.data(), static_cast<unsigned>(holes.size())));
        }
        return GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polygons.data(), static_cast<unsigned>(polygons.size()));
    }
    GEOSGeometry* exact(const Segments& segments, double radius) const {
        std::vector<GEOSGeometry*> corridors;
        for (const auto& [a, b] : segments.all) {
            GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, 2, 2);
            GEOSCoordSeq_setXY_r(ctx, seq, 0, a.x, a.y);
            GEOSCoordSeq_setXY_r(ctx, seq, 1, b.x, b.y);
            GEOSGeometry* line = GEOSGeom_createLineString_r(ctx, seq);
            corridors.push_back(GEOSBuffer_r(ctx, line, radius, 64));
            GEOSGeom_destroy_r(ctx, line);
        }
        GEOSGeometry* all = GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, corridors.data(),
                                                        static_cast<unsigned>(corridors.size()));
        GEOSGeometry* united = GEOSUnaryUnion_r(ctx, all);
        GEOSGeom_destroy_r(ctx, all);
        return united;
    }
    double area(const GEOSGeometry* g) const {
        double a = 0;
        GEOSArea_r(ctx, g, &a);
        return a;
    }
};

}  // namespace

TEST(WalkingArea, EveryVertexLiesOnTheBufferBoundary) {
    // The traced polygon's vertices are where the boundary crosses grid lines, computed exactly:
    // each is the buffer distance from the nearest piece (to float rounding of the fraction).
    const GridCase g = grid_case();
    const trygg::model::MultiLineString leg{{{271, 268}, {275, 275}}};
    const auto area = trygg::network::walking_area(g.graph, g.pieces, {}, leg);
    const Segments segments = segments_of(g.graph, g.pieces, leg);
    std::size_t vertices = 0;
    double worst = 0.0;
    for (const auto& polygon : area) {
        std::vector<const trygg::model::Ring*> rings{&polygon.outer};
        for (const auto& h : polygon.holes) rings.push_back(&h);
        for (const auto* ring : rings)
            for (const Point& p : *ring) {
                worst = std::max(worst, std::abs(segments.distance(p) - 25.0));
                ++vertices;
            }
    }
    EXPECT_GT(vertices, 500u);
    EXPECT_LT(worst, 1e-4) << "a vertex off the true boundary";
}

TEST(WalkingArea, AgreesWithTheExactBufferOnRandomScenes) {
    // Random scenes: segments and bent polylines, some crossing, a duplicate, a zero-length one,
    // sometimes two far-apart clusters (two polygons). Against GEOS's near-exact buffer: the
    // polygons are valid, the areas agree within 0.5 %, and every sample point farther than
    // 2.8 m from the boundary (the concave corners a chord cuts: at most ~2/3 of the 4.17 m grid)
    // is on the right side.
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(0, 1);
    const Reference ref;
    double worst_area = 0.0;
    std::size_t multi = 0, with_holes = 0;
    for (int scene = 0; scene < 40; ++scene) {
        std::vector<trygg::model::LineString> lines;
        const int n = 3 + static_cast<int>(u(rng) * 12);
        const bool two_clusters = scene % 4 == 0;
        for (int k = 0; k < n; ++k) {
            const double shift = two_clusters && k % 2 ? 1000.0 : 0.0;
            Point a{shift + u(rng) * 300, u(rng) * 300};
            trygg::model::LineString line{a};
            const int bends = 1 + static_cast<int>(u(rng) * 3);
            for (int b = 0; b < bends; ++b) {
                a = {a.x + (u(rng) - 0.5) * 160, a.y + (u(rng) - 0.5) * 160};
                line.push_back(a);
            }
            lines.push_back(line);
        }
        lines.push_back(lines.front());                        // a duplicate
        lines.push_back({lines[1].front(), lines[1].front()});  // zero length
        const auto graph = trygg::test::graph_of(lines);
        const auto pieces = whole_edges(graph);
        const auto area = trygg::network::walking_area(graph, pieces);
        ASSERT_FALSE(area.empty());
        multi += area.size() > 1;
        for (const auto& p : area) with_holes += !p.holes.empty();

        GEOSGeometry* traced = ref.geometry(area);
        EXPECT_EQ(GEOSisValid_r(ref.ctx, traced), 1) << "scene " << scene;
        const Segments segments = segments_of(graph, pieces);
        GEOSGeometry* exact = ref.exact(segments, 25.0);
        const double a = ref.area(traced), e = ref.area(exact);
        worst_area = std::max(worst_area, std::abs(a - e) / e);
        EXPECT_NEAR(a, e, 0.005 * e) << "scene " << scene;
        GEOSGeom_destroy_r(ref.ctx, traced);
        GEOSGeom_destroy_r(ref.ctx, exact);

        const auto shape = trygg::index::to_boost(area);
        for (int k = 0; k < 300; ++k) {
            const Point p{(two_clusters && k % 2 ? 1000.0 : 0.0) - 120 + u(rng) * 540, -120 + u(rng) * 540};
            const double d = segments.distance(p);
            if (std::abs(d - 25.0) < 2.8) continue;
            EXPECT_EQ(boost::geometry::covered_by(p, shape), d < 25.0) << "scene " << scene << " at " << p.x << " " << p.y;
        }
    }
    EXPECT_GT(multi, 5u);       // the two-cluster scenes give two polygons
    EXPECT_GT(with_holes, 5u);  // crossing paths enclose holes
    std::printf("largest area difference against GEOS's near-exact buffer: %.3f %%\n", 100 * worst_area);
}

TEST(WalkingArea, AnIslandInAHoleIsAPolygonOfItsOwn) {
    // A square ring path (300 m sides) around a short path in the middle that does not touch it:
    // the ring's area has one hole, and the middle path's corridor is a second polygon inside it.
    const auto g = trygg::test::graph_of({{{0, 0}, {300, 0}, {300, 300}, {0, 300}, {0, 0}}, {{140, 150}, {160, 150}}});
    const auto area = trygg::network::walking_area(g, whole_edges(g));
    ASSERT_EQ(area.size(), 2u);
    const auto& ring = area[0].holes.empty() ? area[1] : area[0];
    const auto& island = area[0].holes.empty() ? area[0] : area[1];
    ASSERT_EQ(ring.holes.size(), 1u);
    EXPECT_TRUE(island.holes.empty());
    // The hole is the square 25 m in from the path (250 x 250 m, sharp corners: the concave
    // corners of the buffer); the island is 20 x 50 m plus two half discs.
    const auto hole = trygg::index::to_boost(trygg::model::MultiPolygon{{ring.holes[0], {}}});
    EXPECT_NEAR(std::abs(boost::geometry::area(hole)), 250.0 * 250.0, 0.002 * 250.0 * 250.0);
    const double island_area = boost::geometry::area(trygg::index::to_boost(trygg::model::MultiPolygon{island}));
    const double expected_island = 20.0 * 50.0 + 3.14159265358979 * 625.0;
    EXPECT_NEAR(island_area, expected_island, 0.005 * expected_island);
    for (const Point& p : island.outer) EXPECT_TRUE(boost::geometry::covered_by(p, hole));
    EXPECT_TRUE(boost::geometry::is_valid(trygg::index::to_boost(area)));
}

TEST(WalkingArea, AnAreaTooLargeForTheGridStillComesOutWhole) {
    // A 60 km diagonal path: the grid would need 200 million nodes at a sixth of 25 m, so its
    // spacing grows to keep within 4 million; the corridor still comes out as one valid polygon
    // of about the right area.
    const auto g = trygg::test::graph_of({{{0, 0}, {42426, 42426}}});
    const auto area = trygg::network::walking_area(g, whole_edges(g));
    ASSERT_EQ(area.size(), 1u);
    EXPECT_TRUE(boost::geometry::is_valid(trygg::index::to_boost(area)));
    const double expected = 60000.0 * 50.0 + 3.14159265358979 * 625.0;
    EXPECT_NEAR(boost::geometry::area(trygg::index::to_boost(area)), expected, 0.05 * expected);
}
