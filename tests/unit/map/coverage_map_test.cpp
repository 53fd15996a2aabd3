#include "trygg/map/coverage_map.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "trygg/coverage/camera_view.hpp"
#include "trygg/error.hpp"

namespace trygg::map {
namespace {

// Shoelace area of a ring.
double ring_area(const model::Ring& ring) {
    double twice = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return std::abs(twice) / 2.0;
}

model::Layer cameras_layer() {
    model::Layer cameras;
    cameras.kind = model::Kind::cameras;
    cameras.source = "cameras.geojson";
    cameras.name = "cameras";
    model::Feature looking_east;
    looking_east.fid = 1;
    looking_east.geometry = model::Point{1000, 2000};
    looking_east.heading = 90.0;
    looking_east.fov = 60.0;
    looking_east.range = 25.0;
    model::Feature all_around;  // no heading, fov or range: coverage's defaults, all around
    all_around.fid = 2;
    all_around.geometry = model::Point{1200, 2000};
    cameras.features = {looking_east, all_around};
    return cameras;
}

const MapLayer& layer_named(const MapDocument& doc, const std::string& id) {
    for (const auto& l : doc.layers)
        if (l.id == id) return l;
    throw std::runtime_error("no layer " + id);
}

// The map draws the sector trygg coverage counts with: coverage::view_sector, one definition.
TEST(CoverageMap, CameraSectorIsCoveragesViewSector) {
    const model::Layer cameras = cameras_layer();
    MapDocument doc;
    CoverageMapInput in;
    in.cameras = &cameras;
    add_coverage(doc, in);
    const MapLayer& views = layer_named(doc, "camera_views");
    ASSERT_EQ(views.features.size(), 2u);

    coverage::CameraSpec east;
    east.position = {1000, 2000};
    east.heading_deg = 90.0;
    east.fov_deg = 60.0;
    east.range_m = 25.0;
    const auto& drawn = std::get<model::MultiPolygon>(views.features[0].geometry);
    ASSERT_EQ(drawn.size(), 1u);
    EXPECT_EQ(drawn[0].outer, coverage::view_sector(east).outer);
    // And independently: a 60 degree sector of radius 25 m has area pi r^2 / 6; chords 0.05 m
    // inside the arc lose less than 0.05 m times the arc length.
    const double sector_area = std::numbers::pi * 25.0 * 25.0 / 6.0;
    EXPECT_LE(ring_area(drawn[0].outer), sector_area + 1e-6);
    EXPECT_GE(ring_area(drawn[0].outer), sector_area - 0.05 * 25.0 * std::numbers::pi / 3.0);

    // No heading: a full circle with coverage's default range.
    const auto& circle = std::get<model::MultiPolygon>(views.features[1].geometry);
    const double r = coverage::kDefaultCameraRangeM;
    EXPECT_NEAR(ring_area(circle[0].outer), std::numbers::pi * r * r, 0.05 * 2 * std::numbers::pi * r);
}

TEST(CoverageMap, ABadCameraIsADataErrorNamingTheFeature) {
    model::Layer cameras = cameras_layer();
    cameras.features[1].fov = 400.0;
    MapDocument doc;
    CoverageMapInput in;
    in.cameras = &cameras;
    try {
        add_coverage(doc, in);
        FAIL() << "no error";
    } catch (const DataError& e) {
        EXPECT_EQ(e.location().feature.value_or(-1), 2);
        EXPECT_NE(std::string(e.what()).find("field of view"), std::string::npos);
    }
}

TEST(CoverageMap, LightPopupsSpeakTheMapsLanguage) {
    model::Layer lights;
    lights.kind = model::Kind::lights;
    model::Feature lamp;
    lamp.geometry = model::Point{0, 0};
    lamp.status = "broken";
    lamp.height = 6.0;
    lights.features = {lamp};
    MapDocument doc;
    doc.lang = Language::sv;
    CoverageMapInput in;
    in.lights = &lights;
    add_coverage(doc, in);
    const auto& popup = layer_named(doc, "lights").features.at(0).popup;
    ASSERT_EQ(popup.size(), 2u);
    EXPECT_EQ(popup[0].label, "Status");
    EXPECT_EQ(popup[0].value, "trasig");
    EXPECT_EQ(popup[1].label, "Höjd (m)");
}

}  // namespace
}  // namespace trygg::map
