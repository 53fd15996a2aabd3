#include "trygg/map/labels.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "trygg/error.hpp"

namespace trygg::map {
namespace {

TEST(MapLabels, EveryLabelHasEnglishAndSwedish) {
    const auto table = label_table();
    ASSERT_EQ(table.size(), static_cast<std::size_t>(Label::count_));
    for (std::size_t i = 0; i < table.size(); ++i) {
        SCOPED_TRACE("label " + std::to_string(i) + " (" + std::string(table[i].en) + ")");
        EXPECT_EQ(static_cast<std::size_t>(table[i].label), i);
        EXPECT_FALSE(table[i].en.empty());
        EXPECT_FALSE(table[i].sv.empty());
        EXPECT_EQ(text(table[i].label, Language::en), table[i].en);
        EXPECT_EQ(text(table[i].label, Language::sv), table[i].sv);
    }
}

TEST(MapLabels, SwedishIsTranslatedNotCopied) {
    // Short words may coincide ("N", "Period", "Kluster"...), but a table that was only copied
    // from English would make almost every entry equal.
    std::size_t same = 0;
    for (const auto& t : label_table()) same += t.en == t.sv ? 1u : 0u;
    EXPECT_LT(same, 5u);
    EXPECT_EQ(text(Label::walkways, Language::sv), "Gångvägar");
    EXPECT_EQ(text(Label::legend, Language::sv), "Teckenförklaring");
}

TEST(MapLabels, PlaceholdersAgreeBetweenLanguages) {
    for (const auto& t : label_table())
        EXPECT_EQ(t.en.find("%1") == std::string_view::npos, t.sv.find("%1") == std::string_view::npos) << t.en;
}

TEST(MapLabels, ParseLanguage) {
    EXPECT_EQ(parse_language("sv"), Language::sv);
    EXPECT_EQ(parse_language("sv-SE"), Language::sv);
    EXPECT_EQ(parse_language("en"), Language::en);
    EXPECT_THROW(parse_language("de"), UsageError);
    EXPECT_THROW(parse_language(""), UsageError);
}

TEST(MapLabels, CategoriesAreTranslated) {
    EXPECT_EQ(category_text("graffiti", Language::sv), "Klotter");
    EXPECT_EQ(category_text("graffiti", Language::en), "Graffiti");
    EXPECT_EQ(category_text("Nedskräpning", Language::en), "Nedskräpning");  // not canonical: as written
}

TEST(MapLabels, LightStatusIsTranslated) {
    EXPECT_EQ(light_status_text("broken", Language::sv), "trasig");
    EXPECT_EQ(light_status_text("Släckt", Language::en), "broken");
    EXPECT_EQ(light_status_text("ok", Language::sv), "fungerar");
    EXPECT_EQ(light_status_text("repaired 2025", Language::sv), "repaired 2025");  // unknown: as written
    EXPECT_TRUE(is_broken_light_status("OUT"));
    EXPECT_FALSE(is_broken_light_status("ok"));
}

}  // namespace
}  // namespace trygg::map
