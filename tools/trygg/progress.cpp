#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace trygg::cli {

Progress::Progress(std::string label, bool quiet)
    : label_(std::move(label)), enabled_(!quiet && isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() { finish(); }

void Progress::draw(const std::string& text) {
    // At most ten redraws a second: a bar must not slow the work it reports.
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::fprintf(stderr, "\r%s %s\033[K", label_.c_str(), text.c_str());
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::fraction(double done) {
    if (!enabled_) return;
    done = std::clamp(done, 0.0, 1.0);
    constexpr int width = 30;
    const int filled = static_cast<int>(done * width);
    std::string bar = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                      std::string(static_cast<std::size_t>(width - filled), ' ') + "] " +
                      std::to_string(static_cast<int>(done * 100)) + "%";
    draw(bar);
}

void Progress::count(std::int64_t items) {
    if (enabled_) draw(std::to_string(items) + " features");
}

void Progress::finish() {
    if (enabled_ && drawn_) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }
    drawn_ = false;
}

}  // namespace trygg::cli
