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

// Appends `n` bytes' room and returns where they start: one size change per encoded part, as
// every event is encoded at least once per node.
static std::uint8_t* grow(core::Bytes& out, size_t n) {
    const size_t at = out.size();
    out.resize(at + n);
    return out.data() + at;
}

static std::uint8_t* put_u32(std::uint8_t* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) *p++ = static_cast<std::uint8_t>(v >> (8 * i));
    return p;
}

static std::uint8_t* put_hash(std::uint8_t* p, const core::Hash32& h) {
    std::memcpy(p, h.data(), h.size());
    return p + h.size();
}

void encode_content(core::Bytes& out, const PackedEvent& e, const crypto::Crypto& crypto) {
    crypto.encode_id(out, e.creator);
    const auto cause = static_cast<std::uint32_t>(e.cause);
    switch (e.cause) {
        case CauseKind::Requesting:
            put_hash(put_u32(grow(out, 4 + 32), cause), e.self_parent);
            crypto.encode_id(out, e.recipient);
            break;
        case CauseKind::Request:
        case CauseKind::Response:
            put_hash(put_hash(put_u32(grow(out, 4 + 64), cause), e.self_parent), e.other_parent);
            break;
        case CauseKind::Observation: {
            put_hash(put_u32(grow(out, 4 + 32), cause), e.self_parent);
            encode_observation(out, e.vote, crypto);
            const size_t n = crypto.signature_size();
            std::memcpy(grow(out, n), e.vote_signature.bytes.data(), n);
            break;
        }
        case CauseKind::Initial:
            put_u32(grow(out, 4), cause);
            break;
    }
}

const crypto::Signature& Event::signature() const { return sealed->packed().signature; }
const crypto::Signature& Event::vote_signature() const { return sealed->packed().vote_signature; }

SealedEvent::SealedEvent(PackedEvent packed, const crypto::Crypto& crypto, const core::Bytes* content)
    : packed_(std::move(packed)), scheme_(crypto.kind()) {
    core::Bytes own;
    if (!content) {
        own.reserve(256);
        encode_content(own, packed_, crypto);
        content = &own;
    }
    hash_ = crypto.hash_and_verify(packed_.creator, *content, packed_.signature, signature_valid_);
}

SealedEvent::SealedEvent(PackedEvent packed, const crypto::Crypto& crypto, const core::Bytes& content,
                         const core::Hash32& hash)
    : packed_(std::move(packed)), hash_(hash), scheme_(crypto.kind()) {
    signature_valid_ = crypto.verify(packed_.creator, content, packed_.signature);
}

SealedRef seal(PackedEvent packed, const crypto::Crypto& crypto, const core::Bytes* content) {
    return std::make_shared<const SealedEvent>(std::move(packed), crypto, content);
}

core::Hash32 event_hash(const PackedEvent& e, const crypto::Crypto& crypto) {
    core::Bytes bytes;
    bytes.reserve(256);
    encode_content(bytes, e, crypto);
    return crypto.hash(bytes);
}

}  // namespace parsec::model
