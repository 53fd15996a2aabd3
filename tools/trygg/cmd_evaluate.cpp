// trygg evaluate: how well hotspot areas predicted later reports (hit rate, PAI), and the
// nearest neighbour index of a point set (docs/cli/evaluate.md, docs/methods.md).

#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "command.hpp"
#include "number_format.hpp"
#include "filter_options.hpp"
#include "input_options.hpp"
#include "progress.hpp"
#include "trygg/error.hpp"
#include "trygg/hotspot/evaluation.hpp"
#include "trygg/io/category_vocabulary.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/io/time_parser.hpp"
#include "trygg/io/working_crs.hpp"
#include "trygg/model/feature_filter.hpp"

namespace trygg::cli {

namespace {

std::vector<model::MultiPolygon> polygons_of(const model::Layer& layer) {
    std::vector<model::MultiPolygon> out;
    for (const auto& f : layer.features)
        if (const auto* mp = std::get_if<model::MultiPolygon>(&f.geometry)) out.push_back(*mp);
    return out;
}

std::vector<model::Point> points_of(const model::Layer& layer) {
    std::vector<model::Point> out;
    for (const auto& f : layer.features)
        if (const auto* p = std::get_if<model::Point>(&f.geometry)) out.push_back(*p);
    return out;
}

// Area of the union of the polygons: prediction_accuracy's `a` (overlaps merged once) with a
// study area of 1 m², so the library's tested union is the only one.
double union_area(const std::vector<model::MultiPolygon>& polygons) {
    const model::Point anywhere{0.0, 0.0};
    return hotspot::prediction_accuracy({&anywhere, 1}, polygons, 1.0).area_share;
}


nlohmann::ordered_json number(double v, int decimals) {
    if (!std::isfinite(v)) return nullptr;
    return rounded(v, decimals);
}


class EvaluateCommand final : public Command {
public:
    std::string_view name() const override { return "evaluate"; }
    std::string_view summary() const override {
        return "Hit rate and PAI of hotspot areas on later reports; nearest neighbour index (--nni)";
    }
    std::string examples() const override {
        return "  trygg evaluate --areas hotspots_2024.gpkg --reports data/town/reports.geojson --from 2025-01-01 "
               "--study-area data/town/districts.geojson\n"
               "  trygg evaluate --areas clusters.gpkg --areas-layer clusters --reports later.csv "
               "--study-area-m2 4000000 --json\n"
               "  trygg evaluate --nni --reports data/town/reports.geojson --category graffiti\n"
               "  trygg evaluate --nni --reports data/town/reports.geojson --study-area data/town/districts.geojson "
               "--json\n";
    }
    void setup(CLI::App& app) override {
        app.add_option("--reports", reports_path_, "The reports to evaluate against (points)")->required();
        app.add_option("--areas", areas_path_,
                       "Hotspot areas (polygons), e.g. from 'trygg heatmap --contour' or 'trygg hotspots'");
        app.add_option("--areas-layer", areas_layer_,
                       "Layer of the --areas file (default: the first layer holding polygons)");
        app.add_flag("--nni", nni_, "Nearest neighbour index (Clark & Evans) of the reports instead of PAI");
        app.add_option("--study-area", study_area_path_,
                       "Polygons whose union is the study area A; reports outside it are left out");
        app.add_option("--study-area-m2", study_area_m2_,
                       "The study area A in square metres (default with --nni: the bounding box of the reports)");
        filter_options_.add_to(app, false);
        app.add_flag("--json", json_, "Print one JSON object instead of text");
        input_.add_to(app);
    }

    int run() override {
        if (nni_ && !areas_path_.empty()) throw UsageError("--nni and --areas are two different evaluations; give one");
        if (!nni_ && areas_path_.empty()) throw UsageError("give --areas HOTSPOTS (hit rate and PAI) or --nni");
        if (!areas_layer_.empty() && areas_path_.empty()) throw UsageError("--areas-layer goes with --areas");
        if (!study_area_path_.empty() && study_area_m2_) throw UsageError("give --study-area or --study-area-m2, not both");
        if (!nni_ && study_area_path_.empty() && !study_area_m2_)
            throw UsageError("PAI needs the study area: --study-area FILE or --study-area-m2 AREA");
        if (study_area_m2_ && !(std::isfinite(*study_area_m2_) && *study_area_m2_ > 0.0))
            throw UsageError("--study-area-m2 must be a positive number");

        model::FeatureFilter filter = filter_options_.filter();

        // Read everything, then one working CRS for all.
        std::vector<model::Layer> layers;
        {
            Progress progress("reading " + reports_path_, input_.quiet || json_);
            layers.push_back(io::read_layer_as(reports_path_, model::Kind::reports, input_.read_options(),
                                               [&](std::int64_t n) { progress.count(n); }));
        }
        io::ReadOptions plain;
        plain.src_crs = input_.src_crs;
        std::optional<std::size_t> areas_at, study_at;
        if (!areas_path_.empty()) {
            areas_at = layers.size();
            layers.push_back(read_hotspot_areas(plain));
        }
        if (!study_area_path_.empty()) {
            study_at = layers.size();
            layers.push_back(io::read_layer_as(study_area_path_, model::Kind::areas, plain));
        }
        std::vector<model::Layer*> all;
        std::vector<std::string> inputs;
        for (auto& l : layers) {
            all.push_back(&l);
            inputs.push_back(l.source);
        }
        io::prepare_layers(all, input_.crs);
        handle_rejects({all.begin(), all.end()}, input_, inputs);
        model::Layer& reports = layers.front();

        double study_area = 0.0;
        std::string study_from;
        if (study_at) {
            filter.within = polygons_of(layers[*study_at]);
            if (filter.within.empty())
                throw DataError("no polygons for the study area", {study_area_path_, layers[*study_at].name, {}, {}});
            study_area = union_area(filter.within);
            if (!(study_area > 0.0))
                throw DataError("the study area has no area", {study_area_path_, layers[*study_at].name, {}, {}});
            study_from = "file";
        } else if (study_area_m2_) {
            study_area = *study_area_m2_;
            study_from = "number";
        }
        if (!filter.categories.empty() || filter.from || filter.to || !filter.within.empty()) {
            const auto report = model::filter_features(reports, filter);
            if (!input_.quiet) std::cerr << "trygg evaluate: " << report.describe("reports") << "\n";
        }
        const auto points = points_of(reports);

        nlohmann::ordered_json j;
        if (nni_) {
            if (study_from.empty()) {
                if (points.size() < 2) throw DataError("fewer than 2 reports", {reports.source, reports.name, {}, {}});
                const model::Box box = model::extent(reports);
                study_area = (box.max_x - box.min_x) * (box.max_y - box.min_y);
                if (!(study_area > 0.0))
                    throw DataError("the reports' bounding box has no area; give --study-area or --study-area-m2",
                                    {reports.source, reports.name, {}, {}});
                study_from = "bounding_box";
            }
            const auto r = hotspot::nearest_neighbour_index(points, study_area);
            j["mode"] = "nni";
            j["points"] = r.n;
            j["study_area_m2"] = number(r.area, 2);
            j["study_area_from"] = study_from;
            j["observed_mean_m"] = number(r.observed_mean, 4);
            j["expected_mean_m"] = number(r.expected_mean, 4);
            j["nni"] = number(r.nni, 6);
            j["z"] = number(r.z, 4);
            j["p"] = number(r.p, 6);
            if (!json_) {
                std::cout << "points         " << r.n << "\n"
                          << "study area     " << fixed(r.area, 0) << " m² ("
                          << (study_from == "bounding_box" ? "bounding box of the reports"
                              : study_from == "file"       ? "union of " + study_area_path_
                                                           : "--study-area-m2")
                          << ")\n"
                          << "observed mean  " << fixed(r.observed_mean, 2) << " m to the nearest neighbour\n"
                          << "expected mean  " << fixed(r.expected_mean, 2) << " m under complete spatial randomness\n"
                          << "NNI            " << fixed(r.nni, 3)
                          << (r.nni < 1.0 ? " (clustered)" : r.nni > 1.0 ? " (dispersed)" : "") << ", z "
                          << fixed(r.z, 2) << ", p " << fixed(r.p, 4) << "\n";
            }
        } else {
            const auto& areas_layer = layers[*areas_at];
            const auto hotspots = polygons_of(areas_layer);
            const auto r = hotspot::prediction_accuracy(points, hotspots, study_area);
            const double hotspot_area = r.area_share * study_area;
            j["mode"] = "pai";
            j["hotspot_areas"] = hotspots.size();
            j["areas_layer"] = areas_layer.name;
            j["hits"] = r.hits;
            j["total"] = r.total;
            j["hit_rate"] = number(r.hit_rate, 6);
            j["hotspot_area_m2"] = number(hotspot_area, 2);
            j["study_area_m2"] = number(study_area, 2);
            j["study_area_from"] = study_from;
            j["area_share"] = number(r.area_share, 6);
            j["pai"] = number(r.pai, 4);
            if (!json_) {
                std::cout << "hotspot areas  " << hotspots.size() << " (layer '" << areas_layer.name << "'), "
                          << fixed(hotspot_area, 0) << " m²\n"
                          << "study area     " << fixed(study_area, 0) << " m²\n"
                          << "hits           " << r.hits << " of " << r.total << " reports (hit rate "
                          << fixed(100.0 * r.hit_rate, 1) << " %)\n"
                          << "area share     " << fixed(100.0 * r.area_share, 2) << " %\n"
                          << "PAI            " << fixed(r.pai, 2) << "\n";
            }
        }
        if (json_) std::cout << j.dump(2) << "\n";
        return exit_ok;
    }

private:
    // The --areas-layer, else the first layer of the file that holds polygons.
    model::Layer read_hotspot_areas(const io::ReadOptions& plain) const {
        io::ReadOptions read = plain;
        if (!areas_layer_.empty()) {
            read.layer = areas_layer_;
            return io::read_layer_as(areas_path_, model::Kind::areas, read);
        }
        for (const auto& choice : io::choose_layers(areas_path_, read, true)) {
            read.layer = choice.layer;
            model::Layer layer = io::read_layer_as(areas_path_, model::Kind::areas, read);
            if (!layer.features.empty()) return layer;
        }
        throw DataError("no layer with polygons (--areas-layer to choose one)", {areas_path_, {}, {}, {}});
    }

    std::string reports_path_, areas_path_, areas_layer_, study_area_path_;
    std::optional<double> study_area_m2_;
    FilterOptions filter_options_;
    bool nni_ = false, json_ = false;
    InputOptions input_;
};

}  // namespace

std::unique_ptr<Command> make_evaluate_command() { return std::make_unique<EvaluateCommand>(); }

}  // namespace trygg::cli
