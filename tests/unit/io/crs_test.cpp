#include "trygg/io/crs.hpp"

#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "trygg/error.hpp"

using namespace trygg;
using namespace trygg::io;

namespace {

struct City {
    const char* name;
    double lon, lat;
};

std::string wkt_of(const char* user_input, bool esri) {
    OGRSpatialReference srs;
    EXPECT_EQ(srs.SetFromUserInput(user_input), OGRERR_NONE);
    if (esri) {
        EXPECT_EQ(srs.morphToESRI(), OGRERR_NONE);  // drops the AUTHORITY nodes
    }
    char* text = nullptr;
    EXPECT_EQ(srs.exportToWkt(&text), OGRERR_NONE);
    std::string wkt(text);
    CPLFree(text);
    return wkt;
}

}  // namespace

TEST(LiesInSweden, SwedishPlaces) {
    const City cities[] = {
        {"Hallstahammar", 16.23, 59.615}, {"Stockholm", 18.07, 59.33},  {"Malmö", 13.0, 55.6},
        {"Kiruna", 20.2, 67.85},          {"Visby", 18.3, 57.64},       {"Göteborg", 11.97, 57.71},
        {"Umeå", 20.26, 63.83},           {"Luleå", 22.15, 65.58},      {"Sundsvall", 17.31, 62.39},
        {"Karlskrona", 15.59, 56.16},     {"Ystad", 13.82, 55.43},      {"Strömstad", 11.17, 58.94},
        {"Borgholm (Öland)", 16.65, 56.88}, {"Storlien", 12.10, 63.32}, {"Haparanda", 24.13, 65.84},
        {"Abisko", 18.83, 68.35},         {"Idre", 12.72, 61.86},
    };
    for (const City& city : cities) {
        EXPECT_TRUE(lies_in_sweden(city.lon, city.lat)) << city.name;
    }
}

TEST(LiesInSweden, PlacesOutsideSweden) {
    const City cities[] = {
        {"Oslo", 10.75, 59.91},          {"Helsinki", 24.94, 60.17},    {"Copenhagen", 12.57, 55.68},
        {"Boston", -71.06, 42.36},       {"Trondheim", 10.40, 63.43},   {"Narvik", 17.43, 68.44},
        {"Mariehamn (Åland)", 19.94, 60.10}, {"Rønne (Bornholm)", 14.70, 55.10},
        {"Halden", 11.39, 59.12},        {"Tallinn", 24.75, 59.44},     {"Berlin", 13.40, 52.52},
        {"Oulu", 25.47, 65.01},          {"Mo i Rana", 14.14, 66.31},   {"Trysil", 12.27, 61.31},
        {"Sydney", 151.2, -33.87},
    };
    for (const City& city : cities) {
        EXPECT_FALSE(lies_in_sweden(city.lon, city.lat)) << city.name;
    }
    EXPECT_FALSE(lies_in_sweden(NAN, 59.0));
}

TEST(ChooseWorkingCrs, SwedenGetsSweref99Tm) {
    EXPECT_EQ(choose_working_crs({16.20, 59.60, 16.26, 59.63}), "EPSG:3006");  // Hallstahammar
    EXPECT_EQ(choose_working_crs({18.2, 57.5, 18.4, 57.7}), "EPSG:3006");      // Visby
}

TEST(ChooseWorkingCrs, ElsewhereGetsUtmZoneOfTheCentre) {
    EXPECT_EQ(choose_working_crs({-71.2, 42.2, -70.9, 42.5}), "EPSG:32619");  // Boston
    EXPECT_EQ(choose_working_crs({10.6, 59.8, 10.9, 60.0}), "EPSG:32632");    // Oslo, zone 32
    EXPECT_EQ(choose_working_crs({151.0, -34.0, 151.3, -33.7}), "EPSG:32756");  // Sydney
    EXPECT_EQ(choose_working_crs({-58.6, -34.8, -58.2, -34.5}), "EPSG:32721");  // Buenos Aires
    // Zone edges: -180 is zone 1, +180 is clamped to 60, the equator counts as north.
    EXPECT_EQ(choose_working_crs({-180.0, 0.0, -180.0, 0.0}), "EPSG:32601");
    EXPECT_EQ(choose_working_crs({180.0, -10.0, 180.0, -10.0}), "EPSG:32760");
}

TEST(CoordinateTransform, KnownPointToSweref99TmAndBack) {
    // Reference computed once with PROJ's own command-line tool (EPSG axis order: lat lon in,
    // northing easting out):
    //   echo "59.615 16.23" | cs2cs -f %.4f EPSG:4326 EPSG:3006
    //   -> 6609178.5179  569399.5090
    const CoordinateTransform forward("EPSG:4326", "EPSG:3006");
    EXPECT_FALSE(forward.is_identity());
    const model::Point projected = forward.transform(model::Point{16.23, 59.615});
    EXPECT_NEAR(projected.x, 569399.5090, 0.01);
    EXPECT_NEAR(projected.y, 6609178.5179, 0.01);

    const CoordinateTransform backward("EPSG:3006", "EPSG:4326");
    const model::Point back = backward.transform(projected);
    EXPECT_NEAR(back.x, 16.23, 1e-9);  // 1e-9 degrees is about 0.1 mm
    EXPECT_NEAR(back.y, 59.615, 1e-9);
}

TEST(CoordinateTransform, SpanTransformMatchesSinglePoints) {
    // Boston to UTM 19N: cs2cs +proj=longlat +datum=WGS84 +to EPSG:32619 gives
    // 330357.2479 4691803.1501 for -71.06 42.36.
    const CoordinateTransform to_utm("EPSG:4326", "EPSG:32619");
    std::vector<double> xs{-71.06, -71.0, -70.9};
    std::vector<double> ys{42.36, 42.40, 42.30};
    std::vector<double> expected_x, expected_y;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const model::Point p = to_utm.transform(model::Point{xs[i], ys[i]});
        expected_x.push_back(p.x);
        expected_y.push_back(p.y);
    }
    to_utm.transform(xs, ys);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        EXPECT_DOUBLE_EQ(xs[i], expected_x[i]);
        EXPECT_DOUBLE_EQ(ys[i], expected_y[i]);
    }
    EXPECT_NEAR(xs[0], 330357.2479, 0.01);
    EXPECT_NEAR(ys[0], 4691803.1501, 0.01);

    std::vector<double> short_ys{1.0};
    EXPECT_THROW(to_utm.transform(xs, short_ys), UsageError);
}

TEST(CoordinateTransform, FailingPointsBecomeInfinity) {
    const CoordinateTransform forward("EPSG:4326", "EPSG:3006");
    std::vector<double> xs{16.23, 16.0, NAN, 16.23};
    std::vector<double> ys{59.615, 95.0, 59.0, 59.615};  // latitude 95 does not exist
    forward.transform(xs, ys);
    EXPECT_TRUE(std::isfinite(xs[0]) && std::isfinite(ys[0]));
    EXPECT_TRUE(std::isinf(xs[1]) && std::isinf(ys[1]));
    EXPECT_TRUE(std::isinf(xs[2]) && std::isinf(ys[2]));
    // A failure does not poison the points after it, nor the next call.
    EXPECT_DOUBLE_EQ(xs[3], xs[0]);
    const model::Point again = forward.transform(model::Point{16.23, 59.615});
    EXPECT_DOUBLE_EQ(again.x, xs[0]);
}

TEST(CoordinateTransform, IdentityWhenTheSameCrs) {
    const CoordinateTransform same("EPSG:3006", "EPSG:3006");
    EXPECT_TRUE(same.is_identity());
    // WGS 84 as EPSG code and as OGC:CRS84 (lon/lat axis order) are the same CRS here.
    EXPECT_TRUE(CoordinateTransform("EPSG:4326", "OGC:CRS84").is_identity());
    EXPECT_TRUE(CoordinateTransform(wkt_of("EPSG:3006", false), "EPSG:3006").is_identity());
    const model::Point p{123.5, 456.25};
    EXPECT_EQ(same.transform(p), p);
}

TEST(CoordinateTransform, AcceptsWktAndProjStrings) {
    const CoordinateTransform from_wkt(wkt_of("EPSG:4326", false), wkt_of("EPSG:3006", true));
    const model::Point a = from_wkt.transform(model::Point{16.23, 59.615});
    EXPECT_NEAR(a.x, 569399.5090, 0.01);
    EXPECT_NEAR(a.y, 6609178.5179, 0.01);
    // UTM 33N as a PROJ string without +type=crs: the user means the CRS.
    const CoordinateTransform from_proj("EPSG:4326", "+proj=utm +zone=33 +datum=WGS84 +units=m");
    const CoordinateTransform from_code("EPSG:4326", "EPSG:32633");
    const model::Point b = from_proj.transform(model::Point{16.23, 59.615});
    const model::Point c = from_code.transform(model::Point{16.23, 59.615});
    EXPECT_NEAR(b.x, c.x, 1e-6);
    EXPECT_NEAR(b.y, c.y, 1e-6);
}

TEST(CoordinateTransform, UnknownCrsIsAUsageErrorNamingIt) {
    try {
        CoordinateTransform("EPSG:99999", "EPSG:3006");
        FAIL() << "no exception";
    } catch (const UsageError& error) {
        EXPECT_NE(std::string(error.what()).find("unknown CRS 'EPSG:99999'"), std::string::npos)
            << error.what();
    }
    EXPECT_THROW(CoordinateTransform("EPSG:4326", "not a crs"), UsageError);
    EXPECT_THROW(CoordinateTransform("EPSG:4326", ""), UsageError);
    EXPECT_THROW(crs_code("EPSG:99999"), UsageError);
    EXPECT_THROW(is_geographic("GEOGCS[broken"), UsageError);
}

TEST(CoordinateTransform, MovedObjectKeepsWorking) {
    CoordinateTransform first("EPSG:4326", "EPSG:3006");
    CoordinateTransform second = std::move(first);
    EXPECT_NEAR(second.transform(model::Point{16.23, 59.615}).x, 569399.5090, 0.01);
    CoordinateTransform third("EPSG:3006", "EPSG:3006");
    third = std::move(second);
    EXPECT_FALSE(third.is_identity());
    EXPECT_EQ(third.target_crs(), "EPSG:3006");
}

TEST(CoordinateTransform, OneObjectPerThread) {
    // Each thread owns its transform (and so its PROJ context); all must agree with a
    // transform made on this thread.
    const CoordinateTransform reference("EPSG:4326", "EPSG:3006");
    constexpr int n = 2000;
    std::vector<double> ref_x(n), ref_y(n);
    for (int i = 0; i < n; ++i) {
        ref_x[i] = 11.0 + 0.005 * i;
        ref_y[i] = 55.5 + 0.006 * i;
    }
    std::vector<double> in_x = ref_x, in_y = ref_y;
    reference.transform(ref_x, ref_y);

    constexpr int thread_count = 4;
    std::vector<std::vector<double>> xs(thread_count, in_x), ys(thread_count, in_y);
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            const CoordinateTransform own("EPSG:4326", "EPSG:3006");
            for (int i = 0; i < n; ++i) {
                const model::Point p = own.transform(model::Point{xs[t][i], ys[t][i]});
                xs[t][i] = p.x;
                ys[t][i] = p.y;
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    for (int t = 0; t < thread_count; ++t) {
        for (int i = 0; i < n; ++i) {
            ASSERT_DOUBLE_EQ(xs[t][i], ref_x[i]);
            ASSERT_DOUBLE_EQ(ys[t][i], ref_y[i]);
        }
    }
}

TEST(CrsCode, IdentifiesDefinitions) {
    EXPECT_EQ(crs_code("EPSG:3006"), "EPSG:3006");
    EXPECT_EQ(crs_code(wkt_of("EPSG:3006", false)), "EPSG:3006");
    // ESRI WKT carries no authority: PROJ has to identify it by its parameters.
    const std::string esri = wkt_of("EPSG:3006", true);
    ASSERT_EQ(esri.find("AUTHORITY"), std::string::npos) << esri;
    EXPECT_EQ(crs_code(esri), "EPSG:3006");
    EXPECT_EQ(crs_code(wkt_of("EPSG:32619", true)), "EPSG:32619");
    // A CRS no authority knows falls back to its name.
    EXPECT_EQ(crs_code(R"(PROJCS["my local grid",GEOGCS["WGS 84",DATUM["WGS_1984",)"
                       R"(SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],)"
                       R"(UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],)"
                       R"(PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",16.123],)"
                       R"(PARAMETER["scale_factor",1],PARAMETER["false_easting",12345],)"
                       R"(PARAMETER["false_northing",0],UNIT["metre",1]])"),
              "my local grid");
}

TEST(IsGeographic, TellsDegreesFromMetres) {
    EXPECT_TRUE(is_geographic("EPSG:4326"));
    EXPECT_TRUE(is_geographic("EPSG:4619"));  // SWEREF99 geographic
    EXPECT_TRUE(is_geographic(wkt_of("EPSG:4326", true)));
    EXPECT_FALSE(is_geographic("EPSG:3006"));
    EXPECT_FALSE(is_geographic("EPSG:32619"));
    EXPECT_FALSE(is_geographic("EPSG:5850"));  // SWEREF99 TM + RH2000 height (compound)
}

TEST(FitsLonLat, Ranges) {
    EXPECT_TRUE(fits_lonlat({16.2, 59.6, 16.3, 59.7}));
    EXPECT_TRUE(fits_lonlat({-180.0, -90.0, 180.0, 90.0}));
    EXPECT_FALSE(fits_lonlat({569000.0, 6609000.0, 570000.0, 6610000.0}));
    EXPECT_FALSE(fits_lonlat({16.0, 59.0, 181.0, 60.0}));
    EXPECT_FALSE(fits_lonlat({16.0, -91.0, 17.0, 60.0}));
    EXPECT_FALSE(fits_lonlat({NAN, 59.0, 17.0, 60.0}));
}

TEST(ToLonLat, DensifiedEdgesCoverTheBox) {
    // A 100 km square in SWEREF 99 TM across its central meridian (15 E), near Örebro.
    const model::Box box{450000.0, 6560000.0, 550000.0, 6660000.0};
    const LonLatBox ll = to_lonlat(box, "EPSG:3006");

    // Brute-force reference: transform a dense grid of the whole box (interior too) and take
    // the extremes. The densified boundary must give the same extent (lon and lat are monotonic
    // along grid lines here, so the extremes lie on the boundary) to within the sampling error
    // of 21 points per edge.
    const CoordinateTransform to_wgs84("EPSG:3006", "EPSG:4326");
    double min_lon = 1e9, min_lat = 1e9, max_lon = -1e9, max_lat = -1e9;
    constexpr int n = 201;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const model::Point p = to_wgs84.transform(
                model::Point{box.min_x + (box.max_x - box.min_x) * i / (n - 1),
                             box.min_y + (box.max_y - box.min_y) * j / (n - 1)});
            min_lon = std::min(min_lon, p.x);
            max_lon = std::max(max_lon, p.x);
            min_lat = std::min(min_lat, p.y);
            max_lat = std::max(max_lat, p.y);
        }
    }
    EXPECT_NEAR(ll.min_lon, min_lon, 1e-4);
    EXPECT_NEAR(ll.max_lon, max_lon, 1e-4);
    EXPECT_NEAR(ll.min_lat, min_lat, 1e-4);
    EXPECT_NEAR(ll.max_lat, max_lat, 1e-4);
    // The corners alone would miss the top edge bulging north where it crosses the central
    // meridian (about 0.003 degrees for 50 km off the meridian at this latitude).
    const model::Point top_left = to_wgs84.transform(model::Point{box.min_x, box.max_y});
    const model::Point top_right = to_wgs84.transform(model::Point{box.max_x, box.max_y});
    EXPECT_GT(ll.max_lat, std::max(top_left.y, top_right.y) + 1e-3);

    // Geographic input passes through.
    const LonLatBox same = to_lonlat({16.2, 59.6, 16.3, 59.7}, "EPSG:4326");
    EXPECT_DOUBLE_EQ(same.min_lon, 16.2);
    EXPECT_DOUBLE_EQ(same.max_lat, 59.7);
    EXPECT_EQ(choose_working_crs(ll), "EPSG:3006");
    EXPECT_THROW(to_lonlat(box, "EPSG:99999"), UsageError);
}
