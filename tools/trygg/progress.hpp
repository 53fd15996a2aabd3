#pragma once
// A progress line on stderr, drawn only when stderr is a terminal and --quiet is not given, so
// logs, pipes and golden tests never see it.

#include <chrono>
#include <cstdint>
#include <string>

namespace trygg::cli {

class Progress {
public:
    Progress(std::string label, bool quiet);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void fraction(double done);       // 0..1
    void count(std::int64_t items);   // when the total is unknown
    void finish();

private:
    void draw(const std::string& text);
    std::string label_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace trygg::cli
