// trygg.route: the columns behind RouteResult (python/trygg/_route.py). The setup — graph,
// lit/seen/exposure conditions, planner — is the library's RouteJob (network/route_job.hpp),
// the same the CLI uses; this file converts arguments and results and releases the GIL while
// the job is built and the routes are planned.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "convert.hpp"
#include "layer_args.hpp"
#include "light_args.hpp"
#include "trygg/error.hpp"
#include "trygg/io/crs.hpp"
#include "trygg/network/route_job.hpp"
#include "trygg/network/route_summary.hpp"

namespace trygg::python {

namespace {

using namespace pybind11::literals;

// One route, unrounded, with its line and dark stretches as arrays.
py::dict route_columns(const network::RouteResult& r) {
    std::vector<double> from, to;
    py::list lines;
    for (const auto& d : r.dark) {
        from.push_back(d.from_m);
        to.push_back(d.to_m);
        lines.append(line_array(d.line));
    }
    return py::dict("length_m"_a = r.length_m, "detour_pct"_a = r.detour_pct, "lit_share"_a = r.lit_share,
                    "seen_share"_a = r.seen_share, "exposure"_a = r.exposure, "dark_m"_a = r.dark_m,
                    "cost"_a = r.path.cost, "line"_a = line_array(r.line),
                    "dark"_a = py::dict("from_m"_a = to_numpy(from), "to_m"_a = to_numpy(to), "lines"_a = lines));
}

py::dict route_py(const py::object& walkways_arg, const py::object& from_arg, const py::object& to_arg,
                  const std::optional<std::string>& point_crs, const py::object& lights_arg,
                  const py::object& cameras_arg, const py::object& buildings_arg, const py::object& reports_arg,
                  double w_dark, double w_unseen, double w_hot, double hot_radius, double max_snap, double min_dark,
                  bool node_intersections, bool all_highways, const LightArgs& light) {
    network::RouteLayers layers;
    layers.walkways = &required_layer(walkways_arg, "walkways");
    layers.lights = optional_layer(lights_arg, "lights");
    layers.cameras = optional_layer(cameras_arg, "cameras");
    layers.buildings = optional_layer(buildings_arg, "buildings");
    layers.reports = optional_layer(reports_arg, "reports");
    require_one_working_crs({{"walkways", layers.walkways}, {"lights", layers.lights}, {"cameras", layers.cameras},
                             {"buildings", layers.buildings}, {"reports", layers.reports}});
    std::vector<model::Point> from = to_points(from_arg, "from_xy");
    std::vector<model::Point> to = to_points(to_arg, "to_xy");
    if (from.size() != to.size())
        throw UsageError("from_xy has " + std::to_string(from.size()) + " points and to_xy " + std::to_string(to.size()) +
                         "; give one end for every start");
    if (from.empty()) throw UsageError("from_xy and to_xy hold no points");
    if (!(max_snap > 0.0) || !std::isfinite(max_snap)) throw UsageError("max_snap must be a number > 0 (metres)");
    network::RouteJobOptions options;
    options.light = light_options(light);
    options.weights = {w_dark, w_unseen, w_hot};
    options.exposure.radius_m = hot_radius;
    options.min_dark_m = min_dark;
    options.node_intersections = node_intersections;
    options.all_highways = all_highways;
    const std::string& working_crs = layers.walkways->working_crs;
    const std::vector<model::Point> given_from = from, given_to = to;
    if (point_crs) {
        const io::CoordinateTransform transform(*point_crs, working_crs);
        for (auto& p : from) p = transform.transform(p);
        for (auto& p : to) p = transform.transform(p);
    }

    struct Planned {
        network::Snap from, to;
        network::RoutePair routes;
    };
    std::vector<Planned> planned;
    std::optional<network::RouteJob> job;
    {
        py::gil_scoped_release release;
        job.emplace(layers, options);
        const auto snap = [&](const char* name, std::size_t i, model::Point given, model::Point p) {
            const std::string label =
                std::string(name) + (from.size() > 1 ? "[" + std::to_string(i) + "]" : std::string());
            return job->snap_end(label, given, p, max_snap);
        };
        for (std::size_t i = 0; i < from.size(); ++i) {
            Planned p{snap("from_xy", i, given_from[i], from[i]), snap("to_xy", i, given_to[i], to[i]), {}};
            p.routes = job->plan(p.from, p.to, from.size() > 1 ? "pair " + std::to_string(i) + ": " : std::string());
            planned.push_back(std::move(p));
        }
    }

    py::list pairs;
    for (const Planned& p : planned) {
        // The CLI's --json figures of the pair (network/route_summary.hpp).
        const py::object summary = json_loads(network::route_pair_summary_json(p.routes, p.from.distance_m, p.to.distance_m));
        py::dict shortest = route_columns(p.routes.shortest), safe = route_columns(p.routes.safe);
        shortest["summary"] = summary["shortest"];
        safe["summary"] = summary["safe"];
        pairs.append(py::dict("shortest"_a = shortest, "safe"_a = safe,
                              "from_snap_m"_a = p.from.distance_m, "to_snap_m"_a = p.to.distance_m,
                              "from_on_network"_a = py::make_tuple(p.from.on_network.x, p.from.on_network.y),
                              "to_on_network"_a = py::make_tuple(p.to.on_network.x, p.to.on_network.y),
                              "summary"_a = summary));
    }
    const auto& weights = job->route_options().weights;
    const network::WalkGraph& graph = job->graph();
    py::dict network_info("nodes"_a = graph.node_count(), "edges"_a = graph.edge_count(),
                          "length_m"_a = graph.total_length_m(), "components"_a = job->components().info.size(),
                          "lines_used"_a = job->build().features_used, "left_out"_a = job->build().left_out);
    py::dict d;
    d["pairs"] = pairs;
    // w_unseen is 0 without cameras, as the CLI reports it.
    d["weights"] = py::dict("dark"_a = w_dark, "unseen"_a = weights.unseen, "hot"_a = w_hot);
    d["working_crs"] = working_crs;
    d["network"] = network_info;
    d["lights_used"] = job->lights() ? py::object(py::int_(job->lights()->counts().used)) : py::none();
    if (job->cameras()) {
        const auto& c = job->cameras()->counts();
        d["cameras"] = py::dict("total"_a = c.total, "all_around"_a = c.all_around, "moved_off_wall"_a = c.moved_off_wall,
                                "indoors"_a = c.indoors);
    } else {
        d["cameras"] = py::none();
    }
    return d;
}

}  // namespace

void bind_route(py::module_& m) {
    m.def(
        "_route",
        [](const py::object& walkways, const py::object& from_xy, const py::object& to_xy,
           const std::optional<std::string>& point_crs, const py::object& lights, const py::object& cameras,
           const py::object& buildings, const py::object& reports, double w_dark, double w_unseen, double w_hot,
           double hot_radius, double max_snap, double min_dark, bool node_intersections, bool all_highways,
           const std::string& model, double light_radius, const std::optional<double>& radius_from_height,
           double intensity, double default_height, const std::optional<double>& min_lux,
           const std::optional<std::string>& lux_class, double lux_cutoff, double lux_cell) {
            return route_py(walkways, from_xy, to_xy, point_crs, lights, cameras, buildings, reports, w_dark, w_unseen,
                            w_hot, hot_radius, max_snap, min_dark, node_intersections, all_highways,
                            LightArgs{model, light_radius, radius_from_height, intensity, default_height, min_lux,
                                      lux_class, lux_cutoff, lux_cell});
        },
        "The columns behind trygg.route (see python/trygg/_route.py).", "walkways"_a, "from_xy"_a, "to_xy"_a,
        "point_crs"_a, "lights"_a, "cameras"_a, "buildings"_a, "reports"_a, "w_dark"_a, "w_unseen"_a, "w_hot"_a,
        "hot_radius"_a, "max_snap"_a, "min_dark"_a, "node_intersections"_a, "all_highways"_a, "model"_a,
        "light_radius"_a, "radius_from_height"_a, "intensity"_a, "default_height"_a, "min_lux"_a, "lux_class"_a,
        "lux_cutoff"_a, "lux_cell"_a);
}

}  // namespace trygg::python
