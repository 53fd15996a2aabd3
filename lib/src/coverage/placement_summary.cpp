#include "trygg/coverage/placement_summary.hpp"

#include <nlohmann/json.hpp>

#include "trygg/model/rounding.hpp"

namespace trygg::coverage {

using model::rounded;

std::string placement_summary_json(std::string_view mode, const PlacementResult& result,
                                   std::span<const PlacementCandidate> candidates,
                                   std::span<const model::Point> site_positions, bool has_budget,
                                   const WalkwayPlacementFigures* walkway) {
    nlohmann::ordered_json j;
    j["mode"] = mode;
    j["sites"] = nlohmann::ordered_json::array();
    for (std::size_t r = 0; r < result.sites.size(); ++r) {
        const PlacedSite& site = result.sites[r];
        nlohmann::ordered_json s;
        s["rank"] = r + 1;
        s["id"] = candidates[site.candidate].id;
        s["x"] = rounded(site_positions[r].x, 2);
        s["y"] = rounded(site_positions[r].y, 2);
        s["gain"] = rounded(site.gain, 3);
        s["cumulative"] = rounded(site.cumulative, 3);
        s["cost"] = site.cost;
        j["sites"].push_back(std::move(s));
    }
    j["covered_demand"] = rounded(result.covered, 3);
    j["total_demand"] = rounded(result.total_demand, 3);
    j["covered_share"] = result.total_demand > 0.0 ? rounded(result.covered / result.total_demand, 4) : 0.0;
    j["candidates"] = candidates.size();
    j["total_cost"] = result.total_cost;
    j["greedy_covered_demand"] = rounded(result.greedy_covered, 3);
    j["swaps"] = result.swaps;
    j["pair_swaps"] = result.pair_swaps;
    j["rule"] = result.rule == GreedyRule::gain ? "gain" : "gain_per_cost";
    if (!has_budget) j["optimum_bound"] = rounded(result.optimum_bound, 3);
    if (walkway) {
        j["walkway_length_m"] = rounded(walkway->walkway_m, 1);
        j[walkway->cameras ? "seen_length_m" : "lit_length_m"] = rounded(walkway->covered_before_m, 1);
        j[walkway->cameras ? "newly_seen_m" : "newly_lit_m"] = rounded(walkway->newly_covered_m, 1);
        if (walkway->cameras) {
            j["camera_range_m"] = walkway->camera_range_m;
        } else {
            j["model"] = walkway->light_model;
            for (const auto& [key, value] : walkway->light_figures)
                j[key] = value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
        }
    }
    return j.dump();
}

}  // namespace trygg::coverage
