#pragma once
// Writing layers of features to GeoPackage, GeoJSON, FlatGeobuf or CSV through GDAL/OGR.
// The file appears under its final name only after commit() (see atomic_output.hpp).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "trygg/io/atomic_output.hpp"
#include "trygg/model/geometry.hpp"
#include "trygg/model/value.hpp"

namespace trygg::io {

enum class VectorFormat { gpkg, geojson, flatgeobuf, csv };

// The format for an output path, by extension (case-insensitive): .gpkg, .geojson or .json,
// .fgb, .csv. Anything else is a UsageError listing the supported extensions.
VectorFormat vector_format_for(const std::string& path);

// The geometry every feature of a layer has. Points are written as points, lines as
// MultiLineStrings and polygons as MultiPolygons, so one layer holds one geometry type.
// `any` is for layers that mix them (a rejects layer); CSV then writes WKT.
enum class LayerGeometry { point, line, polygon, none, any };

// Writes one output file. Typical use:
//
//   VectorWriter writer("out.gpkg", {.overwrite = false, .inputs = {in}, .crs = "EPSG:3006"});
//   writer.add_layer("clusters", LayerGeometry::polygon, fields);
//   for (...) writer.write(geometry, row);
//   writer.commit();
//
// A GeoPackage holds any number of layers, each written in one transaction. GeoJSON,
// FlatGeobuf and CSV hold one layer per file: a second add_layer() throws UsageError (callers
// write extra layers as sibling files). Format limits:
//  - CSV cannot hold a CRS (GDAL writes no .prj for it); points are written as X and Y
//    columns, lines and polygons as a WKT column. Date/time fields stay ISO 8601 text.
//  - FlatGeobuf cannot hold a feature without geometry (GDAL drops it), so a layer without
//    geometry is a UsageError and a feature without geometry a DataError.
//
// Destroying the writer without commit() deletes the temporary file: a failed run leaves no
// output behind. Movable, not copyable. Not for concurrent use from several threads.
class VectorWriter {
public:
    // Throws UsageError for an unsupported extension, an output that exists (without
    // options.overwrite) or is one of options.inputs, or an unknown options.crs; DataError
    // when GDAL cannot create the file.
    VectorWriter(std::string path, WriteOptions options);
    ~VectorWriter();
    VectorWriter(VectorWriter&&) noexcept;
    VectorWriter& operator=(VectorWriter&&) noexcept;
    VectorWriter(const VectorWriter&) = delete;
    VectorWriter& operator=(const VectorWriter&) = delete;

    // Starts a new layer; following write() calls go to it.
    void add_layer(const std::string& name, LayerGeometry geometry_type,
                   const std::vector<model::FieldDef>& fields);

    // Writes one feature to the current layer. `row` is aligned with the layer's fields
    // (std::monostate = NULL); std::monostate geometry writes a feature without geometry.
    // UsageError when there is no layer, the row has the wrong length or the geometry type
    // does not match the layer's; DataError (naming file, layer and the 1-based feature
    // number in the layer) for non-finite coordinates, unparseable date/time text or any
    // failure reported by OGR.
    void write(const model::Geometry& geometry, const model::AttributeRow& row);

    // Finishes the file (commits the open transaction, closes the dataset) and renames it to
    // its final name. DataError when GDAL reports a failure while closing.
    void commit();

    const std::string& path() const noexcept;
    VectorFormat format() const noexcept;
    // Features written to the current layer so far.
    std::int64_t features_written() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace trygg::io
