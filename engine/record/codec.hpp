// Recording ⇄ bytes. Pure: no files. Layout: a fixed header (magic, format version), then chunks
// [kind u8][size u32 LE][payload][BLAKE2b-256 of kind‖size‖payload], each payload a cereal
// portable-binary archive, closed by an End chunk. A damaged or truncated file decodes up to the
// last good chunk and says where the damage starts; an unknown version is refused.
#pragma once
#include <optional>
#include <string>

#include "core/bytes.hpp"
#include "core/result.hpp"
#include "record/recording.hpp"

namespace parsec::record {

inline constexpr std::size_t kChunkInputsMax = 4096;  // inputs per Inputs chunk

struct Damage {
    std::uint64_t offset = 0;  // byte offset where the first bad chunk starts
    std::string what;
};

struct Decoded {
    Recording recording;          // everything up to the last good chunk
    std::optional<Damage> damage;
};

core::Bytes encode(const Recording& recording);
// Errors (nothing usable): not a recording, unknown format version, header or metadata damaged.
core::Result<Decoded> decode(core::ByteSpan bytes);

}  // namespace parsec::record
