// core::sort_unique_indices against std::sort + std::unique, on both of its paths: dense lists
// (the bitmap) and indices spread thinly over a long range (the sort).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/sorted_indices.hpp"

using namespace parsec;

TEST(SortedIndices, AgreesWithSortAndUniqueOnDenseAndSparseLists) {
    std::mt19937 rng(11);  // test-local: the engine never uses the standard library's generators
    for (int round = 0; round < 2000; ++round) {
        const std::uint32_t base = rng() % 1'000'000;
        // Spans from a few indices (dense: the bitmap) to millions (sparse: the sort).
        const std::uint32_t span = 1u + rng() % (round % 2 ? 200u : 5'000'000u);
        std::vector<std::uint32_t> v(rng() % 150);
        for (auto& x : v) x = base + rng() % span;
        if (!v.empty() && round % 3 == 0) v.push_back(v.front());  // a repeat
        auto expected = v;
        std::sort(expected.begin(), expected.end());
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        core::sort_unique_indices(v);
        ASSERT_EQ(v, expected) << "round " << round << ", span " << span;
    }
}
