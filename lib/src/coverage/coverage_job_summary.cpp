#include "trygg/coverage/coverage_job_summary.hpp"

#include <nlohmann/json.hpp>

#include "trygg/model/rounding.hpp"

namespace trygg::coverage {

using model::rounded;
using json = nlohmann::ordered_json;

std::string coverage_job_summary_json(const CoverageJobResult& result, const std::string& light_model,
                                      const std::vector<std::pair<std::string, std::optional<double>>>& light_figures,
                                      const model::Layer& walkways, const model::Layer* areas,
                                      const model::Layer* clusters) {
    const CoverageLengths& total = result.total;
    json j;
    j["walkway_length_m"] = rounded(total.length_m, 2);
    j["lit_length_m"] = rounded(total.lit_m, 2);
    j["seen_length_m"] = rounded(total.seen_m, 2);
    j["lit_share"] = rounded(total.lit_share(), 4);
    j["seen_share"] = rounded(total.seen_share(), 4);
    j["gaps"] = result.gaps.size();
    double gap_length = 0.0;
    for (const auto& g : result.gaps) gap_length += g.length_m;
    j["gap_length_m"] = rounded(gap_length, 2);
    j["walkways"] = walkways.features.size();
    j["model"] = light_model;
    for (const auto& [key, value] : light_figures) j[key] = value ? json(*value) : json(nullptr);
    const LightCounts& lights = result.lights.counts();
    j["lights"] = {{"total", lights.total}, {"used", lights.used}, {"out", lights.out},
                   {"default_radius", lights.default_radius}, {"default_height", lights.default_height}};
    if (result.cameras) {
        const CameraCounts& c = result.cameras->counts();
        j["cameras"] = {{"total", c.total}, {"all_around", c.all_around}, {"moved_off_wall", c.moved_off_wall},
                        {"indoors", c.indoors}};
    }
    j["top_gaps"] = json::array();
    for (std::size_t i = 0; i < result.gaps.size() && i < 10; ++i) {
        const DarkGap& g = result.gaps[i];
        std::vector<std::string> ids;
        for (const std::size_t w : g.walkways) ids.push_back(walkways.features[w].id);
        j["top_gaps"].push_back({{"rank", g.rank}, {"length_m", rounded(g.length_m, 2)}, {"reports", g.reports},
                                 {"score", rounded(g.score, 3)}, {"walkway_ids", ids}});
    }
    if (areas) {
        j["areas"] = json::array();
        for (std::size_t a = 0; a < result.by_area.size(); ++a) {
            const model::Feature& f = areas->features[a];
            const CoverageLengths& l = result.by_area[a];
            j["areas"].push_back({{"id", f.id}, {"name", f.name}, {"walkway_length_m", rounded(l.length_m, 2)},
                                  {"lit_share", rounded(l.lit_share(), 4)}, {"seen_share", rounded(l.seen_share(), 4)}});
        }
    }
    if (clusters) {
        j["clusters"] = json::array();
        for (std::size_t c = 0; c < result.cluster_shares.size(); ++c) {
            const AreaShare& s = result.cluster_shares[c];
            j["clusters"].push_back({{"id", clusters->features[c].id}, {"area_m2", rounded(s.area_m2, 2)},
                                     {"lit_share", rounded(s.lit_share(), 4)}, {"seen_share", rounded(s.seen_share(), 4)}});
        }
    }
    return j.dump();
}

}  // namespace trygg::coverage
