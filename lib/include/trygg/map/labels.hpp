#pragma once
// Every word a map shows (titles, layer names, legend, popups, notes) in English and Swedish.
// Swedish first: safety councils publish in Swedish; English for everyone else.

#include <span>
#include <string>
#include <string_view>

namespace trygg::map {

enum class Language { en, sv };

// "en" or "sv" (a region suffix such as "sv-SE" is accepted). UsageError otherwise.
Language parse_language(std::string_view text);
std::string_view language_code(Language lang);  // "en", "sv"

// One entry per text a map can show. Keep in step with the table in labels.cpp (a unit test
// checks every label has both languages).
enum class Label {
    // titles
    title_hotspots, title_coverage, title_stops, title_route,
    // background
    walkways, buildings, districts, background,
    // hotspots
    heatmap, density_low, density_high, clusters, cluster, reports, report_points, count_cells, category,
    period, area_ha,
    // coverage
    lit_walkway, unlit_walkway, seen_walkway, lit_area, seen_area, cameras, camera, camera_view, lights,
    gaps, gap, proposed_sites, proposed_site, gain_m, heading, range_m, length_m, rank, lit_share, seen_share,
    status, status_working, status_broken, height_m, fov_deg, gaps_top,
    // stops
    stops, stop, walking_area, activities, activity, walk_minutes, walk_distance_m, activities_within,
    stops_off_network, walking_network, not_on_network, off_network_note,
    // route
    route_shortest, route_safe, detour_pct, exposure, duration_min,
    // furniture
    legend, date, scale, north, source, published_note, left_out_clusters, left_out_cells, left_out_points,
    left_out_fields, left_out_density, no_features,
    count_  // number of labels; not a label
};

struct LabelText {
    Label label;
    std::string_view en;
    std::string_view sv;
};

// The whole table, in enum order (for tests and documentation).
std::span<const LabelText> label_table();

std::string_view text(Label label, Language lang);

// The label of a report category: the canonical ones (graffiti, lighting, unsafe, vandalism)
// translated, anything else as the data wrote it.
std::string category_text(std::string_view category, Language lang);

// The status of a street light: "ok"/"working"/"fungerar" and "broken"/"out"/"trasig"/"släckt"
// (any case) in `lang`; anything else as the data wrote it.
std::string light_status_text(std::string_view status, Language lang);
bool is_broken_light_status(std::string_view status);

}  // namespace trygg::map
