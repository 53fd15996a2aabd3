#pragma once
// Reading any OGR vector source (GeoPackage, GeoJSON, CSV, Shapefile, FlatGeobuf, OSM XML/PBF,
// PostGIS "PG:..." strings, GTFS stops.txt) into a model::Layer: fields mapped to roles,
// categories normalised, times parsed, every feature validated, and every rejection recorded.
// Coordinates stay in the source CRS; io/working_crs.hpp reprojects.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "trygg/io/read_options.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::io {

// One layer of a source and the kind it is read as.
struct LayerChoice {
    std::string layer;
    model::Kind kind = model::Kind::reports;
    bool kind_guessed = false;
};

// The layers of `source` selected by `options`: the --layer named, else every vector layer
// (`all`) or the first one. An OSM extract yields one choice per kind it can provide when no
// --kind is given. Throws DataError when the source cannot be opened, UsageError for a
// --layer that does not exist (listing the layers there are).
std::vector<LayerChoice> choose_layers(const std::string& source, const ReadOptions& options, bool all);

// Called with the number of features read so far (the total may be unknown).
using ReadProgress = std::function<void(std::int64_t features_read)>;

model::Layer read_layer(const std::string& source, const LayerChoice& choice, const ReadOptions& options,
                        const ReadProgress& progress = {});

// The one layer a command needs from `source`, read as `kind` (options.kind is ignored).
model::Layer read_layer_as(const std::string& source, model::Kind kind, const ReadOptions& options,
                           const ReadProgress& progress = {});

}  // namespace trygg::io
