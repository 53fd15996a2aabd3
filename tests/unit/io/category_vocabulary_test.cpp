#include "trygg/io/category_vocabulary.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

using namespace trygg::io;

TEST(CategoryVocabulary, CanonicalCategoriesInFixedOrder) {
    const auto& vocabulary = category_vocabulary();
    ASSERT_EQ(vocabulary.size(), 4u);
    EXPECT_EQ(vocabulary[0].canonical, "graffiti");
    EXPECT_EQ(vocabulary[1].canonical, "lighting");
    EXPECT_EQ(vocabulary[2].canonical, "unsafe");
    EXPECT_EQ(vocabulary[3].canonical, "vandalism");
    for (const auto& entry : vocabulary) {
        EXPECT_EQ(normalise_category(entry.canonical), entry.canonical);
        EXPECT_TRUE(is_canonical_category(entry.canonical));
        EXPECT_FALSE(entry.swedish.empty());
        EXPECT_FALSE(entry.english.empty());
    }
    EXPECT_FALSE(is_canonical_category("Graffiti"));
}

TEST(CategoryVocabulary, EverySynonymMapsToItsCategoryAndToNoOther) {
    std::map<std::string, std::set<std::string>> owners;  // folded synonym -> categories
    for (const auto& entry : category_vocabulary()) {
        for (const auto* list : {&entry.swedish, &entry.english}) {
            for (const auto& word : *list) {
                EXPECT_EQ(normalise_category(word), entry.canonical) << word;
                owners[fold_case(word)].insert(entry.canonical);
            }
        }
    }
    for (const auto& [word, categories] : owners) EXPECT_EQ(categories.size(), 1u) << word;
}

TEST(CategoryVocabulary, SwedishWithCaseAndAccentedLetters) {
    EXPECT_EQ(normalise_category("Klotter"), "graffiti");
    EXPECT_EQ(normalise_category("  KLOTTER  "), "graffiti");
    EXPECT_EQ(normalise_category("Trasig belysning"), "lighting");
    EXPECT_EQ(normalise_category("trasig lampa"), "lighting");
    EXPECT_EQ(normalise_category("Släckt lampa"), "lighting");
    EXPECT_EQ(normalise_category("SLÄCKT LAMPA"), "lighting");
    EXPECT_EQ(normalise_category("Belysning"), "lighting");
    EXPECT_EQ(normalise_category("Otrygg plats"), "unsafe");
    EXPECT_EQ(normalise_category("OTRYGGHET"), "unsafe");
    EXPECT_EQ(normalise_category("Skadegörelse"), "vandalism");
    EXPECT_EQ(normalise_category("SKADEGÖRELSE"), "vandalism");
    EXPECT_EQ(normalise_category("ÅVERKAN"), "vandalism");
    EXPECT_EQ(normalise_category("Krossad ruta"), "vandalism");
    // Decomposed letters (a + combining diaeresis), as macOS file names and some forms send.
    EXPECT_EQ(normalise_category("Sla\xCC\x88"
                                 "ckt lampa"),
              "lighting");
    EXPECT_EQ(normalise_category("skadego\xCC\x88relse"), "vandalism");
    // A non-breaking space between the words.
    EXPECT_EQ(normalise_category("trasig\xC2\xA0lampa"), "lighting");
}

TEST(CategoryVocabulary, EnglishWithCaseAndSeparators) {
    EXPECT_EQ(normalise_category("Graffiti Removal"), "graffiti");  // Boston 311 TYPE
    EXPECT_EQ(normalise_category("Street Light Outages"), "lighting");
    EXPECT_EQ(normalise_category("street_light_outage"), "lighting");
    EXPECT_EQ(normalise_category("Street  Light   Outage"), "lighting");
    EXPECT_EQ(normalise_category("Tagging"), "graffiti");
    EXPECT_EQ(normalise_category("tags"), "graffiti");
    EXPECT_EQ(normalise_category("Broken light"), "lighting");
    EXPECT_EQ(normalise_category("LIGHT OUT"), "lighting");
    EXPECT_EQ(normalise_category("Unsafe spot"), "unsafe");
    EXPECT_EQ(normalise_category("feels unsafe"), "unsafe");
    EXPECT_EQ(normalise_category("Broken-Window"), "vandalism");
    EXPECT_EQ(normalise_category("Damage"), "vandalism");
    EXPECT_EQ(normalise_category("Vandalism"), "vandalism");
}

TEST(CategoryVocabulary, UnknownCategoriesAreKeptAsWritten) {
    EXPECT_EQ(normalise_category("  Nedskräpning \t"), "Nedskräpning");
    EXPECT_EQ(normalise_category("Pothole"), "Pothole");
    EXPECT_EQ(normalise_category("Graffiti on bridge"), "Graffiti on bridge");  // whole words only
    EXPECT_EQ(normalise_category(""), "");
    EXPECT_EQ(normalise_category("   "), "");
}

TEST(CategoryVocabulary, FoldCase) {
    EXPECT_EQ(fold_case("ÅÄÖÉÜ"), "åäöéü");
    EXPECT_EQ(fold_case("åäö"), "åäö");
    EXPECT_EQ(fold_case("  Street_Light-OUT  "), "street light out");
    EXPECT_EQ(fold_case("a\xC3\x97"
                        "B"),
              "a\xC3\x97"
              "b");  // U+00D7 multiplication sign is not a letter
    EXPECT_EQ(fold_case("a\xCC\x8A"), "\xC3\xA5");  // a + ring above -> å
    EXPECT_EQ(fold_case("x\xCC\x8A"), "x\xCC\x8A");  // no precomposed form: unchanged
    EXPECT_EQ(fold_case("camera:direction"), "camera:direction");
}

TEST(CategoryVocabulary, LabelsInSwedishAndEnglish) {
    EXPECT_EQ(category_label("graffiti", "sv"), "Klotter");
    EXPECT_EQ(category_label("graffiti", "en"), "Graffiti");
    EXPECT_EQ(category_label("lighting", "sv"), "Belysning");
    EXPECT_EQ(category_label("lighting", "en"), "Lighting");
    EXPECT_EQ(category_label("unsafe", "sv"), "Otrygg plats");
    EXPECT_EQ(category_label("unsafe", "en"), "Unsafe spot");
    EXPECT_EQ(category_label("vandalism", "sv"), "Skadegörelse");
    EXPECT_EQ(category_label("vandalism", "en"), "Vandalism");
    EXPECT_EQ(category_label("vandalism", "sv-SE"), "Skadegörelse");
    EXPECT_EQ(category_label("vandalism", "de"), "Vandalism");
    EXPECT_EQ(category_label("vandalism", "svx"), "Vandalism");
    EXPECT_EQ(category_label("Pothole", "sv"), "Pothole");
}

TEST(CategoryVocabulary, SwedishWithoutDiacriticsStillMatches) {
    EXPECT_EQ(trygg::io::normalise_category("skadegorelse"), "vandalism");
    EXPECT_EQ(trygg::io::normalise_category("Slackt lampa"), "lighting");
    EXPECT_EQ(trygg::io::normalise_category("gatlampa trasig"), "lighting");
    EXPECT_EQ(trygg::io::normalise_category("Otrygg plats"), "unsafe");
    // Still unknown when no synonym matches, even without diacritics.
    EXPECT_EQ(trygg::io::normalise_category("nedskrapning"), "nedskrapning");
}
