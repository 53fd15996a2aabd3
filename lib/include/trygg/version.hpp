#pragma once

#include <string>

namespace trygg {

// "0.1.0"
std::string version();
// "trygg 0.1.0 (GDAL 3.6.2, GEOS 3.11.1, PROJ 9.1.1)" for --version and bug reports.
std::string version_banner();

}  // namespace trygg
