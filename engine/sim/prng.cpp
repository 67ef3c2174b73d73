// xoshiro256** (Blackman & Vigna) and the integer helpers built on it.
#include "sim/prng.hpp"

#include "core/assert.hpp"

namespace parsec::sim {

namespace {
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// The full 128-bit product of two 64-bit values from 32-bit halves (portable, no __int128).
struct Wide {
    std::uint64_t hi;
    std::uint64_t lo;
};
Wide multiply_wide(std::uint64_t a, std::uint64_t b) {
    const std::uint64_t a_lo = a & 0xFFFFFFFFu, a_hi = a >> 32, b_lo = b & 0xFFFFFFFFu, b_hi = b >> 32;
    const std::uint64_t lo_lo = a_lo * b_lo, hi_lo = a_hi * b_lo, lo_hi = a_lo * b_hi, hi_hi = a_hi * b_hi;
    const std::uint64_t cross = (lo_lo >> 32) + (hi_lo & 0xFFFFFFFFu) + lo_hi;
    return Wide{hi_hi + (hi_lo >> 32) + (cross >> 32), (cross << 32) | (lo_lo & 0xFFFFFFFFu)};
}
// (a × b) >> 32 for a product below 2^96.
std::uint64_t multiply_shift32(std::uint64_t a, std::uint64_t b) {
    const Wide w = multiply_wide(a, b);
    return (w.hi << 32) | (w.lo >> 32);
}
}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Prng::Prng(std::uint64_t seed) {
    std::uint64_t sm = seed;
    for (auto& word : s_) word = splitmix64(sm);
    // xoshiro's only bad state is all zeros; splitmix64 never yields four zeros in a row.
    PARSEC_ASSERT(s_[0] != 0 || s_[1] != 0 || s_[2] != 0 || s_[3] != 0, "xoshiro state is zero");
}

std::uint64_t Prng::next_u64() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::uint64_t Prng::below(std::uint64_t bound) {
    PARSEC_ASSERT(bound > 0, "Prng::below needs a positive bound");
    // Lemire: the high word of x * bound is uniform once the low word clears the threshold.
    Wide m = multiply_wide(next_u64(), bound);
    if (m.lo < bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (m.lo < threshold) m = multiply_wide(next_u64(), bound);
    }
    const std::uint64_t result = m.hi;
    PARSEC_ASSERT(result < bound, "Prng::below out of range");
    return result;
}

std::uint64_t Prng::range_inclusive(std::uint64_t min, std::uint64_t max) {
    PARSEC_ASSERT(min <= max, "Prng::range_inclusive: min > max");
    if (min == 0 && max == UINT64_MAX) return next_u64();
    return min + below(max - min + 1);
}

bool Prng::chance(Ratio ratio) {
    PARSEC_ASSERT(ratio.is_valid(), "Prng::chance: invalid ratio");
    if (ratio.numerator == 0) return false;  // draw nothing: a zero knob must not shift the stream
    if (ratio.numerator == ratio.denominator) return true;
    return below(ratio.denominator) < ratio.numerator;
}

std::uint64_t neg_ln_q32(std::uint64_t x) {
    PARSEC_ASSERT(x > 0 && x <= (1ULL << 32), "neg_ln_q32: x out of (0, 2^32]");
    // log2(x) = integer part + fraction by repeated squaring of the normalised mantissa (Q32).
    int int_part = 63 - __builtin_clzll(x);
    // Mantissa in [1, 2) as Q31: below 2^32, so its square fits in 64 bits.
    std::uint64_t m = (x << 31) >> int_part;  // x ≤ 2^32, so x << 31 fits
    std::uint64_t frac = 0;
    for (int bit = 31; bit >= 0; --bit) {
        m = (m * m) >> 31;
        if (m >= (std::uint64_t{2} << 31)) {
            m >>= 1;
            frac |= 1ULL << bit;
        }
    }
    // log2(x) - 32 is ≤ 0; -ln(x / 2^32) = (32 - log2 x) × ln 2.
    const std::uint64_t log2_q32 = (static_cast<std::uint64_t>(int_part) << 32) | frac;
    const std::uint64_t neg_log2_q32 = (32ULL << 32) - log2_q32;
    constexpr std::uint64_t kLn2Q32 = 2977044472ULL;  // round(ln 2 × 2^32)
    return multiply_shift32(neg_log2_q32, kLn2Q32);
}

std::uint64_t Prng::exponential(std::uint64_t mean) {
    if (mean == 0) return 0;
    const std::uint64_t u = (next_u64() >> 32) + 1;  // uniform in [1, 2^32]
    const std::uint64_t e_q32 = neg_ln_q32(u);        // Exp(1) in Q32, at most ~22.2
    // e_q32 < 2^37: the product stays below 2^96 for any mean below 2^59.
    const std::uint64_t value = multiply_shift32(e_q32, mean);
    const std::uint64_t cap = mean * 64;
    return value < cap ? value : cap;
}

Prng Prng::fork() {
    Prng child(next_u64());
    return child;
}

std::string Ratio::to_string() const {
    if (numerator == 0) return "0";
    if (numerator == denominator) return "1";
    std::uint32_t d = denominator;
    int digits = 0;
    while (d % 10 == 0 && d > 1) {
        d /= 10;
        ++digits;
    }
    if (d != 1 || digits == 0) return std::to_string(numerator) + "/" + std::to_string(denominator);
    std::string n = std::to_string(numerator);
    while (static_cast<int>(n.size()) < digits) n.insert(n.begin(), '0');
    std::string out = "0." + n;
    while (out.back() == '0') out.pop_back();
    return out;
}

}  // namespace parsec::sim
