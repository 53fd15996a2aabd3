#include "output_options.hpp"

#include <filesystem>

#include "input_options.hpp"
#include "trygg/io/atomic_output.hpp"

namespace trygg::cli {

void OutputOptions::add_to(CLI::App& app, const std::string& what) {
    app.add_option("-o,--output", output, what)->required();
    app.add_option("--out-crs", out_crs, "CRS of the output, e.g. EPSG:4326 (default: the working CRS)");
}

io::WriteOptions OutputOptions::write_options(const InputOptions& input, const std::vector<std::string>& inputs,
                                              const std::string& working_crs) const {
    io::WriteOptions w;
    w.overwrite = input.overwrite;
    w.inputs = inputs;
    w.crs = out_crs.empty() ? working_crs : out_crs;
    return w;
}

void OutputOptions::check_before_reading(const InputOptions& input, const std::vector<std::string>& inputs,
                                         const std::vector<std::string>& also) const {
    io::WriteOptions check = write_options(input, inputs, {});
    if (!input.rejects.empty()) check.inputs.push_back(input.rejects);
    std::vector<std::string> outputs{output};
    outputs.insert(outputs.end(), also.begin(), also.end());
    // AtomicOutput applies the overwrite and never-an-input rules; constructed and dropped here,
    // it writes nothing.
    for (const auto& path : outputs) io::AtomicOutput claim(path, check);
}

std::unique_ptr<io::CoordinateTransform> OutputOptions::to_output(const std::string& working_crs) const {
    if (out_crs.empty()) return nullptr;
    auto transform = std::make_unique<io::CoordinateTransform>(working_crs, out_crs);
    if (transform->is_identity()) return nullptr;
    return transform;
}

std::string layer_sibling(const std::string& output, const std::string& layer) {
    const std::filesystem::path p(output);
    return (p.parent_path() / (p.stem().string() + "_" + layer + p.extension().string())).string();
}

}  // namespace trygg::cli
