#include "trygg/io/layer_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string_view>

#include "io/detail/gdal_errors.hpp"
#include "io/detail/huge_pages.hpp"
#include "io/detail/ogr_geometry_in.hpp"
#include "trygg/error.hpp"
#include "trygg/io/category_vocabulary.hpp"
#include "trygg/io/crs.hpp"
#include "trygg/io/gdal_setup.hpp"
#include "trygg/io/kind_guess.hpp"
#include "trygg/io/osm_profile.hpp"

namespace trygg::io {

namespace {

using model::Kind;
using model::RejectReason;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_csv_like(const std::string& source) {
    const std::string s = lower(source);
    return ends_with(s, ".csv") || ends_with(s, ".txt") || ends_with(s, ".tsv");
}

// GDAL's CSV driver only claims .csv/.tsv by itself; GTFS stops.txt is a CSV too.
std::string gdal_name(const std::string& source) {
    if (ends_with(lower(source), ".txt")) return "CSV:" + source;
    return source;
}

std::string last_gdal_error() { return detail::gdal_message("not a readable vector data source"); }

GDALDatasetUniquePtr open_vector(const std::string& source, const std::vector<std::string>& open_options) {
    if (!source.starts_with("PG:") && !std::filesystem::exists(source))
        throw DataError("no such file", {source, {}, {}, {}});
    ensure_gdal();
    std::vector<const char*> opts;
    for (const auto& o : open_options) opts.push_back(o.c_str());
    opts.push_back(nullptr);
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gdal_name(source).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, opts.data(), nullptr));
    if (!ds) throw DataError("cannot open: " + last_gdal_error(), {source, {}, {}, {}});
    return ds;
}

std::vector<std::string> field_names(OGRLayer& layer) {
    std::vector<std::string> names;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    return names;
}

SourceGeometry source_geometry(OGRLayer& layer) {
    switch (wkbFlatten(layer.GetGeomType())) {
        case wkbPoint:
        case wkbMultiPoint: return SourceGeometry::point;
        case wkbLineString:
        case wkbMultiLineString:
        case wkbCircularString:
        case wkbCompoundCurve:
        case wkbMultiCurve: return SourceGeometry::line;
        case wkbPolygon:
        case wkbMultiPolygon:
        case wkbCurvePolygon:
        case wkbMultiSurface: return SourceGeometry::polygon;
        default: return SourceGeometry::unknown;
    }
}

// For layers whose declared type is unknown (GeoJSON with mixed types, CSV with WKT): look at
// the first features.
SourceGeometry sniff_geometry(OGRLayer& layer) {
    SourceGeometry declared = source_geometry(layer);
    if (declared != SourceGeometry::unknown) return declared;
    bool points = false, polygons = false, lines = false;
    layer.ResetReading();
    int seen = 0;
    for (auto& feature : layer) {
        if (const OGRGeometry* g = feature->GetGeometryRef()) {
            switch (wkbFlatten(g->getGeometryType())) {
                case wkbPoint:
                case wkbMultiPoint: points = true; break;
                case wkbLineString:
                case wkbMultiLineString: lines = true; break;
                case wkbPolygon:
                case wkbMultiPolygon: polygons = true; break;
                default: break;
            }
        }
        if (++seen >= 1000) break;
    }
    layer.ResetReading();
    if (points && polygons && !lines) return SourceGeometry::mixed_point_polygon;
    if (lines && !points && !polygons) return SourceGeometry::line;
    if (polygons && !points && !lines) return SourceGeometry::polygon;
    if (points && !lines && !polygons) return SourceGeometry::point;
    return SourceGeometry::unknown;
}

// CSV coordinates: open options telling GDAL which columns hold x/y or WKT (auto-detected
// through the field mapping, or --x-field/--y-field).
struct CsvGeometryColumns {
    std::string x, y, wkt;
};

std::optional<CsvGeometryColumns> csv_geometry_columns(const std::string& source, Kind kind,
                                                       const ReadOptions& options) {
    if (!is_csv_like(source)) return std::nullopt;
    auto probe = open_vector(source, {});
    OGRLayer* layer = probe->GetLayer(0);
    if (!layer) throw DataError("has no layer", {source, {}, {}, {}});
    const FieldMapping mapping =
        map_fields(field_names(*layer), options.fields, kind, {source, layer->GetName(), {}, {}});
    CsvGeometryColumns cols{mapping.name(FieldRole::x), mapping.name(FieldRole::y), mapping.name(FieldRole::wkt)};
    if ((cols.x.empty() || cols.y.empty()) && cols.wkt.empty())
        throw DataError("no coordinate columns found (looked for x/y, lon/lat, longitude/latitude, "
                        "easting/northing, stop_lon/stop_lat and WKT); name them with --x-field and --y-field",
                        {source, layer->GetName(), {}, {}});
    return cols;
}

// x/y columns are read by trygg itself (see read_layer), not through GDAL's X_POSSIBLE_NAMES:
// GDAL turns those columns into numbers and a cell like "north" into NULL, so a typo would look
// like a row without coordinates. WKT columns are parsed by GDAL.
std::vector<std::string> csv_open_options(const CsvGeometryColumns& cols) {
    if (!cols.x.empty() && !cols.y.empty()) return {};
    return {"GEOM_POSSIBLE_NAMES=" + cols.wkt, "KEEP_GEOM_COLUMNS=NO"};
}

std::vector<std::string> open_options_for(const std::string& source, Kind kind, const ReadOptions& options) {
    if (is_osm_source(source)) return {"CONFIG_FILE=" + osm_config_path()};
    if (auto cols = csv_geometry_columns(source, kind, options)) return csv_open_options(*cols);
    return {};
}

OGRLayer* find_layer(GDALDataset& ds, const std::string& source, const std::string& name) {
    if (name.empty()) return ds.GetLayer(0);
    if (OGRLayer* layer = ds.GetLayerByName(name.c_str())) return layer;
    std::string available;
    for (auto* layer : ds.GetLayers()) available += (available.empty() ? "" : ", ") + std::string(layer->GetName());
    throw UsageError("no layer '" + name + "' (layers: " + available + ")", {source, {}, {}, {}});
}

model::FieldType field_type(OGRFieldType type) {
    switch (type) {
        case OFTInteger:
        case OFTInteger64: return model::FieldType::integer;
        case OFTReal: return model::FieldType::real;
        case OFTDate:
        case OFTDateTime:
        case OFTTime: return model::FieldType::date_time;
        default: return model::FieldType::string;
    }
}

model::Value field_value(const OGRFeature& feature, int i, model::FieldType type) {
    if (!feature.IsFieldSetAndNotNull(i)) return std::monostate{};
    switch (type) {
        case model::FieldType::integer: return static_cast<std::int64_t>(feature.GetFieldAsInteger64(i));
        case model::FieldType::real: return feature.GetFieldAsDouble(i);
        case model::FieldType::date_time:
        case model::FieldType::string: return std::string(feature.GetFieldAsString(i));
    }
    return std::monostate{};
}

// A number from a field: native numeric fields directly, text through std::from_chars.
// nullopt: field NULL or empty; throws std::invalid_argument for text that is not a number.
std::optional<double> number_value(const OGRFeature& feature, int i) {
    if (!feature.IsFieldSetAndNotNull(i)) return std::nullopt;
    const OGRFieldType type = feature.GetFieldDefnRef(i)->GetType();
    if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) return feature.GetFieldAsDouble(i);
    std::string_view text = feature.GetFieldAsString(i);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    if (text.front() == '+') text.remove_prefix(1);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        throw std::invalid_argument("'" + std::string(text) + "' is not a number");
    return value;
}

// An OGR date/time field straight to a TimePoint; OGR's time zone flag 100 means UTC and
// 100 +- n means an offset of n quarter hours; 0 (unknown) and 1 (local) are taken as written.
std::optional<model::TimePoint> ogr_time(const OGRFeature& feature, int i) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
    float s = 0;
    if (!feature.GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &s, &tz)) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    const std::int64_t days = date::sys_days{ymd}.time_since_epoch().count();
    std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + static_cast<std::int64_t>(std::floor(s));
    if (tz > 1) secs -= static_cast<std::int64_t>(tz - 100) * 15 * 60;
    return model::TimePoint{std::chrono::seconds{secs}};
}

}  // namespace

std::vector<LayerChoice> choose_layers(const std::string& source, const ReadOptions& options, bool all) {
    if (is_osm_source(source)) {
        std::vector<LayerChoice> out;
        if (options.kind) {
            auto selection = osm_selection(*options.kind);
            if (!selection && options.layer.empty())
                throw UsageError("an OpenStreetMap extract holds no " + std::string(to_string(*options.kind)),
                                 {source, {}, {}, {}});
            out.push_back({options.layer.empty() ? selection->layer : options.layer, *options.kind, false});
            return out;
        }
        for (Kind kind : model::all_kinds())
            if (auto selection = osm_selection(kind)) out.push_back({selection->layer, kind, true});
        if (!all) out.resize(1);
        return out;
    }
    const Kind probe_kind = options.kind.value_or(Kind::reports);
    auto ds = open_vector(source, open_options_for(source, probe_kind, options));
    std::vector<OGRLayer*> layers;
    if (!options.layer.empty()) layers.push_back(find_layer(*ds, source, options.layer));
    else
        for (auto* layer : ds->GetLayers()) layers.push_back(layer);
    if (layers.empty()) throw DataError("has no vector layers", {source, {}, {}, {}});
    if (!all) layers.resize(1);
    std::vector<LayerChoice> out;
    for (OGRLayer* layer : layers) {
        LayerChoice choice{layer->GetName(), probe_kind, !options.kind.has_value()};
        if (!options.kind)
            choice.kind = guess_kind(source, layer->GetName(), sniff_geometry(*layer), field_names(*layer));
        out.push_back(choice);
    }
    return out;
}

model::Layer read_layer_as(const std::string& source, Kind kind, const ReadOptions& options,
                           const ReadProgress& progress) {
    ReadOptions with_kind = options;
    with_kind.kind = kind;
    // Only an OSM extract needs choose_layers (its layer depends on the kind, and it opens
    // nothing); other sources are opened once, by read_layer (empty layer name: the first).
    if (is_osm_source(source))
        return read_layer(source, choose_layers(source, with_kind, false).front(), with_kind, progress);
    return read_layer(source, LayerChoice{options.layer, kind, false}, with_kind, progress);
}

model::Layer read_layer(const std::string& source, const LayerChoice& choice, const ReadOptions& options,
                        const ReadProgress& progress) {
    auto ds = open_vector(source, open_options_for(source, choice.kind, options));
    OGRLayer* layer = find_layer(*ds, source, choice.layer);

    model::Layer out;
    out.kind = choice.kind;
    out.kind_guessed = choice.kind_guessed;
    out.source = source;
    out.name = layer->GetName();
    const ErrorLocation where{source, out.name, {}, {}};

    std::optional<OsmSelection> osm;
    if (is_osm_source(source)) {
        osm = osm_selection(choice.kind);
        if (osm && osm->layer == choice.layer && layer->SetAttributeFilter(osm->where.c_str()) != OGRERR_NONE)
            throw DataError("cannot select " + std::string(to_string(choice.kind)) + ": " + last_gdal_error(), where);
        if (osm && osm->layer != choice.layer) osm.reset();
    }

    // Schema and role mapping.
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const std::vector<std::string> names = field_names(*layer);
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        out.fields.push_back({names[static_cast<std::size_t>(i)], field_type(defn->GetFieldDefn(i)->GetType())});
    FieldOverrides overrides = options.fields;
    // OSM: the kind's tag (amenity, highway...) is the category unless the user chose another;
    // only when the layer has it (a user's own OSM configuration may not).
    if (osm && !osm->category_tag.empty() && !overrides.fields.contains(FieldRole::category) &&
        std::find(names.begin(), names.end(), osm->category_tag) != names.end())
        overrides.fields[FieldRole::category] = osm->category_tag;
    const FieldMapping mapping = map_fields(names, overrides, choice.kind, where);
    auto index_of = [&mapping](FieldRole role) {
        auto it = mapping.index.find(role);
        return it == mapping.index.end() ? -1 : it->second;
    };
    const int id_i = index_of(FieldRole::id), category_i = index_of(FieldRole::category),
              time_i = index_of(FieldRole::time), weight_i = index_of(FieldRole::weight),
              name_i = index_of(FieldRole::name), x_i = index_of(FieldRole::x), y_i = index_of(FieldRole::y),
              height_i = index_of(FieldRole::height), status_i = index_of(FieldRole::status),
              heading_i = index_of(FieldRole::heading), fov_i = index_of(FieldRole::fov),
              range_i = index_of(FieldRole::range), lit_i = index_of(FieldRole::lit),
              highway_i = index_of(FieldRole::highway);
    out.id_field = mapping.name(FieldRole::id);
    out.category_field = mapping.name(FieldRole::category);
    out.time_field = mapping.name(FieldRole::time);
    out.weight_field = mapping.name(FieldRole::weight);
    out.name_field = mapping.name(FieldRole::name);
    for (const auto& [role, index] : mapping.index)
        out.mapped_fields[std::string(to_string(role))] = names[static_cast<std::size_t>(index)];

    // Source CRS: the layer's own, unless --src-crs assigns one.
    bool geographic = false;
    if (!options.src_crs.empty()) {
        out.source_crs_wkt = options.src_crs;
    } else if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        char* wkt = nullptr;
        const char* wkt_options[] = {"FORMAT=WKT2_2019", nullptr};
        if (srs->exportToWkt(&wkt, wkt_options) == OGRERR_NONE && wkt) out.source_crs_wkt = wkt;
        CPLFree(wkt);
    }
    if (!out.source_crs_wkt.empty()) {
        geographic = is_geographic(out.source_crs_wkt);
        out.source_crs = crs_code(out.source_crs_wkt);
    }

    const bool is_csv = is_csv_like(source);
    const auto expected = model::expected_geometry(choice.kind);
    // Features are read straight into out.features; the few rejected rows are remembered by
    // position and taken out at the end, so the layer is never held twice.
    std::vector<std::pair<std::size_t, model::Rejection>> rejections;  // by position in out.features
    std::vector<std::pair<std::size_t, std::string>> raw_times;  // text times to parse once the
                                                                 // column's date order is known
    // Room for every feature at once: growing a vector of a million features by doubling moves
    // each about twice and holds two copies at the last step. A CSV has no stored count, but
    // GDAL counts its lines in a fraction of the time those moves take.
    {
        GIntBig count = -1;
        if (layer->TestCapability(OLCFastFeatureCount)) count = layer->GetFeatureCount(FALSE);
        else if (is_csv) count = layer->GetFeatureCount(TRUE);
        if (count > 0) {
            out.features.reserve(static_cast<std::size_t>(count));
            detail::advise_huge_pages(out.features.data(), out.features.capacity() * sizeof(model::Feature));
        }
    }
    const auto field_text = [](const OGRFeature& f, int i) {
        return f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string();
    };

    layer->ResetReading();
    std::int64_t row = 0;
    for (auto& feature : *layer) {
        ++row;
        const std::size_t position = out.features.size();
        model::Feature& f = out.features.emplace_back();
        std::optional<model::Rejection> rejection;
        f.fid = feature->GetFID() == OGRNullFID ? row : static_cast<std::int64_t>(feature->GetFID());
        f.attributes.reserve(out.fields.size());
        for (std::size_t i = 0; i < out.fields.size(); ++i)
            f.attributes.push_back(field_value(*feature, static_cast<int>(i), out.fields[i].type));
        f.id = id_i >= 0 && feature->IsFieldSetAndNotNull(id_i) ? field_text(*feature, id_i) : std::to_string(f.fid);

        auto reject = [&](RejectReason reason, std::string detail) {
            if (!rejection) rejection = model::Rejection{f.fid, f.id, reason, std::move(detail), {}, f.attributes};
        };

        // CSV x/y columns: the point is made here from the text, so that a cell that is not a
        // number is reported as such.
        std::optional<OGRPoint> csv_point;
        if (is_csv && x_i >= 0 && y_i >= 0) {
            try {
                const auto x = number_value(*feature, x_i);
                const auto y = number_value(*feature, y_i);
                if (!x || !y) reject(RejectReason::no_geometry, "row has no coordinates");
                else csv_point.emplace(*x, *y);
            } catch (const std::invalid_argument& e) {
                reject(RejectReason::bad_number, "coordinate " + std::string(e.what()));
            }
        }
        if (!rejection) {
            const OGRGeometry* source_geometry =
                csv_point ? static_cast<const OGRGeometry*>(&*csv_point) : feature->GetGeometryRef();
            auto g = detail::read_ogr_geometry(source_geometry, expected, geographic);
            f.geometry = std::move(g.geometry);
            if (g.problem) reject(*g.problem, g.detail);
        }

        if (category_i >= 0) {
            f.raw_category = field_text(*feature, category_i);
            f.category = normalise_category(f.raw_category);
        }
        if (name_i >= 0) f.name = field_text(*feature, name_i);
        if (status_i >= 0) f.status = field_text(*feature, status_i);
        if (lit_i >= 0) f.lit = field_text(*feature, lit_i);
        if (highway_i >= 0) f.highway = field_text(*feature, highway_i);
        if (time_i >= 0) {
            const auto type = defn->GetFieldDefn(time_i)->GetType();
            if (type == OFTDate || type == OFTDateTime) f.time = ogr_time(*feature, time_i);
            else if (std::string text = field_text(*feature, time_i); !text.empty())
                raw_times.emplace_back(position, std::move(text));
        }
        struct NumberRole {
            int index;
            std::optional<double>* target;
            const char* role;
        };
        std::optional<double> weight;
        const NumberRole numbers[] = {{weight_i, &weight, "weight"}, {height_i, &f.height, "height"},
                                      {heading_i, &f.heading, "heading"}, {fov_i, &f.fov, "field of view"},
                                      {range_i, &f.range, "range"}};
        for (const auto& n : numbers) {
            if (n.index < 0) continue;
            try {
                *n.target = number_value(*feature, n.index);
                if (*n.target && !std::isfinite(**n.target))
                    reject(RejectReason::bad_number, std::string(n.role) + " is not finite");
            } catch (const std::invalid_argument& e) {
                reject(RejectReason::bad_number, std::string(n.role) + " " + e.what() + " (field '" +
                                                     names[static_cast<std::size_t>(n.index)] + "')");
            }
        }
        if (weight) {
            if (*weight < 0) reject(RejectReason::bad_number, "weight " + std::to_string(*weight) + " is negative");
            f.weight = *weight;
        }
        if (rejection) rejections.emplace_back(position, std::move(*rejection));
        if (progress && row % 4096 == 0) progress(row);
    }
    out.feature_count = row;
    if (progress) progress(row);

    // Text times: decide the column's day/month order from all its values, then parse.
    if (!raw_times.empty()) {
        std::vector<bool> rejected(out.features.size(), false);
        for (const auto& [position, rejection] : rejections) rejected[position] = true;
        std::vector<std::string_view> samples;
        samples.reserve(raw_times.size());
        for (const auto& [position, text] : raw_times) samples.push_back(text);
        TimeFormat format = options.time_format;
        if (format.order == DateOrder::auto_detect && format.strptime_format.empty())
            format.order = detect_date_order(samples);
        bool bad_times = false;
        for (const auto& [position, text] : raw_times) {
            if (rejected[position]) continue;
            model::Feature& f = out.features[position];
            const TimeParseResult parsed = parse_time(text, format);
            if (parsed.ok()) {
                f.time = parsed.time;
            } else if (parsed.failed()) {
                rejections.emplace_back(position, model::Rejection{f.fid, f.id, RejectReason::bad_time,
                                                                   parsed.detail() + " (field '" + out.time_field + "')",
                                                                   {}, f.attributes});
                bad_times = true;
            }
        }
        if (bad_times)
            std::stable_sort(rejections.begin(), rejections.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
    }

    // Rejected rows leave out.features (their geometry goes with the rejection), in row order.
    if (!rejections.empty()) {
        std::size_t kept = 0, next = 0;
        for (std::size_t i = 0; i < out.features.size(); ++i) {
            if (next < rejections.size() && rejections[next].first == i) {
                model::Rejection& rejection = rejections[next++].second;
                rejection.geometry = std::move(out.features[i].geometry);
                out.rejects.add(std::move(rejection));
                continue;
            }
            if (kept != i) out.features[kept] = std::move(out.features[i]);
            ++kept;
        }
        out.features.erase(out.features.begin() + static_cast<std::ptrdiff_t>(kept), out.features.end());
    }
    return out;
}

}  // namespace trygg::io
