#pragma once
// Union-find over 0..n-1 with path halving and union by size: near-constant amortised time
// per operation (inverse Ackermann): DBSCAN joins core points into clusters with it, the disc
// model groups overlapping lit discs, dark gaps join unlit stretches. Elements are
// stored as 32-bit numbers (half the memory of size_t, which matters at millions of points), so
// count must be below 2^32.

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace trygg::detail {

class DisjointSets {
public:
    explicit DisjointSets(std::size_t count) : parent_(count), size_(count, 1) {
        std::iota(parent_.begin(), parent_.end(), std::uint32_t{0});
    }

    std::size_t find(std::size_t element) noexcept {
        auto e = static_cast<std::uint32_t>(element);
        while (parent_[e] != e) {
            parent_[e] = parent_[parent_[e]];
            e = parent_[e];
        }
        return e;
    }

    // Returns true when the two were in different sets.
    bool unite(std::size_t a, std::size_t b) noexcept {
        a = find(a);
        b = find(b);
        if (a == b) return false;
        if (size_[a] < size_[b]) std::swap(a, b);
        parent_[b] = static_cast<std::uint32_t>(a);
        size_[a] += size_[b];
        return true;
    }

private:
    std::vector<std::uint32_t> parent_;
    std::vector<std::uint32_t> size_;
};

}  // namespace trygg::detail
