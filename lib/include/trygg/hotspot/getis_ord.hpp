#pragma once
// Getis-Ord local statistics Gi* and Gi (Getis & Ord 1992; Ord & Getis 1995) with the
// z-scores of PySAL esda's G_Local, the Benjamini-Hochberg false discovery rate (1995), and the
// ArcGIS "Gi_Bin" confidence classes. Formulas and conventions: docs/methods.md.
//
// Neighbours are found with a spatial index (index::PointIndex): O(n log n + total neighbours)
// time, O(n) memory; weights are never stored as a matrix.

#include "trygg/model/geometry.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace trygg::hotspot {

// How neighbour weights are formed from the neighbour sets (esda's transform 'B' and 'R').
//  binary:           w_ij = 1 for each neighbour j (and w_ii = 1 for Gi*).
//  row_standardised: the binary row divided by its sum, w_ij = 1 / (number of entries in row i),
//                    the self weight included in that count for Gi* (esda's star handling).
enum class Weighting { binary, row_standardised };

struct GiParams {
    // Exactly one of the two neighbour definitions: a distance band (every other feature at
    // distance <= distance, metres) or the k nearest other features (ties at the k-th distance
    // broken by lower feature index).
    std::optional<double> distance;
    std::optional<int> k;
    Weighting weighting = Weighting::binary;
    // true: Gi* (the feature itself is part of its neighbourhood and of the mean and variance);
    // false: Gi (the feature is excluded from its own sums, mean and variance).
    bool star = true;
    // Conditional permutations per feature for the pseudo p-value p_sim; 0 = none.
    int permutations = 0;
    std::uint64_t seed = 0;
    // Called with the fraction done (0..1) now and then; may be empty.
    std::function<void(double)> progress;
};

struct GiResult {
    std::vector<double> z;        // standard normal z-score (NaN when undefined, see below)
    std::vector<double> p;        // two-sided normal p-value of z (NaN when z is NaN)
    std::vector<double> p_sim;    // folded permutation pseudo p-value; empty when permutations == 0
    std::vector<int> bin;         // gi_bins(z, p, nullptr): -3..3, no FDR
    std::vector<std::size_t> neighbour_count;  // neighbours other than the feature itself
};

// z is NaN for a feature whose statistic has no variance: Gi with no neighbours, or a
// neighbourhood that is every feature in the sample (W_i = N). Gi* of a feature without other
// neighbours is defined (esda computes it: (x_i - mean) / S, the value alone) and is returned;
// check neighbour_count == 0 to drop such islands. p_sim is NaN when the permutation
// distribution is a single point (no other neighbours, or all other features are neighbours).
//
// Throws UsageError for a size mismatch, neither or both of distance/k, distance <= 0 or not
// finite, k < 1 or k >= n, negative permutations, or too few features (Gi* needs 2, Gi 3);
// DataError for non-finite values or coordinates, or values that are all equal (S = 0).
GiResult getis_ord(std::span<const model::Point> locations, std::span<const double> values,
                   const GiParams& params);

// Benjamini-Hochberg step-up procedure at false discovery rate alpha: with the m non-NaN
// p-values sorted, p_(1) <= ... <= p_(m), find the largest r with p_(r) <= r alpha / m and mark
// every p <= p_(r) significant. NaN p-values are not tests: they are never significant and do
// not count in m. Throws UsageError when alpha is not in (0, 1] or a p-value is outside [0, 1].
std::vector<bool> benjamini_hochberg(std::span<const double> p, double alpha);

// ArcGIS Gi_Bin classes: sign(z) * 3 when p <= 0.01, * 2 when p <= 0.05, * 1 when p <= 0.10,
// else 0 (also 0 when z or p is NaN or z == 0).
// With fdr_significant, a feature outside the mask is put in bin 0 and the others keep their
// class from the uncorrected thresholds; use this to apply one FDR level of your choice (for
// example benjamini_hochberg(p, 0.05)). gi_bins_fdr() gives ArcGIS's own FDR rule.
// Throws UsageError when the sizes differ.
std::vector<int> gi_bins(std::span<const double> z, std::span<const double> p,
                         const std::vector<bool>* fdr_significant);

// ArcGIS's FDR-corrected Gi_Bin: the critical p-value of every confidence level is replaced by
// the Benjamini-Hochberg critical value at that level's alpha, so bin +-3 means significant
// under FDR at alpha = 0.01, +-2 at 0.05 and +-1 at 0.10 (BH rejections are nested in alpha,
// so the classes are too).
std::vector<int> gi_bins_fdr(std::span<const double> z, std::span<const double> p);

}  // namespace trygg::hotspot
