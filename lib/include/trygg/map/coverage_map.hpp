#pragma once
// The coverage map for lighting and camera planning: walkways drawn lit / unlit, the pieces a
// camera sees, the lit and seen areas, cameras with their field-of-view sectors, street
// lights, the top dark gaps and the proposed sites of `trygg place` with their gain.
// Every input is optional; the layers are read from the outputs of `trygg coverage` and
// `trygg place` and from the cameras and lights inputs (docs/cli/map.md lists the fields).

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

// The field of view of a camera at `at`: a circular sector from heading - fov/2 to
// heading + fov/2 (degrees clockwise from north) with radius `range` metres, as a polygon
// with one vertex per 5 degrees or less. A full circle for fov >= 360.
model::MultiPolygon camera_sector(model::Point at, double heading_deg, double fov_deg, double range_m);

}  // namespace trygg::map
