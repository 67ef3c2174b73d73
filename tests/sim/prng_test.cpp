// The simulator's generator against published reference vectors, and its integer helpers
// against their definitions.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/prng.hpp"

namespace parsec::sim {
namespace {

TEST(Prng, Splitmix64MatchesPublishedSequences) {
    // Rosetta Code "Pseudo-random numbers/Splitmix64", seed 1234567.
    std::uint64_t state = 1234567;
    const std::uint64_t expected[] = {6457827717110365317ULL, 3203168211198807973ULL, 9817491932198370423ULL,
                                      4593380528125082431ULL, 16408922859458223821ULL};
    for (auto e : expected) EXPECT_EQ(splitmix64(state), e);
    // Vigna's splitmix64.c from state 0.
    std::uint64_t zero = 0;
    EXPECT_EQ(splitmix64(zero), 0xE220A8397B1DCDAFULL);
    EXPECT_EQ(splitmix64(zero), 0x6E789E6AA1B965F4ULL);
    EXPECT_EQ(splitmix64(zero), 0x06C45D188009454FULL);
}

TEST(Prng, Xoshiro256StarStarMatchesReferenceOutputFromState1234) {
    // Blackman & Vigna's xoshiro256starstar.c from state {1, 2, 3, 4} (as in rand_xoshiro's tests).
    Prng p(0);
    p.set_state({1, 2, 3, 4});
    const std::uint64_t expected[] = {11520ULL,
                                      0ULL,
                                      1509978240ULL,
                                      1215971899390074240ULL,
                                      1216172134540287360ULL,
                                      607988272756665600ULL,
                                      16172922978634559625ULL,
                                      8476171486693032832ULL,
                                      10595114339597558777ULL,
                                      2904607092377533576ULL};
    for (auto e : expected) EXPECT_EQ(p.next_u64(), e);
}

TEST(Prng, SeedingGoesThroughSplitmix64) {
    Prng p(1234567);
    std::uint64_t sm = 1234567;
    const Prng::State want{splitmix64(sm), splitmix64(sm), splitmix64(sm), splitmix64(sm)};
    EXPECT_EQ(p.state(), want);
}

TEST(Prng, BelowStaysInRangeAndCoversItEvenly) {
    Prng p(7);
    std::vector<int> counts(10, 0);
    for (int i = 0; i < 100000; ++i) {
        const auto v = p.below(10);
        ASSERT_LT(v, 10u);
        ++counts[v];
    }
    for (int c : counts) {  // 10,000 expected each; 5 sigma is about 475
        EXPECT_GT(c, 9500);
        EXPECT_LT(c, 10500);
    }
    // Bounds near 2^64 take the rejection path and stay in range.
    const std::uint64_t big = (1ULL << 63) + 12345;
    for (int i = 0; i < 1000; ++i) EXPECT_LT(p.below(big), big);
    EXPECT_EQ(p.below(1), 0u);
}

TEST(Prng, RangeInclusiveReachesBothEnds) {
    Prng p(11);
    bool low = false, high = false;
    for (int i = 0; i < 1000; ++i) {
        const auto v = p.range_inclusive(3, 6);
        ASSERT_GE(v, 3u);
        ASSERT_LE(v, 6u);
        low |= v == 3;
        high |= v == 6;
    }
    EXPECT_TRUE(low && high);
}

TEST(Prng, ChanceFollowsTheRatioAndZeroDrawsNothing) {
    Prng p(3);
    int hits = 0;
    for (int i = 0; i < 80000; ++i) hits += p.chance(Ratio{1, 8}) ? 1 : 0;
    EXPECT_GT(hits, 9500);  // 10,000 expected
    EXPECT_LT(hits, 10500);
    Prng a(5), b(5);
    EXPECT_FALSE(a.chance(Ratio::zero()));
    EXPECT_TRUE(a.chance(Ratio::one()));
    EXPECT_EQ(a, b);  // neither certain outcome consumed a draw
}

TEST(Prng, NegLnQ32MatchesTheLogarithm) {
    EXPECT_EQ(neg_ln_q32(1ULL << 32), 0u);
    for (std::uint64_t x : {1ULL, 2ULL, 1000ULL, 123456789ULL, 1ULL << 31, 3000000000ULL, (1ULL << 32) - 1}) {
        const double want = -std::log(static_cast<double>(x) / 4294967296.0);
        const double got = static_cast<double>(neg_ln_q32(x)) / 4294967296.0;
        EXPECT_NEAR(got, want, 1e-6) << x;
    }
}

TEST(Prng, ExponentialHasItsMeanAndCap) {
    Prng p(99);
    std::uint64_t sum = 0, max = 0;
    const int n = 50000;
    for (int i = 0; i < n; ++i) {
        const auto v = p.exponential(100);
        sum += v;
        max = std::max(max, v);
    }
    // Rounded down: the mean of floor(Exp(100)) is about 99.5; its standard error here is about 0.45.
    const double mean = static_cast<double>(sum) / n;
    EXPECT_GT(mean, 97.0);
    EXPECT_LT(mean, 102.0);
    EXPECT_LE(max, 6400u);
    EXPECT_EQ(p.exponential(0), 0u);
}

TEST(Prng, ForkIsDeterministicAndIndependentOfTheParent) {
    Prng a(42), b(42);
    Prng ca = a.fork(), cb = b.fork();
    EXPECT_EQ(ca.next_u64(), cb.next_u64());
    EXPECT_NE(ca.state(), a.state());
}

TEST(Ratio, PrintsDecimalOrFraction) {
    EXPECT_EQ((Ratio{1, 10}).to_string(), "0.1");
    EXPECT_EQ((Ratio{5, 100}).to_string(), "0.05");
    EXPECT_EQ((Ratio{1, 8}).to_string(), "1/8");
    EXPECT_EQ(Ratio::zero().to_string(), "0");
    EXPECT_EQ(Ratio::one().to_string(), "1");
}

}  // namespace
}  // namespace parsec::sim
