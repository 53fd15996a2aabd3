#pragma once
// The categories trygg knows and the words people use for them. Reports come from 311 systems,
// municipal case systems, apps and hand-kept spreadsheets, in English and Swedish; a hotspot
// map per category needs "Klotter", "graffiti removal" and "Tags" to be one category. The
// canonical categories are `graffiti`, `lighting`, `unsafe` and `vandalism`; anything else is
// kept as the source wrote it. The table is listed in docs/data-model.md.

#include <string>
#include <string_view>
#include <vector>

namespace trygg::io {

struct VocabularyEntry {
    std::string canonical;              // "graffiti"
    std::string label_sv;               // "Klotter"
    std::string label_en;               // "Graffiti"
    std::vector<std::string> swedish;   // synonyms in lower case; matched after fold_case
    std::vector<std::string> english;
};

// The canonical categories in a fixed order (graffiti, lighting, unsafe, vandalism), each
// with its synonyms. No synonym belongs to two categories.
const std::vector<VocabularyEntry>& category_vocabulary();

// The key used to match categories and field names: UTF-8 lower case for ASCII and Latin-1
// letters (Å Ä Ö É Ü ... -> å ä ö é ü ...), decomposed å ä ö é ü (a + U+030A ...) composed,
// '_' and '-' read as spaces, runs of whitespace (including U+00A0) collapsed to one space,
// and surrounding whitespace removed. Other bytes pass through unchanged.
std::string fold_case(std::string_view text);

// The canonical category for `raw` when its folded form is a known synonym (or a canonical
// name); otherwise `raw` without surrounding whitespace, in its original case. Empty stays
// empty.
std::string normalise_category(std::string_view raw);

// True when `category` is one of the canonical names.
bool is_canonical_category(std::string_view category);

// The label to print for a canonical category: "Klotter" / "Graffiti", "Belysning" /
// "Lighting", "Otrygg plats" / "Unsafe spot", "Skadegörelse" / "Vandalism". `lang` is "sv" or
// "en" (a region suffix such as "sv-SE" is allowed; anything else gives English). A category
// that is not canonical is returned as given (the view refers to the argument).
std::string_view category_label(std::string_view canonical, std::string_view lang);

}  // namespace trygg::io
