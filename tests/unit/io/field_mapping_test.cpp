#include "trygg/io/field_mapping.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "trygg/error.hpp"

using namespace trygg::io;
using trygg::model::Kind;

namespace {

std::vector<std::string> split_header(const std::string& header) {
    std::vector<std::string> names;
    std::stringstream in(header);
    std::string name;
    while (std::getline(in, name, ',')) names.push_back(name);
    if (!header.empty() && header.back() == ',') names.emplace_back();
    return names;
}

// The header of the City of Boston 311 exports in /work/shared/data/boston.
const std::string kBostonHeader =
    ",CASE_ENQUIRY_ID,OPEN_DT,TARGET_DT,CLOSED_DT,OnTime_Status,CASE_STATUS,CLOSURE_REASON,CASE_TITLE,SUBJECT,"
    "REASON,TYPE,QUEUE,Department,SubmittedPhoto,ClosedPhoto,Location,fire_district,pwd_district,"
    "city_council_district,police_district,neighborhood,neighborhood_services_district,ward,precinct,land_usage,"
    "LOCATION_STREET_NAME,LOCATION_ZIPCODE,Property_Type,Property_ID,LATITUDE,LONGITUDE,Source,Geocoded_Location";

}  // namespace

TEST(FieldMapping, BostonThreeOneOneHeader) {
    const auto names = split_header(kBostonHeader);
    ASSERT_EQ(names.size(), 34u);
    const FieldMapping mapping = map_fields(names, {}, Kind::reports);
    EXPECT_EQ(mapping.name(FieldRole::category), "TYPE");
    EXPECT_EQ(mapping.name(FieldRole::time), "OPEN_DT");
    EXPECT_EQ(mapping.name(FieldRole::x), "LONGITUDE");
    EXPECT_EQ(mapping.name(FieldRole::y), "LATITUDE");
    EXPECT_EQ(mapping.name(FieldRole::id), "CASE_ENQUIRY_ID");
    EXPECT_EQ(mapping.name(FieldRole::status), "CASE_STATUS");
    EXPECT_EQ(mapping.find(FieldRole::category), 11);
    EXPECT_EQ(mapping.find(FieldRole::time), 2);
    EXPECT_EQ(mapping.find(FieldRole::y), 30);
    EXPECT_EQ(mapping.find(FieldRole::x), 31);
    EXPECT_FALSE(mapping.has(FieldRole::weight));
    EXPECT_FALSE(mapping.has(FieldRole::name));
    EXPECT_FALSE(mapping.has(FieldRole::wkt));
    EXPECT_EQ(mapping.name(FieldRole::weight), "");
    EXPECT_EQ(mapping.describe(), "id=CASE_ENQUIRY_ID, category=TYPE, time=OPEN_DT, x=LONGITUDE, y=LATITUDE, status=CASE_STATUS");
}

TEST(FieldMapping, GtfsStops) {
    const FieldMapping mapping =
        map_fields({"stop_id", "stop_name", "stop_lat", "stop_lon", "location_type"}, {}, Kind::stops);
    EXPECT_EQ(mapping.name(FieldRole::id), "stop_id");
    EXPECT_EQ(mapping.name(FieldRole::name), "stop_name");
    EXPECT_EQ(mapping.name(FieldRole::x), "stop_lon");
    EXPECT_EQ(mapping.name(FieldRole::y), "stop_lat");
    EXPECT_EQ(mapping.index.size(), 4u);
}

TEST(FieldMapping, SwedishHeader) {
    const FieldMapping mapping =
        map_fields({"Löpnummer", "Kategori", "Datum", "Vikt", "Namn", "E", "N"}, {}, Kind::reports);
    EXPECT_EQ(mapping.name(FieldRole::id), "Löpnummer");
    EXPECT_EQ(mapping.name(FieldRole::category), "Kategori");
    EXPECT_EQ(mapping.name(FieldRole::time), "Datum");
    EXPECT_EQ(mapping.name(FieldRole::weight), "Vikt");
    EXPECT_EQ(mapping.name(FieldRole::name), "Namn");
    EXPECT_EQ(mapping.name(FieldRole::x), "E");
    EXPECT_EQ(mapping.name(FieldRole::y), "N");

    // Upper-case Swedish letters and names written without them.
    const FieldMapping lights = map_fields({"LÖPNUMMER", "LJUSPUNKTSHÖJD", "Tillstand"}, {}, Kind::lights);
    EXPECT_EQ(lights.name(FieldRole::id), "LÖPNUMMER");
    EXPECT_EQ(lights.name(FieldRole::height), "LJUSPUNKTSHÖJD");
    EXPECT_EQ(lights.name(FieldRole::status), "Tillstand");
}

TEST(FieldMapping, CamerasAndWalkways) {
    const FieldMapping cameras = map_fields({"camera_id", "camera:direction", "camera:angle", "Räckvidd", "geometry"},
                                            {}, Kind::cameras);
    EXPECT_EQ(cameras.name(FieldRole::id), "camera_id");
    EXPECT_EQ(cameras.name(FieldRole::heading), "camera:direction");
    EXPECT_EQ(cameras.name(FieldRole::fov), "camera:angle");
    EXPECT_EQ(cameras.name(FieldRole::range), "Räckvidd");
    EXPECT_EQ(cameras.name(FieldRole::wkt), "geometry");

    const FieldMapping walkways = map_fields({"osm_id", "name", "highway", "lit", "type", "x", "y"}, {}, Kind::walkways);
    EXPECT_EQ(walkways.name(FieldRole::id), "osm_id");
    EXPECT_EQ(walkways.name(FieldRole::highway), "highway");
    EXPECT_EQ(walkways.name(FieldRole::lit), "lit");
    // Walkways have no category, and lines take no x/y.
    EXPECT_FALSE(walkways.has(FieldRole::category));
    EXPECT_FALSE(walkways.has(FieldRole::x));
    EXPECT_FALSE(walkways.has(FieldRole::y));
}

TEST(FieldMapping, TypeIsACategoryOnlyForReportsAndActivities) {
    const std::vector<std::string> names{"TYPE", "name"};
    EXPECT_EQ(map_fields(names, {}, Kind::reports).name(FieldRole::category), "TYPE");
    EXPECT_EQ(map_fields(names, {}, Kind::activities).name(FieldRole::category), "TYPE");
    EXPECT_FALSE(map_fields(names, {}, Kind::lights).has(FieldRole::category));
    EXPECT_FALSE(map_fields(names, {}, Kind::buildings).has(FieldRole::category));
    EXPECT_FALSE(map_fields(names, {}, Kind::walkways).has(FieldRole::category));
    // REASON is a 311 report column only.
    EXPECT_EQ(map_fields({"REASON"}, {}, Kind::reports).name(FieldRole::category), "REASON");
    EXPECT_FALSE(map_fields({"REASON"}, {}, Kind::activities).has(FieldRole::category));
    const auto activity_names = detection_names(FieldRole::category, Kind::activities);
    EXPECT_NE(std::find(activity_names.begin(), activity_names.end(), "type"), activity_names.end());
    const auto light_names = detection_names(FieldRole::category, Kind::lights);
    EXPECT_EQ(std::find(light_names.begin(), light_names.end(), "type"), light_names.end());
}

TEST(FieldMapping, PriorityOrderNotFieldOrderDecides) {
    EXPECT_EQ(map_fields({"date", "timestamp"}, {}, Kind::reports).name(FieldRole::time), "timestamp");
    EXPECT_EQ(map_fields({"REASON", "TYPE"}, {}, Kind::reports).name(FieldRole::category), "TYPE");
    EXPECT_EQ(map_fields({"TYPE", "Kategori"}, {}, Kind::reports).name(FieldRole::category), "Kategori");
    // Only complete x/y pairs count, so lon never pairs with y.
    const FieldMapping pair = map_fields({"y", "lon", "lat"}, {}, Kind::reports);
    EXPECT_EQ(pair.name(FieldRole::x), "lon");
    EXPECT_EQ(pair.name(FieldRole::y), "lat");
    const FieldMapping incomplete = map_fields({"x", "lat"}, {}, Kind::reports);
    EXPECT_FALSE(incomplete.has(FieldRole::x));
    EXPECT_FALSE(incomplete.has(FieldRole::y));
}

TEST(FieldMapping, OverridesWinAndAreCaseInsensitive) {
    const auto names = split_header(kBostonHeader);
    FieldOverrides overrides;
    overrides.fields[FieldRole::category] = "reason";  // case-insensitive
    overrides.fields[FieldRole::time] = "CLOSED_DT";
    const FieldMapping mapping = map_fields(names, overrides, Kind::reports);
    EXPECT_EQ(mapping.name(FieldRole::category), "REASON");
    EXPECT_EQ(mapping.name(FieldRole::time), "CLOSED_DT");
    EXPECT_EQ(mapping.name(FieldRole::x), "LONGITUDE");

    // An override claims its field: auto-detection does not hand it to another role.
    FieldOverrides category_is_namn;
    category_is_namn.fields[FieldRole::category] = "Namn";
    const FieldMapping swedish = map_fields({"Namn", "Datum"}, category_is_namn, Kind::reports);
    EXPECT_EQ(swedish.name(FieldRole::category), "Namn");
    EXPECT_FALSE(swedish.has(FieldRole::name));

    // An empty override switches the role off.
    FieldOverrides no_weight;
    no_weight.fields[FieldRole::weight] = "";
    EXPECT_FALSE(map_fields({"Vikt", "Datum"}, no_weight, Kind::reports).has(FieldRole::weight));
    EXPECT_TRUE(map_fields({"Vikt", "Datum"}, {}, Kind::reports).has(FieldRole::weight));

    // One coordinate given: the other comes from the same axis' names.
    FieldOverrides x_only;
    x_only.fields[FieldRole::x] = "LONGITUDE";
    const FieldMapping half = map_fields(names, x_only, Kind::reports);
    EXPECT_EQ(half.name(FieldRole::x), "LONGITUDE");
    EXPECT_EQ(half.name(FieldRole::y), "LATITUDE");
}

TEST(FieldMapping, OverrideNamingAMissingFieldIsAUsageErrorListingTheFields) {
    FieldOverrides overrides;
    overrides.fields[FieldRole::category] = "Kategory";
    const std::vector<std::string> names{"id", "Kategori", "Datum"};
    trygg::ErrorLocation where;
    where.source = "reports.csv";
    try {
        map_fields(names, overrides, Kind::reports, where);
        FAIL() << "no error";
    } catch (const trygg::UsageError& error) {
        EXPECT_EQ(error.kind(), trygg::ErrorKind::usage);
        EXPECT_EQ(error.location().source, "reports.csv");
        const std::string message = error.message();
        EXPECT_NE(message.find("--category-field"), std::string::npos) << message;
        EXPECT_NE(message.find("'Kategory'"), std::string::npos) << message;
        EXPECT_NE(message.find("id, Kategori, Datum"), std::string::npos) << message;
        EXPECT_NE(std::string(error.what()).find("reports.csv"), std::string::npos) << error.what();
    }
}

TEST(FieldMapping, OverrideMatchingSeveralFieldsIsAUsageError) {
    FieldOverrides overrides;
    overrides.fields[FieldRole::category] = "type";
    EXPECT_THROW(map_fields({"Type", "TYPE"}, overrides, Kind::reports), trygg::UsageError);
    // The exact spelling is never ambiguous.
    overrides.fields[FieldRole::category] = "TYPE";
    EXPECT_EQ(map_fields({"Type", "TYPE"}, overrides, Kind::reports).name(FieldRole::category), "TYPE");
}

TEST(FieldMapping, RoleNames) {
    for (FieldRole role : all_field_roles()) {
        const auto parsed = parse_field_role(to_string(role));
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(*parsed, role);
    }
    EXPECT_EQ(all_field_roles().size(), 15u);
    EXPECT_FALSE(parse_field_role("colour").has_value());
}
