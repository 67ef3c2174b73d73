#include "graph/peer_list.hpp"

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
    return index;
}

PeerIndex PeerList::find_name(const std::string& name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? model::kNoPeer : it->second;
}

PeerIndex PeerList::find(const crypto::PeerId& id) const {
    PeerIndex i = find_name(id.name);
    if (i == model::kNoPeer || !(peers_[i].id == id)) return model::kNoPeer;
    return i;
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

const Slot& PeerList::events_by_index(PeerIndex creator, std::uint32_t index) const {
    static const Slot empty;
    const Peer& peer = peers_[creator];
    return index < peer.slots.size() ? peer.slots[index] : empty;
}

}  // namespace parsec::graph
