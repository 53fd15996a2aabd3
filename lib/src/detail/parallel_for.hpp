#pragma once
// Independent items on several threads with a result that does not depend on how many: the
// caller writes the result of item i to slot i, and every thread keeps its own state (a GEOS
// context, say), so threads share nothing but the counter that hands out the items.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace trygg::detail {

// Threads to use for `items` items when `asked` were asked for (0: the number of cores).
inline unsigned thread_count(unsigned asked, std::size_t items) {
    const unsigned wanted = asked ? asked : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, items)));
}

// Calls work(state, i) for every i in [0, count), on up to `threads` threads (0: the number of
// cores), the calling thread among them; each thread makes its state with make_state(). Items
// are taken one at a time, so a few large ones do not leave a thread idle. The first exception
// stops what is not yet started and is rethrown here once every thread has finished.
template <typename MakeState, typename Work>
void parallel_for(std::size_t count, unsigned threads, const MakeState& make_state, const Work& work) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    const auto run = [&] {
        try {
            auto state = make_state();
            for (std::size_t i; !failed && (i = next.fetch_add(1)) < count;) work(state, i);
        } catch (...) {
            const std::lock_guard lock(error_mutex);
            if (!error) error = std::current_exception();
            failed = true;
        }
    };
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < thread_count(threads, count); ++t) pool.emplace_back(run);
        run();
    }  // joins
    if (error) std::rethrow_exception(error);
}

}  // namespace trygg::detail
