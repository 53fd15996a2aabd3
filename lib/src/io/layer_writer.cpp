#include "trygg/io/layer_writer.hpp"

#include "trygg/error.hpp"
#include "trygg/io/category_vocabulary.hpp"
#include "trygg/io/working_crs.hpp"

namespace trygg::io {

LayerGeometry layer_geometry_for(model::Kind kind) {
    switch (model::expected_geometry(kind)) {
        case model::GeometryClass::point: return LayerGeometry::point;
        case model::GeometryClass::line: return LayerGeometry::line;
        case model::GeometryClass::polygon: return LayerGeometry::polygon;
        case model::GeometryClass::point_or_polygon: return LayerGeometry::any;
    }
    return LayerGeometry::any;
}

std::vector<model::FieldDef> output_fields(const model::Layer& layer, const std::vector<ExtraColumn>& extra) {
    std::vector<model::FieldDef> fields = layer.fields;
    for (const auto& column : extra) {
        model::FieldDef def = column.def;
        const auto taken = [&fields](const std::string& name) {
            for (const auto& f : fields)
                if (fold_case(f.name) == fold_case(name)) return true;
            return false;
        };
        if (taken(def.name)) def.name += "_trygg";
        fields.push_back(def);
    }
    return fields;
}

void write_features(VectorWriter& writer, const std::string& layer_name, const model::Layer& layer,
                    const std::vector<ExtraColumn>& extra, const CoordinateTransform* to_output) {
    for (const auto& column : extra)
        if (column.values.size() != layer.features.size())
            throw UsageError("column '" + column.def.name + "' has " + std::to_string(column.values.size()) +
                             " values for " + std::to_string(layer.features.size()) + " features");
    writer.add_layer(layer_name, layer_geometry_for(layer.kind), output_fields(layer, extra));
    model::AttributeRow row;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const model::Feature& f = layer.features[i];
        row = f.attributes;
        for (const auto& column : extra) row.push_back(column.values[i]);
        if (to_output) {
            model::Geometry g = f.geometry;
            if (!transform_geometry(*to_output, g))
                throw DataError("cannot be transformed to the output CRS " + to_output->target_crs(),
                                {layer.source, layer.name, f.fid, {}});
            writer.write(g, row);
        } else {
            writer.write(f.geometry, row);
        }
    }
}

}  // namespace trygg::io
