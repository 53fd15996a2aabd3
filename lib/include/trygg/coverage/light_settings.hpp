#pragma once
// The user's choice of lighting model as the CLI options and the Python arguments give it
// (--model, --class, --min-lux, --radius-from-height and the numbers in LightOptions), turned
// into checked LightOptions. One function for the CLI (tools/trygg/light_options.cpp) and the
// Python module, so both accept the same combinations and say the same thing about the others.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "trygg/coverage/light_coverage.hpp"

namespace trygg::coverage {

struct LightSettings {
    std::string model = "disc";  // "disc" or "lux"
    LightOptions options;        // radius_m, intensity_cd, default_height_m, cutoff_m, area_cell_m, ...
    std::optional<double> radius_per_height;
    std::optional<double> min_lux;
    std::string p_class;  // "P1".."P6" or ""
};

// `settings.options` with the model, the class's minimum or min_lux, and radius_per_height
// applied. UsageError naming the CLI option (--class, --min-lux, --radius-from-height,
// --light-radius, --intensity, --default-height, --lux-cutoff, --model) for an unknown model or
// class, both --class and --min-lux, lux options with the disc model or the other way round, and
// values out of range.
LightOptions resolve_light_settings(const LightSettings& settings);

// The model's figures as the commands' --json reports them after "model", in order: lux model
// min_lux, intensity_cd, default_height_m; disc model light_radius_m, radius_from_height
// (nullopt: off). `resolved` is resolve_light_settings(settings).
std::vector<std::pair<std::string, std::optional<double>>> light_figures(const LightSettings& settings,
                                                                         const LightOptions& resolved);

}  // namespace trygg::coverage
