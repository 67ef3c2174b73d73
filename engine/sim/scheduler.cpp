// Scheduler: the tick machinery, the network model (drop, duplicate, delay, reorder, partitions,
// paused and down nodes) and adoption of a restored cluster. Initiatives are in
// scheduler_initiatives.cpp.
#include "sim/scheduler.hpp"

#include <algorithm>

#include "core/assert.hpp"

namespace parsec::sim {

Scheduler::Scheduler(const SimConfig& config, std::uint64_t seed) : config_(config), prng_(seed) {
    const auto names = node_names(config.node_count());
    for (NodeId i = 0; i < names.size(); ++i) by_name_[names[i]] = i;
    // Colluding Byzantine nodes split the honest nodes in two sides and show each side a
    // different story (a fork's two halves go to different sides).
    std::vector<NodeId> order;
    for (NodeId i = 0; i < config.node_count(); ++i) order.push_back(i);
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[prng_.below(i)]);
    side_.assign(config.node_count(), 0);
    for (std::size_t i = 0; i < order.size(); ++i) side_[order[i]] = static_cast<std::uint8_t>(i % 2);
}

void Scheduler::plan(Tick at, InputBody body) {
    PARSEC_ASSERT(at >= tick_, "cannot plan in the past");
    if (std::holds_alternative<VoteInput>(body)) ++votes_pending_;
    planned_.emplace(std::make_pair(at, sequence_++), Input{at, std::move(body)});
}

Tick Scheduler::sample_latency(const Latency& l) {
    switch (l.shape) {
        case LatencyShape::Constant: return l.ticks_a;
        case LatencyShape::Uniform: return prng_.range_inclusive(l.ticks_a, std::max(l.ticks_a, l.ticks_b));
        case LatencyShape::Exponential: return prng_.exponential(l.ticks_a);
    }
    return l.ticks_a;
}

NodeId Scheduler::pick(const std::vector<NodeId>& from) {
    if (from.empty()) return kNoNode;
    return from[prng_.below(from.size())];
}

NodeId Scheduler::node_of(const crypto::PeerId& id, const Cluster&) {
    auto it = by_name_.find(id.name);
    return it == by_name_.end() ? kNoNode : it->second;
}

bool Scheduler::is_silenced(const Cluster& cluster, NodeId n) {
    if (config_.is_honest(n)) return false;
    if (silenced_.size() != cluster.nodes().size()) silenced_.assign(cluster.nodes().size(), false);
    if (silenced_[n]) return true;
    const std::string& name = cluster.node(n).name;
    for (NodeId i = 0; i < cluster.nodes().size(); ++i) {
        const auto& accuser = cluster.node(i);
        if (!accuser.engine || !config_.is_honest(i)) continue;
        for (const auto& [offender, malice] : accuser.engine->made_accusations()) {
            (void)malice;
            if (accuser.engine->peers()[offender].id.name == name) return silenced_[n] = true;
        }
    }
    return false;
}

// A new message meets the network: withheld, cut by a partition, lost, or delayed (maybe held
// longer so later messages overtake it), and maybe duplicated.
void Scheduler::plan_message(const Cluster& cluster, MessageId id) {
    const InFlight& m = cluster.in_flight().at(id);
    if (!m.is_request && cluster.node(m.from).byzantine == ByzantineKind::Withhold) {
        ready_.push_back(Input{tick_, DropInput{id, DropReason::Withheld}});
        return;
    }
    if (cluster.partitioned(m.from, m.to)) {
        ready_.push_back(Input{tick_, DropInput{id, DropReason::Partition}});
        return;
    }
    const LinkParams& link = cluster.link(m.from, m.to);
    if (prng_.chance(link.drop)) {
        ready_.push_back(Input{tick_, DropInput{id, DropReason::Loss}});
        return;
    }
    Tick delay = sample_latency(link.latency);
    if (prng_.chance(link.reorder)) delay += 1 + prng_.below(2 * std::uint64_t{link.latency.ticks_max()} + 2);
    plan(tick_ + delay, DeliverInput{id});
    if (!m.is_copy && prng_.chance(link.duplicate)) ready_.push_back(Input{tick_, DuplicateInput{id}});
}

void Scheduler::begin_tick(Tick t, const Cluster& cluster) {
    PARSEC_ASSERT(t > tick_ || (t == 0 && tick_ == 0), "ticks only move forward");
    tick_ = t;
    phase_ = Phase::Deliveries;
    run_script(cluster);
}

// Scripted events due now, in script order: faults as they are, membership changes as a join
// and the members' votes (spec §8.1). Departures (removals, crashes) go once the cluster can
// afford them, after any still waiting (scheduler_departures.cpp).
void Scheduler::run_script(const Cluster& cluster) {
    departing_now_.clear();
    start_waiting_departures(cluster);
    while (script_cursor_ < config_.script.size() && config_.script[script_cursor_].tick <= tick_) {
        const ScriptEvent& e = config_.script[script_cursor_];
        const auto index = static_cast<std::int32_t>(script_cursor_);
        ++script_cursor_;
        switch (e.kind) {
            case ScriptEvent::Kind::Fault:
                if (e.fault.kind == FaultKind::Crash) depart_or_wait(cluster, index);
                else ready_.push_back(Input{tick_, FaultInput{e.fault, index}});
                break;
            case ScriptEvent::Kind::AddPeer:
                ready_.push_back(Input{tick_, JoinInput{e.node}});
                plan_votes(cluster, PayloadKind::Add, {}, e.node);
                break;
            case ScriptEvent::Kind::RemovePeer: depart_or_wait(cluster, index); break;
        }
    }
}

// Each due input is checked against the state at its due time: a delivery to a paused node
// waits, to a node that is down or across a partition it is lost; a vote by a paused node waits.
std::optional<Input> Scheduler::resolve(const Cluster& cluster, Input due) {
    if (const auto* d = std::get_if<DeliverInput>(&due.body)) {
        auto it = cluster.in_flight().find(d->message);
        if (it == cluster.in_flight().end()) return std::nullopt;  // dropped meanwhile
        const InFlight& m = it->second;
        const NodeStatus to = cluster.node(m.to).status;
        if (to == NodeStatus::Paused) {
            held_[m.to].push_back(d->message);
            return std::nullopt;
        }
        if (to != NodeStatus::Running) return Input{tick_, DropInput{d->message, DropReason::NodeDown}};
        if (is_silenced(cluster, m.to)) return Input{tick_, DropInput{d->message, DropReason::Withheld}};
        if (cluster.partitioned(m.from, m.to)) return Input{tick_, DropInput{d->message, DropReason::Partition}};
        return due;
    }
    if (const auto* v = std::get_if<VoteInput>(&due.body)) {
        const auto& n = cluster.node(v->node);
        if (n.status == NodeStatus::Paused || n.status == NodeStatus::Down) {
            plan(tick_ + 1, due.body);
            return std::nullopt;
        }
        if (n.status != NodeStatus::Running) return std::nullopt;
        // A joiner votes once it is a member; until then its votes wait.
        if (!n.is_member()) {
            if (n.engine && !n.is_removed()) plan(tick_ + 1, due.body);
            return std::nullopt;
        }
        return Input{tick_, due.body};
    }
    return Input{tick_, due.body};
}

std::optional<Input> Scheduler::next(const Cluster& cluster) {
    for (;;) {
        if (!ready_.empty()) {
            Input in = std::move(ready_.front());
            ready_.pop_front();
            in.tick = tick_;  // left over from adopt() or planned now
            return in;
        }
        if (!planned_.empty() && planned_.begin()->first.first <= tick_) {
            Input due = std::move(planned_.begin()->second);
            planned_.erase(planned_.begin());
            if (std::holds_alternative<VoteInput>(due.body)) --votes_pending_;
            if (auto in = resolve(cluster, std::move(due))) return in;
            continue;
        }
        if (phase_ == Phase::Deliveries) {
            phase_ = Phase::Done;
            initiatives(cluster);
            continue;
        }
        return std::nullopt;
    }
}

void Scheduler::observe(const Cluster& cluster, const Input& input, const Outcome& outcome) {
    for (MessageId id : outcome.sent) plan_message(cluster, id);
    if (const auto* f = std::get_if<FaultInput>(&input.body)) {
        if (f->change.kind == FaultKind::Resume) {
            auto it = held_.find(f->change.node);
            if (it != held_.end()) {
                for (MessageId id : it->second) plan(tick_, DeliverInput{id});
                held_.erase(it);
            }
        }
    }
}

void Scheduler::adopt(const Cluster& cluster) {
    ready_.clear();
    planned_.clear();
    votes_pending_ = 0;
    held_.clear();
    silenced_.clear();
    acted_.clear();
    tick_ = cluster.tick();
    phase_ = Phase::Done;
    script_cursor_ = 0;
    waiting_departures_.clear();
    // Departures due but not applied were waiting (only a script with removals makes any wait).
    const bool removals = std::any_of(config_.script.begin(), config_.script.end(),
                                      [](const ScriptEvent& e) { return e.kind == ScriptEvent::Kind::RemovePeer; });
    for (; script_cursor_ < config_.script.size() && config_.script[script_cursor_].tick <= tick_; ++script_cursor_) {
        const ScriptEvent& e = config_.script[script_cursor_];
        const bool crash = e.kind == ScriptEvent::Kind::Fault && e.fault.kind == FaultKind::Crash;
        if (!removals || (!crash && e.kind != ScriptEvent::Kind::RemovePeer)) continue;
        const ClusterNode& n = cluster.node(crash ? e.fault.node : e.node);
        if (n.status == NodeStatus::Left || (crash && (n.status == NodeStatus::Crashed || !n.engine))) continue;
        waiting_departures_.push_back(static_cast<std::int32_t>(script_cursor_));
    }
    for (const auto& [id, m] : cluster.in_flight()) {
        (void)m;
        plan_message(cluster, id);
    }
    // Workload payloads proposed so far, and the votes members still owe (Supermajority).
    payloads_proposed_ = 0;
    for (const auto& n : cluster.nodes()) {
        if (!n.engine) continue;
        const auto& store = n.engine->store();
        for (model::KeyIndex k = 0; k < store.size(); ++k) {
            const auto& obs = store[k].observation;
            if (obs.kind != model::ObsKind::OpaquePayload || obs.payload.rfind("tx", 0) != 0) continue;
            std::uint32_t number = 0;
            bool digits = obs.payload.size() > 3 && obs.payload.size() < 13;
            for (std::size_t i = 3; digits && i < obs.payload.size(); ++i) {
                const char c = obs.payload[i];
                digits = c >= '0' && c <= '9';
                number = number * 10 + static_cast<std::uint32_t>(c - '0');
            }
            if (digits) payloads_proposed_ = std::max(payloads_proposed_, number + 1);
        }
    }
    if (config_.mode == model::ConsensusMode::Supermajority)
        for (std::uint32_t p = 0; p < payloads_proposed_; ++p)
            plan_votes(cluster, PayloadKind::Opaque, "tx" + std::to_string(p), kNoNode);
    // Membership votes still owed for scripted changes under way: a join already made, a removed
    // node already gone (one still waiting to leave is voted out when it leaves).
    for (std::size_t k = 0; k < script_cursor_; ++k) {
        const ScriptEvent& e = config_.script[k];
        if (e.kind == ScriptEvent::Kind::AddPeer && cluster.node(e.node).engine)
            plan_votes(cluster, PayloadKind::Add, {}, e.node);
        else if (e.kind == ScriptEvent::Kind::RemovePeer && cluster.node(e.node).status == NodeStatus::Left)
            plan_votes(cluster, PayloadKind::Remove, {}, e.node);
    }
    // What remains in ready_ are drops decided while re-planning: they are applied first.
}

}  // namespace parsec::sim
