// Inserting events and processing them: admission (spec §2.4), the processing loop (§4.6),
// blocks (§6.3) and what each decided payload does (§8.1, §8.3).
#include <algorithm>

#include "core/assert.hpp"
#include "node/node.hpp"

namespace parsec::node {

using core::make_error;
using model::CauseKind;
using model::PackedEvent;
namespace st = model::state;

// The refusal of an event whose signature is not its creator's (checked in two places).
static core::Error bad_event_signature(const PackedEvent& packed) {
    return make_error("SignatureFailure", "event signature does not match creator " + packed.creator.name);
}

election::ObservationKey Node::key_for(const Observation& obs, PeerIndex creator, const core::Hash32& hash) const {
    election::ObservationKey key{hash, model::kNoPeer};
    if (election::mode_of(obs, options_.mode) == model::ConsensusMode::Single) key.creator = creator;
    return key;
}

core::Hash32 Node::checked_hash(const model::SealedEvent& sealed, bool& valid) const {
    if (sealed.sealed_under(*crypto_)) {
        valid = sealed.signature_valid();
        return sealed.hash();
    }
    thread_local core::Bytes content;  // reused: an event sealed under another scheme is encoded here
    content.clear();
    model::encode_content(content, sealed.packed(), *crypto_);
    return crypto_->hash_and_verify(sealed.packed().creator, content, sealed.packed().signature, valid);
}

Result<model::Event> Node::unpack(const model::SealedRef& sealed) {
    model::Event e;
    bool valid = false;
    const core::Hash32 h = checked_hash(*sealed, valid);
    if (!valid) return bad_event_signature(sealed->packed());
    if (auto s = unpack_into(e, sealed, h); !s.ok()) return s.error();
    return e;
}

Status Node::unpack_into(model::Event& e, const model::SealedRef& sealed, const core::Hash32& hash) {
    const PackedEvent& packed = sealed->packed();
    if (e.creator == model::kNoPeer) e.creator = peers_.find(packed.creator);
    if (e.creator == model::kNoPeer) return make_error("UnknownPeer", "creator " + packed.creator.name);
    e.hash = hash;
    e.cause = packed.cause;
    e.sealed = sealed;
    if (packed.cause != CauseKind::Initial) {
        e.self_parent = find_self_parent(e.creator, packed.self_parent);
        if (e.self_parent == model::kNoEvent) return make_error("UnknownSelfParent", "event by " + packed.creator.name);
        const auto& sp = graph_[e.self_parent];
        // Not a malice check: an event chained onto another creator's event would corrupt the slots.
        if (sp.creator != e.creator) {
            if (options_.malice_detection && e.creator != model::kOurIndex) {
                model::Malice m;
                m.kind = model::MaliceKind::SelfParentByDifferentCreator;
                model::encode_content(m.packed_event, packed, *crypto_);
                accuse(e.creator, std::move(m));
            }
            return make_error("InvalidEvent", "self-parent by a different creator");
        }
        e.index_by_creator = sp.index_by_creator + 1;
    }
    if (packed.cause == CauseKind::Request || packed.cause == CauseKind::Response) {
        e.other_parent = graph_.find(packed.other_parent);
        if (e.other_parent == model::kNoEvent)
            return make_error("UnknownOtherParent", "event by " + packed.creator.name);
    }
    if (packed.cause == CauseKind::Requesting) {
        e.recipient = peers_.find(packed.recipient);
        if (e.recipient == model::kNoPeer) return make_error("UnknownPeer", "recipient " + packed.recipient.name);
    }
    if (packed.cause == CauseKind::Observation) {
        thread_local core::Bytes payload;  // reused: every vote is encoded here
        payload.clear();
        model::encode_observation(payload, packed.vote, *crypto_);
        bool valid = false;
        const core::Hash32 h = crypto_->hash_and_verify(packed.creator, payload, packed.vote_signature, valid);
        if (!valid)
            return make_error("SignatureFailure", "vote signature does not match creator " + packed.creator.name);
        e.key = store_.insert(key_for(packed.vote, e.creator, h), packed.vote);
    }
    if (e.index_by_creator > peers_[e.creator].slots.size())
        return make_error("InvalidEvent", "index_by_creator beyond the creator's known events");
    graph::compute_ancestor_info(e, graph_, peers_);
    return {};
}

Result<EventIndex> Node::unpack_and_add(const model::SealedRef& sealed) {
    // Skip events we already hold before doing any more work (spec §2.4 step 3a). A message
    // carries every event its sender cannot tell we hold, so in a busy cluster most of them are
    // held: those are recognised by their fields first, without looking at their hashes.
    const PackedEvent& packed = sealed->packed();
    const PeerIndex sender = peers_.find(packed.creator);  // looked up once for every step
    EventIndex self_parent = model::kNoEvent;
    const graph::Slot& place = held_place(sender, packed, self_parent);
    if (EventIndex held = find_held_copy(place, self_parent, *sealed); held != model::kNoEvent) {
        ++received_held_;
        return held;
    }
    bool valid = false;  // acted on only once the event is known not to be held, as before
    const core::Hash32 h = checked_hash(*sealed, valid);
    graph_.prefetch_slot(h);  // an event not held is inserted below
    // A held event with this hash has this content (spec §1.5: the hash commits to the creator
    // and self-parent), so it is at `place`.
    for (EventIndex e : place)  // usually none
        if (core::same_hash(graph_[e].hash, h)) {
            ++received_held_;
            return e;
        }
    if (sender != model::kNoPeer && !valid)  // (an unknown creator is reported by unpack_into)
        return bad_event_signature(packed);
    model::Event ev;  // filled in place: a returned event would be copied once more
    ev.creator = sender;
    if (auto s = unpack_into(ev, sealed, h); !s.ok()) return s.error();
    if (options_.malice_detection && ev.creator != model::kOurIndex)
        if (auto s = detect_malice(ev, packed); !s.ok()) return s.error();
    PeerIndex creator = ev.creator;
    // add_event inserts first, before processing can add anything: the event lands at this index.
    const auto index = static_cast<EventIndex>(graph_.size());
    if (auto s = add_event(std::move(ev)); !s.ok()) return s.error();
    PARSEC_ASSERT(graph_[index].hash == h, "the received event is not where add_event put it");
    peers_.change_state(creator, st::kRecv);
    return index;
}

EventIndex Node::find_self_parent(PeerIndex creator, const core::Hash32& h) const {
    const EventIndex last = peers_[creator].last_event();
    if (last != model::kNoEvent && core::same_hash(graph_[last].hash, h)) return last;
    return graph_.find(h);
}

const graph::Slot& Node::held_place(PeerIndex creator, const PackedEvent& packed, EventIndex& self_parent) const {
    static const graph::Slot kNowhere;
    self_parent = model::kNoEvent;
    if (creator == model::kNoPeer) return kNowhere;
    std::uint32_t index = 0;
    if (packed.cause != CauseKind::Initial) {
        self_parent = find_self_parent(creator, packed.self_parent);
        if (self_parent == model::kNoEvent) return kNowhere;
        index = graph_[self_parent].index_by_creator + 1;
    }
    return peers_.events_by_index(creator, index);
}

EventIndex Node::find_held_copy(const graph::Slot& place, EventIndex self_parent,
                                 const model::SealedEvent& sealed) const {
    // The creator is the place's (PeerList::find compares name and key) and the self-parent hash
    // is self_parent's; what else encode_content reads depends on the cause. The very event we
    // hold (one relayed to us again) is that one without comparing anything.
    const PackedEvent& packed = sealed.packed();
    for (EventIndex e : place) {
        const model::Event& x = graph_[e];
        if (x.sealed.get() == &sealed) return e;
        if (x.cause != packed.cause || x.self_parent != self_parent) continue;
        switch (packed.cause) {
            case CauseKind::Requesting:
                if (x.recipient != model::kNoPeer && peers_[x.recipient].id == packed.recipient) return e;
                break;
            case CauseKind::Request:
            case CauseKind::Response:
                if (core::same_hash(graph_[x.other_parent].hash, packed.other_parent)) return e;
                break;
            case CauseKind::Observation:
                if (x.key != model::kNoKey && x.vote_signature() == packed.vote_signature &&
                    store_[x.key].observation == packed.vote)
                    return e;
                break;
            case CauseKind::Initial:
                return e;
        }
    }
    return model::kNoEvent;
}

Status Node::add_event(model::Event&& e) {
    const bool ours = e.creator == model::kOurIndex;
    if (!ours) {
        const auto& creator = peers_[e.creator];
        bool admitted = st::contains(creator.current_state(), st::kSend);
        // A removed peer's events are still accepted while they do not descend from the event
        // at which we decided the removal: it may not know yet (spec §2.4 step 2).
        if (!admitted && creator.removed && creator.removal_event != model::kNoEvent)
            admitted = !graph::is_descendant_of(e, graph_[creator.removal_event]);
        if (!admitted) {
            const std::string event = creator.id.name + "'s event #" + std::to_string(e.index_by_creator);
            if (creator.removed && creator.removal_event != model::kNoEvent)
                return make_error("InvalidPeerState", event + " descends from the event at which we decided " +
                                                          creator.id.name + "'s removal");
            return make_error("InvalidPeerState", event + ": " + creator.id.name + " may not send events");
        }
    }
    // Our own sync event must be valid too; failure aborts the message (spec §2.4 step 7).
    if (ours && options_.malice_detection && !is_valid_sync(e))
        return make_error("InvalidMessage", "our sync event would not be valid");
    PARSEC_ASSERT(!(ours && e.cause == CauseKind::Initial && !peers_[model::kOurIndex].slots.empty()),
                  "our Initial event may not be added twice");
    bool unconsensused = false;
    if (e.key != model::kNoKey) {
        if (ours) store_[e.key].created_by_us = true;
        unconsensused = !store_[e.key].consensused;
    }
    const std::uint32_t index_by_creator = e.index_by_creator;
    const PeerIndex creator = e.creator;
    const KeyIndex key = e.key;
    EventIndex idx = graph_.insert(std::move(e));
    peers_.add_event_to_slot(creator, index_by_creator, idx);
    if (key != model::kNoKey) store_[key].vote_events.push_back(idx);
    if (unconsensused) election::add_unconsensused(election_, idx, graph_[idx], store_[key].key.is_single());
    if (options_.malice_detection) update_awaiting(idx);
    if (peers_[model::kOurIndex].removed) return {};
    return process_events(idx);
}

Status Node::process_events(EventIndex start) {
    for (;;) {
        const auto end = static_cast<EventIndex>(graph_.size());
        bool restarted = false;
        for (EventIndex i = start; i < end; ++i) {
            // Two events ahead, so both are in cache when processing gets there.
            election::prefetch_meta_event(election_, i + 2);
            if (i + 2 < end) graph_.prefetch_event(i + 2);
            ++processed_events_;
            auto r = process_event(i);
            if (!r.ok()) return r.error();
            EventIndex s = r.value();
            // Restart only jumps backwards; a later restart index behaves like "continue" (§4.6).
            if (s != model::kNoEvent && s <= i) {
                reprocessed_events_ += i + 1 - s;  // [s, i] is processed again
                start = s;
                restarted = true;
                break;
            }
        }
        if (!restarted) return {};
    }
}

Result<EventIndex> Node::process_event(EventIndex i) {
    if (peers_[model::kOurIndex].current_state() == 0) return model::kNoEvent;
    auto ctx = context();
    election::create_needed_meta_event(election_, ctx, i);
    std::vector<KeyIndex> keys = election::compute_consensus(election_, ctx, i);
    if (keys.empty()) return model::kNoEvent;
    if (decision_hook_) decision_hook_(*this, i, keys);
    if (auto s = create_blocks(keys); !s.ok()) return s.error();
    for (KeyIndex k : keys) store_[k].consensused = true;
    std::vector<election::MembershipChange> changes;
    for (KeyIndex k : keys) handle_consensus(k, i, changes);
    decisions_.push_back(Decision{i, keys});
    return election::new_election(election_, context(), keys, changes);
}

Status Node::create_blocks(const std::vector<KeyIndex>& keys) {
    std::vector<Block> group;
    group.reserve(keys.size());
    for (KeyIndex k : keys) {
        const auto& obs = store_[k].observation;
        if (obs.kind == model::ObsKind::StartDkg || obs.kind == model::ObsKind::DkgMessage) continue;
        std::vector<Proof> proofs;
        if (const auto* votes = election_.unconsensused_by_key.find(k)) {
            proofs.reserve(votes->votes.size());
            for (const auto& vote : votes->votes) {
                const auto& ue = graph_[vote.event];
                if (!election_.is_voter(ue.creator)) continue;
                const PeerId& id = peers_[ue.creator].id;
                auto p = std::find_if(proofs.begin(), proofs.end(), [&](const Proof& x) { return x.id == id; });
                if (p != proofs.end()) p->signature = ue.vote_signature();  // a later duplicate replaces
                else proofs.push_back(Proof{id, ue.vote_signature()});
            }
        }
        if (proofs.empty()) continue;  // MissingVotes: the block is dropped (spec §6.3)
        std::sort(proofs.begin(), proofs.end(), [](const Proof& a, const Proof& b) { return a.id < b.id; });
        group.push_back(Block{obs, std::move(proofs)});
    }
    if (!group.empty()) block_groups_.push_back(std::move(group));
    return {};
}

bool Node::new_peer_can_recv(PeerIndex x) const {
    for (PeerIndex p = 1; p < peers_.size(); ++p) {
        if (p == x) continue;
        std::uint8_t s = peers_[p].current_state();
        if (st::contains(s, st::kVote) && !st::contains(s, st::kRecv)) return false;
    }
    return true;
}

void Node::handle_consensus(KeyIndex key, EventIndex deciding_event, std::vector<election::MembershipChange>& changes) {
    const Observation& obs = store_[key].observation;
    // One decision can carry several keys about the same peer (two accusations of one forker, or
    // an accusation and a Remove): the voter set changes once.
    auto add_change = [&changes](election::MembershipChange::Kind kind, PeerIndex p) {
        for (const auto& c : changes)
            if (c.peer == p) return;
        changes.push_back({kind, p});
    };
    switch (obs.kind) {
        case model::ObsKind::Add: {
            PeerIndex p = peers_.find(obs.peer);
            std::uint8_t bits = st::kVote | st::kSend;
            if (p == model::kNoPeer) {
                p = peers_.add(obs.peer, 0);
            }
            if (new_peer_can_recv(p)) bits |= st::kRecv;
            peers_.change_state(p, bits);
            // We were voted in: our Initial event appears now, unprocessed (spec §8.1).
            if (p == model::kOurIndex && !has_own_events()) insert_our_initial_event();
            if (!election_.is_voter(p)) add_change(election::MembershipChange::Kind::Add, p);
            break;
        }
        case model::ObsKind::Remove:
        case model::ObsKind::Accusation: {
            PeerIndex p = peers_.find(obs.peer);
            if (p == model::kNoPeer) break;
            peers_[p].removed = true;
            peers_[p].removal_event = deciding_event;
            if (election_.is_voter(p)) add_change(election::MembershipChange::Kind::Remove, p);
            break;
        }
        case model::ObsKind::StartDkg:
            for (const auto& id : obs.group) {
                PeerIndex p = peers_.find(id);
                if (p == model::kNoPeer) p = peers_.add(id, 0);
                if (st::contains(peers_[p].current_state(), st::kDkg)) continue;
                std::uint8_t bits = st::kDkg | st::kSend;
                if (new_peer_can_recv(p)) bits |= st::kRecv;
                peers_.change_state(p, bits);
            }
            break;
        default:
            break;  // OpaquePayload, Genesis, DKG messages: no state change (key generation is out of scope)
    }
}

}  // namespace parsec::node
