// trygg coverage: which walkways street lights light and cameras see, the dark gaps ranked by
// the reports near them, and the lit and seen share of districts and hotspot clusters
// (docs/cli/coverage.md).

#include <cmath>
#include <filesystem>
#include <iostream>
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
#include "trygg/coverage/coverage_job.hpp"
#include "trygg/coverage/coverage_job_summary.hpp"
#include "trygg/coverage/layer_inputs.hpp"
#include "trygg/coverage/coverage_summary.hpp"
#include "trygg/coverage/dark_gaps.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/coverage/walkway_pieces.hpp"
#include "trygg/error.hpp"
#include "trygg/io/layer_writer.hpp"
#include "trygg/io/raster_writer.hpp"
#include "trygg/io/working_crs.hpp"

namespace trygg::cli {

namespace {

using model::FieldDef;
using model::FieldType;
using model::Value;



Value real(double v) { return Value{rounded(v, 3)}; }
Value share(double part, double whole) { return whole > 0.0 ? Value{rounded(part / whole, 4)} : Value{}; }

class CoverageCommand final : public Command {
public:
    std::string_view name() const override { return "coverage"; }
    std::string_view summary() const override {
        return "Lit and camera-seen walkways, dark gaps ranked by reports, coverage per district and cluster";
    }
    std::string examples() const override {
        return "  trygg coverage --walkways data/town/walkways.geojson --lights data/town/lights.geojson -o coverage.gpkg\n"
               "  trygg coverage --walkways walkways.geojson --lights lights.geojson --reports reports.geojson "
               "--areas districts.geojson -o coverage.gpkg --json\n"
               "  trygg coverage --walkways walkways.geojson --lights lights.geojson --radius-from-height 2.5 -o c.gpkg\n"
               "  trygg coverage --walkways walkways.geojson --lights lights.geojson --model lux --class P4 "
               "--lux-raster lux.tif -o c.gpkg\n"
               "  trygg coverage --walkways walkways.geojson --lights lights.geojson --clusters hotspots.gpkg "
               "--reports reports.geojson --min-gap 40 -o c.gpkg\n";
    }
    void setup(CLI::App& app) override {
        app.add_option("--walkways", walkways_, "Walkways (lines; any OGR source, OSM extracts too)")->required();
        light_.add_to(app, "Street lights (points; height and status fields used when present)", true);
        app.add_option("--cameras", cameras_,
                       "Cameras (points; heading, fov and range fields used when present): seen walkways");
        app.add_option("--buildings", buildings_, "Buildings (polygons) that hide what is behind them from cameras");
        app.add_option("--camera-fov", camera_fov_, "Field of view of cameras without a fov field, degrees");
        app.add_option("--camera-range", camera_range_, "Range of cameras without a range field, metres");
        app.add_option("--reports", reports_, "Reports that rank the dark gaps (points; weight field used)");
        app.add_option("--areas", areas_, "Districts (polygons): walkway length, lit and seen share per district");
        app.add_option("--clusters", clusters_,
                       "Hotspot clusters (polygons, e.g. the 'clusters' layer of trygg hotspots; use --layer only "
                       "for single-layer sources): lit and seen share of each cluster's area");
        output_.add_to(app, "GeoPackage with the layers walkways, walkway_pieces, lit_area, gaps (and area_summary, "
                            "cluster_coverage); other formats: walkway_pieces, the rest in <stem>_<layer><ext>");
        app.add_option("--lux-cell", light_.options.area_cell_m, "Lux model: cell size of the lit area polygons, metres");
        app.add_option("--lux-raster", lux_raster_, "Also write the illuminance (lux) as a GeoTIFF");
        app.add_option("--raster-cell", raster_cell_, "Cell size of --lux-raster, metres");
        app.add_option("--min-gap", gaps_.min_length_m, "Shortest unlit stretch reported as a dark gap, metres");
        app.add_option("--gap-distance", gaps_.report_distance_m,
                       "Reports within this distance of a gap count for its score, metres");
        app.add_option("--threads", threads_, "Worker threads for the lit area (default: the number of cores; output "
                                              "does not depend on it)");
        app.add_flag("--json", json_, "Print a JSON summary on stdout");
        input_.add_to(app);
    }

    int run() override {
        validate();
        const bool one_file = io::vector_format_for(output_.output) == io::VectorFormat::gpkg;
        const std::vector<std::string> layer_names = output_layers();
        std::vector<std::string> inputs{walkways_, light_.lights};
        for (const auto* s : {&cameras_, &buildings_, &reports_, &areas_, &clusters_})
            if (!s->empty()) inputs.push_back(*s);
        std::vector<std::string> also;
        if (!one_file)
            for (std::size_t i = 1; i < layer_names.size(); ++i) also.push_back(layer_sibling(output_.output, layer_names[i]));
        if (!lux_raster_.empty()) also.push_back(lux_raster_);
        output_.check_before_reading(input_, inputs, also);

        std::vector<std::pair<std::string, model::Kind>> sources{{walkways_, model::Kind::walkways},
                                                                 {light_.lights, model::Kind::lights}};
        if (!cameras_.empty()) sources.emplace_back(cameras_, model::Kind::cameras);
        if (!buildings_.empty()) sources.emplace_back(buildings_, model::Kind::buildings);
        if (!reports_.empty()) sources.emplace_back(reports_, model::Kind::reports);
        if (!areas_.empty()) sources.emplace_back(areas_, model::Kind::areas);
        if (!clusters_.empty()) sources.emplace_back(clusters_, model::Kind::areas);
        std::vector<model::Layer> layers = load_layers(sources, input_);
        std::size_t next = 2;
        const model::Layer& walkways = layers[0];
        const model::Layer& lights = layers[1];
        const model::Layer* cameras = cameras_.empty() ? nullptr : &layers[next++];
        const model::Layer* buildings = buildings_.empty() ? nullptr : &layers[next++];
        const model::Layer* reports = reports_.empty() ? nullptr : &layers[next++];
        const model::Layer* areas = areas_.empty() ? nullptr : &layers[next++];
        const model::Layer* clusters = clusters_.empty() ? nullptr : &layers[next++];
        const std::string working_crs = walkways.working_crs;

        std::vector<std::string> all_inputs = inputs;
        if (!input_.rejects.empty()) all_inputs.push_back(input_.rejects);
        const io::WriteOptions write = output_.write_options(input_, all_inputs, working_crs);
        std::vector<std::unique_ptr<io::VectorWriter>> writers;
        writers.push_back(std::make_unique<io::VectorWriter>(output_.output, write));
        if (!one_file)
            for (std::size_t i = 1; i < layer_names.size(); ++i)
                writers.push_back(std::make_unique<io::VectorWriter>(layer_sibling(output_.output, layer_names[i]), write));
        const auto writer_for = [&](std::size_t layer) -> io::VectorWriter& {
            return one_file ? *writers[0] : *writers[layer];
        };
        const auto to_output = output_.to_output(working_crs);
        const auto out_geometry = [&](model::Geometry g) {
            if (to_output && !io::transform_geometry(*to_output, g))
                throw DataError("a result cannot be transformed to " + output_.out_crs);
            return g;
        };

        // The walkway layers, written while the job makes the lit area on other threads.
        const auto write_walkway_layers = [&](const coverage::CoverageJobResult& ready) {
            // walkways: the input walkways with their lengths.
            {
                std::vector<io::ExtraColumn> extra{{{"length_m", FieldType::real}, {}}, {{"lit_m", FieldType::real}, {}},
                                                   {{"lit_share", FieldType::real}, {}}, {{"seen_m", FieldType::real}, {}},
                                                   {{"seen_share", FieldType::real}, {}}};
                for (const auto& l : ready.per_walkway) {
                    extra[0].values.push_back(real(l.length_m));
                    extra[1].values.push_back(real(l.lit_m));
                    extra[2].values.push_back(share(l.lit_m, l.length_m));
                    extra[3].values.push_back(real(l.seen_m));
                    extra[4].values.push_back(share(l.seen_m, l.length_m));
                }
                io::write_features(writer_for(index_of("walkways")), "walkways", walkways, extra, to_output.get());
            }
            // walkway_pieces.
            {
                auto& out = writer_for(index_of("walkway_pieces"));
                out.add_layer("walkway_pieces", io::LayerGeometry::line,
                              {{"walkway_id", FieldType::string}, {"name", FieldType::string}, {"part", FieldType::integer},
                               {"from_m", FieldType::real}, {"to_m", FieldType::real}, {"length_m", FieldType::real},
                               {"lit", FieldType::integer}, {"seen", FieldType::integer}});
                for (const auto& p : ready.pieces) {
                    const auto& f = walkways.features[p.walkway];
                    out.write(out_geometry(model::MultiLineString{p.line}),
                              {Value{f.id}, f.name.empty() ? Value{} : Value{f.name},
                               Value{static_cast<std::int64_t>(p.part)}, real(p.from_m), real(p.to_m),
                               real(p.length_m()), Value{std::int64_t{p.lit}}, Value{std::int64_t{p.seen}}});
                }
            }
        };

        // The computation (coverage/coverage_job.hpp), the same the Python module runs.
        Progress progress("coverage", input_.quiet);
        coverage::CoverageJobOptions job_options;
        job_options.light = light_.options;
        job_options.camera_fov_deg = camera_fov_;
        job_options.camera_range_m = camera_range_;
        job_options.gaps = gaps_;
        job_options.threads = threads_;
        const coverage::CoverageJobResult job =
            coverage::run_coverage({&walkways, &lights, cameras, buildings, reports, areas, clusters}, job_options,
                                   [&](double done) { progress.fraction(done); }, write_walkway_layers);
        progress.finish();
        const coverage::LightCoverage& light_coverage = job.lights;
        const std::optional<coverage::CameraCoverage>& camera_coverage = job.cameras;
        const coverage::CoverageLengths& total = job.total;
        const std::vector<coverage::DarkGap>& gaps = job.gaps;

        // lit_area: one feature per polygon.
        const model::MultiPolygon& lit_area = job.lit_area;
        {
            auto& out = writer_for(index_of("lit_area"));
            out.add_layer("lit_area", io::LayerGeometry::polygon, {{"area_m2", FieldType::real}});
            for (std::size_t i = 0; i < lit_area.size(); ++i)
                out.write(out_geometry(model::MultiPolygon{lit_area[i]}), {real(job.lit_area_m2[i])});
        }
        // seen_area.
        const model::MultiPolygon& seen_area = job.seen_area;
        if (camera_coverage) {
            auto& out = writer_for(index_of("seen_area"));
            out.add_layer("seen_area", io::LayerGeometry::polygon, {{"area_m2", FieldType::real}});
            for (std::size_t i = 0; i < seen_area.size(); ++i)
                out.write(out_geometry(model::MultiPolygon{seen_area[i]}), {real(job.seen_area_m2[i])});
        }
        // gaps.
        {
            auto& out = writer_for(index_of("gaps"));
            out.add_layer("gaps", io::LayerGeometry::line,
                          {{"rank", FieldType::integer}, {"length_m", FieldType::real}, {"reports", FieldType::integer},
                           {"score", FieldType::real}, {"walkway_ids", FieldType::string}, {"names", FieldType::string}});
            for (const auto& g : gaps) {
                std::string ids, names;
                for (const std::size_t w : g.walkways) {
                    const auto& f = walkways.features[w];
                    ids += (ids.empty() ? "" : ",") + f.id;
                    if (!f.name.empty() && names.find(f.name) == std::string::npos)
                        names += (names.empty() ? "" : ", ") + f.name;
                }
                out.write(out_geometry(g.lines),
                          {Value{static_cast<std::int64_t>(g.rank)}, real(g.length_m),
                           Value{static_cast<std::int64_t>(g.reports)}, real(g.score), Value{ids},
                           names.empty() ? Value{} : Value{names}});
            }
        }
        // area_summary.
        const std::vector<coverage::CoverageLengths>& by_area = job.by_area;
        if (areas) {
            const std::vector<model::MultiPolygon> polygons = coverage::area_polygons(*areas, "an area");
            auto& out = writer_for(index_of("area_summary"));
            out.add_layer("area_summary", io::LayerGeometry::polygon,
                          {{"area_id", FieldType::string}, {"name", FieldType::string},
                           {"walkway_length_m", FieldType::real}, {"lit_m", FieldType::real},
                           {"lit_share", FieldType::real}, {"seen_m", FieldType::real}, {"seen_share", FieldType::real}});
            for (std::size_t a = 0; a < polygons.size(); ++a) {
                const auto& f = areas->features[a];
                const auto& l = by_area[a];
                out.write(out_geometry(polygons[a]),
                          {Value{f.id}, f.name.empty() ? Value{} : Value{f.name}, real(l.length_m), real(l.lit_m),
                           share(l.lit_m, l.length_m), real(l.seen_m), share(l.seen_m, l.length_m)});
            }
        }
        // cluster_coverage.
        const std::vector<coverage::AreaShare>& cluster_shares = job.cluster_shares;
        if (clusters) {
            std::vector<io::ExtraColumn> extra{{{"cluster_area_m2", FieldType::real}, {}},
                                               {{"lit_area_share", FieldType::real}, {}},
                                               {{"seen_area_share", FieldType::real}, {}}};
            for (const auto& s : cluster_shares) {
                extra[0].values.push_back(real(s.area_m2));
                extra[1].values.push_back(share(s.lit_m2, s.area_m2));
                extra[2].values.push_back(share(s.seen_m2, s.area_m2));
            }
            io::write_features(writer_for(index_of("cluster_coverage")), "cluster_coverage", *clusters, extra,
                               to_output.get());
        }
        // The lux raster: illuminance at cell centres over the walkways' extent.
        if (!lux_raster_.empty()) write_lux_raster(walkways, light_coverage, working_crs, write);

        for (auto it = writers.rbegin(); it != writers.rend(); ++it) (*it)->commit();

        const auto& counts = light_coverage.counts();
        if (!input_.quiet) {
            std::cerr << "trygg coverage: " << counts.used << " of " << counts.total << " lights light";
            if (counts.out) std::cerr << " (" << counts.out << " broken/out by status)";
            if (counts.default_radius) std::cerr << "; " << counts.default_radius << " without height use --light-radius";
            if (counts.default_height) std::cerr << "; " << counts.default_height << " without height use --default-height";
            if (camera_coverage) {
                const auto& cc = camera_coverage->counts();
                std::cerr << "; " << cc.total << (cc.total == 1 ? " camera" : " cameras");
                if (cc.all_around) std::cerr << " (" << cc.all_around << " without heading: taken as 360 degrees)";
                if (cc.indoors) std::cerr << " (" << cc.indoors << " indoors: see nothing)";
            }
            std::cerr << "; walkways " << rounded(total.length_m / 1000.0, 2) << " km, lit "
                      << rounded(100.0 * total.lit_share(), 1) << "%"
                      << (camera_coverage ? ", seen " + format_percent(total.seen_share()) : std::string()) << "; " << gaps.size()
                      << (gaps.size() == 1 ? " dark gap" : " dark gaps") << "; wrote " << output_.output << "\n";
        }
        if (json_)
            std::cout << nlohmann::ordered_json::parse(coverage::coverage_job_summary_json(
                                                           job, light_.model, light_.figures(), walkways, areas, clusters))
                             .dump(2)
                      << "\n";
        return exit_ok;
    }

private:
    void validate() {
        const auto finite_positive = [](double v) { return std::isfinite(v) && v > 0.0; };
        light_.validate();
        if (!(camera_fov_ > 0.0 && camera_fov_ <= 360.0)) throw UsageError("--camera-fov must lie in (0, 360] degrees");
        if (!finite_positive(camera_range_)) throw UsageError("--camera-range must be > 0 (metres)");
        if (!buildings_.empty() && cameras_.empty()) throw UsageError("--buildings needs --cameras");
        if (!finite_positive(raster_cell_)) throw UsageError("--raster-cell must be > 0 (metres)");
        if (!std::isfinite(gaps_.min_length_m) || gaps_.min_length_m < 0.0) throw UsageError("--min-gap must be >= 0 (metres)");
        if (!std::isfinite(gaps_.report_distance_m) || gaps_.report_distance_m < 0.0)
            throw UsageError("--gap-distance must be >= 0 (metres)");
    }

    std::vector<std::string> output_layers() const {
        std::vector<std::string> names{"walkway_pieces", "walkways", "lit_area", "gaps"};
        if (!cameras_.empty()) names.push_back("seen_area");
        if (!areas_.empty()) names.push_back("area_summary");
        if (!clusters_.empty()) names.push_back("cluster_coverage");
        return names;
    }
    std::size_t index_of(const std::string& layer) const {
        const auto names = output_layers();
        return static_cast<std::size_t>(std::find(names.begin(), names.end(), layer) - names.begin());
    }

    void write_lux_raster(const model::Layer& walkways, const coverage::LightCoverage& lc, const std::string& crs,
                          const io::WriteOptions& write) const {
        const model::Box box = model::extent(walkways);
        io::RasterGrid grid;
        grid.cell = raster_cell_;
        grid.origin_x = std::floor(box.min_x / raster_cell_) * raster_cell_;
        grid.origin_y = std::ceil(box.max_y / raster_cell_) * raster_cell_;
        grid.columns = std::max(1, static_cast<int>(std::ceil((box.max_x - grid.origin_x) / raster_cell_)));
        grid.rows = std::max(1, static_cast<int>(std::ceil((grid.origin_y - box.min_y) / raster_cell_)));
        if (static_cast<double>(grid.columns) * grid.rows > 1e8)
            throw UsageError("--lux-raster: " + std::to_string(grid.columns) + " x " + std::to_string(grid.rows) +
                             " cells is too many; use a larger --raster-cell");
        std::vector<float> values(static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows));
        for (int r = 0; r < grid.rows; ++r)
            for (int c = 0; c < grid.columns; ++c)
                values[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.columns) + static_cast<std::size_t>(c)] =
                    static_cast<float>(lc.illuminance({grid.origin_x + (c + 0.5) * grid.cell, grid.origin_y - (r + 0.5) * grid.cell}));
        io::write_geotiff(lux_raster_, grid, values, -1.0f, crs, write);
    }


    static std::string format_percent(double share) {
        std::ostringstream out;
        out << rounded(100.0 * share, 1) << "%";
        return out.str();
    }

    std::string walkways_, cameras_, buildings_, reports_, areas_, clusters_;
    double camera_fov_ = coverage::kDefaultCameraFovDeg;
    double camera_range_ = coverage::kDefaultCameraRangeM;
    OutputOptions output_;
    LightOptionSet light_;
    std::string lux_raster_;
    double raster_cell_ = 5.0;
    coverage::GapOptions gaps_;
    bool json_ = false;
    unsigned threads_ = 0;
    InputOptions input_;
};

}  // namespace

std::unique_ptr<Command> make_coverage_command() { return std::make_unique<CoverageCommand>(); }

}  // namespace trygg::cli
