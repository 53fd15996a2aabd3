#include "trygg/hotspot/getis_ord.hpp"

#include "trygg/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

using namespace trygg::hotspot;
using trygg::model::Point;

namespace {

// PySAL esda's example (esda/getisord.py, docstring of class G_Local): six points, a distance
// band of 15 built with libpysal.weights.DistanceBand(points, threshold=15).
const std::vector<Point> esda_points{{10, 10}, {20, 10}, {40, 10}, {15, 20}, {30, 20}, {30, 30}};
const std::vector<double> esda_values{2, 3, 3.2, 5, 8, 7};

GiParams band(double distance, Weighting weighting, bool star) {
    GiParams params;
    params.distance = distance;
    params.weighting = weighting;
    params.star = star;
    return params;
}

void expect_published(const std::vector<double>& actual, const std::vector<double>& published) {
    ASSERT_EQ(actual.size(), published.size());
    // Published with 8 significant digits.
    for (std::size_t i = 0; i < published.size(); ++i) EXPECT_NEAR(actual[i], published[i], 1e-7) << "feature " << i;
}

// Reference: a dense n x n weights matrix and esda's G_Local.calc() moments written out
// literally (uncentred sums, division by the sum of values), independent of the library code.
std::vector<double> brute_force_z(const std::vector<Point>& points, const std::vector<double>& y,
                                  const GiParams& params) {
    const std::size_t n = y.size();
    std::vector<std::vector<double>> w(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::pair<double, std::size_t>> others;
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i) continue;
            const double dx = points[i].x - points[j].x, dy = points[i].y - points[j].y;
            others.emplace_back(dx * dx + dy * dy, j);
        }
        std::sort(others.begin(), others.end());
        for (std::size_t t = 0; t < others.size(); ++t) {
            const bool neighbour = params.distance ? others[t].first <= *params.distance * *params.distance
                                                   : t < static_cast<std::size_t>(*params.k);
            if (neighbour) w[i][others[t].second] = 1.0;
        }
        if (params.star) w[i][i] = 1.0;
        if (params.weighting == Weighting::row_standardised) {
            double row = 0.0;
            for (double v : w[i]) row += v;
            if (row > 0.0) {
                for (double& v : w[i]) v /= row;
            }
        }
    }
    double sum = 0.0, sum_squares = 0.0;
    for (double v : y) {
        sum += v;
        sum_squares += v * v;
    }
    const double remove_self = params.star ? 0.0 : 1.0;
    const double N = static_cast<double>(n) - remove_self;
    std::vector<double> z(n);
    for (std::size_t i = 0; i < n; ++i) {
        double lag = 0.0, cardinality = 0.0;
        for (std::size_t j = 0; j < n; ++j) {
            lag += w[i][j] * y[j];
            cardinality += w[i][j];
        }
        const double statistic = lag / (sum - y[i] * remove_self);
        const double mean = (sum - y[i] * remove_self) / N;
        const double mean_of_squares = (sum_squares - y[i] * y[i] * remove_self) / N;
        const double variance = mean_of_squares - mean * mean;
        const double expected = cardinality / N;
        const double expected_variance = cardinality * (N - cardinality) / (N - 1) / (N * N) * variance / (mean * mean);
        z[i] = (statistic - expected) / std::sqrt(expected_variance);
    }
    return z;
}

}  // namespace

// The published numbers are the `lg.Zs` / `lg_star.Zs` arrays of the G_Local docstring in
// pysal/esda, esda/getisord.py (transform='B' and 'R', star=False and True).
TEST(GetisOrd, ReproducesEsdaBinaryGiStar) {
    const auto result = getis_ord(esda_points, esda_values, band(15, Weighting::binary, true));
    expect_published(result.z, {-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331});
}

TEST(GetisOrd, ReproducesEsdaRowStandardisedGiStar) {
    const auto result = getis_ord(esda_points, esda_values, band(15, Weighting::row_standardised, true));
    expect_published(result.z, {-0.62488094, -0.09144599, 0.41150696, -0.09144599, 0.24690418, 1.28024388});
}

TEST(GetisOrd, ReproducesEsdaBinaryGi) {
    const auto result = getis_ord(esda_points, esda_values, band(15, Weighting::binary, false));
    expect_published(result.z, {-1.0136729, -0.04361589, 1.31558703, -0.31412676, 1.15373986, 1.77833941});
}

TEST(GetisOrd, ReproducesEsdaRowStandardisedGi) {
    const auto result = getis_ord(esda_points, esda_values, band(15, Weighting::row_standardised, false));
    expect_published(result.z, {-0.62074534, -0.01780611, 1.31558703, -0.12824171, 0.28843496, 1.77833941});
}

TEST(GetisOrd, NeighbourCountsAndTwoSidedP) {
    const auto result = getis_ord(esda_points, esda_values, band(15, Weighting::binary, true));
    // Hand-counted within 15 m: (10,10) has (20,10) at 10 and (15,20) at 11.2; (40,10) only
    // (30,20) at 14.1; (30,30) only (30,20) at 10.
    EXPECT_EQ(result.neighbour_count, (std::vector<std::size_t>{2, 3, 1, 3, 4, 1}));
    for (std::size_t i = 0; i < result.z.size(); ++i) {
        const double upper_tail = 1.0 - 0.5 * (1.0 + std::erf(std::abs(result.z[i]) / std::sqrt(2.0)));
        EXPECT_NEAR(result.p[i], 2.0 * upper_tail, 1e-12);
    }
    // z = 2.024 -> p = 0.043: bin +2; all others are below 1.645 in absolute value.
    EXPECT_EQ(result.bin, (std::vector<int>{0, 0, 0, 0, 0, 2}));
    EXPECT_TRUE(result.p_sim.empty());
}

TEST(GetisOrd, MatchesBruteForceOnRandomData) {
    std::mt19937 rng(2024);
    std::uniform_real_distribution<double> coordinate(0.0, 1000.0);
    std::poisson_distribution<int> count(4.0);
    std::vector<Point> points;
    std::vector<double> values;
    for (int i = 0; i < 300; ++i) {
        // Integer-metre coordinates give exact distance ties for the k-nearest tie rule.
        points.push_back({std::round(coordinate(rng)), std::round(coordinate(rng))});
        values.push_back(1.0 + count(rng));  // positive, as G needs
    }
    points.push_back(points[10]);  // coincident features
    values.push_back(9.0);
    points.push_back({5000.0, 5000.0});  // far away: an island for the distance band
    values.push_back(3.0);

    for (Weighting weighting : {Weighting::binary, Weighting::row_standardised}) {
        for (bool star : {true, false}) {
            for (int definition = 0; definition < 3; ++definition) {
                GiParams params;
                params.weighting = weighting;
                params.star = star;
                if (definition == 0) params.distance = 90.0;
                if (definition == 1) params.distance = 250.0;
                if (definition == 2) params.k = 8;
                const auto result = getis_ord(points, values, params);
                const auto expected = brute_force_z(points, values, params);
                ASSERT_EQ(result.z.size(), expected.size());
                for (std::size_t i = 0; i < expected.size(); ++i) {
                    SCOPED_TRACE(testing::Message() << "weighting " << static_cast<int>(weighting) << " star "
                                                    << star << " definition " << definition << " feature " << i);
                    if (std::isnan(expected[i])) {
                        EXPECT_TRUE(std::isnan(result.z[i]));
                    } else {
                        EXPECT_NEAR(result.z[i], expected[i], 1e-9 * std::max(1.0, std::abs(expected[i])));
                    }
                }
            }
        }
    }
}

TEST(GetisOrd, IslandsFollowEsda) {
    std::vector<Point> points{{0, 0}, {1, 0}, {0, 1}, {100, 100}};
    std::vector<double> values{1, 2, 3, 10};
    // Gi: no neighbours means no statistic.
    auto gi = getis_ord(points, values, band(2, Weighting::binary, false));
    EXPECT_EQ(gi.neighbour_count[3], 0u);
    EXPECT_TRUE(std::isnan(gi.z[3]));
    EXPECT_TRUE(std::isnan(gi.p[3]));
    EXPECT_EQ(gi.bin[3], 0);
    // Gi*: only the self weight remains; esda's formula reduces to (x_i - mean) / S with the
    // population standard deviation over all n.
    auto gi_star = getis_ord(points, values, band(2, Weighting::binary, true));
    const double mean = 16.0 / 4.0;
    const double s = std::sqrt((1 + 4 + 9 + 100) / 4.0 - mean * mean);
    EXPECT_NEAR(gi_star.z[3], (10.0 - mean) / s, 1e-12);
}

TEST(GetisOrd, AllFeaturesAsNeighboursHasNoVariance) {
    // With binary weights and every feature in the neighbourhood, G_i equals its expectation
    // and its variance is 0: esda gives 0/0, we give NaN.
    std::vector<Point> points{{0, 0}, {1, 0}, {0, 1}, {1, 1}};
    std::vector<double> values{1, 2, 3, 4};
    auto result = getis_ord(points, values, band(10, Weighting::binary, true));
    for (double z : result.z) EXPECT_TRUE(std::isnan(z));
}

namespace {

// Exact folded pseudo p-value limit of conditional randomisation for feature i: the share q of
// all k-subsets of the other values whose sum is >= the observed sum, folded as esda does.
double exact_folded_p(const std::vector<double>& values, std::size_t i, const std::vector<std::size_t>& neighbours) {
    std::vector<double> others;
    for (std::size_t j = 0; j < values.size(); ++j) {
        if (j != i) others.push_back(values[j]);
    }
    double observed = 0.0;
    for (std::size_t j : neighbours) observed += values[j];
    const std::size_t k = neighbours.size();
    std::vector<bool> choose(others.size(), false);
    std::fill(choose.begin(), choose.begin() + static_cast<std::ptrdiff_t>(k), true);
    std::size_t at_least = 0, total = 0;
    std::sort(choose.begin(), choose.end(), std::greater<>());
    do {
        double sum = 0.0;
        for (std::size_t t = 0; t < others.size(); ++t) {
            if (choose[t]) sum += others[t];
        }
        ++total;
        if (sum >= observed - 1e-9) ++at_least;
    } while (std::prev_permutation(choose.begin(), choose.end()));
    const double q = static_cast<double>(at_least) / static_cast<double>(total);
    return std::min(q, 1.0 - q);
}

}  // namespace

TEST(GetisOrd, PermutationPValuesConvergeToExactConditionalRandomisation) {
    // Eight features on a line 10 m apart; a distance band of 10 gives 1 or 2 neighbours.
    std::vector<Point> points;
    for (int i = 0; i < 8; ++i) points.push_back({10.0 * i, 0.0});
    const std::vector<double> values{9, 8, 7, 1, 2, 1, 3, 2};
    GiParams params = band(10, Weighting::binary, true);
    params.permutations = 19999;
    params.seed = 42;
    const auto result = getis_ord(points, values, params);
    ASSERT_EQ(result.p_sim.size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::vector<std::size_t> neighbours;
        if (i > 0) neighbours.push_back(i - 1);
        if (i + 1 < values.size()) neighbours.push_back(i + 1);
        const double exact = exact_folded_p(values, i, neighbours);
        // Monte Carlo standard error <= sqrt(0.25 / 19999) = 0.0035.
        EXPECT_NEAR(result.p_sim[i], exact, 0.015) << "feature " << i;
        EXPECT_GE(result.p_sim[i], 1.0 / 20000.0);
        EXPECT_LE(result.p_sim[i], 0.5 + 1e-9);
    }
}

TEST(GetisOrd, PermutationsAreSeededAndDeterministic) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> coordinate(0.0, 100.0);
    std::vector<Point> points;
    std::vector<double> values;
    for (int i = 0; i < 60; ++i) {
        points.push_back({coordinate(rng), coordinate(rng)});
        values.push_back(static_cast<double>(i % 7));
    }
    GiParams params;
    params.k = 6;
    params.permutations = 99;
    params.seed = 7;
    const auto first = getis_ord(points, values, params);
    const auto again = getis_ord(points, values, params);
    EXPECT_EQ(first.p_sim, again.p_sim);
    params.seed = 8;
    const auto other_seed = getis_ord(points, values, params);
    EXPECT_NE(first.p_sim, other_seed.p_sim);
    // With k = 6 of 59 others the distribution is never degenerate.
    for (double p : first.p_sim) {
        EXPECT_GE(p, 0.01);
        EXPECT_LE(p, 0.5);
    }
}

TEST(GetisOrd, ReportsProgress) {
    std::vector<double> seen;
    GiParams params = band(15, Weighting::binary, true);
    params.progress = [&seen](double fraction) { seen.push_back(fraction); };
    (void)getis_ord(esda_points, esda_values, params);
    ASSERT_GE(seen.size(), 2u);
    EXPECT_EQ(seen.front(), 0.0);
    EXPECT_EQ(seen.back(), 1.0);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}

TEST(GetisOrd, RejectsInvalidInput) {
    auto params = band(15, Weighting::binary, true);
    const std::vector<double> five(esda_values.begin(), esda_values.end() - 1);
    EXPECT_THROW(getis_ord(esda_points, five, params), trygg::UsageError);

    GiParams neither;
    EXPECT_THROW(getis_ord(esda_points, esda_values, neither), trygg::UsageError);
    GiParams both = params;
    both.k = 2;
    EXPECT_THROW(getis_ord(esda_points, esda_values, both), trygg::UsageError);

    GiParams k_too_large;
    k_too_large.k = 6;
    EXPECT_THROW(getis_ord(esda_points, esda_values, k_too_large), trygg::UsageError);
    k_too_large.k = 0;
    EXPECT_THROW(getis_ord(esda_points, esda_values, k_too_large), trygg::UsageError);
    GiParams k_ok;
    k_ok.k = 5;
    EXPECT_NO_THROW(getis_ord(esda_points, esda_values, k_ok));

    EXPECT_THROW(getis_ord(esda_points, esda_values, band(0, Weighting::binary, true)), trygg::UsageError);
    EXPECT_THROW(getis_ord(esda_points, esda_values, band(NAN, Weighting::binary, true)), trygg::UsageError);

    auto negative = params;
    negative.permutations = -1;
    EXPECT_THROW(getis_ord(esda_points, esda_values, negative), trygg::UsageError);

    const std::vector<double> constant(6, 4.0);
    EXPECT_THROW(getis_ord(esda_points, constant, params), trygg::DataError);
    std::vector<double> with_nan = esda_values;
    with_nan[2] = NAN;
    EXPECT_THROW(getis_ord(esda_points, with_nan, params), trygg::DataError);

    const std::vector<Point> two_points(esda_points.begin(), esda_points.begin() + 2);
    const std::vector<double> two_values{1, 2};
    EXPECT_NO_THROW(getis_ord(two_points, two_values, params));
    EXPECT_THROW(getis_ord(two_points, two_values, band(15, Weighting::binary, false)), trygg::DataError);
}

// Benjamini & Hochberg (1995), section 4.2: fifteen p-values from a study of myocardial
// infarction treatments; at q = 0.05 the procedure rejects the four smallest.
const std::vector<double> bh_example{0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
                                     0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000};

TEST(BenjaminiHochberg, PaperExampleRejectsFour) {
    const auto significant = benjamini_hochberg(bh_example, 0.05);
    for (std::size_t i = 0; i < bh_example.size(); ++i) EXPECT_EQ(significant[i], i < 4) << i;
}

TEST(BenjaminiHochberg, OrderNaNAndStepUp) {
    // Shuffled order and a NaN (not a test: m stays 15).
    std::vector<double> shuffled{bh_example.rbegin(), bh_example.rend()};
    shuffled.insert(shuffled.begin() + 3, NAN);
    const auto significant = benjamini_hochberg(shuffled, 0.05);
    std::size_t count = 0;
    for (std::size_t i = 0; i < shuffled.size(); ++i) {
        if (significant[i]) {
            ++count;
            EXPECT_LE(shuffled[i], 0.0095);
        }
    }
    EXPECT_EQ(count, 4u);
    EXPECT_FALSE(significant[3]);
    // Step-up: p_(1) = 0.04 > 0.05/2 but p_(2) = 0.05 <= 2 * 0.05/2, so both are rejected.
    const std::vector<double> step_up{0.04, 0.05};
    EXPECT_EQ(benjamini_hochberg(step_up, 0.05), (std::vector<bool>{true, true}));
    const std::vector<double> none{0.3, 0.6};
    EXPECT_EQ(benjamini_hochberg(none, 0.05), (std::vector<bool>{false, false}));
}

TEST(BenjaminiHochberg, RejectsBadInput) {
    EXPECT_THROW(benjamini_hochberg(bh_example, 0.0), trygg::UsageError);
    EXPECT_THROW(benjamini_hochberg(bh_example, 1.5), trygg::UsageError);
    const std::vector<double> bad{0.1, 1.2};
    EXPECT_THROW(benjamini_hochberg(bad, 0.05), trygg::UsageError);
}

TEST(GiBins, ConfidenceClasses) {
    const std::vector<double> z{3.0, -2.0, 1.7, -1.0, 0.0, NAN, 2.58};
    const std::vector<double> p{0.0027, 0.0455, 0.0891, 0.3173, 1.0, NAN, 0.00988};
    EXPECT_EQ(gi_bins(z, p, nullptr), (std::vector<int>{3, -2, 1, 0, 0, 0, 3}));
    const std::vector<bool> mask{false, true, true, true, true, true, true};
    EXPECT_EQ(gi_bins(z, p, &mask), (std::vector<int>{0, -2, 1, 0, 0, 0, 3}));
    const std::vector<bool> short_mask{true};
    EXPECT_THROW(gi_bins(z, p, &short_mask), trygg::UsageError);
    EXPECT_THROW(gi_bins(z, std::vector<double>{0.1}, nullptr), trygg::UsageError);
}

TEST(GiBins, FdrLevelsOnPaperExample) {
    // By hand from the BH line r * alpha / 15: at alpha 0.01 the largest r is 3 (0.0019 <=
    // 0.002), at 0.05 it is 4, at 0.10 it is 9 (0.0459 <= 0.06, 0.3240 > 0.0667).
    const std::vector<double> z(bh_example.size(), 1.0);  // only the sign matters here
    std::vector<double> negative_z(bh_example.size(), -1.0);
    const std::vector<int> expected{3, 3, 3, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    EXPECT_EQ(gi_bins_fdr(z, bh_example), expected);
    std::vector<int> expected_negative;
    for (int b : expected) expected_negative.push_back(-b);
    EXPECT_EQ(gi_bins_fdr(negative_z, bh_example), expected_negative);
}
