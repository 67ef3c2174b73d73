// Malice detection (spec §7): checks on every received event before admission (§7.1), premature
// gossip (§7.2) and our accusations as votes (§7.3). Off by default, as in the reference's recordings.
#include <algorithm>

#include "core/assert.hpp"
#include "node/node.hpp"

namespace parsec::node {

using core::make_error;
using model::CauseKind;
using model::Malice;
using model::MaliceKind;

namespace {
Malice hash_malice(MaliceKind kind, const core::Hash32& a, const core::Hash32& b = core::kZeroHash) {
    Malice m;
    m.kind = kind;
    m.hash_a = a;
    m.hash_b = b;
    return m;
}
Malice packed_malice(MaliceKind kind, const model::PackedEvent& p, const crypto::Crypto& crypto) {
    Malice m;
    m.kind = kind;
    model::encode_content(m.packed_event, p, crypto);
    m.packed_event.insert(m.packed_event.end(), p.signature.bytes.begin(),
                          p.signature.bytes.begin() + static_cast<long>(crypto.signature_size()));
    return m;
}
}  // namespace

const std::vector<crypto::PeerId>& Node::genesis_group(std::vector<crypto::PeerId>& scratch) const {
    // The stored group by reference: this runs for every received event, and a copy of the
    // group (every id's name string) cost more than the checks that use it.
    for (const auto& e : graph_.events())
        if (e.key != model::kNoKey && store_[e.key].observation.kind == model::ObsKind::Genesis)
            return store_[e.key].observation.group;
    scratch.clear();
    for (const auto& p : peers_.all())
        if (model::state::contains(p.current_state(), model::state::kVote)) scratch.push_back(p.id);
    std::sort(scratch.begin(), scratch.end());
    return scratch;
}

bool Node::have_accused(PeerIndex offender, const Malice& malice) const {
    auto same = [&](const auto& a) { return a.first == offender && a.second == malice; };
    return std::any_of(pending_accusations_.begin(), pending_accusations_.end(), same) ||
           std::any_of(made_accusations_.begin(), made_accusations_.end(), same);
}

void Node::accuse(PeerIndex offender, Malice malice) {
    if (!have_accused(offender, malice)) pending_accusations_.emplace_back(offender, std::move(malice));
}

// spec §7.1 "valid sync event".
bool Node::is_valid_sync(const model::Event& e) const {
    auto awaiting = [&](EventIndex x) { return std::find(awaiting_.begin(), awaiting_.end(), x) != awaiting_.end(); };
    if (e.cause == CauseKind::Request) {
        if (e.other_parent == model::kNoEvent) return false;
        const auto& op = graph_[e.other_parent];
        return op.cause == CauseKind::Requesting && op.recipient == e.creator && awaiting(e.other_parent);
    }
    if (e.cause == CauseKind::Response) {
        if (e.other_parent == model::kNoEvent) return false;
        EventIndex q = model::is_sync(graph_[e.other_parent].cause) ? e.other_parent
                                                                     : graph::self_sync_parent(graph_, e.other_parent);
        if (q == model::kNoEvent || graph_[q].cause != CauseKind::Request) return false;
        const auto& qe = graph_[q];
        return qe.other_parent != model::kNoEvent && graph_[qe.other_parent].creator == e.creator && awaiting(q);
    }
    return true;
}

void Node::update_awaiting(EventIndex i) {
    const auto& e = graph_[i];
    auto erase = [&](EventIndex x) { awaiting_.erase(std::remove(awaiting_.begin(), awaiting_.end(), x), awaiting_.end()); };
    if (e.cause == CauseKind::Requesting || e.cause == CauseKind::Request) awaiting_.push_back(i);
    if (e.cause == CauseKind::Request) erase(e.other_parent);
    if (e.cause == CauseKind::Response && e.other_parent != model::kNoEvent) {
        EventIndex q = model::is_sync(graph_[e.other_parent].cause) ? e.other_parent
                                                                     : graph::self_sync_parent(graph_, e.other_parent);
        if (q != model::kNoEvent) erase(q);
    }
}

Status Node::detect_malice(const model::Event& e, const model::PackedEvent& packed) {
    const bool genesis_vote = e.key != model::kNoKey && store_[e.key].observation.kind == model::ObsKind::Genesis;
    std::vector<crypto::PeerId> scratch;
    const auto& group = genesis_group(scratch);
    // Rejections (#1-#4): the event is not inserted.
    if (genesis_vote && store_[e.key].observation.group != group) {
        accuse(e.creator, packed_malice(MaliceKind::IncorrectGenesis, packed, *crypto_));
        return make_error("InvalidEvent", "incorrect genesis group");
    }
    if (e.other_parent != model::kNoEvent && graph_[e.other_parent].creator == e.creator) {
        accuse(e.creator, packed_malice(MaliceKind::OtherParentBySameCreator, packed, *crypto_));
        return make_error("InvalidEvent", "other-parent by the same creator");
    }
    if ((e.cause == CauseKind::Request || e.cause == CauseKind::Response) && !is_valid_sync(e)) {
        accuse(e.creator, packed_malice(e.cause == CauseKind::Request ? MaliceKind::InvalidRequest
                                                                      : MaliceKind::InvalidResponse,
                                        packed, *crypto_));
        return make_error("InvalidEvent", "invalid sync event");
    }
    // Accepted with an accusation (#5-#9).
    const bool in_group = std::find(group.begin(), group.end(), peers_[e.creator].id) != group.end();
    if (genesis_vote) {
        bool after_initial = e.self_parent != model::kNoEvent && graph_[e.self_parent].cause == CauseKind::Initial;
        if (!in_group || !after_initial) accuse(e.creator, hash_malice(MaliceKind::UnexpectedGenesis, e.hash));
    } else if (e.index_by_creator == 1 && in_group) {
        accuse(e.creator, hash_malice(MaliceKind::MissingGenesis, e.hash));
    }
    if (e.key != model::kNoKey) {
        std::vector<EventIndex> same;
        for (EventIndex x : store_[e.key].vote_events)
            if (graph_[x].creator == e.creator) same.push_back(x);
        if (same.size() == 1) accuse(e.creator, hash_malice(MaliceKind::DuplicateVote, graph_[same[0]].hash, e.hash));
    }
    if (e.self_parent != model::kNoEvent) {
        const auto& slot = peers_.events_by_index(e.creator, e.index_by_creator);
        size_t siblings = 0;
        for (EventIndex x : slot)
            if (graph_[x].self_parent == e.self_parent) ++siblings;
        if (siblings == 1) accuse(e.creator, hash_malice(MaliceKind::Fork, graph_[e.self_parent].hash));
    }
    if (model::is_sync(e.cause)) {
        for (EventIndex a = e.self_parent; a != model::kNoEvent; a = graph_[a].self_parent) {
            const auto& ae = graph_[a];
            if (ae.key == model::kNoKey || store_[ae.key].observation.kind != model::ObsKind::Accusation) break;
            const auto& obs = store_[ae.key].observation;
            PeerIndex offender = peers_.find(obs.peer);
            if (offender == model::kNoPeer || !obs.malice || obs.malice->kind == MaliceKind::Unprovable) continue;
            if (!have_accused(offender, *obs.malice))
                accuse(e.creator, hash_malice(MaliceKind::InvalidAccusation, ae.hash));
        }
    }
    return {};
}

// spec §7.3: each pending accusation becomes our vote once every accused event we hold is an
// ancestor of our last event or of the message's other-parent.
Status Node::create_accusation_events(EventIndex other_parent) {
    if (!has_own_events()) return {};  // a joining node accuses once it has an Initial event
    std::vector<std::pair<PeerIndex, Malice>> still_pending;
    auto pending = std::move(pending_accusations_);
    pending_accusations_.clear();
    for (auto& [offender, malice] : pending) {
        std::vector<core::Hash32> accused;
        if (malice.kind == MaliceKind::DuplicateVote) accused = {malice.hash_a, malice.hash_b};
        else if (malice.packed_event.empty() && malice.kind != MaliceKind::Unprovable) accused = {malice.hash_a};
        bool ready = true;
        EventIndex last = peers_[model::kOurIndex].last_event();
        for (const auto& h : accused) {
            EventIndex x = graph_.find(h);
            if (x == model::kNoEvent) continue;
            bool covered = graph::is_descendant_of(graph_[last], graph_[x]) ||
                           (other_parent != model::kNoEvent && graph::is_descendant_of(graph_[other_parent], graph_[x]));
            ready = ready && covered;
        }
        if (!ready) {
            still_pending.emplace_back(offender, std::move(malice));
            continue;
        }
        auto obs = model::Observation::accusation(peers_[offender].id, malice);
        model::PackedEvent v = new_own_event(CauseKind::Observation);
        v.vote = obs;
        v.vote_signature = sign_vote(obs);
        made_accusations_.emplace_back(offender, std::move(malice));
        if (auto s = add_own_event(std::move(v)); !s.ok()) return s;
    }
    pending_accusations_ = std::move(still_pending);
    return {};
}

}  // namespace parsec::node
