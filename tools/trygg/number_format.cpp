#include "number_format.hpp"

#include <cmath>
#include <cstdio>

namespace trygg::cli {

std::string fixed(double v, int decimals) {
    if (!std::isfinite(v)) return "undefined";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);  // the "C" locale: trygg never calls setlocale
    return buf;
}

}  // namespace trygg::cli
