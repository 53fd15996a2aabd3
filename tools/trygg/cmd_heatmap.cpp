// trygg heatmap: kernel density of reports as a GeoTIFF, optionally with the areas holding the
// top P% of the density (docs/cli/heatmap.md, docs/methods.md).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "number_format.hpp"
#include "filter_options.hpp"
#include "input_options.hpp"
#include "progress.hpp"
#include "trygg/error.hpp"
#include "trygg/hotspot/density_contour.hpp"
#include "trygg/hotspot/kernel_density.hpp"
#include "trygg/io/category_vocabulary.hpp"
#include "trygg/io/crs.hpp"
#include "trygg/io/raster_writer.hpp"
#include "trygg/io/time_parser.hpp"
#include "trygg/io/vector_writer.hpp"
#include "trygg/model/feature_filter.hpp"

namespace trygg::cli {

namespace {

constexpr double kMaxCells = 100e6;  // guard against grids nobody meant to make
constexpr float kNodata = -9999.0f;   // QGIS's no-data value too

// Numbers in --json: 9 significant digits, so golden files do not depend on the last bits.
double round_sig(double v) {
    if (v == 0.0 || !std::isfinite(v)) return v;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return std::strtod(buf, nullptr);
}


std::string shortest(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

bool has_tif_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".tif" || ext == ".tiff";
}

// A numeric attribute as a double; nullopt for NULL, empty or non-numeric text.
std::optional<double> as_number(const model::Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value)) return *d;
    if (const auto* s = std::get_if<std::string>(&value)) {
        const char* begin = s->c_str();
        char* end = nullptr;
        const double v = std::strtod(begin, &end);
        if (end == begin) return std::nullopt;
        while (*end == ' ') ++end;
        if (*end != '\0') return std::nullopt;
        return v;
    }
    return std::nullopt;
}

class HeatmapCommand final : public Command {
public:
    std::string_view name() const override { return "heatmap"; }
    std::string_view summary() const override {
        return "Kernel density heatmap of reports as a GeoTIFF, with the densest areas as polygons";
    }
    std::string examples() const override {
        return "  trygg heatmap data/town/reports.geojson -o heat.tif --radius 300 --cell 25\n"
               "  trygg heatmap data/town/reports.geojson -o heat.tif --radius 300 --cell 25 --contour 50\n"
               "  trygg heatmap reports.gpkg -o graffiti.tif --radius 200 --cell 10 --category graffiti "
               "--from 2025-01-01 --to 2026-01-01\n"
               "  trygg heatmap reports.gpkg -o heat.tif --radius 300 --cell 25 --weighted --value density\n"
               "  trygg heatmap points.geojson -o q.tif --radius 300 --like qgis.tif --weight-field w "
               "--qgis-compatible\n";
    }
    void setup(CLI::App& app) override {
        app.add_option("reports", reports_, "Reports to map (any OGR source)")->required();
        app.add_option("-o,--output", output_, "GeoTIFF to write (.tif)")->required();
        app.add_option_function<double>("--radius", [this](double v) { radius_ = v; },
                       "Kernel radius in metres (required unless --radius-field; with it, the radius "
                       "of features whose field is empty)");
        app.add_option_function<double>("--cell", [this](double v) { cell_ = v; }, "Cell size in metres (required unless --like)");
        app.add_option("--kernel", kernel_,
                       "Kernel: quartic, triangular, uniform, triweight, epanechnikov or gaussian");
        app.add_option_function<double>("--decay", [this](double v) { decay_ = v; },
                                        "Triangular kernel: its value at the radius, as QGIS's decay ratio "
                                        "(default: 0 = cone; 1 = uniform)");
        app.add_flag("--weighted", weighted_,
                     "Weight each report by its weight field (auto-detected, e.g. 'severity'; "
                     "--weight-field implies this) instead of 1");
        app.add_option("--radius-field", radius_field_, "Field with a radius in metres per report");
        app.add_option("--value", value_,
                       "raw: sum of w*k(d/r) as QGIS's Raw output; density: normalised kernels, "
                       "reports (or weight) per km2")
            ->check(CLI::IsMember({"raw", "density"}));
        app.add_option("--extent", extent_,
                       "Grid extent 'xmin ymin xmax ymax' in the working CRS (default: the reports' "
                       "extent padded by the radius, as QGIS)")
            ->expected(4);
        app.add_option("--like", like_, "Use the grid (origin, cell, size, CRS) of this raster exactly");
        app.add_flag("--qgis-compatible", qgis_compatible_,
                     "Reproduce QGIS 3.22's heatmap cell for cell, its vertical placement quirk included");
        filter_options_.add_to(app);
        app.add_option_function<double>("--contour", [this](double v) { contour_ = v; },
                       "Also write polygons of the densest cells holding this percent of the total "
                       "(e.g. 50; default: none)");
        app.add_option("--contour-output", contour_output_,
                       "Where --contour writes its layer 'hotspot_areas' (default: <stem>_areas.gpkg "
                       "next to the GeoTIFF)");
        app.add_option("--compress", compress_,
                       "GeoTIFF compression: deflate (level 1, read everywhere), zstd (fastest, "
                       "needs GDAL >= 2.3 to read), lzw or none")
            ->check(CLI::IsMember({"deflate", "zstd", "lzw", "none"}));
        app.add_option("--threads", threads_,
                       "Worker threads for the kernel density and for compressing the GeoTIFF (0 = all cores)");
        app.add_flag("--json", json_, "Print a JSON summary on stdout");
        app.add_option("--out-crs", out_crs_,
                       "Not supported for rasters: the GeoTIFF is in the working CRS (choose it with "
                       "--crs or --like)");
        input_.add_to(app);
    }
    int run() override;

private:
    void validate();
    std::vector<std::string> inputs() const {
        std::vector<std::string> in{reports_};
        if (!filter_options_.within.empty()) in.push_back(filter_options_.within);
        if (!like_.empty()) in.push_back(like_);
        return in;
    }

    std::string reports_, output_, kernel_ = "quartic", value_ = "raw", like_, compress_ = "deflate";
    std::string radius_field_, contour_output_, out_crs_;
    std::optional<double> radius_, cell_, decay_, contour_;
    std::vector<double> extent_;
    FilterOptions filter_options_;
    bool weighted_ = false, qgis_compatible_ = false, json_ = false;
    unsigned threads_ = 0;
    InputOptions input_;
    hotspot::Kernel kernel_value_ = hotspot::Kernel::quartic;
};

void HeatmapCommand::validate() {
    if (!out_crs_.empty())
        throw UsageError("--out-crs is not supported for rasters; the GeoTIFF is written in the working CRS "
                         "(choose it with --crs, or --like RASTER)");
    if (!has_tif_extension(output_)) throw UsageError("-o '" + output_ + "': the heatmap is a GeoTIFF; use a .tif name");
    if (!radius_ && radius_field_.empty()) throw UsageError("--radius is required (or --radius-field)");
    if (radius_ && !(*radius_ > 0.0 && std::isfinite(*radius_)))
        throw UsageError("--radius must be a positive number of metres, got " + shortest(*radius_));
    if (cell_ && !(*cell_ > 0.0 && std::isfinite(*cell_)))
        throw UsageError("--cell must be a positive number of metres, got " + shortest(*cell_));
    if (!cell_ && like_.empty()) throw UsageError("--cell is required (or --like RASTER)");
    const auto kernel = hotspot::parse_kernel(kernel_);
    if (!kernel)
        throw UsageError("--kernel '" + kernel_ +
                         "': unknown; use quartic, triangular, uniform, triweight, epanechnikov or gaussian");
    kernel_value_ = *kernel;
    if (decay_ && kernel_value_ != hotspot::Kernel::triangular)
        throw UsageError("--decay applies to --kernel triangular only");
    if (decay_ && !std::isfinite(*decay_)) throw UsageError("--decay must be a finite number");
    if (!extent_.empty()) {
        for (double v : extent_)
            if (!std::isfinite(v)) throw UsageError("--extent needs four finite numbers: xmin ymin xmax ymax");
        if (!(extent_[0] < extent_[2] && extent_[1] < extent_[3]))
            throw UsageError("--extent is 'xmin ymin xmax ymax' with xmin < xmax and ymin < ymax");
        if (!like_.empty()) throw UsageError("--extent and --like both set the grid; give one of them");
    }
    if (contour_ && !(*contour_ > 0.0 && *contour_ <= 100.0))
        throw UsageError("--contour is a percentage in (0, 100], got " + shortest(*contour_));
    if (!contour_output_.empty() && !contour_) throw UsageError("--contour-output needs --contour P");
    if (qgis_compatible_) {
        if (kernel_value_ == hotspot::Kernel::gaussian)
            throw UsageError("--qgis-compatible: QGIS has no gaussian kernel");
        if (value_ != "raw")
            throw UsageError("--qgis-compatible reproduces QGIS's raw output only; drop --value density "
                             "(QGIS's scaled output has the wrong quartic constant, QGIS issue 60616)");
        if (!extent_.empty())
            throw UsageError("--qgis-compatible uses QGIS's grid (the reports' extent padded by the radius); "
                             "drop --extent, or use --like with a raster QGIS made");
    }
    if (input_.fields.contains(io::FieldRole::weight)) weighted_ = true;
}

int HeatmapCommand::run() {
    validate();

    // The grid of --like, and its CRS as the working CRS.
    std::optional<io::RasterGrid> like_grid;
    if (!like_.empty()) {
        like_grid = io::read_grid_like(like_);
        const std::string like_crs = io::raster_crs(like_);
        if (like_crs.empty()) {
            if (input_.crs.empty())
                throw UsageError("--like " + like_ + ": the raster has no CRS; give the working CRS with --crs");
        } else if (input_.crs.empty()) {
            input_.crs = like_crs;
        } else if (io::crs_code(input_.crs) != io::crs_code(like_crs)) {
            throw UsageError("--crs " + input_.crs + " differs from the CRS of --like " + like_ + " (" +
                             io::crs_code(like_crs) + "); the heatmap uses the raster's grid, so drop --crs");
        }
        if (cell_ && *cell_ != like_grid->cell)
            throw UsageError("--cell " + shortest(*cell_) + " differs from the cell of --like " + like_ + " (" +
                             shortest(like_grid->cell) + "); drop --cell");
        cell_ = like_grid->cell;
    }

    // Refuse outputs that exist (or are inputs) before any work.
    const std::string contour_path =
        !contour_ ? std::string()
                  : !contour_output_.empty()
                        ? contour_output_
                        : (std::filesystem::path(output_).parent_path() /
                           (std::filesystem::path(output_).stem().string() + "_areas.gpkg"))
                              .string();
    {
        io::WriteOptions check;
        check.overwrite = input_.overwrite;
        check.inputs = inputs();
        io::AtomicOutput raster_check(output_, check);
        if (contour_) {
            io::vector_format_for(contour_path);
            if (std::filesystem::weakly_canonical(contour_path) == std::filesystem::weakly_canonical(output_))
                throw UsageError("--contour-output must differ from -o");
            io::AtomicOutput areas_check(contour_path, check);
        }
    }

    const model::FeatureFilter filter = filter_options_.filter();

    std::vector<std::pair<std::string, model::Kind>> sources{{reports_, model::Kind::reports}};
    if (!filter_options_.within.empty()) sources.emplace_back(filter_options_.within, model::Kind::areas);
    std::vector<model::Layer> layers = load_layers(sources, input_);
    model::Layer& reports = layers.front();
    const std::string working_crs = reports.working_crs;

    model::FeatureFilter full_filter = filter;
    if (!filter_options_.within.empty()) filter_options_.add_within(full_filter, layers[1]);
    const std::size_t read_count = reports.features.size();
    model::FilterReport filtered = model::filter_features(reports, full_filter);
    const bool any_filter = filter_options_.any();

    // Weights and radii.
    if (weighted_ && reports.weight_field.empty())
        throw UsageError("--weighted: " + reports_ + " has no weight field; name it with --weight-field");
    std::optional<std::size_t> radius_index;
    if (!radius_field_.empty()) {
        for (std::size_t i = 0; i < reports.fields.size(); ++i)
            if (reports.fields[i].name == radius_field_) radius_index = i;
        if (!radius_index) {
            std::string names;
            for (const auto& f : reports.fields) names += (names.empty() ? "" : ", ") + f.name;
            throw UsageError("--radius-field '" + radius_field_ + "': no such field (fields: " + names + ")",
                             {reports.source, reports.name, {}, radius_field_});
        }
    }
    std::vector<model::Point> points;
    std::vector<double> weights, radii;
    std::map<std::string, std::size_t> left_out = filtered.left_out;
    points.reserve(reports.features.size());
    for (const auto& f : reports.features) {
        const auto* p = std::get_if<model::Point>(&f.geometry);
        if (!p) {
            ++left_out["not_a_point"];
            continue;
        }
        if (radius_index) {
            const auto r = as_number(f.attributes[*radius_index]);
            if (r && *r > 0.0 && std::isfinite(*r)) {
                radii.push_back(*r);
            } else if (radius_) {
                radii.push_back(*radius_);
            } else {
                ++left_out["no_radius"];
                continue;
            }
        }
        points.push_back(*p);
        if (weighted_) weights.push_back(f.weight);
    }
    const std::size_t not_used = read_count - points.size();
    if (!input_.quiet && (any_filter || not_used > 0)) {
        model::FilterReport all;
        all.kept = points.size();
        all.left_out = left_out;
        std::cerr << "trygg heatmap: " << all.describe("reports") << "\n";
    }

    model::Box data_extent{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                           std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const auto& p : points) {
        data_extent.min_x = std::min(data_extent.min_x, p.x);
        data_extent.min_y = std::min(data_extent.min_y, p.y);
        data_extent.max_x = std::max(data_extent.max_x, p.x);
        data_extent.max_y = std::max(data_extent.max_y, p.y);
    }
    const double max_radius = radii.empty() ? *radius_ : *std::max_element(radii.begin(), radii.end());
    const double cell = *cell_;

    // The grid.
    auto too_large = [&](double columns, double rows) {
        if (columns * rows > kMaxCells) {
            const double factor = std::sqrt(columns * rows / kMaxCells);
            throw UsageError("a grid of " + fixed(columns, 0) + " x " + fixed(rows, 0) + " cells is larger than " +
                             fixed(kMaxCells / 1e6, 0) + " million cells; use a larger --cell (at least " +
                             shortest(std::ceil(cell * factor * 100.0) / 100.0) + ")");
        }
    };
    hotspot::GridSpec grid;
    if (like_grid) {
        too_large(like_grid->columns, like_grid->rows);
        grid.origin_x = like_grid->origin_x;
        grid.origin_y = like_grid->origin_y;
        grid.cell = like_grid->cell;
        grid.columns = like_grid->columns;
        grid.rows = like_grid->rows;
    } else if (!extent_.empty()) {
        const double columns = std::max(std::ceil((extent_[2] - extent_[0]) / cell), 1.0);
        const double rows = std::max(std::ceil((extent_[3] - extent_[1]) / cell), 1.0);
        too_large(columns, rows);
        grid.origin_x = extent_[0];
        grid.origin_y = extent_[3];
        grid.cell = cell;
        grid.columns = static_cast<int>(columns);
        grid.rows = static_cast<int>(rows);
    } else {
        if (points.empty())
            throw DataError("no reports left to map" + std::string(any_filter ? " after the filters" : "") +
                                "; with --extent or --like an empty grid is written",
                            {reports.source, reports.name, {}, {}});
        const double width = data_extent.max_x - data_extent.min_x + 2.0 * max_radius;
        const double height = data_extent.max_y - data_extent.min_y + 2.0 * max_radius;
        too_large(std::ceil(width / cell) + 1.0, std::ceil(height / cell) + 1.0);
        grid = hotspot::grid_around(data_extent, max_radius, cell);
    }

    // The density.
    hotspot::KdeParams params;
    params.radius = radius_ ? *radius_ : max_radius;
    params.kernel = kernel_value_;
    params.decay = decay_.value_or(0.0);
    params.value = value_ == "density" ? hotspot::DensityValue::density : hotspot::DensityValue::raw;
    params.weights = weights;
    params.radii = radii;
    params.threads = threads_;
    if (qgis_compatible_ && !points.empty()) params.qgis_quirks = hotspot::qgis_quirks_for(data_extent, max_radius);
    std::vector<float> values;
    {
        Progress progress("kernel density", input_.quiet || json_);
        params.progress = [&](double done) { progress.fraction(done); };
        values = hotspot::kernel_density(points, grid, params);
        progress.finish();
    }

    double total = 0.0, max_value = 0.0;
    std::size_t nonzero = 0;
    for (float v : values) {
        total += static_cast<double>(v);
        max_value = std::max(max_value, static_cast<double>(v));
        if (v != 0.0f) ++nonzero;
    }

    std::vector<hotspot::HotspotArea> areas;
    if (contour_) areas = hotspot::top_mass_areas(values, grid, *contour_);

    // Write the raster (QGIS leaves cells no kernel reached at no-data; so do we in its mode).
    io::WriteOptions write;
    write.overwrite = input_.overwrite;
    write.inputs = inputs();
    write.crs = working_crs;
    if (qgis_compatible_)
        for (float& v : values)
            if (v == 0.0f) v = kNodata;
    io::RasterGrid raster;
    raster.origin_x = grid.origin_x;
    raster.origin_y = grid.origin_y;
    raster.cell = grid.cell;
    raster.columns = grid.columns;
    raster.rows = grid.rows;
    io::write_geotiff(output_, raster, values, kNodata, working_crs, write,
                      io::raster_compression_from_string(compress_).value_or(io::RasterCompression::deflate), threads_);

    if (contour_) {
        io::VectorWriter writer(contour_path, write);
        writer.add_layer("hotspot_areas", io::LayerGeometry::polygon,
                         {{"rank", model::FieldType::integer},
                          {"mass", model::FieldType::real},
                          {"share", model::FieldType::real},
                          {"cells", model::FieldType::integer},
                          {"peak", model::FieldType::real},
                          {"area_m2", model::FieldType::real}});
        std::int64_t rank = 0;
        for (const auto& a : areas) {
            ++rank;
            writer.write(a.area, {rank, a.mass, a.share, static_cast<std::int64_t>(a.cells), a.peak,
                                  static_cast<double>(a.cells) * grid.cell * grid.cell});
        }
        writer.commit();
    }

    if (!input_.quiet) {
        std::cerr << "trygg heatmap: wrote " << output_ << ": " << grid.columns << " x " << grid.rows << " cells of "
                  << shortest(grid.cell) << " m, " << points.size() << " reports, max " << shortest(max_value)
                  << (value_ == "density" ? " per km2" : "") << "\n";
        if (contour_) {
            double share = 0.0;
            for (const auto& a : areas) share += a.share;
            std::cerr << "trygg heatmap: wrote " << areas.size() << (areas.size() == 1 ? " area" : " areas") << " holding " << fixed(100.0 * share, 1)
                      << "% of the total to " << contour_path << " (layer 'hotspot_areas')\n";
        }
    }

    if (json_) {
        nlohmann::ordered_json j;
        j["crs"] = working_crs;
        j["grid"] = {{"columns", grid.columns},
                     {"rows", grid.rows},
                     {"cell", round_sig(grid.cell)},
                     {"origin_x", round_sig(grid.origin_x)},
                     {"origin_y", round_sig(grid.origin_y)}};
        if (radius_field_.empty())
            j["radius"] = round_sig(params.radius);
        else
            j["radius"] = {{"field", radius_field_},
                           {"default", radius_ ? nlohmann::ordered_json(round_sig(*radius_)) : nlohmann::ordered_json()},
                           {"max", round_sig(max_radius)}};
        j["kernel"] = std::string(hotspot::to_string(kernel_value_));
        if (kernel_value_ == hotspot::Kernel::triangular) j["decay"] = round_sig(params.decay);
        j["value"] = value_;
        j["weighted"] = weighted_;
        j["qgis_compatible"] = qgis_compatible_;
        j["points_used"] = points.size();
        j["left_out"] = nlohmann::ordered_json::object();
        for (const auto& [reason, n] : left_out) j["left_out"][reason] = n;
        j["nonzero_cells"] = nonzero;
        j["max_value"] = round_sig(max_value);
        j["total_mass"] = round_sig(total);
        if (contour_) {
            nlohmann::ordered_json c;
            c["percent"] = round_sig(*contour_);
            c["areas"] = nlohmann::ordered_json::array();
            std::int64_t rank = 0;
            for (const auto& a : areas)
                c["areas"].push_back({{"rank", ++rank},
                                      {"mass", round_sig(a.mass)},
                                      {"share", round_sig(a.share)},
                                      {"cells", a.cells},
                                      {"peak", round_sig(a.peak)},
                                      {"area_m2", round_sig(static_cast<double>(a.cells) * grid.cell * grid.cell)}});
            j["contour"] = c;
        }
        std::cout << j.dump(2) << "\n";
    }
    return exit_ok;
}

}  // namespace

std::unique_ptr<Command> make_heatmap_command() { return std::make_unique<HeatmapCommand>(); }

}  // namespace trygg::cli
