#include "layer_args.hpp"

#include <cmath>

#include "trygg/error.hpp"

namespace trygg::python {

const model::Layer* optional_layer(const py::handle& value, const char* name) {
    if (value.is_none()) return nullptr;
    try {
        return py::cast<const model::Layer*>(value);
    } catch (const py::cast_error&) {
        throw py::type_error(std::string(name) + " must be a trygg.Layer (from trygg.read_layer) or None, not " +
                             std::string(py::str(py::type::of(value).attr("__name__"))));
    }
}

const model::Layer& required_layer(const py::handle& value, const char* name) {
    const model::Layer* layer = value.is_none() ? nullptr : optional_layer(value, name);
    if (!layer) throw py::type_error(std::string(name) + " must be a trygg.Layer (from trygg.read_layer), not None");
    return *layer;
}

void require_one_working_crs(const std::vector<std::pair<const char*, const model::Layer*>>& layers) {
    const std::pair<const char*, const model::Layer*>* first = nullptr;
    for (const auto& entry : layers) {
        if (!entry.second) continue;
        if (!first) {
            first = &entry;
        } else if (entry.second->working_crs != first->second->working_crs) {
            throw UsageError(std::string(first->first) + " and " + entry.first + " are in different working CRSs (" +
                             first->second->working_crs + ", " + entry.second->working_crs +
                             "); read them with the same crs=, e.g. crs='" + first->second->working_crs + "'");
        }
    }
}

py::array_t<double> line_array(const model::LineString& line) {
    py::array_t<double> out({static_cast<py::ssize_t>(line.size()), py::ssize_t{2}});
    auto view = out.mutable_unchecked<2>();
    for (py::ssize_t i = 0; i < static_cast<py::ssize_t>(line.size()); ++i) {
        view(i, 0) = line[static_cast<std::size_t>(i)].x;
        view(i, 1) = line[static_cast<std::size_t>(i)].y;
    }
    return out;
}

py::list polygon_list(const model::MultiPolygon& polygons) {
    py::list out;
    for (const auto& polygon : polygons) {
        py::list rings;
        rings.append(line_array(polygon.outer));
        for (const auto& hole : polygon.holes) rings.append(line_array(hole));
        out.append(rings);
    }
    return out;
}

py::array string_array(const std::vector<std::string>& values) {
    py::list list;
    for (const auto& v : values) list.append(py::str(v));
    return py::module_::import("numpy").attr("array")(list, py::arg("dtype") = "str");
}

}  // namespace trygg::python
