#include "output_options.hpp"

#include "input_options.hpp"

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

std::unique_ptr<io::CoordinateTransform> OutputOptions::to_output(const std::string& working_crs) const {
    if (out_crs.empty()) return nullptr;
    auto transform = std::make_unique<io::CoordinateTransform>(working_crs, out_crs);
    if (transform->is_identity()) return nullptr;
    return transform;
}

}  // namespace trygg::cli
