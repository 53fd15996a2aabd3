// trygg.nearby: for every stop, the activities within a walk along the walkways, as the CLI's
// `trygg nearby` computes it (the same job: network/nearby_job.hpp), returned as
// columns of numpy arrays that python/trygg/_network.py wraps in a NearbyResult.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "convert.hpp"
#include "layer_args.hpp"
#include "trygg/error.hpp"
#include "trygg/hotspot/count_grid.hpp"
#include "trygg/model/layer.hpp"
#include "trygg/network/nearby_job.hpp"
#include "trygg/network/nearby_limits.hpp"

namespace trygg::python {

namespace {

using namespace pybind11::literals;
using LayerPtr = std::shared_ptr<model::Layer>;

// Where a link starts and ends, as the CLI draws it: a point, or the centroid of an area.
model::Point link_end(const model::Feature& f) {
    if (const auto* area = std::get_if<model::MultiPolygon>(&f.geometry)) return hotspot::centroid(*area);
    const auto* p = std::get_if<model::Point>(&f.geometry);
    return p ? *p : model::Point{};
}

std::string category_of(const model::Feature& f) { return f.category.empty() ? "uncategorised" : f.category; }

struct NearbyColumns {
    std::vector<std::int64_t> stop_index, activity_index;
    std::vector<double> distance_m, network_m;
    std::vector<std::string> stop_ids_not_on_network;
    std::size_t activities_not_on_network = 0, stops_on_tiny_component = 0;
    network::WalkGraphBuild build;
    std::size_t components = 0;
    // The walking areas of the stops that have one (area_buffer > 0).
    std::vector<std::int64_t> area_stop_index;
    std::vector<double> area_network_m, area_m2;
    std::vector<model::MultiPolygon> areas;
};

py::dict nearby_py(const std::vector<LayerPtr>& walkways, const LayerPtr& stops, const LayerPtr& activities,
                   double max_walk, std::optional<double> max_distance, double speed, double max_snap,
                   bool node_intersections, bool all_highways, double tiny_component, double area_buffer,
                   unsigned threads) {
    // The CLI's checks and words (network/nearby_limits.hpp; the module names the arguments).
    const double limit = network::walking_limit_m(max_walk, max_distance, speed);
    network::NearbyJobOptions options;
    options.limit_m = limit;
    options.max_snap_m = max_snap;
    options.node_intersections = node_intersections;
    options.all_highways = all_highways;
    options.tiny_component_m = tiny_component;
    options.threads = threads;
    options.area_buffer_m = area_buffer;
    network::check_nearby_options(options);
    if (walkways.empty()) throw UsageError("walkways: give at least one line layer");
    for (const auto* layer : {&stops, &activities})
        if (!*layer) throw UsageError("stops and activities must be trygg.Layer objects (from trygg.read_layer)");
    std::vector<const model::Layer*> walkway_layers;
    for (const auto& w : walkways) {
        if (!w) throw UsageError("walkways must be trygg.Layer objects (from trygg.read_layer)");
        walkway_layers.push_back(w.get());
    }
    for (const model::Layer* layer : walkway_layers)
        if (layer->working_crs != stops->working_crs || activities->working_crs != stops->working_crs)
            throw UsageError("walkways, stops and activities are in different working CRSs (" + layer->working_crs +
                             ", " + stops->working_crs + ", " + activities->working_crs +
                             "); read them with the same crs=, e.g. crs='" + stops->working_crs + "'");

    NearbyColumns out;
    {
        py::gil_scoped_release release;
        network::NearbyJob job = network::run_nearby(walkway_layers, *stops, *activities, options);
        for (std::size_t i : job.stops_not_on_network) out.stop_ids_not_on_network.push_back(stops->features[i].id);
        out.activities_not_on_network = job.activities_not_on_network;
        out.stops_on_tiny_component = job.stops_on_tiny_component;
        out.components = job.components.info.size();
        for (std::size_t i = 0; i < job.results.size(); ++i)
            for (const network::Reach& r : job.results[i].reached) {
                out.stop_index.push_back(static_cast<std::int64_t>(i));
                out.activity_index.push_back(static_cast<std::int64_t>(r.activity));
                out.distance_m.push_back(r.distance_m);
                out.network_m.push_back(r.network_m);
            }
        for (std::size_t i = 0; i < job.areas.size(); ++i) {
            if (job.areas[i].empty()) continue;  // not on the network
            out.area_stop_index.push_back(static_cast<std::int64_t>(i));
            out.area_network_m.push_back(job.area_network_m[i]);
            out.area_m2.push_back(job.area_m2[i]);
            out.areas.push_back(std::move(job.areas[i]));
        }
        out.build = std::move(job.build);
    }

    std::vector<double> stop_xy, activity_xy;
    std::vector<std::string> categories;
    for (const auto& f : stops->features) {
        const model::Point p = link_end(f);
        stop_xy.insert(stop_xy.end(), {p.x, p.y});
    }
    for (const auto& f : activities->features) {
        const model::Point p = link_end(f);
        activity_xy.insert(activity_xy.end(), {p.x, p.y});
        categories.push_back(category_of(f));
    }
    auto points = [](const std::vector<double>& xy) {
        py::array_t<double> a({static_cast<py::ssize_t>(xy.size() / 2), py::ssize_t{2}});
        std::copy(xy.begin(), xy.end(), a.mutable_data());
        return a;
    };
    const network::WalkGraph& graph = out.build.graph;
    py::dict d;
    d["stop_index"] = to_numpy(out.stop_index);
    d["activity_index"] = to_numpy(out.activity_index);
    d["distance_m"] = to_numpy(out.distance_m);
    d["network_m"] = to_numpy(out.network_m);
    d["stop_xy"] = points(stop_xy);
    d["activity_xy"] = points(activity_xy);
    d["activity_categories"] = categories;
    d["limit_m"] = limit;
    d["speed"] = speed;
    d["working_crs"] = stops->working_crs;
    d["stops_not_on_network"] = out.stop_ids_not_on_network;
    d["activities_not_on_network"] = out.activities_not_on_network;
    d["stops_on_tiny_component"] = out.stops_on_tiny_component;
    if (area_buffer > 0.0) {
        py::list polygons;
        for (const auto& area : out.areas) polygons.append(polygon_list(area));
        d["areas"] = py::dict("stop_index"_a = to_numpy(out.area_stop_index), "network_m"_a = to_numpy(out.area_network_m),
                              "area_m2"_a = to_numpy(out.area_m2), "polygons"_a = polygons);
    }
    d["network"] = py::dict("edges"_a = graph.edge_count(), "nodes"_a = graph.node_count(),
                            "length_m"_a = graph.total_length_m(), "components"_a = out.components,
                            "lines_used"_a = out.build.features_used, "left_out"_a = out.build.left_out,
                            "crossing_vertices_added"_a = out.build.intersections_added);
    return d;
}

}  // namespace

void bind_network(py::module_& m) {
    m.def("_nearby", &nearby_py, "The columns behind trygg.nearby (see python/trygg/_network.py).", "walkways"_a,
          "stops"_a, "activities"_a, "max_walk"_a, "max_distance"_a, "speed"_a, "max_snap"_a, "node_intersections"_a,
          "all_highways"_a, "tiny_component"_a, "area_buffer"_a, "threads"_a);
}

}  // namespace trygg::python
