// Human-readable forms of inputs, for the CLI, logs and divergence reports.
#include "sim/input.hpp"

#include "core/assert.hpp"

namespace parsec::sim {

namespace {
std::string name_of(NodeId n, const std::vector<std::string>& names) {
    if (n == kNoNode) return "-";
    return n < names.size() ? names[n] : "#" + std::to_string(n);
}

struct Describer {
    const std::vector<std::string>& names;
    std::string operator()(const GossipInput& g) const {
        return "gossip " + name_of(g.from, names) + "->" + name_of(g.to, names);
    }
    std::string operator()(const DeliverInput& d) const { return "deliver #" + std::to_string(d.message); }
    std::string operator()(const DropInput& d) const {
        return "drop #" + std::to_string(d.message) + " (" + drop_reason_name(d.reason) + ")";
    }
    std::string operator()(const DuplicateInput& d) const { return "duplicate #" + std::to_string(d.message); }
    std::string operator()(const VoteInput& v) const {
        std::string what = v.kind == PayloadKind::Opaque ? v.text
                           : v.kind == PayloadKind::Add  ? "Add(" + name_of(v.peer, names) + ")"
                                                         : "Remove(" + name_of(v.peer, names) + ")";
        return "vote " + name_of(v.node, names) + " " + what;
    }
    std::string operator()(const FaultInput& f) const {
        std::string s = std::string("fault ") + fault_kind_name(f.change.kind);
        if (f.change.node != kNoNode) s += " " + name_of(f.change.node, names);
        if (f.change.peer != kNoNode) s += "->" + name_of(f.change.peer, names);
        if (f.change.kind == FaultKind::SetDefaultLink || f.change.kind == FaultKind::SetLink)
            s += " " + f.change.link.to_string();
        return s;
    }
    std::string operator()(const ByzantineInput& b) const {
        std::string s = "byzantine " + name_of(b.node, names) + " " + byzantine_kind_name(b.kind);
        if (b.victim_a != kNoNode) s += " ->" + name_of(b.victim_a, names);
        if (b.victim_b != kNoNode) s += "," + name_of(b.victim_b, names);
        return s;
    }
    std::string operator()(const JoinInput& j) const { return "join " + name_of(j.node, names); }
};
}  // namespace

std::string describe(const Input& input, const std::vector<std::string>& names) {
    return "t=" + std::to_string(input.tick) + " " + std::visit(Describer{names}, input.body);
}

const char* drop_reason_name(DropReason r) {
    switch (r) {
        case DropReason::Loss: return "loss";
        case DropReason::Partition: return "partition";
        case DropReason::NodeDown: return "node down";
        case DropReason::Withheld: return "withheld";
        case DropReason::User: return "user";
    }
    return "?";
}

const char* fault_kind_name(FaultKind k) {
    switch (k) {
        case FaultKind::SetDefaultLink: return "links";
        case FaultKind::SetLink: return "link";
        case FaultKind::ClearLink: return "clear-link";
        case FaultKind::Partition: return "partition";
        case FaultKind::Heal: return "heal";
        case FaultKind::Pause: return "pause";
        case FaultKind::Resume: return "resume";
        case FaultKind::Crash: return "crash";
        case FaultKind::Stop: return "stop";
        case FaultKind::Restart: return "restart";
        case FaultKind::Leave: return "leave";
    }
    return "?";
}

}  // namespace parsec::sim
