// Sorting and deduplicating a list of small indices (event indices in a gossip message, spec §2.3).
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

namespace parsec::core {

// Sorts `v` ascending and drops repeats. A gossip's events are the recent ones, so they span a
// short index range: marking them in a bitmap and reading it back in order costs less than a
// sort, which is kept for indices spread thinly over a long range.
inline void sort_unique_indices(std::vector<std::uint32_t>& v) {
    if (v.size() < 2) return;
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    const std::uint32_t base = *lo;
    const std::size_t words = (*hi - base) / 64 + 1;
    if (words > 8 * v.size()) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return;
    }
    thread_local std::vector<std::uint64_t> bits;
    bits.assign(words, 0);
    for (std::uint32_t e : v) bits[(e - base) / 64] |= std::uint64_t{1} << ((e - base) % 64);
    v.clear();
    for (std::size_t w = 0; w < words; ++w)
        for (std::uint64_t b = bits[w]; b != 0; b &= b - 1)
            v.push_back(base + static_cast<std::uint32_t>(64 * w + static_cast<std::size_t>(__builtin_ctzll(b))));
}

}  // namespace parsec::core
