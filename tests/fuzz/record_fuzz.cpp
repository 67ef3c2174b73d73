// libFuzzer target for the recording decoder. Any input must decode or fail with a kind and a place;
// whatever decodes must encode and decode again to the same recording, without damage. Half the
// runs wrap the input as a chunk with a valid checksum, so the payload decoder (cereal) is reached
// too, not only the checksum check.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "record/codec.hpp"

namespace {

using namespace parsec;

// A valid header and Meta chunk, to put a fuzzed chunk behind.
const core::Bytes& valid_prefix() {
    static const core::Bytes prefix = [] {
        record::Recording r;
        r.engine_version = "fuzz";
        r.peers.push_back(record::PeerKey{"Alice", {}});
        core::Bytes all = record::encode(r);
        const std::size_t meta_size = all[13] | all[14] << 8 | all[15] << 16 | std::size_t{all[16]} << 24;
        all.resize(record::kHeaderSize + record::kChunkOverhead + meta_size);
        return all;
    }();
    return prefix;
}

void check(core::ByteSpan bytes) {
    auto decoded = record::decode(bytes);
    if (!decoded.ok()) {
        const auto& e = decoded.error();
        if (e.kind.empty() || e.where.empty()) {
            std::fprintf(stderr, "error without a kind or place: %s\n", e.to_string().c_str());
            std::abort();
        }
        return;
    }
    if (decoded->damage && decoded->damage->offset > bytes.size()) {
        std::fprintf(stderr, "damage offset beyond the input\n");
        std::abort();
    }
    const core::Bytes again = record::encode(decoded->recording);
    auto redecoded = record::decode(again);
    if (!redecoded.ok() || redecoded->damage || !(redecoded->recording == decoded->recording)) {
        std::fprintf(stderr, "decode(encode(decoded)) differs from decoded\n");
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    check(core::ByteSpan(data, size));
    if (size > 0) {
        // First byte: which chunk the rest becomes (Meta first, or a later chunk behind a valid Meta).
        const std::uint8_t mode = data[0] % 5;
        core::Bytes crafted = mode == 0 ? record::encode_header(record::kFormatVersion) : valid_prefix();
        const auto kind = static_cast<record::ChunkKind>(mode == 0 ? 1 : mode);
        record::append_chunk(crafted, kind, core::ByteSpan(data + 1, size - 1));
        check(crafted);
    }
    return 0;
}
