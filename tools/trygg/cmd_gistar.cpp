// trygg gistar: Getis-Ord Gi* hot and cold spots on points with a value, on a grid of report
// counts or on report counts per area (docs/cli/gistar.md, docs/methods.md).

#include <cmath>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "command.hpp"
#include "filter_options.hpp"
#include "input_options.hpp"
#include "output_options.hpp"
#include "progress.hpp"
#include "trygg/error.hpp"
#include "trygg/hotspot/count_grid.hpp"
#include "trygg/hotspot/getis_ord.hpp"
#include "trygg/index/area_index.hpp"
#include "trygg/io/category_vocabulary.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/io/layer_writer.hpp"
#include "trygg/io/time_parser.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/model/attribute_values.hpp"
#include "trygg/model/feature_filter.hpp"

namespace trygg::cli {

namespace {

enum class Mode { points, grid, areas };

const char* mode_name(Mode m) {
    switch (m) {
        case Mode::points: return "points";
        case Mode::grid: return "grid";
        case Mode::areas: return "areas";
    }
    return "";
}

model::Box parse_extent(const std::string& text) {
    std::vector<double> v;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        const auto number = model::numeric_value(model::Value{part});
        if (!number) throw UsageError("--extent '" + text + "': expected minx,miny,maxx,maxy in metres");
        v.push_back(*number);
    }
    if (v.size() != 4 || v[2] <= v[0] || v[3] <= v[1])
        throw UsageError("--extent '" + text + "': expected minx,miny,maxx,maxy with min < max");
    return {v[0], v[1], v[2], v[3]};
}

model::MultiPolygon cell_polygon(const hotspot::CountGrid& grid, int column, int row) {
    const double x0 = grid.origin_x + column * grid.cell, y0 = grid.origin_y + row * grid.cell;
    const double x1 = x0 + grid.cell, y1 = y0 + grid.cell;
    model::Polygon p;
    p.outer = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
    return {p};
}

model::Value real_or_null(double v) { return std::isfinite(v) ? model::Value{v} : model::Value{}; }

class GistarCommand final : public Command {
public:
    std::string_view name() const override { return "gistar"; }
    std::string_view summary() const override {
        return "Getis-Ord Gi* hot and cold spots on values, grid cells or areas (z, p, confidence bin)";
    }
    std::string examples() const override {
        return "  trygg gistar data/town/reports.geojson --cell 100 -o gistar_grid.gpkg\n"
               "  trygg gistar data/town/reports.geojson --areas data/town/districts.geojson --k 2 -o "
               "gistar_districts.gpkg\n"
               "  trygg gistar data/town/reports.geojson --cell 100 --category graffiti --from 2025-01-01 --fdr "
               "-o graffiti.gpkg --json\n"
               "  trygg gistar stations.csv --src-crs EPSG:3006 --value-field value --distance 15 -o gi.gpkg\n"
               "  trygg gistar data/town/reports.geojson --cell 100 --permutations 999 --seed 1 -o gi.gpkg\n";
    }
    void setup(CLI::App& app) override {
        app.add_option("reports", input_path_, "Input points (reports, or any points with --value-field)")
            ->required();
        output_.add_to(app, "GeoPackage (or .geojson/.fgb/.csv) to write, layer 'gistar'");
        // The three units of analysis; exactly one.
        app.add_option("--value-field", value_field_,
                       "Mode points: run on the input points with this numeric attribute as the value (give exactly one of --value-field, --cell, --areas)");
        app.add_option("--cell", cell_, "Mode grid: run on report counts in square cells of this size (metres)");
        app.add_option("--areas", areas_path_,
                       "Mode areas: run on report counts per area of this polygon file (neighbours by "
                       "centroid distance)");
        app.add_option("--areas-layer", areas_layer_, "Layer of the --areas file (default: the first)");
        app.add_option("--extent", extent_text_,
                       "Grid mode: minx,miny,maxx,maxy of the grid in the working CRS (default: the "
                       "reports' extent)");
        app.add_option("--distance", distance_,
                       "Distance band in metres: every feature within it is a neighbour (default in grid "
                       "mode: 1.5 x --cell, the 8 surrounding cells; required in the other modes unless --k)");
        app.add_option("--k", k_, "Use the k nearest features as neighbours instead of a distance band (default: none)");
        app.add_option("--weights", weights_, "Neighbour weights: binary or row (row-standardised)")
            ->check(CLI::IsMember({"binary", "row"}))
            ->default_val("binary");
        app.add_flag("--no-star", no_star_, "Gi instead of Gi* (the feature itself is not its own neighbour)");
        app.add_option("--permutations", permutations_,
                       "Conditional permutations for the pseudo p-value gi_p_sim (0 = none)")
            ->default_val(0);
        app.add_option("--seed", seed_, "Seed of the permutations (same seed, same p-values)")->default_val(0);
        app.add_flag("--fdr", fdr_,
                     "Benjamini-Hochberg false discovery rate correction of the confidence bins (ArcGIS rule: "
                     "each level at its own alpha)");
        app.add_option("--alpha", alpha_,
                       "With --fdr: one FDR level instead; features significant under BH at this alpha keep "
                       "their uncorrected bin, the rest get bin 0 (default: none, the ArcGIS rule)");
        app.add_flag("--weighted", weighted_,
                     "Grid and areas modes: sum the reports' mapped weight field (e.g. severity) instead of "
                     "counting reports");
        filter_options_.add_to(app);
        app.add_flag("--json", json_, "Print a JSON summary instead of text");
        input_.add_to(app);
    }

    int run() override {
        const Mode mode = check_mode();
        const bool weighting_row = weights_ == "row";
        if (alpha_ && !fdr_) throw UsageError("--alpha goes with --fdr");
        if (alpha_ && !(*alpha_ > 0.0 && *alpha_ <= 1.0)) throw UsageError("--alpha must be in (0, 1]");
        if (weighted_ && mode == Mode::points) throw UsageError("--weighted is for --cell and --areas (counts)");
        if (!extent_text_.empty() && mode != Mode::grid) throw UsageError("--extent goes with --cell");
        if (!areas_layer_.empty() && mode != Mode::areas) throw UsageError("--areas-layer goes with --areas");
        if (distance_ && k_) throw UsageError("give --distance or --k, not both");
        if (mode == Mode::grid && !(std::isfinite(*cell_) && *cell_ > 0.0))
            throw UsageError("--cell must be a positive number of metres");
        if (mode == Mode::grid && !distance_ && !k_) distance_ = 1.5 * *cell_;
        if (!distance_ && !k_)
            throw UsageError(std::string("give the neighbourhood: --distance METRES or --k N (mode ") +
                             mode_name(mode) + ")");
        if (permutations_ < 0) throw UsageError("--permutations must be >= 0");

        model::FeatureFilter filter = filter_options_.filter();

        // Outputs are checked before reading, so a clash leaves nothing behind (not even --rejects).
        {
            std::vector<std::string> early_inputs{input_path_};
            if (!areas_path_.empty()) early_inputs.push_back(areas_path_);
            if (!filter_options_.within.empty()) early_inputs.push_back(filter_options_.within);
            output_.check_before_reading(input_, early_inputs);
        }

        // Read: the reports with the user's read options, areas with the defaults.
        std::vector<model::Layer> layers;
        const io::ReadOptions read = input_.read_options();
        io::ReadOptions plain;
        plain.src_crs = input_.src_crs;
        {
            Progress progress("reading " + input_path_, input_.quiet || json_);
            layers.push_back(io::read_layer_as(input_path_, model::Kind::reports, read,
                                               [&](std::int64_t n) { progress.count(n); }));
        }
        std::optional<std::size_t> areas_at, within_at;
        if (mode == Mode::areas) {
            io::ReadOptions area_read = plain;
            area_read.layer = areas_layer_;
            areas_at = layers.size();
            layers.push_back(io::read_layer_as(areas_path_, model::Kind::areas, area_read));
        }
        if (!filter_options_.within.empty()) {
            within_at = layers.size();
            layers.push_back(io::read_layer_as(filter_options_.within, model::Kind::areas, plain));
        }
        std::vector<model::Layer*> all;
        std::vector<std::string> inputs;
        for (auto& l : layers) {
            all.push_back(&l);
            inputs.push_back(l.source);
        }
        const std::string working_crs = io::prepare_layers(all, input_.crs);
        handle_rejects({all.begin(), all.end()}, input_, inputs);
        model::Layer& reports = layers.front();

        if (within_at) filter_options_.add_within(filter, layers[*within_at]);
        if (filter_options_.any()) {
            const auto report = model::filter_features(reports, filter);
            say(report.describe("reports"));
        }

        // The values and locations the statistic runs on.
        std::vector<model::Point> locations;
        std::vector<double> values;
        std::optional<hotspot::CountGrid> grid;
        std::size_t value_field_index = 0;
        if (mode == Mode::points) {
            const auto at = model::find_field(reports, value_field_);
            if (!at) {
                std::string names;
                for (const auto& f : reports.fields) names += (names.empty() ? "" : ", ") + f.name;
                throw UsageError("--value-field '" + value_field_ + "': no such field (fields: " + names + ")",
                                 {reports.source, reports.name, {}, value_field_});
            }
            value_field_index = *at;
            std::vector<model::Feature> kept;
            std::size_t not_numeric = 0;
            for (auto& f : reports.features) {
                const auto v = model::numeric_value(f.attributes[value_field_index]);
                const auto* p = std::get_if<model::Point>(&f.geometry);
                if (!v || !p) {
                    ++not_numeric;
                    continue;
                }
                locations.push_back(*p);
                values.push_back(*v);
                kept.push_back(std::move(f));
            }
            reports.features = std::move(kept);
            if (not_numeric)
                say("left out " + std::to_string(not_numeric) + " features whose '" +
                    reports.fields[value_field_index].name + "' is not a number");
        } else {
            std::vector<model::Point> points;
            std::vector<double> weights;
            for (const auto& f : reports.features)
                if (const auto* p = std::get_if<model::Point>(&f.geometry)) {
                    points.push_back(*p);
                    weights.push_back(f.weight);
                }
            if (weighted_ && reports.weight_field.empty())
                throw UsageError("--weighted: the reports have no weight field (--weight-field NAME)",
                                 {reports.source, reports.name, {}, {}});
            if (!weighted_) weights.clear();
            if (mode == Mode::grid) {
                model::Box box;
                if (!extent_text_.empty()) {
                    box = parse_extent(extent_text_);
                } else {
                    if (points.empty()) throw DataError("no reports to grid", {reports.source, reports.name, {}, {}});
                    box = model::extent(reports);
                    // A grid needs an area: widen a degenerate extent (one point, one line) by a cell.
                    if (box.max_x <= box.min_x) box.max_x = box.min_x + *cell_;
                    if (box.max_y <= box.min_y) box.max_y = box.min_y + *cell_;
                }
                grid = hotspot::count_points_in_grid(points, weights, box, *cell_);
                if (grid->outside) say(std::to_string(grid->outside) + " reports outside --extent not counted");
                locations = grid->centres;
                values = grid->counts;
            } else {
                const auto& areas = layers[*areas_at];
                std::vector<model::MultiPolygon> polygons;
                for (const auto& f : areas.features) polygons.push_back(std::get<model::MultiPolygon>(f.geometry));
                index::AreaIndex index(polygons);
                values.assign(polygons.size(), 0.0);
                std::size_t outside = 0;
                for (std::size_t i = 0; i < points.size(); ++i) {
                    const auto at = index.first_covering(points[i]);
                    if (!at) {
                        ++outside;
                        continue;
                    }
                    values[*at] += weights.empty() ? 1.0 : weights[i];
                }
                if (outside) say(std::to_string(outside) + " reports outside every area not counted");
                for (const auto& mp : polygons) locations.push_back(hotspot::centroid(mp));
            }
        }

        // Fail on the output before the work (exists, is an input).
        io::VectorWriter writer(output_.output, output_.write_options(input_, inputs, working_crs));
        const auto to_output = output_.to_output(working_crs);

        hotspot::GiParams params;
        params.distance = distance_;
        params.k = k_;
        params.weighting = weighting_row ? hotspot::Weighting::row_standardised : hotspot::Weighting::binary;
        params.star = !no_star_;
        params.permutations = permutations_;
        params.seed = seed_;
        Progress progress("gistar", input_.quiet || json_);
        params.progress = [&](double done) { progress.fraction(done); };
        hotspot::GiResult gi = hotspot::getis_ord(locations, values, params);
        progress.finish();

        // Islands (no neighbour other than the feature itself) are not tests of clustering:
        // z and p are written as NULL and the bin is 0, and they do not count in the FDR.
        const std::size_t n = values.size();
        std::size_t islands = 0, undefined = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (gi.neighbour_count[i] == 0) {
                ++islands;
                gi.z[i] = gi.p[i] = std::numeric_limits<double>::quiet_NaN();
                if (!gi.p_sim.empty()) gi.p_sim[i] = std::numeric_limits<double>::quiet_NaN();
            } else if (std::isnan(gi.z[i])) {
                ++undefined;
            }
        }
        std::vector<int> bins;
        if (!fdr_) {
            bins = hotspot::gi_bins(gi.z, gi.p, nullptr);
        } else if (alpha_) {
            const auto mask = hotspot::benjamini_hochberg(gi.p, *alpha_);
            bins = hotspot::gi_bins(gi.z, gi.p, &mask);
        } else {
            bins = hotspot::gi_bins_fdr(gi.z, gi.p);
        }

        // Output.
        std::vector<io::ExtraColumn> extra;
        const auto column = [&](const std::string& name, model::FieldType type) -> std::vector<model::Value>& {
            io::ExtraColumn c;
            c.def = {name, type};
            c.values.reserve(n);
            extra.push_back(std::move(c));
            return extra.back().values;
        };
        if (mode != Mode::points) {
            auto& count = column("count", weighted_ ? model::FieldType::real : model::FieldType::integer);
            for (double v : values)
                count.push_back(weighted_ ? model::Value{v} : model::Value{static_cast<std::int64_t>(std::llround(v))});
        }
        {
            auto& z = column("gi_z", model::FieldType::real);
            for (double v : gi.z) z.push_back(real_or_null(v));
        }
        {
            auto& p = column("gi_p", model::FieldType::real);
            for (double v : gi.p) p.push_back(real_or_null(v));
        }
        if (permutations_ > 0) {
            auto& p = column("gi_p_sim", model::FieldType::real);
            for (double v : gi.p_sim) p.push_back(real_or_null(v));
        }
        {
            auto& b = column("gi_bin", model::FieldType::integer);
            for (int v : bins) b.push_back(model::Value{static_cast<std::int64_t>(v)});
        }
        {
            auto& k = column("neighbours", model::FieldType::integer);
            for (std::size_t v : gi.neighbour_count) k.push_back(model::Value{static_cast<std::int64_t>(v)});
        }

        if (mode == Mode::points) {
            io::write_features(writer, "gistar", reports, extra, to_output.get());
        } else if (mode == Mode::areas) {
            io::write_features(writer, "gistar", layers[*areas_at], extra, to_output.get());
        } else {
            std::vector<model::FieldDef> fields{{"cell_id", model::FieldType::integer},
                                                {"column", model::FieldType::integer},
                                                {"row", model::FieldType::integer}};
            for (const auto& c : extra) fields.push_back(c.def);
            writer.add_layer("gistar", io::LayerGeometry::polygon, fields);
            for (int r = 0; r < grid->rows; ++r)
                for (int c = 0; c < grid->columns; ++c) {
                    const auto i = static_cast<std::size_t>(r) * static_cast<std::size_t>(grid->columns) +
                                   static_cast<std::size_t>(c);
                    model::AttributeRow row{model::Value{static_cast<std::int64_t>(i)},
                                            model::Value{static_cast<std::int64_t>(c)},
                                            model::Value{static_cast<std::int64_t>(r)}};
                    for (const auto& col : extra) row.push_back(col.values[i]);
                    model::Geometry g = cell_polygon(*grid, c, r);
                    if (to_output && !io::transform_geometry(*to_output, g))
                        throw DataError("cell " + std::to_string(i) + " cannot be transformed to " +
                                        to_output->target_crs());
                    writer.write(g, row);
                }
        }
        writer.commit();

        // Summary.
        std::map<int, std::size_t> per_bin;
        for (int b : bins) ++per_bin[b];
        nlohmann::ordered_json j;
        j["features"] = n;
        j["hot"] = {{"99", per_bin[3]}, {"95", per_bin[2]}, {"90", per_bin[1]}};
        j["cold"] = {{"99", per_bin[-3]}, {"95", per_bin[-2]}, {"90", per_bin[-1]}};
        j["not_significant"] = per_bin[0];
        j["islands"] = islands;
        j["undefined"] = undefined;
        j["mode"] = mode_name(mode);
        if (mode == Mode::grid) {
            j["cell"] = *cell_;
            j["columns"] = grid->columns;
            j["rows"] = grid->rows;
        }
        if (distance_)
            j["distance"] = *distance_;
        else
            j["k"] = *k_;
        j["weights"] = weights_;
        j["star"] = !no_star_;
        j["fdr"] = fdr_;
        if (alpha_) j["alpha"] = *alpha_;
        j["permutations"] = permutations_;
        if (permutations_ > 0) j["seed"] = seed_;
        if (json_) {
            std::cout << j.dump(2) << "\n";
        } else {
            const auto level = [&](int sign) {
                return "99% " + std::to_string(per_bin[3 * sign]) + ", 95% " + std::to_string(per_bin[2 * sign]) +
                       ", 90% " + std::to_string(per_bin[sign]);
            };
            std::cout << (no_star_ ? "Gi" : "Gi*") << " on " << n << " "
                      << (mode == Mode::points ? "points" : mode == Mode::grid ? "cells" : "areas") << " ("
                      << (distance_ ? "distance " + format_number(*distance_) + " m" : "k " + std::to_string(*k_))
                      << ", " << weights_ << " weights" << (fdr_ ? ", FDR" : "") << ")\n"
                      << "  hot spots   " << level(1) << "\n"
                      << "  cold spots  " << level(-1) << "\n"
                      << "  not significant " << per_bin[0];
            if (islands) std::cout << " (" << islands << " without neighbours)";
            std::cout << "\n  wrote " << output_.output << " (layer 'gistar')\n";
        }
        return exit_ok;
    }

private:
    static std::string format_number(double v) {
        std::ostringstream out;
        out << v;
        return out.str();
    }

    void say(const std::string& line) const {
        if (!input_.quiet) std::cerr << "trygg gistar: " << line << "\n";
    }

    Mode check_mode() const {
        const int given = (value_field_.empty() ? 0 : 1) + (cell_ ? 1 : 0) + (areas_path_.empty() ? 0 : 1);
        if (given != 1)
            throw UsageError(given == 0 ? "choose a mode: --value-field FIELD, --cell METRES or --areas FILE"
                                        : "choose one mode: --value-field, --cell or --areas");
        if (!value_field_.empty()) return Mode::points;
        if (cell_) return Mode::grid;
        return Mode::areas;
    }

    std::string input_path_, value_field_, areas_path_, areas_layer_, extent_text_;
    std::optional<double> cell_, distance_, alpha_;
    std::optional<int> k_;
    std::string weights_ = "binary";
    bool no_star_ = false, fdr_ = false, weighted_ = false, json_ = false;
    int permutations_ = 0;
    std::uint64_t seed_ = 0;
    FilterOptions filter_options_;
    InputOptions input_;
    OutputOptions output_;
};

}  // namespace

std::unique_ptr<Command> make_gistar_command() { return std::make_unique<GistarCommand>(); }

}  // namespace trygg::cli
