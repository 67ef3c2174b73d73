// Drawing a swarm configuration: every choice from one generator seeded by the run's seed, on a
// stream separate from the run's own.
#include "sim/swarm.hpp"

#include <algorithm>

namespace parsec::sim {

namespace {
Ratio percent(Prng& p, std::uint64_t max_percent) {
    return Ratio{static_cast<std::uint32_t>(p.below(max_percent + 1)), 100};
}
}  // namespace

SimConfig swarm_config(std::uint64_t seed, const SwarmOptions& o) {
    Prng p(seed ^ 0x5A5A'0000'0000'0003ULL);
    SimConfig c;
    c.seed = seed;
    const auto lo = std::max<std::uint16_t>(1, o.nodes_min);
    const auto hi = std::max(lo, o.nodes_max);
    c.genesis_count = static_cast<std::uint16_t>(p.range_inclusive(lo, hi));
    c.identities = o.real_identities_every != 0 && seed % o.real_identities_every == 0 ? crypto::IdentityKind::Ed25519
                                                                                        : crypto::IdentityKind::Mock;
    c.mode = o.mixed_modes ? (seed % 2 == 1 ? model::ConsensusMode::Single : model::ConsensusMode::Supermajority)
                           : o.mode;
    c.until_blocks = o.until_blocks;
    c.ticks_max = o.ticks_max;
    const std::size_t n = c.genesis_count;
    if (o.link) {
        c.link = *o.link;
    } else if (o.faults) {
        c.link.drop = percent(p, 10);
        c.link.duplicate = percent(p, 5);
        c.link.reorder = percent(p, 10);
        const auto shape = p.below(3);
        const auto a = static_cast<std::uint32_t>(p.range_inclusive(1, 4));
        c.link.latency = shape == 0   ? Latency{LatencyShape::Constant, a, a}
                         : shape == 1 ? Latency{LatencyShape::Uniform, a, a + static_cast<std::uint32_t>(p.below(12))}
                                      : Latency{LatencyShape::Exponential, a, 0};
    }
    if (o.faults && n >= 2) {
        // A partition into two random sides that heals.
        const Tick from = p.range_inclusive(10, 150);
        const Tick to = from + p.range_inclusive(20, 250);
        FaultChange split = FaultChange::of(FaultKind::Partition);
        split.groups.assign(n, 0);
        for (auto& g : split.groups) g = static_cast<std::uint8_t>(p.below(2));
        c.script.push_back(ScriptEvent{from, ScriptEvent::Kind::Fault, split, kNoNode});
        c.script.push_back(ScriptEvent{to, ScriptEvent::Kind::Fault, FaultChange::of(FaultKind::Heal), kNoNode});
        // A pause of one node.
        const auto who = static_cast<NodeId>(p.below(n));
        const Tick pause = p.range_inclusive(5, 300);
        c.script.push_back(ScriptEvent{pause, ScriptEvent::Kind::Fault, FaultChange::of(FaultKind::Pause, who), kNoNode});
        c.script.push_back(ScriptEvent{pause + p.range_inclusive(5, 100), ScriptEvent::Kind::Fault,
                                       FaultChange::of(FaultKind::Resume, who), kNoNode});
        std::stable_sort(c.script.begin(), c.script.end(),
                         [](const ScriptEvent& a, const ScriptEvent& b) { return a.tick < b.tick; });
    }
    if (o.byzantine) {
        const std::size_t f = (n - 1) / 3;  // the most that keeps f < n/3
        if (f > 0) {
            c.byzantine.assign(n, ByzantineKind::Honest);
            for (std::size_t k = 0; k < f; ++k) {
                std::vector<NodeId> honest;
                for (NodeId i = 0; i < n; ++i)
                    if (c.byzantine[i] == ByzantineKind::Honest) honest.push_back(i);
                // Kinds rotate with the seed so every kind appears across consecutive seeds.
                const auto kind = static_cast<ByzantineKind>(1 + (seed + k) % (kByzantineKindCount - 1));
                c.byzantine[honest[p.below(honest.size())]] = kind;
            }
        }
    }
    return c;
}

}  // namespace parsec::sim
