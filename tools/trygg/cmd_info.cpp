// trygg info: what is in these files, as trygg reads them (docs/cli/info.md).

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "number_format.hpp"
#include "input_options.hpp"
#include "progress.hpp"
#include "trygg/error.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/io/layer_summary.hpp"
#include "trygg/io/working_crs.hpp"

namespace trygg::cli {

namespace {


std::string join_counts(const std::map<std::string, std::size_t>& counts) {
    std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
    // Largest first: what a coordinator wants to see first.
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [name, n] : sorted) out += (out.empty() ? "" : ", ") + name + " " + std::to_string(n);
    return out;
}

nlohmann::ordered_json to_json(const io::LayerSummary& s) {
    nlohmann::ordered_json j;
    j["source"] = s.source;
    j["layer"] = s.layer;
    j["kind"] = s.kind;
    j["kind_guessed"] = s.kind_guessed;
    j["features"] = s.features;
    j["accepted"] = s.accepted;
    j["rejected"] = nlohmann::ordered_json::object();
    for (const auto& [reason, n] : s.rejected) j["rejected"][reason] = n;
    j["source_crs"] = s.source_crs;
    j["working_crs"] = s.working_crs;
    if (s.extent_lonlat) {
        nlohmann::ordered_json e = nlohmann::ordered_json::array();
        for (double v : *s.extent_lonlat) e.push_back(std::round(v * 1e7) / 1e7);
        j["extent_lonlat"] = e;
    } else {
        j["extent_lonlat"] = nullptr;
    }
    if (s.time_span)
        j["time_span"] = {model::format_iso8601(s.time_span->first), model::format_iso8601(s.time_span->second)};
    else
        j["time_span"] = nullptr;
    j["categories"] = nlohmann::ordered_json::object();
    for (const auto& [name, n] : s.categories) j["categories"][name] = n;
    j["fields"] = nlohmann::ordered_json::object();
    for (const auto& [role, field] : s.mapped_fields) j["fields"][role] = field;
    return j;
}

void print_text(std::ostream& out, const io::LayerSummary& s) {
    out << s.source << " (layer '" << s.layer << "')\n";
    out << "  kind          " << s.kind << (s.kind_guessed ? " (guessed; --kind to choose)" : "") << "\n";
    out << "  features      " << s.features << ": " << s.accepted << " accepted";
    std::size_t rejected = 0;
    for (const auto& [reason, n] : s.rejected) rejected += n;
    if (rejected) out << ", " << rejected << " rejected (" << join_counts(s.rejected) << ")";
    out << "\n";
    out << "  source CRS    " << s.source_crs << "\n";
    out << "  working CRS   " << s.working_crs << "\n";
    if (s.extent_lonlat) {
        const auto& e = *s.extent_lonlat;
        out << "  extent        " << fixed(e[0], 5) << ", " << fixed(e[1], 5) << " .. " << fixed(e[2], 5) << ", "
            << fixed(e[3], 5) << " (lon, lat)\n";
    }
    if (s.time_span)
        out << "  time span     " << model::format_iso8601(s.time_span->first) << " .. "
            << model::format_iso8601(s.time_span->second) << "\n";
    if (!s.categories.empty()) out << "  categories    " << join_counts(s.categories) << "\n";
    if (!s.mapped_fields.empty()) {
        out << "  fields        ";
        bool first = true;
        for (const auto& [role, field] : s.mapped_fields) {
            out << (first ? "" : ", ") << role << " = '" << field << "'";
            first = false;
        }
        out << "\n";
    }
}

class InfoCommand final : public Command {
public:
    std::string_view name() const override { return "info"; }
    std::string_view summary() const override {
        return "Describe layers: kind, counts, rejections, CRS, extent, time span, categories";
    }
    std::string examples() const override {
        return "  trygg info data/town/reports.geojson\n"
               "  trygg info data/town/*.geojson --json\n"
               "  trygg info graffiti.csv --time-format us --rejects rejected.gpkg\n"
               "  trygg info helsinki.osm.pbf --kind lights\n"
               "  trygg info reports.csv --src-crs EPSG:3006 --strict\n";
    }
    void setup(CLI::App& app) override {
        app.add_option("files", files_, "Input files or PG:... connection strings")->required();
        app.add_option("--kind", kind_, "Read every layer as this kind (default: guessed per layer)")
            ->check(CLI::IsMember({"reports", "lights", "cameras", "stops", "activities", "walkways",
                                   "buildings", "areas"}));
        app.add_flag("--json", json_, "Print one JSON object instead of text");
        input_.add_to(app);
    }
    int run() override {
        io::ReadOptions read = input_.read_options();
        if (!kind_.empty()) read.kind = model::parse_kind(kind_);
        // Each file gets the working CRS its own data calls for: info describes files that may
        // lie far apart (an analysis command puts all its inputs in one CRS instead).
        std::vector<model::Layer> layers;
        for (const auto& file : files_) {
            const std::size_t first = layers.size();
            for (const auto& choice : io::choose_layers(file, read, true)) {
                Progress progress("reading " + file, input_.quiet || json_);
                layers.push_back(io::read_layer(file, choice, read, [&](std::int64_t n) { progress.count(n); }));
            }
            std::vector<model::Layer*> of_file;
            for (std::size_t i = first; i < layers.size(); ++i) of_file.push_back(&layers[i]);
            io::prepare_layers(of_file, input_.crs);
        }
        std::vector<model::Layer*> all;
        for (auto& layer : layers) all.push_back(&layer);
        InputOptions quiet_rejects = input_;
        quiet_rejects.quiet = true;  // info shows the rejections in its own output
        handle_rejects({all.begin(), all.end()}, quiet_rejects, files_);

        if (json_) {
            nlohmann::ordered_json out;
            out["layers"] = nlohmann::ordered_json::array();
            for (const auto& layer : layers) out["layers"].push_back(to_json(io::summarise(layer)));
            std::cout << out.dump(2) << "\n";
        } else {
            bool first = true;
            for (const auto& layer : layers) {
                if (!first) std::cout << "\n";
                print_text(std::cout, io::summarise(layer));
                first = false;
            }
        }
        return exit_ok;
    }

private:
    std::vector<std::string> files_;
    std::string kind_;
    bool json_ = false;
    InputOptions input_;
};

}  // namespace

std::unique_ptr<Command> make_info_command() { return std::make_unique<InfoCommand>(); }

}  // namespace trygg::cli
