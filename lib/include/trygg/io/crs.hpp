#pragma once
// Coordinate reference systems: choosing the metric working CRS for a data set, transforming
// coordinates into it, and naming a CRS the way users write it ("EPSG:3006").
//
// Every CRS argument is a definition PROJ accepts: "EPSG:4326", WKT (1 or 2), PROJJSON or a
// PROJ string ("+proj=utm +zone=33 +datum=WGS84"). Axis order is always the GIS order:
// x = longitude / easting, y = latitude / northing, whatever the authority says.

#include <memory>
#include <span>
#include <string>

#include "trygg/model/geometry.hpp"

namespace trygg::io {

// A box in WGS 84 degrees. Boxes that cross the antimeridian are not represented (municipal
// data never does).
struct LonLatBox {
    double min_lon = 0.0, min_lat = 0.0, max_lon = 0.0, max_lat = 0.0;
};

// Whether (lon, lat) in WGS 84 degrees lies in Sweden, tested against a coarse outline of the
// mainland (with Öland) and Gotland. The outline follows the land borders to within about
// 10-20 km and the coast with a margin of up to about 15 km of sea (archipelagos included),
// so it answers "should this data set use SWEREF 99 TM?", not "is this address Swedish?".
bool lies_in_sweden(double lon, double lat);

// The metric working CRS for data in `box`: "EPSG:3006" (SWEREF 99 TM) when the centre of the
// box lies in Sweden, else the WGS 84 UTM zone of the centre ("EPSG:326zz" north of the
// equator, "EPSG:327zz" south of it).
std::string choose_working_crs(const LonLatBox& box);

// Transforms coordinates from one CRS to another with PROJ.
//
// Thread safety: each object owns its own PROJ context, so objects may be used concurrently
// from different threads as long as every thread uses its own object; one object must not be
// used by two threads at the same time (PROJ keeps per-call state in the operation).
// Movable, not copyable. A moved-from object may only be assigned to or destroyed.
class CoordinateTransform {
public:
    // Throws UsageError naming the definition when either CRS is unknown or invalid, or when
    // PROJ finds no operation between them.
    CoordinateTransform(const std::string& source_crs, const std::string& target_crs);
    ~CoordinateTransform();
    CoordinateTransform(CoordinateTransform&&) noexcept;
    CoordinateTransform& operator=(CoordinateTransform&&) noexcept;
    CoordinateTransform(const CoordinateTransform&) = delete;
    CoordinateTransform& operator=(const CoordinateTransform&) = delete;

    // Transforms in place; xs and ys must have the same size (else UsageError). A point that
    // cannot be transformed (outside the projection's domain, non-finite input) comes back as
    // HUGE_VAL (infinity) in both coordinates, so callers reject it as non-finite.
    void transform(std::span<double> xs, std::span<double> ys) const;
    model::Point transform(model::Point point) const;

    // True when source and target are the same CRS (axis order aside): transform() then
    // leaves the coordinates untouched without calling PROJ.
    bool is_identity() const noexcept;

    const std::string& source_crs() const noexcept;
    const std::string& target_crs() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// "AUTHORITY:CODE" (e.g. "EPSG:3006") for a CRS definition: the definition's own identifier
// when it carries one, else the best EPSG match PROJ identifies as equivalent (confidence of
// at least 70 %, i.e. same datum and coordinate system). Falls back to the CRS's name when
// nothing matches. Throws UsageError for a definition PROJ cannot read.
std::string crs_code(const std::string& definition);

// Whether the CRS is geographic (degrees of latitude and longitude), looking through bound
// and compound CRSs to the horizontal CRS. Throws UsageError for an unreadable definition.
bool is_geographic(const std::string& definition);

// True when every coordinate of the box fits longitude -180..180 and latitude -90..90: the
// test applied to input without a CRS before assuming it is WGS 84.
bool fits_lonlat(const model::Box& box);

// The lon/lat extent of `box` given in `crs`: every edge is densified to 21 points so that
// curved edges after projection are not cut off. Throws UsageError for an unknown CRS and
// DataError when no point of the box can be transformed.
LonLatBox to_lonlat(const model::Box& box, const std::string& crs);

}  // namespace trygg::io
