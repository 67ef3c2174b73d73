// Helpers shared by the cluster tests: a fingerprint of a finished run, and an independent check of
// agreement between the honest nodes' block sequences.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "sim/simulation.hpp"

namespace parsec::sim::testing {

// Every node's event hashes (in its graph's order) and block payload hashes.
struct RunFingerprint {
    std::vector<std::vector<core::Hash32>> events;
    std::vector<std::vector<core::Hash32>> blocks;
    bool operator==(const RunFingerprint&) const = default;
};

inline RunFingerprint fingerprint(const Cluster& c) {
    RunFingerprint f;
    for (const auto& n : c.nodes()) {
        std::vector<core::Hash32> ev, bl;
        if (n.engine)
            for (const auto& e : n.engine->graph().events()) ev.push_back(e.hash);
        for (const auto& b : n.blocks) bl.push_back(b.payload_hash);
        f.events.push_back(std::move(ev));
        f.blocks.push_back(std::move(bl));
    }
    return f;
}

// Pairs of honest nodes whose block sequences are not prefixes of one another.
inline std::vector<std::pair<NodeId, NodeId>> conflicting_pairs(const Cluster& c) {
    std::vector<std::pair<NodeId, NodeId>> out;
    for (NodeId a = 0; a < c.nodes().size(); ++a)
        for (NodeId b = a + 1; b < c.nodes().size(); ++b) {
            if (!c.config().is_honest(a) || !c.config().is_honest(b)) continue;
            const auto& x = c.node(a).blocks;
            const auto& y = c.node(b).blocks;
            for (std::size_t k = 0; k < std::min(x.size(), y.size()); ++k)
                if (x[k].payload_hash != y[k].payload_hash) {
                    out.emplace_back(a, b);
                    break;
                }
        }
    return out;
}

// A cluster of `nodes` genesis members with the reference-compatible mock identities (fast), run
// for at most `ticks_max` ticks, until `until_blocks` blocks if non-zero.
inline SimConfig mock_config(std::uint64_t seed, std::uint16_t nodes, Tick ticks_max, std::size_t until_blocks = 0) {
    SimConfig c;
    c.seed = seed;
    c.genesis_count = nodes;
    c.identities = crypto::IdentityKind::Mock;
    c.ticks_max = ticks_max;
    c.until_blocks = until_blocks;
    return c;
}

inline std::string violations_text(const Simulation& s) {
    std::string out;
    for (const auto& m : s.markers())
        if (is_violation(m.kind)) out += "  t=" + std::to_string(m.tick) + " " + marker_kind_name(m.kind) + ": " + m.text + "\n";
    return out;
}

}  // namespace parsec::sim::testing
