#include "trygg/io/crs.hpp"

#include <proj.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

#include "trygg/error.hpp"

namespace trygg::io {

namespace {

// ---------------------------------------------------------------------------------------------
// Outline of Sweden.
//
// Approximate, derived from well-known positions (WGS 84, rounded to 0.05 degrees) of border
// and coastal landmarks: along the Norwegian border Svinesund, Iddefjorden, Töcksfors/Ørje,
// Eda/Magnor, Idre/Drevsjø, Grövelsjön, Storlien, Gäddede, Hemavan/Umbukta, Graddis,
// Sulitjelma, Riksgränsen and the Treriksröset cairn (20.55 E 69.06 N); along the Finnish
// border the Könkämä, Muonio and Torne rivers (Karesuando, Muonio, Pajala, Pello, Övertorneå,
// Haparanda); along the coast the harbour towns and outer skerries from Luleå to Strömstad,
// with the Öresund line drawn between Saltholm/Copenhagen and the Swedish shore.
// Tolerance: the outline stays within about 10-20 km of the true land border and puts up to
// about 15 km of sea outside the coast inside Sweden (so archipelagos and Öland are covered;
// Kalmarsund and Hanöbukten fall inside). Islands far offshore other than Gotland (Gotska
// Sandön, Holmöarna's outer skerries) may fall outside. Good enough to choose a CRS, which is
// all it is used for: SWEREF 99 TM and UTM 33/34 differ by well under 0.1 % in scale there.
struct LonLat {
    double lon, lat;
};

// Mainland with Öland: counter-clockwise is not required, the test is even-odd.
constexpr std::array mainland_outline{
    // Norwegian border, south to north.
    LonLat{11.15, 59.07}, LonLat{11.55, 58.98}, LonLat{11.80, 59.20}, LonLat{11.75, 59.48},
    LonLat{12.20, 59.92}, LonLat{12.55, 60.45}, LonLat{12.72, 61.05}, LonLat{12.20, 61.75},
    LonLat{12.10, 62.30}, LonLat{12.15, 62.80}, LonLat{12.05, 63.30}, LonLat{12.15, 63.65},
    LonLat{13.00, 64.05}, LonLat{13.95, 64.45}, LonLat{14.40, 65.10}, LonLat{14.70, 66.00},
    LonLat{15.40, 66.35}, LonLat{16.05, 66.90}, LonLat{16.40, 67.20}, LonLat{16.75, 67.60},
    LonLat{18.10, 68.45}, LonLat{20.55, 69.06},
    // Finnish border, north to south.
    LonLat{22.48, 68.44}, LonLat{23.65, 67.95}, LonLat{23.55, 67.20}, LonLat{23.95, 66.80},
    LonLat{23.65, 66.40}, LonLat{24.15, 65.82},
    // Gulf of Bothnia and Baltic coast, north to south.
    LonLat{24.10, 65.65}, LonLat{22.70, 65.45}, LonLat{21.70, 65.15}, LonLat{21.45, 64.65},
    LonLat{21.00, 64.15}, LonLat{20.55, 63.65}, LonLat{19.60, 63.45}, LonLat{18.85, 63.10},
    LonLat{18.10, 62.60}, LonLat{17.55, 62.30}, LonLat{17.40, 61.70}, LonLat{17.30, 60.75},
    LonLat{18.00, 60.62}, LonLat{18.70, 60.40}, LonLat{19.20, 59.85}, LonLat{19.05, 59.30},
    LonLat{18.50, 58.90}, LonLat{17.40, 58.62}, LonLat{16.95, 58.20}, LonLat{16.90, 57.75},
    LonLat{17.15, 57.40}, LonLat{16.95, 56.70}, LonLat{16.50, 56.15}, LonLat{15.85, 56.00},
    LonLat{14.40, 55.85}, LonLat{14.45, 55.55}, LonLat{14.20, 55.35}, LonLat{13.80, 55.38},
    LonLat{13.15, 55.32}, LonLat{12.80, 55.35},
    // Öresund and the west coast, south to north.
    LonLat{12.85, 55.55}, LonLat{12.68, 55.92}, LonLat{12.66, 56.05}, LonLat{12.40, 56.30},
    LonLat{12.70, 56.65}, LonLat{12.10, 57.10}, LonLat{11.65, 57.55}, LonLat{11.50, 57.90},
    LonLat{11.15, 58.35}, LonLat{11.05, 58.75}, LonLat{10.95, 58.90},
};

// Gotland with Fårö, from Hoburgen clockwise round the east coast.
constexpr std::array gotland_outline{
    LonLat{18.05, 56.85}, LonLat{18.40, 57.00}, LonLat{18.80, 57.25}, LonLat{19.05, 57.42},
    LonLat{18.95, 57.70}, LonLat{19.42, 57.95}, LonLat{19.25, 58.05}, LonLat{18.85, 57.95},
    LonLat{18.50, 57.88}, LonLat{18.15, 57.70}, LonLat{18.05, 57.40}, LonLat{17.98, 57.10},
};

// Crossing-number test: a ray towards +lon crosses the ring an odd number of times when the
// point is inside. Edges are half-open in lat so that a vertex is counted once.
template <std::size_t N>
bool inside_ring(const std::array<LonLat, N>& ring, double lon, double lat) {
    bool inside = false;
    for (std::size_t i = 0, j = N - 1; i < N; j = i++) {
        const LonLat& a = ring[i];
        const LonLat& b = ring[j];
        if ((a.lat > lat) != (b.lat > lat)) {
            const double crossing_lon = a.lon + (lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
            if (lon < crossing_lon) inside = !inside;
        }
    }
    return inside;
}

// ---------------------------------------------------------------------------------------------
// PROJ handles.

struct PjDeleter {
    void operator()(PJ* pj) const noexcept { proj_destroy(pj); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

struct ObjListDeleter {
    void operator()(PJ_OBJ_LIST* list) const noexcept { proj_list_destroy(list); }
};

// A PROJ context that keeps PROJ's last error message instead of printing it on stderr, so
// it can go into our exception. Not movable: PROJ holds a pointer to it for the log callback.
class Context {
public:
    Context() : ctx_(proj_context_create()) {
        if (ctx_ == nullptr) throw std::runtime_error("PROJ: cannot create a context");
        proj_log_level(ctx_, PJ_LOG_ERROR);
        proj_log_func(ctx_, this, &Context::log);
    }
    ~Context() { proj_context_destroy(ctx_); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    PJ_CONTEXT* get() const noexcept { return ctx_; }
    const std::string& last_message() const noexcept { return last_message_; }
    void clear_message() { last_message_.clear(); }

private:
    static void log(void* self, int level, const char* message) {
        if (level <= PJ_LOG_ERROR && message != nullptr) {
            static_cast<Context*>(self)->last_message_ = message;
        }
    }

    PJ_CONTEXT* ctx_;
    std::string last_message_;
};

// A definition fit for an error message: one line, long WKT cut short.
std::string shown(const std::string& definition) {
    constexpr std::size_t max_length = 80;
    std::string text = definition.substr(0, max_length);
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    if (definition.size() > max_length) text += "...";
    return text;
}

std::string with_reason(std::string message, const Context& context) {
    if (!context.last_message().empty()) message += " (" + context.last_message() + ")";
    return message;
}

bool looks_like_proj_string(const std::string& definition) {
    return definition.find("+proj=") != std::string::npos ||
           definition.find("+init=") != std::string::npos;
}

// Parses a CRS definition. A PROJ string without "+type=crs" describes an operation to PROJ,
// but a user who writes "+proj=utm +zone=33" means the CRS, so it is read again as one.
PjPtr create_crs(Context& context, const std::string& definition) {
    context.clear_message();
    PjPtr crs(proj_create(context.get(), definition.c_str()));
    if (crs && !proj_is_crs(crs.get()) && looks_like_proj_string(definition) &&
        definition.find("+type=crs") == std::string::npos) {
        crs.reset(proj_create(context.get(), (definition + " +type=crs").c_str()));
    }
    if (!crs || !proj_is_crs(crs.get())) {
        throw UsageError(with_reason("unknown CRS '" + shown(definition) + "'", context));
    }
    return crs;
}

// The horizontal CRS inside bound (WKT1 TOWGS84) and compound CRSs.
PjPtr horizontal_crs(Context& context, PjPtr crs) {
    for (;;) {
        const PJ_TYPE type = proj_get_type(crs.get());
        PjPtr inner;
        if (type == PJ_TYPE_BOUND_CRS) {
            inner.reset(proj_get_source_crs(context.get(), crs.get()));
        } else if (type == PJ_TYPE_COMPOUND_CRS) {
            inner.reset(proj_crs_get_sub_crs(context.get(), crs.get(), 0));
        }
        if (!inner) return crs;
        crs = std::move(inner);
    }
}

std::string authority_code(const PJ* object) {
    const char* authority = proj_get_id_auth_name(object, 0);
    const char* code = proj_get_id_code(object, 0);
    if (authority == nullptr || code == nullptr) return {};
    return std::string(authority) + ":" + code;
}

}  // namespace

// -------------------------------------------------------------------------------------------------

bool lies_in_sweden(double lon, double lat) {
    if (!std::isfinite(lon) || !std::isfinite(lat)) return false;
    return inside_ring(mainland_outline, lon, lat) || inside_ring(gotland_outline, lon, lat);
}

// The Norway (zone 32V) and Svalbard (31X-37X) exceptions of the UTM grid are not applied: the
// zone here only picks a conformal projection whose central meridian is within a few degrees
// of the data, and any such zone keeps scale error for a town-sized area far below what
// matters for distances in metres (a zone off by one still stays within about 0.1 %; and data
// in Norway or Svalbard is rare for this tool).
std::string choose_working_crs(const LonLatBox& box) {
    const double lon = (box.min_lon + box.max_lon) / 2.0;
    const double lat = (box.min_lat + box.max_lat) / 2.0;
    if (lies_in_sweden(lon, lat)) return "EPSG:3006";
    const int zone = std::clamp(static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
    std::array<char, 16> code{};
    std::snprintf(code.data(), code.size(), "EPSG:%d%02d", lat >= 0.0 ? 326 : 327, zone);
    return code.data();
}

// -------------------------------------------------------------------------------------------------

struct CoordinateTransform::Impl {
    // Declaration order matters: the PJ objects must be destroyed before their context.
    Context context;
    std::string source_definition;
    std::string target_definition;
    PjPtr operation;  // null when identity
    bool identity = false;
};

CoordinateTransform::CoordinateTransform(const std::string& source_crs,
                                         const std::string& target_crs)
    : impl_(std::make_unique<Impl>()) {
    impl_->source_definition = source_crs;
    impl_->target_definition = target_crs;
    Context& context = impl_->context;
    PjPtr source = create_crs(context, source_crs);
    PjPtr target = create_crs(context, target_crs);

    // Axis order is normalised below, so a geographic CRS given lat/lon and one given lon/lat
    // are the same here.
    if (proj_is_equivalent_to_with_ctx(context.get(), source.get(), target.get(),
                                       PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS)) {
        impl_->identity = true;
        return;
    }

    context.clear_message();
    PjPtr operation(proj_create_crs_to_crs_from_pj(context.get(), source.get(), target.get(),
                                                   nullptr, nullptr));
    if (!operation) {
        throw UsageError(with_reason("no transformation from CRS '" + shown(source_crs) +
                                         "' to '" + shown(target_crs) + "'",
                                     context));
    }
    // EPSG:4326 is latitude first and EPSG:3006 northing first; callers always hand us
    // x = lon/easting, y = lat/northing.
    impl_->operation.reset(proj_normalize_for_visualization(context.get(), operation.get()));
    if (!impl_->operation) {
        throw UsageError(with_reason("cannot normalise the transformation from CRS '" +
                                         shown(source_crs) + "' to '" + shown(target_crs) + "'",
                                     context));
    }
}

CoordinateTransform::~CoordinateTransform() = default;
CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;

void CoordinateTransform::transform(std::span<double> xs, std::span<double> ys) const {
    if (xs.size() != ys.size()) {
        throw UsageError("CoordinateTransform::transform: " + std::to_string(xs.size()) +
                         " x values but " + std::to_string(ys.size()) + " y values");
    }
    if (impl_->identity || xs.empty()) return;
    PJ* operation = impl_->operation.get();
    proj_trans_generic(operation, PJ_FWD, xs.data(), sizeof(double), xs.size(), ys.data(),
                       sizeof(double), ys.size(), nullptr, 0, 0, nullptr, 0, 0);
    // A failed point leaves an error code on the operation; clear it so it cannot leak into
    // the next call.
    proj_errno_reset(operation);
    // PROJ marks failures with HUGE_VAL but lets NaN input through as NaN: make both one
    // signal, infinity in x and y.
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) {
            xs[i] = HUGE_VAL;
            ys[i] = HUGE_VAL;
        }
    }
}

model::Point CoordinateTransform::transform(model::Point point) const {
    transform(std::span<double>(&point.x, 1), std::span<double>(&point.y, 1));
    return point;
}

bool CoordinateTransform::is_identity() const noexcept { return impl_->identity; }
const std::string& CoordinateTransform::source_crs() const noexcept {
    return impl_->source_definition;
}
const std::string& CoordinateTransform::target_crs() const noexcept {
    return impl_->target_definition;
}

// -------------------------------------------------------------------------------------------------

std::string crs_code(const std::string& definition) {
    Context context;
    PjPtr crs = create_crs(context, definition);
    if (std::string code = authority_code(crs.get()); !code.empty()) return code;

    // No identifier (ESRI .prj files, WKT stripped of AUTHORITY nodes): ask PROJ which EPSG
    // CRSs are equivalent. Confidence 100/90/70 all mean "equivalent" (differing only in how
    // well the names agree); 25 and below are look-alikes, which we do not accept.
    constexpr int min_confidence = 70;
    int* confidences = nullptr;
    std::unique_ptr<PJ_OBJ_LIST, ObjListDeleter> matches(
        proj_identify(context.get(), crs.get(), "EPSG", nullptr, &confidences));
    std::string best;
    if (matches && confidences != nullptr) {
        // PROJ sorts candidates by decreasing confidence.
        const int count = proj_list_get_count(matches.get());
        if (count > 0 && confidences[0] >= min_confidence) {
            PjPtr match(proj_list_get(context.get(), matches.get(), 0));
            if (match) best = authority_code(match.get());
        }
    }
    proj_int_list_destroy(confidences);
    if (!best.empty()) return best;

    const char* name = proj_get_name(crs.get());
    return name != nullptr ? std::string(name) : std::string();
}

bool is_geographic(const std::string& definition) {
    Context context;
    PjPtr crs = horizontal_crs(context, create_crs(context, definition));
    const PJ_TYPE type = proj_get_type(crs.get());
    return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
           type == PJ_TYPE_GEOGRAPHIC_CRS;
}

bool fits_lonlat(const model::Box& box) {
    auto lon_ok = [](double v) { return std::isfinite(v) && v >= -180.0 && v <= 180.0; };
    auto lat_ok = [](double v) { return std::isfinite(v) && v >= -90.0 && v <= 90.0; };
    return lon_ok(box.min_x) && lon_ok(box.max_x) && lat_ok(box.min_y) && lat_ok(box.max_y);
}

LonLatBox to_lonlat(const model::Box& box, const std::string& crs) {
    // Densify each edge: a straight edge in a projected CRS is a curve in lon/lat, and its
    // extreme can lie between the corners (e.g. the top edge of a UTM box bulges north).
    constexpr int points_per_edge = 21;
    constexpr int steps = points_per_edge - 1;
    std::vector<double> xs;
    std::vector<double> ys;
    xs.reserve(4 * steps);
    ys.reserve(4 * steps);
    const double width = box.max_x - box.min_x;
    const double height = box.max_y - box.min_y;
    for (int i = 0; i < steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        xs.push_back(box.min_x + t * width), ys.push_back(box.min_y);   // bottom, west to east
        xs.push_back(box.max_x), ys.push_back(box.min_y + t * height);  // right, south to north
        xs.push_back(box.max_x - t * width), ys.push_back(box.max_y);   // top, east to west
        xs.push_back(box.min_x), ys.push_back(box.max_y - t * height);  // left, north to south
    }

    const CoordinateTransform to_wgs84(crs, "EPSG:4326");
    to_wgs84.transform(xs, ys);

    constexpr double inf = std::numeric_limits<double>::infinity();
    LonLatBox result{inf, inf, -inf, -inf};
    bool any = false;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) continue;
        any = true;
        result.min_lon = std::min(result.min_lon, xs[i]);
        result.max_lon = std::max(result.max_lon, xs[i]);
        result.min_lat = std::min(result.min_lat, ys[i]);
        result.max_lat = std::max(result.max_lat, ys[i]);
    }
    if (!any) {
        throw DataError("cannot transform the extent (" + std::to_string(box.min_x) + ", " +
                        std::to_string(box.min_y) + ") - (" + std::to_string(box.max_x) + ", " +
                        std::to_string(box.max_y) + ") from CRS '" + shown(crs) +
                        "' to longitude/latitude");
    }
    return result;
}

}  // namespace trygg::io
