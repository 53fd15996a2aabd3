#pragma once
// Union-find over 0..n-1 with path halving and union by size: near-constant amortised time
// per operation (inverse Ackermann), used to join core points into clusters.

#include <cstddef>
#include <numeric>
#include <utility>
#include <vector>

namespace trygg::hotspot::detail {

class DisjointSets {
public:
    explicit DisjointSets(std::size_t count) : parent_(count), size_(count, 1) {
        std::iota(parent_.begin(), parent_.end(), std::size_t{0});
    }

    std::size_t find(std::size_t element) noexcept {
        while (parent_[element] != element) {
            parent_[element] = parent_[parent_[element]];
            element = parent_[element];
        }
        return element;
    }

    // Returns true when the two were in different sets.
    bool unite(std::size_t a, std::size_t b) noexcept {
        a = find(a);
        b = find(b);
        if (a == b) return false;
        if (size_[a] < size_[b]) std::swap(a, b);
        parent_[b] = a;
        size_[a] += size_[b];
        return true;
    }

private:
    std::vector<std::size_t> parent_;
    std::vector<std::size_t> size_;
};

}  // namespace trygg::hotspot::detail
