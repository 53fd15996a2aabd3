// Walking areas several ways, side by side in one run on the same stops: for the first N stops,
// the thread CPU time of
//   - one GEOS buffer of the whole collection of reached trails (the method until 2026-11-23 19:50),
//   - network::walking_area (each trail buffered alone by GEOS, then one cascaded union),
//   - Angus Johnson's Clipper 6.4.2 (Debian libpolyclipping-dev): all trails offset in one
//     ClipperOffset call (round joins and ends, integer millimetres around a local origin), at
//     the arc tolerance of GEOS's 4 segments per quarter circle and at 0.05 m (measured
//     2026-12-07 and rejected: bench/README.md "nearby at scale"),
// and how each polygon differs from walking_area's (largest relative area difference, largest
// symmetric difference by GEOS) and from a near-exact buffer (walking_area with 64 segments per
// quarter circle: chords at most 25 * (1 - cos(pi / 256)) = 2 mm inside the arcs). Data:
// bench/nearby_scale.py's (bench/out/nearby_scale/*.gpkg), or any directory holding
// walkways.gpkg and stops.gpkg (DIR=...), e.g. the Helsinki extract:
//
//   ogr2ogr -f GPKG /tmp/hel/walkways.gpkg ../shared/data/helsinki/helsinki.osm.pbf lines
//   (cd /tmp/hel && unzip -o ../../work/shared/data/helsinki/hsl-gtfs.zip stops.txt)
//   ogr2ogr -f GPKG /tmp/hel/stops.gpkg CSV:/tmp/hel/stops.txt -oo X_POSSIBLE_NAMES=stop_lon \
//     -oo Y_POSSIBLE_NAMES=stop_lat -a_srs EPSG:4326
//
//   B=build-net; c++ -O2 -std=c++20 -Ilib/include -Ilib/src -isystem /usr/include/gdal \
//     -isystem /usr/include/geos bench/nearby_areas.cpp $B/lib/libtrygg.a -lgdal -lgeos_c -lproj \
//     -lsqlite3 -lcairo -lpolyclipping -o $B/nearby_areas && [DIR=/tmp/hel/] $B/nearby_areas [STOPS=50]
//
// Without libpolyclipping-dev installed, drop -lpolyclipping: the Clipper rows are left out.
#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <numbers>
#include <span>
#include <string>
#include <vector>

#if __has_include(<polyclipping/clipper.hpp>)
#include <polyclipping/clipper.hpp>
#define TRYGG_BENCH_CLIPPER 1
#endif

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

// One GEOS buffer of the whole collection of lines.
model::MultiPolygon one_buffer(const gd::GeosContext& ctx, const model::MultiLineString& lines,
                               const network::WalkingAreaOptions& options) {
    const auto g = gd::to_geos(ctx, lines);
    const gd::GeomPtr b = gd::own(ctx, GEOSBuffer_r(ctx.get(), g.get(), options.buffer_m, options.quadrant_segments),
                                  "buffer the trails");
    return gd::to_multipolygon(ctx, b.get());
}

#ifdef TRYGG_BENCH_CLIPPER
// Clipper works on integers: millimetres from a local origin keep a stop's area (a few km
// across) far inside the range of its fast 64-bit arithmetic (2^30).
constexpr double clipper_scale = 1000.0;

model::Ring ring_of(const ClipperLib::Path& path, model::Point origin) {
    model::Ring ring;
    ring.reserve(path.size() + 1);
    for (const auto& q : path)
        ring.push_back({origin.x + static_cast<double>(q.X) / clipper_scale,
                        origin.y + static_cast<double>(q.Y) / clipper_scale});
    if (!ring.empty()) ring.push_back(ring.front());
    return ring;
}

// An outer ring of the PolyTree with its holes; islands inside holes are outers again.
void add_polygons(const ClipperLib::PolyNode& outer, model::Point origin, model::MultiPolygon& out) {
    model::Polygon polygon{ring_of(outer.Contour, origin), {}};
    for (const auto* hole : outer.Childs) {
        polygon.holes.push_back(ring_of(hole->Contour, origin));
        for (const auto* island : hole->Childs) add_polygons(*island, origin, out);
    }
    out.push_back(std::move(polygon));
}

// All lines offset in one ClipperOffset call: round joins and ends, arcs within
// `arc_tolerance_m` of the true circle (Clipper's documentation of ClipperOffset::ArcTolerance).
model::MultiPolygon clipper_buffer(const model::MultiLineString& lines, double buffer_m, double arc_tolerance_m) {
    const model::Point origin{std::round(lines.front().front().x), std::round(lines.front().front().y)};
    ClipperLib::Paths paths;
    paths.reserve(lines.size());
    for (const auto& line : lines) {
        ClipperLib::Path path;
        path.reserve(line.size());
        for (const auto& p : line)
            path.emplace_back(std::llround((p.x - origin.x) * clipper_scale), std::llround((p.y - origin.y) * clipper_scale));
        paths.push_back(std::move(path));
    }
    ClipperLib::ClipperOffset offset;
    offset.ArcTolerance = arc_tolerance_m * clipper_scale;
    offset.AddPaths(paths, ClipperLib::jtRound, ClipperLib::etOpenRound);
    ClipperLib::PolyTree tree;
    offset.Execute(tree, buffer_m * clipper_scale);
    model::MultiPolygon out;
    for (const auto* node : tree.Childs) add_polygons(*node, origin, out);
    return out;
}
#endif

// One way of building a stop's area from its trails and leg, and what it measured.
struct Method {
    std::string name;
    std::function<model::MultiPolygon(std::span<const network::EdgePiece> pieces, const model::MultiLineString& leg)> build;
    double cpu_s = 0, slowest_s = 0, worst_area = 0, worst_sym = 0, worst_sym_m2 = 0, worst_short = 0;
    std::size_t invalid = 0;
};

double area_of(const gd::GeosContext& ctx, const GEOSGeometry* g) {
    double a = 0;
    if (!GEOSArea_r(ctx.get(), g, &a)) ctx.fail("area");
    return a;
}
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
    const network::WalkingAreaOptions area_options;
    network::WalkingAreaOptions exact_options = area_options;
    exact_options.quadrant_segments = 64;
    const network::WalkGraph& graph = job.build.graph;
    auto trails_and_leg = [&graph](std::span<const network::EdgePiece> pieces, const model::MultiLineString& leg) {
        model::MultiLineString lines = network::reached_trails(graph, pieces);
        lines.push_back(leg.front());
        return lines;
    };

    std::vector<Method> methods;
    methods.push_back({"walking_area (GEOS, trails buffered alone, united)",
                       [&](auto pieces, const auto& leg) { return network::walking_area(graph, pieces, area_options, leg); }});
    methods.push_back({"GEOS, one buffer of all trails",
                       [&](auto pieces, const auto& leg) { return one_buffer(ctx, trails_and_leg(pieces, leg), area_options); }});
#ifdef TRYGG_BENCH_CLIPPER
    // The arc tolerance of GEOS's quadrant segments: the largest gap between a chord and its arc.
    const double geos_tolerance =
        area_options.buffer_m * (1 - std::cos(std::numbers::pi / (4.0 * area_options.quadrant_segments)));
    for (const double tolerance : {geos_tolerance, 0.05}) {
        char name[96];
        std::snprintf(name, sizeof name, "Clipper, one ClipperOffset, ArcTolerance %.3f m", tolerance);
        methods.push_back({name, [&, tolerance](auto pieces, const auto& leg) {
                               return clipper_buffer(trails_and_leg(pieces, leg), area_options.buffer_m, tolerance);
                           }});
    }
#endif

    double pieces = 0;
    std::size_t measured = 0;
    for (std::size_t i = 0; i < stops.features.size(); ++i) {
        if (job.stop_access[i].empty()) continue;
        const model::Point stop = std::get<model::Point>(stops.features[i].geometry);
        const model::MultiLineString leg{{stop, job.stop_access[i].front().on_network}};
        const auto exact = gd::to_geos(ctx, network::walking_area(graph, job.results[i].area, exact_options, leg));
        const double exact_area = area_of(ctx, exact.get());
        gd::GeomPtr current(nullptr, {ctx.get()});
        double current_area = 0;
        for (Method& m : methods) {
            const double t0 = cpu_seconds();
            const model::MultiPolygon area = m.build(job.results[i].area, leg);
            const double t = cpu_seconds() - t0;
            m.cpu_s += t;
            m.slowest_s = std::max(m.slowest_s, t);
            gd::GeomPtr g = gd::to_geos(ctx, area);
            const double a = area_of(ctx, g.get());
            m.invalid += GEOSisValid_r(ctx.get(), g.get()) != 1;
            m.worst_short = std::max(m.worst_short, (exact_area - a) / exact_area);
            if (!current) {
                current = std::move(g);
                current_area = a;
                continue;
            }
            const gd::GeomPtr sym = gd::own(ctx, GEOSSymDifference_r(ctx.get(), current.get(), g.get()), "symmetric difference");
            const double sym_m2 = area_of(ctx, sym.get());
            m.worst_area = std::max(m.worst_area, std::abs(a - current_area) / current_area);
            m.worst_sym = std::max(m.worst_sym, sym_m2 / current_area);
            m.worst_sym_m2 = std::max(m.worst_sym_m2, sym_m2);
        }
        pieces += static_cast<double>(job.results[i].area.size());
        ++measured;
    }
    const double k = static_cast<double>(std::max<std::size_t>(measured, 1));
    std::printf("%zu stops with areas, %.0f reached pieces on average; thread CPU per stop; differences against "
                "walking_area, shortfall against the near-exact buffer (64 segments per quarter circle)\n",
                measured, pieces / k);
    std::printf("| method | ms/stop | slowest ms | walking_area / this | largest area diff | largest sym. diff "
                "(%% of area, m2) | largest shortfall | invalid |\n|---|---|---|---|---|---|---|---|\n");
    for (const Method& m : methods)
        std::printf("| %s | %.1f | %.0f | %.2fx | %.4f %% | %.4f %%, %.0f m2 | %.3f %% | %zu |\n", m.name.c_str(),
                    1000 * m.cpu_s / k, 1000 * m.slowest_s, methods.front().cpu_s / m.cpu_s, 100 * m.worst_area,
                    100 * m.worst_sym, m.worst_sym_m2, 100 * m.worst_short, m.invalid);
}
