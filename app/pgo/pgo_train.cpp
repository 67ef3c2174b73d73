// The training run of the profile-guided build (PARSEC_PGO): it exercises the engine's hot paths
// the way the benchmarks and the app do, from inputs made here, so that no recording outside the
// repository (and none of the benchmark's own files) shapes the optimisation.
//   - simulated clusters of 4, 8 and 16 mock nodes in both consensus modes (gossip, malice
//     detection, the meta-election and its restarts);
//   - each cluster's first node exported to a reference dump, parsed and replayed repeatedly
//     through fresh engines (the work of `bench-replay`).
// It prints what it ran and exits non-zero if any step failed or a replay decided other than the
// node it was dumped from (the check the reference's benchmark makes): a profile from a broken run
// would optimise the wrong paths. The test suite runs it too (PgoTraining.ReplaysMatchTheirNodes).
#include <cstdio>
#include <memory>

#include "dot/dot_export.hpp"
#include "dot/dot_file.hpp"
#include "dot/dot_replay.hpp"
#include "sim/simulation.hpp"

namespace {

using namespace parsec;

// The decided payloads, in order, compared by content (the two stores number keys differently).
bool same_history(const node::Node& a, const node::Node& b) {
    const auto& ha = a.election().consensus_history;
    const auto& hb = b.election().consensus_history;
    if (ha.size() != hb.size()) return false;
    for (std::size_t i = 0; i < ha.size(); ++i)
        if (!(a.store()[ha[i]].observation == b.store()[hb[i]].observation)) return false;
    return true;
}

bool train_one(std::uint16_t nodes, model::ConsensusMode mode, sim::Ratio payload_chance, std::size_t events,
               int replays) {
    sim::SimConfig c;
    c.seed = 7u + nodes;
    c.genesis_count = nodes;
    c.mode = mode;
    c.identities = crypto::IdentityKind::Mock;
    c.ticks_max = 100000;
    c.safety_only = true;
    c.link.latency = sim::Latency{sim::LatencyShape::Uniform, 1, 3};
    c.workload.payload_chance = payload_chance;
    auto s = sim::Simulation::create(c);
    if (!s.ok()) {
        std::fprintf(stderr, "pgo-train: %s\n", s.error().to_string().c_str());
        return false;
    }
    while (s->cluster().nodes().front().engine->graph().size() < events && s->run_tick()) {
    }
    const node::Node& first = *s->cluster().nodes().front().engine;
    const std::string text = dot::write_dot(dot::export_node(first));
    auto parsed = dot::parse_dot(text, "pgo-train.dot");
    if (!parsed.ok()) {
        std::fprintf(stderr, "pgo-train: %s\n", parsed.error().to_string().c_str());
        return false;
    }
    auto plan = dot::plan_replay(parsed.value(), "pgo-train.dot");
    if (!plan.ok()) {
        std::fprintf(stderr, "pgo-train: %s\n", plan.error().to_string().c_str());
        return false;
    }
    auto crypto = std::make_shared<crypto::MockCrypto>();
    for (int r = 0; r < replays; ++r) {
        auto played = dot::play(plan.value(), crypto);
        if (!played.ok()) {
            std::fprintf(stderr, "pgo-train: replay: %s\n", played.error().to_string().c_str());
            return false;
        }
        if (!same_history(first, played.value())) {
            std::fprintf(stderr, "pgo-train: %u nodes: the replay decided other than the node it was dumped from\n",
                         nodes);
            return false;
        }
    }
    std::printf("pgo-train: %u nodes, %s, payload chance %u/%u: %zu events, %zu decisions, %d replays\n", nodes,
                mode == model::ConsensusMode::Single ? "Single" : "Supermajority", payload_chance.numerator,
                payload_chance.denominator, first.graph().size(), first.decisions().size(), replays);
    return true;
}

}  // namespace

int main() {
    bool ok = true;
    // A busy workload (decisions all along) and a sparse one (few payloads, long stretches of
    // gossip between decisions), as both kinds of graph are replayed.
    for (auto mode : {model::ConsensusMode::Supermajority, model::ConsensusMode::Single})
        for (sim::Ratio chance : {sim::Ratio{1, 4}, sim::Ratio{1, 24}}) {
            ok = train_one(4, mode, chance, 400, 200) && ok;
            ok = train_one(8, mode, chance, 1200, 40) && ok;
            ok = train_one(16, mode, chance, 4000, 6) && ok;
        }
    return ok ? 0 : 1;
}
