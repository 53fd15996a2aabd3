#include "light_args.hpp"

#include "trygg/coverage/light_settings.hpp"

namespace trygg::python {

coverage::LightSettings light_settings(const LightArgs& args) {
    coverage::LightSettings settings;
    settings.model = args.model;
    settings.options.radius_m = args.light_radius;
    settings.options.intensity_cd = args.intensity;
    settings.options.default_height_m = args.default_height;
    settings.options.cutoff_m = args.lux_cutoff;
    settings.options.area_cell_m = args.lux_cell;
    settings.radius_per_height = args.radius_from_height;
    settings.min_lux = args.min_lux;
    settings.p_class = args.lux_class.value_or("");
    return settings;
}

coverage::LightOptions light_options(const LightArgs& args) { return coverage::resolve_light_settings(light_settings(args)); }

}  // namespace trygg::python
