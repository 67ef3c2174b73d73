// Names, limits and validation of a simulation configuration.
#include "sim/config.hpp"

#include <algorithm>

#include "core/assert.hpp"

namespace parsec::sim {

using core::make_error;

namespace {
// The reference simulator's peer names, in order (spec §1.1).
constexpr const char* kNames[] = {"Alice", "Bob",  "Carol", "Dave", "Eric", "Fred",    "Gina",  "Hank",  "Iris",
                                  "Judy",  "Kent", "Lucy",  "Mike", "Nina", "Oran",    "Paul",  "Quin",  "Rose",
                                  "Stan",  "Tina", "Ulf",   "Vera", "Will", "Xaviera", "Yakov", "Zaida"};
constexpr std::size_t kNamedCount = sizeof(kNames) / sizeof(kNames[0]);
constexpr const char* kByzantineNames[kByzantineKindCount] = {
    "honest", "fork", "double-vote", "bad-signature", "premature-gossip", "same-creator-other-parent", "withhold"};
}  // namespace

std::string node_name(std::size_t slot) {
    if (slot < kNamedCount) return kNames[slot];
    return std::to_string(slot - kNamedCount);  // "0".."9", then "10", "11", ...
}

std::vector<std::string> node_names(std::size_t count) {
    std::vector<std::string> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) out.push_back(node_name(i));
    return out;
}

const char* byzantine_kind_name(ByzantineKind k) {
    auto i = static_cast<std::size_t>(k);
    PARSEC_ASSERT(i < kByzantineKindCount, "unknown Byzantine kind");
    return kByzantineNames[i];
}

bool parse_byzantine_kind(const std::string& text, ByzantineKind& out) {
    for (int i = 1; i < kByzantineKindCount; ++i)
        if (text == kByzantineNames[i]) {
            out = static_cast<ByzantineKind>(i);
            return true;
        }
    return false;
}

std::uint32_t Latency::ticks_max() const {
    switch (shape) {
        case LatencyShape::Constant: return ticks_a;
        case LatencyShape::Uniform: return ticks_b;
        case LatencyShape::Exponential: return ticks_a * 64;
    }
    return ticks_a;
}

std::string Latency::to_string() const {
    switch (shape) {
        case LatencyShape::Constant: return std::to_string(ticks_a);
        case LatencyShape::Uniform: return std::to_string(ticks_a) + ".." + std::to_string(ticks_b);
        case LatencyShape::Exponential: return "exp:" + std::to_string(ticks_a);
    }
    return "?";
}

std::string LinkParams::to_string() const {
    std::string s = "delay=" + latency.to_string();
    if (!drop.is_zero()) s += ",drop=" + drop.to_string();
    if (!duplicate.is_zero()) s += ",dup=" + duplicate.to_string();
    if (!reorder.is_zero()) s += ",reorder=" + reorder.to_string();
    return s;
}

Tick SimConfig::heal_tick() const {
    Tick last = 0;
    for (const auto& e : script)
        if (e.kind == ScriptEvent::Kind::Fault) last = std::max(last, e.tick);
    return last;
}

Tick SimConfig::progress_bound() const {
    if (progress_ticks_max != 0) return progress_ticks_max;
    // A decision needs a few gossip waves across the cluster; each wave costs about one latency
    // plus the wait for a sync, so the bound grows with the latency and (slowly) with n.
    const Tick latency = std::max<Tick>(1, link.latency.shape == LatencyShape::Exponential
                                               ? Tick{link.latency.ticks_a} * 3
                                               : link.latency.ticks_max());
    const Tick wait = gossip_chance.numerator == 0 ? 1000 : gossip_chance.denominator / gossip_chance.numerator;
    return 400 + 40 * (latency + wait) * (4 + node_count() / 4);
}

namespace {
// A scripted removal waits until may_remove_member allows it (the scheduler). One it could not
// allow even at best (every join done, earlier removals decided) would wait for ever: the removed
// node leaves before the vote, so the others alone must be a supermajority of the voters.
core::Status check_removals(const SimConfig& c) {
    std::size_t members = c.genesis_count;
    for (const auto& e : c.script) members += e.kind == ScriptEvent::Kind::AddPeer;
    for (std::size_t k = 0; k < c.script.size(); ++k) {
        const ScriptEvent& removal = c.script[k];
        if (removal.kind != ScriptEvent::Kind::RemovePeer) continue;
        std::vector<NodeId> gone, silent;  // voted out before; silent for good by then
        for (std::size_t j = 0; j < c.script.size(); ++j) {
            const ScriptEvent& e = c.script[j];
            if (e.kind == ScriptEvent::Kind::RemovePeer && j < k && e.node != removal.node) gone.push_back(e.node);
            if (e.kind == ScriptEvent::Kind::Fault && e.fault.kind == FaultKind::Crash && e.tick <= removal.tick)
                silent.push_back(e.fault.node);
        }
        for (NodeId i = 0; i < c.node_count(); ++i)
            if (c.byzantine_of(i) == ByzantineKind::Withhold) silent.push_back(i);
        for (auto* v : {&gone, &silent}) {
            std::sort(v->begin(), v->end());
            v->erase(std::unique(v->begin(), v->end()), v->end());
        }
        if (std::binary_search(silent.begin(), silent.end(), removal.node)) continue;  // costs nothing more
        std::size_t leaving = 0;
        for (NodeId s : silent) leaving += !std::binary_search(gone.begin(), gone.end(), s);
        const std::size_t out = gone.size() + leaving;
        const std::size_t joined = members > out ? members - out : 0;
        if (!may_remove_member(joined, leaving))
            return make_error("InvalidConfig", "--remove " + node_name(removal.node) + "@" +
                                                   std::to_string(removal.tick) + " cannot be voted: the " +
                                                   std::to_string(joined > 0 ? joined - 1 : 0) + " members left of " +
                                                   std::to_string(joined + leaving) +
                                                   " voters are not a supermajority (the removed node leaves "
                                                   "before the vote, as in the reference's test network)");
    }
    return {};
}
}  // namespace

core::Status validate(const SimConfig& c) {
    const std::size_t n = c.node_count();
    if (c.genesis_count < 1) return make_error("InvalidConfig", "--nodes must be at least 1");
    if (n > kNodesMax)
        return make_error("InvalidConfig", "at most " + std::to_string(kNodesMax) + " nodes, got " + std::to_string(n));
    if (!c.byzantine.empty() && c.byzantine.size() != n)
        return make_error("InvalidConfig", "Byzantine roles for " + std::to_string(c.byzantine.size()) +
                                               " nodes, the cluster has " + std::to_string(n));
    for (Ratio r : {c.gossip_chance, c.link.drop, c.link.duplicate, c.link.reorder, c.byzantine_chance,
                    c.workload.payload_chance})
        if (!r.is_valid()) return make_error("InvalidConfig", "a probability is not in [0, 1]");
    if (c.link.latency.shape == LatencyShape::Uniform && c.link.latency.ticks_a > c.link.latency.ticks_b)
        return make_error("InvalidConfig", "delay range " + c.link.latency.to_string() + " is empty");
    for (NodeId v : c.workload.voters)
        if (v >= n) return make_error("InvalidConfig", "voter slot " + std::to_string(v) + " is not a node");
    // A Supermajority payload becomes interesting only once more than two thirds of the voters
    // voted for it (spec §4.3): fewer chosen voters could never decide one, and progress would fail.
    // Joiners vote only once in, so the genesis members among the chosen must be enough.
    const auto chosen = static_cast<std::size_t>(std::count_if(
        c.workload.voters.begin(), c.workload.voters.end(), [&](NodeId v) { return v < c.genesis_count; }));
    if (!c.safety_only && c.mode == model::ConsensusMode::Supermajority && !c.workload.voters.empty() &&
        3 * chosen <= 2 * c.genesis_count)
        return make_error("InvalidConfig", std::to_string(chosen) + " chosen voters of " +
                                               std::to_string(c.genesis_count) +
                                               " members cannot decide a Supermajority payload (it needs more "
                                               "than two thirds); choose more voters, --mode single or --safety-only");
    if (c.workload.payloads_max != 0 && c.until_blocks > c.workload.payloads_max)
        return make_error("InvalidConfig", "--until-blocks " + std::to_string(c.until_blocks) + " needs at least " +
                                               std::to_string(c.until_blocks) + " payloads, the workload proposes " +
                                               std::to_string(c.workload.payloads_max));
    Tick previous = 0;
    for (const auto& e : c.script) {
        if (e.tick < previous) return make_error("InvalidConfig", "script events must be sorted by tick");
        previous = e.tick;
        if (e.kind != ScriptEvent::Kind::Fault && e.node >= n)
            return make_error("InvalidConfig", "membership change for a node slot that does not exist");
        if (e.kind == ScriptEvent::Kind::AddPeer && e.node < c.genesis_count)
            return make_error("InvalidConfig", node_name(e.node) + " is in the genesis group and cannot be added");
        if (e.kind == ScriptEvent::Kind::Fault && e.fault.kind == FaultKind::Partition && e.fault.groups.size() != n)
            return make_error("InvalidConfig", "a partition must give a group to every node");
    }
    // f < n/3, counting permanent faults: Byzantine nodes and crashed nodes.
    std::size_t faulty = 0;
    for (NodeId i = 0; i < n; ++i) {
        bool crashed = std::any_of(c.script.begin(), c.script.end(), [&](const ScriptEvent& e) {
            return e.kind == ScriptEvent::Kind::Fault && e.fault.kind == FaultKind::Crash && e.fault.node == i;
        });
        if (!c.is_honest(i) || crashed) ++faulty;
    }
    if (!c.safety_only && faulty > 0 && 3 * faulty >= c.genesis_count)
        return make_error("InvalidConfig", std::to_string(faulty) + " faulty nodes (Byzantine or crashed) of " +
                                               std::to_string(c.genesis_count) +
                                               " break f < n/3; use --safety-only to run anyway");
    return c.safety_only ? core::Status{} : check_removals(c);
}

}  // namespace parsec::sim
