// trygg place: where N new lights or cameras go, as a ranked list of sites with the coverage each
// adds (maximal covering location problem; docs/cli/place.md, docs/methods.md "Placement").

#include <cmath>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <sstream>

#include "command.hpp"
#include "number_format.hpp"
#include "input_options.hpp"
#include "light_options.hpp"
#include "output_options.hpp"
#include "progress.hpp"
#include "trygg/coverage/camera_coverage.hpp"
#include "trygg/coverage/candidate_sites.hpp"
#include "trygg/coverage/coverage_sets.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/coverage/line_intervals.hpp"
#include "trygg/coverage/placement.hpp"
#include "trygg/coverage/placement_summary.hpp"
#include "trygg/coverage/placement_demand.hpp"
#include "trygg/coverage/walkway_placement.hpp"
#include "trygg/error.hpp"
#include "trygg/io/vector_writer.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/model/attribute_values.hpp"

namespace trygg::cli {

namespace {

using model::FieldDef;
using model::FieldType;
using model::Value;



using Candidate = coverage::PlacementCandidate;

class PlaceCommand final : public Command {
public:
    std::string_view name() const override { return "place"; }
    std::string_view summary() const override {
        return "Where N new lights or cameras go: ranked sites with the coverage each adds (max coverage)";
    }
    std::string examples() const override {
        return "  trygg place --walkways data/town/walkways.geojson --lights data/town/lights.geojson "
               "--reports data/town/reports.geojson --count 10 -o new_lights.gpkg\n"
               "  trygg place --walkways walkways.geojson --lights lights.geojson --count 20 --spacing 15 "
               "--radius 18 -o new_lights.gpkg --json\n"
               "  trygg place --walkways walkways.geojson --lights lights.geojson --candidates poles.geojson "
               "--cost-field cost --budget 250000 -o new_lights.gpkg\n"
               "  trygg place --walkways walkways.geojson --lights lights.geojson --model lux --class P4 --count 10 "
               "-o new_lights.gpkg\n"
               "  trygg place --for cameras --walkways data/town/walkways.geojson --cameras data/town/cameras.geojson "
               "--buildings data/town/buildings.geojson --reports data/town/reports.geojson --count 5 -o new_cameras.gpkg\n"
               "  trygg place --demand homes.gpkg --weight-field people --candidates sites.gpkg --radius 300 "
               "--count 5 -o chosen.gpkg\n";
    }
    void setup(CLI::App& app) override {
        output_.add_to(app, "GeoPackage with layers 'sites' and (default mode) 'covered' (or .geojson/.fgb/.csv: "
                            "the sites, with the covered pieces in <stem>_covered<ext>)");
        app.add_option("--count", count_, "Number of new sites to choose (at most; required unless --budget)")
            ->default_str("none");
        app.add_option("--budget", budget_, "Total cost limit, with --cost-field (default: none)");
        app.add_option("--cost-field", cost_field_, "Candidate field with the cost of a site (default: 1 each)");
        app.add_option("--for", for_, "Default mode: what to place, lights or cameras")
            ->check(CLI::IsMember({"lights", "cameras"}));
        app.add_option("--radius", radius_,
                       "What a new light covers: demand within this distance, metres (default mode, --model disc: "
                       "--light-radius; classic mode: required)")
            ->default_str("--light-radius");
        app.add_option("--walkways", walkways_,
                       "Default mode: walkways (lines) whose unlit (--for cameras: unseen) length is the demand");
        light_.add_to(app, "Default mode: existing street lights (points; height and status used as in trygg coverage)",
                      false);
        app.add_option("--cameras", cameras_,
                       "--for cameras: existing cameras (points; heading, fov, range fields used): what they see "
                       "is covered already");
        app.add_option("--buildings", buildings_,
                       "--for cameras: buildings (polygons) that hide what is behind them, from new and existing cameras");
        app.add_option("--camera-range", camera_range_,
                       "--for cameras: range of a new camera (a 360 degree dome) and of existing cameras without a "
                       "range field, metres");
        app.add_option("--camera-fov", camera_fov_,
                       "--for cameras: field of view of existing cameras without a fov field, degrees");
        app.add_option("--reports", reports_,
                       "Default mode: reports that weight the dark (unseen) walkway pieces near them");
        app.add_option("--spacing", spacing_, "Default mode: candidate sites every this many metres along walkways");
        app.add_option("--sample", sample_, "Default mode: dark (unseen) walkway length is cut into pieces of at "
                                            "most this many metres; a piece is covered when its midpoint is");
        app.add_option("--report-distance", report_distance_,
                       "Default mode: a piece weighs length x (1 + reports within this many metres)");
        app.add_option("--demand", demand_, "Classic mode: demand points (weights from --weight-field, else 1)");
        app.add_option("--candidates", candidates_,
                       "Candidate sites (points; default mode: instead of sites every --spacing metres)");
        app.add_option("--starts", starts_, "Greedy runs, each opening with one of the best single sites");
        app.add_flag("--no-swap", no_swap_, "Skip the swap-improvement pass (plain lazy greedy)");
        app.add_flag("--json", json_, "Print a JSON summary on stdout");
        input_.add_to(app);
    }

    int run() override {
        validate();
        const bool classic = !demand_.empty();
        const bool cameras_mode = !classic && for_ == "cameras";
        const bool one_file = io::vector_format_for(output_.output) == io::VectorFormat::gpkg;
        std::vector<std::string> inputs;
        for (const auto* s : {&demand_, &walkways_, &light_.lights, &cameras_, &buildings_, &reports_, &candidates_})
            if (!s->empty()) inputs.push_back(*s);
        std::vector<std::string> also;
        if (!classic && !one_file) also.push_back(layer_sibling(output_.output, "covered"));
        output_.check_before_reading(input_, inputs, also);

        // Read.
        std::vector<std::pair<std::string, model::Kind>> sources;
        if (classic) {
            sources.emplace_back(demand_, model::Kind::reports);
        } else {
            sources.emplace_back(walkways_, model::Kind::walkways);
            if (!light_.lights.empty()) sources.emplace_back(light_.lights, model::Kind::lights);
            if (!cameras_.empty()) sources.emplace_back(cameras_, model::Kind::cameras);
            if (!buildings_.empty()) sources.emplace_back(buildings_, model::Kind::buildings);
            if (!reports_.empty()) sources.emplace_back(reports_, model::Kind::reports);
        }
        if (!candidates_.empty())
            sources.emplace_back(candidates_, cameras_mode ? model::Kind::cameras : model::Kind::lights);
        std::vector<model::Layer> layers = load_layers(sources, input_);
        std::size_t next = 1;
        const model::Layer* lights_layer = light_.lights.empty() ? nullptr : &layers[next++];
        const model::Layer* cameras_layer = cameras_.empty() ? nullptr : &layers[next++];
        const model::Layer* buildings_layer = buildings_.empty() ? nullptr : &layers[next++];
        const model::Layer* reports_layer = reports_.empty() ? nullptr : &layers[next++];
        const std::string working_crs = layers.front().working_crs;
        std::vector<std::string> all_inputs = inputs;
        if (!input_.rejects.empty()) all_inputs.push_back(input_.rejects);
        const io::WriteOptions write = output_.write_options(input_, all_inputs, working_crs);
        io::VectorWriter sites_writer(output_.output, write);
        std::optional<io::VectorWriter> covered_writer;
        if (!classic && !one_file) covered_writer.emplace(layer_sibling(output_.output, "covered"), write);
        const auto to_output = output_.to_output(working_crs);

        // Demand and choice. The default mode is the library's place_on_walkways
        // (coverage/walkway_placement.hpp), the same the Python module runs.
        coverage::PlacementOptions options;
        options.count = count_;
        options.has_budget = budget_.has_value();
        options.budget = budget_.value_or(0.0);
        options.swap_pass = !no_swap_;
        options.starts = starts_;
        if (!candidates_.empty()) candidate_sites_ = coverage::candidates_from_layer(layers.back(), cost_field_);
        const model::Layer* walkways = classic ? nullptr : &layers[0];
        coverage::WalkwayPlacementResult job;
        if (classic) {
            const model::Layer& demand = layers[0];
            std::vector<model::Point> demand_points;
            std::vector<double> weights;
            for (const auto& f : demand.features) {
                const auto* p = std::get_if<model::Point>(&f.geometry);
                if (!p) throw DataError("a demand feature is not a point", {demand.source, demand.name, f.fid, {}});
                if (!(f.weight >= 0.0) || !std::isfinite(f.weight))
                    throw DataError("demand weight must be a finite number >= 0",
                                    {demand.source, demand.name, f.fid, demand.weight_field});
                demand_points.push_back(*p);
                weights.push_back(f.weight);
            }
            if (candidate_sites_.empty()) throw DataError("no candidate sites", {candidates_, {}, {}, {}});
            std::vector<model::Point> candidate_points;
            std::vector<double> costs;
            for (const auto& c : candidate_sites_) {
                candidate_points.push_back(c.position);
                costs.push_back(c.cost);
            }
            Progress choosing("choosing sites", input_.quiet);
            const coverage::CoverageSets sets =
                coverage::CoverageSets::within_radius(demand_points, candidate_points, *radius_);
            coverage::PlacementProblem problem;
            problem.sets = &sets;
            problem.weights = weights;
            if (!cost_field_.empty()) problem.costs = costs;
            job.result = coverage::place_sites(problem, options);
            choosing.finish();
        } else {
            coverage::WalkwayPlacementOptions walkway_options;
            walkway_options.spacing_m = spacing_;
            walkway_options.sample_m = sample_;
            walkway_options.report_distance_m = report_distance_;
            walkway_options.use_costs = !cost_field_.empty();
            walkway_options.placement = options;
            Progress progress(cameras_mode ? "unseen walkway length" : "dark walkway length", input_.quiet);
            // What is covered already and what a new light or camera would cover: the library's
            // default mode, shared with Python (coverage/walkway_placement.hpp).
            const auto* given = candidates_.empty() ? nullptr : &candidate_sites_;
            const auto report = [&](double done) { progress.fraction(done); };
            job = cameras_mode ? coverage::place_cameras_on_walkways(*walkways, cameras_layer, buildings_layer, camera_fov_,
                                                                     camera_range_, reports_layer, given, walkway_options,
                                                                     report)
                               : coverage::place_lights_on_walkways(*walkways, *lights_layer, light_.options, *radius_,
                                                                    reports_layer, given, walkway_options, report);
            progress.finish();
            candidate_sites_ = job.candidates;
        }
        const coverage::PlacementResult& result = job.result;
        const std::vector<double>& new_m = job.new_m;
        const double walkway_m = job.walkway_m;
        const double covered_before_m = job.covered_before_m;

        write_sites(sites_writer, result, new_m, classic, walkways, to_output.get());
        if (!classic) {
            io::VectorWriter& out = covered_writer ? *covered_writer : sites_writer;
            write_covered(out, job, *walkways, to_output.get());
        }
        if (covered_writer) covered_writer->commit();
        sites_writer.commit();

        const double covered_m = job.newly_covered_m;
        if (!input_.quiet) {
            std::cerr << "trygg place: " << result.sites.size() << (result.sites.size() == 1 ? " site" : " sites")
                      << " of " << candidate_sites_.size() << " candidates cover " << rounded(result.covered, 1) << " of "
                      << rounded(result.total_demand, 1) << " demand ("
                      << rounded(result.total_demand > 0.0 ? 100.0 * result.covered / result.total_demand : 0.0, 1)
                      << "%)";
            if (!classic)
                std::cerr << "; " << rounded(covered_m, 0) << " m of " << rounded(walkway_m - covered_before_m, 0)
                          << (cameras_mode ? " m unseen walkway newly seen" : " m unlit walkway newly lit");
            std::cerr << "; wrote " << output_.output << (covered_writer ? " and " + covered_writer->path() : "")
                      << "\n";
        }
        if (json_) print_json(result, classic, walkway_m, covered_before_m, covered_m, to_output.get());
        return exit_ok;
    }

private:
    void validate() {
        const auto finite_positive = [](double v) { return std::isfinite(v) && v > 0.0; };
        const bool classic = !demand_.empty();
        const bool cameras = for_ == "cameras";
        light_.validate();
        if (classic) {
            for (const auto& [option, value] :
                 {std::pair{"--walkways", &walkways_}, {"--lights", &light_.lights}, {"--reports", &reports_},
                  {"--cameras", &cameras_}, {"--buildings", &buildings_}})
                if (!value->empty()) throw UsageError(std::string(option) + " is for the default mode, not with --demand");
            if (cameras) throw UsageError("--for cameras is for the default mode, not with --demand");
            if (light_.lux()) throw UsageError("--model lux is for the default mode, not with --demand");
            if (candidates_.empty()) throw UsageError("--demand needs --candidates (classic mode)");
            if (!radius_) throw UsageError("--demand needs --radius (classic mode)");
        } else if (cameras) {
            if (walkways_.empty()) throw UsageError("--for cameras needs --walkways");
            if (!light_.lights.empty()) throw UsageError("--lights is for --for lights, not with --for cameras");
            if (light_.lux()) throw UsageError("--model is for --for lights, not with --for cameras");
            if (radius_) throw UsageError("--radius is for lights; a new camera covers what it sees within --camera-range");
        } else {
            if (walkways_.empty() || light_.lights.empty())
                throw UsageError("give --walkways and --lights (default mode), or --demand and --candidates (classic mode)");
            for (const auto& [option, value] : {std::pair{"--cameras", &cameras_}, {"--buildings", &buildings_}})
                if (!value->empty()) throw UsageError(std::string(option) + " is for --for cameras");
            if (light_.lux() && radius_)
                throw UsageError("--radius is for --model disc; under --model lux a new light covers where the "
                                 "illuminance reaches --min-lux");
        }
        if (count_ == 0 && !budget_) throw UsageError("give --count, --budget or both");
        if (budget_ && cost_field_.empty()) throw UsageError("--budget needs --cost-field");
        if (budget_ && (!std::isfinite(*budget_) || *budget_ < 0.0)) throw UsageError("--budget must be >= 0");
        if (!cost_field_.empty() && candidates_.empty())
            throw UsageError("--cost-field needs --candidates (generated sites have no cost)");
        if (!radius_) radius_ = light_.options.radius_m;
        if (!finite_positive(*radius_)) throw UsageError("--radius must be a number > 0 (metres)");
        if (!finite_positive(spacing_)) throw UsageError("--spacing must be a number > 0 (metres)");
        if (!finite_positive(sample_)) throw UsageError("--sample must be a number > 0 (metres)");
        if (!std::isfinite(report_distance_) || report_distance_ < 0.0)
            throw UsageError("--report-distance must be >= 0 (metres)");
        if (!finite_positive(camera_range_)) throw UsageError("--camera-range must be a number > 0 (metres)");
        if (!(camera_fov_ > 0.0 && camera_fov_ <= 360.0)) throw UsageError("--camera-fov must lie in (0, 360] degrees");
        if (starts_ == 0) throw UsageError("--starts must be at least 1");
    }

    void write_sites(io::VectorWriter& writer, const coverage::PlacementResult& result, const std::vector<double>& new_m,
                     bool classic, const model::Layer* walkways, const io::CoordinateTransform* to_output) const {
        std::vector<FieldDef> fields{{"rank", FieldType::integer},  {"id", FieldType::string},
                                     {"x", FieldType::real},        {"y", FieldType::real},
                                     {"gain", FieldType::real},     {"cumulative", FieldType::real},
                                     {"cumulative_share", FieldType::real}, {"cost", FieldType::real}};
        if (!classic) {
            fields.push_back({for_ == "cameras" ? "new_seen_m" : "new_lit_m", FieldType::real});
            fields.push_back({"walkway", FieldType::string});
            fields.push_back({"offset_m", FieldType::real});
        }
        writer.add_layer("sites", io::LayerGeometry::point, fields);
        for (std::size_t r = 0; r < result.sites.size(); ++r) {
            const auto& site = result.sites[r];
            const Candidate& c = candidate_sites_[site.candidate];
            const model::Point at = to_output ? to_output->transform(c.position) : c.position;
            model::AttributeRow row{Value{static_cast<std::int64_t>(r + 1)},
                                    Value{c.id},
                                    Value{rounded(at.x, 3)},
                                    Value{rounded(at.y, 3)},
                                    Value{rounded(site.gain, 3)},
                                    Value{rounded(site.cumulative, 3)},
                                    share(site.cumulative, result.total_demand),
                                    Value{site.cost}};
            if (!classic) {
                row.push_back(Value{rounded(new_m[r], 3)});
                row.push_back(c.walkway ? Value{walkways->features[*c.walkway].id} : Value{});
                row.push_back(c.walkway ? Value{rounded(c.offset_m, 3)} : Value{});
            }
            writer.write(model::Geometry{at}, row);
        }
    }

    // The newly lit pieces, consecutive pieces of one line lit by the same site joined into one.
    static void write_covered(io::VectorWriter& writer, const coverage::WalkwayPlacementResult& job,
                              const model::Layer& walkways, const io::CoordinateTransform* to_output) {
        writer.add_layer("covered", io::LayerGeometry::line,
                         {{"site_rank", FieldType::integer}, {"walkway", FieldType::string},
                          {"from_m", FieldType::real}, {"to_m", FieldType::real}, {"length_m", FieldType::real},
                          {"reports", FieldType::real}, {"weight", FieldType::real}});
        for (const coverage::CoveredRun& run : coverage::covered_runs(job)) {
            const coverage::WalkwayLine& wl = job.lines[run.line];
            model::Geometry g = model::MultiLineString{coverage::cut(*wl.line, run.from_m, run.to_m)};
            if (to_output && !io::transform_geometry(*to_output, g))
                throw DataError("a covered piece cannot be transformed to the output CRS");
            writer.write(g, {Value{static_cast<std::int64_t>(run.site_rank)}, Value{walkways.features[wl.feature].id},
                             Value{rounded(run.from_m, 3)}, Value{rounded(run.to_m, 3)},
                             Value{rounded(run.to_m - run.from_m, 3)}, Value{rounded(run.reports, 3)},
                             Value{rounded(run.weight, 3)}});
        }
    }

    static Value share(double part, double whole) { return whole > 0.0 ? Value{rounded(part / whole, 4)} : Value{}; }

    void print_json(const coverage::PlacementResult& result, bool classic, double walkway_m, double covered_before_m,
                    double covered_m, const io::CoordinateTransform* to_output) const {
        std::vector<model::Point> positions;
        for (const auto& site : result.sites) {
            const model::Point at = candidate_sites_[site.candidate].position;
            positions.push_back(to_output ? to_output->transform(at) : at);
        }
        coverage::WalkwayPlacementFigures figures;
        if (!classic) {
            figures.walkway_m = walkway_m;
            figures.covered_before_m = covered_before_m;
            figures.newly_covered_m = covered_m;
            figures.cameras = for_ == "cameras";
            figures.camera_range_m = camera_range_;
            figures.light_model = light_.model;
            figures.light_figures = light_.figures();
        }
        const std::string summary = coverage::placement_summary_json(classic ? "classic" : for_, result, candidate_sites_,
                                                                     positions, budget_.has_value(),
                                                                     classic ? nullptr : &figures);
        std::cout << nlohmann::ordered_json::parse(summary).dump(2) << "\n";
    }

    OutputOptions output_;
    std::size_t count_ = 0;
    std::optional<double> budget_;
    std::string cost_field_;
    std::optional<double> radius_;
    std::string for_ = "lights";
    std::string walkways_, cameras_, buildings_, reports_, demand_, candidates_;
    double camera_fov_ = coverage::kDefaultCameraFovDeg;
    double camera_range_ = coverage::kDefaultCameraRangeM;
    double spacing_ = 25.0;
    double sample_ = 5.0;
    double report_distance_ = 25.0;
    LightOptionSet light_;
    std::size_t starts_ = 10;
    bool no_swap_ = false;
    bool json_ = false;
    InputOptions input_;
    std::vector<Candidate> candidate_sites_;
};

}  // namespace

std::unique_ptr<Command> make_place_command() { return std::make_unique<PlaceCommand>(); }

}  // namespace trygg::cli
