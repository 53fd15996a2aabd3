#include "trygg/io/vector_writer.hpp"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <filesystem>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "io/detail/gdal_errors.hpp"
#include "io/detail/gpkg_rtree.hpp"
#include "trygg/error.hpp"
#include "trygg/io/gdal_setup.hpp"
#include "trygg/model/geometry_visit.hpp"

namespace trygg::io {

namespace {

using detail::gdal_message;
using detail::QuietGdal;

const char* driver_name(VectorFormat format) {
    switch (format) {
        case VectorFormat::gpkg: return "GPKG";
        case VectorFormat::geojson: return "GeoJSON";
        case VectorFormat::flatgeobuf: return "FlatGeobuf";
        case VectorFormat::csv: return "CSV";
    }
    return "";
}

OGRwkbGeometryType ogr_geometry_type(LayerGeometry type) {
    switch (type) {
        case LayerGeometry::point: return wkbPoint;
        case LayerGeometry::line: return wkbMultiLineString;
        case LayerGeometry::polygon: return wkbMultiPolygon;
        case LayerGeometry::none: return wkbNone;
        case LayerGeometry::any: return wkbUnknown;
    }
    return wkbUnknown;
}

const char* to_string(LayerGeometry type) {
    switch (type) {
        case LayerGeometry::point: return "point";
        case LayerGeometry::line: return "line";
        case LayerGeometry::polygon: return "polygon";
        case LayerGeometry::none: return "no";
        case LayerGeometry::any: return "any";
    }
    return "";
}

int checked_count(std::size_t count) {
    if (count > static_cast<std::size_t>(INT_MAX)) {
        throw UsageError("geometry with more than INT_MAX parts or vertices");
    }
    return static_cast<int>(count);
}

bool finite(const model::Point& point) {
    return std::isfinite(point.x) && std::isfinite(point.y);
}

template <typename Points>
bool all_finite(const Points& points) {
    return std::all_of(points.begin(), points.end(), [](const model::Point& p) { return finite(p); });
}

template <typename Curve>
void fill_curve(Curve& curve, const std::vector<model::Point>& points) {
    curve.setNumPoints(checked_count(points.size()), FALSE);
    for (std::size_t i = 0; i < points.size(); ++i) {
        curve.setPoint(static_cast<int>(i), points[i].x, points[i].y);
    }
}

std::unique_ptr<OGRMultiLineString> to_ogr(const model::MultiLineString& lines) {
    auto result = std::make_unique<OGRMultiLineString>();
    for (const model::LineString& line : lines) {
        auto part = std::make_unique<OGRLineString>();
        fill_curve(*part, line);
        result->addGeometryDirectly(part.release());
    }
    return result;
}

std::unique_ptr<OGRMultiPolygon> to_ogr(const model::MultiPolygon& polygons) {
    auto result = std::make_unique<OGRMultiPolygon>();
    for (const model::Polygon& polygon : polygons) {
        auto part = std::make_unique<OGRPolygon>();
        auto outer = std::make_unique<OGRLinearRing>();
        fill_curve(*outer, polygon.outer);
        part->addRingDirectly(outer.release());
        for (const model::Ring& hole : polygon.holes) {
            auto inner = std::make_unique<OGRLinearRing>();
            fill_curve(*inner, hole);
            part->addRingDirectly(inner.release());
        }
        result->addGeometryDirectly(part.release());
    }
    return result;
}

bool geometry_finite(const model::Geometry& geometry) {
    return std::visit(
        [](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, model::Point>) {
                return finite(value);
            } else if constexpr (std::is_same_v<T, model::MultiLineString>) {
                return std::all_of(value.begin(), value.end(),
                                   [](const model::LineString& line) { return all_finite(line); });
            } else if constexpr (std::is_same_v<T, model::MultiPolygon>) {
                return std::all_of(value.begin(), value.end(), [](const model::Polygon& polygon) {
                    return all_finite(polygon.outer) &&
                           std::all_of(polygon.holes.begin(), polygon.holes.end(),
                                       [](const model::Ring& ring) { return all_finite(ring); });
                });
            } else {
                return true;
            }
        },
        geometry);
}

// The spatial index entry of a geometry, or nothing for an empty geometry (which, like a
// missing one, the GeoPackage index leaves out).
std::optional<detail::RTreeEntry> rtree_entry(std::int64_t fid, const model::Geometry& geometry) {
    bool any = false;
    model::Box box{};
    model::for_each_point(geometry, [&](const model::Point& p) {
        if (!any) {
            box = {p.x, p.y, p.x, p.y};
            any = true;
            return;
        }
        box.min_x = std::min(box.min_x, p.x);
        box.min_y = std::min(box.min_y, p.y);
        box.max_x = std::max(box.max_x, p.x);
        box.max_y = std::max(box.max_y, p.y);
    });
    if (!any) return std::nullopt;
    detail::RTreeEntry entry;
    entry.id = fid;
    entry.min_x = detail::float_below(box.min_x);
    entry.max_x = detail::float_above(box.max_x);
    entry.min_y = detail::float_below(box.min_y);
    entry.max_y = detail::float_above(box.max_y);
    return entry;
}

std::optional<LayerGeometry> geometry_class(const model::Geometry& geometry) {
    switch (geometry.index()) {
        case 1: return LayerGeometry::point;
        case 2: return LayerGeometry::line;
        case 3: return LayerGeometry::polygon;
        default: return std::nullopt;  // no geometry
    }
}

}  // namespace

VectorFormat vector_format_for(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".gpkg") return VectorFormat::gpkg;
    if (extension == ".geojson" || extension == ".json") return VectorFormat::geojson;
    if (extension == ".fgb") return VectorFormat::flatgeobuf;
    if (extension == ".csv") return VectorFormat::csv;
    throw UsageError("cannot tell the output format of '" + path +
                     "'; use one of .gpkg, .geojson, .json, .fgb, .csv");
}

// -------------------------------------------------------------------------------------------------

struct VectorWriter::Impl {
    // Declaration order is destruction order in reverse: the dataset closes before `output`
    // deletes the temporary file it was writing.
    AtomicOutput output;
    VectorFormat format;
    OGRSpatialReference srs;
    bool has_srs = false;
    GDALDatasetUniquePtr dataset;

    OGRLayer* layer = nullptr;  // owned by the dataset
    std::string layer_name;
    LayerGeometry layer_geometry = LayerGeometry::none;
    std::vector<int> field_index;  // model field i -> OGR field index
    std::vector<model::FieldType> field_types;
    std::int64_t feature_number = 0;  // features written to the current layer
    int layer_count = 0;
    // GeoPackage: the spatial index of every layer with geometry, collected while writing and
    // packed in bulk by commit() (see io/detail/gpkg_rtree.hpp); the current layer's is last.
    std::vector<detail::PendingRTree> rtrees;
    bool current_has_rtree = false;
    std::unique_ptr<OGRFeature> reusable_feature;  // reused by every write() to the current layer
    bool in_transaction = false;
    bool committed = false;

    Impl(AtomicOutput out, VectorFormat f) : output(std::move(out)), format(f) {}
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    ~Impl() {
        // Closing an unfinished dataset may report errors nobody can act on any more.
        QuietGdal quiet;
        reusable_feature.reset();  // holds a reference to a layer definition of the dataset
        dataset.reset();
    }

    ErrorLocation where(std::optional<std::int64_t> feature = std::nullopt) const {
        return ErrorLocation{output.final_path(), layer_name, feature, {}};
    }

    void commit_transaction() {
        if (!in_transaction) return;
        in_transaction = false;
        if (dataset->CommitTransaction() != OGRERR_NONE) {
            throw DataError("cannot commit the transaction: " + gdal_message("unknown error"),
                            where());
        }
    }
};

VectorWriter::VectorWriter(std::string path, WriteOptions options) {
    const VectorFormat format = vector_format_for(path);
    ensure_gdal();
    QuietGdal quiet;

    // The CRS is checked before anything touches the file system.
    OGRSpatialReference srs;
    if (!options.crs.empty()) {
        if (srs.SetFromUserInput(options.crs.c_str()) != OGRERR_NONE) {
            throw UsageError("unknown CRS '" + options.crs + "'");
        }
        // Our coordinates are always x = lon/easting, y = lat/northing.
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }

    AtomicOutput output(std::move(path), options);
    impl_ = std::make_unique<Impl>(std::move(output), format);
    impl_->srs = srs;
    impl_->has_srs = !options.crs.empty();

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name(format));
    if (driver == nullptr) {
        throw DataError(std::string("GDAL has no ") + driver_name(format) + " driver",
                        impl_->where());
    }
    impl_->dataset.reset(
        driver->Create(impl_->output.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!impl_->dataset) {
        throw DataError("cannot create the file: " + gdal_message("unknown error"),
                        impl_->where());
    }
}

VectorWriter::~VectorWriter() = default;
VectorWriter::VectorWriter(VectorWriter&&) noexcept = default;
VectorWriter& VectorWriter::operator=(VectorWriter&&) noexcept = default;

void VectorWriter::add_layer(const std::string& name, LayerGeometry geometry_type,
                             const std::vector<model::FieldDef>& fields) {
    Impl& impl = *impl_;
    if (impl.committed) throw UsageError("add_layer after commit", impl.where());
    if (impl.format != VectorFormat::gpkg && impl.layer_count > 0) {
        throw UsageError(std::string(driver_name(impl.format)) +
                             " holds one layer per file; write layer '" + name +
                             "' to another file or use .gpkg",
                         ErrorLocation{impl.output.final_path(), name, {}, {}});
    }
    if (impl.format == VectorFormat::flatgeobuf && geometry_type == LayerGeometry::none) {
        throw UsageError("FlatGeobuf cannot store features without geometry; use .gpkg or .csv",
                         ErrorLocation{impl.output.final_path(), name, {}, {}});
    }
    QuietGdal quiet;
    impl.commit_transaction();

    impl.layer = nullptr;
    impl.layer_name = name;
    impl.layer_geometry = geometry_type;
    impl.feature_number = 0;
    impl.field_index.clear();
    impl.field_types.clear();
    impl.current_has_rtree = false;
    impl.reusable_feature.reset();

    CPLStringList layer_options;
    const bool gpkg_rtree = impl.format == VectorFormat::gpkg && geometry_type != LayerGeometry::none;
    if (gpkg_rtree) {
        // GDAL 3.6 would fill the index a feature at a time; commit() packs it in one go.
        layer_options.SetNameValue("SPATIAL_INDEX", "NO");
    }
    if (impl.format == VectorFormat::csv) {
        if (geometry_type == LayerGeometry::point) {
            layer_options.SetNameValue("GEOMETRY", "AS_XY");
        } else if (geometry_type != LayerGeometry::none) {
            layer_options.SetNameValue("GEOMETRY", "AS_WKT");
        }
    }
    OGRLayer* layer = impl.dataset->CreateLayer(name.c_str(), impl.has_srs ? &impl.srs : nullptr,
                                                ogr_geometry_type(geometry_type),
                                                layer_options.List());
    if (layer == nullptr) {
        throw DataError("cannot create the layer: " + gdal_message("unknown error"), impl.where());
    }

    for (const model::FieldDef& field : fields) {
        OGRFieldType type = OFTString;
        switch (field.type) {
            case model::FieldType::integer: type = OFTInteger64; break;
            case model::FieldType::real: type = OFTReal; break;
            case model::FieldType::string: type = OFTString; break;
            // CSV has no date type (GDAL would rewrite the text as YYYY/MM/DD): keep ISO text.
            case model::FieldType::date_time:
                type = impl.format == VectorFormat::csv ? OFTString : OFTDateTime;
                break;
        }
        OGRFieldDefn definition(field.name.c_str(), type);
        if (layer->CreateField(&definition, FALSE) != OGRERR_NONE) {
            throw DataError("cannot create the field: " + gdal_message("unknown error"),
                            ErrorLocation{impl.output.final_path(), name, {}, field.name});
        }
        // Look the field up by name: drivers may add columns of their own (the CSV X/Y).
        const int index = layer->GetLayerDefn()->GetFieldIndex(field.name.c_str());
        if (index < 0) {
            throw DataError("the driver did not keep the field name",
                            ErrorLocation{impl.output.final_path(), name, {}, field.name});
        }
        impl.field_index.push_back(index);
        impl.field_types.push_back(field.type);
    }

    // GeoPackage is SQLite: one transaction per layer instead of one per feature makes
    // 100 000 features a matter of a second, not minutes.
    if (impl.dataset->TestCapability(ODsCTransactions)) {
        if (impl.dataset->StartTransaction(FALSE) != OGRERR_NONE) {
            throw DataError("cannot start a transaction: " + gdal_message("unknown error"),
                            impl.where());
        }
        impl.in_transaction = true;
    }
    if (gpkg_rtree) {
        detail::PendingRTree rtree;
        rtree.table = layer->GetName();
        rtree.geometry_column = layer->GetGeometryColumn();
        rtree.fid_column = layer->GetFIDColumn();
        impl.rtrees.push_back(std::move(rtree));
        impl.current_has_rtree = true;
    }
    impl.reusable_feature = std::make_unique<OGRFeature>(layer->GetLayerDefn());
    impl.layer = layer;
    ++impl.layer_count;
}

void VectorWriter::write(const model::Geometry& geometry, const model::AttributeRow& row) {
    Impl& impl = *impl_;
    if (impl.committed) throw UsageError("write after commit", impl.where());
    if (impl.layer == nullptr) throw UsageError("write before add_layer", impl.where());
    if (row.size() != impl.field_index.size()) {
        throw UsageError("row has " + std::to_string(row.size()) + " values for " +
                             std::to_string(impl.field_index.size()) + " fields",
                         impl.where(impl.feature_number + 1));
    }
    const std::int64_t number = ++impl.feature_number;

    const std::optional<LayerGeometry> type = geometry_class(geometry);
    if (type && impl.layer_geometry != LayerGeometry::any && *type != impl.layer_geometry) {
        throw UsageError(std::string("a ") + to_string(*type) + " geometry in a layer of " +
                             to_string(impl.layer_geometry) + " geometries",
                         impl.where(number));
    }
    if (!type && impl.format == VectorFormat::flatgeobuf) {
        throw DataError("FlatGeobuf cannot store a feature without geometry; use .gpkg",
                        impl.where(number));
    }
    if (!geometry_finite(geometry)) {
        throw DataError("geometry has a non-finite coordinate", impl.where(number));
    }

    QuietGdal quiet;
    // One feature per layer, reused: every field is set (or set to NULL) below, and the FID is
    // cleared, so nothing of the previous feature survives.
    OGRFeature& feature = *impl.reusable_feature;
    feature.SetFID(OGRNullFID);
    if (const auto* point = std::get_if<model::Point>(&geometry)) {
        auto* existing = dynamic_cast<OGRPoint*>(feature.GetGeometryRef());
        if (existing != nullptr) {
            existing->setX(point->x);
            existing->setY(point->y);
        } else {
            feature.SetGeometryDirectly(new OGRPoint(point->x, point->y));
        }
    } else if (const auto* lines = std::get_if<model::MultiLineString>(&geometry)) {
        feature.SetGeometryDirectly(to_ogr(*lines).release());
    } else if (const auto* polygons = std::get_if<model::MultiPolygon>(&geometry)) {
        feature.SetGeometryDirectly(to_ogr(*polygons).release());
    } else {
        feature.SetGeometryDirectly(nullptr);
    }

    for (std::size_t i = 0; i < row.size(); ++i) {
        const int index = impl.field_index[i];
        const model::Value& value = row[i];
        if (std::holds_alternative<std::monostate>(value)) {
            feature.SetFieldNull(index);
        } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            feature.SetField(index, static_cast<GIntBig>(*integer));
        } else if (const auto* real = std::get_if<double>(&value)) {
            feature.SetField(index, *real);
        } else if (const auto* text = std::get_if<std::string>(&value)) {
            // A date/time that OGR cannot parse leaves the field as it was: unset it first.
            if (impl.field_types[i] == model::FieldType::date_time) feature.UnsetField(index);
            feature.SetField(index, text->c_str());
            // OGR leaves a date/time field unset when it cannot parse the text: that would
            // turn a value into NULL without a word.
            if (impl.field_types[i] == model::FieldType::date_time && !text->empty() &&
                !feature.IsFieldSetAndNotNull(index)) {
                throw DataError("'" + *text + "' is not an ISO 8601 date/time",
                                ErrorLocation{impl.output.final_path(), impl.layer_name, number,
                                              feature.GetFieldDefnRef(index)->GetNameRef()});
            }
        }
    }

    if (impl.layer->CreateFeature(&feature) != OGRERR_NONE) {
        throw DataError("cannot write the feature: " + gdal_message("unknown error"),
                        impl.where(number));
    }
    if (impl.current_has_rtree) {
        if (const auto entry = rtree_entry(feature.GetFID(), geometry)) impl.rtrees.back().entries.push_back(*entry);
    }
}

void VectorWriter::commit() {
    Impl& impl = *impl_;
    if (impl.committed) throw UsageError("commit called twice", impl.where());
    QuietGdal quiet;
    impl.commit_transaction();
    impl.layer = nullptr;
    impl.reusable_feature.reset();
    // GDAL 3.6's GDALClose returns nothing: a failure while flushing (FlatGeobuf writes its
    // index and GeoJSON its closing brackets here) only shows in the error state.
    CPLErrorReset();
    impl.dataset.reset();
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
        throw DataError("cannot finish the file: " + gdal_message("unknown error"),
                        ErrorLocation{impl.output.final_path(), {}, {}, {}});
    }
    detail::write_rtrees(impl.output.temp_path(), impl.output.final_path(), impl.rtrees);
    impl.rtrees.clear();
    impl.output.commit();
    impl.committed = true;
}

const std::string& VectorWriter::path() const noexcept { return impl_->output.final_path(); }
VectorFormat VectorWriter::format() const noexcept { return impl_->format; }
std::int64_t VectorWriter::features_written() const noexcept { return impl_->feature_number; }

}  // namespace trygg::io
