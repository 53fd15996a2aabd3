#include "trygg/coverage/light_coverage.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

#include <boost/geometry/index/rtree.hpp>

#include "detail/disjoint_sets.hpp"
#include "detail/parallel_for.hpp"
#include "geometry/detail/geos_context.hpp"
#include "geometry/detail/geos_convert.hpp"
#include "trygg/error.hpp"
#include "trygg/hotspot/density_contour.hpp"
#include "trygg/index/boost_geometry.hpp"

namespace trygg::coverage {

namespace bgi = boost::geometry::index;
using geometry::detail::GeomPtr;
using geometry::detail::GeosContext;

namespace {

std::string lower_trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Swedish capitals in UTF-8 (Ä Ö Å -> ä ö å): second byte + 0x20.
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        const auto lead = static_cast<unsigned char>(out[i]);
        const auto next = static_cast<unsigned char>(out[i + 1]);
        if (lead == 0xC3 && (next == 0x84 || next == 0x96 || next == 0x85)) out[i + 1] = static_cast<char>(next + 0x20);
    }
    return out;
}

using Entry = std::pair<model::Box, std::size_t>;
using Tree = bgi::rtree<Entry, bgi::rstar<16>>;

// A disc as a polygon: the vertices GEOS's buffer of a point has (4 * quadrant_segments of
// them, at angles 0, -step, -2 step, ... from the east, clockwise as GEOS writes shells), made
// directly from a table of unit offsets instead of running the buffer operation per light.
class UnitCircle {
public:
    explicit UnitCircle(int quadrant_segments) {
        const int n = 4 * quadrant_segments;
        const double step = std::numbers::pi / 2.0 / quadrant_segments;
        for (int k = 0; k < n; ++k) {
            const double angle = -step * k;
            offsets_.push_back({std::cos(angle), std::sin(angle)});
        }
    }
    model::Ring ring(model::Point centre, double radius) const {
        model::Ring out;
        out.reserve(offsets_.size() + 1);
        for (const auto& o : offsets_) out.push_back({centre.x + radius * o.x, centre.y + radius * o.y});
        out.push_back(out.front());
        return out;
    }

private:
    std::vector<model::Point> offsets_;
};

// EN 13201-2:2015, table 3 (P classes): average and minimum maintained horizontal illuminance.
constexpr std::array<PClass, 6> p_classes{{
    {"P1", 15.0, 3.0},
    {"P2", 10.0, 2.0},
    {"P3", 7.5, 1.5},
    {"P4", 5.0, 1.0},
    {"P5", 3.0, 0.6},
    {"P6", 2.0, 0.4},
}};

}  // namespace

bool is_out_status(std::string_view status) {
    static constexpr std::array<std::string_view, 15> out_words{
        "broken", "out", "off", "defect", "defective", "failed", "not working", "dark",
        "out of order", "trasig", "släckt", "ur funktion", "avstängd", "ej fungerande", "släckt/trasig"};
    const std::string s = lower_trimmed(status);
    return std::find(out_words.begin(), out_words.end(), s) != out_words.end();
}

std::optional<PClass> p_class(std::string_view name) {
    const std::string s = lower_trimmed(name);
    for (const auto& c : p_classes)
        if (lower_trimmed(c.name) == s) return c;
    return std::nullopt;
}

struct LightCoverage::Impl {
    LightOptions options;
    LightCounts counts;
    std::vector<model::Point> positions;  // working lights only
    std::vector<double> radii;            // disc model: radius; lux model: 0
    std::vector<double> heights;          // lux model: mounting height
    double max_radius = 0.0;
    Tree tree;

    // Lights whose index box meets `box` grown by `grow`, in ascending index order (so sums
    // do not depend on the tree's internal order).
    void near(const model::Box& box, double grow, std::vector<std::size_t>& out) const {
        out.clear();
        const model::Box query{box.min_x - grow, box.min_y - grow, box.max_x + grow, box.max_y + grow};
        for (auto it = tree.qbegin(bgi::intersects(query)); it != tree.qend(); ++it) out.push_back(it->second);
        std::sort(out.begin(), out.end());
    }

    // The working lights in groups whose discs overlap (touching counts) directly or through
    // other discs of the group: union-find over the pairs the index finds, O(n log n + pairs).
    // Groups in order of their first light, lights ascending, so the output is deterministic.
    std::vector<std::vector<std::size_t>> overlapping_groups() const {
        trygg::detail::DisjointSets sets(positions.size());
        for (std::size_t i = 0; i < positions.size(); ++i) {
            const auto& c = positions[i];
            const model::Box box{c.x - radii[i], c.y - radii[i], c.x + radii[i], c.y + radii[i]};
            for (auto it = tree.qbegin(bgi::intersects(box)); it != tree.qend(); ++it) {
                const std::size_t j = it->second;
                if (j <= i) continue;
                const double dx = positions[j].x - c.x, dy = positions[j].y - c.y, reach = radii[i] + radii[j];
                if (dx * dx + dy * dy <= reach * reach) sets.unite(i, j);
            }
        }
        constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
        std::vector<std::vector<std::size_t>> groups;
        std::vector<std::size_t> group_of_root(positions.size(), none);
        for (std::size_t i = 0; i < positions.size(); ++i) {
            std::size_t& g = group_of_root[sets.find(i)];
            if (g == none) {
                g = groups.size();  // a group is numbered when its first light comes
                groups.emplace_back();
            }
            groups[g].push_back(i);
        }
        return groups;
    }

    double lux_from(model::Point p, const std::vector<std::size_t>& lights) const {
        const double cutoff2 = options.cutoff_m * options.cutoff_m;
        double e = 0.0;
        for (const std::size_t i : lights) {
            const double dx = p.x - positions[i].x, dy = p.y - positions[i].y;
            const double d2 = dx * dx + dy * dy;
            if (d2 > cutoff2) continue;
            const double h = heights[i];
            const double s = h * h + d2;
            e += options.intensity_cd * h / (s * std::sqrt(s));
        }
        return e;
    }
};

LightCoverage::LightCoverage(std::span<const LightSource> lights, const LightOptions& options)
    : impl_(std::make_unique<Impl>()) {
    const auto positive = [](double v) { return std::isfinite(v) && v > 0.0; };
    if (!positive(options.radius_m)) throw UsageError("light radius must be > 0 m");
    if (options.radius_per_height && !positive(*options.radius_per_height))
        throw UsageError("radius-from-height factor must be > 0");
    if (!positive(options.intensity_cd)) throw UsageError("light intensity must be > 0 cd");
    if (!positive(options.default_height_m)) throw UsageError("default light height must be > 0 m");
    if (!std::isfinite(options.min_lux) || options.min_lux < 0.0) throw UsageError("minimum illuminance must be >= 0 lx");
    if (!positive(options.cutoff_m)) throw UsageError("illuminance cut-off must be > 0 m");
    if (!positive(options.sample_step_m)) throw UsageError("sample step must be > 0 m");
    if (!positive(options.area_cell_m)) throw UsageError("lit-area cell size must be > 0 m");
    if (options.quadrant_segments < 1) throw UsageError("quadrant segments must be >= 1");

    auto& m = *impl_;
    m.options = options;
    m.counts.total = lights.size();
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < lights.size(); ++i) {
        const auto& light = lights[i];
        if (light.height_m && !positive(*light.height_m))
            throw DataError("light " + std::to_string(i) + ": height " + std::to_string(*light.height_m) +
                            " is not a positive number of metres");
        if (is_out_status(light.status)) {
            ++m.counts.out;
            continue;
        }
        double radius = 0.0, height = options.default_height_m;
        if (options.model == LightModel::disc) {
            radius = options.radius_m;
            if (options.radius_per_height) {
                if (light.height_m)
                    radius = *options.radius_per_height * *light.height_m;
                else
                    ++m.counts.default_radius;
            }
        } else if (light.height_m) {
            height = *light.height_m;
        } else {
            ++m.counts.default_height;
        }
        const std::size_t k = m.positions.size();
        m.positions.push_back(light.position);
        m.radii.push_back(radius);
        m.heights.push_back(height);
        m.max_radius = std::max(m.max_radius, radius);
        const auto& p = light.position;
        entries.push_back({model::Box{p.x - radius, p.y - radius, p.x + radius, p.y + radius}, k});
    }
    m.counts.used = m.positions.size();
    m.tree = Tree(entries.begin(), entries.end());  // packing (bulk) construction
}

LightCoverage::~LightCoverage() = default;
LightCoverage::LightCoverage(LightCoverage&&) noexcept = default;
LightCoverage& LightCoverage::operator=(LightCoverage&&) noexcept = default;

const LightOptions& LightCoverage::options() const noexcept { return impl_->options; }
const LightCounts& LightCoverage::counts() const noexcept { return impl_->counts; }
std::span<const model::Point> LightCoverage::working_positions() const noexcept { return impl_->positions; }
std::span<const double> LightCoverage::working_radii() const noexcept { return impl_->radii; }

LineIntervals LightCoverage::lit_intervals(const model::LineString& line) const {
    const auto& m = *impl_;
    LineIntervals lit;
    std::vector<std::size_t> candidates;
    double start = 0.0;  // offset of the segment's first vertex
    for (std::size_t s = 1; s < line.size(); ++s) {
        const model::Point a = line[s - 1], b = line[s];
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double length = std::hypot(dx, dy);
        if (length == 0.0) continue;
        const model::Box box{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
        if (m.options.model == LightModel::disc) {
            m.near(box, 0.0, candidates);
            const double ux = dx / length, uy = dy / length;
            for (const std::size_t i : candidates) {
                // Offset of the foot of the perpendicular from the centre, and the half chord.
                const double cx = m.positions[i].x - a.x, cy = m.positions[i].y - a.y;
                const double along = cx * ux + cy * uy;
                const double across = cx * uy - cy * ux;
                const double r = m.radii[i];
                const double h2 = r * r - across * across;
                if (h2 < 0.0) continue;
                const double half = std::sqrt(h2);
                const double from = std::max(0.0, along - half), to = std::min(length, along + half);
                if (to > from) lit.push_back({start + from, start + to});
            }
        } else {
            m.near(box, m.options.cutoff_m, candidates);
            const auto lit_at = [&](double t) {
                return m.lux_from({a.x + dx * t / length, a.y + dy * t / length}, candidates) >= m.options.min_lux;
            };
            const auto steps = static_cast<std::size_t>(std::ceil(length / m.options.sample_step_m));
            const double step = length / static_cast<double>(steps);
            // Refines the crossing between t0 (state `was`) and t1 to 0.01 m.
            const auto crossing = [&](double t0, double t1, bool was) {
                while (t1 - t0 > 0.01) {
                    const double mid = 0.5 * (t0 + t1);
                    (lit_at(mid) == was ? t0 : t1) = mid;
                }
                return 0.5 * (t0 + t1);
            };
            bool was = lit_at(0.0);
            double lit_from = 0.0;
            for (std::size_t k = 1; k <= steps; ++k) {
                const double t0 = step * static_cast<double>(k - 1);
                const double t1 = k == steps ? length : step * static_cast<double>(k);
                const bool now = lit_at(t1);
                if (now == was) continue;
                const double x = crossing(t0, t1, was);
                if (now)
                    lit_from = x;
                else
                    lit.push_back({start + lit_from, start + x});
                was = now;
            }
            if (was) lit.push_back({start + lit_from, start + length});
        }
        start += length;
    }
    return normalise(std::move(lit));
}

double LightCoverage::illuminance(model::Point p) const {
    std::vector<std::size_t> candidates;
    impl_->near(model::Box{p.x, p.y, p.x, p.y}, impl_->options.cutoff_m, candidates);
    return impl_->lux_from(p, candidates);
}

bool LightCoverage::is_lit(model::Point p) const {
    const auto& m = *impl_;
    if (m.options.model == LightModel::lux) return illuminance(p) >= m.options.min_lux;
    for (auto it = m.tree.qbegin(bgi::intersects(model::Box{p.x, p.y, p.x, p.y})); it != m.tree.qend(); ++it) {
        const auto& c = m.positions[it->second];
        const double dx = p.x - c.x, dy = p.y - c.y;
        if (dx * dx + dy * dy <= m.radii[it->second] * m.radii[it->second]) return true;
    }
    return false;
}

model::MultiPolygon LightCoverage::lit_area(unsigned threads) const {
    const auto& m = *impl_;
    if (m.positions.empty()) return {};
    if (m.options.model == LightModel::disc) {
        // One union of all discs spends its time overlaying far-apart, disjoint parts with one
        // another at every level of the cascade. Discs that overlap no other disc are already
        // polygons of the result, and groups of overlapping discs (connected components) are
        // disjoint from each other, so uniting each group alone gives the same area with only
        // the overlays that matter. Groups are independent: they are united on `threads`
        // threads (one GEOS context each) into a slot per group, joined in group order.
        const UnitCircle circle(m.options.quadrant_segments);
        const auto groups = m.overlapping_groups();
        std::vector<model::MultiPolygon> parts(groups.size());
        trygg::detail::parallel_for(
            groups.size(), threads, [] { return GeosContext(); },
            [&](const GeosContext& ctx, std::size_t g) {
                const auto& group = groups[g];
                if (group.size() == 1) {
                    parts[g].push_back(model::Polygon{circle.ring(m.positions[group.front()], m.radii[group.front()]), {}});
                    return;
                }
                std::vector<GeomPtr> discs;
                discs.reserve(group.size());
                for (const std::size_t i : group)
                    discs.push_back(geometry::detail::to_geos(ctx, model::Polygon{circle.ring(m.positions[i], m.radii[i]), {}}));
                const auto all = geometry::detail::collect(ctx, GEOS_MULTIPOLYGON, std::move(discs));
                const auto united = geometry::detail::own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "union of lit discs");
                parts[g] = geometry::detail::to_multipolygon(ctx, united.get());
            });
        model::MultiPolygon area;
        std::size_t count = 0;
        for (const auto& part : parts) count += part.size();
        area.reserve(count);
        for (auto& part : parts)
            for (auto& polygon : part) area.push_back(std::move(polygon));
        return area;
    }
    // Lux: a grid over the lights' extent grown by the cut-off (beyond it E is 0).
    double min_x = std::numeric_limits<double>::max(), min_y = min_x;
    double max_x = std::numeric_limits<double>::lowest(), max_y = max_x;
    for (const auto& p : m.positions) {
        min_x = std::min(min_x, p.x), min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x), max_y = std::max(max_y, p.y);
    }
    const double cell = m.options.area_cell_m, reach = m.options.cutoff_m;
    hotspot::GridSpec grid;
    grid.cell = cell;
    grid.origin_x = std::floor((min_x - reach) / cell) * cell;
    grid.origin_y = std::ceil((max_y + reach) / cell) * cell;
    grid.columns = static_cast<int>(std::ceil((max_x + reach - grid.origin_x) / cell));
    grid.rows = static_cast<int>(std::ceil((grid.origin_y - (min_y - reach)) / cell));
    std::vector<float> lit(static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows), 0.0f);
    std::vector<std::size_t> candidates;
    // One neighbour query per block of 16 x 16 cells, not per cell.
    constexpr int block = 16;
    for (int r0 = 0; r0 < grid.rows; r0 += block) {
        for (int c0 = 0; c0 < grid.columns; c0 += block) {
            const int r1 = std::min(grid.rows, r0 + block), c1 = std::min(grid.columns, c0 + block);
            const model::Box box{grid.origin_x + c0 * cell, grid.origin_y - r1 * cell, grid.origin_x + c1 * cell,
                                 grid.origin_y - r0 * cell};
            m.near(box, reach, candidates);
            if (candidates.empty()) continue;
            for (int r = r0; r < r1; ++r)
                for (int c = c0; c < c1; ++c) {
                    const model::Point centre{grid.origin_x + (c + 0.5) * cell, grid.origin_y - (r + 0.5) * cell};
                    if (m.lux_from(centre, candidates) >= m.options.min_lux)
                        lit[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.columns) + static_cast<std::size_t>(c)] = 1.0f;
                }
        }
    }
    model::MultiPolygon area;
    for (auto& part : hotspot::top_mass_areas(lit, grid, 100.0))
        for (auto& polygon : part.area) area.push_back(std::move(polygon));
    return area;
}

}  // namespace trygg::coverage
