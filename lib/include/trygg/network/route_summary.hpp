#pragma once
// The figures of one planned pair as `trygg route --json` prints them and trygg.route returns
// them (`.summary`): one definition of the keys, their order and their rounding, so the CLI and
// the Python module cannot drift apart. Returned as JSON text (an object): the CLI prints it,
// Python parses it with json.loads.

#include <string>

#include "trygg/network/route.hpp"

namespace trygg::network {

// {"shortest": {...}, "safe": {...}, "from_snap_m", "to_snap_m"}, each route with length_m,
// detour_pct, dark_m (2 decimals), lit_share, seen_share, exposure (4) and dark_stretches
// [{from_m, to_m, length_m}]. The snap distances are how far the given ends lie from the network.
std::string route_pair_summary_json(const RoutePair& routes, double from_snap_m, double to_snap_m);

}  // namespace trygg::network
