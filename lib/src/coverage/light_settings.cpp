#include "trygg/coverage/light_settings.hpp"

#include <cmath>
#include <span>

#include "trygg/error.hpp"

namespace trygg::coverage {

LightOptions resolve_light_settings(const LightSettings& settings) {
    LightOptions options = settings.options;
    if (settings.model != "disc" && settings.model != "lux")
        throw UsageError("--model must be disc or lux, not '" + settings.model + "'");
    options.model = settings.model == "lux" ? LightModel::lux : LightModel::disc;
    const bool lux = options.model == LightModel::lux;
    if (settings.radius_per_height) options.radius_per_height = *settings.radius_per_height;
    if (!settings.p_class.empty()) {
        const auto c = p_class(settings.p_class);
        if (!c) throw UsageError("--class must be one of P1, P2, P3, P4, P5, P6 (EN 13201-2), not '" + settings.p_class + "'");
        if (settings.min_lux) throw UsageError("give --class or --min-lux, not both");
        options.min_lux = c->minimum_lux;
    }
    if (settings.min_lux) options.min_lux = *settings.min_lux;
    if (!lux && (!settings.p_class.empty() || settings.min_lux)) throw UsageError("--class and --min-lux need --model lux");
    if (lux && settings.radius_per_height) throw UsageError("--radius-from-height is for --model disc");
    const auto positive = [](double v) { return std::isfinite(v) && v > 0.0; };
    if (!positive(options.radius_m)) throw UsageError("--light-radius must be a number > 0 (metres)");
    if (settings.radius_per_height && !positive(*settings.radius_per_height))
        throw UsageError("--radius-from-height must be a number > 0");
    if (!positive(options.intensity_cd)) throw UsageError("--intensity must be a number > 0 (candela)");
    if (!positive(options.default_height_m)) throw UsageError("--default-height must be a number > 0 (metres)");
    if (!std::isfinite(options.min_lux) || options.min_lux < 0.0) throw UsageError("--min-lux must be a number >= 0");
    if (!positive(options.cutoff_m)) throw UsageError("--lux-cutoff must be a number > 0 (metres)");
    // Anything left (steps, cells) is LightCoverage's to check, before any data is read.
    const LightCoverage check(std::span<const LightSource>{}, options);
    (void)check;
    return options;
}

std::vector<std::pair<std::string, std::optional<double>>> light_figures(const LightSettings& settings,
                                                                         const LightOptions& resolved) {
    if (resolved.model == LightModel::lux)
        return {{"min_lux", resolved.min_lux},
                {"intensity_cd", resolved.intensity_cd},
                {"default_height_m", resolved.default_height_m}};
    return {{"light_radius_m", resolved.radius_m}, {"radius_from_height", settings.radius_per_height}};
}

}  // namespace trygg::coverage
