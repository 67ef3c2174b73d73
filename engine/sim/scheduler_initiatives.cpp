// What the nodes decide to do each tick: gossip to a random recipient, the workload's votes, and
// the Byzantine nodes' misbehaviour. Every choice is a draw from the scheduler's one generator.
#include <algorithm>

#include "core/assert.hpp"
#include "sim/scheduler.hpp"

namespace parsec::sim {

namespace {

model::Observation observation_of(const Cluster& c, PayloadKind kind, const std::string& text, NodeId peer) {
    switch (kind) {
        case PayloadKind::Opaque: return model::Observation::opaque(text);
        case PayloadKind::Add: return model::Observation::add(c.node(peer).identity.id);
        case PayloadKind::Remove: return model::Observation::remove(c.node(peer).identity.id);
    }
    return {};
}

// True if the node already voted for `obs` (spec §2.2 DuplicateVote would refuse a second one).
bool has_voted(const node::Node& engine, const model::Observation& obs, model::ConsensusMode mode) {
    election::ObservationKey key{model::observation_hash(obs, engine.crypto()), model::kNoPeer};
    if (election::mode_of(obs, mode) == model::ConsensusMode::Single) key.creator = model::kOurIndex;
    const model::KeyIndex k = engine.store().find(key);
    return k != model::kNoKey && engine.store()[k].created_by_us;
}

bool is_voting_member(const ClusterNode& n) { return n.status != NodeStatus::Crashed && n.is_member(); }

// No partition, and every node that has started and not stopped for good is running: Byzantine
// ones check too, and one that missed the broadcast would call the others' accusations invalid.
bool all_reachable(const Cluster& c) {
    if (!c.environment().groups.empty()) return false;
    for (const auto& n : c.nodes())
        if (n.engine && n.status != NodeStatus::Running && n.status != NodeStatus::Crashed &&
            n.status != NodeStatus::Left)
            return false;
    return true;
}

}  // namespace

// Votes for one payload, each voter after its own delay (the reference's observation delay,
// spec §11.3). Supermajority payloads are voted by every member, Single ones by one member.
void Scheduler::plan_votes(const Cluster& cluster, PayloadKind kind, const std::string& text, NodeId peer) {
    const model::Observation obs = observation_of(cluster, kind, text, peer);
    std::vector<NodeId> voters;
    const auto& chosen = config_.workload.voters;
    for (NodeId i = 0; i < cluster.nodes().size(); ++i) {
        const auto& n = cluster.node(i);
        if (!is_voting_member(n) || (kind != PayloadKind::Opaque && i == peer)) continue;
        if (kind == PayloadKind::Opaque && !chosen.empty() &&
            std::find(chosen.begin(), chosen.end(), i) == chosen.end())
            continue;
        if (has_voted(*n.engine, obs, config_.mode)) continue;
        voters.push_back(i);
    }
    if (kind == PayloadKind::Opaque && config_.mode == model::ConsensusMode::Single) {
        std::vector<NodeId> honest;
        for (NodeId v : voters)
            if (config_.is_honest(v)) honest.push_back(v);
        const NodeId one = pick(honest.empty() ? voters : honest);
        voters.clear();
        if (one != kNoNode) voters.push_back(one);
    }
    for (NodeId v : voters) plan(tick_ + sample_latency(config_.workload.vote_delay), VoteInput{v, kind, text, peer});
}

void Scheduler::initiatives(const Cluster& cluster) {
    gossip_initiatives(cluster);
    workload_initiatives(cluster);
    byzantine_initiatives(cluster);
}

// Each running node gossips with the configured chance to one of its recipients (spec §2.3).
void Scheduler::gossip_initiatives(const Cluster& cluster) {
    for (NodeId i = 0; i < cluster.nodes().size(); ++i) {
        const auto& n = cluster.node(i);
        if (!n.engine || n.status != NodeStatus::Running || n.byzantine == ByzantineKind::Withhold) continue;
        if (is_silenced(cluster, i)) continue;
        if (!prng_.chance(config_.gossip_chance)) continue;
        std::vector<NodeId> targets;
        for (const auto& id : n.engine->gossip_recipients()) {
            const NodeId t = node_of(id, cluster);
            if (t != kNoNode && t != i) targets.push_back(t);
        }
        const NodeId to = pick(targets);
        if (to != kNoNode) ready_.push_back(Input{tick_, GossipInput{i, to}});
    }
}

void Scheduler::workload_initiatives(const Cluster& cluster) {
    // With --until-blocks the workload keeps proposing while scripted faults are active, so they
    // meet live traffic, and then until the requested count is reached.
    const auto& w = config_.workload;
    if (w.payloads_max != 0 && payloads_proposed_ >= w.payloads_max) return;
    if (config_.until_blocks != 0 && payloads_proposed_ >= config_.until_blocks && tick_ > config_.heal_tick())
        return;
    if (!prng_.chance(config_.workload.payload_chance)) return;
    const std::string text = "tx" + std::to_string(payloads_proposed_++);
    plan_votes(cluster, PayloadKind::Opaque, text, kNoNode);
}

void Scheduler::byzantine_initiatives(const Cluster& cluster) {
    for (NodeId i = 0; i < cluster.nodes().size(); ++i) {
        const auto& n = cluster.node(i);
        const ByzantineKind kind = n.byzantine;
        if (kind == ByzantineKind::Honest || kind == ByzantineKind::Withhold) continue;
        if (!n.engine || n.status != NodeStatus::Running || n.double_vote_armed || n.same_creator_armed) continue;
        if (is_silenced(cluster, i)) continue;
        if (acted_.size() == cluster.nodes().size() && acted_[i]) continue;
        if (!prng_.chance(config_.byzantine_chance)) continue;
        std::vector<NodeId> sides[2], honest, joining;
        for (NodeId j = 0; j < cluster.nodes().size(); ++j) {
            const auto& v = cluster.node(j);
            if (j == i || !v.engine || v.status != NodeStatus::Running || v.is_removed()) continue;
            if (!v.is_member()) joining.push_back(j);
            else if (config_.is_honest(j)) {
                honest.push_back(j);
                sides[side_[j]].push_back(j);
            }
        }
        ByzantineInput act{i, kind, kNoNode, kNoNode};
        // The broadcast must reach every honest node at once (see cluster_byzantine.cpp).
        if (kind == ByzantineKind::SameCreatorOtherParent && !all_reachable(cluster)) continue;
        if (kind == ByzantineKind::Fork) {
            if (sides[0].empty() || sides[1].empty()) {
                if (honest.size() < 2) continue;
                act.victim_a = pick(honest);
                do act.victim_b = pick(honest);
                while (act.victim_b == act.victim_a);
            } else {
                act.victim_a = pick(sides[0]);
                act.victim_b = pick(sides[1]);
            }
        } else if (kind == ByzantineKind::BadSignature) {
            act.victim_a = pick(honest);
        } else if (kind == ByzantineKind::PrematureGossip) {
            act.victim_a = pick(joining.empty() ? honest : joining);
        }
        if ((kind == ByzantineKind::Fork || kind == ByzantineKind::BadSignature ||
             kind == ByzantineKind::PrematureGossip) && act.victim_a == kNoNode)
            continue;
        ready_.push_back(Input{tick_, act});
        if (kind == ByzantineKind::DoubleVote || kind == ByzantineKind::SameCreatorOtherParent) {
            if (acted_.size() != cluster.nodes().size()) acted_.assign(cluster.nodes().size(), false);
            acted_[i] = true;
        }
        if (kind == ByzantineKind::Fork) {
            if (silenced_.size() != cluster.nodes().size()) silenced_.assign(cluster.nodes().size(), false);
            silenced_[i] = true;
        }
    }
}

}  // namespace parsec::sim
