#pragma once
// Street lights and cameras as map layers, shared by the coverage and route presets.

#include <vector>

#include "trygg/map/map_document.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::map::detail {

MapLayer lights_layer(const model::Layer& lights, Language lang);
// The camera points and, before them, their field-of-view sectors (two layers).
std::vector<MapLayer> camera_layers(const model::Layer& cameras, Language lang);

}  // namespace trygg::map::detail
