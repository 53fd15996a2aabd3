#include "trygg/network/walk_graph.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "network/detail/segment_noding.hpp"
#include "trygg/network/walkable_highway.hpp"

namespace trygg::network {

namespace {

std::string lower_trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Exact coordinates as a hashable key (-0.0 and 0.0 are the same place).
struct PointKey {
    std::uint64_t x, y;
    friend bool operator==(const PointKey&, const PointKey&) = default;
};
PointKey key_of(const model::Point& p) {
    return {std::bit_cast<std::uint64_t>(p.x == 0.0 ? 0.0 : p.x), std::bit_cast<std::uint64_t>(p.y == 0.0 ? 0.0 : p.y)};
}
struct PointKeyHash {
    std::size_t operator()(const PointKey& k) const noexcept {
        return std::hash<std::uint64_t>()(k.x * 0x9E3779B97F4A7C15ULL ^ (k.y + 0x7F4A7C159E3779B9ULL));
    }
};

// The value of a field (case-insensitive name) as text, "" when missing or NULL.
std::string text_attribute(const model::Layer& layer, const model::Feature& feature, std::ptrdiff_t field) {
    if (field < 0 || static_cast<std::size_t>(field) >= feature.attributes.size()) return {};
    const auto* s = std::get_if<std::string>(&feature.attributes[static_cast<std::size_t>(field)]);
    (void)layer;
    return s ? *s : std::string();
}

std::ptrdiff_t field_index(const model::Layer& layer, std::string_view name) {
    for (std::size_t i = 0; i < layer.fields.size(); ++i)
        if (lower_trimmed(layer.fields[i].name) == name) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

}  // namespace

LitState parse_lit(std::string_view value) {
    const std::string v = lower_trimmed(value);
    if (v == "yes" || v == "24/7" || v == "automatic" || v == "true" || v == "1" || v == "ja" || v == "t")
        return LitState::lit;
    if (v == "no" || v == "disused" || v == "false" || v == "0" || v == "nej" || v == "f") return LitState::unlit;
    return LitState::unknown;
}

std::string_view to_string(LitState state) {
    switch (state) {
        case LitState::lit: return "lit";
        case LitState::unlit: return "unlit";
        case LitState::unknown: break;
    }
    return "unknown";
}

double line_length(const model::LineString& line) {
    double total = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    return total;
}

WalkGraph::WalkGraph(std::vector<model::Point> nodes, std::vector<WalkEdge> edges)
    : nodes_(std::move(nodes)), edges_(std::move(edges)), offsets_(nodes_.size() + 1, 0) {
    for (const WalkEdge& e : edges_) {
        if (e.from >= nodes_.size() || e.to >= nodes_.size())
            throw std::invalid_argument("walk graph: an edge names a node that does not exist");
        if (e.geometry.size() < 2) throw std::invalid_argument("walk graph: an edge has fewer than two points");
        ++offsets_[e.from + 1];
        ++offsets_[e.to + 1];
    }
    for (std::size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
    adjacency_.resize(offsets_.back());
    std::vector<std::size_t> cursor(offsets_.begin(), offsets_.end() - 1);
    for (std::size_t id = 0; id < edges_.size(); ++id) {
        const WalkEdge& e = edges_[id];
        adjacency_[cursor[e.from]++] = {static_cast<EdgeId>(id), e.to};
        adjacency_[cursor[e.to]++] = {static_cast<EdgeId>(id), e.from};
    }
}

double WalkGraph::total_length_m() const noexcept {
    double total = 0.0;
    for (const WalkEdge& e : edges_) total += e.length_m;
    return total;
}

WalkGraphBuild build_walk_graph(std::span<const model::Layer* const> layers, const WalkGraphOptions& options) {
    WalkGraphBuild build;

    // 1. The lines to use, without repeated consecutive points.
    std::vector<detail::SourceLine> lines;
    for (std::size_t li = 0; li < layers.size(); ++li) {
        const model::Layer& layer = *layers[li];
        const std::ptrdiff_t foot_field = field_index(layer, "foot");
        for (std::size_t fi = 0; fi < layer.features.size(); ++fi) {
            const model::Feature& f = layer.features[fi];
            const auto* parts = std::get_if<model::MultiLineString>(&f.geometry);
            if (!parts) {
                ++build.left_out["no_line"];
                continue;
            }
            if (options.walkable_only &&
                highway_walkability(f.highway, text_attribute(layer, f, foot_field)) == Walkability::not_walkable) {
                ++build.left_out["not_walkable"];
                continue;
            }
            const LitState lit = parse_lit(f.lit);
            bool used = false;
            for (const model::LineString& part : *parts) {
                model::LineString clean;
                clean.reserve(part.size());
                for (const model::Point& p : part) {
                    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
                    if (clean.empty() || !(clean.back() == p)) clean.push_back(p);
                }
                if (clean.size() < 2) continue;
                lines.push_back({static_cast<std::uint32_t>(li), fi, lit, std::move(clean)});
                used = true;
            }
            if (used) ++build.features_used;
            else ++build.left_out["degenerate"];
        }
    }

    // 2. Crossing points become vertices of both lines.
    if (options.node_intersections) build.intersections_added = detail::add_intersection_vertices(lines);

    // 3. Nodes: line ends, and every vertex that occurs more than once (shared by two lines or
    //    visited twice by one). Numbered in order of first appearance, for a stable numbering.
    std::unordered_map<PointKey, std::uint32_t, PointKeyHash> occurrences;
    for (const auto& line : lines)
        for (const model::Point& p : line.points) ++occurrences[key_of(p)];
    std::unordered_map<PointKey, NodeId, PointKeyHash> node_ids;
    std::vector<model::Point> nodes;
    auto node_at = [&](const model::Point& p) {
        const auto [it, inserted] = node_ids.try_emplace(key_of(p), static_cast<NodeId>(nodes.size()));
        if (inserted) nodes.push_back(p);
        return it->second;
    };

    // 4. Edges: each line cut at its nodes.
    std::vector<WalkEdge> edges;
    for (const auto& line : lines) {
        const auto& pts = line.points;
        std::size_t start = 0;
        for (std::size_t i = 1; i < pts.size(); ++i) {
            const bool last = i + 1 == pts.size();
            if (!last && occurrences[key_of(pts[i])] < 2) continue;
            WalkEdge e;
            e.geometry.assign(pts.begin() + static_cast<std::ptrdiff_t>(start), pts.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            e.from = node_at(pts[start]);
            e.to = node_at(pts[i]);
            e.length_m = line_length(e.geometry);
            e.lit = line.lit;
            e.layer = line.layer;
            e.feature = line.feature;
            edges.push_back(std::move(e));
            start = i;
        }
    }
    build.graph = WalkGraph(std::move(nodes), std::move(edges));
    return build;
}

}  // namespace trygg::network
