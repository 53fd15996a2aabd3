// trygg route: the shortest and the safe walking route between two points (or many pairs), with
// length, detour, lit and seen shares, hotspot exposure and the dark stretches of each
// (docs/cli/route.md).

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "command.hpp"
#include "number_format.hpp"
#include "input_options.hpp"
#include "light_options.hpp"
#include "output_options.hpp"
#include "progress.hpp"
#include "trygg/coverage/building_obstacles.hpp"
#include "trygg/coverage/camera_coverage.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/error.hpp"
#include "trygg/io/crs.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/network/components.hpp"
#include "trygg/network/edge_cost.hpp"
#include "trygg/network/route.hpp"
#include "trygg/network/route_job.hpp"
#include "trygg/network/route_summary.hpp"
#include "trygg/network/snapping.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::cli {

namespace {

using model::FieldDef;
using model::FieldType;
using model::Value;



std::string trimmed(std::string s) {
    const auto first = s.find_first_not_of(" \t\r\"");
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\"");
    return s.substr(first, last - first + 1);
}

std::vector<std::string> split_commas(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    std::string cell;
    while (std::getline(in, cell, ',')) out.push_back(trimmed(cell));
    if (!line.empty() && line.back() == ',') out.emplace_back();
    return out;
}

std::optional<double> parse_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::size_t used = 0;
    try {
        const double v = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(v)) return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// One pair of end points, in the CRS they were given in.
struct PointPair {
    std::string id;
    model::Point from, to;
    bool lonlat = false;  // given as lon/lat columns (EPSG:4326) whatever --point-crs says
    std::string where;                 // "" or "pairs.csv: row 3 (pair a): ", for messages
    std::string from_label, to_label;  // "--from 16.2,59.6" or "pairs.csv: row 3 (pair a): from"
};

// "X,Y" from --from / --to.
model::Point parse_point_option(const std::string& option, const std::string& text) {
    const auto parts = split_commas(text);
    std::optional<double> x, y;
    if (parts.size() == 2) {
        x = parse_number(parts[0]);
        y = parse_number(parts[1]);
    }
    if (!x || !y)
        throw UsageError(option + ": '" + text + "' is not two numbers X,Y (LON,LAT by default, e.g. 16.38,59.62)");
    return {*x, *y};
}

// The --pairs CSV: a header row naming from_x, from_y, to_x, to_y (in --point-crs) or
// from_lon, from_lat, to_lon, to_lat (EPSG:4326), and optionally id or pair_id.
std::vector<PointPair> read_pairs(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw DataError("cannot open the pairs file", {path, {}, {}, {}});
    std::string line;
    if (!std::getline(in, line)) throw DataError("the pairs file is empty (it needs a header row)", {path, {}, {}, {}});
    if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // UTF-8 byte order mark
    const auto header = split_commas(line);
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string name = header[i];
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        column.emplace(name, i);
    }
    const bool xy = column.contains("from_x") && column.contains("from_y") && column.contains("to_x") &&
                    column.contains("to_y");
    const bool lonlat = column.contains("from_lon") && column.contains("from_lat") && column.contains("to_lon") &&
                        column.contains("to_lat");
    if (!xy && !lonlat)
        throw DataError("the pairs file needs the columns from_x, from_y, to_x, to_y (in --point-crs) or from_lon, "
                        "from_lat, to_lon, to_lat (EPSG:4326)",
                        {path, {}, {}, {}});
    const std::vector<std::string> names = xy ? std::vector<std::string>{"from_x", "from_y", "to_x", "to_y"}
                                              : std::vector<std::string>{"from_lon", "from_lat", "to_lon", "to_lat"};
    std::optional<std::size_t> id_column;
    if (column.contains("id")) id_column = column["id"];
    else if (column.contains("pair_id")) id_column = column["pair_id"];

    std::vector<PointPair> pairs;
    std::int64_t row = 0;
    while (std::getline(in, line)) {
        ++row;
        if (trimmed(line).empty()) continue;
        const auto cells = split_commas(line);
        double v[4];
        for (std::size_t k = 0; k < 4; ++k) {
            const std::size_t c = column[names[k]];
            const auto number = c < cells.size() ? parse_number(cells[c]) : std::nullopt;
            if (!number)
                throw DataError("'" + (c < cells.size() ? cells[c] : std::string()) + "' is not a number",
                                {path, {}, row, names[k]});
            v[k] = *number;
        }
        PointPair p;
        p.id = id_column && *id_column < cells.size() && !cells[*id_column].empty() ? cells[*id_column]
                                                                                   : std::to_string(row);
        p.from = {v[0], v[1]};
        p.to = {v[2], v[3]};
        p.lonlat = lonlat && !xy;
        p.where = path + ": row " + std::to_string(row) + " (pair " + p.id + "): ";
        p.from_label = p.where + "from";
        p.to_label = p.where + "to";
        pairs.push_back(std::move(p));
    }
    if (pairs.empty()) throw DataError("the pairs file has no rows", {path, {}, {}, {}});
    return pairs;
}

class RouteCommand final : public Command {
public:
    std::string_view name() const override { return "route"; }
    std::string_view summary() const override {
        return "Shortest and safe walking route (lit, seen, away from hotspots) with detour and shares";
    }
    std::string examples() const override {
        return "  trygg route --walkways data/town/walkways.geojson --point-crs EPSG:3006 --from 569168.65,6608620.98 "
               "--to 569185.78,6609507.10 -o route.gpkg\n"
               "  trygg route --walkways data/town/walkways.geojson --lights data/town/lights.geojson "
               "--cameras data/town/cameras.geojson --reports data/town/reports.geojson --from 16.225727,59.610033 "
               "--to 16.226321,59.617985 -o route.gpkg --json\n"
               "  trygg route --walkways walkways.geojson --lights lights.geojson --w-dark 4 --w-hot 0 "
               "--pairs pairs.csv -o routes.gpkg\n"
               "  trygg route --walkways helsinki.osm.pbf --from 24.9384,60.1699 --to 24.9525,60.1640 -o r.geojson\n";
    }
    void setup(CLI::App& app) override {
        app.add_option("--walkways", walkways_, "Walkways (lines; any OGR source, OSM extracts too)")->required();
        app.add_option("--from", from_, "Start point X,Y (LON,LAT unless --point-crs says otherwise)");
        app.add_option("--to", to_, "End point X,Y");
        app.add_option("--pairs", pairs_,
                       "CSV of many pairs: columns from_x,from_y,to_x,to_y (in --point-crs) or "
                       "from_lon,from_lat,to_lon,to_lat, and optionally id");
        app.add_option("--point-crs", point_crs_, "CRS of --from/--to and of from_x.. columns (e.g. EPSG:3006)");
        light_.add_to(app,
                      "Street lights (points): lit stretches by --model (disc or lux); without it the walkways' lit "
                      "attribute decides (unknown = unlit)",
                      false);
        app.add_option("--cameras", cameras_, "Cameras (points with heading, fov, range): seen stretches; without "
                                              "it nothing is seen and --w-unseen has no effect");
        app.add_option("--buildings", buildings_, "Buildings (polygons) that hide what cameras would see");
        app.add_option("--reports", reports_, "Reports (points; weight field used): hotspot exposure");
        app.add_option("--w-dark", weights_.dark, "Extra cost per unlit metre, as a multiple of the length");
        app.add_option("--w-unseen", weights_.unseen, "Extra cost per metre out of camera view");
        app.add_option("--w-hot", weights_.hot, "Extra cost per metre at full hotspot exposure (1.0)");
        app.add_option("--hot-radius", exposure_.radius_m, "Kernel radius of the report density, metres");
        app.add_option("--max-snap", max_snap_, "End points farther than this from every walkway are an error, metres");
        app.add_option("--min-dark", min_dark_, "Shortest dark stretch written as a line, metres");
        app.add_flag("--node-intersections", node_intersections_,
                     "Also join walkways where they cross without a shared vertex (digitised data)");
        app.add_flag("--all-highways", all_highways_,
                     "Route on every line, motorways and foot=no included (default: walkable highway values only)");
        output_.add_to(app, "GeoPackage with the layers 'routes' and 'dark_stretches' (or .geojson/.fgb/.csv: the "
                            "routes, with the dark stretches in <stem>_dark_stretches<ext>)");
        app.add_flag("--json", json_, "Print the routes' figures as JSON on stdout");
        input_.add_to(app);
    }

    int run() override {
        validate();
        std::vector<std::string> inputs{walkways_};
        for (const auto* s : {&light_.lights, &cameras_, &buildings_, &reports_, &pairs_})
            if (!s->empty()) inputs.push_back(*s);
        const bool one_file = io::vector_format_for(output_.output) == io::VectorFormat::gpkg;
        std::vector<std::string> also;
        if (!one_file) also.push_back(layer_sibling(output_.output, "dark_stretches"));
        output_.check_before_reading(input_, inputs, also);

        std::vector<PointPair> pairs;
        if (!pairs_.empty()) {
            pairs = read_pairs(pairs_);
        } else {
            PointPair p;
            p.id = "1";
            p.from = parse_point_option("--from", from_);
            p.to = parse_point_option("--to", to_);
            p.from_label = "--from " + from_;
            p.to_label = "--to " + to_;
            pairs.push_back(p);
        }

        // Read.
        std::vector<std::pair<std::string, model::Kind>> sources{{walkways_, model::Kind::walkways}};
        if (!light_.lights.empty()) sources.emplace_back(light_.lights, model::Kind::lights);
        if (!cameras_.empty()) sources.emplace_back(cameras_, model::Kind::cameras);
        if (!buildings_.empty()) sources.emplace_back(buildings_, model::Kind::buildings);
        if (!reports_.empty()) sources.emplace_back(reports_, model::Kind::reports);
        std::vector<model::Layer> layers = load_layers(sources, input_);
        std::size_t next = 1;
        const model::Layer& walkways = layers[0];
        const model::Layer* lights = light_.lights.empty() ? nullptr : &layers[next++];
        const model::Layer* cameras = cameras_.empty() ? nullptr : &layers[next++];
        const model::Layer* buildings = buildings_.empty() ? nullptr : &layers[next++];
        const model::Layer* reports = reports_.empty() ? nullptr : &layers[next++];
        const std::string working_crs = walkways.working_crs;

        // The graph, the night-time conditions of every edge, the planner (network/route_job.hpp),
        // the same the Python module uses.
        Progress progress("edge conditions", input_.quiet);
        network::RouteJobOptions job_options;
        job_options.light = light_.options;
        job_options.weights = weights_;
        job_options.exposure = exposure_;
        job_options.min_dark_m = min_dark_;
        job_options.node_intersections = node_intersections_;
        job_options.all_highways = all_highways_;
        network::RouteJob job({&walkways, lights, cameras, buildings, reports}, job_options);
        progress.finish();
        const network::WalkGraph& graph = job.graph();
        const std::optional<coverage::LightCoverage>& light_coverage = job.lights();
        const std::optional<coverage::CameraCoverage>& camera_coverage = job.cameras();
        const network::RouteOptions& route_options = job.route_options();

        // Snap and plan every pair.
        std::optional<io::CoordinateTransform> from_points, from_lonlat;
        const auto to_working = [&](const PointPair& pair, model::Point p) {
            auto& t = pair.lonlat ? from_lonlat : from_points;
            if (!t) t.emplace(pair.lonlat ? std::string("EPSG:4326") : point_crs_, working_crs);
            return t->transform(p);
        };
        const auto snap = [&](const std::string& label, model::Point given, model::Point p) {
            return job.snap_end(label, given, p, max_snap_);
        };
        struct Planned {
            const PointPair* pair;
            network::Snap from, to;
            network::RoutePair routes;
        };
        std::vector<Planned> planned;
        planned.reserve(pairs.size());
        Progress route_progress("routes", input_.quiet || pairs.size() < 2);
        for (const PointPair& pair : pairs) {
            Planned p{&pair, snap(pair.from_label, pair.from, to_working(pair, pair.from)),
                      snap(pair.to_label, pair.to, to_working(pair, pair.to)), {}};
            p.routes = job.plan(p.from, p.to, pair.where);
            planned.push_back(std::move(p));
            route_progress.fraction(static_cast<double>(planned.size()) / static_cast<double>(pairs.size()));
        }
        route_progress.finish();

        // Write.
        std::vector<std::string> all_inputs = inputs;
        if (!input_.rejects.empty()) all_inputs.push_back(input_.rejects);
        const io::WriteOptions write = output_.write_options(input_, all_inputs, working_crs);
        io::VectorWriter routes_writer(output_.output, write);
        std::optional<io::VectorWriter> dark_writer;
        if (!one_file) dark_writer.emplace(layer_sibling(output_.output, "dark_stretches"), write);
        const auto to_output = output_.to_output(working_crs);
        const auto out_line = [&](const model::LineString& line) {
            model::Geometry g = model::MultiLineString{line};
            if (to_output && !io::transform_geometry(*to_output, g))
                throw DataError("a route cannot be transformed to " + output_.out_crs);
            return g;
        };
        routes_writer.add_layer("routes", io::LayerGeometry::line,
                                {{"pair_id", FieldType::string}, {"kind", FieldType::string},
                                 {"length_m", FieldType::real}, {"detour_pct", FieldType::real},
                                 {"lit_share", FieldType::real}, {"seen_share", FieldType::real},
                                 {"exposure", FieldType::real}, {"dark_m", FieldType::real},
                                 {"dark_stretches", FieldType::integer}, {"cost", FieldType::real},
                                 {"from_snap_m", FieldType::real}, {"to_snap_m", FieldType::real}});
        const auto each_route = [&](auto&& visit) {
            for (const Planned& p : planned) {
                visit(p, "shortest", p.routes.shortest);
                visit(p, "safe", p.routes.safe);
            }
        };
        each_route([&](const Planned& p, const char* kind, const network::RouteResult& r) {
            routes_writer.write(out_line(r.line),
                                {Value{p.pair->id}, Value{std::string(kind)}, Value{rounded(r.length_m, 2)},
                                 Value{rounded(r.detour_pct, 2)}, Value{rounded(r.lit_share, 4)},
                                 Value{rounded(r.seen_share, 4)}, Value{rounded(r.exposure, 4)},
                                 Value{rounded(r.dark_m, 2)}, Value{static_cast<std::int64_t>(r.dark.size())},
                                 Value{rounded(r.path.cost, 2)}, Value{rounded(p.from.distance_m, 2)},
                                 Value{rounded(p.to.distance_m, 2)}});
        });
        io::VectorWriter& dark_out = dark_writer ? *dark_writer : routes_writer;
        dark_out.add_layer("dark_stretches", io::LayerGeometry::line,
                           {{"pair_id", FieldType::string}, {"kind", FieldType::string}, {"from_m", FieldType::real},
                            {"to_m", FieldType::real}, {"length_m", FieldType::real}});
        each_route([&](const Planned& p, const char* kind, const network::RouteResult& r) {
            for (const auto& d : r.dark)
                dark_out.write(out_line(d.line), {Value{p.pair->id}, Value{std::string(kind)}, Value{rounded(d.from_m, 2)},
                                                  Value{rounded(d.to_m, 2)}, Value{rounded(d.to_m - d.from_m, 2)}});
        });
        if (dark_writer) dark_writer->commit();
        routes_writer.commit();

        if (!input_.quiet) {
            std::cerr << "trygg route: network " << graph.node_count() << " nodes, " << graph.edge_count()
                      << " edges, " << format_number(graph.total_length_m() / 1000.0) << " km";
            if (light_coverage) std::cerr << "; " << light_coverage->counts().used << " lights light";
            else std::cerr << "; lighting from the lit attribute";
            if (!camera_coverage) {
                std::cerr << "; no cameras (--w-unseen unused)";
            } else {
                const auto& counts = camera_coverage->counts();
                std::cerr << "; " << counts.total << " cameras";
                if (counts.all_around) std::cerr << " (" << counts.all_around << " without heading: 360 degrees)";
            }
            std::cerr << "\n";
            if (planned.size() == 1) {
                const auto& r = planned.front().routes;
                std::cerr << "trygg route: shortest " << format_number(r.shortest.length_m) << " m, "
                          << format_number(100.0 * r.shortest.lit_share) << "% lit; safe "
                          << format_number(r.safe.length_m) << " m (+" << format_number(r.safe.detour_pct) << "%), "
                          << format_number(100.0 * r.safe.lit_share) << "% lit; wrote " << output_.output << "\n";
            } else {
                std::cerr << "trygg route: " << planned.size() << " pairs; wrote " << output_.output << "\n";
            }
        }
        if (json_) {
            nlohmann::ordered_json j;
            const auto one = [](const Planned& p) {  // network/route_summary.hpp, shared with Python
                return nlohmann::ordered_json::parse(
                    network::route_pair_summary_json(p.routes, p.from.distance_m, p.to.distance_m));
            };
            if (pairs_.empty()) {
                j = one(planned.front());
            } else {
                j["pairs"] = nlohmann::ordered_json::array();
                for (const Planned& p : planned) {
                    nlohmann::ordered_json o;
                    o["id"] = p.pair->id;
                    const nlohmann::ordered_json figures = one(p);
                    for (const auto& [k, v] : figures.items()) o[k] = v;
                    j["pairs"].push_back(o);
                }
            }
            j["weights"] = {{"dark", weights_.dark}, {"unseen", route_options.weights.unseen}, {"hot", weights_.hot}};
            j["working_crs"] = working_crs;
            std::cout << j.dump(2) << "\n";
        }
        return exit_ok;
    }

private:
    static std::string format_number(double v) {
        std::ostringstream s;
        s << rounded(v, 1);
        return s.str();
    }

    void validate() {
        const bool single = !from_.empty() || !to_.empty();
        if (single && !pairs_.empty()) throw UsageError("give --from and --to, or --pairs, not both");
        if (!single && pairs_.empty()) throw UsageError("give --from and --to (or --pairs FILE.csv)");
        if (single && (from_.empty() || to_.empty())) throw UsageError("give both --from and --to");
        for (const auto& [name, w] : {std::pair{"--w-dark", weights_.dark}, std::pair{"--w-unseen", weights_.unseen},
                                      std::pair{"--w-hot", weights_.hot}})
            if (!(w >= 0.0) || !std::isfinite(w)) throw UsageError(std::string(name) + " must be a number >= 0");
        if (!(max_snap_ > 0.0) || !std::isfinite(max_snap_)) throw UsageError("--max-snap must be a number > 0 (metres)");
        if (!(min_dark_ >= 0.0) || !std::isfinite(min_dark_)) throw UsageError("--min-dark must be a number >= 0 (metres)");
        light_.validate();
        if (light_.lux() && light_.lights.empty()) throw UsageError("--model lux needs --lights");
        if (!(exposure_.radius_m > 0.0) || !std::isfinite(exposure_.radius_m))
            throw UsageError("--hot-radius must be a number > 0 (metres)");
        if (!buildings_.empty() && cameras_.empty()) throw UsageError("--buildings needs --cameras");
        // Fails here, naming the option, rather than after reading.
        io::CoordinateTransform check(point_crs_, "EPSG:4326");
        (void)check;
    }

    std::string walkways_, from_, to_, pairs_, point_crs_ = "EPSG:4326";
    std::string cameras_, buildings_, reports_;
    LightOptionSet light_;
    network::SafetyWeights weights_;
    network::ExposureOptions exposure_;
    double max_snap_ = 100.0;
    double min_dark_ = 1.0;
    bool node_intersections_ = false;
    bool all_highways_ = false;
    bool json_ = false;
    OutputOptions output_;
    InputOptions input_;
};

}  // namespace

std::unique_ptr<Command> make_route_command() { return std::make_unique<RouteCommand>(); }

}  // namespace trygg::cli
