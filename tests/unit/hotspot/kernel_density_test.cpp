#include "trygg/hotspot/kernel_density.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numbers>
#include <random>
#include <stdexcept>
#include <vector>

#include "trygg/error.hpp"

namespace trygg::hotspot {
namespace {

constexpr std::array kAllKernels{Kernel::quartic,   Kernel::triangular,   Kernel::uniform,
                                 Kernel::triweight, Kernel::epanechnikov, Kernel::gaussian};

// Kernel shapes written from their definitions (u = d / r), independent of the library's
// squared-distance evaluation.
double reference_kernel(Kernel kernel, double u, double decay) {
    switch (kernel) {
        case Kernel::quartic: return std::pow(1.0 - u * u, 2.0);
        case Kernel::triangular: return 1.0 - (1.0 - decay) * u;
        case Kernel::uniform: return 1.0;
        case Kernel::triweight: return std::pow(1.0 - u * u, 3.0);
        case Kernel::epanechnikov: return 1.0 - u * u;
        case Kernel::gaussian: {
            const double sigma = 1.0 / 3.0;
            return std::exp(-0.5 * (u / sigma) * (u / sigma));
        }
    }
    return 0.0;
}

// Every point against every cell centre.
std::vector<double> brute_force(const std::vector<model::Point>& points, const GridSpec& grid,
                                Kernel kernel, double decay, const std::vector<double>& weights,
                                const std::vector<double>& radii) {
    std::vector<double> out(static_cast<std::size_t>(grid.columns * grid.rows), 0.0);
    for (int row = 0; row < grid.rows; ++row) {
        for (int col = 0; col < grid.columns; ++col) {
            const double cx = grid.origin_x + (col + 0.5) * grid.cell;
            const double cy = grid.origin_y - (row + 0.5) * grid.cell;
            double sum = 0.0;
            for (std::size_t i = 0; i < points.size(); ++i) {
                const double d = std::hypot(cx - points[i].x, cy - points[i].y);
                if (d <= radii[i]) sum += weights[i] * reference_kernel(kernel, d / radii[i], decay);
            }
            out[static_cast<std::size_t>(row * grid.columns + col)] = sum;
        }
    }
    return out;
}

struct RandomCase {
    std::vector<model::Point> points;
    std::vector<double> weights;
    std::vector<double> radii;
};

// Points spread over and slightly beyond the grid (points outside still reach into it).
RandomCase random_case(const GridSpec& grid, std::size_t n, unsigned seed) {
    std::mt19937_64 rng(seed);
    const double width = grid.columns * grid.cell, height = grid.rows * grid.cell;
    std::uniform_real_distribution<double> ux(grid.origin_x - 0.1 * width, grid.origin_x + 1.1 * width);
    std::uniform_real_distribution<double> uy(grid.origin_y - 1.1 * height, grid.origin_y + 0.1 * height);
    std::uniform_real_distribution<double> uw(0.2, 4.0);
    std::uniform_real_distribution<double> ur(0.3 * grid.cell, 7.3 * grid.cell);
    RandomCase c;
    for (std::size_t i = 0; i < n; ++i) {
        c.points.push_back({ux(rng), uy(rng)});
        c.weights.push_back(uw(rng));
        c.radii.push_back(ur(rng));
    }
    return c;
}

void expect_close(const std::vector<float>& actual, const std::vector<double>& expected, double rel) {
    ASSERT_EQ(actual.size(), expected.size());
    int nonzero = 0;
    for (std::size_t k = 0; k < actual.size(); ++k) {
        const double tolerance = rel * std::abs(expected[k]) + 1e-12;
        ASSERT_NEAR(actual[k], expected[k], tolerance) << "cell " << k;
        if (expected[k] != 0.0) ++nonzero;
    }
    EXPECT_GT(nonzero, 100);  // the comparison covered real values
}

TEST(KernelDensity, EveryKernelEqualsBruteForceWithWeightsAndPerPointRadii) {
    const GridSpec grid{.origin_x = 1000.25, .origin_y = 5000.75, .cell = 10.0, .columns = 57, .rows = 43};
    const RandomCase c = random_case(grid, 250, 7);
    for (const Kernel kernel : kAllKernels) {
        SCOPED_TRACE(std::string(to_string(kernel)));
        KdeParams params;
        params.kernel = kernel;
        params.decay = kernel == Kernel::triangular ? 0.35 : 0.0;
        params.weights = c.weights;
        params.radii = c.radii;
        const auto ours = kernel_density(c.points, grid, params);
        expect_close(ours, brute_force(c.points, grid, kernel, params.decay, c.weights, c.radii), 1e-5);
    }
}

TEST(KernelDensity, FixedRadiusAndNegativeDecayEqualBruteForce) {
    const GridSpec grid{.origin_x = -300.0, .origin_y = 200.0, .cell = 3.5, .columns = 80, .rows = 61};
    RandomCase c = random_case(grid, 120, 11);
    const std::vector<double> ones(c.points.size(), 1.0);
    const std::vector<double> radius(c.points.size(), 31.7);
    for (const double decay : {-0.8, 0.0, 1.0}) {
        KdeParams params;
        params.radius = 31.7;
        params.kernel = Kernel::triangular;
        params.decay = decay;
        expect_close(kernel_density(c.points, grid, params),
                     brute_force(c.points, grid, Kernel::triangular, decay, ones, radius), 1e-5);
    }
}

TEST(KernelDensity, RowZeroIsNorthAndOnePointPeaksAtItsCell) {
    const GridSpec grid{.origin_x = 0.0, .origin_y = 100.0, .cell = 10.0, .columns = 10, .rows = 10};
    const std::vector<model::Point> points{{35.0, 75.0}};  // centre of row 2, column 3
    KdeParams params;
    params.radius = 25.0;
    const auto values = kernel_density(points, grid, params);
    const auto peak = std::max_element(values.begin(), values.end()) - values.begin();
    EXPECT_EQ(peak, 2 * 10 + 3);
    EXPECT_FLOAT_EQ(values[static_cast<std::size_t>(peak)], 1.0f);
    // Neighbour one cell north (row 1): d = 10, quartic (1 - 0.16)^2.
    EXPECT_FLOAT_EQ(values[1 * 10 + 3], static_cast<float>(std::pow(1.0 - 0.16, 2)));
    params.kernel = Kernel::uniform;
    params.radius = 20.0;  // cells two columns away are exactly at d = r and count (QGIS: d > r skips)
    const auto uniform = kernel_density(points, grid, params);
    EXPECT_EQ(uniform[2 * 10 + 5], 1.0f);
    EXPECT_EQ(uniform[2 * 10 + 6], 0.0f);
}

TEST(KernelDensity, ResultIsByteIdenticalForAnyThreadCount) {
    const GridSpec grid{.origin_x = 0.0, .origin_y = 3000.0, .cell = 5.0, .columns = 211, .rows = 600};
    const RandomCase c = random_case(grid, 3000, 3);
    KdeParams params;
    params.weights = c.weights;
    params.radii = c.radii;
    params.threads = 1;
    const auto one = kernel_density(c.points, grid, params);
    for (const unsigned threads : {2u, 3u, 7u}) {
        params.threads = threads;
        const auto many = kernel_density(c.points, grid, params);
        ASSERT_EQ(many.size(), one.size());
        EXPECT_EQ(std::memcmp(many.data(), one.data(), one.size() * sizeof(float)), 0) << threads;
    }
}

// The library fills each row's run of cells inside the disc four at a time (SIMD) after
// finding the run's ends by binary search. A plain loop over every cell, with the same
// floating-point steps per term and the points added in input order, must give the very same
// bits: this catches a run end off by one cell (a cell at d = r dropped or one beyond added) and
// any reordering of the sums. Radii from under a cell to many cells, so runs of every length
// (and every remainder modulo four) occur; points off the grid too; and points on cell centres
// with radii of whole cells (all exact in binary), whose discs have cells exactly at d = r.
TEST(KernelDensity, RowRunsGiveTheBitsOfACellByCellSum) {
    const GridSpec grid{.origin_x = 512.0, .origin_y = 9010.0, .cell = 2.5, .columns = 97, .rows = 71};
    RandomCase c = random_case(grid, 400, 21);
    for (int k = 0; k < 40; ++k) {
        const int col = (k * 37) % grid.columns, row = (k * 23) % grid.rows;
        c.points.push_back({grid.origin_x + (col + 0.5) * grid.cell, grid.origin_y - (row + 0.5) * grid.cell});
        c.weights.push_back(1.0 + k % 3);
        c.radii.push_back(grid.cell * (1 + k % 9));
    }
    for (const Kernel kernel : kAllKernels) {
        SCOPED_TRACE(std::string(to_string(kernel)));
        const double decay = 0.3;
        std::vector<double> sums(static_cast<std::size_t>(grid.columns * grid.rows), 0.0);
        for (std::size_t i = 0; i < c.points.size(); ++i) {
            const double r2 = c.radii[i] * c.radii[i];
            const double inv_r2 = 1.0 / r2;
            for (int row = 0; row < grid.rows; ++row) {
                const double dy = grid.origin_y - (row + 0.5) * grid.cell - c.points[i].y;
                const double dy2 = dy * dy;
                for (int col = 0; col < grid.columns; ++col) {
                    const double dx = grid.origin_x + (col + 0.5) * grid.cell - c.points[i].x;
                    const double dx2 = dx * dx;
                    if (!(dx2 + dy2 <= r2)) continue;
                    const double q = (dx2 + dy2) * inv_r2;
                    double term = 0.0;
                    switch (kernel) {
                        case Kernel::quartic: term = c.weights[i] * ((1.0 - q) * (1.0 - q)); break;
                        case Kernel::triweight: term = c.weights[i] * ((1.0 - q) * (1.0 - q) * (1.0 - q)); break;
                        case Kernel::epanechnikov: term = c.weights[i] * (1.0 - q); break;
                        case Kernel::uniform: term = c.weights[i]; break;
                        case Kernel::triangular: term = c.weights[i] * (1.0 - (1.0 - decay) * std::sqrt(q)); break;
                        case Kernel::gaussian:
                            term = (c.weights[i] * std::exp(-4.5 * dy2 * inv_r2)) * std::exp(-4.5 * dx2 * inv_r2);
                            break;
                    }
                    sums[static_cast<std::size_t>(row * grid.columns + col)] += term;
                }
            }
        }
        KdeParams params;
        params.kernel = kernel;
        params.decay = decay;
        params.weights = c.weights;
        params.radii = c.radii;
        params.threads = 2;
        const auto ours = kernel_density(c.points, grid, params);
        ASSERT_EQ(ours.size(), sums.size());
        std::size_t nonzero = 0;
        for (std::size_t k = 0; k < sums.size(); ++k) {
            ASSERT_EQ(ours[k], static_cast<float>(sums[k])) << "cell " << k;
            if (sums[k] != 0.0) ++nonzero;
        }
        EXPECT_GT(nonzero, sums.size() / 2);
    }
}

TEST(KernelDensity, DensityIntegratesToTotalWeightPerSquareKilometre) {
    const std::vector<model::Point> points{{500.0, 700.0}, {812.3, 640.9}, {610.7, 455.5}, {700.1, 701.2}};
    const std::vector<double> weights{1.0, 2.5, 0.75, 3.0};
    const double total_weight = 7.25;
    const double radius = 150.0;
    const GridSpec grid = grid_around({480.0, 440.0, 820.0, 710.0}, radius, 3.0);  // r = 50 cells
    const double cell_km2 = grid.cell * grid.cell / 1e6;
    for (const Kernel kernel : kAllKernels) {
        for (const double decay : {0.0, 0.5}) {
            if (decay != 0.0 && kernel != Kernel::triangular) continue;
            KdeParams params;
            params.radius = radius;
            params.kernel = kernel;
            params.decay = decay;
            params.weights = weights;
            params.value = DensityValue::density;
            const auto values = kernel_density(points, grid, params);
            double integral = 0.0;
            for (const float v : values) integral += v * cell_km2;
            EXPECT_NEAR(integral, total_weight, 0.01 * total_weight) << to_string(kernel) << " " << decay;
        }
    }
}

TEST(KernelDensity, DensityIsRawTimesClosedFormConstant) {
    // A point at a cell centre: raw value 1 there; density = c / (pi r^2) per m^2, x 1e6 per km^2.
    const GridSpec grid{.origin_x = 0.0, .origin_y = 10.0, .cell = 10.0, .columns = 1, .rows = 1};
    const std::vector<model::Point> points{{5.0, 5.0}};
    const double r = 40.0;
    const double per_km2 = 1e6 / (std::numbers::pi * r * r);
    KdeParams params;
    params.radius = r;
    params.value = DensityValue::density;
    EXPECT_FLOAT_EQ(kernel_density(points, grid, params)[0], static_cast<float>(3.0 * per_km2));
    params.kernel = Kernel::triangular;
    params.decay = 0.25;
    EXPECT_FLOAT_EQ(kernel_density(points, grid, params)[0], static_cast<float>(3.0 / 1.5 * per_km2));
    params.kernel = Kernel::epanechnikov;
    EXPECT_FLOAT_EQ(kernel_density(points, grid, params)[0], static_cast<float>(2.0 * per_km2));
    params.kernel = Kernel::triweight;
    EXPECT_FLOAT_EQ(kernel_density(points, grid, params)[0], static_cast<float>(4.0 * per_km2));
    params.kernel = Kernel::uniform;
    EXPECT_FLOAT_EQ(kernel_density(points, grid, params)[0], static_cast<float>(per_km2));
    params.kernel = Kernel::triangular;
    params.decay = -0.5;  // zero mass: cannot be normalised
    EXPECT_THROW(kernel_density(points, grid, params), UsageError);
}

TEST(GridAround, FollowsQgisPaddingAndRowColumnRule) {
    // Padded extent 75.3 .. 205.9 (width 130.6) and 175.7 .. 285.2 (height 109.5), cell 10:
    // columns = ceil(13.06) + 1 = 15, rows = ceil(10.95) + 1 = 12, origin at the top-left corner.
    const GridSpec g = grid_around({100.3, 200.7, 180.9, 260.2}, 25.0, 10.0);
    EXPECT_DOUBLE_EQ(g.origin_x, 75.3);
    EXPECT_DOUBLE_EQ(g.origin_y, 285.2);
    EXPECT_EQ(g.cell, 10.0);
    EXPECT_EQ(g.columns, 15);
    EXPECT_EQ(g.rows, 12);
    // Whole multiples still get the extra row and column.
    const GridSpec exact = grid_around({0.0, 0.0, 100.0, 50.0}, 0.0, 10.0);
    EXPECT_EQ(exact.columns, 11);
    EXPECT_EQ(exact.rows, 6);
    // A single point without padding: one cell.
    const GridSpec single = grid_around({3.0, 4.0, 3.0, 4.0}, 0.0, 10.0);
    EXPECT_EQ(single.columns, 1);
    EXPECT_EQ(single.rows, 1);
    EXPECT_THROW(grid_around({0, 0, 1, 1}, 1.0, 0.0), UsageError);
    EXPECT_THROW(grid_around({2, 0, 1, 1}, 1.0, 1.0), UsageError);
}

TEST(KernelDensity, QgisQuirksMatchABlockReferenceAndVanishForSymmetricPositions) {
    // QGIS evaluates block row t at y = extent_min_y + (row_from_bottom + t + 0.5) cell but
    // stores it in raster row row_from_top + t. Reference written from that description.
    const model::Box extent{1000.0, 2000.0, 1400.37, 2300.81};
    const double radius = 55.0, cell = 10.0;
    const GridSpec grid = grid_around(extent, radius, cell);
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> ux(extent.min_x, extent.max_x), uy(extent.min_y, extent.max_y);
    std::vector<model::Point> points{{extent.min_x, extent.min_y}, {extent.max_x, extent.max_y}};
    for (int i = 0; i < 40; ++i) points.push_back({ux(rng), uy(rng)});

    const double min_y = extent.min_y - radius;
    const int b = 6;  // 55 / 10 = 5 remainder 5 > 0.5 -> 6
    std::vector<double> expected(static_cast<std::size_t>(grid.columns * grid.rows), 0.0);
    for (const auto& p : points) {
        const auto x0 = static_cast<long>((p.x - grid.origin_x) / cell - b);
        const auto from_bottom = static_cast<long>((p.y - min_y) / cell - b);
        const auto from_top = static_cast<long>((grid.origin_y - p.y) / cell - b);
        for (int t = 0; t <= 2 * b; ++t) {
            for (int s = 0; s <= 2 * b; ++s) {
                const double cx = grid.origin_x + (static_cast<double>(x0 + s) + 0.5) * cell;
                const double cy = min_y + (static_cast<double>(from_bottom + t) + 0.5) * cell;
                const double d = std::hypot(cx - p.x, cy - p.y);
                if (d > radius) continue;
                const long row = from_top + t, col = x0 + s;
                ASSERT_TRUE(row >= 0 && row < grid.rows && col >= 0 && col < grid.columns);
                expected[static_cast<std::size_t>(row * grid.columns + col)] +=
                    reference_kernel(Kernel::quartic, d / radius, 0.0);
            }
        }
    }
    KdeParams params;
    params.radius = radius;
    params.qgis_quirks = qgis_quirks_for(extent, radius);
    expect_close(kernel_density(points, grid, params), expected, 1e-5);

    // Where the point's fractional position in its row is the same from the top of the grid
    // and from the bottom of QGIS's extent, the quirk has no effect.
    const model::Box square{0.0, 0.0, 100.0, 100.0};
    const GridSpec g2 = grid_around(square, 30.0, 10.0);  // padded height 160 = 16 cells
    const std::vector<model::Point> symmetric{{42.7, 55.0}, {0.0, 0.0}, {100.0, 100.0}};
    KdeParams exact;
    exact.radius = 30.0;
    KdeParams quirky = exact;
    quirky.qgis_quirks = qgis_quirks_for(square, 30.0);
    EXPECT_EQ(kernel_density(symmetric, g2, exact), kernel_density(symmetric, g2, quirky));
}

TEST(KernelDensity, ProgressIsMonotonicAndEndsAtOne) {
    const GridSpec grid{.origin_x = 0.0, .origin_y = 2000.0, .cell = 2.0, .columns = 500, .rows = 1000};
    const RandomCase c = random_case(grid, 20000, 9);
    std::vector<double> seen;
    KdeParams params;
    params.radius = 30.0;
    params.threads = 2;
    params.progress = [&](double f) { seen.push_back(f); };
    kernel_density(c.points, grid, params);
    ASSERT_GE(seen.size(), 3u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(seen.back(), 1.0);
    EXPECT_GE(seen.front(), 0.0);

    // An exception from the callback (e.g. a cancel) stops the run and reaches the caller.
    params.progress = [](double f) {
        if (f > 0.1) throw std::runtime_error("cancelled");
    };
    EXPECT_THROW(kernel_density(c.points, grid, params), std::runtime_error);
}

TEST(KernelDensity, RejectsInvalidInput) {
    const GridSpec grid{.origin_x = 0.0, .origin_y = 10.0, .cell = 1.0, .columns = 10, .rows = 10};
    const std::vector<model::Point> points{{1.0, 1.0}, {2.0, std::nan("")}};
    KdeParams params;
    EXPECT_THROW(kernel_density({}, grid, params), UsageError);  // radius 0
    params.radius = 2.0;
    try {
        kernel_density(points, grid, params);
        FAIL() << "expected DataError";
    } catch (const DataError& e) {
        EXPECT_EQ(e.location().feature, 1);
    }
    const std::vector<model::Point> good{{1.0, 1.0}, {2.0, 2.0}};
    const std::vector<double> one_weight{1.0};
    params.weights = one_weight;
    EXPECT_THROW(kernel_density(good, grid, params), UsageError);
    params.weights = {};
    const std::vector<double> radii{1.0, -1.0};
    params.radii = radii;
    EXPECT_THROW(kernel_density(good, grid, params), DataError);
    params.radii = {};
    GridSpec bad = grid;
    bad.cell = 0.0;
    EXPECT_THROW(kernel_density(good, bad, params), UsageError);
    EXPECT_TRUE(kernel_density({}, grid, params) == std::vector<float>(100, 0.0f));
}

TEST(KernelDensity, KernelNamesRoundTrip) {
    for (const Kernel kernel : kAllKernels) EXPECT_EQ(parse_kernel(to_string(kernel)), kernel);
    EXPECT_EQ(parse_kernel("Epanechnikov"), Kernel::epanechnikov);
    EXPECT_EQ(parse_kernel("QUARTIC"), Kernel::quartic);
    EXPECT_FALSE(parse_kernel("biweight").has_value());
    EXPECT_FALSE(parse_kernel("").has_value());
}

}  // namespace
}  // namespace trygg::hotspot
