#include "trygg/hotspot/kernel_density.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif
#include <exception>
#include <limits>
#include <mutex>
#include <numbers>
#include <string>
#include <thread>

#include "trygg/error.hpp"

namespace trygg::hotspot {
namespace {

constexpr std::array<std::pair<Kernel, std::string_view>, 6> kKernelNames{{
    {Kernel::quartic, "quartic"},
    {Kernel::triangular, "triangular"},
    {Kernel::uniform, "uniform"},
    {Kernel::triweight, "triweight"},
    {Kernel::epanechnikov, "epanechnikov"},
    {Kernel::gaussian, "gaussian"},
}};

// Gaussian kernel: sigma = r/3, so exp(-0.5 (d/sigma)^2) = exp(-4.5 (d/r)^2).
constexpr double kGaussianExponent = 4.5;
constexpr double kSquareMetresPerSquareKm = 1e6;

// Rows per accumulation band. A band's double accumulator is band_rows * columns * 8 bytes
// (1 MiB for 1000 columns); bands are the unit of parallel work and of deterministic summation.
constexpr int kBandRows = 128;
// Points processed between two looks at the progress counter.
constexpr std::size_t kProgressBatch = 512;

// Integral of k(d/r) over the disc of radius r, divided by pi r^2 (see the table in the header).
double kernel_mass_over_disc_area(Kernel kernel, double decay) {
    switch (kernel) {
        case Kernel::uniform: return 1.0;
        case Kernel::quartic: return 1.0 / 3.0;
        case Kernel::triweight: return 1.0 / 4.0;
        case Kernel::epanechnikov: return 1.0 / 2.0;
        case Kernel::triangular: return (1.0 + 2.0 * decay) / 3.0;
        case Kernel::gaussian:
            return 2.0 * (1.0 - std::exp(-kGaussianExponent)) / (2.0 * kGaussianExponent);
    }
    return 1.0;
}

// Cells one point touches: rows [row_lo, row_hi] x columns [col_lo, col_hi], already clipped to
// the grid (empty when lo > hi). In QGIS mode also the offset that turns a grid row into the row
// QGIS computes the cell-centre y from.
struct Footprint {
    long long row_lo = 0, row_hi = -1, col_lo = 0, col_hi = -1;
    long long qgis_row_shift = 0;
};

// QGIS's radiusSizeInPixels: whole cells in the radius, plus one when the remainder exceeds half
// a map unit (sic: map units, not cells).
long long qgis_buffer_cells(double radius, double cell) {
    auto buffer = static_cast<long long>(radius / cell);
    if (radius - cell * static_cast<double>(buffer) > 0.5) ++buffer;
    return buffer;
}

// double -> integer index, saturating far outside any grid so that far-away points cannot
// overflow; callers clip to the grid afterwards.
long long clamp_index(double v) {
    constexpr double kLimit = 1e15;
    return static_cast<long long>(std::clamp(v, -kLimit, kLimit));
}

struct Job {
    std::span<const model::Point> points;
    GridSpec grid;
    Kernel kernel;
    double one_minus_decay;
    bool density;
    double density_constant;  // 1e6 / (pi * kernel mass over disc area); x w / r^2 = w per km^2 of kernel
    std::span<const double> weights;
    std::span<const double> radii;
    double radius;
    std::optional<QgisQuirks> quirks;

    double radius_of(std::size_t i) const { return radii.empty() ? radius : radii[i]; }
    double weight_of(std::size_t i) const { return weights.empty() ? 1.0 : weights[i]; }

    Footprint footprint(std::size_t i) const {
        const model::Point p = points[i];
        const double r = radius_of(i);
        const double cell = grid.cell;
        Footprint f;
        if (quirks) {
            // QGIS: a (2b+1)^2 block whose first column/row is the point's position in cells
            // minus b, truncated toward zero (its cast to unsigned int).
            const long long b = qgis_buffer_cells(r, cell);
            const auto bd = static_cast<double>(b);
            f.col_lo = clamp_index((p.x - grid.origin_x) / cell - bd);
            f.col_hi = f.col_lo + 2 * b;
            f.row_lo = clamp_index((grid.origin_y - p.y) / cell - bd);  // counted from the top
            f.row_hi = f.row_lo + 2 * b;
            const long long row_from_bottom = clamp_index((p.y - quirks->extent_min_y) / cell - bd);
            f.qgis_row_shift = row_from_bottom - f.row_lo;
        } else {
            // Cell centre x_c = origin_x + (c + 0.5) cell lies within [x - r, x + r] for
            // c in [(x - r - origin_x)/cell - 0.5, (x + r - origin_x)/cell - 0.5]; widened by
            // rounding outward, the exact test d^2 <= r^2 decides per cell.
            f.col_lo = clamp_index(std::floor((p.x - r - grid.origin_x) / cell - 0.5));
            f.col_hi = clamp_index(std::ceil((p.x + r - grid.origin_x) / cell - 0.5));
            f.row_lo = clamp_index(std::floor((grid.origin_y - p.y - r) / cell - 0.5));
            f.row_hi = clamp_index(std::ceil((grid.origin_y - p.y + r) / cell - 0.5));
        }
        f.col_lo = std::max(f.col_lo, 0LL);
        f.col_hi = std::min(f.col_hi, static_cast<long long>(grid.columns) - 1);
        f.row_lo = std::max(f.row_lo, 0LL);
        f.row_hi = std::min(f.row_hi, static_cast<long long>(grid.rows) - 1);
        return f;
    }

    // Offset from the point to the centre y that row `row` is evaluated at.
    double row_dy(long long row, const Footprint& f, double py) const {
        if (quirks) {
            const auto from_bottom = static_cast<double>(row + f.qgis_row_shift);
            return quirks->extent_min_y + (from_bottom + 0.5) * grid.cell - py;
        }
        return grid.origin_y - (static_cast<double>(row) + 0.5) * grid.cell - py;
    }
};

// Per-band scratch: the double accumulator and per-point column tables.
struct Scratch {
    std::vector<double> acc;
    std::vector<double> dx2;           // squared x offsets of the point's columns
    std::vector<double> column_table;  // exp(-4.5 dx^2/r^2), for the gaussian
};

// What one row of one point adds: out[k] += w * k(d/r) with d^2 = dx2[k] + dy2, for cells the
// caller has already found inside the disc.
struct RowTerms {
    double dy2;
    double inv_r2;
    double w;                // the point's weight (times the density constant; for the gaussian
                             // also times the row's factor exp(-4.5 dy^2/r^2))
    double one_minus_decay;  // triangular
};

// One cell's kernel value, with exactly the operations (and their order) of the vector loop
// below, so the vector body and the scalar tail give bit-identical sums.
template <Kernel K>
[[gnu::always_inline]] inline double cell_term(double dx2, double column, const RowTerms& t) {
    if constexpr (K == Kernel::gaussian) {
        return t.w * column;
    } else {
        const double q = (dx2 + t.dy2) * t.inv_r2;  // (d/r)^2
        const double one_q = 1.0 - q;
        double v = 1.0;
        if constexpr (K == Kernel::quartic) v = one_q * one_q;
        else if constexpr (K == Kernel::triweight) v = one_q * one_q * one_q;
        else if constexpr (K == Kernel::epanechnikov) v = one_q;
        else if constexpr (K == Kernel::triangular) v = 1.0 - t.one_minus_decay * std::sqrt(q);
        return t.w * v;
    }
}

#if defined(__GNUC__)
typedef double Double4 __attribute__((vector_size(4 * sizeof(double))));

// Lane-wise square roots, correctly rounded like std::sqrt (so the same bits in every build):
// two SSE2 instructions on x86-64 (std::sqrt lane by lane would also test each lane for errno).
[[gnu::always_inline]] inline void sqrt_lanes(Double4& q) {
#if defined(__x86_64__)
    const __m128d lo = _mm_sqrt_pd(__builtin_shufflevector(q, q, 0, 1));
    const __m128d hi = _mm_sqrt_pd(__builtin_shufflevector(q, q, 2, 3));
    q = __builtin_shufflevector(lo, hi, 0, 1, 2, 3);
#else
    for (int j = 0; j < 4; ++j) q[j] = std::sqrt(q[j]);
#endif
}
#endif

// Adds a row segment four cells at a time (GCC/Clang vector extensions: one AVX register, or two
// SSE2 ones), then the tail cell by cell. Every lane does the scalar operations of cell_term, so
// the sums do not depend on the instruction set.
template <Kernel K>
[[gnu::always_inline]] inline void add_row(double* out, const double* dx2, const double* column, std::size_t n,
                                           const RowTerms& t) {
    std::size_t k = 0;
#if defined(__GNUC__)
    {
        using V = Double4;
        constexpr std::size_t kLanes = 4;
        for (; k + kLanes <= n; k += kLanes) {
            V acc, term;
            std::memcpy(&acc, out + k, sizeof acc);
            if constexpr (K == Kernel::gaussian) {
                V e;
                std::memcpy(&e, column + k, sizeof e);
                term = t.w * e;
            } else {
                V d;
                std::memcpy(&d, dx2 + k, sizeof d);
                const V q = (d + t.dy2) * t.inv_r2;
                const V one_q = 1.0 - q;
                V v = V{} + 1.0;  // uniform
                if constexpr (K == Kernel::quartic) v = one_q * one_q;
                else if constexpr (K == Kernel::triweight) v = one_q * one_q * one_q;
                else if constexpr (K == Kernel::epanechnikov) v = one_q;
                else if constexpr (K == Kernel::triangular) {
                    V u = q;
                    sqrt_lanes(u);  // d/r
                    v = 1.0 - t.one_minus_decay * u;
                }
                term = t.w * v;
            }
            acc += term;
            std::memcpy(out + k, &acc, sizeof acc);
        }
    }
#endif
    for (; k < n; ++k) out[k] += cell_term<K>(dx2[k], column ? column[k] : 0.0, t);
}

// Adds point i's kernel to the rows [band_lo, band_hi) held in scratch.acc. The kernel is
// evaluated from squared distances, so only the triangular kernel takes a square root; the
// gaussian factorises into exp(dx) * exp(dy) tables. Per row, only the cells inside the disc are
// visited: dx^2 falls and then rises along the row (also in floating point, as every step of
// its computation is monotonic), so those cells are one run, found by two binary searches.
template <Kernel K>
[[gnu::always_inline]] inline void splat_point(const Job& job, std::size_t i, long long band_lo,
                                               long long band_hi, Scratch& s) {
    const Footprint f = job.footprint(i);
    const long long row_lo = std::max(f.row_lo, band_lo);
    const long long row_hi = std::min(f.row_hi, band_hi - 1);
    if (row_lo > row_hi || f.col_lo > f.col_hi) return;

    const model::Point p = job.points[i];
    const double r = job.radius_of(i);
    const double r2 = r * r;
    const double inv_r2 = 1.0 / r2;
    double w = job.weight_of(i);
    if (job.density) w *= job.density_constant * inv_r2;
    if (w == 0.0) return;

    const auto columns = static_cast<std::size_t>(job.grid.columns);
    const auto col_lo = static_cast<std::size_t>(f.col_lo);
    const auto width = static_cast<std::size_t>(f.col_hi - f.col_lo + 1);
    s.dx2.resize(width);
    if constexpr (K == Kernel::gaussian) s.column_table.resize(width);
    double* dx2 = s.dx2.data();
    std::size_t nearest = 0;  // first column of least dx^2
    for (std::size_t k = 0; k < width; ++k) {
        const double dx =
            job.grid.origin_x + (static_cast<double>(col_lo + k) + 0.5) * job.grid.cell - p.x;
        dx2[k] = dx * dx;
        if (dx2[k] < dx2[nearest]) nearest = k;
        if constexpr (K == Kernel::gaussian) s.column_table[k] = std::exp(-kGaussianExponent * dx2[k] * inv_r2);
    }
    const double* column = K == Kernel::gaussian ? s.column_table.data() : nullptr;

    for (long long row = row_lo; row <= row_hi; ++row) {
        const double dy = job.row_dy(row, f, p.y);
        const double dy2 = dy * dy;
        const auto inside = [dy2, r2](double d2x) { return d2x + dy2 <= r2; };
        if (!inside(dx2[nearest])) continue;
        const std::size_t first =
            static_cast<std::size_t>(std::partition_point(dx2, dx2 + nearest, [&](double d) { return !inside(d); }) - dx2);
        const std::size_t end =
            static_cast<std::size_t>(std::partition_point(dx2 + nearest, dx2 + width, inside) - dx2);
        RowTerms terms{dy2, inv_r2, w, job.one_minus_decay};
        if constexpr (K == Kernel::gaussian) terms.w = w * std::exp(-kGaussianExponent * dy2 * inv_r2);
        double* out = s.acc.data() + static_cast<std::size_t>(row - band_lo) * columns + col_lo;
        add_row<K>(out + first, dx2 + first, column ? column + first : nullptr, end - first, terms);
    }
}

// Adds the points `indices` to the band [band_lo, band_hi), in order.
template <Kernel K>
[[gnu::always_inline]] inline void splat_points(const Job& job, std::span<const std::size_t> indices,
                                                long long band_lo, long long band_hi, Scratch& s) {
    for (const std::size_t i : indices) splat_point<K>(job, i, band_lo, band_hi, s);
}

using SplatFn = void (*)(const Job&, std::span<const std::size_t>, long long, long long, Scratch&);

// Two builds of the loops: the baseline target (x86-64: SSE2, two doubles per register) and AVX2
// (four), chosen once at run time. AVX2 without FMA, which would let the compiler fuse a*b+c
// and round differently: both builds give the same bits.
template <Kernel K>
void splat_baseline(const Job& job, std::span<const std::size_t> indices, long long lo, long long hi, Scratch& s) {
    splat_points<K>(job, indices, lo, hi, s);
}

#if defined(__GNUC__) && defined(__x86_64__)
template <Kernel K>
[[gnu::target("avx2")]] void splat_avx2(const Job& job, std::span<const std::size_t> indices, long long lo,
                                        long long hi, Scratch& s) {
    splat_points<K>(job, indices, lo, hi, s);
}

bool has_avx2() {
    static const bool yes = __builtin_cpu_supports("avx2") != 0;
    return yes;
}
#endif

template <Kernel K>
SplatFn splat_for_cpu() {
#if defined(__GNUC__) && defined(__x86_64__)
    if (has_avx2()) return &splat_avx2<K>;
#endif
    return &splat_baseline<K>;
}

SplatFn splat_for(Kernel kernel) {
    switch (kernel) {
        case Kernel::quartic: return splat_for_cpu<Kernel::quartic>();
        case Kernel::triangular: return splat_for_cpu<Kernel::triangular>();
        case Kernel::uniform: return splat_for_cpu<Kernel::uniform>();
        case Kernel::triweight: return splat_for_cpu<Kernel::triweight>();
        case Kernel::epanechnikov: return splat_for_cpu<Kernel::epanechnikov>();
        case Kernel::gaussian: return splat_for_cpu<Kernel::gaussian>();
    }
    return splat_for_cpu<Kernel::quartic>();
}

void validate(std::span<const model::Point> points, const GridSpec& grid, const KdeParams& params) {
    if (!(std::isfinite(grid.cell) && grid.cell > 0.0))
        throw UsageError("kernel density: cell size must be a positive number");
    if (!std::isfinite(grid.origin_x) || !std::isfinite(grid.origin_y))
        throw UsageError("kernel density: grid origin must be finite");
    if (grid.columns < 0 || grid.rows < 0)
        throw UsageError("kernel density: grid size must not be negative");
    if (!params.weights.empty() && params.weights.size() != points.size())
        throw UsageError("kernel density: " + std::to_string(params.weights.size()) +
                         " weights for " + std::to_string(points.size()) + " points");
    if (!params.radii.empty() && params.radii.size() != points.size())
        throw UsageError("kernel density: " + std::to_string(params.radii.size()) +
                         " radii for " + std::to_string(points.size()) + " points");
    if (params.radii.empty() && !(std::isfinite(params.radius) && params.radius > 0.0))
        throw UsageError("kernel density: radius must be a positive number");
    if (!std::isfinite(params.decay))
        throw UsageError("kernel density: decay must be a finite number");
    if (params.value == DensityValue::density && params.kernel == Kernel::triangular &&
        !(1.0 + 2.0 * params.decay > 0.0))
        throw UsageError(
            "kernel density: a triangular kernel with decay <= -0.5 has no positive mass, so "
            "it cannot be normalised to a density; use raw values");
    if (params.qgis_quirks && !std::isfinite(params.qgis_quirks->extent_min_y))
        throw UsageError("kernel density: QGIS extent bottom must be finite");
    for (std::size_t i = 0; i < points.size(); ++i) {
        ErrorLocation where;
        where.feature = static_cast<std::int64_t>(i);
        if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y))
            throw DataError("kernel density: point coordinates must be finite", where);
        if (!params.weights.empty() && !std::isfinite(params.weights[i]))
            throw DataError("kernel density: weight must be a finite number", where);
        if (!params.radii.empty() && !(std::isfinite(params.radii[i]) && params.radii[i] > 0.0))
            throw DataError("kernel density: radius must be a positive number", where);
    }
}

}  // namespace

std::vector<float> kernel_density(std::span<const model::Point> points, const GridSpec& grid,
                                  const KdeParams& params) {
    validate(points, grid, params);
    const auto columns = static_cast<std::size_t>(grid.columns);
    const auto rows = static_cast<std::size_t>(grid.rows);
    if (columns != 0 && rows > std::numeric_limits<std::size_t>::max() / columns)
        throw UsageError("kernel density: grid too large");
    std::vector<float> result(columns * rows, 0.0f);

    const Job job{
        .points = points,
        .grid = grid,
        .kernel = params.kernel,
        .one_minus_decay = 1.0 - params.decay,
        .density = params.value == DensityValue::density,
        .density_constant = kSquareMetresPerSquareKm /
                            (std::numbers::pi * kernel_mass_over_disc_area(params.kernel, params.decay)),
        .weights = params.weights,
        .radii = params.radii,
        .radius = params.radius,
        .quirks = params.qgis_quirks,
    };

    const std::size_t band_count = (rows + kBandRows - 1) / kBandRows;
    if (result.empty() || points.empty()) {
        if (params.progress) params.progress(1.0);
        return result;
    }

    // Points of each band, in input order (compressed rows: band_start[b] .. band_start[b+1]).
    std::vector<std::size_t> band_start(band_count + 1, 0);
    const auto bands_of = [&](const Footprint& f) {
        return std::pair{static_cast<std::size_t>(f.row_lo) / kBandRows,
                         static_cast<std::size_t>(f.row_hi) / kBandRows};
    };
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Footprint f = job.footprint(i);
        if (f.row_lo > f.row_hi || f.col_lo > f.col_hi) continue;
        const auto [first, last] = bands_of(f);
        for (std::size_t b = first; b <= last; ++b) ++band_start[b + 1];
    }
    for (std::size_t b = 0; b < band_count; ++b) band_start[b + 1] += band_start[b];
    std::vector<std::size_t> band_points(band_start.back());
    {
        std::vector<std::size_t> fill(band_start.begin(), band_start.end() - 1);
        for (std::size_t i = 0; i < points.size(); ++i) {
            const Footprint f = job.footprint(i);
            if (f.row_lo > f.row_hi || f.col_lo > f.col_hi) continue;
            const auto [first, last] = bands_of(f);
            for (std::size_t b = first; b <= last; ++b) band_points[fill[b]++] = i;
        }
    }

    const SplatFn splat = splat_for(params.kernel);
    const std::size_t total_work = std::max<std::size_t>(band_points.size(), 1);
    std::atomic<std::size_t> next_band{0};
    std::atomic<std::size_t> work_done{0};
    std::atomic<bool> stop{false};

    // Runs bands until none is left. `after_batch` lets the calling thread report progress.
    const auto run_bands = [&](const std::function<void()>& after_batch) {
        Scratch scratch;
        for (;;) {
            if (stop.load(std::memory_order_relaxed)) return;
            const std::size_t band = next_band.fetch_add(1);
            if (band >= band_count) return;
            const auto lo = static_cast<long long>(band * kBandRows);
            const auto hi = std::min(lo + kBandRows, static_cast<long long>(rows));
            scratch.acc.assign(static_cast<std::size_t>(hi - lo) * columns, 0.0);
            for (std::size_t k = band_start[band]; k < band_start[band + 1]; k += kProgressBatch) {
                const std::size_t batch = std::min(kProgressBatch, band_start[band + 1] - k);
                splat(job, std::span<const std::size_t>(band_points).subspan(k, batch), lo, hi, scratch);
                work_done.fetch_add(batch, std::memory_order_relaxed);
                if (stop.load(std::memory_order_relaxed)) return;
                if (after_batch) after_batch();
            }
            float* out = result.data() + static_cast<std::size_t>(lo) * columns;
            for (std::size_t k = 0; k < scratch.acc.size(); ++k) out[k] = static_cast<float>(scratch.acc[k]);
        }
    };

    double last_reported = 0.0;
    const auto report = [&] {
        if (!params.progress) return;
        const double fraction =
            static_cast<double>(work_done.load(std::memory_order_relaxed)) / static_cast<double>(total_work);
        if (fraction - last_reported >= 0.02) {
            last_reported = fraction;
            params.progress(std::min(fraction, 1.0));
        }
    };

    unsigned thread_count = params.threads != 0 ? params.threads : std::thread::hardware_concurrency();
    thread_count = std::max(1u, std::min<unsigned>(thread_count, static_cast<unsigned>(band_count)));

    std::mutex mutex;
    std::condition_variable finished_cv;
    unsigned finished_workers = 0;
    std::exception_ptr worker_error;
    std::vector<std::thread> workers;
    workers.reserve(thread_count - 1);
    const auto join_all = [&] {
        for (auto& t : workers)
            if (t.joinable()) t.join();
    };
    try {
        for (unsigned t = 1; t < thread_count; ++t) {
            workers.emplace_back([&] {
                try {
                    run_bands({});
                } catch (...) {
                    const std::lock_guard lock(mutex);
                    if (!worker_error) worker_error = std::current_exception();
                    stop = true;
                }
                const std::lock_guard lock(mutex);
                ++finished_workers;
                finished_cv.notify_all();
            });
        }
        run_bands(report);
        // Keep reporting while the other threads finish their bands.
        std::unique_lock lock(mutex);
        while (finished_workers + 1 < thread_count) {
            finished_cv.wait_for(lock, std::chrono::milliseconds(25));
            lock.unlock();
            report();
            lock.lock();
        }
    } catch (...) {
        stop = true;
        join_all();
        throw;
    }
    join_all();
    if (worker_error) std::rethrow_exception(worker_error);
    if (params.progress) params.progress(1.0);
    return result;
}

GridSpec grid_around(const model::Box& data_extent, double radius, double cell) {
    if (!(std::isfinite(cell) && cell > 0.0))
        throw UsageError("grid: cell size must be a positive number");
    if (!(std::isfinite(radius) && radius >= 0.0))
        throw UsageError("grid: radius must be a non-negative number");
    if (!(data_extent.min_x <= data_extent.max_x && data_extent.min_y <= data_extent.max_y) ||
        !std::isfinite(data_extent.min_x) || !std::isfinite(data_extent.max_x) ||
        !std::isfinite(data_extent.min_y) || !std::isfinite(data_extent.max_y))
        throw UsageError("grid: the data extent is empty or not finite");
    // Same arithmetic as QGIS: pad the extent, then size from the padded width/height.
    const double min_x = data_extent.min_x - radius;
    const double max_x = data_extent.max_x + radius;
    const double min_y = data_extent.min_y - radius;
    const double max_y = data_extent.max_y + radius;
    const double columns = std::max(std::ceil((max_x - min_x) / cell) + 1.0, 1.0);
    const double rows = std::max(std::ceil((max_y - min_y) / cell) + 1.0, 1.0);
    constexpr double kMaxSide = std::numeric_limits<int>::max();
    if (columns > kMaxSide || rows > kMaxSide)
        throw UsageError("grid: " + std::to_string(columns) + " x " + std::to_string(rows) +
                         " cells is too many; use a larger cell size");
    return GridSpec{.origin_x = min_x,
                    .origin_y = max_y,
                    .cell = cell,
                    .columns = static_cast<int>(columns),
                    .rows = static_cast<int>(rows)};
}

QgisQuirks qgis_quirks_for(const model::Box& data_extent, double radius) {
    return QgisQuirks{.extent_min_y = data_extent.min_y - radius};
}

std::optional<Kernel> parse_kernel(std::string_view name) {
    for (const auto& [kernel, kernel_name] : kKernelNames) {
        if (name.size() != kernel_name.size()) continue;
        const bool same = std::equal(name.begin(), name.end(), kernel_name.begin(), [](char a, char b) {
            return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
        });
        if (same) return kernel;
    }
    return std::nullopt;
}

std::string_view to_string(Kernel kernel) {
    for (const auto& [k, name] : kKernelNames)
        if (k == kernel) return name;
    return "unknown";
}

}  // namespace trygg::hotspot
