#include "trygg/model/rejects.hpp"

namespace trygg::model {

std::string_view to_string(RejectReason reason) {
    switch (reason) {
        case RejectReason::no_geometry: return "no_geometry";
        case RejectReason::non_finite: return "non_finite";
        case RejectReason::out_of_range: return "out_of_range";
        case RejectReason::wrong_geometry_type: return "wrong_geometry_type";
        case RejectReason::invalid_geometry: return "invalid_geometry";
        case RejectReason::bad_time: return "bad_time";
        case RejectReason::bad_number: return "bad_number";
        case RejectReason::filtered: return "filtered";
    }
    return "unknown";
}

void RejectLog::add(Rejection rejection) { rejections_.push_back(std::move(rejection)); }

std::map<std::string, std::size_t> RejectLog::counts() const {
    std::map<std::string, std::size_t> out;
    for (const auto& r : rejections_) ++out[std::string(to_string(r.reason))];
    return out;
}

}  // namespace trygg::model
