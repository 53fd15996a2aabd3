#include "filter_options.hpp"

#include <variant>

#include "trygg/error.hpp"
#include "trygg/io/category_vocabulary.hpp"
#include "trygg/io/time_parser.hpp"

namespace trygg::cli {

void FilterOptions::add_to(CLI::App& app, bool with_within) {
    app.add_option("--category", categories,
                   "Only reports of these categories (repeatable or comma-separated; synonyms such as "
                   "'klotter' work; default: all)")
        ->delimiter(',');
    app.add_option("--from", from, "Only reports at or after this time, e.g. 2025-01-01 (default: no limit)");
    app.add_option("--to", to, "Only reports before this time (exclusive; default: no limit)");
    if (with_within)
        app.add_option("--within", within, "Only reports inside the polygons of this file (default: everywhere)");
}

model::FeatureFilter FilterOptions::filter() const {
    model::FeatureFilter f;
    for (const auto& c : categories) {
        const std::string normal = io::normalise_category(c);
        if (normal.empty()) throw UsageError("--category: empty category");
        f.categories.push_back(normal);
    }
    if (!from.empty()) f.from = parse_time_option("--from", from);
    if (!to.empty()) f.to = parse_time_option("--to", to);
    if (f.from && f.to && *f.to <= *f.from) throw UsageError("--to must be after --from");
    return f;
}

void FilterOptions::add_within(model::FeatureFilter& f, const model::Layer& areas) const {
    const auto before = f.within.size();
    for (const auto& area : areas.features)
        if (const auto* mp = std::get_if<model::MultiPolygon>(&area.geometry)) f.within.push_back(*mp);
    if (f.within.size() == before) throw DataError("--within: no polygons to filter by", {within, areas.name, {}, {}});
}

model::TimePoint parse_time_option(const std::string& option, const std::string& text) {
    // ISO only: an option is typed by hand, and 03/04/2025 must never be guessed as a day or a month.
    io::TimeFormat iso;
    iso.iso_only = true;
    const io::TimeParseResult r = io::parse_time(text, iso);
    if (!r.ok())
        throw UsageError(option + ": '" + text + "' is not an ISO date or time (e.g. 2025-01-01 or 2025-01-01T18:00)" +
                         (r.reason.empty() ? std::string() : ": " + r.reason));
    return *r.time;
}

}  // namespace trygg::cli
