#pragma once
// Layers and geometries between Python and the jobs of bind_coverage.cpp and bind_route.cpp:
// trygg.Layer arguments (or None) as model layers, one working CRS for all of them, and
// results as numpy coordinate arrays.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <utility>
#include <vector>

#include "trygg/model/geometry.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::python {

namespace py = pybind11;

// `value` as a layer: nullptr for None, TypeError naming `name` for anything but a trygg.Layer.
const model::Layer* optional_layer(const py::handle& value, const char* name);
// As optional_layer, but None is a TypeError too.
const model::Layer& required_layer(const py::handle& value, const char* name);

// UsageError when the given layers (null ones skipped) are not all in one working CRS.
void require_one_working_crs(const std::vector<std::pair<const char*, const model::Layer*>>& layers);

// A line as an (N, 2) float64 array.
py::array_t<double> line_array(const model::LineString& line);
// Polygons as lists of rings, each an (N, 2) float64 array (outer ring first).
py::list polygon_list(const model::MultiPolygon& polygons);
// Strings as a numpy unicode array (dtype str, also when empty).
py::array string_array(const std::vector<std::string>& values);

}  // namespace trygg::python
