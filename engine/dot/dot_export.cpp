#include "dot/dot_export.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace parsec::dot {

using model::CauseKind;
using model::EventIndex;
using model::PeerIndex;
namespace st = model::state;

std::vector<std::string> short_peer_names(const std::vector<std::string>& ids) {
    std::vector<std::string> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    size_t l = 1;
    for (size_t i = 1; i < sorted.size(); ++i) {
        const auto& a = sorted[i - 1];
        const auto& b = sorted[i];
        size_t d = 0;
        while (d < a.size() && d < b.size() && a[d] == b[d]) ++d;
        l = std::max(l, d + 1);
    }
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back(id.substr(0, std::min(l, id.size())));
    return out;
}

static std::vector<std::string> sanitised_ids(const node::Node& n) {
    std::vector<std::string> ids;
    for (const auto& p : n.peers().all()) ids.push_back(model::sanitise(p.id.name));
    return ids;
}

std::vector<std::string> event_names(const node::Node& n) {
    auto shorts = short_peer_names(sanitised_ids(n));
    std::vector<std::string> names(n.graph().size());
    for (PeerIndex p = 0; p < n.peers().size(); ++p) {
        const auto& slots = n.peers()[p].slots;
        for (size_t i = 0; i < slots.size(); ++i)
            for (size_t k = 0; k < slots[i].size(); ++k) {
                std::string name = shorts[p] + "_" + std::to_string(i);
                if (slots[i].size() >= 2) name += "," + std::to_string(k);
                names[slots[i][k]] = std::move(name);
            }
    }
    return names;
}

static std::string state_text(std::uint8_t s) {
    std::vector<std::string> parts;
    if (st::contains(s, st::kVote)) parts.push_back("VOTE");
    else if (s & st::kDkg) parts.push_back("DKG");
    if (s & st::kSend) parts.push_back("SEND");
    if (s & st::kRecv) parts.push_back("RECV");
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? "|" : "") + parts[i];
    return out;
}

namespace {
struct NameCtx {
    const node::Node* node;
    const std::vector<std::string>* names;
};
std::string name_by_hash(const void* ctx, const core::Hash32& h) {
    const auto* c = static_cast<const NameCtx*>(ctx);
    EventIndex e = c->node->graph().find(h);
    return e == model::kNoEvent ? std::string("?") : (*c->names)[e];
}
}  // namespace

std::string display_key(const node::Node& n, model::KeyIndex key, const std::vector<std::string>& names) {
    NameCtx ctx{&n, &names};
    const auto& entry = n.store()[key];
    return model::display_observation(entry.observation, entry.key.hash, name_by_hash, &ctx);
}

static DotObservation to_dot_observation(const node::Node& n, model::KeyIndex key, const std::vector<std::string>& names) {
    const auto& obs = n.store()[key].observation;
    DotObservation d;
    using K = DotObservation::Kind;
    switch (obs.kind) {
        case model::ObsKind::Genesis: d.kind = K::Genesis; break;
        case model::ObsKind::Add: d.kind = K::Add; break;
        case model::ObsKind::Remove: d.kind = K::Remove; break;
        case model::ObsKind::Accusation: d.kind = K::Accusation; break;
        case model::ObsKind::StartDkg: d.kind = K::StartDkg; break;
        case model::ObsKind::DkgMessage: d.kind = K::DkgMessage; break;
        default: d.kind = K::OpaquePayload; break;
    }
    for (const auto& id : obs.group) d.group.push_back(obs.kind == model::ObsKind::StartDkg ? id.name : model::sanitise(id.name));
    d.peer = model::sanitise(obs.peer.name);
    d.payload = model::sanitise(obs.payload);
    d.dkg_bytes = obs.dkg_message;
    if (obs.malice) {
        d.malice_kind = obs.malice->kind == model::MaliceKind::Fork ? "Fork" : "InvalidAccusation";
        NameCtx ctx{&n, &names};
        d.malice_event = name_by_hash(&ctx, obs.malice->hash_a);
    }
    d.text = display_key(n, key, names);
    if (obs.kind == model::ObsKind::OpaquePayload) d.payload = d.text.substr(14, d.text.size() - 15);
    return d;
}

static void export_events(const node::Node& n, const std::vector<std::string>& names,
                          const std::vector<std::string>& ids, DotFile& f) {
    const auto& g = n.graph();
    std::vector<std::vector<EventIndex>> by_creator(n.peers().size());
    for (EventIndex i = 0; i < g.size(); ++i) by_creator[g[i].creator].push_back(i);
    for (PeerIndex p = 0; p < by_creator.size(); ++p) {
        for (EventIndex i : by_creator[p]) {
            const auto& e = g[i];
            DotEvent d;
            d.name = names[i];
            d.creator = ids[p];
            if (e.self_parent != model::kNoEvent) d.self_parent = names[e.self_parent];
            if (e.other_parent != model::kNoEvent) d.other_parent = names[e.other_parent];
            d.cause = static_cast<DotCause>(e.cause == CauseKind::Initial ? 0 : static_cast<int>(e.cause) + 1);
            if (e.cause == CauseKind::Requesting) d.recipient = ids[e.recipient];
            if (e.cause == CauseKind::Observation) d.observation = to_dot_observation(n, e.key, names);
            std::vector<std::pair<std::string, std::uint64_t>> la;
            for (PeerIndex q = 0; q < e.ancestors.last.size(); ++q)
                if (e.ancestors.last[q] >= 0) la.emplace_back(ids[q], static_cast<std::uint64_t>(e.ancestors.last[q]));
            std::sort(la.begin(), la.end());
            d.last_ancestors = std::move(la);
            d.index_by_creator = e.index_by_creator;
            d.has_fork_suffix = n.peers()[p].slots[e.index_by_creator].size() >= 2;
            d.fork_k = d.has_fork_suffix ? e.fork_number : 0;
            f.events.push_back(std::move(d));
        }
    }
}

static char set_char(std::uint8_t s) { return s == 0 ? '-' : s == election::kTrue ? 't' : s == election::kFalse ? 'f' : 'b'; }

static void export_election(const node::Node& n, const std::vector<std::string>& names,
                            const std::vector<std::string>& ids, DotFile& f) {
    const auto& me = n.election();
    const auto shorts = short_peer_names(ids);
    for (auto k : me.consensus_history) f.consensus_history.push_back(core::to_hex(n.store()[k].key.hash));
    std::vector<std::pair<std::string, std::vector<std::string>>> ie;
    for (const auto& [p, events] : me.interesting_events) {
        std::vector<std::string> evs;
        for (auto e : events.events) evs.push_back(names[e]);
        ie.emplace_back(ids[p], std::move(evs));
    }
    std::sort(ie.begin(), ie.end());
    f.interesting_events = std::move(ie);
    for (auto v : me.voters) f.all_voters.push_back(ids[v]);
    std::sort(f.all_voters.begin(), f.all_voters.end());
    for (auto e : me.unconsensused_events) f.unconsensused_events.push_back(names[e]);
    std::sort(f.unconsensused_events.begin(), f.unconsensused_events.end());

    // Keyed by (creator id, index_by_creator): one member of a forked slot survives (spec §9.3).
    std::map<std::pair<std::string, std::uint32_t>, DotMetaEvent> by_slot;
    for (EventIndex i = me.meta_floor; i < me.meta_events.size(); ++i) {
        const auto* m = me.meta_events[i].get();
        if (!m) continue;
        const auto& e = n.graph()[i];
        DotMetaEvent d;
        d.event = names[i];
        for (auto p : m->observees) d.observees.push_back(ids[p]);
        std::sort(d.observees.begin(), d.observees.end());
        for (auto k : m->interesting_content) d.interesting_content.push_back(display_key(n, k, names));
        d.has_meta_votes = !m->meta_votes.empty();
        for (const auto& [p, list] : m->meta_votes) {
            std::vector<DotMetaVote> votes;
            for (const auto& v : list) {
                DotMetaVote dv;
                dv.round = v.round;
                dv.step = static_cast<std::uint32_t>(v.step);
                if (v.decided) {
                    dv.est = dv.bin = dv.aux = dv.dec = v.decision ? 't' : 'f';
                } else {
                    dv.est = set_char(v.est);
                    dv.bin = set_char(v.bin);
                    dv.aux = v.aux < 0 ? '-' : v.aux ? 't' : 'f';
                }
                votes.push_back(dv);
            }
            d.meta_votes.emplace_back(shorts[p], std::move(votes));
        }
        std::sort(d.meta_votes.begin(), d.meta_votes.end(), [](auto& a, auto& b) { return a.first < b.first; });
        by_slot[{ids[e.creator], e.index_by_creator}] = std::move(d);
    }
    for (auto& [k, d] : by_slot) f.meta_events.push_back(std::move(d));
}

DotFile export_node(const node::Node& n, const std::vector<std::string>* names_in) {
    std::vector<std::string> own_names;
    if (!names_in) own_names = event_names(n);
    const auto& names = names_in ? *names_in : own_names;
    const auto ids = sanitised_ids(n);
    DotFile f;
    f.our_id = ids[0];
    for (PeerIndex p = 0; p < n.peers().size(); ++p) f.peers.push_back({ids[p], state_text(n.peers()[p].current_state())});
    f.consensus_mode = n.options().mode == model::ConsensusMode::Single ? "Single" : "Supermajority";
    f.has_consensus_mode = true;
    export_events(n, names, ids, f);
    export_election(n, names, ids, f);
    return f;
}

}  // namespace parsec::dot
