// trygg.read_layer and trygg.Layer: any OGR source read as a kind of layer, reprojected to a
// metric working CRS, with numpy views of what the algorithms need (xy, times, weights) and
// a GeoJSON-like __geo_interface__ for everything else.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "convert.hpp"
#include "layer_args.hpp"
#include "trygg/error.hpp"
#include "trygg/hotspot/count_grid.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/model/kind.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::python {

namespace {

using namespace pybind11::literals;
using LayerPtr = std::shared_ptr<model::Layer>;

const char* const read_layer_doc = R"doc(
Read one layer of any GDAL/OGR vector source into a `Layer` in a metric working CRS.

Fields are mapped to roles (category, time, weight, id, ...) as the CLI does: auto-detected
from the usual English and Swedish names, or given as keyword arguments named like the CLI
options (``category_field="kategori"`` for ``--category-field kategori``; ``None`` or ""
switches a role off). Categories are normalised (klotter -> graffiti), times parsed, every
feature validated; rejected features are counted in ``Layer.rejected``. The layer is then
reprojected to the working CRS: `crs` if given, else EPSG:3006 (SWEREF 99 TM) for data in
Sweden, else the UTM zone of the data's centre. The GIL is released while reading.

Parameters
----------
path : str or os.PathLike
    File or connection string (GeoPackage, GeoJSON, CSV, Shapefile, FlatGeobuf, OSM, PG:...).
kind : str, optional
    "reports", "lights", "cameras", "stops", "activities", "walkways", "buildings" or
    "areas"; guessed from the layer when not given.
layer : str, optional
    Layer name in a multi-layer source (default: the first suitable layer).
src_crs : str, optional
    CRS of input that has none, e.g. "EPSG:3006" (default: EPSG:4326 when the coordinates
    fit lon/lat).
crs : str, optional
    Working CRS to reproject to (must be metric), e.g. "EPSG:3006".
time_format : str, optional
    "iso", "us", "eu" or a pattern like "%d.%m.%Y %H:%M" (default: detected per column).
**fields : str
    Field overrides ``<role>_field=name`` for the roles id, category, time, weight, name, x,
    y, wkt, height, status, heading, fov, range, lit and highway.

Returns
-------
Layer

Raises
------
ValueError
    ``trygg.DataError`` when the source cannot be read, ``trygg.UsageError`` for an unknown
    kind, layer or field.
TypeError
    For a keyword argument that is not ``<role>_field``.

Examples
--------
>>> import trygg
>>> reports = trygg.read_layer("data/town/reports.geojson")
>>> len(reports), reports.working_crs, reports.kind
(5000, 'EPSG:3006', 'reports')
>>> reports.xy.shape
(5000, 2)
)doc";

LayerPtr read_layer_py(const py::object& path, const std::optional<std::string>& kind,
                       const std::optional<std::string>& layer, const std::optional<std::string>& src_crs,
                       const std::optional<std::string>& crs, const std::optional<std::string>& time_format,
                       const py::kwargs& fields) {
    const std::string source = py::str(py::module_::import("os").attr("fspath")(path));
    io::ReadOptions options;
    if (kind) {
        options.kind = model::parse_kind(*kind);
        if (!options.kind) {
            std::string kinds;
            for (model::Kind k : model::all_kinds()) kinds += (kinds.empty() ? "" : ", ") + std::string(model::to_string(k));
            throw UsageError("unknown kind '" + *kind + "'; use one of " + kinds);
        }
    }
    options.layer = layer.value_or("");
    options.src_crs = src_crs.value_or("");
    if (time_format) options.time_format = io::parse_time_format_option(*time_format);
    for (const auto& [key, value] : fields) {
        const std::string name = py::str(key);
        const std::string suffix = "_field";
        std::optional<io::FieldRole> role;
        if (name.size() > suffix.size() && name.ends_with(suffix))
            role = io::parse_field_role(std::string_view(name).substr(0, name.size() - suffix.size()));
        if (!role)
            throw py::type_error("read_layer() got an unexpected keyword argument '" + name +
                                 "'; field overrides are <role>_field=name, e.g. category_field='kategori'");
        options.fields.fields[*role] = value.is_none() ? std::string() : std::string(py::str(value));
    }
    if (options.fields.fields.contains(io::FieldRole::x) != options.fields.fields.contains(io::FieldRole::y))
        throw UsageError("x_field and y_field go together");

    auto out = std::make_shared<model::Layer>();
    {
        py::gil_scoped_release release;
        if (options.kind) {
            *out = io::read_layer_as(source, *options.kind, options);
        } else {
            const auto choices = io::choose_layers(source, options, false);
            if (choices.empty()) throw DataError("no vector layer to read", {source, {}, {}, {}});
            *out = io::read_layer(source, choices.front(), options);
        }
        io::prepare_layers({out.get()}, crs.value_or(""));
    }
    return out;
}

py::object value_to_py(const model::Value& v) {
    return std::visit(
        [](const auto& x) -> py::object {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return py::none();
            else
                return py::cast(x);
        },
        v);
}

py::list ring_to_py(const std::vector<model::Point>& ring) {
    py::list out;
    for (const auto& p : ring) out.append(py::make_tuple(p.x, p.y));
    return out;
}

py::object geometry_to_py(const model::Geometry& g) {
    return std::visit(
        [](const auto& x) -> py::object {
            using T = std::decay_t<decltype(x)>;
            py::dict d;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return py::none();
            } else if constexpr (std::is_same_v<T, model::Point>) {
                d["type"] = "Point";
                d["coordinates"] = py::make_tuple(x.x, x.y);
            } else if constexpr (std::is_same_v<T, model::MultiLineString>) {
                d["type"] = "MultiLineString";
                py::list lines;
                for (const auto& line : x) lines.append(ring_to_py(line));
                d["coordinates"] = lines;
            } else {
                d["type"] = "MultiPolygon";
                py::list polygons;
                for (const auto& polygon : x) {
                    py::list rings;
                    rings.append(ring_to_py(polygon.outer));
                    for (const auto& hole : polygon.holes) rings.append(ring_to_py(hole));
                    polygons.append(rings);
                }
                d["coordinates"] = polygons;
            }
            return d;
        },
        g);
}

const char* field_type_name(model::FieldType type) {
    switch (type) {
        case model::FieldType::integer: return "integer";
        case model::FieldType::real: return "real";
        case model::FieldType::string: return "string";
        case model::FieldType::date_time: return "date_time";
    }
    return "string";
}

py::array_t<double> layer_xy(const model::Layer& layer) {
    py::array_t<double> out({static_cast<py::ssize_t>(layer.features.size()), py::ssize_t{2}});
    auto view = out.mutable_unchecked<2>();
    py::ssize_t i = 0;
    for (const auto& f : layer.features) {
        model::Point p;
        if (const auto* point = std::get_if<model::Point>(&f.geometry))
            p = *point;
        else if (const auto* area = std::get_if<model::MultiPolygon>(&f.geometry))
            p = hotspot::centroid(*area);
        else
            throw UsageError("layer '" + layer.name + "' (" + std::string(model::to_string(layer.kind)) +
                                  ") holds lines; .xy is for point and polygon layers (use __geo_interface__)");
        view(i, 0) = p.x;
        view(i, 1) = p.y;
        ++i;
    }
    return out;
}

py::array layer_times(const model::Layer& layer) {
    std::vector<std::int64_t> secs;
    secs.reserve(layer.features.size());
    for (const auto& f : layer.features)
        secs.push_back(f.time ? f.time->time_since_epoch().count() : std::numeric_limits<std::int64_t>::min());
    return to_numpy(secs).attr("view")("datetime64[s]");  // INT64_MIN is NaT
}

py::dict geo_interface(const model::Layer& layer) {
    py::list features;
    for (const auto& f : layer.features) {
        py::dict props;
        for (std::size_t i = 0; i < layer.fields.size() && i < f.attributes.size(); ++i)
            props[py::str(layer.fields[i].name)] = value_to_py(f.attributes[i]);
        py::dict feature;
        feature["type"] = "Feature";
        feature["id"] = f.id;
        feature["geometry"] = geometry_to_py(f.geometry);
        feature["properties"] = props;
        features.append(feature);
    }
    py::dict out;
    out["type"] = "FeatureCollection";
    out["features"] = features;
    // Not part of RFC 7946 (which assumes lon/lat): the working CRS the coordinates are in.
    out["crs"] = py::dict("type"_a = "name", "properties"_a = py::dict("name"_a = layer.working_crs));
    return out;
}

}  // namespace

void bind_io(py::module_& m) {
    using namespace pybind11::literals;
    py::class_<model::Layer, LayerPtr>(m, "Layer", R"doc(
A layer read by `read_layer`: accepted features in the metric working CRS, their mapped
fields as numpy arrays, every original attribute, and the count of rejected features.

Attributes
----------
kind : str
    "reports", "lights", ... (``kind_guessed`` tells whether it was guessed).
source, name : str
    The path as given and the layer name inside it.
working_crs, source_crs : str
    E.g. "EPSG:3006"; coordinates are in `working_crs` (metres).
xy : numpy.ndarray of float64, shape (N, 2)
    Point coordinates; for polygon layers (areas, buildings, polygon activities) the
    area-weighted centroid of each feature. Raises ValueError for line layers (walkways).
ids, names, categories, raw_categories : numpy.ndarray of str, shape (N,)
    Mapped id (the FID when no id field), mapped name ("" when none), normalised category
    ("" when none) and the category as written.
times : numpy.ndarray of datetime64[s], shape (N,)
    Mapped time, NaT where the feature has none.
weights : numpy.ndarray of float64, shape (N,)
    Mapped weight (1 when no weight field is mapped).
attributes : dict of str -> list
    Every source column (name -> values; None is NULL; dates as ISO 8601 text).
field_types : dict of str -> str
    The type of each source column: "integer", "real", "string" or "date_time".
rejected : dict of str -> int
    Rejected features per reason ("no_geometry", "bad_time", ...).
mapped_fields : dict of str -> str
    Which source field plays which role.

Examples
--------
>>> import trygg
>>> reports = trygg.read_layer("data/town/reports.geojson")
>>> int((reports.categories == "graffiti").sum())
1894
)doc")
        .def_property_readonly("kind", [](const model::Layer& l) { return std::string(model::to_string(l.kind)); })
        .def_readonly("kind_guessed", &model::Layer::kind_guessed)
        .def_readonly("source", &model::Layer::source)
        .def_readonly("name", &model::Layer::name)
        .def_readonly("working_crs", &model::Layer::working_crs)
        .def_readonly("source_crs", &model::Layer::source_crs)
        .def_readonly("feature_count", &model::Layer::feature_count, "Features in the source: accepted + rejected.")
        .def_readonly("mapped_fields", &model::Layer::mapped_fields)
        .def_property_readonly("xy", &layer_xy)
        .def_property_readonly("ids", [](const model::Layer& l) {
            std::vector<std::string> v;
            for (const auto& f : l.features) v.push_back(f.id);
            return string_array(v);
        })
        .def_property_readonly("names", [](const model::Layer& l) {
            std::vector<std::string> v;
            for (const auto& f : l.features) v.push_back(f.name);
            return string_array(v);
        })
        .def_property_readonly("categories", [](const model::Layer& l) {
            std::vector<std::string> v;
            for (const auto& f : l.features) v.push_back(f.category);
            return string_array(v);
        })
        .def_property_readonly("raw_categories", [](const model::Layer& l) {
            std::vector<std::string> v;
            for (const auto& f : l.features) v.push_back(f.raw_category);
            return string_array(v);
        })
        .def_property_readonly("times", &layer_times)
        .def_property_readonly("weights", [](const model::Layer& l) {
            std::vector<double> v;
            for (const auto& f : l.features) v.push_back(f.weight);
            return to_numpy(v);
        })
        .def_property_readonly("attributes", [](const model::Layer& l) {
            py::dict out;
            for (std::size_t i = 0; i < l.fields.size(); ++i) {
                py::list column;
                for (const auto& f : l.features)
                    column.append(i < f.attributes.size() ? value_to_py(f.attributes[i]) : py::none());
                out[py::str(l.fields[i].name)] = column;
            }
            return out;
        })
        .def_property_readonly("field_types", [](const model::Layer& l) {
            py::dict out;
            for (const auto& field : l.fields) out[py::str(field.name)] = field_type_name(field.type);
            return out;
        })
        .def_property_readonly("rejected", [](const model::Layer& l) {
            py::dict out;
            for (const auto& [reason, n] : l.rejects.counts()) out[py::str(reason)] = n;
            return out;
        })
        .def_property_readonly("__geo_interface__", &geo_interface)
        .def("__len__", [](const model::Layer& l) { return l.features.size(); })
        .def("__repr__", [](const model::Layer& l) {
            return "<trygg.Layer " + std::string(model::to_string(l.kind)) + " '" + l.name + "' from " + l.source + ": " +
                   std::to_string(l.features.size()) + " features (" + std::to_string(l.rejects.size()) +
                   " rejected) in " + l.working_crs + ">";
        });

    m.def("read_layer", &read_layer_py, read_layer_doc, "path"_a, "kind"_a = py::none(), "layer"_a = py::none(),
          "src_crs"_a = py::none(), "crs"_a = py::none(), "time_format"_a = py::none());
}

}  // namespace trygg::python
