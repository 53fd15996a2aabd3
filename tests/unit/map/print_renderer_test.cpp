#include "trygg/map/print_renderer.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "support/scratch.hpp"
#include "trygg/error.hpp"
#include "trygg/io/gdal_setup.hpp"

namespace trygg::map {
namespace {

MapDocument small_map() {
    MapDocument doc;
    doc.title = "Testkarta";
    doc.date = "2026-01-02";
    doc.crs = "EPSG:3006";
    doc.lang = Language::sv;
    MapLayer area;
    area.id = "area";
    area.title = "Område";
    area.style.fill = {200, 0, 0};
    area.style.fill_opacity = 1.0;
    MapFeature f;
    f.geometry = model::MultiPolygon{model::Polygon{
        {{569000, 6608000}, {569400, 6608000}, {569400, 6608300}, {569000, 6608300}, {569000, 6608000}}, {}}};
    area.features.push_back(f);
    MapLayer line;
    line.id = "line";
    line.title = "Väg";
    MapFeature l;
    l.geometry = model::MultiLineString{{{569000, 6608000}, {569400, 6608300}}};
    line.features.push_back(l);
    doc.layers = {area, line};
    doc.notes = {"En anteckning som är lång nog att brytas på flera rader i teckenförklaringen."};
    return doc;
}

// Counts pixels of the PNG (read back with GDAL) that are pure red (the area's fill) and that
// are not white.
struct PngCounts {
    int width = 0, height = 0;
    long red = 0, not_white = 0;
};

PngCounts read_png(const std::string& path) {
    io::ensure_gdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    EXPECT_TRUE(ds);
    PngCounts c;
    if (!ds) return c;
    c.width = ds->GetRasterXSize();
    c.height = ds->GetRasterYSize();
    EXPECT_GE(ds->GetRasterCount(), 3);
    std::vector<std::vector<unsigned char>> bands(3, std::vector<unsigned char>(static_cast<std::size_t>(c.width) * c.height));
    for (int b = 0; b < 3; ++b)
        EXPECT_EQ(ds->GetRasterBand(b + 1)->RasterIO(GF_Read, 0, 0, c.width, c.height, bands[b].data(), c.width, c.height,
                                                     GDT_Byte, 0, 0, nullptr),
                  CE_None);
    for (std::size_t i = 0; i < bands[0].size(); ++i) {
        if (bands[0][i] == 200 && bands[1][i] == 0 && bands[2][i] == 0) ++c.red;
        if (bands[0][i] < 250 || bands[1][i] < 250 || bands[2][i] < 250) ++c.not_white;
    }
    return c;
}

TEST(PrintRenderer, PngHasTheSizeAndShowsTheMap) {
    const auto dir = test::make_scratch_dir("map-print");
    const std::string path = (dir / "map.png").string();
    PrintOptions options;
    options.width = 800;
    options.height = 600;
    options.dpi = 96;
    render_print(small_map(), path, options, test::write_options(false));
    const PngCounts c = read_png(path);
    EXPECT_EQ(c.width, 800);
    EXPECT_EQ(c.height, 600);
    // The red rectangle fills most of the map frame (its aspect is 4:3 like the frame, less
    // the title band and padding): well over a quarter of the image.
    EXPECT_GT(c.red, 800L * 600L / 4);
    EXPECT_LT(c.red, 800L * 600L);
    EXPECT_GT(c.not_white, c.red);  // text, frame, legend, scale bar
}

TEST(PrintRenderer, SvgAndPdfAreWrittenAndDeterministic) {
    const auto dir = test::make_scratch_dir("map-print-vector");
    for (const char* ext : {".svg", ".pdf", ".png"}) {
        const std::string a = (dir / (std::string("a") + ext)).string(), b = (dir / (std::string("b") + ext)).string();
        render_print(small_map(), a, PrintOptions{}, test::write_options(false));
        render_print(small_map(), b, PrintOptions{}, test::write_options(false));
        std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
        std::string sa((std::istreambuf_iterator<char>(fa)), {}), sb((std::istreambuf_iterator<char>(fb)), {});
        // Cairo numbers SVG surfaces per process ("surface1", "surface6"...): the same map drawn
        // twice in one process differs only there; a fresh process always starts at the same number.
        const std::regex surface_id("surface[0-9]+");
        sa = std::regex_replace(sa, surface_id, "surface");
        sb = std::regex_replace(sb, surface_id, "surface");
        EXPECT_GT(sa.size(), 1000u) << ext;
        EXPECT_EQ(sa, sb) << ext << " differs between two runs";
        if (std::string(ext) == ".svg") {
            EXPECT_NE(sa.find("<svg"), std::string::npos);
        }
        if (std::string(ext) == ".pdf") {
            EXPECT_EQ(sa.rfind("%PDF", 0), 0u);
        }
    }
}

TEST(PrintRenderer, RefusesBadOptionsAndLeavesNoFile) {
    const auto dir = test::make_scratch_dir("map-print-bad");
    PrintOptions options;
    EXPECT_THROW(render_print(small_map(), (dir / "map.jpg").string(), options, test::write_options(false)), UsageError);
    options.dpi = 5;
    EXPECT_THROW(render_print(small_map(), (dir / "map.png").string(), options, test::write_options(false)), UsageError);
    EXPECT_FALSE(std::filesystem::exists(dir / "map.png"));
    PrintOptions size;
    EXPECT_THROW(parse_print_size("800", size), UsageError);
    EXPECT_THROW(parse_print_size("10x10", size), UsageError);
    EXPECT_THROW(parse_print_size("800x-5", size), UsageError);
    parse_print_size("1024x768", size);
    EXPECT_EQ(size.width, 1024);
    EXPECT_EQ(size.height, 768);
}

}  // namespace
}  // namespace trygg::map
