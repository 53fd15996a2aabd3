#include "trygg/coverage/coverage_job.hpp"

#include <cmath>
#include <exception>
#include <string>
#include <thread>
#include <variant>

#include "detail/parallel_for.hpp"
#include "trygg/coverage/building_obstacles.hpp"
#include "trygg/coverage/layer_inputs.hpp"
#include "trygg/coverage/line_intervals.hpp"
#include "trygg/error.hpp"

namespace trygg::coverage {

namespace {

void check(const CoverageLayers& layers, const CoverageJobOptions& options) {
    if (!layers.walkways || !layers.lights) throw UsageError("coverage needs walkways and lights");
    if (!(options.camera_fov_deg > 0.0 && options.camera_fov_deg <= 360.0))
        throw UsageError("--camera-fov must lie in (0, 360] degrees");
    if (!(std::isfinite(options.camera_range_m) && options.camera_range_m > 0.0))
        throw UsageError("--camera-range must be > 0 (metres)");
    if (layers.buildings && !layers.cameras) throw UsageError("--buildings needs --cameras");
    if (!std::isfinite(options.gaps.min_length_m) || options.gaps.min_length_m < 0.0)
        throw UsageError("--min-gap must be >= 0 (metres)");
    if (!std::isfinite(options.gaps.report_distance_m) || options.gaps.report_distance_m < 0.0)
        throw UsageError("--gap-distance must be >= 0 (metres)");
}

double polygon_area(const model::Polygon& polygon) {
    const auto ring_area = [](const model::Ring& r) {
        double twice = 0.0;
        for (std::size_t i = 0; i + 1 < r.size(); ++i) twice += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
        return std::abs(twice) / 2.0;
    };
    double a = ring_area(polygon.outer);
    for (const auto& h : polygon.holes) a -= ring_area(h);
    return a;
}

std::vector<double> polygon_areas(const model::MultiPolygon& polygons) {
    std::vector<double> out;
    out.reserve(polygons.size());
    for (const auto& p : polygons) out.push_back(polygon_area(p));
    return out;
}

std::optional<CameraCoverage> camera_coverage(const CoverageLayers& layers, const CoverageJobOptions& options) {
    if (!layers.cameras) return std::nullopt;
    const auto specs = camera_specs(*layers.cameras, options.camera_fov_deg, options.camera_range_m);
    std::optional<BuildingObstacles> obstacles;
    if (layers.buildings) obstacles.emplace(building_footprints(*layers.buildings));
    return CameraCoverage(specs, obstacles ? &*obstacles : nullptr);
}

}  // namespace

CoverageJobResult run_coverage(const CoverageLayers& layers, const CoverageJobOptions& options,
                               const std::function<void(double)>& progress,
                               const std::function<void(const CoverageJobResult&)>& while_areas) {
    check(layers, options);
    const model::Layer& walkways = *layers.walkways;
    CoverageJobResult out{LightCoverage(light_sources(*layers.lights), options.light),
                          camera_coverage(layers, options), {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};

    // The lit area (GEOS unions: the largest part of the job) needs only the lights, so with
    // more than one thread it is made on other threads from here on while this thread does the
    // walkways and the caller uses what is ready. It joins the result only at the end, so
    // `while_areas` never sees it half made. (Declared before the thread: an exception on this
    // thread joins it first.)
    model::MultiPolygon lit_area;
    std::exception_ptr lit_error;
    const auto make_lit_area = [&] {
        try {
            lit_area = out.lights.lit_area(options.threads);
        } catch (...) {
            lit_error = std::current_exception();
        }
    };
    std::jthread lit_thread;
    if (trygg::detail::thread_count(options.threads, 2) > 1) lit_thread = std::jthread(make_lit_area);

    // Walkways: lit (and seen) intervals, pieces, per-walkway lengths; the unlit stretches feed
    // the dark gaps.
    out.per_walkway.resize(walkways.features.size());
    std::vector<GapLine> gap_lines;
    const LineIntervals seen_none;
    for (std::size_t w = 0; w < walkways.features.size(); ++w) {
        const auto& f = walkways.features[w];
        const auto* lines = std::get_if<model::MultiLineString>(&f.geometry);
        if (!lines) throw DataError("a walkway is not a line", {walkways.source, walkways.name, f.fid, {}});
        for (std::size_t part = 0; part < lines->size(); ++part) {
            const auto& line = (*lines)[part];
            const auto lit = out.lights.lit_intervals(line);
            const std::size_t first = out.pieces.size();
            const auto seen = out.cameras ? out.cameras->seen_intervals(line) : seen_none;
            split_into_pieces(w, part, line, lit, seen, out.pieces);
            for (std::size_t k = first; k < out.pieces.size(); ++k) out.per_walkway[w].add(out.pieces[k]);
            gap_lines.push_back({&line, w, complement(lit, line_length(line))});
        }
        if (progress && w % 64 == 0) progress(static_cast<double>(w) / static_cast<double>(walkways.features.size()));
    }
    for (const auto& l : out.per_walkway) out.total.add(l);

    const WeightedPoints reports = layers.reports ? report_points(*layers.reports) : WeightedPoints{};
    out.gaps = dark_gaps(gap_lines, reports.points, reports.weights, options.gaps);

    if (layers.areas) out.by_area = coverage_by_area(area_polygons(*layers.areas, "an area"), out.pieces);

    if (while_areas) while_areas(out);
    if (lit_thread.joinable())
        lit_thread.join();
    else
        make_lit_area();
    if (lit_error) std::rethrow_exception(lit_error);
    out.lit_area = std::move(lit_area);
    if (out.cameras) out.seen_area = out.cameras->seen_area();
    out.lit_area_m2 = polygon_areas(out.lit_area);
    out.seen_area_m2 = polygon_areas(out.seen_area);
    if (layers.clusters)
        out.cluster_shares = area_shares(area_polygons(*layers.clusters, "a cluster"), out.lit_area, out.seen_area);
    if (progress) progress(1.0);
    return out;
}

}  // namespace trygg::coverage
