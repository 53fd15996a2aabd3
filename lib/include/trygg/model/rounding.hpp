#pragma once
// Numbers as trygg reports them (CLI --json, written fields, Python summaries): rounded to fixed
// places, so outputs are stable across compilers and golden files do not depend on the last bits.

namespace trygg::model {

// v rounded to `decimals` places (dividing by a power of ten, so 0.01 steps print cleanly);
// NaN and infinities unchanged.
double rounded(double v, int decimals);

}  // namespace trygg::model
