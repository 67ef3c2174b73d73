// Byte buffers and fixed-size digests shared by the whole engine.
#pragma once
#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

namespace parsec::core {

using Bytes = std::vector<std::uint8_t>;
using ByteSpan = std::span<const std::uint8_t>;
using Hash32 = std::array<std::uint8_t, 32>;

inline constexpr Hash32 kZeroHash{};

// Hash32 equality as four word compares: std::array's == calls memcmp, and the hot lookups
// (graph, peers) compare one hash per probe.
inline bool same_hash(const Hash32& a, const Hash32& b) {
    std::uint64_t x[4], y[4];
    std::memcpy(x, a.data(), 32);
    std::memcpy(y, b.data(), 32);
    return ((x[0] ^ y[0]) | (x[1] ^ y[1]) | (x[2] ^ y[2]) | (x[3] ^ y[3])) == 0;
}

std::string to_hex(ByteSpan bytes);
inline std::string to_hex(const Hash32& h) { return to_hex(ByteSpan(h.data(), h.size())); }
// Parses exactly 64 lowercase/uppercase hex digits; false on anything else.
bool parse_hash_hex(std::string_view text, Hash32& out);

}  // namespace parsec::core
