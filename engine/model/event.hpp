// Events in memory and on the wire (spec §1.5), and their byte encoding for hashing and signing.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "core/bytes.hpp"
#include "core/small_vector.hpp"
#include "crypto/identity.hpp"
#include "model/ids.hpp"
#include "model/observation.hpp"

namespace parsec::model {

// Variant order is the bincode tag (spec §1.5).
enum class CauseKind : std::uint8_t { Requesting = 0, Request = 1, Response = 2, Observation = 3, Initial = 4 };

inline bool is_sync(CauseKind c) {
    return c == CauseKind::Requesting || c == CauseKind::Request || c == CauseKind::Response;
}

// Per-creator ancestry summary (spec §1.5 ancestor_info). `last[c]` = highest index_by_creator of
// creator c among the ancestors (self included), -1 if none. Fork sets are rare, so kept sparse.
struct ForkEntry {
    PeerIndex creator;
    std::uint32_t index;
    std::vector<std::uint32_t> forks;  // sorted set of fork numbers seen at (creator, index)
};

// Inline room for this many peers' `last` entries: every event has one, so a heap block per
// event (allocated, copied, freed, and a cache miss away from the event) cost more than it holds.
inline constexpr std::uint32_t kInlineAncestorPeers = 16;
using LastAncestors = core::SmallVector<std::int32_t, kInlineAncestorPeers>;

struct AncestorInfo {
    LastAncestors last;               // by peer index; shorter than the peer list means absent
    std::vector<ForkEntry> forks;     // sorted by (creator, index)

    std::int32_t last_of(PeerIndex p) const { return p < last.size() ? last[p] : -1; }
    const ForkEntry* fork_entry(PeerIndex creator, std::uint32_t index) const;
    bool has_multi_fork(PeerIndex creator) const;  // spec §3 descends_from_fork
};

struct PackedEvent;
class SealedEvent;
// A packed event as it travels in this process, shared (see SealedEvent).
using SealedRef = std::shared_ptr<const SealedEvent>;

// An event as held in one node's graph. Field order is for the hot loops: the ids, the hash
// (probed by every lookup) and the ancestry come first; the wire form (its signatures), read only
// when the event is gossiped, a block is made or a held copy is compared, comes last.
struct Event {
    PeerIndex creator = kNoPeer;
    CauseKind cause = CauseKind::Initial;
    EventIndex self_parent = kNoEvent;
    EventIndex other_parent = kNoEvent;
    PeerIndex recipient = kNoPeer;     // Requesting only
    KeyIndex key = kNoKey;             // Observation only: the payload key in the store
    std::uint32_t index_by_creator = 0;
    std::uint32_t fork_number = 0;     // position in its creator's slot (0 = first inserted)
    core::Hash32 hash{};
    AncestorInfo ancestors;
    SealedRef sealed;  // the packed event it was made from, as received or made: what we gossip

    const crypto::Signature& signature() const;
    const crypto::Signature& vote_signature() const;  // Observation only
};

// An event on the wire: ids and hashes instead of local indices (spec §1.5 "packed event").
struct PackedEvent {
    PeerId creator;
    CauseKind cause = CauseKind::Initial;
    core::Hash32 self_parent{};
    core::Hash32 other_parent{};
    PeerId recipient;                  // Requesting
    Observation vote;                  // Observation: the payload
    crypto::Signature vote_signature;  // Observation: the voter's signature of the payload
    crypto::Signature signature;       // over encode_content()
};

// A packed event as it travels in this process: made once (by its creator, a Byzantine script or
// a recording's reader), never changed after, and shared by every message and graph that carries
// it, so a gossip copies pointers instead of 500-byte events (16 nodes relay each event many
// times). Sealing encodes it, hashes it and checks its signature once under a crypto scheme: both
// are pure functions of the bytes (spec §2.4 step 3a), so a node of the same scheme takes them
// from here. Its signature is verified once per distinct event in the process, never skipped.
class SealedEvent {
public:
    // `content`: encode_content(packed) under `crypto`, if the caller has it.
    SealedEvent(PackedEvent packed, const crypto::Crypto& crypto, const core::Bytes* content = nullptr);
    // An event just signed: `hash` is crypto.hash(content), already computed; the signature is
    // still verified.
    SealedEvent(PackedEvent packed, const crypto::Crypto& crypto, const core::Bytes& content, const core::Hash32& hash);
    const PackedEvent& packed() const { return packed_; }
    const core::Hash32& hash() const { return hash_; }
    bool signature_valid() const { return signature_valid_; }
    // Whether hash() and signature_valid() hold under `crypto` (they were computed under its scheme).
    bool sealed_under(const crypto::Crypto& crypto) const { return scheme_ == crypto.kind(); }

private:
    PackedEvent packed_;
    core::Hash32 hash_{};
    bool signature_valid_ = false;
    crypto::IdentityKind scheme_;
};

SealedRef seal(PackedEvent packed, const crypto::Crypto& crypto, const core::Bytes* content = nullptr);

using Message = std::vector<SealedRef>;

// bincode of {creator, cause} in wire form: what is hashed and signed (spec §1.5, §1.6).
void encode_content(core::Bytes& out, const PackedEvent& e, const crypto::Crypto& crypto);
core::Hash32 event_hash(const PackedEvent& e, const crypto::Crypto& crypto);

}  // namespace parsec::model
