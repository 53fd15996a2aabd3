#pragma once
// The summary of a coverage job as `trygg coverage --json` prints it and trygg.coverage returns
// it (`.summary`): one definition of the keys, their order and their rounding, so the CLI and
// the Python module cannot drift apart. Returned as JSON text (an object): the CLI prints it,
// Python parses it with json.loads.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "trygg/coverage/coverage_job.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::coverage {

// `light_model` and `light_figures` (light_figures() of the settings used) go after "walkways";
// `areas` and `clusters` are the layers the job was given (nullptr: not given).
// Keys: walkway_length_m, lit_length_m, seen_length_m, lit_share, seen_share, gaps,
// gap_length_m, walkways, model and its figures, lights {total, used, out, default_radius,
// default_height}, cameras {total, all_around, moved_off_wall, indoors} (with cameras),
// top_gaps (the first 10: rank, length_m, reports, score, walkway_ids), areas
// [{id, name, walkway_length_m, lit_share, seen_share}], clusters [{id, area_m2, lit_share, seen_share}].
std::string coverage_job_summary_json(const CoverageJobResult& result, const std::string& light_model,
                                      const std::vector<std::pair<std::string, std::optional<double>>>& light_figures,
                                      const model::Layer& walkways, const model::Layer* areas,
                                      const model::Layer* clusters);

}  // namespace trygg::coverage
