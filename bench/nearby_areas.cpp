// Walking areas several ways, side by side in one run on the same stops: for the first N stops,
// the thread CPU time of
//   - one GEOS buffer of the whole collection of reached trails (the method until 2026-11-23 19:50),
//   - network::walking_area (each trail buffered alone by GEOS, then one cascaded union),
//   - Angus Johnson's Clipper 6.4.2 (Debian libpolyclipping-dev): all trails offset in one
//     ClipperOffset call (round joins and ends, integer millimetres around a local origin), at
//     the arc tolerance of GEOS's 4 segments per quarter circle and at 0.05 m (measured
//     2026-12-07 and rejected: bench/README.md "nearby at scale"),
//   - the face formulation (face_area below: polygonize the reached lines, buffer the faces'
//     union and the lines on no face, take out the faces' eroded cores), put together four
//     ways, with its CPU time split into steps (measured 2026-12-07 and rejected, same section),
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

// The face formulation (issue 5, measured 2026-12-07 and rejected; bench/README.md "nearby at
// scale"). The reached lines R (noded) cut the plane into faces. Inside a face F the nearest
// point of R lies on F's boundary or on a line of R inside F (a segment to any other line leaves
// F through its boundary first), so the part of F NOT in the area is its core: erode(F, d) minus
// the buffer of the lines inside F. Outside the faces only their union (Fill) and the lines on
// no face's boundary (dangles and cut edges, E) matter. Hence
//   area = (buffer(Fill, d) ∪ buffer(E, d)) minus every core,
// where the cores lie inside Fill, more than d from its boundary. A core may be cut by the buffers
// of any lines of E near it: a line outside F is more than d from F's core and takes nothing.
struct FaceSteps {
    double node = 0, polygonize = 0, fill = 0, erode = 0, e_buffer = 0, fill_buffer = 0, outer = 0, cores_minus_e = 0,
           overlay = 0;
    double faces = 0, cores = 0, e_lines = 0, e_inside = 0;
    std::size_t fallbacks = 0;  // final overlay by GEOSDifference although holes were asked for
};

// How the pieces are put together (all exact). buffer(Fill) ∪ buffer(E) as one GEOS buffer of
// the collection {Fill, E}, or as Fill's buffer and E's lines buffered one by one, united in one
// cascaded union or E's corridors first. Then `holes`: the cores become holes of that one
// polygon (R is connected, so the union is one polygon and Fill has no hole), else one
// GEOSDifference.
struct FaceVariant {
    enum Outer { one_buffer, one_union, e_united_first } outer;
    bool holes;
};

// Parts of a GEOS collection, cloned (a collection owns its parts).
std::vector<gd::GeomPtr> parts_of(const gd::GeosContext& ctx, const GEOSGeometry* g) {
    std::vector<gd::GeomPtr> out;
    const int n = GEOSGetNumGeometries_r(ctx.get(), g);
    for (int i = 0; i < n; ++i)
        out.push_back(gd::own(ctx, GEOSGeom_clone_r(ctx.get(), GEOSGetGeometryN_r(ctx.get(), g, i)), "clone"));
    return out;
}

struct StrTreeDeleter {
    GEOSContextHandle_t handle;
    void operator()(GEOSSTRtree* t) const noexcept { GEOSSTRtree_destroy_r(handle, t); }
};

model::MultiPolygon face_area(const gd::GeosContext& ctx, const model::MultiLineString& lines,
                              const network::WalkingAreaOptions& options, FaceVariant variant, FaceSteps& steps) {
    GEOSContextHandle_t h = ctx.get();
    const double d = options.buffer_m;
    const int quadsegs = options.quadrant_segments;
    double t = cpu_seconds();
    auto lap = [&t](double& into) {
        const double now = cpu_seconds();
        into += now - t;
        t = now;
    };
    // 1. Node (OSM ways cross at bridges without a shared vertex) and polygonize.
    const gd::GeomPtr r = gd::to_geos(ctx, lines);
    const gd::GeomPtr noded = gd::own(ctx, GEOSNode_r(h, r.get()), "node the reached lines");
    lap(steps.node);
    GEOSGeometry *cuts = nullptr, *dangles = nullptr, *invalid = nullptr;
    const gd::GeomPtr faces = gd::own(ctx, GEOSPolygonize_full_r(h, noded.get(), &cuts, &dangles, &invalid), "polygonize");
    const gd::GeomPtr cuts_p = gd::own(ctx, cuts, "cut edges"), dangles_p = gd::own(ctx, dangles, "dangles"),
                      invalid_p = gd::own(ctx, invalid, "invalid rings");
    if (GEOSGetNumGeometries_r(h, invalid_p.get()) > 0) ctx.fail("polygonize found invalid rings");
    std::vector<gd::GeomPtr> e = parts_of(ctx, cuts_p.get());
    for (auto& g : parts_of(ctx, dangles_p.get())) e.push_back(std::move(g));
    lap(steps.polygonize);
    // 2. Fill: the faces share their edges exactly, so a coverage union dissolves them. E split
    // into the lines inside Fill and the others by the point at half a line's length (noded: a
    // line's interior meets no other line, so it lies inside one face or outside all). The
    // buffer of a line inside a face F lies in buffer(Fill) (a point outside F within d of it is
    // within d of F's boundary), so those lines matter only for F's core.
    const gd::GeomPtr fill = gd::own(ctx, GEOSCoverageUnion_r(h, faces.get()), "coverage union of the faces");
    const gd::PreparedPtr fill_prepared = gd::prepare(ctx, fill.get());
    std::vector<gd::GeomPtr> e_inside, e_outside;
    for (auto& line : e) {
        const gd::GeomPtr half = gd::own(ctx, GEOSInterpolateNormalized_r(h, line.get(), 0.5), "point on a line of E");
        const bool inside = GEOSPreparedIntersects_r(h, fill_prepared.get(), half.get()) == 1;
        (inside ? e_inside : e_outside).push_back(std::move(line));
    }
    lap(steps.fill);
    // 3. Each face eroded; a face no wider than 2d in x or y has no core.
    std::vector<gd::GeomPtr> cores;
    const int nf = GEOSGetNumGeometries_r(h, faces.get());
    for (int i = 0; i < nf; ++i) {
        const GEOSGeometry* f = GEOSGetGeometryN_r(h, faces.get(), i);
        double x0, y0, x1, y1;
        if (!GEOSGeom_getXMin_r(h, f, &x0) || !GEOSGeom_getYMin_r(h, f, &y0) || !GEOSGeom_getXMax_r(h, f, &x1) ||
            !GEOSGeom_getYMax_r(h, f, &y1))
            ctx.fail("face envelope");
        if (x1 - x0 <= 2 * d || y1 - y0 <= 2 * d) continue;
        gd::GeomPtr core = gd::own(ctx, GEOSBuffer_r(h, f, -d, quadsegs), "erode a face");
        if (!GEOSisEmpty_r(h, core.get())) cores.push_back(std::move(core));
    }
    steps.faces += nf;
    steps.cores += static_cast<double>(cores.size());
    lap(steps.erode);
    // 4. E's lines outside Fill merged where they meet end to end; buffer(Fill) ∪ buffer(E) one
    // of three ways.
    const gd::GeomPtr e_merged =
        gd::own(ctx, GEOSLineMerge_r(h, gd::collect(ctx, GEOS_MULTILINESTRING, std::move(e_outside)).get()), "merge E");
    const int ne = GEOSGetNumGeometries_r(h, e_merged.get());
    steps.e_lines += ne;
    steps.e_inside += static_cast<double>(e_inside.size());
    gd::GeomPtr outer(nullptr, {h});
    if (variant.outer == FaceVariant::one_buffer) {
        // One buffer of the collection {Fill's polygons, E's lines}.
        std::vector<gd::GeomPtr> parts = parts_of(ctx, fill.get());  // E's lines outside Fill only
        for (auto& g : parts_of(ctx, e_merged.get())) parts.push_back(std::move(g));
        outer = gd::own(ctx, GEOSBuffer_r(h, gd::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts)).get(), d, quadsegs),
                        "buffer Fill and E");
        lap(steps.outer);
    } else {
        // Each line of E buffered alone (as walking_area does with its trails).
        std::vector<gd::GeomPtr> corridors;
        for (int i = 0; i < ne; ++i)
            corridors.push_back(
                gd::own(ctx, GEOSBuffer_r(h, GEOSGetGeometryN_r(h, e_merged.get(), i), d, quadsegs), "buffer a line of E"));
        gd::GeomPtr e_buffer(nullptr, {h});
        if (variant.outer == FaceVariant::e_united_first)
            e_buffer = gd::own(
                ctx, GEOSUnaryUnion_r(h, gd::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(corridors)).get()),
                "unite E's corridors");
        lap(steps.e_buffer);
        gd::GeomPtr fill_buffer = gd::own(ctx, GEOSBuffer_r(h, fill.get(), d, quadsegs), "buffer Fill");
        lap(steps.fill_buffer);
        if (variant.outer == FaceVariant::one_union) {
            corridors.push_back(std::move(fill_buffer));
            outer = gd::own(ctx, GEOSUnaryUnion_r(h, gd::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(corridors)).get()),
                            "unite buffer(Fill) and E's corridors");
        } else {
            outer = gd::own(ctx, GEOSUnion_r(h, fill_buffer.get(), e_buffer.get()), "buffer(Fill) ∪ buffer(E)");
        }
        lap(steps.outer);
    }
    // 5. Each core minus the buffers of E's lines inside Fill within d of its envelope (an
    // STRtree of those lines; few reach into a core).
    const std::unique_ptr<GEOSSTRtree, StrTreeDeleter> tree(GEOSSTRtree_create_r(h, 10), StrTreeDeleter{h});
    for (auto& line : e_inside) GEOSSTRtree_insert_r(h, tree.get(), line.get(), line.get());
    model::MultiPolygon core_polygons;
    for (auto& core : cores) {
        double x0, y0, x1, y1;
        if (!GEOSGeom_getXMin_r(h, core.get(), &x0) || !GEOSGeom_getYMin_r(h, core.get(), &y0) ||
            !GEOSGeom_getXMax_r(h, core.get(), &x1) || !GEOSGeom_getYMax_r(h, core.get(), &y1))
            ctx.fail("core envelope");
        const gd::GeomPtr reach = gd::own(ctx, GEOSGeom_createRectangle_r(h, x0 - d, y0 - d, x1 + d, y1 + d), "rectangle");
        std::vector<const GEOSGeometry*> near;
        GEOSSTRtree_query_r(
            h, tree.get(), reach.get(),
            [](void* item, void* found) {
                static_cast<std::vector<const GEOSGeometry*>*>(found)->push_back(static_cast<const GEOSGeometry*>(item));
            },
            &near);
        gd::GeomPtr rest = std::move(core);
        for (const GEOSGeometry* line : near) {
            const gd::GeomPtr corridor = gd::own(ctx, GEOSBuffer_r(h, line, d, quadsegs), "buffer a line of E");
            rest = gd::own(ctx, GEOSDifference_r(h, rest.get(), corridor.get()), "core minus a corridor of E");
        }
        for (auto& part : gd::to_multipolygon(ctx, rest.get())) core_polygons.push_back(std::move(part));
    }
    lap(steps.cores_minus_e);
    // 6. The cores taken out.
    model::MultiPolygon out;
    if (variant.holes && GEOSGetNumGeometries_r(h, outer.get()) == 1) {
        out = gd::to_multipolygon(ctx, outer.get());
        for (const auto& c : core_polygons) {
            if (!c.holes.empty()) ctx.fail("a core with holes (R not connected?)");
            out.front().holes.push_back(c.outer);
        }
    } else {
        steps.fallbacks += variant.holes;
        const gd::GeomPtr all_cores = gd::to_geos(ctx, core_polygons);
        out = gd::to_multipolygon(
            ctx, gd::own(ctx, GEOSDifference_r(h, outer.get(), all_cores.get()), "area minus cores").get());
    }
    lap(steps.overlay);
    return out;
}

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

    // The face formulation, put together four ways.
    const FaceVariant variants[] = {{FaceVariant::one_buffer, true},
                                    {FaceVariant::one_union, true},
                                    {FaceVariant::e_united_first, true},
                                    {FaceVariant::e_united_first, false}};
    const char* variant_names[] = {"one buffer of {Fill, E}, cores as holes",
                                   "buffer(Fill) and E's corridors in one union, cores as holes",
                                   "E's corridors united, then ∪ buffer(Fill), cores as holes",
                                   "E's corridors united, then ∪ buffer(Fill), minus the cores (GEOSDifference)"};
    constexpr int n_variants = 4;
    FaceSteps face_steps[n_variants];
    for (int v = 0; v < n_variants; ++v)
        methods.push_back({std::string("faces: ") + variant_names[v], [&, v](auto pieces, const auto& leg) {
                               return face_area(ctx, trails_and_leg(pieces, leg), area_options, variants[v], face_steps[v]);
                           }});

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
    std::printf("\nfaces, ms/stop by step (thread CPU)\n| variant | node | polygonize | Fill (coverage union) | "
                "erode faces | E's corridors | buffer(Fill) | buffer(Fill) ∪ buffer(E) | cores minus E | "
                "cores taken out | faces/stop | cores/stop | E lines inside Fill/stop | E lines outside/stop (merged) | "
                "fallbacks |\n"
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int v = 0; v < n_variants; ++v) {
        const FaceSteps& s = face_steps[v];
        std::printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f "
                    "| %zu |\n",
                    variant_names[v], 1000 * s.node / k, 1000 * s.polygonize / k, 1000 * s.fill / k, 1000 * s.erode / k,
                    1000 * s.e_buffer / k, 1000 * s.fill_buffer / k, 1000 * s.outer / k, 1000 * s.cores_minus_e / k,
                    1000 * s.overlay / k, s.faces / k, s.cores / k, s.e_inside / k, s.e_lines / k, s.fallbacks);
    }
}
