#include "trygg/network/route_summary.hpp"

#include <nlohmann/json.hpp>

#include "trygg/model/rounding.hpp"

namespace trygg::network {

namespace {

using model::rounded;
using json = nlohmann::ordered_json;

json route_figures(const RouteResult& r) {
    json j;
    j["length_m"] = rounded(r.length_m, 2);
    j["detour_pct"] = rounded(r.detour_pct, 2);
    j["lit_share"] = rounded(r.lit_share, 4);
    j["seen_share"] = rounded(r.seen_share, 4);
    j["exposure"] = rounded(r.exposure, 4);
    j["dark_m"] = rounded(r.dark_m, 2);
    j["dark_stretches"] = json::array();
    for (const DarkStretch& d : r.dark)
        j["dark_stretches"].push_back(
            {{"from_m", rounded(d.from_m, 2)}, {"to_m", rounded(d.to_m, 2)}, {"length_m", rounded(d.to_m - d.from_m, 2)}});
    return j;
}

}  // namespace

std::string route_pair_summary_json(const RoutePair& routes, double from_snap_m, double to_snap_m) {
    json j;
    j["shortest"] = route_figures(routes.shortest);
    j["safe"] = route_figures(routes.safe);
    j["from_snap_m"] = rounded(from_snap_m, 2);
    j["to_snap_m"] = rounded(to_snap_m, 2);
    return j.dump();
}

}  // namespace trygg::network
