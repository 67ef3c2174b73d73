#include "model/event.hpp"

#include <algorithm>
#include <cstring>

namespace parsec::model {

const ForkEntry* AncestorInfo::fork_entry(PeerIndex creator, std::uint32_t index) const {
    for (const auto& f : forks)
        if (f.creator == creator && f.index == index) return &f;
    return nullptr;
}

bool AncestorInfo::has_multi_fork(PeerIndex creator) const {
    for (const auto& f : forks)
        if (f.creator == creator && f.forks.size() > 1) return true;
    return false;
}

// Appends by one resize and a copy: every event is encoded at least once per node.
static void put_raw(core::Bytes& out, const void* p, size_t n) {
    const size_t at = out.size();
    out.resize(at + n);
    std::memcpy(out.data() + at, p, n);
}

static void put_u32(core::Bytes& out, std::uint32_t v) {
    std::uint8_t le[4];
    for (int i = 0; i < 4; ++i) le[i] = static_cast<std::uint8_t>(v >> (8 * i));
    put_raw(out, le, 4);
}

void encode_content(core::Bytes& out, const PackedEvent& e, const crypto::Crypto& crypto) {
    crypto.encode_id(out, e.creator);
    put_u32(out, static_cast<std::uint32_t>(e.cause));
    auto put_hash = [&](const core::Hash32& h) { put_raw(out, h.data(), h.size()); };
    switch (e.cause) {
        case CauseKind::Requesting:
            put_hash(e.self_parent);
            crypto.encode_id(out, e.recipient);
            break;
        case CauseKind::Request:
        case CauseKind::Response:
            put_hash(e.self_parent);
            put_hash(e.other_parent);
            break;
        case CauseKind::Observation:
            put_hash(e.self_parent);
            encode_observation(out, e.vote, crypto);
            out.insert(out.end(), e.vote_signature.bytes.begin(),
                       e.vote_signature.bytes.begin() + static_cast<long>(crypto.signature_size()));
            break;
        case CauseKind::Initial:
            break;
    }
}

core::Hash32 event_hash(const PackedEvent& e, const crypto::Crypto& crypto) {
    core::Bytes bytes;
    bytes.reserve(256);
    encode_content(bytes, e, crypto);
    return crypto.hash(bytes);
}

}  // namespace parsec::model
