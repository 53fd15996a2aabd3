#pragma once
// --publish: makes a map safe for a public website. Layers that show single reports (points,
// or a density surface that pinpoints them) are removed, free-text popup values are removed,
// and aggregates (clusters, cells) of fewer than `min_count` reports are left out. What was
// left out is counted and said in a note on the map, so nothing disappears silently.
//
// The filter does not move geometry: presets that publish draw clusters as grown outlines and
// counts on a fixed grid so that no vertex is a report's position (hotspots_map.hpp).

#include <cstddef>

#include "trygg/map/map_document.hpp"

namespace trygg::map {

struct PublishOptions {
    double min_count = 3.0;  // aggregates with fewer reports are left out; must be >= 2
};

struct PublishResult {
    std::size_t individual_features = 0;  // point features of removed `individual` layers (single reports)
    std::size_t surfaces_removed = 0;     // removed `individual` layers of areas (a density surface)
    std::size_t layers_removed = 0;
    std::size_t clusters_left_out = 0;     // aggregate features below min_count, per layer id "clusters"
    std::size_t cells_left_out = 0;        // ... in any other aggregate layer
    std::size_t free_text_values = 0;
};

// Applies the rules to `doc` in place and appends the note (in doc.lang) to doc.notes.
// An aggregate feature without report_count counts as below min_count. UsageError when
// options.min_count < 2 (one report would be an individual report).
PublishResult apply_publish_rules(MapDocument& doc, const PublishOptions& options);

}  // namespace trygg::map
