#pragma once
// --category, --from, --to and --within: which reports an analysis uses. One place, so every
// command that reads reports filters them the same way, with the same help and messages.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "trygg/model/feature_filter.hpp"
#include "trygg/model/layer.hpp"
#include "trygg/model/time.hpp"

namespace trygg::cli {

struct FilterOptions {
    std::vector<std::string> categories;  // as given; normalised by filter()
    std::string from, to;
    std::string within;  // polygon file; empty = everywhere

    // Adds the options; `with_within` is false where another option plays that role (evaluate's
    // --study-area).
    void add_to(CLI::App& app, bool with_within = true);
    // Categories normalised (synonyms such as 'klotter' work), --from/--to parsed and checked.
    // The --within polygons are added after reading, by add_within. Throws UsageError.
    model::FeatureFilter filter() const;
    // Appends the polygons of the --within layer to `filter`; a layer without any is a DataError.
    void add_within(model::FeatureFilter& filter, const model::Layer& areas) const;
    // Whether any filter option was given.
    bool any() const { return !categories.empty() || !from.empty() || !to.empty() || !within.empty(); }
};

// An option's ISO 8601 date or time; UsageError naming the option otherwise.
model::TimePoint parse_time_option(const std::string& option, const std::string& text);

}  // namespace trygg::cli
