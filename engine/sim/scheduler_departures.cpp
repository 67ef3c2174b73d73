// Scripted departures, run as the reference's test network runs them (dev_utils network.rs).
// A removed node leaves first (RemovePeer → mark_as_removed), stopping for good before anyone
// votes, then the remaining members vote it out. Were it to keep running, events it made later
// could descend the event at which one member decided its removal; that member refuses them
// (spec §2.4 step 2) while members that admitted them before deciding keep sending them, and the
// refusal aborts the rest of every such message (§2.4 step 3c): the two never sync again.
// A removal or a crash waits while the cluster cannot afford one more silent voter
// (allow_removal_of_peer, which the reference applies to both).
#include <algorithm>

#include "sim/scheduler.hpp"

namespace parsec::sim {

namespace {

bool has_stopped(const ClusterNode& n) { return n.status == NodeStatus::Crashed || n.status == NodeStatus::Left; }

// More than 2/3 of the `joined` members polled a block voting `name` out (the reference's "Left").
bool voted_out(const Cluster& c, const std::string& name, const std::vector<NodeId>& joined) {
    std::size_t polled = 0;
    for (NodeId i : joined) {
        const auto& blocks = c.node(i).blocks;
        polled += std::any_of(blocks.begin(), blocks.end(), [&](const BlockInfo& b) {
            return (b.payload.kind == model::ObsKind::Remove || b.payload.kind == model::ObsKind::Accusation) &&
                   b.payload.peer.name == name;
        });
    }
    return 3 * polled > 2 * joined.size();
}

}  // namespace

// A node not yet a member: its removal waits, its crash costs nothing. One already silent costs
// nothing more. Otherwise the gate of may_remove_member, counting as leaving every voter that
// will never send again and is not voted out: crashed or left members (as the reference counts
// failed peers), withholding and silenced Byzantine ones. Without the progress promise
// (safety_only) nothing waits.
bool Scheduler::may_depart(const Cluster& c, const ScriptEvent& e) const {
    const bool removal = e.kind == ScriptEvent::Kind::RemovePeer;
    const NodeId node = removal ? e.node : e.fault.node;
    const ClusterNode& x = c.node(node);
    auto silent = [&](NodeId i) {
        const ClusterNode& n = c.node(i);
        return has_stopped(n) || n.byzantine == ByzantineKind::Withhold || (i < silenced_.size() && silenced_[i]) ||
               std::find(departing_now_.begin(), departing_now_.end(), i) != departing_now_.end();
    };
    if (!x.engine || !x.is_member()) return !removal || has_stopped(x) || x.is_removed();
    if (silent(node) || config_.safety_only) return true;
    std::vector<NodeId> joined;
    for (NodeId i = 0; i < c.nodes().size(); ++i)
        if (!silent(i) && c.node(i).is_member()) joined.push_back(i);
    std::size_t leaving = 0;
    for (NodeId i = 0; i < c.nodes().size(); ++i) {
        const ClusterNode& n = c.node(i);
        if (silent(i) && n.engine && n.engine->can_vote() && !voted_out(c, n.name, joined)) ++leaving;
    }
    return may_remove_member(joined.size(), leaving);
}

// A removed node leaves, then the members vote it out (not itself: it has stopped); a crash is
// the scripted fault.
void Scheduler::depart(const Cluster& cluster, std::int32_t script_index) {
    const ScriptEvent& e = config_.script[static_cast<std::size_t>(script_index)];
    if (e.kind == ScriptEvent::Kind::RemovePeer) {
        ready_.push_back(Input{tick_, FaultInput{FaultChange::of(FaultKind::Leave, e.node), script_index}});
        plan_votes(cluster, PayloadKind::Remove, {}, e.node);
        departing_now_.push_back(e.node);
    } else {
        ready_.push_back(Input{tick_, FaultInput{e.fault, script_index}});
        departing_now_.push_back(e.fault.node);
    }
}

// In script order: a departure never overtakes one still waiting.
void Scheduler::depart_or_wait(const Cluster& cluster, std::int32_t script_index) {
    if (waiting_departures_.empty() && may_depart(cluster, config_.script[static_cast<std::size_t>(script_index)]))
        depart(cluster, script_index);
    else
        waiting_departures_.push_back(script_index);
}

void Scheduler::start_waiting_departures(const Cluster& cluster) {
    std::size_t started = 0;
    while (started < waiting_departures_.size() &&
           may_depart(cluster, config_.script[static_cast<std::size_t>(waiting_departures_[started])]))
        depart(cluster, waiting_departures_[started++]);
    waiting_departures_.erase(waiting_departures_.begin(),
                              waiting_departures_.begin() + static_cast<std::ptrdiff_t>(started));
}

}  // namespace parsec::sim
