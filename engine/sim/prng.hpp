// The simulator's one source of randomness: xoshiro256** seeded through splitmix64, with
// integer-only helpers (ratios, ranges, latency shapes). No <random>: its distributions differ
// between standard libraries, and a recording must replay the same everywhere (style §4).
#pragma once
#include <array>
#include <cstdint>
#include <string>

namespace parsec::sim {

// A probability as an integer fraction, never a float (TigerBeetle's Ratio).
struct Ratio {
    std::uint32_t numerator = 0;
    std::uint32_t denominator = 1;

    static constexpr Ratio zero() { return {0, 1}; }
    static constexpr Ratio one() { return {1, 1}; }
    bool is_zero() const { return numerator == 0; }
    bool is_valid() const { return denominator > 0 && numerator <= denominator; }
    bool operator==(const Ratio&) const = default;
    // "0.125", "1/8", "0", "1" (decimal form when the denominator is a power of ten).
    std::string to_string() const;
};

class Prng {
public:
    explicit Prng(std::uint64_t seed);

    std::uint64_t next_u64();
    // Uniform in [0, bound); bound > 0. Unbiased (Lemire's multiply-and-reject).
    std::uint64_t below(std::uint64_t bound);
    // Uniform in [min, max], inclusive.
    std::uint64_t range_inclusive(std::uint64_t min, std::uint64_t max);
    // True with probability `ratio`.
    bool chance(Ratio ratio);
    // Exponentially distributed integer with the given mean, rounded down, capped at 64 × mean.
    // Integer-only: -ln(u) is computed in Q32 fixed point from an exact integer log2.
    std::uint64_t exponential(std::uint64_t mean);
    // A fresh generator for a sub-stream (e.g. a branch), independent of later draws here.
    Prng fork();

    using State = std::array<std::uint64_t, 4>;
    const State& state() const { return s_; }
    void set_state(const State& s) { s_ = s; }
    bool operator==(const Prng&) const = default;

private:
    State s_{};
};

// splitmix64: seeds and derives 64-bit values from 64-bit values (also used to derive sub-seeds).
std::uint64_t splitmix64(std::uint64_t& state);
// -ln(x / 2^32) in Q32 fixed point, for 0 < x ≤ 2^32. Exposed for tests.
std::uint64_t neg_ln_q32(std::uint64_t x);

}  // namespace parsec::sim
