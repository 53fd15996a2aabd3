// Walking areas two ways, side by side in one run: for the first N stops, the thread CPU time of
// one GEOS buffer of the whole collection of reached trails (the method until 2026-11-23 19:50)
// and of network::walking_area (each trail buffered alone, then one cascaded union), and how
// much their areas differ. Data: bench/nearby_scale.py's (bench/out/nearby_scale/*.gpkg), or
// any directory holding walkways.gpkg and stops.gpkg (DIR=...), e.g. the Helsinki extract:
//
//   ogr2ogr -f GPKG /tmp/hel/walkways.gpkg ../shared/data/helsinki/helsinki.osm.pbf lines
//   (cd /tmp/hel && unzip -o ../../work/shared/data/helsinki/hsl-gtfs.zip stops.txt)
//   ogr2ogr -f GPKG /tmp/hel/stops.gpkg CSV:/tmp/hel/stops.txt -oo X_POSSIBLE_NAMES=stop_lon \
//     -oo Y_POSSIBLE_NAMES=stop_lat -a_srs EPSG:4326
//
//   B=build-net; c++ -O2 -std=c++20 -Ilib/include -Ilib/src -isystem /usr/include/gdal \
//     -isystem /usr/include/geos bench/nearby_areas.cpp $B/lib/libtrygg.a -lgdal -lgeos_c -lproj \
//     -lsqlite3 -lcairo -o $B/nearby_areas && [DIR=/tmp/hel/] $B/nearby_areas [STOPS=50]
#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "geometry/detail/geos_convert.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/network/nearby_job.hpp"
#include "trygg/network/snapping.hpp"
#include "trygg/network/walking_area.hpp"

using namespace trygg;

namespace {
// CPU time of this thread: wall time is meaningless on a machine shared with other builds.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
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
    const geometry::detail::GeosContext ctx;
    const network::WalkingAreaOptions area_options;
    double before_s = 0, after_s = 0, worst = 0, pieces = 0, slowest_before = 0;
    std::size_t measured = 0;
    for (std::size_t i = 0; i < stops.features.size(); ++i) {
        if (job.stop_access[i].empty()) continue;
        const model::Point stop = std::get<model::Point>(stops.features[i].geometry);
        const model::MultiLineString leg{{stop, job.stop_access[i].front().on_network}};
        const double t0 = cpu_seconds();
        model::MultiLineString lines = network::reached_trails(job.build.graph, job.results[i].area);
        lines.push_back(leg.front());
        const auto g = geometry::detail::to_geos(ctx, lines);
        const geometry::detail::GeomPtr old(
            GEOSBuffer_r(ctx.get(), g.get(), area_options.buffer_m, area_options.quadrant_segments), {ctx.get()});
        double old_area = 0;
        GEOSArea_r(ctx.get(), old.get(), &old_area);
        const double t1 = cpu_seconds();
        const auto area = network::walking_area(job.build.graph, job.results[i].area, area_options, leg);
        const double t2 = cpu_seconds();
        const auto ng = geometry::detail::to_geos(ctx, area);
        double new_area = 0;
        GEOSArea_r(ctx.get(), ng.get(), &new_area);
        before_s += t1 - t0;
        after_s += t2 - t1;
        slowest_before = std::max(slowest_before, t1 - t0);
        worst = std::max(worst, std::abs(new_area - old_area) / old_area);
        pieces += static_cast<double>(job.results[i].area.size());
        ++measured;
    }
    const double k = static_cast<double>(std::max<std::size_t>(measured, 1));
    std::printf("%zu stops with areas, %.0f reached pieces on average: trails in one buffer %.1f ms/stop "
                "(slowest %.0f ms), trails buffered alone and united %.1f ms/stop (%.1fx); largest area "
                "difference %.4f %%\n",
                measured, pieces / k, 1000 * before_s / k, 1000 * slowest_before, 1000 * after_s / k,
                before_s / after_s, 100 * worst);
}
