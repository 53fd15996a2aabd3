#include "trygg/hotspot/getis_ord.hpp"

#include "trygg/error.hpp"
#include "trygg/index/point_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <utility>

namespace trygg::hotspot {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fully specified generator, so the permutation
// p-values are the same on every platform and standard library (std::uniform_int_distribution
// is not). Each feature gets its own stream derived from (seed, feature index), so results do
// not depend on the order in which features are processed.
class SplitMix64 {
    __extension__ typedef unsigned __int128 Wide;  // GCC/Clang; __extension__ keeps -Wpedantic quiet

public:
    explicit SplitMix64(std::uint64_t state) : state_(state) {}

    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, range), range > 0, without bias: Lemire's multiply-and-shift (ACM TOMACS
    // 2019), which needs a division only in the rare case that a draw may have to be rejected.
    std::uint64_t below(std::uint64_t range) {
        Wide product = static_cast<Wide>(next()) * range;
        auto low = static_cast<std::uint64_t>(product);
        if (low < range) {
            const std::uint64_t threshold = (0 - range) % range;
            while (low < threshold) {
                product = static_cast<Wide>(next()) * range;
                low = static_cast<std::uint64_t>(product);
            }
        }
        return static_cast<std::uint64_t>(product >> 64);
    }

private:
    std::uint64_t state_;
};

SplitMix64 feature_stream(std::uint64_t seed, std::size_t feature) {
    SplitMix64 seeder(seed ^ (0xD1B54A32D192ED03ULL * (static_cast<std::uint64_t>(feature) + 1)));
    return SplitMix64(seeder.next());
}

void validate(std::span<const model::Point> locations, std::span<const double> values,
              const GiParams& params) {
    const std::size_t n = values.size();
    if (locations.size() != n) {
        throw UsageError("Getis-Ord: " + std::to_string(locations.size()) + " locations but " +
                         std::to_string(n) + " values");
    }
    if (params.distance.has_value() == params.k.has_value()) {
        throw UsageError("Getis-Ord: give exactly one neighbour definition, a distance band or k nearest");
    }
    if (params.distance && !(std::isfinite(*params.distance) && *params.distance > 0.0)) {
        throw UsageError("Getis-Ord: the distance band must be a positive number of metres");
    }
    const std::size_t minimum = params.star ? 2 : 3;
    if (n < minimum) {
        // Too few features is the data's doing (after filters), not a wrong option: exit 1.
        throw DataError(std::string("Getis-Ord: ") + (params.star ? "Gi*" : "Gi") + " needs at least " +
                         std::to_string(minimum) + " features, got " + std::to_string(n));
    }
    if (params.k && (*params.k < 1 || static_cast<std::size_t>(*params.k) >= n)) {
        throw UsageError("Getis-Ord: k must be between 1 and the number of features - 1 (" +
                         std::to_string(n - 1) + "), got " + std::to_string(*params.k));
    }
    if (params.permutations < 0) throw UsageError("Getis-Ord: permutations must be >= 0");
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(values[i])) {
            throw DataError("Getis-Ord: value of feature " + std::to_string(i) + " is not a finite number");
        }
    }
    if (std::all_of(values.begin(), values.end(), [&](double v) { return v == values[0]; })) {
        throw DataError("Getis-Ord: all values are equal (" + std::to_string(values[0]) +
                        "), so their standard deviation is 0 and no z-score exists");
    }
}

// Conditional randomisation (Anselin 1995, as in esda's crand): feature i keeps its value and
// its neighbour count k; the k neighbour values are replaced by k values drawn without
// replacement from the other n - 1 features. Because every weight in a row is equal (binary or
// row-standardised binary), the statistic is an increasing function of the sum of the drawn
// values, so sums are compared instead of G values.
class ConditionalPermutation {
public:
    explicit ConditionalPermutation(std::span<const double> centred)
        : centred_(centred), pool_(centred.size() - 1), swaps_(centred.size()) {
        std::iota(pool_.begin(), pool_.end(), std::size_t{0});
        total_ = std::accumulate(centred.begin(), centred.end(), 0.0);
        max_abs_ = 0.0;
        for (double c : centred) max_abs_ = std::max(max_abs_, std::abs(c));
    }

    // Folded pseudo p-value: (min(#{sim >= observed}, P - #{sim >= observed}) + 1) / (P + 1),
    // esda's rule. NaN when every draw gives the same sum (k = 0 or k = n - 1).
    double p_value(std::size_t i, std::size_t k, double observed_sum, int permutations, std::uint64_t seed) {
        const std::size_t others = pool_.size();
        if (k == 0 || k >= others) return nan;
        // Drawing the complement is cheaper when the neighbourhood is more than half the data.
        const bool complement = k > others / 2;
        const std::size_t draws = complement ? others - k : k;
        const double others_total = total_ - centred_[i];
        // Sums of the same values in another order may differ in the last bits; a tie within
        // rounding counts as "as extreme" like an exact tie does in esda.
        const double tolerance = 64.0 * std::numeric_limits<double>::epsilon() * static_cast<double>(others) * max_abs_;
        SplitMix64 rng = feature_stream(seed, i);
        long long larger = 0;
        for (int p = 0; p < permutations; ++p) {
            double drawn = 0.0;
            // Partial Fisher-Yates over the virtual array of the other features' indices...
            for (std::size_t t = 0; t < draws; ++t) {
                const std::size_t r = t + static_cast<std::size_t>(rng.below(others - t));
                std::swap(pool_[t], pool_[r]);
                swaps_[t] = r;
                const std::size_t v = pool_[t];
                drawn += centred_[v < i ? v : v + 1];  // skip feature i itself
            }
            // ...undone afterwards, so the pool is the identity again and each feature's draws
            // depend only on its own random stream.
            for (std::size_t t = draws; t-- > 0;) std::swap(pool_[t], pool_[swaps_[t]]);
            const double simulated = complement ? others_total - drawn : drawn;
            if (simulated >= observed_sum - tolerance) ++larger;
        }
        const long long total = permutations;
        if (total - larger < larger) larger = total - larger;
        return static_cast<double>(larger + 1) / static_cast<double>(total + 1);
    }

private:
    std::span<const double> centred_;
    std::vector<std::size_t> pool_;
    std::vector<std::size_t> swaps_;
    double total_;
    double max_abs_;
};

int confidence_class(double z, double p) {
    if (std::isnan(z) || std::isnan(p) || z == 0.0) return 0;
    const int sign = z > 0.0 ? 1 : -1;
    if (p <= 0.01) return 3 * sign;
    if (p <= 0.05) return 2 * sign;
    if (p <= 0.10) return sign;
    return 0;
}

void check_same_size(std::span<const double> z, std::span<const double> p) {
    if (z.size() != p.size()) {
        throw UsageError("Gi bins: " + std::to_string(z.size()) + " z-scores but " + std::to_string(p.size()) +
                         " p-values");
    }
}

}  // namespace

GiResult getis_ord(std::span<const model::Point> locations, std::span<const double> values,
                   const GiParams& params) {
    validate(locations, values, params);
    const std::size_t n = values.size();
    const index::PointIndex neighbours_index(locations);

    // Everything is computed on values centred by the global mean: the Gi numerator
    // sum_j w_ij x_j - mean_i W_i and the variance are shift-invariant, and centring avoids the
    // cancellation of sum(x^2)/n - mean^2 when values are large and close together.
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(n);
    std::vector<double> centred(n);
    double sum_squares = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        centred[i] = values[i] - mean;
        sum_squares += centred[i] * centred[i];
    }
    // Gi* uses all n values for the mean and variance; Gi leaves feature i out (N = n - 1).
    const double sample = params.star ? static_cast<double>(n) : static_cast<double>(n - 1);
    const double variance_floor = 1e-12 * sum_squares / static_cast<double>(n);

    GiResult result;
    result.z.assign(n, nan);
    result.p.assign(n, nan);
    result.neighbour_count.assign(n, 0);
    if (params.permutations > 0) result.p_sim.assign(n, nan);
    std::optional<ConditionalPermutation> permutation;
    if (params.permutations > 0) permutation.emplace(centred);

    const std::size_t progress_step = std::max<std::size_t>(1, n / 100);
    if (params.progress) params.progress(0.0);

    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < n; ++i) {
        if (params.distance) {
            neighbours_index.within_distance(locations[i], *params.distance, found);
        } else {
            neighbours_index.nearest_others(i, static_cast<std::size_t>(*params.k), found);
        }
        std::size_t other_count = 0;
        double other_sum = 0.0;
        for (std::size_t j : found) {
            if (j == i) continue;
            ++other_count;
            other_sum += centred[j];
        }
        result.neighbour_count[i] = other_count;

        // Row i of the weights: `entries` equal weights w (binary 1, row-standardised 1/entries),
        // the self weight being one of them for Gi*.
        const double entries = static_cast<double>(other_count + (params.star ? 1 : 0));
        const double lag_sum = other_sum + (params.star ? centred[i] : 0.0);
        const double local_mean = params.star ? 0.0 : -centred[i] / sample;  // mean of the others
        const double local_variance =
            params.star ? sum_squares / sample
                        : (sum_squares - centred[i] * centred[i]) / sample - local_mean * local_mean;
        const double w = params.weighting == Weighting::binary ? 1.0 : 1.0 / entries;
        const double weight_sum = w * entries;  // W_i
        // esda's variance of G_i: W_i (N - W_i) / (N - 1) in units of S^2 (see the docs).
        const double spread = weight_sum * (sample - weight_sum) / (sample - 1.0);
        if (entries > 0.0 && spread > 0.0 && local_variance > variance_floor) {
            const double numerator = w * lag_sum - local_mean * weight_sum;
            const double z = numerator / (std::sqrt(local_variance) * std::sqrt(spread));
            result.z[i] = z;
            result.p[i] = std::erfc(std::abs(z) / std::sqrt(2.0));
        }
        if (permutation) {
            result.p_sim[i] = permutation->p_value(i, other_count, other_sum, params.permutations, params.seed);
        }
        if (params.progress && (i + 1) % progress_step == 0) {
            params.progress(static_cast<double>(i + 1) / static_cast<double>(n));
        }
    }
    result.bin = gi_bins(result.z, result.p, nullptr);
    if (params.progress) params.progress(1.0);
    return result;
}

std::vector<bool> benjamini_hochberg(std::span<const double> p, double alpha) {
    if (!(alpha > 0.0 && alpha <= 1.0)) throw UsageError("FDR: alpha must be in (0, 1]");
    std::vector<std::size_t> order;
    order.reserve(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (std::isnan(p[i])) continue;
        if (p[i] < 0.0 || p[i] > 1.0) {
            throw UsageError("FDR: p-value " + std::to_string(i) + " is " + std::to_string(p[i]) +
                             ", outside [0, 1]");
        }
        order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    const double m = static_cast<double>(order.size());
    // Step-up: the largest rank r whose p-value is under its line r * alpha / m decides; all
    // smaller p-values are rejected too even when they are above their own line.
    double threshold = -1.0;
    for (std::size_t r = order.size(); r-- > 0;) {
        if (p[order[r]] <= alpha * static_cast<double>(r + 1) / m) {
            threshold = p[order[r]];
            break;
        }
    }
    std::vector<bool> significant(p.size(), false);
    for (std::size_t i : order) significant[i] = p[i] <= threshold;
    return significant;
}

std::vector<int> gi_bins(std::span<const double> z, std::span<const double> p,
                         const std::vector<bool>* fdr_significant) {
    check_same_size(z, p);
    if (fdr_significant && fdr_significant->size() != z.size()) {
        throw UsageError("Gi bins: the FDR mask has " + std::to_string(fdr_significant->size()) +
                         " entries for " + std::to_string(z.size()) + " features");
    }
    std::vector<int> bins(z.size());
    for (std::size_t i = 0; i < z.size(); ++i) {
        const bool kept = fdr_significant == nullptr || (*fdr_significant)[i];
        bins[i] = kept ? confidence_class(z[i], p[i]) : 0;
    }
    return bins;
}

std::vector<int> gi_bins_fdr(std::span<const double> z, std::span<const double> p) {
    check_same_size(z, p);
    const std::vector<bool> at_99 = benjamini_hochberg(p, 0.01);
    const std::vector<bool> at_95 = benjamini_hochberg(p, 0.05);
    const std::vector<bool> at_90 = benjamini_hochberg(p, 0.10);
    std::vector<int> bins(z.size(), 0);
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (std::isnan(z[i]) || z[i] == 0.0) continue;
        const int sign = z[i] > 0.0 ? 1 : -1;
        const int level = at_99[i] ? 3 : at_95[i] ? 2 : at_90[i] ? 1 : 0;
        bins[i] = sign * level;
    }
    return bins;
}

}  // namespace trygg::hotspot
