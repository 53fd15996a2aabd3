#pragma once
// A static spatial index over a set of points (a packed R*-tree from Boost.Geometry), answering
// the two neighbour questions the hotspot statistics ask: "which points lie within distance d"
// and "which are the k nearest". Built once in O(n log n); each query costs O(log n + answer).
//
// Distances are Euclidean in the working CRS (metres). The tests are done on squared distances,
// dx*dx + dy*dy <= d*d, so a point exactly at distance d is a neighbour (inclusive band) and
// integer coordinates give exact answers.

#include "trygg/model/geometry.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace trygg::index {

class PointIndex {
public:
    // Copies the points; indices in answers are positions in this span.
    explicit PointIndex(std::span<const model::Point> points);
    ~PointIndex();
    PointIndex(PointIndex&&) noexcept;
    PointIndex& operator=(PointIndex&&) noexcept;
    PointIndex(const PointIndex&) = delete;
    PointIndex& operator=(const PointIndex&) = delete;

    std::size_t size() const noexcept;
    const model::Point& point(std::size_t i) const;

    // Replaces `out` with the indices of every point at distance <= radius from `centre`
    // (the point itself included when it is one of the indexed points), in ascending order.
    void within_distance(const model::Point& centre, double radius, std::vector<std::size_t>& out) const;

    // Replaces `out` with the k nearest points to point i, excluding i itself; other points at
    // the same position count as neighbours at distance 0. Ordered by (distance, index), so when
    // several points tie at the k-th distance the ones with the lowest indices are taken: the
    // answer never depends on the tree's internal order. k is clamped to size() - 1.
    void nearest_others(std::size_t i, std::size_t k, std::vector<std::size_t>& out) const;

    // Distance from point i to its nearest other point (0 when another point coincides with it);
    // nullopt when the index holds no other point.
    std::optional<double> nearest_other_distance(std::size_t i) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace trygg::index
