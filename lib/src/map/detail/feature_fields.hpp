#pragma once
// Reading the attributes of analysis outputs (a clusters layer, a route layer...) by field name,
// for popups. Missing fields and NULLs read as nullopt / empty text, so a preset shows what is
// there and leaves out what is not.

#include <optional>
#include <string>
#include <string_view>

#include "trygg/model/layer.hpp"

namespace trygg::map::detail {

class FeatureFields {
public:
    explicit FeatureFields(const model::Layer& layer) : layer_(layer) {}

    std::optional<double> number(const model::Feature& f, std::string_view field) const;
    std::string text(const model::Feature& f, std::string_view field) const;
    bool has(std::string_view field) const;
    // Whether a text/flag field says yes: 1, true, yes, ja (any case).
    std::optional<bool> flag(const model::Feature& f, std::string_view field) const;

private:
    const model::Layer& layer_;
};

}  // namespace trygg::map::detail
