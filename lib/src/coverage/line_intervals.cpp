#include "trygg/coverage/line_intervals.hpp"

#include <algorithm>
#include <cmath>

namespace trygg::coverage {

double line_length(const model::LineString& line) {
    double length = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i)
        length += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    return length;
}

LineIntervals normalise(LineIntervals intervals) {
    std::erase_if(intervals, [](const LineInterval& i) { return !(i.to_m > i.from_m); });
    std::sort(intervals.begin(), intervals.end(), [](const LineInterval& a, const LineInterval& b) {
        return a.from_m < b.from_m || (a.from_m == b.from_m && a.to_m < b.to_m);
    });
    LineIntervals merged;
    for (const auto& interval : intervals) {
        if (!merged.empty() && interval.from_m <= merged.back().to_m)
            merged.back().to_m = std::max(merged.back().to_m, interval.to_m);
        else
            merged.push_back(interval);
    }
    return merged;
}

double total_length(const LineIntervals& intervals) {
    double sum = 0.0;
    for (const auto& interval : intervals) sum += interval.to_m - interval.from_m;
    return sum;
}

LineIntervals complement(const LineIntervals& intervals, double length) {
    LineIntervals gaps;
    double position = 0.0;
    for (const auto& interval : intervals) {
        const double from = std::clamp(interval.from_m, 0.0, length);
        const double to = std::clamp(interval.to_m, 0.0, length);
        if (from > position) gaps.push_back({position, from});
        position = std::max(position, to);
    }
    if (position < length) gaps.push_back({position, length});
    return gaps;
}

LineIntervals intersection(const LineIntervals& a, const LineIntervals& b) {
    LineIntervals both;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const double from = std::max(a[i].from_m, b[j].from_m);
        const double to = std::min(a[i].to_m, b[j].to_m);
        if (to > from) both.push_back({from, to});
        // The interval that ends first cannot meet anything further in the other set.
        if (a[i].to_m < b[j].to_m)
            ++i;
        else
            ++j;
    }
    return both;
}

namespace {

model::Point lerp(const model::Point& a, const model::Point& b, double t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

}  // namespace

model::Point point_at(const model::LineString& line, double offset_m) {
    if (line.empty()) return {};
    if (offset_m <= 0.0) return line.front();
    double walked = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double segment = std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
        if (walked + segment >= offset_m && segment > 0.0)
            return lerp(line[i - 1], line[i], (offset_m - walked) / segment);
        walked += segment;
    }
    return line.back();
}

model::LineString cut(const model::LineString& line, double from_m, double to_m) {
    if (line.empty()) return {};
    const double length = line_length(line);
    from_m = std::clamp(from_m, 0.0, length);
    to_m = std::clamp(std::max(to_m, from_m), 0.0, length);
    model::LineString piece;
    piece.push_back(point_at(line, from_m));
    double walked = 0.0;
    for (std::size_t i = 1; i + 1 < line.size(); ++i) {
        walked += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
        if (walked > from_m && walked < to_m && !(line[i] == piece.back())) piece.push_back(line[i]);
    }
    piece.push_back(point_at(line, to_m));
    return piece;
}

}  // namespace trygg::coverage
