#include "dot/dot_replay.hpp"
#include "dot/dot_replay_internal.hpp"

#include <algorithm>
#include <map>
#include <queue>
#include <unordered_map>

namespace parsec::dot {

using core::make_error;
using model::CauseKind;
using model::Observation;

namespace {

std::string prefix_of(const std::string& name) { return name.substr(0, name.find('_')); }

std::string where(std::string_view file_name, const DotEvent& e) {
    return std::string(file_name) + ":" + std::to_string(e.line);
}

struct PeerIds {  // mock ids by name
    crypto::MockCrypto mock;
    std::map<std::string, crypto::PeerId> ids;
    const crypto::PeerId& get(const std::string& name) {
        auto it = ids.find(name);
        if (it == ids.end()) it = ids.emplace(name, mock.make_identity(name, {}).id).first;
        return it->second;
    }
};

core::Result<Observation> to_observation(const DotObservation& o, PeerIds& ids) {
    using K = DotObservation::Kind;
    switch (o.kind) {
        case K::Genesis: {
            std::vector<crypto::PeerId> group;
            for (const auto& n : o.group) group.push_back(ids.get(n));
            return Observation::genesis(std::move(group));
        }
        case K::Add: return Observation::add(ids.get(o.peer));
        case K::Remove: return Observation::remove(ids.get(o.peer));
        case K::OpaquePayload: return Observation::opaque(o.payload);
        case K::StartDkg: {
            Observation s;
            s.kind = model::ObsKind::StartDkg;
            for (const auto& n : o.group) s.group.push_back(ids.get(n));
            std::sort(s.group.begin(), s.group.end());
            return s;
        }
        case K::DkgMessage: {
            Observation d;
            d.kind = model::ObsKind::DkgMessage;
            d.dkg_message = o.dkg_bytes;
            return d;
        }
        case K::Accusation: return make_error("Unsupported", "accusations cannot be replayed (spec §9.6)");
    }
    return make_error("Unsupported", "unknown observation");
}

}  // namespace

std::vector<size_t> parsed_insertion_order(const DotFile& file) {
    // Peer index: us first, the others in sorted id order (spec §9.5).
    std::vector<std::string> names;
    for (const auto& p : file.peers) names.push_back(p.id);
    std::sort(names.begin(), names.end());
    std::map<std::string, size_t> peer_index;
    peer_index[file.our_id] = 0;
    for (const auto& n : names)
        if (n != file.our_id) peer_index.emplace(n, peer_index.size());

    std::map<std::pair<size_t, std::string>, std::vector<size_t>> groups;
    for (size_t i = 0; i < file.events.size(); ++i) {
        const auto& e = file.events[i];
        auto pi = peer_index.count(e.creator) ? peer_index[e.creator] : peer_index.size();
        groups[{pi, prefix_of(e.name)}].push_back(i);
    }
    std::vector<std::vector<size_t>> queues;
    for (auto& [k, v] : groups) {
        std::stable_sort(v.begin(), v.end(), [&](size_t a, size_t b) {
            const auto& x = file.events[a];
            const auto& y = file.events[b];
            if (x.index_by_creator != y.index_by_creator) return x.index_by_creator < y.index_by_creator;
            return x.fork_k < y.fork_k;
        });
        queues.push_back(std::move(v));
    }
    std::unordered_map<std::string, bool> inserted;
    std::unordered_map<std::string, bool> exists;
    for (const auto& e : file.events) exists[e.name] = true;
    auto ready = [&](const std::string& parent) { return parent.empty() || !exists.count(parent) || inserted.count(parent); };
    std::vector<size_t> heads(queues.size(), 0), order;
    order.reserve(file.events.size());
    while (order.size() < file.events.size()) {
        bool progressed = false;
        for (size_t g = 0; g < queues.size(); ++g) {
            if (heads[g] >= queues[g].size()) continue;
            const auto& e = file.events[queues[g][heads[g]]];
            if (ready(e.self_parent) && ready(e.other_parent)) {
                order.push_back(queues[g][heads[g]++]);
                inserted[e.name] = true;
                progressed = true;
                break;
            }
        }
        if (!progressed) break;  // a cycle: the caller reports the events left out
    }
    return order;
}

core::Result<ReplayPlan> plan_replay(const DotFile& file, std::string_view file_name) {
    ReplayPlan plan;
    PeerIds ids;
    plan.our_id = ids.get(file.our_id);
    plan.our_identity = ids.mock.make_identity(file.our_id, {});
    plan.mode = file.consensus_mode == "Single" ? model::ConsensusMode::Single : model::ConsensusMode::Supermajority;
    std::vector<size_t> order = parsed_insertion_order(file);
    if (order.size() != file.events.size())
        return make_error("InvalidGraph", "the parents of some events form a cycle or never appear",
                          std::string(file_name));

    // Rebuild every event in parsed order with mock keys (spec §9.5).
    crypto::MockCrypto mock;
    std::unordered_map<std::string, size_t> pos_of;  // event name -> position in `order`
    std::vector<model::SealedRef> sealed;  // as the replay's messages carry them
    sealed.reserve(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
        const DotEvent& de = file.events[order[i]];
        pos_of[de.name] = i;
        model::PackedEvent p;
        p.creator = ids.get(de.creator);
        auto parent_hash = [&](const std::string& name) {
            auto it = pos_of.find(name);
            return it == pos_of.end() ? core::kZeroHash : plan.parsed_hashes[it->second];
        };
        switch (de.cause) {
            case DotCause::Initial: p.cause = CauseKind::Initial; break;
            case DotCause::Requesting: p.cause = CauseKind::Requesting; p.recipient = ids.get(de.recipient); break;
            case DotCause::Request: p.cause = CauseKind::Request; break;
            case DotCause::Response: p.cause = CauseKind::Response; break;
            case DotCause::Observation: {
                p.cause = CauseKind::Observation;
                if (de.observation.kind == DotObservation::Kind::Accusation) break;  // reported below if ours
                auto obs = to_observation(de.observation, ids);
                if (!obs.ok()) return make_error(obs.error().kind, obs.error().message, where(file_name, de));
                p.vote = std::move(obs.value());
                core::Bytes payload;
                model::encode_observation(payload, p.vote, mock);
                crypto::Identity signer = mock.make_identity(de.creator, {});
                p.vote_signature = mock.sign(signer, payload);
                break;
            }
        }
        if (p.cause != CauseKind::Initial) p.self_parent = parent_hash(de.self_parent);
        if (p.cause == CauseKind::Request || p.cause == CauseKind::Response) p.other_parent = parent_hash(de.other_parent);
        core::Bytes content;
        model::encode_content(content, p, mock);
        p.signature = mock.sign(mock.make_identity(de.creator, {}), content);
        sealed.push_back(model::seal(std::move(p), mock, &content));
        plan.parsed_hashes.push_back(sealed.back()->hash());
        plan.parsed_names.push_back(de.name);
        plan.parsed_file_index.push_back(order[i]);
    }
    return derive_actions(file, file_name, std::move(plan), sealed);
}

}  // namespace parsec::dot
