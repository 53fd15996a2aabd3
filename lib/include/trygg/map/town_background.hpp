#pragma once
// The town drawn from its own data when there are no background tiles: buildings as grey
// blocks and walkways as thin lines (lit ones lighter when the data says so is left to the
// coverage preset). Both are public things (LayerRole::context).

#include "trygg/map/map_document.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::map {

// Adds a "buildings" layer and a "walkways" layer for the layers given (null: left out).
void add_town_background(MapDocument& doc, const model::Layer* walkways, const model::Layer* buildings);

}  // namespace trygg::map
