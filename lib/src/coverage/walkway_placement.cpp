#include "trygg/coverage/walkway_placement.hpp"

#include <cmath>
#include <locale>
#include <optional>
#include <sstream>
#include <variant>

#include "trygg/coverage/building_obstacles.hpp"
#include "trygg/coverage/camera_coverage.hpp"
#include "trygg/coverage/placement_sites.hpp"
#include "trygg/coverage/candidate_sites.hpp"
#include "trygg/coverage/layer_inputs.hpp"
#include "trygg/coverage/line_intervals.hpp"
#include "trygg/error.hpp"
#include "trygg/model/attribute_values.hpp"

namespace trygg::coverage {

namespace {

// "%.1f" without locale surprises: offsets in site ids ("24101351@37.5").
std::string one_decimal(double v) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.setf(std::ios::fixed);
    out.precision(1);
    out << v;
    return out.str();
}

}  // namespace

std::vector<PlacementCandidate> candidates_from_layer(const model::Layer& layer, const std::string& cost_field) {
    std::optional<std::size_t> cost_index;
    if (!cost_field.empty()) {
        cost_index = model::find_field(layer, cost_field);
        if (!cost_index) throw UsageError("--cost-field: no field '" + cost_field + "'", {layer.source, layer.name, {}, {}});
    }
    std::vector<PlacementCandidate> out;
    out.reserve(layer.features.size());
    for (const auto& f : layer.features) {
        const auto* p = std::get_if<model::Point>(&f.geometry);
        if (!p) throw DataError("a candidate is not a point", {layer.source, layer.name, f.fid, {}});
        PlacementCandidate c{*p, f.id, 1.0, std::nullopt, 0.0};
        if (cost_index) {
            const auto cost = model::numeric_value(f.attributes[*cost_index]);
            if (!cost || !(*cost > 0.0)) throw DataError("cost must be a number > 0", {layer.source, layer.name, f.fid, cost_field});
            c.cost = *cost;
        }
        out.push_back(std::move(c));
    }
    return out;
}

WalkwayPlacementResult place_on_walkways(const model::Layer& walkways, const CoveredStretches& covered,
                                         const model::Layer* reports, const std::vector<PlacementCandidate>* candidates,
                                         const SiteSets& site_sets, const WalkwayPlacementOptions& options,
                                         const std::function<void(double)>& progress) {
    WalkwayPlacementResult out;

    // Demand: the walkway length not covered yet, in pieces weighted by the reports near them.
    std::vector<model::LineString> parts;
    std::vector<LineIntervals> covered_parts;
    for (std::size_t w = 0; w < walkways.features.size(); ++w) {
        const auto& f = walkways.features[w];
        const auto* mls = std::get_if<model::MultiLineString>(&f.geometry);
        if (!mls) throw DataError("a walkway is not a line", {walkways.source, walkways.name, f.fid, {}});
        for (const auto& line : *mls) {
            out.lines.push_back({w, &line});
            parts.push_back(line);
            covered_parts.push_back(covered ? covered(line) : LineIntervals{});
            out.walkway_m += line_length(line);
            out.covered_before_m += total_length(covered_parts.back());
        }
        if (progress && w % 64 == 0) progress(static_cast<double>(w) / static_cast<double>(walkways.features.size()));
    }
    out.pieces = uncovered_pieces(parts, covered_parts, options.sample_m);
    const WeightedPoints report = reports ? report_points(*reports) : WeightedPoints{};
    out.reports_near = reports_near(out.pieces, report.points, report.weights, options.report_distance_m);
    std::vector<model::Point> demand_points;
    demand_points.reserve(out.pieces.size());
    out.weights.reserve(out.pieces.size());
    for (std::size_t i = 0; i < out.pieces.size(); ++i) {
        demand_points.push_back(out.pieces[i].midpoint);
        out.weights.push_back(out.pieces[i].length_m() * (1.0 + out.reports_near[i]));
    }

    // Candidates.
    if (candidates) {
        out.candidates = *candidates;
    } else {
        for (const auto& site : sites_along_lines(parts, options.spacing_m)) {
            const WalkwayLine& on = out.lines[site.line];
            out.candidates.push_back({site.position, walkways.features[on.feature].id + "@" + one_decimal(site.offset_m),
                                      1.0, on.feature, site.offset_m});
        }
    }
    if (out.candidates.empty())
        throw DataError("no candidate sites", {candidates ? std::string() : walkways.source, {}, {}, {}});

    // Choose.
    std::vector<model::Point> candidate_points;
    std::vector<double> costs;
    for (const auto& c : out.candidates) {
        candidate_points.push_back(c.position);
        costs.push_back(c.cost);
    }
    const CoverageSets sets = site_sets(demand_points, candidate_points);
    PlacementProblem problem;
    problem.sets = &sets;
    problem.weights = out.weights;
    if (options.use_costs) problem.costs = costs;
    out.result = place_sites(problem, options.placement);

    // Which site (rank) newly covers each piece, in the reported order.
    out.rank_of.assign(out.pieces.size(), 0);
    out.new_m.assign(out.result.sites.size(), 0.0);
    for (std::size_t r = 0; r < out.result.sites.size(); ++r)
        for (std::uint32_t d : sets.covered_by(out.result.sites[r].candidate))
            if (out.rank_of[d] == 0) {
                out.rank_of[d] = r + 1;
                out.new_m[r] += out.pieces[d].length_m();
            }
    for (double m : out.new_m) out.newly_covered_m += m;
    if (progress) progress(1.0);
    return out;
}

std::vector<CoveredRun> covered_runs(const WalkwayPlacementResult& result) {
    std::vector<CoveredRun> out;
    const auto& pieces = result.pieces;
    for (std::size_t i = 0; i < pieces.size();) {
        if (result.rank_of[i] == 0) {
            ++i;
            continue;
        }
        CoveredRun run{result.rank_of[i], pieces[i].line, pieces[i].from_m, pieces[i].to_m, result.reports_near[i],
                       result.weights[i]};
        std::size_t j = i + 1;
        while (j < pieces.size() && pieces[j].line == pieces[i].line && result.rank_of[j] == result.rank_of[i] &&
               pieces[j].from_m == pieces[j - 1].to_m) {
            run.to_m = pieces[j].to_m;
            run.reports += result.reports_near[j];
            run.weight += result.weights[j];
            ++j;
        }
        out.push_back(run);
        i = j;
    }
    return out;
}

WalkwayPlacementResult place_lights_on_walkways(const model::Layer& walkways, const model::Layer& lights,
                                                const LightOptions& light, double radius_m,
                                                const model::Layer* reports,
                                                const std::vector<PlacementCandidate>* candidates,
                                                const WalkwayPlacementOptions& options,
                                                const std::function<void(double)>& progress) {
    const LightCoverage lit(light_sources(lights), light);
    return place_on_walkways(
        walkways, [&lit](const model::LineString& line) { return lit.lit_intervals(line); }, reports, candidates,
        [&lit, radius_m](std::span<const model::Point> demand, std::span<const model::Point> sites) {
            return light_site_sets(demand, sites, lit, radius_m);
        },
        options, progress);
}

WalkwayPlacementResult place_cameras_on_walkways(const model::Layer& walkways, const model::Layer* cameras,
                                                 const model::Layer* buildings, double camera_fov_deg,
                                                 double range_m, const model::Layer* reports,
                                                 const std::vector<PlacementCandidate>* candidates,
                                                 const WalkwayPlacementOptions& options,
                                                 const std::function<void(double)>& progress) {
    std::optional<BuildingObstacles> obstacles;
    if (buildings) obstacles.emplace(building_footprints(*buildings));
    const BuildingObstacles* hide = obstacles ? &*obstacles : nullptr;
    std::optional<CameraCoverage> seen;
    CoveredStretches covered;
    if (cameras) {
        seen.emplace(camera_specs(*cameras, camera_fov_deg, range_m), hide);
        covered = [&seen](const model::LineString& line) { return seen->seen_intervals(line); };
    }
    return place_on_walkways(
        walkways, covered, reports, candidates,
        [hide, range_m](std::span<const model::Point> demand, std::span<const model::Point> sites) {
            return camera_site_sets(demand, sites, range_m, hide);
        },
        options, progress);
}

}  // namespace trygg::coverage
