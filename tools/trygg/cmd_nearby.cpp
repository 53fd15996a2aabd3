// trygg nearby: for every stop, the activities within a walk along the network, with walking
// distance and minutes, counts and the nearest per category, and each stop's walking area
// (docs/cli/nearby.md).

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include <boost/geometry.hpp>

#include "command.hpp"
#include "input_options.hpp"
#include "output_options.hpp"
#include "progress.hpp"
#include "trygg/error.hpp"
#include "trygg/index/boost_geometry.hpp"
#include "trygg/io/atomic_output.hpp"
#include "trygg/io/layer_writer.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/io/osm_profile.hpp"
#include "trygg/network/components.hpp"
#include "trygg/network/nearby.hpp"
#include "trygg/network/nearby_job.hpp"
#include "trygg/network/nearby_limits.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::cli {

namespace {

using model::FieldDef;
using model::FieldType;
using model::Value;

double round_to(double v, double step) { return std::round(v / step) * step; }

// A category as a field-name suffix: lower-case ASCII letters and digits, '_' for the rest.
std::string field_suffix(const std::string& category) {
    std::string s;
    for (unsigned char c : category) {
        const bool keep = c >= 0x80 || std::isalnum(c);
        if (keep) s.push_back(static_cast<char>(std::tolower(c)));
        else if (!s.empty() && s.back() != '_') s.push_back('_');
    }
    while (!s.empty() && s.back() == '_') s.pop_back();
    return s.empty() ? "other" : s;
}


std::string label_of(const model::Feature& f) { return f.name.empty() ? f.id : f.name; }
std::string category_of(const model::Feature& f) { return f.category.empty() ? "uncategorised" : f.category; }

// Where a link line ends: the activity's point, or the centre of its area.
model::Point anchor_of(const model::Feature& f) {
    if (const auto* p = std::get_if<model::Point>(&f.geometry)) return *p;
    if (const auto* mp = std::get_if<model::MultiPolygon>(&f.geometry)) {
        model::Point c;
        boost::geometry::centroid(index::to_boost(*mp), c);
        return c;
    }
    return {};
}

class NearbyCommand final : public Command {
public:
    std::string_view name() const override { return "nearby"; }
    std::string_view summary() const override {
        return "Activities within a walk of each stop along the walking network, with distances and walking areas";
    }
    std::string examples() const override {
        return "  trygg nearby --walkways data/town/walkways.geojson --stops data/town/stops.geojson "
               "--activities data/town/activities.geojson -o nearby.gpkg --list nearby.md\n"
               "  trygg nearby --walkways town.osm.pbf --stops stops.csv --activities town.osm.pbf "
               "--max-walk 5 -o nearby.gpkg\n"
               "  trygg nearby --walkways paths.gpkg --node-intersections --stops stops.geojson --activities pois.gpkg "
               "--max-distance 500 -o nearby.gpkg --list-csv nearby.csv --json\n";
    }
    void setup(CLI::App& app) override {
        app.add_option("--walkways", walkways_,
                       "Walking network: line layers (any OGR source; OSM extracts give the walkable highways)")
            ->required();
        app.add_option("--stops", stops_, "Stops (points)")->required();
        app.add_option("--activities", activities_, "Activities (points or polygons) with category and name")
            ->required();
        output_.add_to(app, "GeoPackage with layers 'stops', 'links' and 'areas' (or .geojson/.fgb/.csv: the "
                            "stops, with <stem>_links<ext> and <stem>_areas<ext>)");
        auto* walk = app.add_option("--max-walk", max_walk_min_, "Walking limit in minutes (default 10)");
        auto* dist = app.add_option("--max-distance", max_distance_m_, "Walking limit in metres instead of minutes");
        walk->excludes(dist);
        dist->excludes(walk);
        app.add_option("--speed", speed_, "Walking speed in m/s");
        app.add_option("--max-snap", max_snap_m_, "Stops and activities farther than this from a walkway (metres) are "
                                                  "reported as not on the network");
        app.add_flag("--node-intersections", node_intersections_,
                     "Also join lines where they cross without a shared vertex (digitised path layers)");
        app.add_flag("--all-highways", all_highways_,
                     "Keep every line, whatever its highway value (default: drop motorways, trunk roads, foot=no)");
        app.add_option("--area-buffer", area_buffer_m_, "Walking area: corridor half-width around the reached network "
                                                        "(metres; 0 = no areas layer)");
        app.add_option("--tiny-component", tiny_component_m_,
                       "Flag stops on a network piece cut off from the main network and shorter than this (metres)");
        app.add_option("--list", list_md_, "Also write a printable list grouped by stop (Markdown)");
        app.add_option("--list-csv", list_csv_, "Also write the list as CSV (one row per stop and activity)");
        app.add_option("--threads", threads_, "Worker threads (default: the number of cores; output does not depend "
                                              "on it)");
        app.add_flag("--json", json_, "Print a JSON summary on stdout");
        input_.add_to(app);
    }

    int run() override {
        // The library's rules and words for the limit and the distances (network/nearby_limits.hpp).
        const double limit = network::walking_limit_m(max_walk_min_, max_distance_m_, speed_);
        network::NearbyJobOptions options;
        options.limit_m = limit;
        options.max_snap_m = max_snap_m_;
        options.node_intersections = node_intersections_;
        options.all_highways = all_highways_;
        options.tiny_component_m = tiny_component_m_;
        options.threads = threads_;
        options.area_buffer_m = area_buffer_m_;
        network::check_nearby_options(options);
        validate();
        const bool one_file = io::vector_format_for(output_.output) == io::VectorFormat::gpkg;
        const bool areas = area_buffer_m_ > 0.0;
        std::vector<std::string> inputs = walkways_;
        inputs.push_back(stops_);
        inputs.push_back(activities_);
        {
            std::vector<std::string> also;
            if (!one_file) {
                also.push_back(layer_sibling(output_.output, "links"));
                if (areas) also.push_back(layer_sibling(output_.output, "areas"));
            }
            for (const auto* extra : {&list_md_, &list_csv_})
                if (!extra->empty()) also.push_back(*extra);
            output_.check_before_reading(input_, inputs, also);
        }

        // Read everything into one working CRS.
        std::vector<std::pair<std::string, model::Kind>> sources;
        for (const auto& w : walkways_) sources.emplace_back(w, model::Kind::walkways);
        sources.emplace_back(stops_, model::Kind::stops);
        sources.emplace_back(activities_, model::Kind::activities);
        std::vector<model::Layer> layers = load_layers(sources, input_);
        const model::Layer& stops = layers[walkways_.size()];
        const model::Layer& activities = layers[walkways_.size() + 1];
        const std::string working_crs = stops.working_crs;

        // The network, the snapping, the searches and the walking areas (network/nearby_job.hpp).
        // The outputs are opened and the stops, links and lists written while the library still
        // builds the walking areas on other threads; the areas follow once they are done.
        Progress progress("searching", input_.quiet);
        Progress area_progress("walking areas", input_.quiet);
        options.search_progress = [&progress](double done) { progress.fraction(done); };
        options.area_progress = [&area_progress](double done) { area_progress.fraction(done); };
        std::vector<const model::Layer*> walkway_layers;
        for (std::size_t i = 0; i < walkways_.size(); ++i) walkway_layers.push_back(&layers[i]);
        // What the OSM selection left out of an extract is counted with the rest.
        std::map<std::string, std::size_t> osm_left_out;
        for (const auto& w : walkways_)
            for (const auto& [reason, n] : io::osm_left_out(w, model::Kind::walkways)) osm_left_out[reason] += n;
        auto left_out_of = [&osm_left_out](const network::WalkGraphBuild& build) {
            std::map<std::string, std::size_t> all = build.left_out;
            for (const auto& [reason, n] : osm_left_out) all[reason] += n;
            return all;
        };

        std::vector<std::string> claimed = inputs;
        if (!input_.rejects.empty()) claimed.push_back(input_.rejects);
        const io::WriteOptions write = output_.write_options(input_, claimed, working_crs);
        const auto to_output = output_.to_output(working_crs);
        std::optional<io::VectorWriter> main_writer, links_writer, areas_writer, csv;
        std::optional<io::AtomicOutput> md;
        std::vector<std::string> unsnapped_stops;
        std::vector<std::map<std::string, network::CategorySummary>> summaries;
        std::size_t links = 0;
        auto write_all_but_areas = [&](const network::NearbyJob& job) {
            progress.finish();
            const network::WalkGraphBuild& build = job.build;
            const network::WalkGraph& graph = build.graph;
            const network::Components& components = job.components;
            const std::vector<network::StopNearby>& results = job.results;
            for (std::size_t i : job.stops_not_on_network) unsnapped_stops.push_back(stops.features[i].id);
            const std::size_t unsnapped_activities = job.activities_not_on_network, tiny_stops = job.stops_on_tiny_component;
            if (!input_.quiet) {
                std::cerr << "trygg nearby: network of " << graph.edge_count() << " edges, " << graph.node_count()
                          << " nodes, " << round_to(graph.total_length_m() / 1000.0, 0.1) << " km in "
                          << components.info.size() << (components.info.size() == 1 ? " component" : " components")
                          << " from " << build.features_used << " lines";
                for (const auto& [reason, n] : left_out_of(build)) std::cerr << "; left out " << reason << " " << n;
                if (node_intersections_) std::cerr << "; " << build.intersections_added << " crossing vertices added";
                std::cerr << "\n";
                if (!unsnapped_stops.empty()) {
                    std::cerr << "trygg nearby: " << unsnapped_stops.size() << " of " << stops.features.size()
                              << " stops are farther than " << max_snap_m_ << " m from a walkway and reach nothing:";
                    for (std::size_t k = 0; k < unsnapped_stops.size() && k < 10; ++k) std::cerr << " " << unsnapped_stops[k];
                    std::cerr << (unsnapped_stops.size() > 10 ? " ...\n" : "\n");
                }
                if (unsnapped_activities)
                    std::cerr << "trygg nearby: " << unsnapped_activities << " of " << activities.features.size()
                              << " activities are farther than " << max_snap_m_ << " m from a walkway and are never reached\n";
                if (tiny_stops)
                    std::cerr << "trygg nearby: " << tiny_stops << " stops lie on a network piece shorter than "
                              << tiny_component_m_ << " m, cut off from the main network (field tiny_component)\n";
            }

            std::vector<std::string> categories;
            for (const auto& f : activities.features) categories.push_back(category_of(f));
            const std::set<std::string> all_categories(categories.begin(), categories.end());
            for (const auto& r : results) {
                summaries.push_back(network::summarise_categories(r, categories));
                links += r.reached.size();
            }

            main_writer.emplace(output_.output, write);
            if (!one_file) {
                links_writer.emplace(layer_sibling(output_.output, "links"), write);
                if (areas) areas_writer.emplace(layer_sibling(output_.output, "areas"), write);
            }
            write_stops(*main_writer, stops, job.stop_access, job.stop_component, components, results, summaries,
                        activities, all_categories, to_output.get());
            write_links(links_writer ? *links_writer : *main_writer, stops, activities, results, categories,
                        to_output.get());
            if (!list_md_.empty())
                md = write_markdown(stops, job.stop_access, activities, results, summaries, categories, limit, write);
            if (!list_csv_.empty()) {
                csv.emplace(list_csv_, write);
                write_list_csv(*csv, stops, activities, results, categories);
            }
        };
        network::NearbyJob job = network::run_nearby(walkway_layers, stops, activities, options, write_all_but_areas);
        area_progress.finish();
        if (areas) write_areas(areas_writer ? *areas_writer : *main_writer, stops, job, limit, to_output.get());
        if (links_writer) links_writer->commit();
        if (areas_writer) areas_writer->commit();
        if (md) md->commit();
        if (csv) csv->commit();
        main_writer->commit();
        job.build.left_out = left_out_of(job.build);
        const std::vector<network::StopNearby>& results = job.results;

        if (!input_.quiet)
            std::cerr << "trygg nearby: " << links << " stop-activity pairs within " << round_to(limit, 0.1)
                      << " m for " << stops.features.size() << " stops; wrote " << output_.output << "\n";
        if (json_) print_json(stops, results, summaries, activities, unsnapped_stops, job.activities_not_on_network,
                              job.stops_on_tiny_component, job.build, job.components, limit, links, working_crs);
        return exit_ok;
    }

private:
    // The output files' own checks (the numbers are checked by the library, above).
    void validate() const {
        if (!list_md_.empty() && std::filesystem::path(list_md_).extension() != ".md")
            throw UsageError("--list: the printable list is Markdown, name it *.md (use --list-csv for CSV)");
        if (!list_csv_.empty() && io::vector_format_for(list_csv_) != io::VectorFormat::csv)
            throw UsageError("--list-csv: name the file *.csv");
    }

    double minutes(double metres) const { return metres / speed_ / 60.0; }
    // Whole minutes for the printed lists; a walk under half a minute still shows as 1 min.
    long long whole_minutes(double metres) const { return std::max(1LL, std::llround(minutes(metres))); }

    void write_stops(io::VectorWriter& writer, const model::Layer& stops, const std::vector<network::Access>& access,
                     const std::vector<std::optional<std::uint32_t>>& component, const network::Components& components,
                     const std::vector<network::StopNearby>& results,
                     const std::vector<std::map<std::string, network::CategorySummary>>& summaries,
                     const model::Layer& activities, const std::set<std::string>& all_categories,
                     const io::CoordinateTransform* to_output) const {
        std::vector<io::ExtraColumn> extra;
        auto column = [&extra](const std::string& name, FieldType type) -> std::vector<Value>& {
            extra.push_back({{name, type}, {}});
            return extra.back().values;
        };
        column("snapped", FieldType::integer);
        column("snap_m", FieldType::real);
        column("component", FieldType::integer);
        column("tiny_component", FieldType::integer);
        column("activities", FieldType::integer);
        column("categories", FieldType::string);
        column("nearest", FieldType::string);
        std::set<std::string> taken;
        std::vector<std::pair<std::string, std::string>> per_category;  // category, field suffix
        for (const auto& cat : all_categories) {
            std::string suffix = field_suffix(cat);
            for (int k = 2; taken.contains(suffix); ++k) suffix = field_suffix(cat) + "_" + std::to_string(k);
            taken.insert(suffix);
            per_category.emplace_back(cat, suffix);
            column("n_" + suffix, FieldType::integer);
            column("nearest_" + suffix + "_m", FieldType::real);
        }
        for (std::size_t i = 0; i < stops.features.size(); ++i) {
            const bool snapped = !access[i].empty();
            std::size_t c = 0;
            extra[c++].values.push_back(Value{std::int64_t{snapped ? 1 : 0}});
            extra[c++].values.push_back(snapped ? Value{round_to(access[i].front().distance_m, 0.01)} : Value{});
            extra[c++].values.push_back(component[i] ? Value{std::int64_t{*component[i]}} : Value{});
            extra[c++].values.push_back(
                component[i] ? Value{std::int64_t{components.tiny(*component[i], tiny_component_m_) ? 1 : 0}} : Value{});
            extra[c++].values.push_back(Value{static_cast<std::int64_t>(results[i].reached.size())});
            std::vector<std::pair<std::size_t, std::string>> by_count;
            for (const auto& [cat, s] : summaries[i]) by_count.emplace_back(s.count, cat);
            std::stable_sort(by_count.begin(), by_count.end(),
                             [](const auto& a, const auto& b) { return a.first > b.first; });
            std::string cats, nearest;
            for (const auto& [n, cat] : by_count) cats += (cats.empty() ? "" : ", ") + cat + " " + std::to_string(n);
            for (const auto& [cat, s] : summaries[i]) {
                const network::Reach& r = results[i].reached[s.nearest];
                std::ostringstream text;
                text << cat << ": " << label_of(activities.features[r.activity]) << " " << std::llround(r.distance_m) << " m";
                nearest += (nearest.empty() ? "" : "; ") + text.str();
            }
            extra[c++].values.push_back(Value{cats});
            extra[c++].values.push_back(Value{nearest});
            for (const auto& [cat, suffix] : per_category) {
                const auto it = summaries[i].find(cat);
                extra[c++].values.push_back(Value{static_cast<std::int64_t>(it == summaries[i].end() ? 0 : it->second.count)});
                extra[c++].values.push_back(
                    it == summaries[i].end() ? Value{}
                                             : Value{round_to(results[i].reached[it->second.nearest].distance_m, 0.1)});
            }
        }
        io::write_features(writer, "stops", stops, extra, to_output);
    }

    void write_links(io::VectorWriter& writer, const model::Layer& stops, const model::Layer& activities,
                     const std::vector<network::StopNearby>& results, const std::vector<std::string>& categories,
                     const io::CoordinateTransform* to_output) const {
        writer.add_layer("links", io::LayerGeometry::line,
                         {{"stop_id", FieldType::string},
                          {"stop_name", FieldType::string},
                          {"activity_id", FieldType::string},
                          {"activity_name", FieldType::string},
                          {"category", FieldType::string},
                          {"distance_m", FieldType::real},
                          {"network_m", FieldType::real},
                          {"minutes", FieldType::real}});
        for (std::size_t i = 0; i < results.size(); ++i) {
            const model::Feature& stop = stops.features[i];
            const model::Point from = std::get<model::Point>(stop.geometry);
            for (const network::Reach& r : results[i].reached) {
                const model::Feature& a = activities.features[r.activity];
                // A straight "desire line" from the stop to the activity, for the map; the
                // distance is the one along the network.
                model::Geometry line = model::MultiLineString{{from, anchor_of(a)}};
                if (to_output && !io::transform_geometry(*to_output, line))
                    throw DataError("a link cannot be transformed to " + output_.out_crs);
                writer.write(line, {Value{stop.id}, Value{stop.name}, Value{a.id}, Value{a.name},
                                    Value{categories[r.activity]}, Value{round_to(r.distance_m, 0.01)},
                                    Value{round_to(r.network_m, 0.01)}, Value{round_to(minutes(r.distance_m), 0.01)}});
            }
        }
    }

    void write_areas(io::VectorWriter& writer, const model::Layer& stops, network::NearbyJob& job, double limit,
                     const io::CoordinateTransform* to_output) const {
        writer.add_layer("areas", io::LayerGeometry::polygon,
                         {{"stop_id", FieldType::string},
                          {"stop_name", FieldType::string},
                          {"limit_m", FieldType::real},
                          {"minutes", FieldType::real},
                          {"network_m", FieldType::real},
                          {"area_m2", FieldType::real}});
        for (std::size_t i = 0; i < job.areas.size(); ++i) {
            model::MultiPolygon& area = job.areas[i];
            if (area.empty()) continue;  // not on the network
            const model::Feature& stop = stops.features[i];
            model::Geometry g = std::move(area);
            if (to_output && !io::transform_geometry(*to_output, g))
                throw DataError("a walking area cannot be transformed to " + output_.out_crs);
            writer.write(g, {Value{stop.id}, Value{stop.name}, Value{round_to(limit, 0.01)},
                             Value{round_to(minutes(limit), 0.01)}, Value{round_to(job.area_network_m[i], 0.1)},
                             Value{round_to(job.area_m2[i], 1.0)}});
        }
    }

    io::AtomicOutput write_markdown(const model::Layer& stops, const std::vector<network::Access>& access,
                                    const model::Layer& activities,
                                    const std::vector<network::StopNearby>& results,
                                    const std::vector<std::map<std::string, network::CategorySummary>>& summaries,
                                    const std::vector<std::string>& categories, double limit,
                                    const io::WriteOptions& write) const {
        io::AtomicOutput out(list_md_, write);
        std::ofstream md(out.temp_path(), std::ios::binary);
        md << "# Within a walk of each stop\n\n";
        md << "Walking distance along the network, at most " << std::llround(limit) << " m ("
           << round_to(minutes(limit), 0.1) << " min at " << speed_ << " m/s).\n";
        for (std::size_t i = 0; i < results.size(); ++i) {
            const model::Feature& stop = stops.features[i];
            md << "\n## " << label_of(stop);
            if (!stop.name.empty() && !stop.id.empty()) md << " (" << stop.id << ")";
            md << "\n\n";
            if (access[i].empty()) {
                md << "Not on the walking network (farther than " << max_snap_m_ << " m from every walkway).\n";
                continue;
            }
            if (results[i].reached.empty()) {
                md << "Nothing within reach.\n";
                continue;
            }
            md << "Nearest:";
            bool first = true;
            for (const auto& [cat, s] : summaries[i]) {
                const network::Reach& r = results[i].reached[s.nearest];
                md << (first ? " " : ", ") << cat << " " << std::llround(r.distance_m) << " m ("
                   << whole_minutes(r.distance_m) << " min)";
                first = false;
            }
            md << ".\n\n";
            for (const network::Reach& r : results[i].reached)
                md << "- " << label_of(activities.features[r.activity]) << " (" << categories[r.activity] << "): "
                   << std::llround(r.distance_m) << " m, " << whole_minutes(r.distance_m) << " min\n";
        }
        md.close();
        if (!md) throw DataError("cannot write " + list_md_);
        return out;
    }

    void write_list_csv(io::VectorWriter& writer, const model::Layer& stops, const model::Layer& activities,
                        const std::vector<network::StopNearby>& results, const std::vector<std::string>& categories) const {
        writer.add_layer("list", io::LayerGeometry::none,
                         {{"stop_id", FieldType::string},
                          {"stop_name", FieldType::string},
                          {"activity_id", FieldType::string},
                          {"activity_name", FieldType::string},
                          {"category", FieldType::string},
                          {"distance_m", FieldType::integer},
                          {"minutes", FieldType::integer}});
        for (std::size_t i = 0; i < results.size(); ++i)
            for (const network::Reach& r : results[i].reached) {
                const model::Feature& a = activities.features[r.activity];
                writer.write(std::monostate{}, {Value{stops.features[i].id}, Value{stops.features[i].name}, Value{a.id},
                                                Value{a.name}, Value{categories[r.activity]},
                                                Value{std::int64_t{std::llround(r.distance_m)}},
                                                Value{std::int64_t{whole_minutes(r.distance_m)}}});
            }
    }

    void print_json(const model::Layer& stops, const std::vector<network::StopNearby>& results,
                    const std::vector<std::map<std::string, network::CategorySummary>>& summaries,
                    const model::Layer& activities, const std::vector<std::string>& unsnapped_stops,
                    std::size_t unsnapped_activities, std::size_t tiny_stops, const network::WalkGraphBuild& build,
                    const network::Components& components, double limit, std::size_t links,
                    const std::string& working_crs) const {
        nlohmann::ordered_json j;
        j["limit_m"] = round_to(limit, 0.01);
        j["speed_m_s"] = speed_;
        j["max_snap_m"] = max_snap_m_;
        j["working_crs"] = working_crs;
        j["network"] = {{"edges", build.graph.edge_count()},
                        {"nodes", build.graph.node_count()},
                        {"length_m", round_to(build.graph.total_length_m(), 0.1)},
                        {"components", components.info.size()},
                        {"lines_used", build.features_used},
                        {"left_out", build.left_out},
                        {"crossing_vertices_added", build.intersections_added}};
        j["stops"] = stops.features.size();
        j["stops_not_on_network"] = unsnapped_stops;
        j["stops_on_tiny_component"] = tiny_stops;
        j["activities"] = activities.features.size();
        j["activities_not_on_network"] = unsnapped_activities;
        j["links"] = links;
        j["per_stop"] = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < results.size(); ++i) {
            nlohmann::ordered_json s;
            s["id"] = stops.features[i].id;
            s["name"] = stops.features[i].name;
            s["activities"] = results[i].reached.size();
            s["categories"] = nlohmann::ordered_json::object();
            for (const auto& [cat, summary] : summaries[i]) {
                const network::Reach& r = results[i].reached[summary.nearest];
                s["categories"][cat] = {{"count", summary.count},
                                        {"nearest", activities.features[r.activity].id},
                                        {"nearest_name", activities.features[r.activity].name},
                                        {"distance_m", round_to(r.distance_m, 0.1)}};
            }
            j["per_stop"].push_back(s);
        }
        std::cout << j.dump(2) << "\n";
    }

    std::vector<std::string> walkways_;
    std::string stops_, activities_;
    OutputOptions output_;
    double max_walk_min_ = 10.0;
    std::optional<double> max_distance_m_;
    double speed_ = 1.3;
    double max_snap_m_ = 100.0;
    bool node_intersections_ = false;
    bool all_highways_ = false;
    double area_buffer_m_ = 25.0;
    double tiny_component_m_ = 500.0;
    std::string list_md_, list_csv_;
    unsigned threads_ = 0;
    bool json_ = false;
    InputOptions input_;
};

}  // namespace

std::unique_ptr<Command> make_nearby_command() { return std::make_unique<NearbyCommand>(); }

}  // namespace trygg::cli
