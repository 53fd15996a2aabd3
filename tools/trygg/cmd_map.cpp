// trygg map: the outputs of hotspots, heatmap, coverage/place, nearby and route as pictures —
// an interactive self-contained HTML page, or PNG/SVG/PDF for minutes (docs/cli/map.md).
// The map never recomputes an analysis: it draws the files the other commands wrote.

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "command.hpp"
#include "input_options.hpp"
#include "trygg/error.hpp"
#include "trygg/io/crs.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/io/raster_reader.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/map/coverage_map.hpp"
#include "trygg/map/hotspots_map.hpp"
#include "trygg/map/html_writer.hpp"
#include "trygg/map/print_renderer.hpp"
#include "trygg/map/publish_filter.hpp"
#include "trygg/map/route_map.hpp"
#include "trygg/map/stops_map.hpp"
#include "trygg/map/town_background.hpp"
#include "trygg/model/attribute_values.hpp"

namespace trygg::cli {

namespace {

namespace fs = std::filesystem;

bool is_html(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".html" || ext == ".htm";
}

bool is_gpkg(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".gpkg";
}

// Today's date (UTC), or the date of SOURCE_DATE_EPOCH when it is set (reproducible builds).
std::string today() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) t = static_cast<std::time_t>(std::atoll(epoch));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

// The layer names of a source (for optional layers of an analysis output).
std::set<std::string> layer_names(const std::string& path, const io::ReadOptions& read) {
    std::set<std::string> names;
    io::ReadOptions all = read;
    all.layer.clear();
    for (const auto& choice : io::choose_layers(path, all, true)) names.insert(choice.layer);
    return names;
}

class MapCommand final : public Command {
public:
    std::string_view name() const override { return "map"; }
    std::string_view summary() const override {
        return "Maps of hotspots, coverage, stops and routes: interactive HTML, or PNG/SVG/PDF for minutes";
    }
    std::string examples() const override {
        return "  trygg map hotspots --clusters hotspots.gpkg --heatmap heat.tif --walkways data/town/walkways.geojson "
               "--buildings data/town/buildings.geojson -o hotspots.html\n"
               "  trygg map hotspots --clusters hotspots.gpkg --heatmap heat.tif -o hotspots.png --size 2400x1800 --dpi 200\n"
               "  trygg map hotspots --clusters hotspots.gpkg --publish --min-count 5 --lang sv -o publik.html -o publik.pdf\n"
               "  trygg map coverage --coverage coverage.gpkg --sites sites.gpkg --cameras data/town/cameras.geojson "
               "--lights data/town/lights.geojson -o coverage.html\n"
               "  trygg map stops --nearby nearby.gpkg --activities data/town/activities.geojson -o stops.html\n"
               "  trygg map route --route route.gpkg --walkways data/town/walkways.geojson -o route.svg\n"
               "  trygg map hotspots --clusters hotspots.gpkg --tiles 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' "
               "--tiles-attribution '© OpenStreetMap contributors' -o web.html\n";
    }
    void setup(CLI::App& app) override {
        app.add_option("preset", preset_, "What to map: hotspots, coverage, stops or route")
            ->required()
            ->check(CLI::IsMember({"hotspots", "coverage", "stops", "route"}));
        app.add_option("-o,--output", outputs_,
                       "File to write: .html (interactive), .png, .svg or .pdf (repeatable: one run, several formats)")
            ->required();
        // Inputs: analysis outputs first, then the town itself.
        app.add_option("--clusters", clusters_,
                       "Output of trygg hotspots (GeoPackage with layers clusters and reports, or the clusters file)");
        app.add_option("--heatmap", heatmap_, "GeoTIFF of trygg heatmap (drawn as coloured cells)");
        app.add_option("--coverage", coverage_, "Output of trygg coverage (GeoPackage)");
        app.add_option("--sites", sites_, "Output of trygg place: the proposed sites");
        app.add_option("--nearby", nearby_, "Output of trygg nearby (GeoPackage with layers stops, areas, links)");
        app.add_option("--route", route_, "Output of trygg route (the shortest and the safe route)");
        app.add_option("--walkways", walkways_, "Walkways, drawn as the town's background");
        app.add_option("--buildings", buildings_, "Buildings, drawn as the town's background");
        app.add_option("--cameras", cameras_, "Cameras (heading, fov, range): drawn with their field of view");
        app.add_option("--lights", lights_, "Street lights");
        app.add_option("--activities", activities_, "Activities (points or polygons) for the stops map");
        // What the map says.
        app.add_option("--title", title_, "Title (default: the preset's, in --lang)");
        app.add_option("--date", date_, "Date shown under the title (default: today, UTC; SOURCE_DATE_EPOCH if set)");
        app.add_option("--attribution", attribution_, "Source line (default: the input file names)");
        app.add_option("--lang", lang_, "Language of every label, legend and popup: sv or en")
            ->check(CLI::IsMember({"sv", "en"}));
        app.add_option("--tiles", tiles_,
                       "HTML: background tiles from this URL ({z}/{x}/{y}); default none, the town is drawn from "
                       "--walkways and --buildings and the page makes no network request");
        app.add_option("--tiles-attribution", tiles_attribution_, "Attribution the tile provider asks for");
        app.add_option("--top-gaps", top_gaps_, "Coverage: dark gaps drawn (by rank)");
        // Print.
        app.add_option("--size", size_, "PNG/SVG/PDF: WIDTHxHEIGHT in pixels at --dpi");
        app.add_option("--dpi", dpi_, "PNG/SVG/PDF: dots per inch (line widths and text are in points)");
        // Publication.
        app.add_flag("--publish", publish_,
                     "Safe for a public website: no individual reports, no free text, no cluster or square with "
                     "fewer than --min-count reports (a note on the map says what was left out)");
        app.add_option("--min-count", min_count_, "With --publish: the fewest reports a cluster or square may show (>= 2)");
        app.add_option("--publish-cell", publish_cell_, "With --publish: side of the squares reports are counted in (metres)");
        app.add_option("--publish-margin", publish_margin_,
                       "With --publish: cluster outlines are grown by this many metres, so no corner is a report");
        app.add_flag("--json", json_, "Print a JSON summary on stdout (features per layer, what --publish left out)");
        input_.add_to(app);
    }

    int run() override {
        const map::Language lang = map::parse_language(lang_);
        map::PrintOptions print;
        map::parse_print_size(size_, print);
        print.dpi = dpi_;
        if (!(dpi_ >= 30 && dpi_ <= 1200)) throw UsageError("--dpi must lie in 30..1200");
        if (publish_ && !(min_count_ >= 2)) throw UsageError("--min-count must be a number >= 2");
        if (!(publish_cell_ > 0) || !std::isfinite(publish_cell_)) throw UsageError("--publish-cell must be > 0 (metres)");
        if (!(publish_margin_ > 0) || !std::isfinite(publish_margin_)) throw UsageError("--publish-margin must be > 0 (metres)");
        if (!tiles_.empty()) map::check_tiles_url(tiles_);
        check_preset_inputs();

        // Outputs: known formats, no clash with an input or an existing file, before any reading.
        std::vector<std::string> inputs = all_inputs();
        io::WriteOptions write;
        write.overwrite = input_.overwrite;
        write.inputs = inputs;
        std::set<std::string> seen;
        for (const auto& out : outputs_) {
            if (!is_html(out) && !map::print_format_for(out))
                throw UsageError("-o " + out + ": the map is written as .html, .png, .svg or .pdf");
            if (!seen.insert(fs::weakly_canonical(out).string()).second) throw UsageError("-o " + out + " is given twice");
            io::AtomicOutput check(out, write);  // throws on a clash; leaves nothing behind
        }

        // Read.
        const io::ReadOptions read = input_.read_options();
        std::optional<io::RasterCells> raster;
        std::string crs = input_.crs;
        if (!heatmap_.empty()) {
            raster = io::read_raster_cells(heatmap_);
            if (raster->crs.empty()) throw DataError("the heatmap has no CRS", {heatmap_, {}, {}, {}});
            if (io::is_geographic(raster->crs))
                throw DataError("the heatmap is in degrees; trygg heatmap writes a metric CRS", {heatmap_, {}, {}, {}});
            if (!crs.empty() && io::crs_code(crs) != io::crs_code(raster->crs))
                throw UsageError("--crs " + crs + " differs from the heatmap's CRS " + raster->crs);
            crs = raster->crs;  // draw everything in the raster's CRS, so its cells stay square
        }
        read_layers(read);
        std::vector<model::Layer*> all;
        for (auto& [key, layer] : layers_) all.push_back(&layer);
        std::string working_crs = crs;
        if (!all.empty()) working_crs = io::prepare_layers(all, crs);
        if (working_crs.empty()) throw UsageError("map: nothing to draw");
        {
            std::vector<const model::Layer*> loaded(all.begin(), all.end());
            handle_rejects(loaded, input_, inputs);
        }

        // Build the map.
        map::MapDocument doc;
        doc.lang = lang;
        doc.crs = working_crs;
        doc.date = date_.empty() ? today() : date_;
        doc.title = title_.empty() ? std::string(map::text(title_label(), lang)) : title_;
        doc.attribution = attribution_.empty() ? default_attribution(lang) : attribution_;
        map::add_town_background(doc, layer("walkways"), layer("buildings"));
        map::DensityGrid density;
        if (raster) {
            density.origin_x = raster->grid.origin_x;
            density.origin_y = raster->grid.origin_y;
            density.cell = raster->grid.cell;
            density.columns = raster->grid.columns;
            density.rows = raster->grid.rows;
            density.values = std::move(raster->values);
            density.nodata = raster->nodata;
        }
        if (preset_ == "hotspots") {
            map::HotspotsMapInput in;
            in.clusters = layer("clusters");
            in.reports = layer("reports");
            in.density = raster ? &density : nullptr;
            in.publish = publish_;
            in.publish_cell = publish_cell_;
            in.publish_margin = publish_margin_;
            in.min_count = min_count_;
            map::add_hotspots(doc, in);
        } else if (preset_ == "coverage") {
            map::CoverageMapInput in;
            in.walkway_pieces = layer("coverage_walkways");
            in.lit_areas = layer("lit_areas");
            in.seen_areas = layer("seen_areas");
            in.gaps = layer("gaps");
            in.sites = layer("sites");
            in.cameras = layer("cameras");
            in.lights = layer("lights");
            in.top_gaps = top_gaps_;
            map::add_coverage(doc, in);
        } else if (preset_ == "stops") {
            map::StopsMapInput in;
            in.stops = layer("stops");
            in.areas = layer("walking_areas");
            in.activities = layer("activities");
            if (const model::Layer* links = layer("links")) in.links = stop_links(*links);
            map::add_stops(doc, in);
        } else {
            map::RouteMapInput in;
            in.routes = layer("routes");
            in.lights = layer("lights");
            in.cameras = layer("cameras");
            map::add_route(doc, in);
        }
        // The map shows the analysis, not the whole background data set (map_document.hpp).
        doc.focus = map::focus_extent(doc);
        std::optional<map::PublishResult> published;
        if (publish_) {
            map::PublishOptions options;
            options.min_count = min_count_;
            published = map::apply_publish_rules(doc, options);
        }

        // Write.
        map::HtmlOptions html;
        html.tiles_url = tiles_;
        html.tiles_attribution = tiles_attribution_;
        if (publish_) html.coordinate_decimals = 5;  // about 1 m: enough for a public map
        std::map<std::string, map::PrintSummary> printed;
        for (const auto& out : outputs_) {
            if (is_html(out)) map::write_html(doc, out, html, write);
            else printed[out] = map::render_print(doc, out, print, write);
        }

        if (!input_.quiet) {
            std::cerr << "trygg map: " << preset_ << ": " << map::feature_count(doc) << " features in " << doc.layers.size()
                      << " layers; wrote";
            for (const auto& out : outputs_) std::cerr << " " << out;
            std::cerr << "\n";
            for (const auto& note : doc.notes) std::cerr << "trygg map: " << note << "\n";
        }
        if (json_) {
            nlohmann::ordered_json j;
            j["preset"] = preset_;
            j["outputs"] = outputs_;
            j["crs"] = working_crs;
            j["lang"] = lang_;
            // Features per layer, in drawing order; layers off when the map opens are listed too.
            j["features"] = nlohmann::ordered_json::object();
            j["hidden"] = nlohmann::ordered_json::array();
            for (const auto& l : doc.layers) {
                j["features"][l.id] = l.features.size();
                if (!l.visible) j["hidden"].push_back(l.id);
            }
            if (published) {
                j["published"] = {{"min_count", min_count_},
                                  {"clusters_left_out", published->clusters_left_out},
                                  {"cells_left_out", published->cells_left_out},
                                  {"individual_features", published->individual_features},
                                  {"surfaces_removed", published->surfaces_removed},
                                  {"free_text_values", published->free_text_values}};
            } else {
                j["published"] = nullptr;
            }
            // Print outputs: point labels drawn, and left out because they would overlap.
            j["labels"] = nlohmann::ordered_json::object();
            for (const auto& out : outputs_)
                if (const auto it = printed.find(out); it != printed.end())
                    j["labels"][out] = {{"placed", it->second.labels_placed}, {"left_out", it->second.labels_left_out}};
            j["notes"] = doc.notes;
            std::cout << j.dump(2) << "\n";
        }
        return exit_ok;
    }

private:
    map::Label title_label() const {
        if (preset_ == "hotspots") return map::Label::title_hotspots;
        if (preset_ == "coverage") return map::Label::title_coverage;
        if (preset_ == "stops") return map::Label::title_stops;
        return map::Label::title_route;
    }

    void check_preset_inputs() const {
        auto need = [this](bool ok, const std::string& what) {
            if (!ok) throw UsageError("map " + preset_ + ": give " + what);
        };
        if (preset_ == "hotspots") need(!clusters_.empty() || !heatmap_.empty(), "--clusters and/or --heatmap");
        if (preset_ == "coverage")
            need(!coverage_.empty() || !sites_.empty() || !cameras_.empty() || !lights_.empty(),
                 "--coverage, --sites, --cameras or --lights");
        if (preset_ == "stops") need(!nearby_.empty(), "--nearby (the output of trygg nearby)");
        if (preset_ == "route") need(!route_.empty(), "--route (the output of trygg route)");
        if (preset_ != "hotspots" && !heatmap_.empty()) throw UsageError("--heatmap belongs to the hotspots map");
    }

    std::vector<std::string> all_inputs() const {
        std::vector<std::string> v;
        for (const auto* s : {&clusters_, &heatmap_, &coverage_, &sites_, &nearby_, &route_, &walkways_, &buildings_,
                              &cameras_, &lights_, &activities_})
            if (!s->empty()) v.push_back(*s);
        return v;
    }

    std::string default_attribution(map::Language lang) const {
        std::string files;
        std::set<std::string> names;
        for (const auto& in : all_inputs()) {
            const std::string name = fs::path(in).filename().string();
            if (names.insert(name).second) files += (files.empty() ? "" : ", ") + name;
        }
        return std::string(map::text(map::Label::source, lang)) + ": " + files + " (trygg)";
    }

    // The reachable (stop, activity) pairs of the `links` layer of trygg nearby.
    static std::vector<map::StopLink> stop_links(const model::Layer& links) {
        const auto field = [&links](const model::Feature& f, const char* name) -> const model::Value* {
            const auto i = model::find_field(links, name);
            return i && *i < f.attributes.size() ? &f.attributes[*i] : nullptr;
        };
        const auto text = [&](const model::Feature& f, const char* name) {
            const model::Value* v = field(f, name);
            if (!v) return std::string();
            if (const auto* s = std::get_if<std::string>(v)) return *s;
            if (const auto* i = std::get_if<std::int64_t>(v)) return std::to_string(*i);
            return std::string();
        };
        const auto number = [&](const model::Feature& f, const char* name) {
            const model::Value* v = field(f, name);
            return v ? model::numeric_value(*v) : std::nullopt;
        };
        std::vector<map::StopLink> out;
        out.reserve(links.features.size());
        for (const auto& f : links.features) {
            map::StopLink l;
            l.stop_id = text(f, "stop_id");
            l.activity = text(f, "activity_name");
            l.category = text(f, "category");
            // distance_m is the walking distance (network_m only its part along the network).
            l.distance_m = number(f, "distance_m").value_or(number(f, "network_m").value_or(0.0));
            l.minutes = number(f, "minutes").value_or(l.distance_m / 1.3 / 60.0);
            out.push_back(std::move(l));
        }
        return out;
    }

    const model::Layer* layer(const std::string& key) const {
        const auto it = layers_.find(key);
        return it == layers_.end() ? nullptr : &it->second;
    }

    // One named layer of `path` read as `kind`; "" = the first (or only) layer.
    void read_into(const std::string& key, const std::string& path, const std::string& layer_name, model::Kind kind,
                   const io::ReadOptions& read) {
        io::ReadOptions options = read;
        options.layer = layer_name;
        options.kind = kind;
        const auto choices = io::choose_layers(path, options, false);
        if (choices.empty()) throw DataError("no layer to read", {path, layer_name, {}, {}});
        io::LayerChoice choice = choices.front();
        choice.kind = kind;
        layers_.emplace(key, io::read_layer(path, choice, options));
    }

    // The first of `candidates` that `path` has, or "".
    static std::string first_present(const std::set<std::string>& names, std::initializer_list<const char*> candidates) {
        for (const char* c : candidates)
            if (names.contains(c)) return c;
        return {};
    }

    void read_layers(const io::ReadOptions& read) {
        using model::Kind;
        if (!walkways_.empty()) read_into("walkways", walkways_, read.layer, Kind::walkways, read);
        if (!buildings_.empty()) read_into("buildings", buildings_, read.layer, Kind::buildings, read);
        if (!cameras_.empty()) read_into("cameras", cameras_, read.layer, Kind::cameras, read);
        if (!lights_.empty()) read_into("lights", lights_, read.layer, Kind::lights, read);
        if (!activities_.empty()) read_into("activities", activities_, read.layer, Kind::activities, read);
        if (!clusters_.empty()) {
            if (is_gpkg(clusters_)) {
                const auto names = layer_names(clusters_, read);
                if (!names.contains("clusters"))
                    throw DataError("no layer 'clusters': is this the output of trygg hotspots?", {clusters_, {}, {}, {}});
                read_into("clusters", clusters_, "clusters", Kind::areas, read);
                if (names.contains("reports")) read_into("reports", clusters_, "reports", Kind::reports, read);
            } else {
                // One layer per file: the reports are in <stem>_reports<ext> (trygg hotspots).
                read_into("clusters", clusters_, "", Kind::areas, read);
                const fs::path p(clusters_);
                const std::string sibling = (p.parent_path() / (p.stem().string() + "_reports" + p.extension().string())).string();
                if (fs::exists(sibling)) read_into("reports", sibling, "", Kind::reports, read);
            }
        }
        if (!coverage_.empty()) {
            const auto names = layer_names(coverage_, read);
            bool any = false;
            auto take = [&](const char* key, std::initializer_list<const char*> candidates, Kind kind) {
                const std::string name = first_present(names, candidates);
                if (name.empty()) return;
                read_into(key, coverage_, name, kind, read);
                any = true;
            };
            take("coverage_walkways", {"walkway_pieces", "walkways"}, Kind::walkways);
            take("lit_areas", {"lit_area", "lit_areas"}, Kind::areas);
            take("seen_areas", {"seen_area", "seen_areas"}, Kind::areas);
            take("gaps", {"gaps"}, Kind::walkways);
            if (!any)
                throw DataError("none of the layers walkway_pieces, lit_area, seen_area, gaps: is this the output of trygg coverage?",
                                {coverage_, {}, {}, {}});
        }
        if (!sites_.empty()) read_into("sites", sites_, is_gpkg(sites_) ? first_or(sites_, read, {"sites"}) : "", Kind::stops, read);
        if (!nearby_.empty()) {
            const auto names = layer_names(nearby_, read);
            if (!names.contains("stops"))
                throw DataError("no layer 'stops': is this the output of trygg nearby?", {nearby_, {}, {}, {}});
            read_into("stops", nearby_, "stops", Kind::stops, read);
            if (names.contains("areas")) read_into("walking_areas", nearby_, "areas", Kind::areas, read);
            if (names.contains("links")) read_into("links", nearby_, "links", Kind::walkways, read);
        }
        if (!route_.empty()) read_into("routes", route_, is_gpkg(route_) ? first_or(route_, read, {"routes", "route"}) : "", Kind::walkways, read);
    }

    static std::string first_or(const std::string& path, const io::ReadOptions& read, std::initializer_list<const char*> candidates) {
        return first_present(layer_names(path, read), candidates);
    }

    std::string preset_;
    std::vector<std::string> outputs_;
    std::string clusters_, heatmap_, coverage_, sites_, nearby_, route_, walkways_, buildings_, cameras_, lights_, activities_;
    std::string title_, date_, attribution_, lang_ = "sv", tiles_, tiles_attribution_;
    std::size_t top_gaps_ = 10;
    std::string size_ = "1600x1200";
    double dpi_ = 150.0;
    bool publish_ = false;
    double min_count_ = 3.0;
    double publish_cell_ = 100.0;
    double publish_margin_ = 20.0;
    bool json_ = false;
    InputOptions input_;
    std::map<std::string, model::Layer> layers_;
};

}  // namespace

std::unique_ptr<Command> make_map_command() { return std::make_unique<MapCommand>(); }

}  // namespace trygg::cli
