#include "trygg/io/gdal_setup.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace trygg::io {

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
        // Same input, same bytes: GeoPackage stamps every table's last_change with the time of
        // writing unless OGR_CURRENT_DATE fixes it. A user's own setting wins.
        if (CPLGetConfigOption("OGR_CURRENT_DATE", nullptr) == nullptr)
            CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
    });
}

}  // namespace trygg::io
