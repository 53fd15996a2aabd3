#include "trygg/io/rejects_writer.hpp"

#include <nlohmann/json.hpp>

#include "trygg/io/vector_writer.hpp"

namespace trygg::io {

namespace {

nlohmann::ordered_json attributes_json(const model::Layer& layer, const model::AttributeRow& row) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < row.size() && i < layer.fields.size(); ++i) {
        const auto& name = layer.fields[i].name;
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>) j[name] = nullptr;
                else j[name] = v;
            },
            row[i]);
    }
    return j;
}

}  // namespace

void write_rejects(const std::string& path, const std::vector<const model::Layer*>& layers,
                   const WriteOptions& options) {
    using model::FieldType;
    const std::vector<model::FieldDef> fields{{"source", FieldType::string}, {"layer", FieldType::string},
                                              {"fid", FieldType::integer},   {"id", FieldType::string},
                                              {"reason", FieldType::string}, {"detail", FieldType::string},
                                              {"attributes", FieldType::string}};
    VectorWriter writer(path, options);
    writer.add_layer("rejects", LayerGeometry::any, fields);
    for (const model::Layer* layer : layers) {
        for (const auto& r : layer->rejects.rejections()) {
            model::AttributeRow row{layer->source, layer->name, r.fid, r.id, std::string(model::to_string(r.reason)),
                                    r.detail, attributes_json(*layer, r.attributes).dump()};
            writer.write(r.geometry, row);
        }
    }
    writer.commit();
}

}  // namespace trygg::io
