// Recording ⇄ bytes. Pure: no files. Layout: a fixed header (8-byte magic, format version u32 LE),
// then chunks [kind u8][size u32 LE][payload][BLAKE2b-256 of kind‖size‖payload], each payload a
// cereal portable-binary archive: Meta (versions, config, peers), then per branch a Branch chunk
// and its Inputs chunks (inputs with outcomes, and the checkpoints and markers they reached), closed
// by an End chunk. A damaged or truncated file decodes up to the last good chunk and says where the
// damage starts; an unknown version is refused.
#pragma once
#include <optional>
#include <string>

#include "core/bytes.hpp"
#include "core/result.hpp"
#include "record/recording.hpp"

namespace parsec::record {

inline constexpr std::size_t kChunkInputsMax = 4096;  // inputs per Inputs chunk
inline constexpr char kMagic[8] = {'P', 'A', 'R', 'S', 'E', 'C', 'R', 'C'};
inline constexpr std::size_t kHeaderSize = 12;
inline constexpr std::size_t kChunkOverhead = 1 + 4 + 32;

enum class ChunkKind : std::uint8_t { Meta = 1, Branch = 2, Inputs = 3, End = 4 };

struct Damage {
    std::uint64_t offset = 0;     // byte offset where the first bad chunk starts
    std::size_t chunk_index = 0;  // 0 is the Meta chunk
    std::string what;
    std::string to_string() const;
};

struct Decoded {
    Recording recording;          // everything up to the last good chunk
    std::optional<Damage> damage;
    std::size_t chunks = 0;       // good chunks read
};

core::Bytes encode(const Recording& recording);
// Errors (nothing usable): not a recording, unknown format version, header or Meta chunk damaged.
core::Result<Decoded> decode(core::ByteSpan bytes);

// Building blocks, for the fuzzer and tests that craft files with valid checksums.
core::Bytes encode_header(std::uint32_t format_version);
void append_chunk(core::Bytes& out, ChunkKind kind, core::ByteSpan payload);

}  // namespace parsec::record
