#pragma once
// The words for what an activity is (a park, a playground, a café...) in English and Swedish,
// for the stops map's popups. Activities come from municipal lists written in either language
// and from OpenStreetMap, whose amenity values are English keys ("fast_food", "bicycle_parking");
// a Swedish map must not show those keys. Known categories are matched after io::fold_case
// ("Sports_Ground" = "sports ground"), in either language; the table is listed in
// docs/cli/map.md.

#include <span>
#include <string>
#include <string_view>

#include "trygg/map/labels.hpp"

namespace trygg::map {

struct ActivityCategoryText {
    std::string_view key;  // folded: lower case, spaces for '_' and '-'
    std::string_view en;
    std::string_view sv;
};

// Every known category, sorted by key.
std::span<const ActivityCategoryText> activity_category_table();

// `category` in `lang` when it is known (by its key or by its English or Swedish word);
// otherwise as the data wrote it with '_' read as a space. Empty stays empty.
std::string activity_category_text(std::string_view category, Language lang);

}  // namespace trygg::map
