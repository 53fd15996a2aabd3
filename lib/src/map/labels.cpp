#include "trygg/map/labels.hpp"

#include <array>

#include "trygg/error.hpp"
#include "trygg/io/category_vocabulary.hpp"

namespace trygg::map {

namespace {

using L = Label;

// In enum order; label_table() checks that at compile time.
constexpr std::array<LabelText, static_cast<std::size_t>(Label::count_)> table{{
    {L::title_hotspots, "Hotspots of reports", "Brännpunkter för anmälningar"},
    {L::title_coverage, "Lighting and camera coverage", "Belysning och kamerabevakning"},
    {L::title_stops, "What is near the bus stop", "Vad finns nära hållplatsen"},
    {L::title_route, "Shortest and safe route", "Kortaste och trygga vägen"},
    {L::walkways, "Walkways", "Gångvägar"},
    {L::buildings, "Buildings", "Byggnader"},
    {L::districts, "Districts", "Områden"},
    {L::background, "Background", "Bakgrund"},
    {L::heatmap, "Density of reports", "Täthet av anmälningar"},
    {L::density_low, "low", "låg"},
    {L::density_high, "high", "hög"},
    {L::clusters, "Clusters", "Kluster"},
    {L::cluster, "Cluster", "Kluster"},
    {L::reports, "Reports", "Anmälningar"},
    {L::report_points, "Individual reports", "Enskilda anmälningar"},
    {L::count_cells, "Reports per square", "Anmälningar per ruta"},
    {L::category, "Category", "Kategori"},
    {L::period, "Period", "Period"},
    {L::area_ha, "Area (ha)", "Yta (ha)"},
    {L::lit_walkway, "Lit walkway", "Belyst gångväg"},
    {L::unlit_walkway, "Unlit walkway", "Obelyst gångväg"},
    {L::seen_walkway, "Walkway seen by a camera", "Gångväg som ses av kamera"},
    {L::lit_area, "Lit area", "Belyst yta"},
    {L::seen_area, "Area seen by cameras", "Yta som ses av kameror"},
    {L::cameras, "Cameras", "Kameror"},
    {L::camera, "Camera", "Kamera"},
    {L::camera_view, "Camera field of view", "Kamerans synfält"},
    {L::lights, "Street lights", "Gatubelysning"},
    {L::gaps, "Dark gaps", "Mörka luckor"},
    {L::gap, "Dark gap", "Mörk lucka"},
    {L::proposed_sites, "Proposed sites", "Föreslagna platser"},
    {L::proposed_site, "Proposed site", "Föreslagen plats"},
    {L::gain_m, "Gain (m)", "Vinst (m)"},
    {L::heading, "Heading (°)", "Riktning (°)"},
    {L::range_m, "Range (m)", "Räckvidd (m)"},
    {L::length_m, "Length (m)", "Längd (m)"},
    {L::rank, "Rank", "Rang"},
    {L::lit_share, "Lit", "Belyst"},
    {L::seen_share, "Seen by cameras", "Sedd av kameror"},
    {L::status, "Status", "Status"},
    {L::status_working, "working", "fungerar"},
    {L::status_broken, "broken", "trasig"},
    {L::height_m, "Height (m)", "Höjd (m)"},
    {L::fov_deg, "Field of view (°)", "Synvinkel (°)"},
    {L::gaps_top, "Dark gaps (top %1)", "Mörka luckor (de %1 största)"},
    {L::stops, "Stops", "Hållplatser"},
    {L::stop, "Stop", "Hållplats"},
    {L::walking_area, "Walking area", "Gångavstånd"},
    {L::activities, "Activities", "Aktiviteter"},
    {L::activity, "Activity", "Aktivitet"},
    {L::walk_minutes, "Walk (min)", "Gångtid (min)"},
    {L::walk_distance_m, "Walking distance (m)", "Gångavstånd (m)"},
    {L::activities_within, "Activities within walking distance", "Aktiviteter inom gångavstånd"},
    {L::stops_off_network, "Stops not on the walking network", "Hållplatser utanför gångnätet"},
    {L::walking_network, "Walking network", "Gångnätet"},
    {L::not_on_network, "not on the walking network: no walkway close enough, reaches nothing",
     "utanför gångnätet: ingen gångväg nära nog, når inget"},
    {L::off_network_note, "Stops not on the walking network (hollow, grey): %1",
     "Hållplatser utanför gångnätet (ihåliga, grå): %1"},
    {L::route_shortest, "Shortest route", "Kortaste vägen"},
    {L::route_safe, "Safe route", "Trygg väg"},
    {L::detour_pct, "Detour (%)", "Omväg (%)"},
    {L::exposure, "Hotspot exposure", "Exponering för brännpunkter"},
    {L::duration_min, "Walk (min)", "Gångtid (min)"},
    {L::legend, "Legend", "Teckenförklaring"},
    {L::date, "Date", "Datum"},
    {L::scale, "Scale", "Skala"},
    {L::north, "N", "N"},
    {L::source, "Source", "Källa"},
    {L::published_note,
     "Public version: no individual reports or free text; areas with fewer than %1 reports are left out",
     "Publik version: inga enskilda anmälningar eller fritext; områden med färre än %1 anmälningar är utelämnade"},
    {L::left_out_clusters, "%1 clusters", "%1 kluster"},
    {L::left_out_cells, "%1 squares", "%1 rutor"},
    {L::left_out_points, "%1 individual points", "%1 enskilda punkter"},
    {L::left_out_fields, "%1 free-text values", "%1 fritextvärden"},
    {L::left_out_density, "the density surface", "täthetsytan"},
    {L::no_features, "nothing to show", "inget att visa"},
}};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < table.size(); ++i)
        if (static_cast<std::size_t>(table[i].label) != i) return false;
    return true;
}
static_assert(in_enum_order(), "labels.cpp: the table must list every Label once, in enum order");

}  // namespace

Language parse_language(std::string_view text) {
    const std::string_view base = text.substr(0, text.find_first_of("-_"));
    if (base == "en") return Language::en;
    if (base == "sv") return Language::sv;
    throw UsageError("--lang: '" + std::string(text) + "' is not a supported language (sv, en)");
}

std::string_view language_code(Language lang) { return lang == Language::sv ? "sv" : "en"; }

std::span<const LabelText> label_table() { return table; }

std::string_view text(Label label, Language lang) {
    const LabelText& t = table.at(static_cast<std::size_t>(label));
    return lang == Language::sv ? t.sv : t.en;
}

std::string category_text(std::string_view category, Language lang) {
    return std::string(io::category_label(category, language_code(lang)));
}

namespace {

bool is_working_status(const std::string& folded) {
    return folded == "ok" || folded == "working" || folded == "fungerar" || folded == "hel";
}

}  // namespace

bool is_broken_light_status(std::string_view status) {
    const std::string s = io::fold_case(status);
    return s == "broken" || s == "out" || s == "trasig" || s == "släckt";
}

std::string light_status_text(std::string_view status, Language lang) {
    if (is_broken_light_status(status)) return std::string(text(Label::status_broken, lang));
    if (is_working_status(io::fold_case(status))) return std::string(text(Label::status_working, lang));
    return std::string(status);
}

}  // namespace trygg::map
