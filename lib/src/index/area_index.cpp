#include "trygg/index/area_index.hpp"

#include "trygg/index/boost_geometry.hpp"

// The umbrella header: the rtree predicates need strategies from all over Boost.Geometry.
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <limits>
#include <utility>

namespace trygg::index {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {
using Entry = std::pair<BoostBox, std::size_t>;
}  // namespace

struct AreaIndex::Impl {
    std::vector<BoostMultiPolygon> areas;
    bgi::rtree<Entry, bgi::rstar<16>> tree;
};

namespace {

std::vector<Entry> make_entries(const std::vector<BoostMultiPolygon>& areas) {
    std::vector<Entry> entries;
    entries.reserve(areas.size());
    for (std::size_t i = 0; i < areas.size(); ++i) {
        if (bg::is_empty(areas[i])) continue;
        entries.emplace_back(bg::return_envelope<BoostBox>(areas[i]), i);
    }
    return entries;
}

std::vector<BoostMultiPolygon> convert(const std::vector<model::MultiPolygon>& areas) {
    std::vector<BoostMultiPolygon> converted;
    converted.reserve(areas.size());
    for (const model::MultiPolygon& area : areas) converted.push_back(to_boost(area));
    return converted;
}

}  // namespace

AreaIndex::AreaIndex(const std::vector<model::MultiPolygon>& areas) : impl_(std::make_unique<Impl>()) {
    impl_->areas = convert(areas);
    impl_->tree = bgi::rtree<Entry, bgi::rstar<16>>(make_entries(impl_->areas));
}

AreaIndex::~AreaIndex() = default;
AreaIndex::AreaIndex(AreaIndex&&) noexcept = default;
AreaIndex& AreaIndex::operator=(AreaIndex&&) noexcept = default;

std::size_t AreaIndex::size() const noexcept { return impl_->areas.size(); }

std::optional<std::size_t> AreaIndex::first_covering(const model::Point& point) const {
    // Candidates come out of the tree in no particular order; keeping the smallest matching
    // index implements the "first area in input order" rule for shared boundaries.
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (auto it = impl_->tree.qbegin(bgi::covers(point)); it != impl_->tree.qend(); ++it) {
        if (it->second < best && bg::covered_by(point, impl_->areas[it->second])) best = it->second;
    }
    if (best == std::numeric_limits<std::size_t>::max()) return std::nullopt;
    return best;
}

}  // namespace trygg::index
