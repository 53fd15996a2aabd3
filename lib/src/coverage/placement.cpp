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

// What the exchange passes start from: how often each demand item is covered by the chosen
// sites, which candidates are chosen, and their total cost.
struct ChosenState {
    std::vector<std::uint32_t> times;
    std::vector<std::uint8_t> in_set;
    double cost = 0.0;

    ChosenState(const Instance& inst, const std::vector<std::size_t>& chosen)
        : times(inst.worth.size(), 0), in_set(inst.sets.candidate_count(), 0) {
        for (std::size_t s : chosen) {
            in_set[s] = 1;
            cost += inst.cost[s];
            for (std::uint32_t d : inst.sets.covered_by(s)) ++times[d];
        }
    }
};

// Steepest-ascent 1-swaps: each round finds the exchange (chosen s out, unchosen c in, budget
// kept) that adds the most and makes it if it adds more than `tolerance`. Returns the swaps made.
// The gain of c after removing s is gain(c) + the weight c shares with what only s covers; the
// second term is gathered through the demand -> candidates index, so a round costs one pass over
// the sets plus the neighbourhood of each chosen site, not |S| * |candidates| gain evaluations.
std::size_t swap_pass(Instance& inst, std::vector<std::size_t>& chosen, Limits limits, std::size_t max_swaps,
                      double tolerance) {
    inst.build_inverse();
    const std::size_t m = inst.sets.candidate_count();
    ChosenState state(inst, chosen);
    auto& [times, in_set, cost] = state;
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

// Steepest-ascent pair exchanges: each round finds the exchange of two chosen sites (s1, s2 out)
// for two unchosen candidates (x, y in, budget kept) that adds the most, and makes it if it adds
// more than `tolerance`. A 1-swap local optimum can miss the optimum when two sites must move at
// once (two overlapping sites that should both shift); this pass finds those.
//
// For one pair (s1, s2) taken out, candidate c would add g(c) = gain0(c) + extra(c) (extra: the
// weight only s1 or s2 covered, gathered through the demand -> candidates index as in
// swap_pass), and two candidates together g(x) + g(y) - shared(x, y). Candidates are visited in
// descending g (a lazy merge of the few whose g changed and the rest in gain0 order), so the
// search stops as soon as g(x) + g(next) cannot beat the best exchange found. `work` counts the
// demand items read; when it runs out the pass stops with what it has (never worse).
std::size_t pair_swap_pass(Instance& inst, std::vector<std::size_t>& chosen, Limits limits, std::size_t max_swaps,
                           double tolerance, std::size_t& work) {
    if (chosen.size() < 2) return 0;
    inst.build_inverse();
    const std::size_t m = inst.sets.candidate_count();
    ChosenState state(inst, chosen);
    auto& [times, in_set, cost] = state;
    std::vector<std::uint8_t> lost(inst.worth.size(), 0);
    std::vector<double> gain0(m, 0.0), extra(m, 0.0);
    std::vector<std::size_t> by_gain, touched, order;
    std::vector<std::uint32_t> lost_items;
    const auto spend = [&](std::size_t n) {
        work = work > n ? work - n : 0;
        return work > 0;
    };
    std::size_t swaps = 0;
    while (swaps < max_swaps && work > 0) {
        by_gain.clear();
        for (std::size_t c = 0; c < m; ++c) {
            gain0[c] = in_set[c] ? 0.0 : inst.gain(c, times);
            if (!in_set[c]) by_gain.push_back(c);
        }
        if (!spend(inst.sets.pair_count())) break;
        std::sort(by_gain.begin(), by_gain.end(), [&](std::size_t a, std::size_t b) {
            return gain0[a] != gain0[b] ? gain0[a] > gain0[b] : a < b;
        });
        double best = tolerance;
        std::size_t best_a = 0, best_b = 0, best_x = m, best_y = m;
        for (std::size_t a = 0; a + 1 < chosen.size() && work > 0; ++a) {
            for (std::size_t b = a + 1; b < chosen.size() && work > 0; ++b) {
                const std::size_t s1 = chosen[a], s2 = chosen[b];
                const double room = limits.budget - cost + inst.cost[s1] + inst.cost[s2];
                for (std::uint32_t d : inst.sets.covered_by(s1)) --times[d];
                for (std::uint32_t d : inst.sets.covered_by(s2)) --times[d];
                double loss = 0.0;
                touched.clear();
                lost_items.clear();
                for (const std::size_t s : {s1, s2})
                    for (std::uint32_t d : inst.sets.covered_by(s)) {
                        if (times[d] != 0 || lost[d] || inst.worth[d] <= 0.0) continue;
                        lost[d] = 1;
                        lost_items.push_back(d);
                        loss += inst.worth[d];
                        for (std::uint32_t c : inst.candidates_of[d]) {
                            if (in_set[c]) continue;
                            if (extra[c] == 0.0) touched.push_back(c);
                            extra[c] += inst.worth[d];
                        }
                    }
                const auto g = [&](std::size_t c) { return gain0[c] + extra[c]; };
                const auto before = [&](std::size_t p, std::size_t q) { return g(p) != g(q) ? g(p) > g(q) : p < q; };
                std::sort(touched.begin(), touched.end(), before);
                // The merged order, extended only as far as the search looks.
                order.clear();
                std::size_t next_touched = 0, next_plain = 0;
                const auto at = [&](std::size_t i) -> std::optional<std::size_t> {
                    while (order.size() <= i) {
                        while (next_plain < by_gain.size() && extra[by_gain[next_plain]] != 0.0) ++next_plain;
                        const bool have_t = next_touched < touched.size(), have_p = next_plain < by_gain.size();
                        if (!have_t && !have_p) return std::nullopt;
                        if (have_t && (!have_p || before(touched[next_touched], by_gain[next_plain])))
                            order.push_back(touched[next_touched++]);
                        else
                            order.push_back(by_gain[next_plain++]);
                    }
                    return order[i];
                };
                const double target = best + loss;  // g(x) + g(y) - shared must exceed this
                double found = target;
                std::size_t fx = m, fy = m;
                for (std::size_t i = 0;; ++i) {
                    const auto x = at(i), x_next = at(i + 1);
                    if (!x || !x_next || g(*x) + g(*x_next) <= found) break;
                    for (std::size_t j = i + 1;; ++j) {
                        const auto y = at(j);
                        if (!y || g(*x) + g(*y) <= found) break;
                        if (inst.cost[*x] + inst.cost[*y] > room) continue;
                        // shared(x, y): what both would cover that nothing left covers.
                        const auto cx = inst.sets.covered_by(*x), cy = inst.sets.covered_by(*y);
                        if (!spend(cx.size() + cy.size())) break;
                        double shared = 0.0;
                        for (std::size_t p = 0, q = 0; p < cx.size() && q < cy.size();) {
                            if (cx[p] < cy[q]) ++p;
                            else if (cy[q] < cx[p]) ++q;
                            else {
                                if (times[cx[p]] == 0) shared += inst.worth[cx[p]];
                                ++p;
                                ++q;
                            }
                        }
                        if (g(*x) + g(*y) - shared > found) {
                            found = g(*x) + g(*y) - shared;
                            fx = *x;
                            fy = *y;
                        }
                    }
                    if (work == 0) break;
                }
                if (fx != m) {
                    best = found - loss;
                    best_a = a;
                    best_b = b;
                    best_x = fx;
                    best_y = fy;
                }
                for (std::size_t c : touched) extra[c] = 0.0;
                for (std::uint32_t d : lost_items) lost[d] = 0;
                for (std::uint32_t d : inst.sets.covered_by(s1)) ++times[d];
                for (std::uint32_t d : inst.sets.covered_by(s2)) ++times[d];
            }
        }
        if (best_x == m) break;
        for (const std::size_t slot : {best_a, best_b}) {
            for (std::uint32_t d : inst.sets.covered_by(chosen[slot])) --times[d];
            in_set[chosen[slot]] = 0;
            cost -= inst.cost[chosen[slot]];
        }
        chosen[best_a] = best_x;
        chosen[best_b] = best_y;
        for (const std::size_t c : {best_x, best_y}) {
            for (std::uint32_t d : inst.sets.covered_by(c)) ++times[d];
            in_set[c] = 1;
            cost += inst.cost[c];
        }
        ++swaps;
    }
    return swaps;
}

// Weight the sites cover together.
double coverage_of(const Instance& inst, const std::vector<std::size_t>& chosen) {
    std::vector<std::uint8_t> hit(inst.worth.size(), 0);
    double sum = 0.0;
    for (std::size_t s : chosen)
        for (std::uint32_t d : inst.sets.covered_by(s))
            if (!hit[d]) {
                hit[d] = 1;
                sum += inst.worth[d];
            }
    return sum;
}

// An upper bound of the optimum for `count` sites: covered + the `count` largest marginal gains
// left (submodularity; Leskovec et al. 2007, "online bound").
double optimum_bound(const Instance& inst, const std::vector<std::size_t>& chosen, std::size_t count) {
    const ChosenState state(inst, chosen);
    const auto& [times, in_set, cost] = state;
    std::vector<double> gains;
    for (std::size_t c = 0; c < inst.sets.candidate_count(); ++c)
        if (!in_set[c]) gains.push_back(inst.gain(c, times));
    const std::size_t k = std::min(count, gains.size());
    std::partial_sort(gains.begin(), gains.begin() + static_cast<std::ptrdiff_t>(k), gains.end(), std::greater<>());
    double bound = coverage_of(inst, chosen);
    for (std::size_t i = 0; i < k; ++i) bound += gains[i];
    return bound;
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
    result.swaps = best.swaps;
    result.greedy_covered = best.greedy_covered;

    // Pair exchanges on the kept solution, alternating with 1-swaps until neither improves;
    // skipped once the bound proves the solution within options.proven_gap of the optimum.
    if (options.swap_pass && options.pair_swaps && best.solution.sites.size() >= 2) {
        std::vector<std::size_t> chosen;
        for (const PlacedSite& site : best.solution.sites) chosen.push_back(site.candidate);
        std::size_t work = options.pair_work;
        std::size_t pairs = 0;
        while (pairs + result.swaps < 2 * options.max_swaps) {
            if (!options.has_budget) {
                const double covered = coverage_of(inst, chosen);
                if (covered >= (1.0 - options.proven_gap) * optimum_bound(inst, chosen, options.count)) break;
            }
            const std::size_t made = pair_swap_pass(inst, chosen, limits, 1, tolerance, work);
            if (made == 0) break;
            pairs += made;
            result.swaps += swap_pass(inst, chosen, limits, options.max_swaps, tolerance);
        }
        result.pair_swaps = pairs;
        result.pair_work_exhausted = work == 0;
        if (pairs > 0) {
            std::sort(chosen.begin(), chosen.end());
            best.solution = lazy_greedy(inst, chosen, result.rule, Limits{});
        }
    }
    result.sites = std::move(best.solution.sites);
    result.covered = best.solution.covered;
    result.total_cost = best.solution.cost;
    if (!options.has_budget) {
        std::vector<std::size_t> chosen;
        for (const PlacedSite& site : result.sites) chosen.push_back(site.candidate);
        result.optimum_bound = optimum_bound(inst, chosen, options.count);
    }
    return result;
}

}  // namespace trygg::coverage
