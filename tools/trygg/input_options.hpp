#pragma once
// The options every command that reads layers shares: field mapping, time format, CRS,
// rejects and strictness. One place, so every command reads data the same way.

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

#include "trygg/io/read_options.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::cli {

struct InputOptions {
    std::string layer;
    std::map<io::FieldRole, std::string> fields;  // --<role>-field options given
    std::string time_format, src_crs, crs, rejects;
    bool strict = false;
    bool quiet = false;
    bool overwrite = false;

    // Adds the options to `app` (kind is per command, so not here).
    void add_to(CLI::App& app);
    // Validated read options; throws UsageError for a bad --time-format.
    io::ReadOptions read_options() const;
};

// Reads one layer per source path as the given kind (the sources at the same time, a thread
// each), with a progress line, then puts all of them in one working CRS. Rejections: counted on stderr, written with --rejects, fatal with --strict.
std::vector<model::Layer> load_layers(const std::vector<std::pair<std::string, model::Kind>>& sources,
                                      const InputOptions& options);

// After reading: --strict, the summary line on stderr and the --rejects file.
void handle_rejects(const std::vector<const model::Layer*>& layers, const InputOptions& options,
                    const std::vector<std::string>& inputs);

}  // namespace trygg::cli
