#pragma once
// Numbers as the commands print them and put in --json: rounded to fixed places, so outputs are
// stable across compilers and golden files do not depend on the last bits.

#include <string>

namespace trygg::cli {

// v rounded to `decimals` places (dividing by a power of ten, so 0.01 steps print cleanly);
// NaN and infinities unchanged.
double rounded(double v, int decimals);
// v with exactly `decimals` places ("12.50"), independent of the locale; "undefined" for NaN or
// an infinity.
std::string fixed(double v, int decimals);

}  // namespace trygg::cli
