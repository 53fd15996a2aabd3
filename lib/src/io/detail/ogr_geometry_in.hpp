#pragma once
// Conversion of OGR geometries into trygg's model geometry, with the checks a reader needs.
// Internal to io/: the algorithms never see OGR types.

#include <ogr_geometry.h>

#include <optional>

#include "trygg/model/geometry.hpp"
#include "trygg/model/kind.hpp"
#include "trygg/model/rejects.hpp"

namespace trygg::io::detail {

struct GeometryReading {
    model::Geometry geometry;                    // what could be read (possibly monostate)
    std::optional<model::RejectReason> problem;  // set when the feature must be rejected
    std::string detail;
};

// Reads `geometry` (may be null) for a layer of the given geometry class. Curves are
// linearised, Z/M dropped, single-member multi-points accepted as points.
GeometryReading read_ogr_geometry(const OGRGeometry* geometry, model::GeometryClass expected,
                                  bool geographic);

}  // namespace trygg::io::detail
