#include "trygg/error.hpp"

namespace trygg {

std::string describe(const ErrorLocation& location, const std::string& message) {
    std::string out;
    auto add = [&out](const std::string& part) {
        if (!out.empty()) out += ": ";
        out += part;
    };
    if (!location.source.empty()) add(location.source);
    if (!location.layer.empty()) add("layer '" + location.layer + "'");
    if (location.feature) add("feature " + std::to_string(*location.feature));
    if (!location.field.empty()) add("field '" + location.field + "'");
    add(message);
    return out;
}

Error::Error(ErrorKind kind, const std::string& message, ErrorLocation location)
    : std::runtime_error(describe(location, message)),
      kind_(kind),
      location_(std::move(location)),
      message_(message) {}

}  // namespace trygg
