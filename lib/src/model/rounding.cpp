#include "trygg/model/rounding.hpp"

#include <cmath>

namespace trygg::model {

double rounded(double v, int decimals) {
    if (!std::isfinite(v)) return v;
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

}  // namespace trygg::model
