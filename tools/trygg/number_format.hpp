#pragma once
// Numbers as the commands print them and put in --json: rounded to fixed places, so outputs are
// stable across compilers and golden files do not depend on the last bits.

#include <string>

#include "trygg/model/rounding.hpp"

namespace trygg::cli {

using model::rounded;  // the library's rule, shared with the Python module
// v with exactly `decimals` places ("12.50"), independent of the locale; "undefined" for NaN or
// an infinity.
std::string fixed(double v, int decimals);

}  // namespace trygg::cli
