// Joining an existing section (spec §2.1 from_existing, §2.6 pending events, §8.1).
#include <algorithm>

#include "core/assert.hpp"
#include "node/node.hpp"

namespace parsec::node {

using core::make_error;
namespace st = model::state;

Result<Node> Node::from_existing(crypto::Identity our, std::vector<PeerId> genesis_group, std::vector<PeerId> section,
                                 NodeOptions options, std::shared_ptr<const crypto::Crypto> crypto) {
    if (genesis_group.empty()) return make_error("InvalidGenesis", "the genesis group is empty");
    if (section.empty()) return make_error("InvalidSection", "the section is empty");
    auto contains_us = [&](const std::vector<PeerId>& v) { return std::find(v.begin(), v.end(), our.id) != v.end(); };
    if (contains_us(genesis_group) || contains_us(section))
        return make_error("InvalidSection", "a joining node must not already be a member");
    std::sort(genesis_group.begin(), genesis_group.end());
    std::sort(section.begin(), section.end());
    Node n;
    n.our_ = std::move(our);
    n.crypto_ = std::move(crypto);
    n.options_ = options;
    n.election_.keep_history = options.keep_meta_history;
    n.peers_.add(n.our_.id, st::kRecv);
    for (const auto& id : genesis_group) n.peers_.add(id, st::kVote | st::kSend);
    for (const auto& id : section)
        if (n.peers_.find_name(id.name) == model::kNoPeer) n.peers_.add(id, st::kSend);
    std::vector<PeerIndex> voters;
    for (const auto& id : genesis_group) voters.push_back(n.peers_.find(id));
    n.election_.set_voters(std::move(voters));
    return n;
}

void Node::insert_our_initial_event() {
    model::PackedEvent initial = new_own_event(model::CauseKind::Initial);
    core::Bytes content;
    model::encode_content(content, initial, *crypto_);
    initial.signature = crypto_->sign(our_, content);
    auto ev = unpack(model::seal(std::move(initial), *crypto_, &content));
    PARSEC_ASSERT(ev.ok(), "our Initial event must unpack");
    EventIndex idx = graph_.insert(std::move(ev.value()));
    peers_.add_event_to_slot(model::kOurIndex, 0, idx);
    if (options_.malice_detection) update_awaiting(idx);
}

Status Node::add_or_queue_own_event(model::PackedEvent packed) {
    if (!has_own_events()) {
        pending_events_.push_back(std::move(packed));
        return {};
    }
    EventIndex last = peers_[model::kOurIndex].last_event();
    packed.self_parent = graph_[last].hash;
    return add_own_event(std::move(packed));
}

Status Node::flush_pending_events() {
    if (!has_own_events() || pending_events_.empty()) return {};
    auto pending = std::move(pending_events_);
    pending_events_.clear();
    for (auto& p : pending)
        if (auto s = add_or_queue_own_event(std::move(p)); !s.ok()) return s;
    return {};
}

}  // namespace parsec::node
