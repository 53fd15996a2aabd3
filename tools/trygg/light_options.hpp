#pragma once
// The street-light options that coverage, place and route share, so the three commands read
// lights and model their light the same way (docs/methods.md, "Lighting model"):
//   --lights FILE              the street lights (points; height and status fields used)
//   --model disc|lux           a lit disc per light, or EN 13201 horizontal illuminance
//   --light-radius, --radius-from-height          (disc)
//   --intensity, --default-height, --min-lux, --class, --lux-cutoff   (lux)
// A light whose status says broken/out does not light (LightCoverage counts it).

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "trygg/coverage/light_coverage.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::cli {

struct LightOptionSet {
    std::string lights;         // --lights
    std::string model = "disc";  // --model
    coverage::LightOptions options;
    std::optional<double> radius_per_height, min_lux;
    std::string p_class;  // --class P1..P6

    // Adds the options; `lights_help` describes --lights for this command, `required` makes
    // --lights required.
    void add_to(CLI::App& app, const std::string& lights_help, bool required);
    // Applies --model, --class, --min-lux and --radius-from-height to `options` and checks every
    // value (UsageError naming the option).
    void validate();
    bool lux() const { return options.model == coverage::LightModel::lux; }

    // The model's figures for --json: "model" and either min_lux/intensity_cd/default_height_m
    // or light_radius_m/radius_from_height.
    void describe(nlohmann::ordered_json& j) const;
    // The figures describe() writes after "model", in order (coverage::light_figures).
    std::vector<std::pair<std::string, std::optional<double>>> figures() const;
};

}  // namespace trygg::cli
