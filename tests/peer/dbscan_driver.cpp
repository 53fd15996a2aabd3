// Test driver for peer comparisons of trygg::hotspot::dbscan (tests/peer/dbscan_sklearn.py).
//
//   trygg_dbscan_driver --eps E --min-points M [--weighted] [--time-window SECONDS]
//                       [--timing] [--repeat N]
//
// Reads headerless CSV rows "x,y[,w][,t]" on stdin (w when --weighted, t when --time-window)
// and writes one line "label,role" per input row to stdout (label -1 for noise, role one of
// noise/core/border). Exit codes: 0 ok, 1 bad input, 2 bad arguments.
// --timing writes one line "dbscan_wall_s=W dbscan_cpu_s=C runs=N" to stderr: the wall time
// (steady clock) and the CPU time of the process (user + system, all threads) spent inside
// dbscan() alone, the smallest of N calls with --repeat N (default 1), for bench/run_dbscan.py.

#include "trygg/error.hpp"
#include "trygg/hotspot/dbscan.hpp"

#include <charconv>
#include <chrono>
#include <ctime>
#include <cstdint>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

template <typename Number>
Number parse(std::string_view text, const std::string& what) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw std::invalid_argument("cannot read " + what + " from '" + std::string(text) + "'");
    }
    return value;
}

std::vector<std::string_view> split(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = line.find(',', start);
        fields.push_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return fields;
}

const char* role_name(trygg::hotspot::PointRole role) {
    switch (role) {
        case trygg::hotspot::PointRole::core: return "core";
        case trygg::hotspot::PointRole::border: return "border";
        case trygg::hotspot::PointRole::noise: return "noise";
    }
    return "?";
}

}  // namespace

int main(int argc, char** argv) {
    double eps = 0.0;
    double min_points = 0.0;
    bool weighted = false;
    bool timing = false;
    int repeat = 1;
    std::optional<std::int64_t> time_window;
    try {
        const std::vector<std::string> args(argv + 1, argv + argc);
        for (std::size_t i = 0; i < args.size(); ++i) {
            auto value = [&]() -> const std::string& {
                if (i + 1 >= args.size()) throw std::invalid_argument(args[i] + " needs a value");
                return args[++i];
            };
            if (args[i] == "--eps") {
                eps = parse<double>(value(), "--eps");
            } else if (args[i] == "--min-points") {
                min_points = parse<double>(value(), "--min-points");
            } else if (args[i] == "--timing") {
                timing = true;
            } else if (args[i] == "--repeat") {
                repeat = parse<int>(value(), "--repeat");
                if (repeat < 1) throw std::invalid_argument("--repeat must be >= 1");
            } else if (args[i] == "--weighted") {
                weighted = true;
            } else if (args[i] == "--time-window") {
                time_window = parse<std::int64_t>(value(), "--time-window");
            } else {
                throw std::invalid_argument("unknown argument " + args[i]);
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "trygg_dbscan_driver: " << e.what() << '\n';
        return 2;
    }

    std::vector<trygg::model::Point> points;
    std::vector<double> weights;
    std::vector<std::int64_t> times;
    const std::size_t columns = 2 + (weighted ? 1 : 0) + (time_window ? 1 : 0);
    std::string line;
    std::size_t line_number = 0;
    try {
        while (std::getline(std::cin, line)) {
            ++line_number;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty()) continue;
            const auto fields = split(line);
            if (fields.size() != columns) {
                throw std::invalid_argument("expected " + std::to_string(columns) + " fields, got " +
                                            std::to_string(fields.size()));
            }
            points.push_back({parse<double>(fields[0], "x"), parse<double>(fields[1], "y")});
            if (weighted) weights.push_back(parse<double>(fields[2], "w"));
            if (time_window) times.push_back(parse<std::int64_t>(fields[columns - 1], "t"));
        }
    } catch (const std::exception& e) {
        std::cerr << "trygg_dbscan_driver: stdin line " << line_number << ": " << e.what() << '\n';
        return 1;
    }

    trygg::hotspot::DbscanParams params;
    params.eps = eps;
    params.min_points = min_points;
    params.weights = weights;
    params.times = times;
    params.time_window = time_window;
    try {
        const auto cpu_seconds = [] {
            timespec ts{};
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
            return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
        };
        double best_wall = 0.0;
        double best_cpu = 0.0;
        trygg::hotspot::DbscanResult result;
        for (int run = 0; run < repeat; ++run) {
            const auto wall_start = std::chrono::steady_clock::now();
            const double cpu_start = cpu_seconds();
            result = trygg::hotspot::dbscan(points, params);
            const double cpu = cpu_seconds() - cpu_start;
            const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
            if (run == 0 || wall < best_wall) best_wall = wall;
            if (run == 0 || cpu < best_cpu) best_cpu = cpu;
        }
        if (timing) {
            std::cerr << "dbscan_wall_s=" << best_wall << " dbscan_cpu_s=" << best_cpu << " runs=" << repeat << '\n';
        }
        std::string out;
        out.reserve(points.size() * 10);
        for (std::size_t i = 0; i < points.size(); ++i) {
            out += std::to_string(result.labels[i]);
            out += ',';
            out += role_name(result.roles[i]);
            out += '\n';
        }
        std::cout << out;
    } catch (const trygg::Error& e) {
        std::cerr << "trygg_dbscan_driver: " << e.what() << '\n';
        return e.kind() == trygg::ErrorKind::usage ? 2 : 1;
    }
    return 0;
}
