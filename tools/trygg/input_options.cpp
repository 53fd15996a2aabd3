#include "input_options.hpp"

#include <atomic>
#include <exception>
#include <iostream>
#include <optional>
#include <thread>

#include "progress.hpp"
#include "trygg/error.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/io/rejects_writer.hpp"
#include "trygg/io/working_crs.hpp"

namespace trygg::cli {

void InputOptions::add_to(CLI::App& app) {
    app.add_option("--layer", layer, "Layer to read from a multi-layer source (default: the first)");
    // One --<role>-field option per role trygg maps (docs/data-model.md lists the names each
    // role is auto-detected from).
    static const std::map<io::FieldRole, std::string> help{
        {io::FieldRole::id, "the feature id (else the FID)"},
        {io::FieldRole::category, "the report or activity category"},
        {io::FieldRole::time, "the report time"},
        {io::FieldRole::weight, "a numeric weight (else 1)"},
        {io::FieldRole::name, "the name"},
        {io::FieldRole::x, "CSV x or longitude"},
        {io::FieldRole::y, "CSV y or latitude"},
        {io::FieldRole::wkt, "CSV geometry as WKT"},
        {io::FieldRole::height, "light or camera height in metres"},
        {io::FieldRole::status, "light status (broken/out lights do not light)"},
        {io::FieldRole::heading, "camera heading, degrees clockwise from north"},
        {io::FieldRole::fov, "camera field-of-view angle in degrees"},
        {io::FieldRole::range, "camera or light range in metres"},
        {io::FieldRole::lit, "walkway lit flag (yes/no)"},
        {io::FieldRole::highway, "walkway type (OSM highway)"}};
    for (io::FieldRole role : io::all_field_roles()) {
        const std::string name = std::string(io::to_string(role));
        auto it = help.find(role);
        app.add_option_function<std::string>(
            "--" + name + "-field", [this, role](const std::string& value) { fields[role] = value; },
            "Field with " + (it == help.end() ? name : it->second) + " (default: auto-detected)");
    }
    app.add_option("--time-format", time_format,
                   "How times are written: iso, us (MM/DD/YYYY), eu (DD/MM/YYYY) or a pattern like "
                   "'%d.%m.%Y %H:%M' (default: detected per column)");
    app.add_option("--src-crs", src_crs,
                   "CRS of input that has none, e.g. EPSG:3006 (default: EPSG:4326 when the "
                   "coordinates fit lon/lat)");
    app.add_option("--crs", crs,
                   "Metric working CRS (default: EPSG:3006 in Sweden, else the UTM zone of the data)");
    app.add_option("--rejects", rejects, "Write rejected features with a reason field to this file");
    app.add_flag("--strict", strict, "Fail (exit 1) on the first rejected feature");
    app.add_flag("--overwrite", overwrite, "Replace output files that exist");
    app.add_flag("-q,--quiet", quiet, "No progress and no summary lines on stderr");
}

io::ReadOptions InputOptions::read_options() const {
    io::ReadOptions r;
    r.layer = layer;
    r.fields.fields = fields;
    if (fields.contains(io::FieldRole::x) != fields.contains(io::FieldRole::y))
        throw UsageError("--x-field and --y-field go together");
    if (!time_format.empty()) r.time_format = io::parse_time_format_option(time_format);
    r.src_crs = src_crs;
    return r;
}

std::vector<model::Layer> load_layers(const std::vector<std::pair<std::string, model::Kind>>& sources,
                                      const InputOptions& options) {
    const io::ReadOptions read = options.read_options();
    // The sources are read at the same time, a thread each (every read opens its own GDAL dataset
    // and PROJ context: nothing is shared), so reading takes as long as the largest source, not
    // the sum. The calling thread reads the first and draws one progress line for all. Errors
    // are rethrown in the order of the sources: the one a reading in turn would have met first.
    std::vector<std::optional<model::Layer>> read_layers(sources.size());
    std::vector<std::exception_ptr> errors(sources.size());
    std::vector<std::atomic<std::int64_t>> counts(sources.size());
    Progress progress(sources.size() == 1 ? "reading " + sources.front().first
                                          : "reading " + std::to_string(sources.size()) + " inputs",
                      options.quiet);
    const auto read_one = [&](std::size_t i) {
        try {
            read_layers[i] = io::read_layer_as(sources[i].first, sources[i].second, read, [&, i](std::int64_t n) {
                counts[i] = n;
                if (i != 0) return;
                std::int64_t all = 0;
                for (const auto& c : counts) all += c;
                progress.count(all);
            });
        } catch (...) {
            errors[i] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> readers;
        for (std::size_t i = 1; i < sources.size(); ++i) readers.emplace_back(read_one, i);
        if (!sources.empty()) read_one(0);
    }  // joins
    progress.finish();
    for (const auto& error : errors)
        if (error) std::rethrow_exception(error);
    std::vector<model::Layer> layers;
    layers.reserve(sources.size());
    for (auto& layer : read_layers) layers.push_back(std::move(*layer));
    std::vector<model::Layer*> all;
    std::vector<std::string> inputs;
    for (auto& layer : layers) {
        all.push_back(&layer);
        inputs.push_back(layer.source);
    }
    io::prepare_layers(all, options.crs);
    handle_rejects({all.begin(), all.end()}, options, inputs);
    return layers;
}

void handle_rejects(const std::vector<const model::Layer*>& layers, const InputOptions& options,
                    const std::vector<std::string>& inputs) {
    std::size_t total = 0;
    for (const model::Layer* layer : layers) {
        if (layer->rejects.empty()) continue;
        total += layer->rejects.size();
        if (options.strict) {
            const auto& r = layer->rejects.rejections().front();
            throw DataError(std::string(model::to_string(r.reason)) + ": " + r.detail + " (--strict)",
                            {layer->source, layer->name, r.fid, {}});
        }
        if (!options.quiet) {
            std::string counts;
            for (const auto& [reason, n] : layer->rejects.counts())
                counts += (counts.empty() ? "" : ", ") + reason + " " + std::to_string(n);
            std::cerr << "trygg: " << layer->source << ": layer '" << layer->name << "': rejected "
                      << layer->rejects.size() << " of " << layer->feature_count << " features (" << counts
                      << ")" << (options.rejects.empty() ? "; --rejects FILE lists them" : "") << "\n";
        }
    }
    if (!options.rejects.empty()) {
        io::WriteOptions w;
        w.overwrite = options.overwrite;
        w.inputs = inputs;
        w.crs = layers.empty() ? std::string() : layers.front()->working_crs;
        io::write_rejects(options.rejects, layers, w);
        if (!options.quiet)
            std::cerr << "trygg: wrote " << total << " rejected features to " << options.rejects << "\n";
    }
}

}  // namespace trygg::cli
