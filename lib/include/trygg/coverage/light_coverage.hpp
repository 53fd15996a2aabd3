#pragma once
// Where street lights light: which stretches of a walkway, which points, which area.
//
// Two models (docs/methods.md, "Lighting model"):
//  - disc: each working light lights a disc of radius r around it; r is LightOptions::radius_m,
//    or radius_per_height * height when that factor is set and the light has a height (lights
//    without a height keep radius_m and are counted in LightCounts::default_radius).
//  - lux: horizontal illuminance of isotropic point sources at mounting height h,
//    E(p) = sum_i I * cos^3(gamma_i) / h_i^2 = sum_i I * h_i / (h_i^2 + d_i^2)^(3/2),
//    summed over the lights within cutoff_m of p (d_i = horizontal distance); p is lit when
//    E(p) >= min_lux. Lights without a height use default_height_m (counted).
// Lights whose status says they are broken or switched off (is_out_status) do not light; they
// are counted in LightCounts::out.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/coverage/line_intervals.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

struct LightSource {
    model::Point position;
    std::optional<double> height_m;  // mounting height above the walkway
    std::string status;              // free text from the data; see is_out_status
};

// True for statuses that mean "gives no light": broken, out, off, defect(ive), failed,
// not working, dark, and the Swedish trasig, släckt, ur funktion, avstängd, ej fungerande
// (case-insensitive, surrounding spaces ignored). Anything else, and the empty status, lights.
bool is_out_status(std::string_view status);

enum class LightModel { disc, lux };

// EN 13201-2:2015 table 3, P classes: average and minimum maintained horizontal illuminance
// (lux). The lux model uses the class minimum as the point threshold.
struct PClass {
    const char* name;
    double average_lux;
    double minimum_lux;
};
// P1 15/3, P2 10/2, P3 7.5/1.5, P4 5/1, P5 3/0.6, P6 2/0.4. nullopt for an unknown name
// (case-insensitive: "p4" works).
std::optional<PClass> p_class(std::string_view name);

struct LightOptions {
    LightModel model = LightModel::disc;
    // disc model
    double radius_m = 20.0;
    std::optional<double> radius_per_height;  // radius = factor * height when set
    // lux model
    double intensity_cd = 1000.0;  // luminous intensity of every light, every direction
    double default_height_m = 6.0;
    double min_lux = 1.0;  // EN 13201-2 P4 minimum
    double cutoff_m = 60.0;
    // Sampling step along a line in the lux model before the threshold crossings are refined
    // by bisection (to 0.01 m), and the cell size of lit_area() in the lux model.
    double sample_step_m = 0.5;
    double area_cell_m = 1.0;
    // Vertices per quarter circle of a disc in lit_area() (the intervals are exact circles).
    int quadrant_segments = 16;
};

struct LightCounts {
    std::size_t total = 0;           // lights given
    std::size_t used = 0;            // lights that light
    std::size_t out = 0;             // left out: broken / out by status
    std::size_t default_radius = 0;  // disc with radius_per_height: no height, radius_m used
    std::size_t default_height = 0;  // lux: no height, default_height_m used
};

class LightCoverage {
public:
    // Validates the options (UsageError: radius, intensity, heights, cut-off, steps not > 0,
    // min_lux < 0); a light with a height <= 0 or not finite is a DataError naming its index.
    LightCoverage(std::span<const LightSource> lights, const LightOptions& options);
    ~LightCoverage();
    LightCoverage(LightCoverage&&) noexcept;
    LightCoverage& operator=(LightCoverage&&) noexcept;
    LightCoverage(const LightCoverage&) = delete;
    LightCoverage& operator=(const LightCoverage&) = delete;

    const LightOptions& options() const noexcept;
    const LightCounts& counts() const noexcept;

    // The lit stretches of a line (normalised offsets from its first vertex). Disc model:
    // exact circle-segment intersections. Lux model: E sampled every sample_step_m along each
    // segment, crossings of min_lux refined by bisection to 0.01 m. Cost O(segments * log n +
    // lights near the line).
    LineIntervals lit_intervals(const model::LineString& line) const;

    // Disc model: inside some disc (distance <= radius). Lux model: illuminance(p) >= min_lux.
    bool is_lit(model::Point p) const;

    // Horizontal illuminance (lux) at p by the formula above, whatever the model (using the
    // intensity, heights and cut-off of the options).
    double illuminance(model::Point p) const;

    // The lit area. Disc model: the union of the discs as polygons (quadrant_segments vertices
    // per quarter circle, so slightly inside the true circles). Lux model: the union of the
    // area_cell_m square cells whose centre is lit, over the lights' extent. Disc model: the
    // groups of overlapping discs are united on up to `threads` threads (0: the number of
    // cores); the result does not depend on the number.
    model::MultiPolygon lit_area(unsigned threads = 1) const;

    // Radius of light i of the working lights (disc model), for callers that draw discs.
    std::span<const model::Point> working_positions() const noexcept;
    std::span<const double> working_radii() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace trygg::coverage
