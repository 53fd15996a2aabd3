#pragma once
// Where N new lights or cameras go: the maximal covering location problem (Church & ReVelle
// 1974). Given demand items with weights, candidate sites with the demand each would cover
// (coverage_sets.hpp) and optional costs, choose sites that maximise the weight of demand
// covered, counting demand that existing facilities already cover as worth nothing.
//
// The method (docs/methods.md, "Placement"):
//  1. Greedy: repeatedly take the candidate with the largest marginal gain (covered weight not
//     yet covered). Coverage is monotone submodular, so greedy is within 1 - 1/e of the optimum
//     for a site count (Nemhauser, Wolsey & Fisher 1978). Gains are evaluated lazily (Minoux
//     1978): a priority queue holds possibly stale gains, which can only have shrunk since they
//     were computed, so a popped candidate whose gain is fresh is the true maximum. Ties go to
//     the lowest candidate index, exactly as a plain greedy scan would break them.
//  2. Budget (costs and a total budget): cost-benefit greedy (gain / cost) and unit-cost greedy
//     (gain alone), both skipping what no longer fits the budget; the better of the two is kept
//     (CELF, Leskovec et al. 2007; Khuller, Moss & Naor 1999), within 1/2 (1 - 1/e) of optimal.
//  3. Swap pass: while some exchange of one chosen site for one unchosen candidate (that keeps
//     the budget) covers more, the best such exchange is made (steepest ascent, bounded by
//     max_swaps). It never lowers the coverage, so the guarantees above still hold.
//  4. Several starts: steps 1-3 are repeated with the greedy forced to open with each of the
//     `starts` best single sites (start 0 is plain greedy, whose own first pick that is); the
//     best result is kept (ties: the earliest start) and goes on to step 5.
//  5. Pair exchanges: on the kept solution, while some exchange of two chosen sites for two
//     unchosen candidates covers more, the best such exchange is made, followed by a 1-swap pass;
//     a 1-swap local optimum misses the optimum when two sites must move at once. Skipped once
//     covered >= (1 - proven_gap) * optimum_bound, i.e. when the bound below already proves the
//     solution within proven_gap of the optimum; a round costs O(k^2 (m + pruned pair search)) for
//     k sites and m candidates, capped by pair_work (demand items read).
// The chosen sites are reported in greedy order over the final set, each with its marginal gain
// and the cumulative coverage: the curve that shows what the 5th, 10th or 20th site adds.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "trygg/coverage/coverage_sets.hpp"

namespace trygg::coverage {

struct PlacementProblem {
    const CoverageSets* sets = nullptr;
    std::span<const double> weights;           // one per demand item, finite and >= 0
    std::span<const double> costs;             // one per candidate, finite and > 0; empty: all 1
    std::span<const std::uint8_t> already_covered;  // one per demand item (non-zero: covered by
                                                    // an existing facility); empty: none
};

struct PlacementOptions {
    std::size_t count = 0;       // at most this many sites; 0 = no limit (a budget is then required)
    double budget = 0.0;         // total cost limit when has_budget
    bool has_budget = false;
    bool swap_pass = true;       // improve the greedy result by 1-swaps
    std::size_t max_swaps = 1000;  // per start
    std::size_t starts = 10;       // greedy runs, each forced to open with one of the best single sites
    bool pair_swaps = true;        // then improve by exchanging two sites at once (needs swap_pass)
    double proven_gap = 0.01;      // ... unless the bound proves the result this close to the optimum
    std::size_t pair_work = 200'000'000;  // cap on the demand items the pair exchanges read
};

// The order the greedy steps ranked candidates by.
enum class GreedyRule { gain, gain_per_cost };

struct PlacedSite {
    std::size_t candidate = 0;  // index into the candidates
    double gain = 0.0;          // weight this site adds to the sites before it in the list
    double cumulative = 0.0;    // weight covered by this site and the ones before it
    double cost = 1.0;
};

struct PlacementResult {
    std::vector<PlacedSite> sites;
    double covered = 0.0;          // demand weight the chosen sites newly cover
    double total_demand = 0.0;     // weight of all demand not already covered
    double already_covered = 0.0;  // weight of demand existing facilities cover
    double total_cost = 0.0;
    GreedyRule rule = GreedyRule::gain;  // which greedy produced the kept solution
    std::size_t swaps = 0;               // improving exchanges made by the swap pass
    std::size_t pair_swaps = 0;          // improving pair exchanges (step 5)
    bool pair_work_exhausted = false;    // step 5 stopped at pair_work, not at a local optimum
    double greedy_covered = 0.0;         // coverage of plain greedy (start 0) before any swap
    // Without a budget: an upper bound of the optimum for this count, covered + the sum of the
    // `count` largest marginal gains left (submodularity; Leskovec et al. 2007, "online bound"),
    // so covered / optimum_bound is a proven lower bound of the share of the optimum reached.
    // 0 with a budget (not computed).
    double optimum_bound = 0.0;
};

// Solves the problem. Throws UsageError when neither a count nor a budget is given, when array
// sizes do not match the coverage sets, for negative or non-finite weights, for costs that are
// not finite and > 0, and for a negative or non-finite budget. Stops early (fewer than `count`
// sites) when no remaining candidate adds anything or fits the budget.
PlacementResult place_sites(const PlacementProblem& problem, const PlacementOptions& options);

}  // namespace trygg::coverage
