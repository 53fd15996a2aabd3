#pragma once
// The default mode of `trygg place`: where N new street lights (or cameras) add the most cover
// where it is needed. The demand is the walkway length not covered yet (dark, or unseen), cut
// into short pieces weighted by the reports near them (placement_demand.hpp); the candidates are
// sites every `spacing_m` along the walkways (candidate_sites.hpp) or given points; what each
// candidate would cover comes from the caller (placement_sites.hpp: light_site_sets,
// camera_site_sets); the sites are chosen by placement.hpp's lazy greedy with swaps. The CLI and
// the Python module both call place_on_walkways.

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "trygg/coverage/coverage_sets.hpp"
#include "trygg/coverage/line_intervals.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/coverage/placement.hpp"
#include "trygg/coverage/placement_demand.hpp"
#include "trygg/model/geometry.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::coverage {

// One part of one walkway feature: what the demand pieces and generated sites refer to.
struct WalkwayLine {
    std::size_t feature = 0;                  // index into the walkways' features
    const model::LineString* line = nullptr;  // borrowed from the walkways layer
};

// A place a new light or camera could go.
struct PlacementCandidate {
    model::Point position;
    std::string id;                      // "<walkway id>@<offset, one decimal>" for generated sites
    double cost = 1.0;
    std::optional<std::size_t> walkway;  // generated sites: the walkway feature it lies on
    double offset_m = 0.0;               // ... and how far along that part
};

struct WalkwayPlacementOptions {
    double spacing_m = 25.0;          // generated candidates: one every this many metres
    double sample_m = 5.0;            // demand pieces are at most this long
    double report_distance_m = 25.0;  // a piece weighs length * (1 + reports within this distance)
    bool use_costs = false;           // the candidates' costs count (else every site costs 1)
    PlacementOptions placement;
};

// The stretches of a line that are covered already (lit by the existing lights, seen by the
// existing cameras); an empty function: nothing is.
using CoveredStretches = std::function<LineIntervals(const model::LineString&)>;
// What each candidate would cover of the demand points (the pieces' midpoints).
using SiteSets = std::function<CoverageSets(std::span<const model::Point> demand,
                                            std::span<const model::Point> candidates)>;

struct WalkwayPlacementResult {
    std::vector<WalkwayLine> lines;
    std::vector<DemandPiece> pieces;   // not covered yet (demand items), by line and offset
    std::vector<double> reports_near;  // per piece
    std::vector<double> weights;       // per piece: length * (1 + reports_near)
    double walkway_m = 0.0;            // total walkway length
    double covered_before_m = 0.0;     // covered already
    std::vector<PlacementCandidate> candidates;
    PlacementResult result;
    std::vector<std::size_t> rank_of;  // per piece: rank (1..) of the site that newly covers it, 0 = none
    std::vector<double> new_m;         // per chosen site: length it newly covers
    double newly_covered_m = 0.0;      // sum of new_m
};

// `candidates` null: sites every spacing_m along the walkways. Throws UsageError for bad options
// and DataError naming the feature for a walkway that is not a line or a report that is not a
// point, and for no candidate at all. `progress` gets the share of walkways done (0..1).
WalkwayPlacementResult place_on_walkways(const model::Layer& walkways, const CoveredStretches& covered,
                                         const model::Layer* reports, const std::vector<PlacementCandidate>* candidates,
                                         const SiteSets& site_sets, const WalkwayPlacementOptions& options,
                                         const std::function<void(double)>& progress = {});

// The default mode of `trygg place` and trygg.place, for both front ends: new lights where the
// existing `lights` (with `light` options) leave walkways dark, a new light covering what its
// `radius_m` disc (or, in the lux model, its added illuminance) reaches (placement_sites.hpp).
WalkwayPlacementResult place_lights_on_walkways(const model::Layer& walkways, const model::Layer& lights,
                                                const LightOptions& light, double radius_m,
                                                const model::Layer* reports,
                                                const std::vector<PlacementCandidate>* candidates,
                                                const WalkwayPlacementOptions& options,
                                                const std::function<void(double)>& progress = {});

// New 360-degree cameras of `range_m` where the existing `cameras` (may be null: none; specs
// defaulting to `camera_fov_deg` / `range_m`) see nothing; `buildings` (may be null) hide what is
// behind them, for the existing cameras and the new ones alike.
WalkwayPlacementResult place_cameras_on_walkways(const model::Layer& walkways, const model::Layer* cameras,
                                                 const model::Layer* buildings, double camera_fov_deg,
                                                 double range_m, const model::Layer* reports,
                                                 const std::vector<PlacementCandidate>* candidates,
                                                 const WalkwayPlacementOptions& options,
                                                 const std::function<void(double)>& progress = {});

// A run of consecutive pieces of one line newly covered by the same site: what the CLI writes as
// one feature of its "covered" layer.
struct CoveredRun {
    std::size_t site_rank = 0;  // 1..
    std::size_t line = 0;       // index into WalkwayPlacementResult::lines
    double from_m = 0.0;
    double to_m = 0.0;
    double reports = 0.0;  // sum of the pieces' reports_near: a weight, not a head count (a report
                           // near two pieces counts twice)
    double weight = 0.0;   // sum of the pieces' weights
};

// The newly covered pieces, consecutive pieces of one line covered by the same site joined into
// one, in piece order.
std::vector<CoveredRun> covered_runs(const WalkwayPlacementResult& result);

// Candidates from a point layer, with costs from `cost_field` when it is not empty (UsageError
// when the layer has no such field, DataError for a cost that is not a number > 0).
std::vector<PlacementCandidate> candidates_from_layer(const model::Layer& layer, const std::string& cost_field);

}  // namespace trygg::coverage
