#include "trygg/coverage/building_obstacles.hpp"

#include "coverage/detail/visibility_math.hpp"
#include "trygg/index/boost_geometry.hpp"

// The umbrella header: the rtree predicates need strategies from all over Boost.Geometry.
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace trygg::coverage {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using Entry = std::pair<index::BoostBox, std::size_t>;  // a polygon's box and its index
using Tree = bgi::rtree<Entry, bgi::rstar<16>>;

// A ring with at least three distinct points and a non-zero area; closure and orientation are
// repaired afterwards by bg::correct.
bool usable_ring(const model::Ring& ring) {
    if (ring.size() < 3) return false;
    double twice_area = 0.0;
    const model::Point origin = ring.front();  // offsets: no cancellation at large coordinates
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double ax = ring[i].x - origin.x, ay = ring[i].y - origin.y;
        const double bx = ring[i + 1].x - origin.x, by = ring[i + 1].y - origin.y;
        twice_area += ax * by - bx * ay;
    }
    return std::isfinite(twice_area) && twice_area != 0.0;
}

template <typename Visit>
void for_each_ring(const index::BoostPolygon& polygon, const Visit& visit) {
    visit(polygon.outer());
    for (const auto& hole : polygon.inners()) visit(hole);
}

}  // namespace

struct BuildingObstacles::Impl {
    std::vector<index::BoostPolygon> polygons;  // corrected: outer clockwise, holes counter-clockwise
    std::vector<std::size_t> building_of;       // polygon -> building index
    Tree tree;
    std::size_t buildings = 0;
    std::size_t walls = 0;
    std::size_t skipped_rings = 0;
    std::size_t skipped_buildings = 0;
};

BuildingObstacles::BuildingObstacles(const std::vector<model::MultiPolygon>& buildings)
    : impl_(std::make_unique<Impl>()) {
    impl_->buildings = buildings.size();
    for (std::size_t b = 0; b < buildings.size(); ++b) {
        bool kept = false;
        for (const model::Polygon& polygon : buildings[b]) {
            if (!usable_ring(polygon.outer)) {
                impl_->skipped_rings += 1 + polygon.holes.size();
                continue;
            }
            index::BoostPolygon converted;
            converted.outer().assign(polygon.outer.begin(), polygon.outer.end());
            for (const model::Ring& hole : polygon.holes) {
                if (!usable_ring(hole)) {
                    ++impl_->skipped_rings;
                    continue;
                }
                converted.inners().emplace_back(hole.begin(), hole.end());
            }
            bg::correct(converted);
            for_each_ring(converted, [&](const auto& ring) { impl_->walls += ring.size() - 1; });
            impl_->polygons.push_back(std::move(converted));
            impl_->building_of.push_back(b);
            kept = true;
        }
        if (!kept) ++impl_->skipped_buildings;
    }
    std::vector<Entry> entries;
    entries.reserve(impl_->polygons.size());
    for (std::size_t i = 0; i < impl_->polygons.size(); ++i) {
        entries.emplace_back(bg::return_envelope<index::BoostBox>(impl_->polygons[i]), i);
    }
    impl_->tree = Tree(entries);  // the range constructor packs the tree
}

BuildingObstacles::~BuildingObstacles() = default;
BuildingObstacles::BuildingObstacles(BuildingObstacles&&) noexcept = default;
BuildingObstacles& BuildingObstacles::operator=(BuildingObstacles&&) noexcept = default;

std::size_t BuildingObstacles::building_count() const noexcept { return impl_->buildings; }
std::size_t BuildingObstacles::polygon_count() const noexcept { return impl_->polygons.size(); }
std::size_t BuildingObstacles::wall_count() const noexcept { return impl_->walls; }
std::size_t BuildingObstacles::skipped_rings() const noexcept { return impl_->skipped_rings; }
std::size_t BuildingObstacles::skipped_buildings() const noexcept { return impl_->skipped_buildings; }

void BuildingObstacles::walls_in(const model::Box& box, std::vector<Wall>& out) const {
    out.clear();
    std::vector<std::size_t> hits;
    const index::BoostBox query(model::Point{box.min_x, box.min_y}, model::Point{box.max_x, box.max_y});
    for (auto it = impl_->tree.qbegin(bgi::intersects(query)); it != impl_->tree.qend(); ++it) {
        hits.push_back(it->second);
    }
    std::sort(hits.begin(), hits.end());  // the tree's order is not the input order
    for (const std::size_t i : hits) {
        const std::size_t building = impl_->building_of[i];
        for_each_ring(impl_->polygons[i], [&](const auto& ring) {
            for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
                if (ring[k] == ring[k + 1]) continue;
                out.push_back(Wall{ring[k], ring[k + 1], building});
            }
        });
    }
}

std::optional<FootprintContact> BuildingObstacles::footprint_at(const model::Point& position) const {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (auto it = impl_->tree.qbegin(bgi::covers(position)); it != impl_->tree.qend(); ++it) {
        if (it->second < best && bg::covered_by(position, impl_->polygons[it->second])) best = it->second;
    }
    if (best == std::numeric_limits<std::size_t>::max()) return std::nullopt;

    // The nearest boundary point, and the outward normals of every wall that reaches it (two at
    // a corner): material is on the right of a wall, so outward is its left normal.
    double best_d2 = std::numeric_limits<double>::infinity();
    model::Point nearest;
    for_each_ring(impl_->polygons[best], [&](const auto& ring) {
        for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
            const auto [q, d2] = detail::nearest_on_segment(position, ring[k], ring[k + 1]);
            if (d2 < best_d2) {
                best_d2 = d2;
                nearest = q;
            }
        }
    });
    const double tie = best_d2 + 1e-18 + best_d2 * 1e-9;
    double nx = 0.0, ny = 0.0;
    for_each_ring(impl_->polygons[best], [&](const auto& ring) {
        for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
            const double dx = ring[k + 1].x - ring[k].x, dy = ring[k + 1].y - ring[k].y;
            const double len = std::hypot(dx, dy);
            if (len == 0.0 || detail::nearest_on_segment(position, ring[k], ring[k + 1]).second > tie) continue;
            nx += -dy / len;
            ny += dx / len;
        }
    });
    const double n = std::hypot(nx, ny);
    FootprintContact contact;
    contact.building = impl_->building_of[best];
    contact.depth_m = std::sqrt(best_d2);
    contact.nearest = nearest;
    contact.outward = n > 0.0 ? model::Point{nx / n, ny / n} : model::Point{0.0, 0.0};
    return contact;
}

bool BuildingObstacles::covers(const model::Point& position) const {
    for (auto it = impl_->tree.qbegin(bgi::covers(position)); it != impl_->tree.qend(); ++it) {
        if (bg::covered_by(position, impl_->polygons[it->second])) return true;
    }
    return false;
}

}  // namespace trygg::coverage
