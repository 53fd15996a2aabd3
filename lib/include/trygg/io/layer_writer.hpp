#pragma once
// Writing an input layer back out with what an analysis adds (cluster_id, gi_z...): every
// original attribute, then the extra columns, geometry optionally reprojected to --out-crs.

#include <string>
#include <vector>

#include "trygg/io/crs.hpp"
#include "trygg/io/vector_writer.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::io {

struct ExtraColumn {
    model::FieldDef def;
    std::vector<model::Value> values;  // one per accepted feature of the layer, in order
};

// The output geometry type of a kind's layer (activities, which mix points and polygons: any).
LayerGeometry layer_geometry_for(model::Kind kind);

// Output fields: the layer's own, then the extra ones. An extra column whose name an original
// field already has (case-insensitively) gets the suffix "_trygg", so nothing is overwritten.
std::vector<model::FieldDef> output_fields(const model::Layer& layer, const std::vector<ExtraColumn>& extra);

// Adds `layer_name` to `writer` and writes the layer's accepted features with `extra` columns.
// `to_output` (optional) reprojects from the working CRS to the output CRS.
void write_features(VectorWriter& writer, const std::string& layer_name, const model::Layer& layer,
                    const std::vector<ExtraColumn>& extra = {}, const CoordinateTransform* to_output = nullptr);

}  // namespace trygg::io
