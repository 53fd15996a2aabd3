// Walking areas, side by side in one run on the same stops: for the first N stops, the thread
// CPU time of
//   - network::walking_area: the union of the reached segments' corridors traced on a grid (a
//     sixth of the buffer; network/detail/corridor_union.hpp), and the same at an eighth, a
//     twelfth and a fifth,
//   - the method it replaced (until 2026-12-07): the reached pieces joined into trails, each trail
//     buffered by GEOS (round caps and joins, 4 segments per quarter circle), the corridors
//     united in one GEOSUnaryUnion,
// and how each differs from a near-exact buffer, the previous method with 64 segments per quarter
// circle (chords at most 25 (1 - cos(pi / 256)) = 2 mm inside the arcs): largest relative area
// difference, largest symmetric difference (GEOS), how far the middle of an edge of the polygon
// lies outside and inside the reference (a chord cutting a concave corner of the buffer lies
// outside, one cutting an arc inside), vertices per area, polygons GEOS finds invalid. Data: bench/nearby_scale.py's (bench/out/nearby_scale/*.gpkg), or
// any directory holding walkways.gpkg and stops.gpkg (DIR=...), e.g. the Helsinki extract:
//
//   ogr2ogr -f GPKG /tmp/hel/walkways.gpkg ../shared/data/helsinki/helsinki.osm.pbf lines
//   (cd /tmp/hel && unzip -o ../../work/shared/data/helsinki/hsl-gtfs.zip stops.txt)
//   ogr2ogr -f GPKG /tmp/hel/stops.gpkg CSV:/tmp/hel/stops.txt -oo X_POSSIBLE_NAMES=stop_lon \
//     -oo Y_POSSIBLE_NAMES=stop_lat -a_srs EPSG:4326
//
//   B=build; c++ -O2 -std=c++20 -Ilib/include -Ilib/src -isystem /usr/include/gdal \
//     -isystem /usr/include/geos bench/nearby_areas.cpp $B/lib/libtrygg.a -lgdal -lgeos_c -lproj \
//     -lsqlite3 -lcairo -o $B/nearby_areas && [DIR=/tmp/hel/] $B/nearby_areas [STOPS=50]
//
// BUFFER_M=... sets the buffer (default 25 m). TIME_ONLY=1 times only walking_area (GRID_M=...
// sets its grid spacing), on every stop asked for, without comparisons.
//
// The Clipper and face-formulation variants measured on 2026-12-07 (bench/README.md) are in this
// file as of commit d0fb519.
#include <geos_c.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "geometry/detail/geos_convert.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/network/nearby_job.hpp"
#include "trygg/network/snapping.hpp"
#include "trygg/network/walking_area.hpp"

using namespace trygg;
namespace gd = geometry::detail;

namespace {
// CPU time of this thread: wall time is meaningless on a machine shared with other builds.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}


// One end of a reached piece that lies on a graph node (a piece cut short by the limit has an
// end in the middle of its edge, which joins nothing).
struct NodeEnd {
    std::size_t piece;
    bool at_start;      // the start of the piece's geometry (else its end)
    double dx, dy;      // unit direction leaving the node along the piece
};

// Pairs the piece ends at one node so trails run as straight as possible through it: repeatedly
// the two ends whose directions are most nearly opposite. Any pairing gives the same buffer
// (round joins make the buffer of a trail the union of its segments' buffers); straight pairs
// keep the trails' offset curves simple, which is what makes GEOS fast.
// Greedy pairing is cubic in the node's degree; past `greedy_limit` ends (never at a street
// junction) the ends are paired in order, which gives the same buffer.
void pair_at_node(const std::vector<NodeEnd>& ends, std::vector<std::array<std::ptrdiff_t, 2>>& next) {
    constexpr std::size_t greedy_limit = 24;
    auto join = [&next](const NodeEnd& x, const NodeEnd& y) {
        next[x.piece][x.at_start ? 0 : 1] = static_cast<std::ptrdiff_t>(2 * y.piece + (y.at_start ? 0 : 1));
        next[y.piece][y.at_start ? 0 : 1] = static_cast<std::ptrdiff_t>(2 * x.piece + (x.at_start ? 0 : 1));
    };
    if (ends.size() > greedy_limit) {
        for (std::size_t i = 0; i + 1 < ends.size(); i += 2) join(ends[i], ends[i + 1]);
        return;
    }
    std::vector<bool> used(ends.size(), false);
    for (std::size_t round = 0; round + 1 < ends.size(); round += 2) {
        double best = std::numeric_limits<double>::infinity();
        std::size_t a = 0, b = 0;
        for (std::size_t i = 0; i < ends.size(); ++i) {
            if (used[i]) continue;
            for (std::size_t j = i + 1; j < ends.size(); ++j) {
                if (used[j]) continue;
                const double dot = ends[i].dx * ends[j].dx + ends[i].dy * ends[j].dy;
                if (dot < best) {
                    best = dot;
                    a = i;
                    b = j;
                }
            }
        }
        used[a] = used[b] = true;
        join(ends[a], ends[b]);
    }
}

// The pieces joined into trails that run through the graph's nodes: every piece's geometry
// appears in exactly one trail, once. Pieces of zero length are left out.
model::MultiLineString reached_trails(const network::WalkGraph& graph, std::span<const network::EdgePiece> pieces) {
    // The pieces' geometries; a piece of zero length is a point the neighbouring pieces cover.
    std::vector<model::LineString> lines;
    std::vector<std::array<network::NodeId, 2>> node_of;   // node at each end, or none
    constexpr network::NodeId none = std::numeric_limits<network::NodeId>::max();
    for (const network::EdgePiece& p : pieces) {
        const network::WalkEdge& e = graph.edge(p.edge);
        model::LineString line = network::edge_piece(e, p.from_m, p.to_m);
        if (line.size() < 2 || (line.size() == 2 && line.front() == line.back())) continue;
        // The piece touches a node when it starts at the edge's start or ends at its end (the
        // search reports whole edges as [0, length]).
        const double tolerance = 1e-9 * std::max(1.0, e.length_m);
        node_of.push_back({p.from_m <= tolerance ? e.from : none, p.to_m >= e.length_m - tolerance ? e.to : none});
        lines.push_back(std::move(line));
    }

    // Ends per node, paired at each node.
    std::vector<std::pair<network::NodeId, NodeEnd>> ends;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        for (int side = 0; side < 2; ++side) {
            const network::NodeId n = node_of[i][static_cast<std::size_t>(side)];
            if (n == none) continue;
            const model::Point& at = side == 0 ? l[0] : l[l.size() - 1];
            const model::Point& toward = side == 0 ? l[1] : l[l.size() - 2];
            double dx = toward.x - at.x, dy = toward.y - at.y;
            const double len = std::hypot(dx, dy);
            if (len > 0) dx /= len, dy /= len;
            ends.push_back({n, NodeEnd{i, side == 0, dx, dy}});
        }
    }
    std::stable_sort(ends.begin(), ends.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // next[piece][end]: 2 * other piece + other end, or -1 (a trail ends there).
    std::vector<std::array<std::ptrdiff_t, 2>> next(lines.size(), {-1, -1});
    std::vector<NodeEnd> at_node;
    for (std::size_t i = 0; i < ends.size();) {
        std::size_t j = i;
        at_node.clear();
        for (; j < ends.size() && ends[j].first == ends[i].first; ++j) at_node.push_back(ends[j].second);
        pair_at_node(at_node, next);
        i = j;
    }

    // Walk the trails: first from every free end, then the closed loops that remain.
    model::MultiLineString trails;
    std::vector<bool> done(lines.size(), false);
    auto walk = [&](std::size_t piece, int entry_side) {
        model::LineString trail;
        for (;;) {
            done[piece] = true;
            const auto& l = lines[piece];
            if (entry_side == 0) trail.insert(trail.end(), l.begin() + (trail.empty() ? 0 : 1), l.end());
            else trail.insert(trail.end(), l.rbegin() + (trail.empty() ? 0 : 1), l.rend());
            const std::ptrdiff_t to = next[piece][static_cast<std::size_t>(1 - entry_side)];
            if (to < 0) break;
            const auto other = static_cast<std::size_t>(to) / 2;
            if (done[other]) break;
            piece = other;
            entry_side = static_cast<int>(static_cast<std::size_t>(to) % 2);
        }
        trails.push_back(std::move(trail));
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (done[i]) continue;
        if (next[i][0] < 0) walk(i, 0);
        else if (next[i][1] < 0) walk(i, 1);
    }
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!done[i]) walk(i, 0);
    return trails;
}

// The previous walking area: each trail buffered alone by GEOS, then one cascaded union.
model::MultiPolygon geos_area(const gd::GeosContext& ctx, const model::MultiLineString& lines, double buffer_m,
                              int quadrant_segments) {
    struct ParamsDeleter {
        GEOSContextHandle_t handle;
        void operator()(GEOSBufferParams* p) const noexcept { GEOSBufferParams_destroy_r(handle, p); }
    };
    const std::unique_ptr<GEOSBufferParams, ParamsDeleter> params(GEOSBufferParams_create_r(ctx.get()),
                                                                  ParamsDeleter{ctx.get()});
    GEOSBufferParams_setEndCapStyle_r(ctx.get(), params.get(), GEOSBUF_CAP_ROUND);
    GEOSBufferParams_setJoinStyle_r(ctx.get(), params.get(), GEOSBUF_JOIN_ROUND);
    GEOSBufferParams_setQuadrantSegments_r(ctx.get(), params.get(), quadrant_segments);
    std::vector<gd::GeomPtr> corridors;
    for (const auto& line : lines) {
        const gd::GeomPtr g = gd::to_geos(ctx, line);
        corridors.push_back(gd::own(ctx, GEOSBufferWithParams_r(ctx.get(), g.get(), params.get(), buffer_m), "buffer"));
    }
    const gd::GeomPtr all = gd::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(corridors));
    const gd::GeomPtr united = gd::own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "union");
    return gd::to_multipolygon(ctx, united.get());
}

double area_of(const gd::GeosContext& ctx, const GEOSGeometry* g) {
    double a = 0;
    if (!GEOSArea_r(ctx.get(), g, &a)) ctx.fail("area");
    return a;
}

std::size_t vertices(const model::MultiPolygon& mp) {
    std::size_t n = 0;
    for (const auto& p : mp) {
        n += p.outer.size();
        for (const auto& h : p.holes) n += h.size();
    }
    return n;
}

struct Method {
    std::string name;
    std::function<model::MultiPolygon(std::span<const network::EdgePiece> pieces, const model::MultiLineString& leg)> build;
    double cpu_s = 0, slowest_s = 0, worst_area = 0, worst_sym = 0, worst_sym_m2 = 0, worst_in = 0, worst_out = 0,
           vertices = 0;
    std::size_t invalid = 0;
};
}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 50;
    const std::string dir = std::getenv("DIR") ? std::getenv("DIR") : "bench/out/nearby_scale/";
    io::ReadOptions read;
    model::Layer walkways = io::read_layer_as(dir + "walkways.gpkg", model::Kind::walkways, read);
    model::Layer stops = io::read_layer_as(dir + "stops.gpkg", model::Kind::stops, read);
    model::Layer none;
    io::prepare_layers({&walkways, &stops}, "");
    if (stops.features.size() > n) stops.features.resize(n);
    const model::Layer* ways[] = {&walkways};
    network::NearbyJobOptions options;
    options.area_buffer_m = 0.0;
    options.threads = 1;
    auto job = network::run_nearby(ways, stops, none, options);
    // run_nearby keeps the reached pieces only with areas; search again keeping them.
    network::NearbyOptions search;
    search.limit_m = options.limit_m;
    job.results = network::find_nearby(job.build.graph, job.stop_access, {}, search, true);
    const gd::GeosContext ctx;
    const double buffer_m = std::getenv("BUFFER_M") ? std::atof(std::getenv("BUFFER_M")) : network::WalkingAreaOptions{}.buffer_m;
    const network::WalkGraph& graph = job.build.graph;
    auto trails_and_leg = [&graph](std::span<const network::EdgePiece> pieces, const model::MultiLineString& leg) {
        model::MultiLineString lines = reached_trails(graph, pieces);
        lines.push_back(leg.front());
        return lines;
    };

    // TIME_ONLY=1: only the default walking_area, no comparisons (a quick timing of every stop).
    if (std::getenv("TIME_ONLY")) {
        double cpu = 0, vertex_count = 0;
        std::size_t built = 0;
        for (std::size_t i = 0; i < stops.features.size(); ++i) {
            if (job.stop_access[i].empty()) continue;
            const model::MultiLineString leg{{std::get<model::Point>(stops.features[i].geometry), job.stop_access[i].front().on_network}};
            const double t0 = cpu_seconds();
            network::WalkingAreaOptions o;
            if (std::getenv("GRID_M")) o.grid_m = std::atof(std::getenv("GRID_M"));
            o.buffer_m = buffer_m;
            const model::MultiPolygon area = network::walking_area(graph, job.results[i].area, o, leg);
            cpu += cpu_seconds() - t0;
            vertex_count += static_cast<double>(vertices(area));
            ++built;
        }
        std::printf("walking_area: %zu stops, %.3f ms/stop (thread CPU), %.0f vertices/area\n", built,
                    1000 * cpu / static_cast<double>(built), vertex_count / static_cast<double>(built));
        return 0;
    }

    std::vector<Method> methods;
    for (const double fraction : {6.0, 8.0, 12.0, 5.0}) {
        network::WalkingAreaOptions o;
        o.buffer_m = buffer_m;
        o.grid_m = buffer_m / fraction;
        char name[96];
        std::snprintf(name, sizeof name, "%s, grid buffer / %.0f (%.2f m)",
                      fraction == 6.0 ? "walking_area (traced on a grid, the default)" : "traced", fraction, o.grid_m);
        methods.push_back({name, [&graph, o](auto pieces, const auto& leg) { return network::walking_area(graph, pieces, o, leg); }});
    }
    methods.push_back({"previous: GEOS, trails buffered alone (4 segments per quarter circle), united",
                       [&](auto pieces, const auto& leg) { return geos_area(ctx, trails_and_leg(pieces, leg), buffer_m, 4); }});

    double pieces = 0;
    std::size_t measured = 0;
    for (std::size_t i = 0; i < stops.features.size(); ++i) {
        if (job.stop_access[i].empty()) continue;
        const model::Point stop = std::get<model::Point>(stops.features[i].geometry);
        const model::MultiLineString leg{{stop, job.stop_access[i].front().on_network}};
        const auto exact = gd::to_geos(ctx, geos_area(ctx, trails_and_leg(job.results[i].area, leg), buffer_m, 64));
        const double exact_area = area_of(ctx, exact.get());
        const gd::GeomPtr exact_boundary = gd::own(ctx, GEOSBoundary_r(ctx.get(), exact.get()), "boundary");
        const GEOSPreparedGeometry* exact_prepared = GEOSPrepare_r(ctx.get(), exact.get());
        const GEOSPreparedGeometry* exact_boundary_prepared = GEOSPrepare_r(ctx.get(), exact_boundary.get());
        for (Method& m : methods) {
            const double t0 = cpu_seconds();
            const model::MultiPolygon area = m.build(job.results[i].area, leg);
            const double t = cpu_seconds() - t0;
            m.cpu_s += t;
            m.slowest_s = std::max(m.slowest_s, t);
            m.vertices += static_cast<double>(vertices(area));
            gd::GeomPtr g = gd::to_geos(ctx, area);
            const double a = area_of(ctx, g.get());
            m.invalid += GEOSisValid_r(ctx.get(), g.get()) != 1;
            const gd::GeomPtr sym = gd::own(ctx, GEOSSymDifference_r(ctx.get(), exact.get(), g.get()), "symmetric difference");
            const double sym_m2 = area_of(ctx, sym.get());
            m.worst_area = std::max(m.worst_area, std::abs(a - exact_area) / exact_area);
            m.worst_sym = std::max(m.worst_sym, sym_m2 / exact_area);
            m.worst_sym_m2 = std::max(m.worst_sym_m2, sym_m2);
            // How far the edges stray from the true boundary: the middle of every edge of the
            // polygon, its distance to the reference's boundary, outside or inside the reference.
            for (const auto& polygon : area) {
                std::vector<const model::Ring*> rings{&polygon.outer};
                for (const auto& h : polygon.holes) rings.push_back(&h);
                for (const model::Ring* ring : rings)
                    for (std::size_t v = 1; v < ring->size(); ++v) {
                        const model::Point mid{((*ring)[v - 1].x + (*ring)[v].x) / 2, ((*ring)[v - 1].y + (*ring)[v].y) / 2};
                        const gd::GeomPtr pt = gd::own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), mid.x, mid.y), "point");
                        double d = 0;
                        GEOSPreparedDistance_r(ctx.get(), exact_boundary_prepared, pt.get(), &d);
                        if (GEOSPreparedContains_r(ctx.get(), exact_prepared, pt.get()) == 1) m.worst_in = std::max(m.worst_in, d);
                        else m.worst_out = std::max(m.worst_out, d);
                    }
            }
        }
        GEOSPreparedGeom_destroy_r(ctx.get(), exact_prepared);
        GEOSPreparedGeom_destroy_r(ctx.get(), exact_boundary_prepared);
        pieces += static_cast<double>(job.results[i].area.size());
        ++measured;
    }
    const double k = static_cast<double>(std::max<std::size_t>(measured, 1));
    std::printf("%zu stops with areas, %.0f reached pieces on average; thread CPU per stop; differences against a "
                "near-exact buffer (GEOS, 64 segments per quarter circle)\n",
                measured, pieces / k);
    std::printf("| method | ms/stop | slowest ms | previous / this | vertices/area | largest area diff | largest sym. diff "
                "(%% of area, m2) | edges' middles: farthest outside, inside (m) | invalid |\n|---|---|---|---|---|---|---|---|---|\n");
    for (const Method& m : methods)
        std::printf("| %s | %.2f | %.1f | %.1fx | %.0f | %.4f %% | %.4f %%, %.0f m2 | %.2f, %.2f | %zu |\n", m.name.c_str(),
                    1000 * m.cpu_s / k, 1000 * m.slowest_s, methods.back().cpu_s / m.cpu_s, m.vertices / k,
                    100 * m.worst_area, 100 * m.worst_sym, m.worst_sym_m2, m.worst_out, m.worst_in, m.invalid);
}
