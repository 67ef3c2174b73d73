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
    auto word = [](const Hash32& h, size_t i) {  // loaded straight from the hash, no stack copy
        std::uint64_t v;
        std::memcpy(&v, h.data() + 8 * i, sizeof v);
        return v;
    };
    return ((word(a, 0) ^ word(b, 0)) | (word(a, 1) ^ word(b, 1)) | (word(a, 2) ^ word(b, 2)) |
            (word(a, 3) ^ word(b, 3))) == 0;
}

std::string to_hex(ByteSpan bytes);
inline std::string to_hex(const Hash32& h) { return to_hex(ByteSpan(h.data(), h.size())); }
// Parses exactly 64 lowercase/uppercase hex digits; false on anything else.
bool parse_hash_hex(std::string_view text, Hash32& out);

}  // namespace parsec::core
