#include "trygg/network/route_job.hpp"

#include <cmath>
#include <limits>
#include <locale>
#include <sstream>

#include "trygg/coverage/building_obstacles.hpp"
#include "trygg/coverage/layer_inputs.hpp"
#include "trygg/error.hpp"

namespace trygg::network {

namespace {

void check(const RouteLayers& layers, const RouteJobOptions& options) {
    if (!layers.walkways) throw UsageError("a route needs walkways");
    for (const auto& [name, w] : {std::pair{"--w-dark", options.weights.dark}, std::pair{"--w-unseen", options.weights.unseen},
                                  std::pair{"--w-hot", options.weights.hot}})
        if (!(w >= 0.0) || !std::isfinite(w)) throw UsageError(std::string(name) + " must be a number >= 0");
    if (!(options.min_dark_m >= 0.0) || !std::isfinite(options.min_dark_m))
        throw UsageError("--min-dark must be a number >= 0 (metres)");
    if (!(options.exposure.radius_m > 0.0) || !std::isfinite(options.exposure.radius_m))
        throw UsageError("--hot-radius must be a number > 0 (metres)");
    if (layers.buildings && !layers.cameras) throw UsageError("--buildings needs --cameras");
}

// Kilometres with one decimal, as the CLI prints lengths.
std::string km(double metres) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << std::round(metres / 1000.0 * 10.0) / 10.0;
    return out.str();
}

}  // namespace

RouteJob::RouteJob(const RouteLayers& layers, const RouteJobOptions& options) {
    check(layers, options);
    const model::Layer& walkways = *layers.walkways;
    working_crs_ = walkways.working_crs;

    WalkGraphOptions graph_options;
    graph_options.node_intersections = options.node_intersections;
    graph_options.walkable_only = !options.all_highways;
    const model::Layer* walkway_layers[] = {&walkways};
    build_ = build_walk_graph(walkway_layers, graph_options);
    if (build_.graph.edge_count() == 0)
        throw DataError("no walkable lines to route on", {walkways.source, walkways.name, {}, {}});
    components_ = connected_components(build_.graph);

    // Night-time conditions of every edge.
    IntervalSource lit_source, seen_source;
    if (layers.lights) {
        lights_.emplace(coverage::light_sources(*layers.lights), options.light);
        lit_source = [this](const model::LineString& line) { return lights_->lit_intervals(line); };
    } else {
        coverage::LightCoverage check_options({}, options.light);  // the same option errors either way
    }
    if (layers.cameras) {
        const auto specs =
            coverage::camera_specs(*layers.cameras, coverage::kDefaultCameraFovDeg, coverage::kDefaultCameraRangeM);
        std::optional<coverage::BuildingObstacles> obstacles;
        if (layers.buildings) obstacles.emplace(coverage::building_footprints(*layers.buildings));
        cameras_.emplace(specs, obstacles ? &*obstacles : nullptr);
        seen_source = [this](const model::LineString& line) { return cameras_->seen_intervals(line); };
    }
    std::vector<double> exposure;
    if (layers.reports) {
        const auto reports = coverage::report_points(*layers.reports);
        exposure = edge_exposure(build_.graph, reports.points, reports.weights, options.exposure);
    }
    conditions_ = edge_conditions(build_.graph, lit_source, seen_source, exposure);

    route_options_.weights = options.weights;
    if (!cameras_) route_options_.weights.unseen = 0.0;
    route_options_.min_dark_m = options.min_dark_m;
    planner_.emplace(build_.graph, conditions_, route_options_);
    snapper_.emplace(build_.graph);
}

std::optional<Snap> RouteJob::snap(const model::Point& p, double max_distance_m) const {
    return snapper_->snap(p, max_distance_m);
}

Snap RouteJob::snap_end(const std::string& label, const model::Point& given, const model::Point& p,
                        double max_snap_m) const {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
        std::ostringstream point;
        point.imbue(std::locale::classic());
        point.precision(10);
        point << given.x << ", " << given.y;
        throw UsageError(label + ": (" + point.str() + ") cannot be transformed to the working CRS " + working_crs_ +
                         " (wrong --point-crs, or X and Y swapped?)");
    }
    if (auto s = snapper_->snap(p, max_snap_m)) return *s;
    const auto nearest = snapper_->snap(p, std::numeric_limits<double>::infinity());
    std::ostringstream limit;
    limit.imbue(std::locale::classic());
    limit << std::round(max_snap_m * 10.0) / 10.0;
    throw DataError(label + ": the nearest walkway is " +
                    (nearest ? std::to_string(static_cast<long long>(std::llround(nearest->distance_m))) + " m"
                             : std::string("very far")) +
                    " away, more than --max-snap " + limit.str() + " m");
}

RoutePair RouteJob::plan(const Snap& from, const Snap& to, const std::string& where) {
    const auto a = components_.of_edge(build_.graph, from.position.edge);
    const auto b = components_.of_edge(build_.graph, to.position.edge);
    if (a != b)
        throw DataError(where + "the start and the end lie on different parts of the walking network (" +
                        km(components_.info[a].length_m) + " km and " + km(components_.info[b].length_m) +
                        " km of walkways, not connected): no route; look for a gap in the data, or try "
                        "--node-intersections");
    return planner_->plan(from.position, to.position);
}

}  // namespace trygg::network
