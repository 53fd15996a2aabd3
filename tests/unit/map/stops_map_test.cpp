#include "trygg/map/stops_map.hpp"

#include <gtest/gtest.h>

#include "trygg/map/activity_categories.hpp"

namespace trygg::map {
namespace {

// Two stops on the network near the town, one far away that trygg nearby could not snap.
model::Layer stops_layer() {
    model::Layer stops;
    stops.kind = model::Kind::stops;
    stops.fields = {{"stop_id", model::FieldType::string}, {"snapped", model::FieldType::integer}};
    auto stop = [&stops](const char* id, const char* name, model::Point at, std::int64_t snapped) {
        model::Feature f;
        f.id = id;
        f.name = name;
        f.geometry = at;
        f.attributes = {model::Value{std::string(id)}, model::Value{snapped}};
        stops.features.push_back(f);
    };
    stop("s1", "Torget", {1000, 1000}, 1);
    stop("s2", "Skolan", {1400, 1300}, 1);
    stop("far", "Flygplatsen", {40000, 35000}, 0);
    return stops;
}

const MapLayer* find_layer(const MapDocument& doc, const std::string& id) {
    for (const auto& l : doc.layers)
        if (l.id == id) return &l;
    return nullptr;
}

TEST(StopsMap, StopsOffTheNetworkAreSetApartAndDoNotWidenTheMap) {
    const model::Layer stops = stops_layer();
    MapDocument doc;
    doc.lang = Language::en;
    StopsMapInput in;
    in.stops = &stops;
    add_stops(doc, in);
    const MapLayer* on = find_layer(doc, "stops");
    const MapLayer* off = find_layer(doc, "stops_off_network");
    ASSERT_TRUE(on && off);
    EXPECT_EQ(on->features.size(), 2u);
    ASSERT_EQ(off->features.size(), 1u);
    EXPECT_EQ(off->features[0].title, "Flygplatsen");
    EXPECT_EQ(off->title, "Stops not on the walking network");
    EXPECT_FALSE(off->print_labels);
    // Hollow and grey: a white fill and a grey outline, unlike the stops that reach something.
    EXPECT_EQ(off->style.fill, (Colour{255, 255, 255}));
    EXPECT_NE(off->style.fill, on->style.fill);
    ASSERT_EQ(off->features[0].popup.size(), 1u);
    EXPECT_NE(off->features[0].popup[0].value.find("not on the walking network"), std::string::npos);
    ASSERT_EQ(doc.notes.size(), 1u);
    EXPECT_EQ(doc.notes[0], "Stops not on the walking network (hollow, grey): 1");
    // The map opens on the two stops, not on the 50 km between them and the airport.
    const auto box = focus_extent(doc);
    ASSERT_TRUE(box);
    EXPECT_EQ(box->min_x, 1000);
    EXPECT_EQ(box->max_x, 1400);
    EXPECT_EQ(box->max_y, 1300);
    // The whole content still reaches the airport.
    EXPECT_EQ(content_extent(doc)->max_x, 40000);
}

TEST(StopsMap, EveryStopOffTheNetworkStillGivesAMap) {
    model::Layer stops = stops_layer();
    for (auto& f : stops.features) f.attributes[1] = model::Value{std::int64_t{0}};
    MapDocument doc;
    StopsMapInput in;
    in.stops = &stops;
    add_stops(doc, in);
    EXPECT_EQ(find_layer(doc, "stops")->features.size(), 0u);
    EXPECT_EQ(find_layer(doc, "stops_off_network")->features.size(), 3u);
    EXPECT_EQ(focus_extent(doc)->max_x, 40000);  // nothing in focus: everything
}

TEST(StopsMap, SwedishPopupsHaveSwedishCategories) {
    const model::Layer stops = stops_layer();
    model::Layer activities;
    activities.kind = model::Kind::activities;
    model::Feature ground;
    ground.name = "Ekbacken";
    ground.category = "sports ground";
    ground.geometry = model::Point{1100, 1100};
    activities.features = {ground};
    MapDocument doc;
    doc.lang = Language::sv;
    StopsMapInput in;
    in.stops = &stops;
    in.activities = &activities;
    in.links = {{"s1", "Ekbacken", "sports ground", 180.0, 2.3}, {"s1", "Kiosken", "fast_food", 250.0, 3.2},
                {"s1", "Ödetorpet", "uncategorised", 300.0, 3.8}};
    add_stops(doc, in);
    const auto& popup = find_layer(doc, "stops")->features.at(0).popup;
    ASSERT_EQ(popup.size(), 4u);
    EXPECT_EQ(popup[0].label, "Aktiviteter inom gångavstånd");
    EXPECT_EQ(popup[1].label, "Ekbacken (idrottsplats)");
    EXPECT_EQ(popup[1].value, "180 m, 2 min");
    EXPECT_EQ(popup[2].label, "Kiosken (snabbmat)");
    EXPECT_EQ(popup[3].label, "Ödetorpet (utan kategori)");
    const auto& act = find_layer(doc, "activities")->features.at(0).popup;
    ASSERT_EQ(act.size(), 1u);
    EXPECT_EQ(act[0].label, "Kategori");
    EXPECT_EQ(act[0].value, "idrottsplats");
}

TEST(ActivityCategories, TranslatedByKeyOrWordAndOtherwiseAsWritten) {
    EXPECT_EQ(activity_category_text("sports ground", Language::sv), "idrottsplats");
    EXPECT_EQ(activity_category_text("Sports_Ground", Language::sv), "idrottsplats");
    EXPECT_EQ(activity_category_text("idrottsplats", Language::en), "sports ground");
    EXPECT_EQ(activity_category_text("bicycle_parking", Language::en), "bicycle parking");
    EXPECT_EQ(activity_category_text("Fritidsgård", Language::en), "youth centre");
    EXPECT_EQ(activity_category_text("boules_court", Language::sv), "boules court");  // unknown: as written
    EXPECT_EQ(activity_category_text("", Language::sv), "");
}

TEST(ActivityCategories, TableIsSortedUniqueAndTranslated) {
    const auto table = activity_category_table();
    std::size_t same = 0;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (i > 0) {
            EXPECT_LT(table[i - 1].key, table[i].key);
        }
        EXPECT_FALSE(table[i].en.empty());
        EXPECT_FALSE(table[i].sv.empty());
        same += table[i].en == table[i].sv ? 1u : 0u;
    }
    // Some words are the same in both (park, bank, bar, kiosk...), but few.
    EXPECT_LT(same * 8, table.size());
}

}  // namespace
}  // namespace trygg::map
