#pragma once
// "What can I reach from this bus stop?": for every stop, every activity within a walking
// limit along the network, with its walking distance, and per category the count and the
// nearest one.
//
// Walking distance = the straight walk from the stop to its walkway + the network distance +
// the straight walk from the walkway to the activity (0 for an area the walkway enters).
// The limit applies to that total. One bounded search per stop on the shared graph (see
// bounded_search.hpp); activities are found through the edges the search reaches, never by
// testing every activity for every stop.

#include <cstddef>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "trygg/network/bounded_search.hpp"
#include "trygg/network/snapping.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

// A stop or activity on the network: where it meets the walkways (one snap for a point,
// several for an area; none when nothing was within reach of the snapping).
using Access = std::vector<Snap>;

struct Reach {
    std::size_t activity = 0;  // index into the activities
    double distance_m = 0.0;   // walking distance, straight legs included
    double network_m = 0.0;    // the part along the network
};

struct NearbyOptions {
    double limit_m = 780.0;  // 10 minutes at 1.3 m/s
    unsigned threads = 1;    // stops are searched in parallel; the result does not depend on it
    std::function<void(double)> progress;  // fraction of stops done, from the calling thread
};

struct StopNearby {
    std::vector<Reach> reached;  // ascending distance, ties by activity index
    std::vector<EdgePiece> area; // the reached network (for the walking area)
};

// One entry per stop, in stop order. A stop or activity without access reaches / is reached by
// nothing. `keep_area` fills StopNearby::area.
std::vector<StopNearby> find_nearby(const WalkGraph& graph, std::span<const Access> stops,
                                    std::span<const Access> activities, const NearbyOptions& options,
                                    bool keep_area = false);

struct CategorySummary {
    std::size_t count = 0;
    std::size_t nearest = 0;  // position in StopNearby::reached
};

// Per category (as given for each activity): how many were reached and which is nearest.
std::map<std::string, CategorySummary> summarise_categories(const StopNearby& stop,
                                                            std::span<const std::string> categories);

}  // namespace trygg::network
