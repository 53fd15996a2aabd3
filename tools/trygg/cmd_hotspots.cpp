// trygg hotspots: DBSCAN (or ST-DBSCAN) clusters of reports as polygons with counts per
// category, and every report with its cluster (docs/cli/hotspots.md).

#include <cctype>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "command.hpp"
#include "number_format.hpp"
#include "filter_options.hpp"
#include "input_options.hpp"
#include "output_options.hpp"
#include "progress.hpp"
#include "trygg/error.hpp"
#include "trygg/hotspot/cluster_summary.hpp"
#include "trygg/hotspot/dbscan.hpp"
#include "trygg/io/category_vocabulary.hpp"
#include "trygg/io/layer_writer.hpp"
#include "trygg/io/time_parser.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/model/feature_filter.hpp"

namespace trygg::cli {

namespace {

using model::FieldDef;
using model::FieldType;
using model::Value;


// "n_" + the category in lower case, with anything but letters, digits and non-ASCII bytes as
// '_' (so "Graffiti removal" gives n_graffiti_removal).
std::string count_field_name(const std::string& category) {
    std::string out = "n_";
    for (char ch : category) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (out.back() != '_') out += '_';
    }
    while (out.size() > 2 && out.back() == '_') out.pop_back();
    return out;
}


class HotspotsCommand final : public Command {
public:
    std::string_view name() const override { return "hotspots"; }
    std::string_view summary() const override {
        return "DBSCAN hotspots: clusters of reports as polygons with counts per category";
    }
    std::string examples() const override {
        return "  trygg hotspots data/town/reports.geojson -o hotspots.gpkg --eps 50\n"
               "  trygg hotspots reports.geojson -o hotspots.gpkg --eps 40 --min-points 8 --category klotter\n"
               "  trygg hotspots reports.geojson -o hotspots.gpkg --eps 50 --from 2025-01-01 --to 2026-01-01 "
               "--within districts.geojson\n"
               "  trygg hotspots reports.geojson -o hotspots.gpkg --eps 50 --time-window 14 --hull concave\n"
               "  trygg hotspots reports.geojson -o clusters.geojson --eps 50 --weighted --json\n"
               "  trygg hotspots graffiti.csv -o boston.gpkg --eps 100 --time-format us --out-crs EPSG:4326\n";
    }
    void setup(CLI::App& app) override {
        app.add_option("reports", reports_, "Reports to cluster (points; any OGR source)")->required();
        output_.add_to(app, "GeoPackage with layers 'clusters' and 'reports' (or .geojson/.fgb/.csv: the clusters, "
                            "with the reports in <stem>_reports<ext>)");
        app.add_option("--eps", eps_, "Neighbourhood radius in metres (required; > 0)")
            ->required()
            ->default_str("");
        app.add_option("--min-points", min_points_,
                       "Reports (or summed weight) within --eps, itself included, that make a core report");
        app.add_flag("--weighted", weighted_,
                     "Count each report with its weight (--weight-field, or the auto-detected one) "
                     "instead of 1, like scikit-learn's sample_weight");
        filter_options_.add_to(app);
        time_window_option_ = app.add_option("--time-window", time_window_days_,
                       "ST-DBSCAN: neighbours must also lie within this many days of each other "
                       "(reports without a time are left out; default: off)")
            ->default_str("off");
        app.add_option("--hull", hull_, "Cluster outline: convex or concave")
            ->check(CLI::IsMember({"convex", "concave"}));
        app.add_option("--concave-ratio", concave_ratio_,
                       "With --hull concave: GEOS's edge-length ratio in [0, 1], 1 = convex, 0 = tightest");
        app.add_option("--margin", margin_, "Grow each hull by this many metres (>= 0)");
        app.add_flag("--json", json_, "Print a JSON summary on stdout");
        input_.add_to(app);
    }

    int run() override {
        if (!(eps_ > 0.0) || !std::isfinite(eps_)) throw UsageError("--eps must be a number > 0 (metres)");
        if (!(min_points_ > 0.0) || !std::isfinite(min_points_)) throw UsageError("--min-points must be > 0");
        if (!(margin_ >= 0.0) || !std::isfinite(margin_)) throw UsageError("--margin must be >= 0 (metres)");
        if (!(concave_ratio_ >= 0.0 && concave_ratio_ <= 1.0))
            throw UsageError("--concave-ratio must lie in [0, 1]");
        const bool has_window = time_window_option_->count() > 0;
        if (has_window && (!(time_window_days_ >= 0.0) || !std::isfinite(time_window_days_) || time_window_days_ > 1e6))
            throw UsageError("--time-window must be a number of days >= 0");
        model::FeatureFilter filter = filter_options_.filter();

        // Outputs are checked before reading, so a clash leaves nothing behind (not even --rejects).
        {
            std::vector<std::string> early_inputs{reports_};
            if (!filter_options_.within.empty()) early_inputs.push_back(filter_options_.within);
            std::vector<std::string> also;
            if (io::vector_format_for(output_.output) != io::VectorFormat::gpkg)
                also.push_back(layer_sibling(output_.output, "reports"));
            output_.check_before_reading(input_, early_inputs, also);
        }

        // Read (reports, and the areas in the same working CRS).
        std::vector<std::pair<std::string, model::Kind>> sources{{reports_, model::Kind::reports}};
        if (!filter_options_.within.empty()) sources.emplace_back(filter_options_.within, model::Kind::areas);
        std::vector<model::Layer> layers = load_layers(sources, input_);
        model::Layer& reports = layers.front();
        const std::string working_crs = reports.working_crs;
        if (weighted_ && reports.weight_field.empty())
            throw UsageError("--weighted: " + reports_ + " has no weight field; name one with --weight-field");
        std::size_t rejected = 0;
        for (const auto& layer : layers) rejected += layer.rejects.size();
        if (!filter_options_.within.empty()) filter_options_.add_within(filter, layers[1]);

        // Outputs are claimed before the work, so a name clash fails fast.
        std::vector<std::string> inputs{reports_};
        if (!filter_options_.within.empty()) inputs.push_back(filter_options_.within);
        if (!input_.rejects.empty()) inputs.push_back(input_.rejects);
        const io::WriteOptions write = output_.write_options(input_, inputs, working_crs);
        const bool one_file = io::vector_format_for(output_.output) == io::VectorFormat::gpkg;
        io::VectorWriter clusters_writer(output_.output, write);
        std::optional<io::VectorWriter> reports_writer;
        if (!one_file) reports_writer.emplace(layer_sibling(output_.output, "reports"), write);
        const auto to_output = output_.to_output(working_crs);

        // Filters.
        model::FilterReport filtered = model::filter_features(reports, filter);
        const std::optional<std::int64_t> window =
            has_window ? std::optional<std::int64_t>(std::llround(time_window_days_ * 86400.0)) : std::nullopt;
        if (window) {
            const auto before = reports.features.size();
            std::erase_if(reports.features, [](const model::Feature& f) { return !f.time.has_value(); });
            const auto dropped = before - reports.features.size();
            if (dropped) {
                filtered.left_out["no_time"] += dropped;
                filtered.kept -= dropped;
            }
        }
        const bool filtering = filter_options_.any() || window;
        if (!input_.quiet && (filtering || filtered.total_left_out() > 0))
            std::cerr << "trygg hotspots: " << filtered.describe("reports") << "\n";

        // Cluster.
        const std::size_t n = reports.features.size();
        std::vector<model::Point> points(n);
        std::vector<std::string> cats(n);
        std::vector<double> weights;
        std::vector<std::int64_t> seconds;
        std::vector<std::optional<model::TimePoint>> times(n);
        for (std::size_t i = 0; i < n; ++i) {
            model::Feature& f = reports.features[i];
            const auto* p = std::get_if<model::Point>(&f.geometry);
            if (!p) throw DataError("a report is not a point", {reports.source, reports.name, f.fid, {}});
            points[i] = *p;
            cats[i] = std::move(f.category);  // only the summaries need it from here on
            times[i] = f.time;
        }
        hotspot::DbscanParams params;
        params.eps = eps_;
        params.min_points = min_points_;
        if (weighted_) {
            weights.reserve(n);
            for (const auto& f : reports.features) weights.push_back(f.weight);
            params.weights = weights;
        }
        if (window) {
            seconds.reserve(n);
            for (const auto& f : reports.features) seconds.push_back(f.time->time_since_epoch().count());
            params.times = seconds;
            params.time_window = window;
        }
        Progress progress("clustering", input_.quiet);
        params.progress = [&progress](double done) { progress.fraction(done); };
        const hotspot::DbscanResult result = hotspot::dbscan(points, params);
        progress.finish();

        hotspot::ClusterSummaryParams summary_params;
        summary_params.hull = hull_ == "concave" ? hotspot::HullShape::concave : hotspot::HullShape::convex;
        summary_params.concave_ratio = concave_ratio_;
        summary_params.margin = margin_;
        const auto clusters = hotspot::summarise_clusters(
            points, result, cats, weighted_ ? std::span<const double>(weights) : std::span<const double>(), times,
            summary_params);

        // The clusters layer.
        std::set<std::string> present;
        for (const auto& c : clusters)
            for (const auto& [cat, count] : c.categories) present.insert(cat);
        std::vector<FieldDef> fields{{"cluster_id", FieldType::integer},
                                     {"reports", FieldType::integer},
                                     {"core", FieldType::integer},
                                     {"border", FieldType::integer},
                                     {"categories", FieldType::string}};
        std::vector<std::string> count_fields;  // the categories with an n_ field, in field order
        std::set<std::string> taken;
        for (const auto& cat : present) {
            std::string field = count_field_name(cat);
            for (int k = 2; taken.contains(field); ++k) field = count_field_name(cat) + "_" + std::to_string(k);
            taken.insert(field);
            count_fields.push_back(cat);
            fields.push_back({field, FieldType::integer});
        }
        for (const char* f : {"total_weight"}) fields.push_back({f, FieldType::real});
        for (const char* f : {"first_time", "last_time"}) fields.push_back({f, FieldType::date_time});
        for (const char* f : {"centroid_x", "centroid_y", "area_m2", "density_ha"})
            fields.push_back({f, FieldType::real});
        clusters_writer.add_layer("clusters", io::LayerGeometry::polygon, fields);
        for (const auto& c : clusters) {
            model::AttributeRow row;
            row.push_back(Value{std::int64_t{c.id}});
            row.push_back(Value{static_cast<std::int64_t>(c.reports)});
            row.push_back(Value{static_cast<std::int64_t>(c.core)});
            row.push_back(Value{static_cast<std::int64_t>(c.border)});
            row.push_back(Value{hotspot::describe_categories(c.categories)});
            for (const auto& cat : count_fields) {
                const auto it = c.categories.find(cat);
                row.push_back(Value{static_cast<std::int64_t>(it == c.categories.end() ? 0 : it->second)});
            }
            row.push_back(Value{c.total_weight});
            for (const auto& t : {c.first_time, c.last_time})
                row.push_back(t ? Value{model::format_iso8601(*t)} : Value{});
            model::Point centroid = c.centroid;
            model::Geometry hull = c.hull;
            if (to_output) {
                centroid = to_output->transform(centroid);
                if (!io::transform_geometry(*to_output, hull))
                    throw DataError("cluster " + std::to_string(c.id) + " cannot be transformed to " + output_.out_crs);
            }
            row.push_back(Value{centroid.x});
            row.push_back(Value{centroid.y});
            row.push_back(Value{c.area_m2});
            row.push_back(Value{c.density_per_ha});
            clusters_writer.write(hull, row);
        }

        // The reports layer.
        io::ExtraColumn cluster_id{{"cluster_id", FieldType::integer}, {}};
        io::ExtraColumn role{{"role", FieldType::string}, {}};
        cluster_id.values.reserve(n);
        role.values.reserve(n);
        std::size_t core = 0, border = 0, noise = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t label = result.labels[i];
            cluster_id.values.push_back(label < 0 ? Value{} : Value{std::int64_t{label} + 1});
            switch (result.roles[i]) {
                case hotspot::PointRole::core: ++core; role.values.push_back(Value{std::string("core")}); break;
                case hotspot::PointRole::border: ++border; role.values.push_back(Value{std::string("border")}); break;
                case hotspot::PointRole::noise: ++noise; role.values.push_back(Value{std::string("noise")}); break;
            }
        }
        io::VectorWriter& reports_out = reports_writer ? *reports_writer : clusters_writer;
        std::vector<io::ExtraColumn> extra;  // moved in: a million values are not copied
        extra.push_back(std::move(cluster_id));
        extra.push_back(std::move(role));
        io::write_features(reports_out, "reports", reports, extra, to_output.get());
        if (reports_writer) reports_writer->commit();
        clusters_writer.commit();

        if (!input_.quiet)
            std::cerr << "trygg hotspots: " << clusters.size() << (clusters.size() == 1 ? " cluster, " : " clusters, ") << (core + border) << " of " << n
                      << " reports in clusters, " << noise << " noise; wrote " << output_.output
                      << (reports_writer ? " and " + reports_writer->path() : std::string()) << "\n";

        if (json_) {
            nlohmann::ordered_json j;
            j["reports"] = n;
            j["clusters"] = clusters.size();
            j["noise"] = noise;
            j["core"] = core;
            j["border"] = border;
            j["eps"] = eps_;
            j["min_points"] = min_points_;
            j["weighted"] = weighted_;
            if (has_window) j["time_window_days"] = time_window_days_;
            else j["time_window_days"] = nullptr;
            j["hull"] = hull_;
            j["margin"] = margin_;
            j["working_crs"] = working_crs;
            j["rejected"] = rejected;
            j["filtered"] = nlohmann::ordered_json::object();
            for (const auto& [reason, count] : filtered.left_out) j["filtered"][reason] = count;
            j["clusters_detail"] = nlohmann::ordered_json::array();
            for (const auto& c : clusters) {
                nlohmann::ordered_json d;
                d["id"] = c.id;
                d["reports"] = c.reports;
                d["core"] = c.core;
                d["border"] = c.border;
                d["categories"] = nlohmann::ordered_json::object();
                for (const auto& [cat, count] : c.categories) d["categories"][cat] = count;
                d["total_weight"] = c.total_weight;
                d["first_time"] = c.first_time ? nlohmann::ordered_json(model::format_iso8601(*c.first_time)) : nullptr;
                d["last_time"] = c.last_time ? nlohmann::ordered_json(model::format_iso8601(*c.last_time)) : nullptr;
                d["area_m2"] = rounded(c.area_m2, 2);
                d["density_ha"] = rounded(c.density_per_ha, 2);
                d["centroid"] = {rounded(c.centroid.x, 2), rounded(c.centroid.y, 2)};
                j["clusters_detail"].push_back(d);
            }
            std::cout << j.dump(2) << "\n";
        }
        return exit_ok;
    }

private:
    std::string reports_;
    OutputOptions output_;
    double eps_ = 0.0;
    double min_points_ = 5.0;
    bool weighted_ = false;
    FilterOptions filter_options_;
    double time_window_days_ = 0.0;
    CLI::Option* time_window_option_ = nullptr;
    std::string hull_ = "convex";
    double concave_ratio_ = 0.3;
    double margin_ = 5.0;
    bool json_ = false;
    InputOptions input_;
};

}  // namespace

std::unique_ptr<Command> make_hotspots_command() { return std::make_unique<HotspotsCommand>(); }

}  // namespace trygg::cli
