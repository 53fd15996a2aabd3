#pragma once
// -o/--output and --out-crs, for commands that write files. (--overwrite is with the input
// options, since --rejects is an output too.)

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "trygg/io/crs.hpp"
#include "trygg/io/vector_writer.hpp"

namespace trygg::cli {

struct InputOptions;

struct OutputOptions {
    std::string output;
    std::string out_crs;

    // `what` describes the output in --help, e.g. "GeoPackage (or .geojson/.fgb/.csv) to write".
    void add_to(CLI::App& app, const std::string& what);
    // Write options: overwrite rules, the inputs never to overwrite, the CRS to record.
    io::WriteOptions write_options(const InputOptions& input, const std::vector<std::string>& inputs,
                                   const std::string& working_crs) const;
    // Fails fast, before anything is read or written (not even the --rejects file), when -o or
    // one of `also` exists without --overwrite, is an input, or is the --rejects file.
    void check_before_reading(const InputOptions& input, const std::vector<std::string>& inputs,
                              const std::vector<std::string>& also = {}) const;
    // The transform from the working CRS to --out-crs, or null when they are the same.
    std::unique_ptr<io::CoordinateTransform> to_output(const std::string& working_crs) const;
};

// <dir>/<stem>_<layer><ext>: where a command's second (third...) layer goes when the output format
// holds one layer per file (GeoJSON, FlatGeobuf, CSV).
std::string layer_sibling(const std::string& output, const std::string& layer);

}  // namespace trygg::cli
