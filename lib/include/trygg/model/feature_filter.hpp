#pragma once
// The filters an analysis applies to its reports before it starts: categories, a time window
// and "within these areas". Filtered features are not errors, but they are counted per filter
// so a command can say what it left out (nothing is dropped silently).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trygg/model/geometry.hpp"
#include "trygg/model/layer.hpp"
#include "trygg/model/time.hpp"

namespace trygg::model {

struct FeatureFilter {
    std::vector<std::string> categories;  // normalised names; empty = all
    std::optional<TimePoint> from;        // inclusive
    std::optional<TimePoint> to;          // exclusive
    std::vector<MultiPolygon> within;     // empty = everywhere; boundaries count as inside
};

struct FilterReport {
    std::size_t kept = 0;
    std::map<std::string, std::size_t> left_out;  // "category", "no_time", "before", "after", "outside"

    std::size_t total_left_out() const;
    // "kept 812 of 5000 reports (category 3900, outside 288)" for a command's summary line.
    std::string describe(const std::string& what) const;
};

// Keeps the accepted features of `layer` that pass every filter (in order), and reports what
// it left out. A feature without a time is left out when a time window is given ("no_time").
FilterReport filter_features(Layer& layer, const FeatureFilter& filter);

}  // namespace trygg::model
