#include "graph/peer_list.hpp"

#include <algorithm>
#include <cstring>

#include "core/assert.hpp"

namespace parsec::graph {

PeerIndex PeerList::add(const crypto::PeerId& id, std::uint8_t state) {
    PARSEC_ASSERT(find_name(id.name) == model::kNoPeer, "peer added twice");
    auto index = static_cast<PeerIndex>(peers_.size());
    Peer p;
    p.id = id;
    p.state = state;
    peers_.push_back(std::move(p));
    by_name_.emplace(id.name, index);
    if (2 * peers_.size() > by_key_.size()) {
        size_t n = 16;  // a power of two: positions are masked
        while (n < 4 * peers_.size()) n *= 2;
        by_key_.assign(n, model::kNoPeer);
        for (PeerIndex q = 0; q < peers_.size(); ++q) place_by_key(q);
    } else {
        place_by_key(index);
    }
    return index;
}

namespace {
size_t key_position(const crypto::PeerId& id) {
    size_t v;
    std::memcpy(&v, id.public_key.data(), sizeof v);
    return v;
}

// Names are short: a byte loop beats a call to memcmp.
bool same_name(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}
}  // namespace

void PeerList::place_by_key(PeerIndex p) {
    const size_t mask = by_key_.size() - 1;
    size_t i = key_position(peers_[p].id) & mask;
    while (by_key_[i] != model::kNoPeer) i = (i + 1) & mask;
    by_key_[i] = p;
}

PeerIndex PeerList::find_name(const std::string& name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? model::kNoPeer : it->second;
}

PeerIndex PeerList::find(const crypto::PeerId& id) const {
    if (by_key_.empty()) return model::kNoPeer;
    // Names are unique, so at most one peer equals `id` (name and key) even if keys collide.
    const size_t mask = by_key_.size() - 1;
    for (size_t i = key_position(id) & mask;; i = (i + 1) & mask) {
        const PeerIndex p = by_key_[i];
        if (p == model::kNoPeer) return model::kNoPeer;
        const crypto::PeerId& known = peers_[p].id;
        if (core::same_hash(known.public_key, id.public_key) && same_name(known.name, id.name)) return p;
    }
}

void PeerList::change_state(PeerIndex p, std::uint8_t bits) {
    PARSEC_ASSERT(p < peers_.size(), "change_state on unknown peer");
    if (!peers_[p].removed) peers_[p].state |= bits;
}

void PeerList::add_event_to_slot(PeerIndex creator, std::uint32_t index_by_creator, EventIndex e) {
    Peer& peer = peers_[creator];
    PARSEC_ASSERT(index_by_creator <= peer.slots.size(), "event index beyond the creator's slots");
    if (index_by_creator == peer.slots.size()) peer.slots.emplace_back();
    auto& slot = peer.slots[index_by_creator];
    slot.push_back(e);
    if (slot.size() > 1) peer.has_fork = any_fork_ = true;
}

const Slot PeerList::kEmptySlot;

}  // namespace parsec::graph
