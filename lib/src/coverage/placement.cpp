#include "trygg/coverage/placement.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <string>

#include "trygg/error.hpp"

namespace trygg::coverage {

namespace {

// What every pass shares: the sets, the weight each demand item is still worth (0 when an
// existing facility covers it) and the costs.
struct Instance {
    const CoverageSets& sets;
    std::vector<double> worth;  // per demand item
    std::vector<double> cost;   // per candidate
    std::vector<std::vector<std::uint32_t>> candidates_of;  // demand item -> candidates, built on demand

    // Weight candidate c adds when `times` says how often each demand item is covered already.
    // Summed in set order, so the same state always gives the same number (and a subset of the
    // terms never gives more: the lazy greedy relies on that).
    double gain(std::size_t c, const std::vector<std::uint32_t>& times) const {
        double sum = 0.0;
        for (std::uint32_t d : sets.covered_by(c))
            if (times[d] == 0) sum += worth[d];
        return sum;
    }

    void build_inverse() {
        if (!candidates_of.empty() || worth.empty()) return;
        candidates_of.resize(worth.size());
        for (std::size_t c = 0; c < sets.candidate_count(); ++c)
            for (std::uint32_t d : sets.covered_by(c)) candidates_of[d].push_back(static_cast<std::uint32_t>(c));
    }
};

struct Limits {
    std::size_t count = std::numeric_limits<std::size_t>::max();
    double budget = std::numeric_limits<double>::infinity();
};

struct Solution {
    std::vector<PlacedSite> sites;
    double covered = 0.0;
    double cost = 0.0;
};

// Lazy greedy (Minoux's accelerated greedy) over `pool` (candidate indices), ranked by gain or
// gain per cost, within `limits`, starting with `first` when given. Only candidates that add
// something are taken.
Solution lazy_greedy(const Instance& inst, const std::vector<std::size_t>& pool, GreedyRule rule, Limits limits,
                     std::optional<std::size_t> first = std::nullopt) {
    struct Entry {
        double key;
        double gain;
        std::size_t candidate;
        std::size_t stamp;  // number of sites chosen when the gain was computed
    };
    // Largest key first; equal keys: lowest candidate index first.
    const auto lower = [](const Entry& a, const Entry& b) {
        return a.key != b.key ? a.key < b.key : a.candidate > b.candidate;
    };
    const auto key_of = [&](double gain, std::size_t c) { return rule == GreedyRule::gain ? gain : gain / inst.cost[c]; };
    std::vector<std::uint32_t> times(inst.worth.size(), 0);
    std::priority_queue<Entry, std::vector<Entry>, decltype(lower)> heap(lower);
    Solution out;
    double remaining = limits.budget;
    if (first && limits.count > 0 && inst.cost[*first] <= remaining) {
        const double g = inst.gain(*first, times);
        if (g > 0.0) {
            for (std::uint32_t d : inst.sets.covered_by(*first)) ++times[d];
            out.covered = g;
            out.cost = inst.cost[*first];
            remaining -= out.cost;
            out.sites.push_back({*first, g, g, out.cost});
        }
    }
    for (std::size_t c : pool) {
        if (!out.sites.empty() && c == out.sites.front().candidate) continue;
        const double g = inst.gain(c, times);
        if (g > 0.0 && inst.cost[c] <= remaining) heap.push({key_of(g, c), g, c, out.sites.size()});
    }
    while (out.sites.size() < limits.count && !heap.empty()) {
        const Entry top = heap.top();
        heap.pop();
        if (inst.cost[top.candidate] > remaining) continue;  // budgets only shrink: never again
        if (top.stamp == out.sites.size()) {
            for (std::uint32_t d : inst.sets.covered_by(top.candidate)) ++times[d];
            out.covered += top.gain;
            out.cost += inst.cost[top.candidate];
            remaining -= inst.cost[top.candidate];
            out.sites.push_back({top.candidate, top.gain, out.covered, inst.cost[top.candidate]});
            continue;
        }
        const double g = inst.gain(top.candidate, times);
        if (g > 0.0) heap.push({key_of(g, top.candidate), g, top.candidate, out.sites.size()});
    }
    return out;
}

// Steepest-ascent 1-swaps: each round finds the exchange (chosen s out, unchosen c in, budget
// kept) that adds the most and makes it if it adds more than `tolerance`. Returns the swaps made.
// The gain of c after removing s is gain(c) + the weight c shares with what only s covers; the
// second term is gathered through the demand -> candidates index, so a round costs one pass over
// the sets plus the neighbourhood of each chosen site, not |S| * |candidates| gain evaluations.
std::size_t swap_pass(Instance& inst, std::vector<std::size_t>& chosen, Limits limits, std::size_t max_swaps,
                      double tolerance) {
    inst.build_inverse();
    const std::size_t m = inst.sets.candidate_count();
    std::vector<std::uint32_t> times(inst.worth.size(), 0);
    std::vector<std::uint8_t> in_set(m, 0);
    double cost = 0.0;
    for (std::size_t s : chosen) {
        in_set[s] = 1;
        cost += inst.cost[s];
        for (std::uint32_t d : inst.sets.covered_by(s)) ++times[d];
    }
    std::vector<double> gain0(m, 0.0), extra(m, 0.0);
    std::vector<std::size_t> by_gain, touched;
    std::size_t swaps = 0;
    while (swaps < max_swaps) {
        by_gain.clear();
        for (std::size_t c = 0; c < m; ++c) {
            gain0[c] = in_set[c] ? 0.0 : inst.gain(c, times);
            if (!in_set[c] && gain0[c] > 0.0) by_gain.push_back(c);
        }
        std::sort(by_gain.begin(), by_gain.end(), [&](std::size_t a, std::size_t b) {
            return gain0[a] != gain0[b] ? gain0[a] > gain0[b] : a < b;
        });
        double best = tolerance;
        std::size_t best_slot = 0, best_in = m;
        for (std::size_t slot = 0; slot < chosen.size(); ++slot) {
            const std::size_t s = chosen[slot];
            const double room = limits.budget - cost + inst.cost[s];
            double loss = 0.0;
            touched.clear();
            for (std::uint32_t d : inst.sets.covered_by(s)) {
                if (times[d] != 1 || inst.worth[d] <= 0.0) continue;
                loss += inst.worth[d];
                for (std::uint32_t c : inst.candidates_of[d]) {
                    if (in_set[c]) continue;
                    if (extra[c] == 0.0) touched.push_back(c);
                    extra[c] += inst.worth[d];
                }
            }
            std::sort(touched.begin(), touched.end());
            for (std::size_t c : touched) {
                if (inst.cost[c] <= room && gain0[c] + extra[c] - loss > best) {
                    best = gain0[c] + extra[c] - loss;
                    best_slot = slot;
                    best_in = c;
                }
            }
            // Candidates sharing nothing with s: the first that fits in gain order is their best.
            for (std::size_t c : by_gain) {
                if (gain0[c] - loss <= best) break;
                if (extra[c] != 0.0 || inst.cost[c] > room) continue;
                best = gain0[c] - loss;
                best_slot = slot;
                best_in = c;
                break;
            }
            for (std::size_t c : touched) extra[c] = 0.0;
        }
        if (best_in == m) break;
        const std::size_t out = chosen[best_slot];
        for (std::uint32_t d : inst.sets.covered_by(out)) --times[d];
        for (std::uint32_t d : inst.sets.covered_by(best_in)) ++times[d];
        in_set[out] = 0;
        in_set[best_in] = 1;
        cost += inst.cost[best_in] - inst.cost[out];
        chosen[best_slot] = best_in;
        ++swaps;
    }
    return swaps;
}

struct Outcome {
    Solution solution;
    double greedy_covered = 0.0;
    std::size_t swaps = 0;
};

Outcome solve_with(Instance& inst, GreedyRule rule, Limits limits, const PlacementOptions& options,
                   double tolerance) {
    const std::size_t m = inst.sets.candidate_count();
    std::vector<std::size_t> all(m);
    for (std::size_t c = 0; c < m; ++c) all[c] = c;
    // The starts: the candidates that rank highest on their own (the first is plain greedy's
    // own first pick, so start 0 is plain greedy).
    const std::vector<std::uint32_t> none(inst.worth.size(), 0);
    std::vector<std::pair<double, std::size_t>> ranked;
    for (std::size_t c = 0; c < m; ++c) {
        const double g = inst.gain(c, none);
        if (g > 0.0 && inst.cost[c] <= limits.budget)
            ranked.emplace_back(rule == GreedyRule::gain ? g : g / inst.cost[c], c);
    }
    const std::size_t starts = std::min(std::max<std::size_t>(options.starts, 1), ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(starts), ranked.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    Outcome best;
    for (std::size_t t = 0; t < starts; ++t) {
        Outcome outcome;
        outcome.solution = lazy_greedy(inst, all, rule, limits, ranked[t].second);
        outcome.greedy_covered = outcome.solution.covered;
        if (options.swap_pass && !outcome.solution.sites.empty()) {
            std::vector<std::size_t> chosen;
            for (const PlacedSite& site : outcome.solution.sites) chosen.push_back(site.candidate);
            outcome.swaps = swap_pass(inst, chosen, limits, options.max_swaps, tolerance);
            if (outcome.swaps > 0 || t > 0) {
                // The report order: greedy again, over the final set only (it fits the limits).
                std::sort(chosen.begin(), chosen.end());
                outcome.solution = lazy_greedy(inst, chosen, rule, Limits{});
            }
        } else if (t > 0) {
            std::vector<std::size_t> chosen;
            for (const PlacedSite& site : outcome.solution.sites) chosen.push_back(site.candidate);
            std::sort(chosen.begin(), chosen.end());
            outcome.solution = lazy_greedy(inst, chosen, rule, Limits{});
        }
        if (t == 0) {
            best = std::move(outcome);  // plain greedy: its greedy_covered is the one reported
            continue;
        }
        if (outcome.solution.covered > best.solution.covered + tolerance) {
            const double plain = best.greedy_covered;
            best = std::move(outcome);
            best.greedy_covered = plain;
        }
    }
    return best;
}

void validate(const PlacementProblem& problem, const PlacementOptions& options) {
    if (!problem.sets) throw UsageError("placement: no coverage sets");
    const CoverageSets& sets = *problem.sets;
    if (problem.weights.size() != sets.demand_count())
        throw UsageError("placement: " + std::to_string(problem.weights.size()) + " weights for " +
                         std::to_string(sets.demand_count()) + " demand items");
    if (!problem.already_covered.empty() && problem.already_covered.size() != sets.demand_count())
        throw UsageError("placement: already_covered has " + std::to_string(problem.already_covered.size()) +
                         " entries for " + std::to_string(sets.demand_count()) + " demand items");
    if (!problem.costs.empty() && problem.costs.size() != sets.candidate_count())
        throw UsageError("placement: " + std::to_string(problem.costs.size()) + " costs for " +
                         std::to_string(sets.candidate_count()) + " candidates");
    for (std::size_t d = 0; d < problem.weights.size(); ++d)
        if (!(problem.weights[d] >= 0.0) || !std::isfinite(problem.weights[d]))
            throw UsageError("placement: demand item " + std::to_string(d) + " has weight " +
                             std::to_string(problem.weights[d]) + " (weights must be finite and >= 0)");
    for (std::size_t c = 0; c < problem.costs.size(); ++c)
        if (!(problem.costs[c] > 0.0) || !std::isfinite(problem.costs[c]))
            throw UsageError("placement: candidate " + std::to_string(c) + " has cost " +
                             std::to_string(problem.costs[c]) + " (costs must be finite and > 0)");
    if (options.has_budget && (!(options.budget >= 0.0) || !std::isfinite(options.budget)))
        throw UsageError("placement: the budget must be a finite number >= 0");
    if (options.count == 0 && !options.has_budget)
        throw UsageError("placement: give a number of sites, a budget, or both");
}

}  // namespace

PlacementResult place_sites(const PlacementProblem& problem, const PlacementOptions& options) {
    validate(problem, options);
    const CoverageSets& sets = *problem.sets;
    Instance inst{sets, {}, {}, {}};
    inst.worth.assign(problem.weights.begin(), problem.weights.end());
    PlacementResult result;
    for (std::size_t d = 0; d < inst.worth.size(); ++d) {
        if (!problem.already_covered.empty() && problem.already_covered[d]) {
            result.already_covered += inst.worth[d];
            inst.worth[d] = 0.0;
        } else {
            result.total_demand += inst.worth[d];
        }
    }
    if (problem.costs.empty()) inst.cost.assign(sets.candidate_count(), 1.0);
    else inst.cost.assign(problem.costs.begin(), problem.costs.end());

    Limits limits;
    if (options.count > 0) limits.count = options.count;
    if (options.has_budget) limits.budget = options.budget;
    // Exchanges must win by more than rounding noise, so the swap pass cannot cycle.
    const double tolerance = 1e-9 * std::max(result.total_demand, std::numeric_limits<double>::min());

    Outcome best = solve_with(inst, GreedyRule::gain, limits, options, tolerance);
    result.rule = GreedyRule::gain;
    if (options.has_budget && !problem.costs.empty()) {
        Outcome by_ratio = solve_with(inst, GreedyRule::gain_per_cost, limits, options, tolerance);
        if (by_ratio.solution.covered > best.solution.covered) {
            best = std::move(by_ratio);
            result.rule = GreedyRule::gain_per_cost;
        }
    }
    result.sites = std::move(best.solution.sites);
    result.covered = best.solution.covered;
    result.total_cost = best.solution.cost;
    result.swaps = best.swaps;
    result.greedy_covered = best.greedy_covered;

    if (!options.has_budget) {
        // covered + the `count` largest marginal gains left bounds the optimum from above.
        std::vector<std::uint32_t> times(inst.worth.size(), 0);
        std::vector<std::uint8_t> in_set(sets.candidate_count(), 0);
        for (const PlacedSite& site : result.sites) {
            in_set[site.candidate] = 1;
            for (std::uint32_t d : sets.covered_by(site.candidate)) ++times[d];
        }
        std::vector<double> gains;
        for (std::size_t c = 0; c < sets.candidate_count(); ++c)
            if (!in_set[c]) gains.push_back(inst.gain(c, times));
        const std::size_t k = std::min(options.count, gains.size());
        std::partial_sort(gains.begin(), gains.begin() + static_cast<std::ptrdiff_t>(k), gains.end(),
                          std::greater<>());
        result.optimum_bound = result.covered;
        for (std::size_t i = 0; i < k; ++i) result.optimum_bound += gains[i];
    }
    return result;
}

}  // namespace trygg::coverage
