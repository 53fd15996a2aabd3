#include "trygg/map/publish_filter.hpp"

#include <algorithm>
#include <cmath>

#include "map/detail/text_format.hpp"
#include "trygg/error.hpp"

namespace trygg::map {

PublishResult apply_publish_rules(MapDocument& doc, const PublishOptions& options) {
    if (!(options.min_count >= 2.0) || !std::isfinite(options.min_count))
        throw UsageError("--min-count must be a number >= 2 (one report is an individual report)");
    PublishResult result;
    std::erase_if(doc.layers, [&result](const MapLayer& layer) {
        if (layer.role != LayerRole::individual) return false;
        std::size_t points = 0;
        for (const MapFeature& f : layer.features) points += std::holds_alternative<model::Point>(f.geometry) ? 1u : 0u;
        result.individual_features += points;
        if (points < layer.features.size()) ++result.surfaces_removed;
        ++result.layers_removed;
        return true;
    });
    for (MapLayer& layer : doc.layers) {
        if (layer.role == LayerRole::aggregate) {
            const std::size_t before = layer.features.size();
            std::erase_if(layer.features, [&options](const MapFeature& f) {
                return !f.report_count || !(*f.report_count >= options.min_count);
            });
            const std::size_t dropped = before - layer.features.size();
            (layer.id == "clusters" ? result.clusters_left_out : result.cells_left_out) += dropped;
        }
        for (MapFeature& f : layer.features) {
            const std::size_t before = f.popup.size();
            std::erase_if(f.popup, [](const PopupRow& row) { return row.free_text; });
            result.free_text_values += before - f.popup.size();
        }
    }

    const Language lang = doc.lang;
    std::string note = detail::substitute(text(Label::published_note, lang), detail::number(options.min_count));
    std::vector<std::string> parts;
    if (result.clusters_left_out)
        parts.push_back(detail::substitute(text(Label::left_out_clusters, lang), std::to_string(result.clusters_left_out)));
    if (result.cells_left_out)
        parts.push_back(detail::substitute(text(Label::left_out_cells, lang), std::to_string(result.cells_left_out)));
    if (result.individual_features)
        parts.push_back(detail::substitute(text(Label::left_out_points, lang), std::to_string(result.individual_features)));
    if (result.surfaces_removed) parts.emplace_back(text(Label::left_out_density, lang));
    if (result.free_text_values)
        parts.push_back(detail::substitute(text(Label::left_out_fields, lang), std::to_string(result.free_text_values)));
    if (!parts.empty()) {
        note += " (";
        for (std::size_t i = 0; i < parts.size(); ++i) note += (i ? ", " : "") + parts[i];
        note += ")";
    }
    doc.notes.push_back(note + ".");
    return result;
}

}  // namespace trygg::map
