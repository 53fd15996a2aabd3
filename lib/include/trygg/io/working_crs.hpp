#pragma once
// One metric working CRS for all inputs of a job: SWEREF 99 TM (EPSG:3006) for data in Sweden,
// otherwise the UTM zone of the data's centre, or what --crs says. Degrees are never used as
// distances: every layer is reprojected before any algorithm sees it.

#include <string>
#include <vector>

#include "trygg/io/crs.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::io {

// Fixes each layer's source CRS: a layer without one is taken as EPSG:4326 when all its
// coordinates fit lon/lat; otherwise DataError asking for --src-crs.
void settle_source_crs(model::Layer& layer);

// The lon/lat box of a layer's accepted features (source CRS must be settled).
LonLatBox lonlat_extent(const model::Layer& layer);

// The working CRS for these layers: `crs_override` when given (validated), else chosen from the
// centre of their joint lon/lat extent.
std::string choose_working_crs(const std::vector<const model::Layer*>& layers, const std::string& crs_override);

// Reprojects accepted and rejected geometries to `working_crs` in place. A feature whose
// coordinates cannot be transformed is moved to the rejects (out_of_range).
void reproject(model::Layer& layer, const std::string& working_crs);

// Transforms one geometry in place; false when a coordinate could not be transformed.
bool transform_geometry(const CoordinateTransform& transform, model::Geometry& geometry);

// The usual sequence for a job's inputs: settle, choose, reproject. Returns the working CRS.
std::string prepare_layers(const std::vector<model::Layer*>& layers, const std::string& crs_override);

}  // namespace trygg::io
