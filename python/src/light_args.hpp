#pragma once
// The street-light arguments shared by trygg.coverage, trygg.place and trygg.route (the CLI's
// --model, --light-radius, --radius-from-height, --intensity, --default-height, --min-lux,
// --class, --lux-cutoff, --lux-cell), checked by the library function the CLI uses
// (coverage/light_settings.hpp).

#include <optional>
#include <string>

#include "trygg/coverage/light_coverage.hpp"
#include "trygg/coverage/light_settings.hpp"

namespace trygg::python {

struct LightArgs {
    std::string model = "disc";
    double light_radius = 20.0;
    std::optional<double> radius_from_height;
    double intensity = 1000.0;
    double default_height = 6.0;
    std::optional<double> min_lux;
    std::optional<std::string> lux_class;
    double lux_cutoff = 60.0;
    double lux_cell = 1.0;
};

// The arguments as the library's settings.
coverage::LightSettings light_settings(const LightArgs& args);

// UsageError for an unknown model or class, lux-only arguments with the disc model and the
// other way round, and values LightCoverage refuses.
coverage::LightOptions light_options(const LightArgs& args);

}  // namespace trygg::python
