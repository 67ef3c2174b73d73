#include "model/event.hpp"

#include <algorithm>

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

static void put_u32(core::Bytes& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void encode_content(core::Bytes& out, const PackedEvent& e, const crypto::Crypto& crypto) {
    crypto.encode_id(out, e.creator);
    put_u32(out, static_cast<std::uint32_t>(e.cause));
    auto put_hash = [&](const core::Hash32& h) { out.insert(out.end(), h.begin(), h.end()); };
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
