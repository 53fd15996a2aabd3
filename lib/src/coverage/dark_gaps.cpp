#include "trygg/coverage/dark_gaps.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <utility>

#include "detail/disjoint_sets.hpp"
#include "trygg/error.hpp"
#include "trygg/index/point_index.hpp"

namespace trygg::coverage {

namespace {

using NodeKey = std::pair<std::int64_t, std::int64_t>;

NodeKey node_key(const model::Point& p) {
    return {static_cast<std::int64_t>(std::llround(p.x * 100.0)), static_cast<std::int64_t>(std::llround(p.y * 100.0))};
}

double segment_distance(const model::Point& p, const model::Point& a, const model::Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0.0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

struct Stretch {
    std::size_t line = 0;
    LineInterval interval;
};

}  // namespace

std::vector<DarkGap> dark_gaps(std::span<const GapLine> lines, std::span<const model::Point> reports,
                               std::span<const double> weights, const GapOptions& options) {
    if (!(options.min_length_m >= 0.0) || !(options.report_distance_m >= 0.0))
        throw UsageError("gap length and report distance must be >= 0 m");
    if (!weights.empty() && weights.size() != reports.size())
        throw UsageError("dark_gaps: report weights do not match the reports");

    // Every unlit stretch, and at each line end the stretch that reaches it (if any).
    std::vector<Stretch> stretches;
    std::map<NodeKey, std::vector<std::size_t>> ends_at;  // node -> line ends (2*line + end)
    std::vector<std::pair<std::size_t, std::size_t>> end_stretch;  // per line: stretch at start / end
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    end_stretch.assign(lines.size(), {none, none});
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const auto& line = *lines[l].line;
        if (line.size() < 2) continue;
        const double length = line_length(line);
        for (const auto& interval : lines[l].unlit) {
            const std::size_t s = stretches.size();
            stretches.push_back({l, interval});
            if (interval.from_m <= 1e-6) end_stretch[l].first = s;
            if (interval.to_m >= length - 1e-6) end_stretch[l].second = s;
        }
        ends_at[node_key(line.front())].push_back(2 * l);
        ends_at[node_key(line.back())].push_back(2 * l + 1);
    }
    trygg::detail::DisjointSets joined(stretches.size());
    for (const auto& [node, ends] : ends_at) {
        if (ends.size() != 2) continue;
        const auto at = [&](std::size_t end) {
            const auto& e = end_stretch[end / 2];
            return end % 2 == 0 ? e.first : e.second;
        };
        const std::size_t a = at(ends[0]), b = at(ends[1]);
        if (a != none && b != none) joined.unite(a, b);
    }
    // Groups in order of their first stretch, so the output does not depend on map order.
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t s = 0; s < stretches.size(); ++s) groups[joined.find(s)].push_back(s);
    std::vector<std::vector<std::size_t>> ordered;
    for (auto& [root, members] : groups) ordered.push_back(std::move(members));
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });

    const index::PointIndex report_index(reports);
    std::vector<DarkGap> gaps;
    std::vector<std::size_t> near, counted;
    for (const auto& members : ordered) {
        DarkGap gap;
        for (const std::size_t s : members) {
            const auto& stretch = stretches[s];
            gap.length_m += stretch.interval.to_m - stretch.interval.from_m;
            gap.lines.push_back(cut(*lines[stretch.line].line, stretch.interval.from_m, stretch.interval.to_m));
            gap.walkways.push_back(lines[stretch.line].walkway);
        }
        if (gap.length_m < options.min_length_m) continue;
        std::sort(gap.walkways.begin(), gap.walkways.end());
        gap.walkways.erase(std::unique(gap.walkways.begin(), gap.walkways.end()), gap.walkways.end());
        // Reports near any segment: a disc query around each segment's middle that holds the
        // whole segment grown by the distance, then the exact point-segment distance.
        counted.clear();
        for (const auto& piece : gap.lines)
            for (std::size_t k = 1; k < piece.size(); ++k) {
                const auto& a = piece[k - 1];
                const auto& b = piece[k];
                const model::Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
                report_index.within_distance(mid, std::hypot(b.x - a.x, b.y - a.y) / 2 + options.report_distance_m, near);
                for (const std::size_t r : near)
                    if (segment_distance(reports[r], a, b) <= options.report_distance_m) counted.push_back(r);
            }
        std::sort(counted.begin(), counted.end());
        counted.erase(std::unique(counted.begin(), counted.end()), counted.end());
        gap.reports = counted.size();
        for (const std::size_t r : counted) gap.score += weights.empty() ? 1.0 : weights[r];
        gaps.push_back(std::move(gap));
    }
    std::stable_sort(gaps.begin(), gaps.end(), [](const DarkGap& a, const DarkGap& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.length_m != b.length_m) return a.length_m > b.length_m;
        return a.walkways.front() < b.walkways.front();
    });
    for (std::size_t i = 0; i < gaps.size(); ++i) gaps[i].rank = i + 1;
    return gaps;
}

}  // namespace trygg::coverage
