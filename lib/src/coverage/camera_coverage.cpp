#include "trygg/coverage/camera_coverage.hpp"

#include "coverage/detail/visibility_math.hpp"
#include "coverage/detail/visibility_polygon.hpp"
#include "geometry/detail/geos_context.hpp"
#include "geometry/detail/geos_convert.hpp"
#include "trygg/error.hpp"
#include "trygg/index/boost_geometry.hpp"

// The umbrella header: the rtree predicates need strategies from all over Boost.Geometry.
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace trygg::coverage {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
namespace gd = geometry::detail;

namespace {

using Segment = bg::model::segment<model::Point>;
using SegmentTree = bgi::rtree<Segment, bgi::rstar<16>>;

// Every edge of the seen area's rings, for finding where a walkway crosses its boundary.
std::vector<Segment> boundary_segments(const model::MultiPolygon& area) {
    std::vector<Segment> segments;
    auto add = [&](const model::Ring& ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            if (!(ring[i] == ring[i + 1])) segments.emplace_back(ring[i], ring[i + 1]);
        }
    };
    for (const model::Polygon& polygon : area) {
        add(polygon.outer);
        for (const model::Ring& hole : polygon.holes) add(hole);
    }
    return segments;
}

// Parameters t in [0, 1] along p -> q where it meets segment a -> b: the crossing point, or for
// overlapping collinear segments the projections of a and b. Extra parameters are harmless
// (every piece is classified by its midpoint), missing ones would not be, so the tests lean
// towards reporting.
void crossings(const model::Point& p, const model::Point& q, const model::Point& a, const model::Point& b,
               std::vector<double>& ts) {
    const double rx = q.x - p.x, ry = q.y - p.y;
    const double sx = b.x - a.x, sy = b.y - a.y;
    const double denom = rx * sy - ry * sx;
    const double len_r = std::hypot(rx, ry), len_s = std::hypot(sx, sy);
    const double apx = a.x - p.x, apy = a.y - p.y;
    if (std::abs(denom) > 1e-12 * len_r * len_s) {
        const double t = (apx * sy - apy * sx) / denom;
        const double u = (apx * ry - apy * rx) / denom;
        constexpr double slack = 1e-9;
        if (t >= -slack && t <= 1.0 + slack && u >= -slack && u <= 1.0 + slack) ts.push_back(std::clamp(t, 0.0, 1.0));
        return;
    }
    // Parallel: only collinear ones (a within a nanometre of the line p q) can share a stretch.
    if (std::abs(apx * ry - apy * rx) > 1e-9 * len_r) return;
    const double r2 = len_r * len_r;
    ts.push_back(std::clamp((apx * rx + apy * ry) / r2, 0.0, 1.0));
    ts.push_back(std::clamp(((b.x - p.x) * rx + (b.y - p.y) * ry) / r2, 0.0, 1.0));
}

}  // namespace

struct CameraCoverage::Impl {
    std::unique_ptr<gd::GeosContext> ctx = std::make_unique<gd::GeosContext>();
    gd::GeomPtr seen;
    gd::PreparedPtr prepared;
    model::MultiPolygon area;
    SegmentTree boundary;
    CameraCounts counts;
    std::vector<CameraPlacement> placements;
};

CameraCoverage::CameraCoverage(std::span<const CameraSpec> cameras, const BuildingObstacles* obstacles,
                               const CameraViewOptions& options)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    const gd::GeosContext& ctx = *m.ctx;
    std::vector<gd::GeomPtr> views;
    views.reserve(cameras.size());
    m.placements.reserve(cameras.size());
    m.counts.total = cameras.size();
    for (std::size_t i = 0; i < cameras.size(); ++i) {
        const CameraSpec& spec = cameras[i];
        if (auto problem = camera_spec_problem(spec)) {
            throw UsageError("camera " + std::to_string(i) + ": " + *problem);
        }
        detail::PlacedView view = detail::visibility_polygon(ctx, spec, obstacles, options);
        if (!spec.heading_deg) ++m.counts.all_around;
        if (view.placement == CameraPlacement::moved_off_wall) ++m.counts.moved_off_wall;
        if (view.placement == CameraPlacement::indoors) ++m.counts.indoors;
        m.placements.push_back(view.placement);
        views.push_back(std::move(view.area));
    }
    gd::GeomPtr all = gd::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(views));
    m.seen = gd::own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "cannot union the cameras' views");
    m.prepared = gd::prepare(ctx, m.seen.get());
    m.area = gd::to_multipolygon(ctx, m.seen.get());
    m.boundary = SegmentTree(boundary_segments(m.area));
}

CameraCoverage::~CameraCoverage() = default;
CameraCoverage::CameraCoverage(CameraCoverage&&) noexcept = default;
CameraCoverage& CameraCoverage::operator=(CameraCoverage&&) noexcept = default;

bool CameraCoverage::is_seen(const model::Point& point) const {
    const gd::GeosContext& ctx = *impl_->ctx;
    const gd::GeomPtr g = gd::to_geos(ctx, point);
    const char answer = GEOSPreparedIntersects_r(ctx.get(), impl_->prepared.get(), g.get());
    if (answer == 2) ctx.fail("cannot test a point against the seen area");
    return answer == 1;
}

LineIntervals CameraCoverage::seen_intervals(const model::LineString& line) const {
    LineIntervals seen;
    if (impl_->area.empty()) return seen;
    std::vector<double> ts;
    double start = 0.0;  // offset of the segment's first vertex, summed as line_length sums it
    for (std::size_t s = 1; s < line.size(); ++s) {
        const model::Point p = line[s - 1], q = line[s];
        const double length = std::hypot(q.x - p.x, q.y - p.y);
        if (length == 0.0) continue;
        ts.assign({0.0, 1.0});
        const index::BoostBox box(model::Point{std::min(p.x, q.x), std::min(p.y, q.y)},
                                  model::Point{std::max(p.x, q.x), std::max(p.y, q.y)});
        for (auto it = impl_->boundary.qbegin(bgi::intersects(box)); it != impl_->boundary.qend(); ++it) {
            crossings(p, q, it->first, it->second, ts);
        }
        std::sort(ts.begin(), ts.end());
        ts.erase(std::unique(ts.begin(), ts.end()), ts.end());
        for (std::size_t k = 1; k < ts.size(); ++k) {
            const double t = 0.5 * (ts[k - 1] + ts[k]);
            if (is_seen({p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)})) {
                seen.push_back({start + ts[k - 1] * length, start + ts[k] * length});
            }
        }
        start += length;
    }
    return normalise(std::move(seen));
}

const model::MultiPolygon& CameraCoverage::seen_area() const noexcept { return impl_->area; }

double CameraCoverage::seen_area_m2() const {
    double area = 0.0;
    if (GEOSArea_r(impl_->ctx->get(), impl_->seen.get(), &area) != 1) impl_->ctx->fail("cannot measure the seen area");
    return area;
}

const CameraCounts& CameraCoverage::counts() const noexcept { return impl_->counts; }
const std::vector<CameraPlacement>& CameraCoverage::placements() const noexcept { return impl_->placements; }

}  // namespace trygg::coverage
