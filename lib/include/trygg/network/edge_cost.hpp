#pragma once
// What a walk along each edge of the walking graph is like at night — which stretches are lit,
// which are seen by cameras, how close it passes to reported incidents — and the safety-weighted
// edge cost the safe route minimises:
//
//   cost = length * (1 + w_dark * unlit_share + w_unseen * unseen_share + w_hot * exposure)
//
// The idea of pricing unlit ways above lit ones is Valhalla's `use_lit` costing factor (unlit
// edges cost up to 8 times as much for pedestrians); here darkness, being out of camera view
// and hotspot exposure each add their own multiple of the length. Computed once per run and
// shared by every route query.

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "trygg/coverage/line_intervals.hpp"
#include "trygg/model/geometry.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

struct SafetyWeights {
    double dark = 2.0;    // w_dark: extra cost per metre in the dark, as a multiple of the length
    double unseen = 1.0;  // w_unseen: per metre out of camera view
    double hot = 1.0;     // w_hot: per metre at full hotspot exposure (1.0)
};

// The night-time conditions along one edge.
struct EdgeConditions {
    coverage::LineIntervals lit;   // lit stretches, offsets along the edge's geometry (normalised)
    coverage::LineIntervals seen;  // stretches seen by a camera
    double exposure = 0.0;         // 0..1, see edge_exposure()
};

// Shares of an edge's length, 0..1 (0 for an edge of length 0).
double lit_share(const WalkEdge& edge, const EdgeConditions& conditions);
double seen_share(const WalkEdge& edge, const EdgeConditions& conditions);

// The formula above for one edge. Throws UsageError for a negative or non-finite weight.
double safe_cost(const WalkEdge& edge, const EdgeConditions& conditions, const SafetyWeights& weights);

// One cost per edge: the length (the shortest route), or the safe cost.
std::vector<double> length_costs(const WalkGraph& graph);
std::vector<double> safe_costs(const WalkGraph& graph, std::span<const EdgeConditions> conditions,
                               const SafetyWeights& weights);

// Stretches of a line with some property (lit, seen), e.g. LightCoverage::lit_intervals.
using IntervalSource = std::function<coverage::LineIntervals(const model::LineString&)>;

// The lit stretches an edge has by its walkway's lit attribute alone (when there are no light
// points): all of it when lit, none when unlit or unknown (unknown counts as dark).
coverage::LineIntervals lit_by_attribute(const WalkEdge& edge);

struct ExposureOptions {
    double radius_m = 50.0;  // quartic kernel radius around each report
    double cell_m = 5.0;     // the density grid's cell size
    double spacing_m = 5.0;  // distance between samples along an edge (at least one per edge)
};

// Hotspot exposure of every edge: the kernel density of the reports (quartic, raw:
// sum of w * (1 - (d/r)^2)^2, hotspot/kernel_density.hpp) on a grid over the network, sampled
// along the edge (bilinear between cell centres, samples at the middles of equal parts at most
// `spacing_m` long) and averaged; then divided by the largest edge mean, so the most exposed
// edge has 1 and an edge far from every report 0. All zeros when there are no reports. On a
// very large network the cell grows so that the grid has at most 50 million cells.
// `weights`: one per report, or empty for 1. Throws UsageError for bad options.
std::vector<double> edge_exposure(const WalkGraph& graph, std::span<const model::Point> reports,
                                  std::span<const double> weights, const ExposureOptions& options);

// Conditions for every edge: lit stretches from `lit` (or the lit attribute when `lit` is
// empty), seen stretches from `seen` (none when empty), exposure from `exposure` (one per edge,
// or empty for 0).
std::vector<EdgeConditions> edge_conditions(const WalkGraph& graph, const IntervalSource& lit,
                                            const IntervalSource& seen, std::span<const double> exposure);

}  // namespace trygg::network
