#include "trygg/version.hpp"

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

namespace trygg {

std::string version() { return TRYGG_VERSION; }

std::string version_banner() {
    const PJ_INFO proj = proj_info();
    return "trygg " + version() + " (GDAL " + GDALVersionInfo("RELEASE_NAME") + ", GEOS " + GEOSversion() +
           ", PROJ " + proj.version + ")";
}

}  // namespace trygg
