#pragma once
// The coverage map for lighting and camera planning: walkways drawn lit / unlit, the pieces a
// camera sees, the lit and seen areas, cameras with their field-of-view sectors, street
// lights, the top dark gaps and the proposed sites of `trygg place` with their gain.
// Every input is optional; the layers are read from the outputs of `trygg coverage` and
// `trygg place` and from the cameras and lights inputs (docs/cli/map.md lists the fields).
// Camera sectors are coverage::view_sector, the one trygg coverage counts with.

#include "trygg/map/map_document.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::map {

struct CoverageMapInput {
    const model::Layer* walkway_pieces = nullptr;  // lines with lit / seen flags (0/1, yes/no)
    const model::Layer* lit_areas = nullptr;       // polygons
    const model::Layer* seen_areas = nullptr;      // polygons
    const model::Layer* gaps = nullptr;            // lines or polygons; rank, length_m, reports
    const model::Layer* sites = nullptr;           // points; gain_m / gain, kind
    const model::Layer* cameras = nullptr;         // points with heading, fov, range
    const model::Layer* lights = nullptr;          // points (status broken/out drawn hollow)
    std::size_t top_gaps = 10;                     // gaps drawn (by rank, else by order)
};

void add_coverage(MapDocument& doc, const CoverageMapInput& input);

}  // namespace trygg::map
