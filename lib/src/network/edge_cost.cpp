#include "trygg/network/edge_cost.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "trygg/error.hpp"
#include "trygg/hotspot/kernel_density.hpp"

namespace trygg::network {

namespace {

double share(const WalkEdge& edge, const coverage::LineIntervals& intervals) {
    if (!(edge.length_m > 0.0)) return 0.0;
    const coverage::LineIntervals inside = coverage::intersection(intervals, {{0.0, edge.length_m}});
    return std::clamp(coverage::total_length(inside) / edge.length_m, 0.0, 1.0);
}

void check_weight(const char* name, double w) {
    if (!(w >= 0.0) || !std::isfinite(w))
        throw UsageError(std::string("safe cost: the weight ") + name + " must be a finite number >= 0");
}

void check_positive(const char* name, double v) {
    if (!(v > 0.0) || !std::isfinite(v))
        throw UsageError(std::string("hotspot exposure: ") + name + " must be a finite number > 0 (metres)");
}

// Bilinear interpolation between the values at cell centres (clamped at the grid's border).
double sample(const std::vector<float>& values, const hotspot::GridSpec& grid, model::Point p) {
    const double fx = (p.x - grid.origin_x) / grid.cell - 0.5;
    const double fy = (grid.origin_y - p.y) / grid.cell - 0.5;
    const double max_c = grid.columns - 1, max_r = grid.rows - 1;
    const double cx = std::clamp(fx, 0.0, max_c), cy = std::clamp(fy, 0.0, max_r);
    const auto c0 = static_cast<std::size_t>(std::floor(cx)), r0 = static_cast<std::size_t>(std::floor(cy));
    const std::size_t c1 = std::min(c0 + 1, static_cast<std::size_t>(grid.columns - 1));
    const std::size_t r1 = std::min(r0 + 1, static_cast<std::size_t>(grid.rows - 1));
    const double tx = cx - static_cast<double>(c0), ty = cy - static_cast<double>(r0);
    const auto columns = static_cast<std::size_t>(grid.columns);
    auto at = [&](std::size_t r, std::size_t c) { return static_cast<double>(values[r * columns + c]); };
    const double top = at(r0, c0) * (1.0 - tx) + at(r0, c1) * tx;
    const double bottom = at(r1, c0) * (1.0 - tx) + at(r1, c1) * tx;
    return top * (1.0 - ty) + bottom * ty;
}

}  // namespace

double lit_share(const WalkEdge& edge, const EdgeConditions& conditions) { return share(edge, conditions.lit); }
double seen_share(const WalkEdge& edge, const EdgeConditions& conditions) { return share(edge, conditions.seen); }

double safe_cost(const WalkEdge& edge, const EdgeConditions& conditions, const SafetyWeights& weights) {
    check_weight("w_dark", weights.dark);
    check_weight("w_unseen", weights.unseen);
    check_weight("w_hot", weights.hot);
    const double unlit = 1.0 - lit_share(edge, conditions);
    const double unseen = 1.0 - seen_share(edge, conditions);
    const double exposure = std::clamp(conditions.exposure, 0.0, 1.0);
    return edge.length_m * (1.0 + weights.dark * unlit + weights.unseen * unseen + weights.hot * exposure);
}

std::vector<double> length_costs(const WalkGraph& graph) {
    std::vector<double> costs;
    costs.reserve(graph.edge_count());
    for (const WalkEdge& e : graph.edges()) costs.push_back(e.length_m);
    return costs;
}

std::vector<double> safe_costs(const WalkGraph& graph, std::span<const EdgeConditions> conditions,
                               const SafetyWeights& weights) {
    if (conditions.size() != graph.edge_count())
        throw UsageError("safe cost: " + std::to_string(conditions.size()) + " edge conditions for " +
                         std::to_string(graph.edge_count()) + " edges");
    std::vector<double> costs;
    costs.reserve(graph.edge_count());
    for (std::size_t i = 0; i < conditions.size(); ++i)
        costs.push_back(safe_cost(graph.edge(static_cast<EdgeId>(i)), conditions[i], weights));
    return costs;
}

coverage::LineIntervals lit_by_attribute(const WalkEdge& edge) {
    if (edge.lit == LitState::lit && edge.length_m > 0.0) return {{0.0, edge.length_m}};
    return {};
}

std::vector<double> edge_exposure(const WalkGraph& graph, std::span<const model::Point> reports,
                                  std::span<const double> weights, const ExposureOptions& options) {
    check_positive("the kernel radius", options.radius_m);
    check_positive("the cell size", options.cell_m);
    check_positive("the sample spacing", options.spacing_m);
    if (!weights.empty() && weights.size() != reports.size())
        throw UsageError("hotspot exposure: " + std::to_string(weights.size()) + " weights for " +
                         std::to_string(reports.size()) + " reports");
    std::vector<double> exposure(graph.edge_count(), 0.0);
    if (reports.empty() || graph.edge_count() == 0) return exposure;

    model::Box extent{graph.node(0).x, graph.node(0).y, graph.node(0).x, graph.node(0).y};
    for (const WalkEdge& e : graph.edges())
        for (const model::Point& p : e.geometry) {
            extent.min_x = std::min(extent.min_x, p.x);
            extent.min_y = std::min(extent.min_y, p.y);
            extent.max_x = std::max(extent.max_x, p.x);
            extent.max_y = std::max(extent.max_y, p.y);
        }
    // The grid only has to cover the network: reports outside it still add to the cells within
    // their radius (kernel_density's difference 2 from QGIS).
    double cell = options.cell_m;
    constexpr double kMaxCells = 50e6;
    hotspot::GridSpec grid = hotspot::grid_around(extent, options.radius_m, cell);
    while (static_cast<double>(grid.columns) * static_cast<double>(grid.rows) > kMaxCells) {
        cell *= 2.0;
        grid = hotspot::grid_around(extent, options.radius_m, cell);
    }
    hotspot::KdeParams params;
    params.radius = options.radius_m;
    params.kernel = hotspot::Kernel::quartic;
    params.value = hotspot::DensityValue::raw;
    params.weights = weights;
    const std::vector<float> density = hotspot::kernel_density(reports, grid, params);

    double largest = 0.0;
    for (std::size_t i = 0; i < graph.edge_count(); ++i) {
        const WalkEdge& e = graph.edge(static_cast<EdgeId>(i));
        const double parts = std::max(1.0, std::ceil(e.length_m / options.spacing_m));
        const auto n = static_cast<std::size_t>(parts);
        double sum = 0.0;
        for (std::size_t k = 0; k < n; ++k)
            sum += sample(density, grid,
                          coverage::point_at(e.geometry, (static_cast<double>(k) + 0.5) * e.length_m / parts));
        exposure[i] = sum / parts;
        largest = std::max(largest, exposure[i]);
    }
    if (largest > 0.0)
        for (double& x : exposure) x /= largest;
    return exposure;
}

std::vector<EdgeConditions> edge_conditions(const WalkGraph& graph, const IntervalSource& lit,
                                            const IntervalSource& seen, std::span<const double> exposure) {
    if (!exposure.empty() && exposure.size() != graph.edge_count())
        throw UsageError("edge conditions: " + std::to_string(exposure.size()) + " exposure values for " +
                         std::to_string(graph.edge_count()) + " edges");
    std::vector<EdgeConditions> out(graph.edge_count());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const WalkEdge& e = graph.edge(static_cast<EdgeId>(i));
        out[i].lit = coverage::normalise(lit ? lit(e.geometry) : lit_by_attribute(e));
        if (seen) out[i].seen = coverage::normalise(seen(e.geometry));
        if (!exposure.empty()) out[i].exposure = exposure[i];
    }
    return out;
}

}  // namespace trygg::network
