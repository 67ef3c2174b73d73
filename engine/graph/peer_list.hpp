// One node's peer list: ids, states, and each peer's events in slots by index_by_creator (spec §1.2).
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/small_vector.hpp"
#include "crypto/identity.hpp"
#include "model/ids.hpp"

namespace parsec::graph {

using model::EventIndex;
using model::PeerIndex;

// The events of one creator at one index_by_creator: one, unless the creator forked.
using Slot = core::SmallVector<EventIndex, 1>;

struct Peer {
    crypto::PeerId id;
    std::uint8_t state = 0;
    bool removed = false;
    EventIndex removal_event = model::kNoEvent;   // the event at which *we* decided the removal
    std::vector<Slot> slots;   // slot[i] = events with index_by_creator i (inline: no allocation per event)
    bool has_fork = false;

    std::uint8_t current_state() const { return removed ? 0 : state; }
    EventIndex last_event() const { return slots.empty() ? model::kNoEvent : slots.back().back(); }
};

class PeerList {
public:
    PeerIndex add(const crypto::PeerId& id, std::uint8_t state);
    PeerIndex find(const crypto::PeerId& id) const;       // kNoPeer if unknown
    PeerIndex find_name(const std::string& name) const;   // kNoPeer if unknown
    size_t size() const { return peers_.size(); }
    Peer& operator[](PeerIndex i) { return peers_[i]; }
    const Peer& operator[](PeerIndex i) const { return peers_[i]; }
    const std::vector<Peer>& all() const { return peers_; }

    // Ors bits into a present peer's state; a removed peer ignores it (spec §1.2 change_state).
    void change_state(PeerIndex p, std::uint8_t bits);
    void add_event_to_slot(PeerIndex creator, std::uint32_t index_by_creator, EventIndex e);
    // A hint: each present peer will have about `n` events (no regrowing on the way).
    void reserve_slots(size_t n) {
        for (auto& p : peers_) p.slots.reserve(n);
    }
    const Slot& events_by_index(PeerIndex creator, std::uint32_t index) const {
        const Peer& peer = peers_[creator];
        return index < peer.slots.size() ? peer.slots[index] : kEmptySlot;
    }
    bool any_fork() const { return any_fork_; }

private:
    static const Slot kEmptySlot;
    std::vector<Peer> peers_;
    std::unordered_map<std::string, PeerIndex> by_name_;
    // Id -> index by the public key's first bytes (a hash already), open addressing at most half
    // full: every received event looks up its creator, and hashing the name string cost more.
    std::vector<PeerIndex> by_key_;
    void place_by_key(PeerIndex p);
    bool any_fork_ = false;
};

}  // namespace parsec::graph
