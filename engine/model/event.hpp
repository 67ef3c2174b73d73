// Events in memory and on the wire (spec §1.5), and their byte encoding for hashing and signing.
#pragma once
#include <cstdint>
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

// An event as held in one node's graph. Field order is for the hot loops: the ids, the hash
// (probed by every lookup) and the ancestry come first; the signatures, read only when the event
// is packed or exported, come last.
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
    crypto::Signature vote_signature;  // Observation only
    crypto::Signature signature;
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

using Message = std::vector<PackedEvent>;

// bincode of {creator, cause} in wire form: what is hashed and signed (spec §1.5, §1.6).
void encode_content(core::Bytes& out, const PackedEvent& e, const crypto::Crypto& crypto);
core::Hash32 event_hash(const PackedEvent& e, const crypto::Crypto& crypto);

}  // namespace parsec::model
