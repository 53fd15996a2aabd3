#pragma once
// Nothing is dropped silently: every feature a reader refuses is recorded here with a reason,
// counted per reason, and can be written to a rejects layer.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/model/geometry.hpp"
#include "trygg/model/value.hpp"

namespace trygg::model {

enum class RejectReason {
    no_geometry,         // empty or NULL geometry, or a CSV row without coordinates
    non_finite,          // NaN or infinite coordinate
    out_of_range,        // coordinate outside the valid range of its CRS (e.g. latitude 95)
    wrong_geometry_type, // e.g. a line in a layer of reports
    invalid_geometry,    // e.g. a line with one point, a ring with fewer than four
    bad_time,            // time field present but unparseable
    bad_number,          // numeric field (weight, heading...) present but unparseable
    filtered,            // left out by a user's filter (category, time window, area)
};

std::string_view to_string(RejectReason reason);

struct Rejection {
    std::int64_t fid = 0;
    std::string id;
    RejectReason reason = RejectReason::no_geometry;
    std::string detail;  // e.g. "time '2015-13-01' does not parse" or the field name
    Geometry geometry;   // what could be read (in the working CRS), possibly empty
    AttributeRow attributes;
};

class RejectLog {
public:
    void add(Rejection rejection);
    const std::vector<Rejection>& rejections() const noexcept { return rejections_; }
    // For in-place updates such as reprojecting rejected geometries with the rest.
    std::vector<Rejection>& rejections() noexcept { return rejections_; }
    std::size_t size() const noexcept { return rejections_.size(); }
    bool empty() const noexcept { return rejections_.empty(); }
    // reason name -> count, sorted by reason name for stable output
    std::map<std::string, std::size_t> counts() const;

private:
    std::vector<Rejection> rejections_;
};

}  // namespace trygg::model
