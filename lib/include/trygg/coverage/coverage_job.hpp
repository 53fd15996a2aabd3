#pragma once
// The whole `trygg coverage` computation on layers already read: which stretches of every
// walkway the street lights light and the cameras see, the dark gaps ranked by reports, the lit
// and seen areas, and the lengths per district and the shares per cluster. The CLI writes the
// result to files and the Python module hands it over as arrays; both call run_coverage, so
// they cannot drift apart.

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "trygg/coverage/camera_coverage.hpp"
#include "trygg/coverage/coverage_summary.hpp"
#include "trygg/coverage/dark_gaps.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/coverage/walkway_pieces.hpp"
#include "trygg/model/geometry.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::coverage {

// The layers of one job, all in one working CRS. Walkways and lights are required; the others
// may be null.
struct CoverageLayers {
    const model::Layer* walkways = nullptr;
    const model::Layer* lights = nullptr;
    const model::Layer* cameras = nullptr;    // seen stretches
    const model::Layer* buildings = nullptr;  // hide what is behind them from cameras (needs cameras)
    const model::Layer* reports = nullptr;    // rank the dark gaps
    const model::Layer* areas = nullptr;      // lengths per district
    const model::Layer* clusters = nullptr;   // lit and seen share of each polygon's area
};

struct CoverageJobOptions {
    LightOptions light;
    double camera_fov_deg = kDefaultCameraFovDeg;  // cameras without a fov field
    double camera_range_m = kDefaultCameraRangeM;  // cameras without a range field
    GapOptions gaps;
    unsigned threads = 0;  // lit-area unions; 0: the number of cores; the result does not depend on it
};

struct CoverageJobResult {
    LightCoverage lights;                   // also answers illuminance() for a lux raster
    std::optional<CameraCoverage> cameras;  // when there are cameras
    std::vector<WalkwayPiece> pieces;       // by walkway, part, offset
    std::vector<CoverageLengths> per_walkway;  // one per walkway feature
    CoverageLengths total;
    std::vector<DarkGap> gaps;              // rank 1 first
    model::MultiPolygon lit_area;
    model::MultiPolygon seen_area;          // empty without cameras
    std::vector<double> lit_area_m2;        // area of each polygon of lit_area (shoelace, holes taken off)
    std::vector<double> seen_area_m2;       // ... of seen_area
    std::vector<CoverageLengths> by_area;   // one per area feature (empty without areas)
    std::vector<AreaShare> cluster_shares;  // one per cluster feature (empty without clusters)
};

// Throws UsageError for bad options (LightCoverage's checks, camera fov/range, buildings
// without cameras, negative gap options) and DataError naming the feature for a walkway that is
// not a line, a light, camera or report that is not a point, an area or cluster that is not a
// polygon. `progress`, when given, is called with the share of walkways done (0..1).
// `while_areas`, when given, is called on the calling thread with the result so far (all but
// lit_area, seen_area, their m² and cluster_shares, still empty) while the lit and seen areas
// are computed on other threads: the CLI writes the walkway layers meanwhile.
CoverageJobResult run_coverage(const CoverageLayers& layers, const CoverageJobOptions& options,
                               const std::function<void(double)>& progress = {},
                               const std::function<void(const CoverageJobResult&)>& while_areas = {});

}  // namespace trygg::coverage
