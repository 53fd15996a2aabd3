// trygg place: where N new lights go, as a ranked list of sites with the coverage each adds
// (maximal covering location problem; docs/cli/place.md, docs/methods.md "Placement").

#include <cmath>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "command.hpp"
#include "number_format.hpp"
#include "input_options.hpp"
#include "output_options.hpp"
#include "progress.hpp"
#include "trygg/coverage/candidate_sites.hpp"
#include "trygg/coverage/coverage_sets.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/coverage/line_intervals.hpp"
#include "trygg/coverage/placement.hpp"
#include "trygg/coverage/placement_demand.hpp"
#include "trygg/error.hpp"
#include "trygg/io/vector_writer.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/model/attribute_values.hpp"

namespace trygg::cli {

namespace {

using model::FieldDef;
using model::FieldType;
using model::Value;



// "%.1f" without locale surprises: offsets in site ids ("24101351@37.5").
std::string one_decimal(double v) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.setf(std::ios::fixed);
    out.precision(1);
    out << v;
    return out.str();
}

struct Candidate {
    model::Point position;
    std::string id;
    double cost = 1.0;
    std::optional<std::size_t> walkway;  // default mode: the walkway feature it lies on
    double offset_m = 0.0;
};

// One part of one walkway feature: what the pieces and sites refer to.
struct WalkwayLine {
    std::size_t feature = 0;
    const model::LineString* line = nullptr;
};

class PlaceCommand final : public Command {
public:
    std::string_view name() const override { return "place"; }
    std::string_view summary() const override {
        return "Where N new lights go: ranked sites with the coverage each adds (max coverage)";
    }
    std::string examples() const override {
        return "  trygg place --walkways data/town/walkways.geojson --lights data/town/lights.geojson "
               "--reports data/town/reports.geojson --count 10 -o new_lights.gpkg\n"
               "  trygg place --walkways walkways.geojson --lights lights.geojson --count 20 --spacing 15 "
               "--radius 18 -o new_lights.gpkg --json\n"
               "  trygg place --walkways walkways.geojson --lights lights.geojson --candidates poles.geojson "
               "--cost-field cost --budget 250000 -o new_lights.gpkg\n"
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
        app.add_option("--radius", radius_,
                       "What a new light covers: demand within this distance, metres (default mode: "
                       "--light-radius; classic mode: required)")
            ->default_str("--light-radius");
        app.add_option("--walkways", walkways_, "Default mode: walkways (lines) whose unlit length is the demand");
        app.add_option("--lights", lights_,
                       "Default mode: existing street lights (points; height and status used as in trygg coverage)");
        app.add_option("--reports", reports_, "Default mode: reports that weight the dark walkway pieces near them");
        app.add_option("--spacing", spacing_, "Default mode: candidate sites every this many metres along walkways");
        app.add_option("--sample", sample_, "Default mode: dark walkway length is cut into pieces of at most this "
                                            "many metres; a piece is covered when its midpoint is");
        app.add_option("--report-distance", report_distance_,
                       "Default mode: a piece weighs length x (1 + reports within this many metres)");
        app.add_option("--light-radius", light_.radius_m, "Default mode: lit radius of existing lights, metres");
        app.add_option("--radius-from-height", radius_per_height_,
                       "Default mode: existing lights light height x this factor (lights without a height: "
                       "--light-radius)");
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
        const bool one_file = io::vector_format_for(output_.output) == io::VectorFormat::gpkg;
        std::vector<std::string> inputs;
        for (const auto* s : {&demand_, &walkways_, &lights_, &reports_, &candidates_})
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
            sources.emplace_back(lights_, model::Kind::lights);
            if (!reports_.empty()) sources.emplace_back(reports_, model::Kind::reports);
        }
        if (!candidates_.empty()) sources.emplace_back(candidates_, model::Kind::lights);
        std::vector<model::Layer> layers = load_layers(sources, input_);
        const std::string working_crs = layers.front().working_crs;
        std::vector<std::string> all_inputs = inputs;
        if (!input_.rejects.empty()) all_inputs.push_back(input_.rejects);
        const io::WriteOptions write = output_.write_options(input_, all_inputs, working_crs);
        io::VectorWriter sites_writer(output_.output, write);
        std::optional<io::VectorWriter> covered_writer;
        if (!classic && !one_file) covered_writer.emplace(layer_sibling(output_.output, "covered"), write);
        const auto to_output = output_.to_output(working_crs);

        // Demand.
        std::vector<model::Point> demand_points;
        std::vector<double> weights;
        std::vector<WalkwayLine> lines;
        std::vector<coverage::DemandPiece> pieces;
        std::vector<double> near;
        double walkway_m = 0.0, lit_m = 0.0;
        const model::Layer* walkways = classic ? nullptr : &layers[0];
        if (classic) {
            const model::Layer& demand = layers[0];
            for (const auto& f : demand.features) {
                const auto* p = std::get_if<model::Point>(&f.geometry);
                if (!p) throw DataError("a demand feature is not a point", {demand.source, demand.name, f.fid, {}});
                if (!(f.weight >= 0.0) || !std::isfinite(f.weight))
                    throw DataError("demand weight must be a finite number >= 0",
                                    {demand.source, demand.name, f.fid, demand.weight_field});
                demand_points.push_back(*p);
                weights.push_back(f.weight);
            }
        } else {
            Progress progress("dark walkway length", input_.quiet);
            const coverage::LightCoverage lit(light_sources(layers[1]), light_);
            std::vector<model::LineString> parts;
            std::vector<coverage::LineIntervals> lit_parts;
            for (std::size_t w = 0; w < walkways->features.size(); ++w) {
                const auto& f = walkways->features[w];
                const auto* mls = std::get_if<model::MultiLineString>(&f.geometry);
                if (!mls) throw DataError("a walkway is not a line", {walkways->source, walkways->name, f.fid, {}});
                for (const auto& line : *mls) {
                    lines.push_back({w, &line});
                    parts.push_back(line);
                    lit_parts.push_back(lit.lit_intervals(line));
                    walkway_m += coverage::line_length(line);
                    lit_m += coverage::total_length(lit_parts.back());
                }
                if (w % 64 == 0)
                    progress.fraction(static_cast<double>(w) / static_cast<double>(walkways->features.size()));
            }
            progress.finish();
            pieces = coverage::uncovered_pieces(parts, lit_parts, sample_);
            std::vector<model::Point> report_points;
            std::vector<double> report_weights;
            if (!reports_.empty()) {
                const model::Layer& reports = layers[2];
                for (const auto& f : reports.features) {
                    const auto* p = std::get_if<model::Point>(&f.geometry);
                    if (!p) throw DataError("a report is not a point", {reports.source, reports.name, f.fid, {}});
                    report_points.push_back(*p);
                    report_weights.push_back(f.weight);
                }
            }
            near = coverage::reports_near(pieces, report_points, report_weights, report_distance_);
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                demand_points.push_back(pieces[i].midpoint);
                weights.push_back(pieces[i].length_m() * (1.0 + near[i]));
            }
            if (candidates_.empty()) {
                for (const auto& site : coverage::sites_along_lines(parts, spacing_)) {
                    const model::Feature& f = walkways->features[lines[site.line].feature];
                    candidate_sites_.push_back({site.position, f.id + "@" + one_decimal(site.offset_m), 1.0,
                                          lines[site.line].feature, site.offset_m});
                }
            }
        }
        if (!candidates_.empty()) read_candidates(layers.back());
        if (candidate_sites_.empty()) throw DataError("no candidate sites", {candidates_.empty() ? walkways_ : candidates_, {}, {}, {}});

        // Choose.
        std::vector<model::Point> candidate_points;
        std::vector<double> costs;
        for (const auto& c : candidate_sites_) {
            candidate_points.push_back(c.position);
            costs.push_back(c.cost);
        }
        const coverage::CoverageSets sets = coverage::CoverageSets::within_radius(demand_points, candidate_points, *radius_);
        coverage::PlacementProblem problem;
        problem.sets = &sets;
        problem.weights = weights;
        if (!cost_field_.empty()) problem.costs = costs;
        coverage::PlacementOptions options;
        options.count = count_;
        options.has_budget = budget_.has_value();
        options.budget = budget_.value_or(0.0);
        options.swap_pass = !no_swap_;
        options.starts = starts_;
        Progress choosing("choosing sites", input_.quiet);
        const coverage::PlacementResult result = coverage::place_sites(problem, options);
        choosing.finish();

        // Which site (rank) newly covers each demand item, in the reported order.
        std::vector<std::size_t> rank_of(demand_points.size(), 0);
        std::vector<double> new_m(result.sites.size(), 0.0);
        for (std::size_t r = 0; r < result.sites.size(); ++r)
            for (std::uint32_t d : sets.covered_by(result.sites[r].candidate))
                if (rank_of[d] == 0) {
                    rank_of[d] = r + 1;
                    if (!classic) new_m[r] += pieces[d].length_m();
                }

        write_sites(sites_writer, result, new_m, classic, walkways, to_output.get());
        if (!classic) {
            io::VectorWriter& out = covered_writer ? *covered_writer : sites_writer;
            write_covered(out, pieces, near, weights, rank_of, lines, *walkways, to_output.get());
        }
        if (covered_writer) covered_writer->commit();
        sites_writer.commit();

        double covered_m = 0.0;
        for (double m : new_m) covered_m += m;
        if (!input_.quiet) {
            std::cerr << "trygg place: " << result.sites.size() << (result.sites.size() == 1 ? " site" : " sites")
                      << " of " << candidate_sites_.size() << " candidates cover " << rounded(result.covered, 1) << " of "
                      << rounded(result.total_demand, 1) << " demand ("
                      << rounded(result.total_demand > 0.0 ? 100.0 * result.covered / result.total_demand : 0.0, 1)
                      << "%)";
            if (!classic)
                std::cerr << "; " << rounded(covered_m, 0) << " m of " << rounded(walkway_m - lit_m, 0)
                          << " m unlit walkway newly lit";
            std::cerr << "; wrote " << output_.output << (covered_writer ? " and " + covered_writer->path() : "")
                      << "\n";
        }
        if (json_) print_json(result, classic, walkway_m, lit_m, covered_m, to_output.get());
        return exit_ok;
    }

private:
    void validate() {
        const auto finite_positive = [](double v) { return std::isfinite(v) && v > 0.0; };
        const bool classic = !demand_.empty();
        if (classic) {
            for (const auto& [option, value] : {std::pair{"--walkways", &walkways_}, {"--lights", &lights_},
                                                {"--reports", &reports_}})
                if (!value->empty()) throw UsageError(std::string(option) + " is for the default mode, not with --demand");
            if (candidates_.empty()) throw UsageError("--demand needs --candidates (classic mode)");
            if (!radius_) throw UsageError("--demand needs --radius (classic mode)");
        } else {
            if (walkways_.empty() || lights_.empty())
                throw UsageError("give --walkways and --lights (default mode), or --demand and --candidates (classic mode)");
        }
        if (count_ == 0 && !budget_) throw UsageError("give --count, --budget or both");
        if (budget_ && cost_field_.empty()) throw UsageError("--budget needs --cost-field");
        if (budget_ && (!std::isfinite(*budget_) || *budget_ < 0.0)) throw UsageError("--budget must be >= 0");
        if (!cost_field_.empty() && candidates_.empty())
            throw UsageError("--cost-field needs --candidates (generated sites have no cost)");
        if (!radius_) radius_ = light_.radius_m;
        if (!finite_positive(*radius_)) throw UsageError("--radius must be a number > 0 (metres)");
        if (!finite_positive(spacing_)) throw UsageError("--spacing must be a number > 0 (metres)");
        if (!finite_positive(sample_)) throw UsageError("--sample must be a number > 0 (metres)");
        if (!std::isfinite(report_distance_) || report_distance_ < 0.0)
            throw UsageError("--report-distance must be >= 0 (metres)");
        if (!finite_positive(light_.radius_m)) throw UsageError("--light-radius must be a number > 0 (metres)");
        if (radius_per_height_) {
            if (!finite_positive(*radius_per_height_)) throw UsageError("--radius-from-height must be > 0");
            light_.radius_per_height = *radius_per_height_;
        }
        if (starts_ == 0) throw UsageError("--starts must be at least 1");
    }

    static std::vector<coverage::LightSource> light_sources(const model::Layer& lights) {
        std::vector<coverage::LightSource> out;
        for (const auto& f : lights.features) {
            const auto* p = std::get_if<model::Point>(&f.geometry);
            if (!p) throw DataError("a light is not a point", {lights.source, lights.name, f.fid, {}});
            if (f.height && !(*f.height > 0.0))
                throw DataError("light height must be > 0 m", {lights.source, lights.name, f.fid, "height"});
            out.push_back({*p, f.height, f.status});
        }
        return out;
    }

    void read_candidates(const model::Layer& layer) {
        std::optional<std::size_t> cost_index;
        if (!cost_field_.empty()) {
            cost_index = model::find_field(layer, cost_field_);
            if (!cost_index)
                throw UsageError("--cost-field: no field '" + cost_field_ + "'", {layer.source, layer.name, {}, {}});
        }
        for (const auto& f : layer.features) {
            const auto* p = std::get_if<model::Point>(&f.geometry);
            if (!p) throw DataError("a candidate is not a point", {layer.source, layer.name, f.fid, {}});
            Candidate c{*p, f.id, 1.0, std::nullopt, 0.0};
            if (cost_index) {
                const auto cost = model::numeric_value(f.attributes[*cost_index]);
                if (!cost || !(*cost > 0.0))
                    throw DataError("cost must be a number > 0", {layer.source, layer.name, f.fid, cost_field_});
                c.cost = *cost;
            }
            candidate_sites_.push_back(std::move(c));
        }
    }

    void write_sites(io::VectorWriter& writer, const coverage::PlacementResult& result, const std::vector<double>& new_m,
                     bool classic, const model::Layer* walkways, const io::CoordinateTransform* to_output) const {
        std::vector<FieldDef> fields{{"rank", FieldType::integer},  {"id", FieldType::string},
                                     {"x", FieldType::real},        {"y", FieldType::real},
                                     {"gain", FieldType::real},     {"cumulative", FieldType::real},
                                     {"cumulative_share", FieldType::real}, {"cost", FieldType::real}};
        if (!classic) {
            fields.push_back({"new_lit_m", FieldType::real});
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
    static void write_covered(io::VectorWriter& writer, const std::vector<coverage::DemandPiece>& pieces,
                              const std::vector<double>& near, const std::vector<double>& weights,
                              const std::vector<std::size_t>& rank_of, const std::vector<WalkwayLine>& lines,
                              const model::Layer& walkways, const io::CoordinateTransform* to_output) {
        writer.add_layer("covered", io::LayerGeometry::line,
                         {{"site_rank", FieldType::integer}, {"walkway", FieldType::string},
                          {"from_m", FieldType::real}, {"to_m", FieldType::real}, {"length_m", FieldType::real},
                          {"reports", FieldType::real}, {"weight", FieldType::real}});
        for (std::size_t i = 0; i < pieces.size();) {
            if (rank_of[i] == 0) {
                ++i;
                continue;
            }
            std::size_t j = i + 1;
            double reports = near[i], weight = weights[i];
            while (j < pieces.size() && pieces[j].line == pieces[i].line && rank_of[j] == rank_of[i] &&
                   pieces[j].from_m == pieces[j - 1].to_m) {
                reports += near[j];
                weight += weights[j];
                ++j;
            }
            const WalkwayLine& wl = lines[pieces[i].line];
            model::Geometry g = model::MultiLineString{coverage::cut(*wl.line, pieces[i].from_m, pieces[j - 1].to_m)};
            if (to_output && !io::transform_geometry(*to_output, g))
                throw DataError("a covered piece cannot be transformed to the output CRS");
            // `reports` sums the pieces' nearby reports, so a report near two pieces counts twice;
            // it is a weight, not a head count.
            writer.write(g, {Value{static_cast<std::int64_t>(rank_of[i])}, Value{walkways.features[wl.feature].id},
                             Value{rounded(pieces[i].from_m, 3)}, Value{rounded(pieces[j - 1].to_m, 3)},
                             Value{rounded(pieces[j - 1].to_m - pieces[i].from_m, 3)}, Value{rounded(reports, 3)},
                             Value{rounded(weight, 3)}});
            i = j;
        }
    }

    static Value share(double part, double whole) { return whole > 0.0 ? Value{rounded(part / whole, 4)} : Value{}; }

    void print_json(const coverage::PlacementResult& result, bool classic, double walkway_m, double lit_m,
                    double covered_m, const io::CoordinateTransform* to_output) const {
        nlohmann::ordered_json j;
        j["mode"] = classic ? "classic" : "lights";
        j["sites"] = nlohmann::ordered_json::array();
        for (std::size_t r = 0; r < result.sites.size(); ++r) {
            const auto& site = result.sites[r];
            const Candidate& c = candidate_sites_[site.candidate];
            const model::Point at = to_output ? to_output->transform(c.position) : c.position;
            nlohmann::ordered_json s;
            s["rank"] = r + 1;
            s["id"] = c.id;
            s["x"] = rounded(at.x, 2);
            s["y"] = rounded(at.y, 2);
            s["gain"] = rounded(site.gain, 3);
            s["cumulative"] = rounded(site.cumulative, 3);
            s["cost"] = site.cost;
            j["sites"].push_back(s);
        }
        j["covered_demand"] = rounded(result.covered, 3);
        j["total_demand"] = rounded(result.total_demand, 3);
        j["covered_share"] = result.total_demand > 0.0 ? rounded(result.covered / result.total_demand, 4) : 0.0;
        j["candidates"] = candidate_sites_.size();
        j["total_cost"] = result.total_cost;
        j["greedy_covered_demand"] = rounded(result.greedy_covered, 3);
        j["swaps"] = result.swaps;
        j["rule"] = result.rule == coverage::GreedyRule::gain ? "gain" : "gain_per_cost";
        if (!budget_) j["optimum_bound"] = rounded(result.optimum_bound, 3);
        if (!classic) {
            j["walkway_length_m"] = rounded(walkway_m, 1);
            j["lit_length_m"] = rounded(lit_m, 1);
            j["newly_lit_m"] = rounded(covered_m, 1);
        }
        std::cout << j.dump(2) << "\n";
    }

    OutputOptions output_;
    std::size_t count_ = 0;
    std::optional<double> budget_;
    std::string cost_field_;
    std::optional<double> radius_;
    std::string walkways_, lights_, reports_, demand_, candidates_;
    double spacing_ = 25.0;
    double sample_ = 5.0;
    double report_distance_ = 25.0;
    coverage::LightOptions light_;
    std::optional<double> radius_per_height_;
    std::size_t starts_ = 10;
    bool no_swap_ = false;
    bool json_ = false;
    InputOptions input_;
    std::vector<Candidate> candidate_sites_;
};

}  // namespace

std::unique_ptr<Command> make_place_command() { return std::make_unique<PlaceCommand>(); }

}  // namespace trygg::cli
