#pragma once
// --rejects FILE: every rejected feature of every input, with why, so a user can fix the source.

#include <string>
#include <vector>

#include "trygg/io/atomic_output.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::io {

// One layer "rejects" with fields source, layer, fid, id, reason, detail and attributes (the
// original attribute values as a JSON object, since inputs have different schemas), and the
// geometry that could be read, if any, in the working CRS.
void write_rejects(const std::string& path, const std::vector<const model::Layer*>& layers,
                   const WriteOptions& options);

}  // namespace trygg::io
