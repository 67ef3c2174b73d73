// Node API: construction, voting and gossip (spec §2.1-§2.5).
#include "node/node.hpp"

#include <algorithm>

#include "core/assert.hpp"
#include "core/sorted_indices.hpp"

namespace parsec::node {

using core::make_error;
using model::CauseKind;
using model::PackedEvent;
namespace st = model::state;

Result<Node> Node::from_genesis(crypto::Identity our, std::vector<PeerId> genesis_group, NodeOptions options,
                                std::shared_ptr<const crypto::Crypto> crypto) {
    std::sort(genesis_group.begin(), genesis_group.end());
    if (std::find(genesis_group.begin(), genesis_group.end(), our.id) == genesis_group.end())
        return make_error("InvalidGenesis", "the genesis group must contain us (" + our.id.name + ")");
    for (size_t i = 1; i < genesis_group.size(); ++i)
        if (genesis_group[i].name == genesis_group[i - 1].name)
            return make_error("InvalidGenesis", "duplicate peer name " + genesis_group[i].name);
    Node n;
    n.our_ = std::move(our);
    n.crypto_ = std::move(crypto);
    n.options_ = options;
    n.election_.keep_history = options.keep_meta_history;
    n.peers_.add(n.our_.id, st::kActive);
    for (const auto& id : genesis_group)
        if (!(id == n.our_.id)) n.peers_.add(id, st::kActive);
    std::vector<PeerIndex> voters;
    for (const auto& id : genesis_group) voters.push_back(n.peers_.find(id));
    n.election_.set_voters(std::move(voters));

    // Our Initial event is inserted without processing (spec §2.1 step 3).
    PackedEvent initial = n.new_own_event(CauseKind::Initial);
    core::Bytes content;
    model::encode_content(content, initial, *n.crypto_);
    initial.signature = n.crypto_->sign(n.our_, content);
    auto ev = n.unpack(model::seal(std::move(initial), *n.crypto_, &content));
    PARSEC_ASSERT(ev.ok(), "our Initial event must unpack");
    EventIndex idx = n.graph_.insert(std::move(ev.value()));
    n.peers_.add_event_to_slot(model::kOurIndex, 0, idx);

    PackedEvent genesis = n.new_own_event(CauseKind::Observation);
    genesis.vote = Observation::genesis(genesis_group);
    genesis.vote_signature = n.sign_vote(genesis.vote);
    if (auto s = n.add_own_event(std::move(genesis)); !s.ok()) return s.error();
    return n;
}

void Node::reserve_events(size_t n) {
    graph_.reserve(n);
    peers_.reserve_slots(n / std::max<size_t>(1, peers_.size()) + 16);
    election_.meta_events.reserve(n);
}

crypto::Signature Node::sign_vote(const Observation& obs) const {
    core::Bytes payload;
    payload.reserve(256);
    model::encode_observation(payload, obs, *crypto_);
    crypto::Signature sig;
    crypto_->hash_and_sign(our_, payload, sig);
    return sig;
}

PackedEvent Node::new_own_event(CauseKind cause) const {
    PackedEvent p;
    p.creator = our_.id;
    p.cause = cause;
    EventIndex last = peers_[model::kOurIndex].last_event();
    if (cause != CauseKind::Initial && last != model::kNoEvent) p.self_parent = graph_[last].hash;
    return p;
}

Status Node::add_own_event(PackedEvent packed) {
    thread_local core::Bytes content;  // reused: every own event is encoded here
    content.clear();
    model::encode_content(content, packed, *crypto_);
    const core::Hash32 hash = crypto_->hash_and_sign(our_, content, packed.signature);
    // Sealed under our crypto with the hash just computed; the seal verifies the signature.
    const auto sealed = std::make_shared<const model::SealedEvent>(std::move(packed), *crypto_, content, hash);
    PARSEC_ASSERT(sealed->signature_valid(), "our own signature must verify");
    model::Event ev;
    if (auto s = unpack_into(ev, sealed, hash); !s.ok()) return s;
    return add_event(std::move(ev));
}

bool Node::can_vote() const { return st::contains(peers_[model::kOurIndex].current_state(), st::kVote); }

Status Node::vote_for(const Observation& obs) {
    if (!can_vote()) return make_error("InvalidSelfState", "we may not vote");
    // Encoded once for the hash and the signature. Not a reused buffer: flushing pending events
    // below can process events, and a decision hook may vote.
    core::Bytes payload;
    payload.reserve(256);
    model::encode_observation(payload, obs, *crypto_);
    const core::Hash32 h = crypto_->hash(payload);
    KeyIndex k = store_.find(key_for(obs, model::kOurIndex, h));
    if (k != model::kNoKey && store_[k].created_by_us) return make_error("DuplicateVote", "we already voted for this");
    if (auto s = flush_pending_events(); !s.ok()) return s;
    PackedEvent p = new_own_event(CauseKind::Observation);
    p.vote = obs;
    crypto_->hash_and_sign(our_, payload, p.vote_signature);
    if (auto s = add_own_event(std::move(p)); !s.ok()) return s;
    // Sole-voter rule (spec §2.2 step 5): a Requesting event to ourselves lets a lone voter decide.
    if (election_.voters.size() == 1 && election_.voters.front() == model::kOurIndex) {
        PackedEvent r = new_own_event(CauseKind::Requesting);
        r.recipient = our_.id;
        return add_own_event(std::move(r));
    }
    return {};
}

std::vector<PeerId> Node::gossip_recipients() const {
    std::vector<PeerId> out;
    if (!st::contains(peers_[model::kOurIndex].current_state(), st::kSend)) return out;
    for (PeerIndex p = 1; p < peers_.size(); ++p)
        if (st::contains(peers_[p].current_state(), st::kDkg | st::kRecv)) out.push_back(peers_[p].id);
    return out;
}

Result<PeerIndex> Node::add_requesting_event(const PeerId& peer) {
    PeerIndex p = peers_.find(peer);
    if (p == model::kNoPeer) return make_error("UnknownPeer", peer.name);
    if (!st::contains(peers_[model::kOurIndex].current_state(), st::kSend))
        return make_error("InvalidSelfState", "we may not send gossip");
    if (!st::contains(peers_[p].current_state(), st::kDkg | st::kRecv))
        return make_error("InvalidPeerState", peer.name + " may not receive gossip");
    PackedEvent r = new_own_event(CauseKind::Requesting);
    r.recipient = peer;
    if (auto s = add_own_event(std::move(r)); !s.ok()) return s.error();
    return p;
}

Result<model::Message> Node::create_gossip(const PeerId& peer) {
    auto added = add_requesting_event(peer);
    if (!added.ok()) return added.error();
    const PeerIndex p = added.value();
    if (peers_[p].slots.empty()) {
        std::vector<EventIndex> all(graph_.size());
        for (EventIndex i = 0; i < all.size(); ++i) all[i] = i;
        return pack_all(all);
    }
    return pack_all(events_to_gossip_to_peer(p));
}

Status Node::create_gossip_event(const PeerId& peer) {
    auto added = add_requesting_event(peer);
    if (!added.ok()) return added.error();
    return {};
}

std::vector<EventIndex> Node::events_to_gossip_to_peer(PeerIndex peer) const {
    const auto& a = graph_[peers_[peer].last_event()].ancestors;
    // Reserved for the events past each creator's known index (a slot holds one event unless
    // its creator forked), not for a share of the graph: a quarter of it is 100 KB per gossip
    // at 100k events.
    std::size_t expected = 16;
    for (PeerIndex q = 0; q < peers_.size(); ++q) {
        const auto known = static_cast<std::size_t>(a.last_of(q) + 1);
        if (known < peers_[q].slots.size()) expected += peers_[q].slots.size() - known;
    }
    std::vector<EventIndex> out;
    out.reserve(expected);
    for (PeerIndex q = 0; q < peers_.size(); ++q) {
        const auto& slots = peers_[q].slots;
        std::int32_t known = a.last_of(q);
        for (size_t i = static_cast<size_t>(known + 1); i < slots.size(); ++i)
            out.insert(out.end(), slots[i].begin(), slots[i].end());
        if (known >= 0 && peers_[q].has_fork) {
            for (size_t i = 0; i <= static_cast<size_t>(known) && i < slots.size(); ++i)
                if (slots[i].size() > 1) out.insert(out.end(), slots[i].begin(), slots[i].end());
        }
    }
    core::sort_unique_indices(out);
    return out;
}

model::Message Node::pack_all(const std::vector<EventIndex>& events) const {
    // Each event is sent as the packed event it was made from, shared: nothing is copied.
    model::Message msg;
    msg.reserve(events.size());
    for (EventIndex i : events) msg.push_back(graph_[i].sealed);
    return msg;
}

Result<model::Message> Node::handle_request(const PeerId& src, const model::Message& msg,
                                            const std::vector<Observation>& dkg_votes) {
    return handle_message(MessageKind::Request, src, msg, dkg_votes, true);
}

Status Node::handle_request_discarding_response(const PeerId& src, const model::Message& msg,
                                                const std::vector<Observation>& dkg_votes) {
    auto r = handle_message(MessageKind::Request, src, msg, dkg_votes, false);
    if (!r.ok()) return r.error();
    return {};
}

Status Node::handle_response(const PeerId& src, const model::Message& msg, const std::vector<Observation>& dkg_votes) {
    auto r = handle_message(MessageKind::Response, src, msg, dkg_votes, false);
    if (!r.ok()) return r.error();
    return {};
}

Result<model::Message> Node::handle_message(MessageKind kind, const PeerId& src, const model::Message& msg,
                                            const std::vector<Observation>& dkg_votes, bool respond) {
    PeerIndex s = peers_.find(src);
    if (s == model::kNoPeer) return make_error("UnknownPeer", src.name);
    if (!st::contains(peers_[model::kOurIndex].current_state(), st::kRecv))
        return make_error("InvalidSelfState", "we may not receive gossip");
    if (!st::contains(peers_[s].current_state(), st::kSend))
        return make_error("InvalidPeerState", src.name + " may not send gossip");
    if (msg.empty()) return make_error("InvalidMessage", "empty message");
    core::Hash32 other_parent_hash{};
    received_events_ += msg.size();
    for (size_t i = 0; i < msg.size(); ++i) {
        // Four ahead, the shared packed event (last touched by another node); two ahead, the
        // graph's slots for its self-parent, found from it.
        if (i + 4 < msg.size()) {
            const char* p = reinterpret_cast<const char*>(msg[i + 4].get());
            for (std::size_t at = 0; at < 192; at += 64) __builtin_prefetch(p + at);
        }
        if (i + 2 < msg.size()) graph_.prefetch_find(msg[i + 2]->packed().self_parent);
        auto r = unpack_and_add(msg[i]);
        if (!r.ok()) {
            core::Error e = r.error();
            e.where = "message from " + src.name + ", event " + std::to_string(i);
            return e;
        }
        // The sync event's other-parent is the message's last event (spec §2.4 step 2).
        if (i + 1 == msg.size()) other_parent_hash = graph_[r.value()].hash;
    }
    // A peer that is not yet voted in must not gossip to us (spec §7.2): keep its events, no sync.
    if (options_.malice_detection && !model::state::contains(peers_[model::kOurIndex].current_state(), st::kDkg))
        return make_error("PrematureGossip", "we are not a member yet");
    for (const auto& obs : dkg_votes) {
        PackedEvent v = new_own_event(CauseKind::Observation);
        v.vote = obs;
        v.vote_signature = sign_vote(obs);
        if (auto st = add_or_queue_own_event(std::move(v)); !st.ok()) return st.error();
    }
    if (options_.malice_detection)
        if (auto st = create_accusation_events(graph_.find(other_parent_hash)); !st.ok()) return st.error();
    PackedEvent sync = new_own_event(kind == MessageKind::Request ? CauseKind::Request : CauseKind::Response);
    sync.other_parent = other_parent_hash;
    if (auto st = add_or_queue_own_event(std::move(sync)); !st.ok()) return st.error();
    if (auto st = flush_pending_events(); !st.ok()) return st.error();
    if (kind == MessageKind::Request && respond) return pack_all(events_to_gossip_to_peer(s));
    return model::Message{};
}

std::optional<Block> Node::poll() {
    while (!block_groups_.empty() && block_groups_.front().empty()) block_groups_.pop_front();
    if (block_groups_.empty()) return std::nullopt;
    Block b = std::move(block_groups_.front().front());
    block_groups_.front().erase(block_groups_.front().begin());
    return b;
}

}  // namespace parsec::node
