#include "light_options.hpp"

#include <cmath>

#include "trygg/coverage/layer_inputs.hpp"
#include "trygg/coverage/light_settings.hpp"
#include "trygg/error.hpp"

namespace trygg::cli {

void LightOptionSet::add_to(CLI::App& app, const std::string& lights_help, bool required) {
    auto* option = app.add_option("--lights", lights, lights_help);
    if (required) option->required();
    app.add_option("--model", model, "Lighting model: disc (a lit disc per light) or lux (illuminance, EN 13201)")
        ->check(CLI::IsMember({"disc", "lux"}));
    app.add_option("--light-radius", options.radius_m, "Disc model: lit radius of every light, metres");
    app.add_option("--radius-from-height", radius_per_height,
                   "Disc model: radius = this factor x the light's height (lights without height keep "
                   "--light-radius); e.g. 2.5")
        ->default_str("off");
    app.add_option("--intensity", options.intensity_cd, "Lux model: luminous intensity of every light, candela");
    app.add_option("--default-height", options.default_height_m, "Lux model: height of lights without one, metres");
    app.add_option("--min-lux", min_lux,
                   "Lux model: lit where the illuminance is at least this (default: 1, the EN 13201-2 P4 minimum)")
        ->default_str("1");
    app.add_option("--class", p_class,
                   "Lux model: EN 13201-2 class P1..P6; its minimum illuminance is the threshold (P1 3, P2 2, "
                   "P3 1.5, P4 1, P5 0.6, P6 0.4 lx)");
    app.add_option("--lux-cutoff", options.cutoff_m, "Lux model: lights farther than this add nothing, metres");
}

void LightOptionSet::validate() {
    // The rules and messages are the library's, shared with the Python module.
    coverage::LightSettings settings;
    settings.model = model;
    settings.options = options;
    settings.radius_per_height = radius_per_height;
    settings.min_lux = min_lux;
    settings.p_class = p_class;
    options = coverage::resolve_light_settings(settings);
}

void LightOptionSet::describe(nlohmann::ordered_json& j) const {
    j["model"] = model;
    for (const auto& [key, value] : figures())
        j[key] = value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

std::vector<std::pair<std::string, std::optional<double>>> LightOptionSet::figures() const {
    coverage::LightSettings settings;
    settings.model = model;
    settings.radius_per_height = radius_per_height;
    return coverage::light_figures(settings, options);
}

}  // namespace trygg::cli
