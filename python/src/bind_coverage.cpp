// trygg.coverage and trygg.place: the columns behind CoverageResult and PlacementResult
// (python/trygg/_coverage.py). The computations are the library's jobs the CLI runs too
// (coverage/coverage_job.hpp, coverage/walkway_placement.hpp, coverage/placement.hpp); this file
// only converts arguments and results, and releases the GIL while the jobs run.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convert.hpp"
#include "layer_args.hpp"
#include "light_args.hpp"
#include "trygg/coverage/coverage_job.hpp"
#include "trygg/coverage/coverage_job_summary.hpp"
#include "trygg/coverage/coverage_sets.hpp"
#include "trygg/coverage/layer_inputs.hpp"
#include "trygg/coverage/walkway_placement.hpp"
#include "trygg/coverage/line_intervals.hpp"
#include "trygg/coverage/placement.hpp"
#include "trygg/coverage/placement_summary.hpp"
#include "trygg/error.hpp"

namespace trygg::python {

namespace {

using namespace pybind11::literals;

// The CLI's `trygg coverage --json`, key for key (coverage/coverage_job_summary.hpp).
py::dict coverage_summary(const coverage::CoverageJobResult& r, const coverage::CoverageJobOptions& options,
                          const LightArgs& light, const model::Layer& walkways, const model::Layer* areas,
                          const model::Layer* clusters) {
    const std::string text = coverage::coverage_job_summary_json(
        r, light.model, coverage::light_figures(light_settings(light), options.light), walkways, areas, clusters);
    return json_loads(text);
}

py::dict area_columns(const model::MultiPolygon& area, const std::vector<double>& m2) {
    return py::dict("polygons"_a = polygon_list(area), "area_m2"_a = to_numpy(m2));
}

py::dict coverage_py(const py::object& walkways_arg, const py::object& lights_arg, const py::object& cameras_arg,
                     const py::object& buildings_arg, const py::object& reports_arg, const py::object& areas_arg,
                     const py::object& clusters_arg, const LightArgs& light, double camera_fov, double camera_range,
                     double min_gap, double gap_distance, unsigned threads) {
    coverage::CoverageLayers layers;
    layers.walkways = &required_layer(walkways_arg, "walkways");
    layers.lights = &required_layer(lights_arg, "lights");
    layers.cameras = optional_layer(cameras_arg, "cameras");
    layers.buildings = optional_layer(buildings_arg, "buildings");
    layers.reports = optional_layer(reports_arg, "reports");
    layers.areas = optional_layer(areas_arg, "areas");
    layers.clusters = optional_layer(clusters_arg, "clusters");
    require_one_working_crs({{"walkways", layers.walkways}, {"lights", layers.lights}, {"cameras", layers.cameras},
                             {"buildings", layers.buildings}, {"reports", layers.reports}, {"areas", layers.areas},
                             {"clusters", layers.clusters}});
    coverage::CoverageJobOptions options;
    options.light = light_options(light);
    options.camera_fov_deg = camera_fov;
    options.camera_range_m = camera_range;
    options.gaps.min_length_m = min_gap;
    options.gaps.report_distance_m = gap_distance;
    options.threads = threads;

    std::optional<coverage::CoverageJobResult> job;
    {
        py::gil_scoped_release release;
        job.emplace(coverage::run_coverage(layers, options));
    }
    const coverage::CoverageJobResult& r = *job;
    const model::Layer& walkways = *layers.walkways;

    py::dict d;
    // Per walkway.
    std::vector<std::string> ids, names;
    std::vector<double> length, lit, seen;
    for (std::size_t w = 0; w < walkways.features.size(); ++w) {
        ids.push_back(walkways.features[w].id);
        names.push_back(walkways.features[w].name);
        length.push_back(r.per_walkway[w].length_m);
        lit.push_back(r.per_walkway[w].lit_m);
        seen.push_back(r.per_walkway[w].seen_m);
    }
    d["walkways"] = py::dict("walkway_id"_a = string_array(ids), "name"_a = string_array(names),
                             "length_m"_a = to_numpy(length), "lit_m"_a = to_numpy(lit), "seen_m"_a = to_numpy(seen));
    // Pieces.
    std::vector<std::int64_t> walkway, part;
    std::vector<double> from, to;
    std::vector<std::uint8_t> is_lit, is_seen;
    py::list lines;
    for (const auto& p : r.pieces) {
        walkway.push_back(static_cast<std::int64_t>(p.walkway));
        part.push_back(static_cast<std::int64_t>(p.part));
        from.push_back(p.from_m);
        to.push_back(p.to_m);
        is_lit.push_back(p.lit ? 1 : 0);
        is_seen.push_back(p.seen ? 1 : 0);
        lines.append(line_array(p.line));
    }
    d["pieces"] = py::dict("walkway_index"_a = to_numpy(walkway), "part"_a = to_numpy(part), "from_m"_a = to_numpy(from),
                           "to_m"_a = to_numpy(to), "lit"_a = to_numpy(is_lit).attr("astype")("bool"),
                           "seen"_a = to_numpy(is_seen).attr("astype")("bool"), "lines"_a = lines);
    // Dark gaps.
    std::vector<std::int64_t> rank, reports;
    std::vector<double> gap_length, score;
    py::list gap_walkways, gap_lines;
    for (const auto& g : r.gaps) {
        rank.push_back(static_cast<std::int64_t>(g.rank));
        gap_length.push_back(g.length_m);
        reports.push_back(static_cast<std::int64_t>(g.reports));
        score.push_back(g.score);
        std::vector<std::int64_t> along(g.walkways.begin(), g.walkways.end());
        gap_walkways.append(to_numpy(along));
        py::list parts;
        for (const auto& line : g.lines) parts.append(line_array(line));
        gap_lines.append(parts);
    }
    d["gaps"] = py::dict("rank"_a = to_numpy(rank), "length_m"_a = to_numpy(gap_length), "reports"_a = to_numpy(reports),
                         "score"_a = to_numpy(score), "walkway_indices"_a = gap_walkways, "lines"_a = gap_lines);
    d["lit_area"] = area_columns(r.lit_area, r.lit_area_m2);
    d["seen_area"] = area_columns(r.seen_area, r.seen_area_m2);
    if (layers.areas) {
        std::vector<double> a_length, a_lit, a_seen;
        for (const auto& l : r.by_area) {
            a_length.push_back(l.length_m);
            a_lit.push_back(l.lit_m);
            a_seen.push_back(l.seen_m);
        }
        d["areas"] = py::dict("length_m"_a = to_numpy(a_length), "lit_m"_a = to_numpy(a_lit), "seen_m"_a = to_numpy(a_seen));
    }
    if (layers.clusters) {
        std::vector<double> c_area, c_lit, c_seen;
        for (const auto& s : r.cluster_shares) {
            c_area.push_back(s.area_m2);
            c_lit.push_back(s.lit_m2);
            c_seen.push_back(s.seen_m2);
        }
        d["clusters"] = py::dict("area_m2"_a = to_numpy(c_area), "lit_m2"_a = to_numpy(c_lit), "seen_m2"_a = to_numpy(c_seen));
    }
    d["summary"] = coverage_summary(r, options, light, walkways, layers.areas, layers.clusters);
    d["working_crs"] = walkways.working_crs;
    return d;
}

// --- placement ----------------------------------------------------------------------------

coverage::PlacementOptions placement_options(std::size_t count, const std::optional<double>& budget, std::size_t starts,
                                             bool swap) {
    if (count == 0 && !budget) throw UsageError("give count, budget or both");
    if (budget && (!std::isfinite(*budget) || *budget < 0.0)) throw UsageError("budget must be >= 0");
    if (starts == 0) throw UsageError("starts must be at least 1");
    coverage::PlacementOptions options;
    options.count = count;
    options.has_budget = budget.has_value();
    options.budget = budget.value_or(0.0);
    options.swap_pass = swap;
    options.starts = starts;
    return options;
}

// The CLI's `trygg place --json`, key for key (coverage/placement_summary.hpp), positions in the
// working CRS.
py::dict placement_summary(const char* mode, const coverage::PlacementResult& result,
                           const std::vector<coverage::PlacementCandidate>& candidates, bool has_budget,
                           const coverage::WalkwayPlacementFigures* walkway = nullptr) {
    std::vector<model::Point> positions;
    for (const auto& site : result.sites) positions.push_back(candidates[site.candidate].position);
    const std::string text = coverage::placement_summary_json(mode, result, candidates, positions, has_budget, walkway);
    return json_loads(text);
}

py::dict site_columns(const coverage::PlacementResult& result, const std::vector<coverage::PlacementCandidate>& candidates) {
    std::vector<std::int64_t> index;
    std::vector<std::string> ids;
    std::vector<double> x, y, gain, cumulative, cost;
    for (const auto& site : result.sites) {
        const auto& c = candidates[site.candidate];
        index.push_back(static_cast<std::int64_t>(site.candidate));
        ids.push_back(c.id);
        x.push_back(c.position.x);
        y.push_back(c.position.y);
        gain.push_back(site.gain);
        cumulative.push_back(site.cumulative);
        cost.push_back(site.cost);
    }
    return py::dict("candidate"_a = to_numpy(index), "id"_a = string_array(ids), "x"_a = to_numpy(x), "y"_a = to_numpy(y),
                    "gain"_a = to_numpy(gain), "cumulative"_a = to_numpy(cumulative), "cost"_a = to_numpy(cost));
}

std::vector<coverage::PlacementCandidate> array_candidates(const py::handle& xy, const py::handle& costs) {
    const auto points = to_points(xy, "candidates");
    std::vector<double> cost(points.size(), 1.0);
    if (!costs.is_none()) cost = to_doubles(costs, points.size(), "costs");
    std::vector<coverage::PlacementCandidate> out;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!(std::isfinite(cost[i]) && cost[i] > 0.0))
            throw UsageError("costs: candidate " + std::to_string(i) + " has cost " + std::to_string(cost[i]) +
                             "; costs must be numbers > 0");
        out.push_back({points[i], std::to_string(i), cost[i], std::nullopt, 0.0});
    }
    return out;
}

// Candidates from a trygg.Layer (costs from cost_field) or an (M, 2) array (costs from `costs`).
std::vector<coverage::PlacementCandidate> candidates_arg(const py::handle& candidates, const py::handle& costs,
                                                         const std::optional<std::string>& cost_field, bool& use_costs) {
    if (const auto* layer = py::isinstance<model::Layer>(candidates) ? optional_layer(candidates, "candidates") : nullptr) {
        if (!costs.is_none()) throw UsageError("costs is for candidates given as an array; use cost_field with a layer");
        use_costs = cost_field.has_value();
        return coverage::candidates_from_layer(*layer, cost_field.value_or(""));
    }
    if (cost_field) throw UsageError("cost_field needs candidates as a trygg.Layer");
    use_costs = !costs.is_none();
    return array_candidates(candidates, costs);
}

py::dict place_classic_py(const py::object& demand, const py::object& weights_arg, const py::object& candidates,
                          const py::object& costs, const std::optional<std::string>& cost_field, double radius,
                          std::size_t count, const std::optional<double>& budget, std::size_t starts, bool swap) {
    std::vector<model::Point> demand_points;
    std::vector<double> weights;
    if (py::isinstance<model::Layer>(demand)) {
        const model::Layer& layer = required_layer(demand, "demand");
        for (const auto& f : layer.features) {
            const auto* p = std::get_if<model::Point>(&f.geometry);
            if (!p) throw DataError("a demand feature is not a point", {layer.source, layer.name, f.fid, {}});
            if (!(f.weight >= 0.0) || !std::isfinite(f.weight))
                throw DataError("demand weight must be a finite number >= 0", {layer.source, layer.name, f.fid, layer.weight_field});
            demand_points.push_back(*p);
            weights.push_back(f.weight);
        }
        if (!weights_arg.is_none()) throw UsageError("weights is for demand given as an array (a layer has its weight field)");
    } else {
        demand_points = to_points(demand, "demand");
        weights = weights_arg.is_none() ? std::vector<double>(demand_points.size(), 1.0)
                                        : to_doubles(weights_arg, demand_points.size(), "weights");
    }
    if (const auto* c = py::isinstance<model::Layer>(candidates) ? optional_layer(candidates, "candidates") : nullptr)
        if (const auto* d = py::isinstance<model::Layer>(demand) ? optional_layer(demand, "demand") : nullptr)
            require_one_working_crs({{"demand", d}, {"candidates", c}});
    bool use_costs = false;
    const auto sites = candidates_arg(candidates, costs, cost_field, use_costs);
    if (budget && !use_costs) throw UsageError("budget needs costs (or cost_field)");
    if (!(std::isfinite(radius) && radius > 0.0)) throw UsageError("radius must be a number > 0 (metres)");
    const auto options = placement_options(count, budget, starts, swap);

    coverage::PlacementResult result;
    {
        py::gil_scoped_release release;
        std::vector<model::Point> candidate_points;
        std::vector<double> cost;
        for (const auto& c : sites) {
            candidate_points.push_back(c.position);
            cost.push_back(c.cost);
        }
        const auto sets = coverage::CoverageSets::within_radius(demand_points, candidate_points, radius);
        coverage::PlacementProblem problem;
        problem.sets = &sets;
        problem.weights = weights;
        if (use_costs) problem.costs = cost;
        result = coverage::place_sites(problem, options);
    }
    py::dict d;
    d["sites"] = site_columns(result, sites);
    d["summary"] = placement_summary("classic", result, sites, budget.has_value());
    return d;
}

py::dict place_walkways_py(const std::string& target, const py::object& walkways_arg, const py::object& lights_arg,
                           const py::object& cameras_arg, const py::object& buildings_arg, const py::object& reports_arg,
                           const py::object& candidates, const py::object& costs,
                           const std::optional<std::string>& cost_field, const std::optional<double>& radius,
                           std::size_t count, const std::optional<double>& budget, std::size_t starts, bool swap,
                           double spacing, double sample, double report_distance, double camera_range, double camera_fov,
                           const LightArgs& light) {
    if (target != "lights" && target != "cameras")
        throw UsageError("for_ must be 'lights' or 'cameras', not '" + target + "'");
    const bool cameras_mode = target == "cameras";
    const model::Layer& walkways = required_layer(walkways_arg, "walkways");
    const model::Layer* lights = optional_layer(lights_arg, "lights");
    const model::Layer* cameras = optional_layer(cameras_arg, "cameras");
    const model::Layer* buildings = optional_layer(buildings_arg, "buildings");
    const model::Layer* reports = optional_layer(reports_arg, "reports");
    const model::Layer* candidate_layer =
        py::isinstance<model::Layer>(candidates) ? optional_layer(candidates, "candidates") : nullptr;
    require_one_working_crs({{"walkways", &walkways}, {"lights", lights}, {"cameras", cameras}, {"buildings", buildings},
                             {"reports", reports}, {"candidates", candidate_layer}});
    const auto finite_positive = [](double v) { return std::isfinite(v) && v > 0.0; };
    coverage::LightOptions light_opts = light_options(light);
    double radius_m = 0.0;
    if (cameras_mode) {
        if (lights) throw UsageError("lights is for for_='lights', not with for_='cameras'");
        if (radius) throw UsageError("radius is for lights; a new camera covers what it sees within camera_range");
        if (!finite_positive(camera_range)) throw UsageError("camera_range must be a number > 0 (metres)");
        if (!(camera_fov > 0.0 && camera_fov <= 360.0)) throw UsageError("camera_fov must lie in (0, 360] degrees");
    } else {
        if (!lights) throw UsageError("give walkways and lights (lights mode), or demand and candidates (classic mode)");
        if (cameras || buildings) throw UsageError(std::string(cameras ? "cameras" : "buildings") + " is for for_='cameras'");
        if (light_opts.model == coverage::LightModel::lux && radius)
            throw UsageError("radius is for model disc; under model lux a new light covers where the illuminance "
                             "reaches min_lux");
        radius_m = radius.value_or(light_opts.radius_m);
        if (!finite_positive(radius_m)) throw UsageError("radius must be a number > 0 (metres)");
    }
    coverage::WalkwayPlacementOptions options;
    options.spacing_m = spacing;
    options.sample_m = sample;
    options.report_distance_m = report_distance;
    if (!finite_positive(spacing)) throw UsageError("spacing must be a number > 0 (metres)");
    if (!finite_positive(sample)) throw UsageError("sample must be a number > 0 (metres)");
    if (!std::isfinite(report_distance) || report_distance < 0.0) throw UsageError("report_distance must be >= 0 (metres)");
    std::optional<std::vector<coverage::PlacementCandidate>> given;
    if (!candidates.is_none()) {
        given = candidates_arg(candidates, costs, cost_field, options.use_costs);
    } else if (!costs.is_none() || cost_field) {
        throw UsageError("cost_field needs candidates (generated sites have no cost)");
    }
    if (budget && !options.use_costs) throw UsageError("budget needs costs (or cost_field)");
    options.placement = placement_options(count, budget, starts, swap);

    std::optional<coverage::WalkwayPlacementResult> job;
    {
        py::gil_scoped_release release;
        const auto* given_candidates = given ? &*given : nullptr;
        job.emplace(cameras_mode ? coverage::place_cameras_on_walkways(walkways, cameras, buildings, camera_fov,
                                                                       camera_range, reports, given_candidates, options)
                                 : coverage::place_lights_on_walkways(walkways, *lights, light_opts, radius_m, reports,
                                                                      given_candidates, options));
    }
    const coverage::WalkwayPlacementResult& r = *job;
    py::dict sites = site_columns(r.result, r.candidates);
    std::vector<std::string> walkway_ids;
    std::vector<double> offsets;
    for (const auto& site : r.result.sites) {
        const auto& c = r.candidates[site.candidate];
        walkway_ids.push_back(c.walkway ? walkways.features[*c.walkway].id : std::string());
        offsets.push_back(c.walkway ? c.offset_m : std::nan(""));
    }
    sites[cameras_mode ? "new_seen_m" : "new_lit_m"] = to_numpy(r.new_m);
    sites["walkway"] = string_array(walkway_ids);
    sites["offset_m"] = to_numpy(offsets);

    // The newly covered stretches, as the CLI's "covered" layer.
    std::vector<std::int64_t> run_rank, run_walkway;
    std::vector<double> from, to, run_reports, run_weight;
    py::list lines;
    for (const auto& run : coverage::covered_runs(r)) {
        const auto& on = r.lines[run.line];
        run_rank.push_back(static_cast<std::int64_t>(run.site_rank));
        run_walkway.push_back(static_cast<std::int64_t>(on.feature));
        from.push_back(run.from_m);
        to.push_back(run.to_m);
        run_reports.push_back(run.reports);
        run_weight.push_back(run.weight);
        lines.append(line_array(coverage::cut(*on.line, run.from_m, run.to_m)));
    }
    py::dict covered("site_rank"_a = to_numpy(run_rank), "walkway_index"_a = to_numpy(run_walkway),
                     "from_m"_a = to_numpy(from), "to_m"_a = to_numpy(to), "reports"_a = to_numpy(run_reports),
                     "weight"_a = to_numpy(run_weight), "lines"_a = lines);

    coverage::WalkwayPlacementFigures figures;
    figures.walkway_m = r.walkway_m;
    figures.covered_before_m = r.covered_before_m;
    figures.newly_covered_m = r.newly_covered_m;
    figures.cameras = cameras_mode;
    figures.camera_range_m = camera_range;
    figures.light_model = light.model;
    figures.light_figures = coverage::light_figures(light_settings(light), light_opts);
    py::dict summary = placement_summary(target.c_str(), r.result, r.candidates, budget.has_value(), &figures);
    py::dict d;
    d["sites"] = sites;
    d["covered"] = covered;
    d["summary"] = summary;
    d["working_crs"] = walkways.working_crs;
    return d;
}

LightArgs light_args(const std::string& model, double light_radius, const std::optional<double>& radius_from_height,
                     double intensity, double default_height, const std::optional<double>& min_lux,
                     const std::optional<std::string>& lux_class, double lux_cutoff, double lux_cell) {
    return LightArgs{model, light_radius, radius_from_height, intensity, default_height, min_lux, lux_class, lux_cutoff, lux_cell};
}

}  // namespace

void bind_coverage(py::module_& m) {
    m.def(
        "_coverage",
        [](const py::object& walkways, const py::object& lights, const py::object& cameras, const py::object& buildings,
           const py::object& reports, const py::object& areas, const py::object& clusters, const std::string& model,
           double light_radius, const std::optional<double>& radius_from_height, double intensity, double default_height,
           const std::optional<double>& min_lux, const std::optional<std::string>& lux_class, double lux_cutoff,
           double lux_cell, double camera_fov, double camera_range, double min_gap, double gap_distance,
           unsigned threads) {
            return coverage_py(walkways, lights, cameras, buildings, reports, areas, clusters,
                               light_args(model, light_radius, radius_from_height, intensity, default_height, min_lux,
                                          lux_class, lux_cutoff, lux_cell),
                               camera_fov, camera_range, min_gap, gap_distance, threads);
        },
        "The columns behind trygg.coverage (see python/trygg/_coverage.py).", "walkways"_a, "lights"_a, "cameras"_a,
        "buildings"_a, "reports"_a, "areas"_a, "clusters"_a, "model"_a, "light_radius"_a, "radius_from_height"_a,
        "intensity"_a, "default_height"_a, "min_lux"_a, "lux_class"_a, "lux_cutoff"_a, "lux_cell"_a, "camera_fov"_a,
        "camera_range"_a, "min_gap"_a, "gap_distance"_a, "threads"_a);
    m.def("_place_classic", &place_classic_py, "The columns behind trygg.place with demand (python/trygg/_coverage.py).",
          "demand"_a, "weights"_a, "candidates"_a, "costs"_a, "cost_field"_a, "radius"_a, "count"_a, "budget"_a,
          "starts"_a, "swap"_a);
    m.def(
        "_place_walkways",
        [](const std::string& target, const py::object& walkways, const py::object& lights, const py::object& cameras,
           const py::object& buildings, const py::object& reports, const py::object& candidates, const py::object& costs,
           const std::optional<std::string>& cost_field, const std::optional<double>& radius, std::size_t count,
           const std::optional<double>& budget, std::size_t starts, bool swap, double spacing, double sample,
           double report_distance, double camera_range, double camera_fov, const std::string& model,
           double light_radius, const std::optional<double>& radius_from_height, double intensity,
           double default_height, const std::optional<double>& min_lux, const std::optional<std::string>& lux_class,
           double lux_cutoff, double lux_cell) {
            return place_walkways_py(target, walkways, lights, cameras, buildings, reports, candidates, costs, cost_field,
                                     radius, count, budget, starts, swap, spacing, sample, report_distance, camera_range,
                                     camera_fov,
                                     light_args(model, light_radius, radius_from_height, intensity, default_height,
                                                min_lux, lux_class, lux_cutoff, lux_cell));
        },
        "The columns behind trygg.place on walkways (python/trygg/_coverage.py).", "target"_a, "walkways"_a, "lights"_a,
        "cameras"_a, "buildings"_a, "reports"_a, "candidates"_a, "costs"_a, "cost_field"_a, "radius"_a, "count"_a,
        "budget"_a, "starts"_a, "swap"_a, "spacing"_a, "sample"_a, "report_distance"_a, "camera_range"_a,
        "camera_fov"_a, "model"_a, "light_radius"_a, "radius_from_height"_a, "intensity"_a, "default_height"_a,
        "min_lux"_a, "lux_class"_a, "lux_cutoff"_a, "lux_cell"_a);
}

}  // namespace trygg::python
