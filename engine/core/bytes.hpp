// Byte buffers and fixed-size digests shared by the whole engine.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace parsec::core {

using Bytes = std::vector<std::uint8_t>;
using ByteSpan = std::span<const std::uint8_t>;
using Hash32 = std::array<std::uint8_t, 32>;

inline constexpr Hash32 kZeroHash{};

std::string to_hex(ByteSpan bytes);
inline std::string to_hex(const Hash32& h) { return to_hex(ByteSpan(h.data(), h.size())); }
// Parses exactly 64 lowercase/uppercase hex digits; false on anything else.
bool parse_hash_hex(std::string_view text, Hash32& out);

}  // namespace parsec::core
