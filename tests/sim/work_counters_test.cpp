// Node's work counters (what bench-sim prints): every inserted event but our Initial (inserted
// unprocessed, spec §2.1 step 3) is processed once, each decision re-processes a suffix on top
// (spec §6.4), and a message's events already held are counted among those received.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "sim/simulation.hpp"

namespace parsec::sim {
namespace {

// The engines of a 5-node cluster (seed 3) after `ticks` ticks; `keep` holds the run.
std::vector<const node::Node*> engines_after(sim::Tick ticks, std::unique_ptr<Simulation>& keep) {
    SimConfig c;
    c.seed = 3;
    c.genesis_count = 5;
    c.identities = crypto::IdentityKind::Mock;
    c.ticks_max = ticks;
    c.safety_only = true;
    auto s = Simulation::create(c);
    EXPECT_TRUE(s.ok());
    if (!s.ok()) return {};
    keep = std::make_unique<Simulation>(std::move(s.value()));
    keep->run();
    std::vector<const node::Node*> out;
    for (const auto& n : keep->cluster().nodes())
        if (n.engine) out.push_back(&*n.engine);
    EXPECT_EQ(out.size(), 5u) << "every node must have its engine";
    return out;
}

TEST(WorkCounters, DecisionsReprocessAndHeldEventsAreCounted) {
    std::unique_ptr<Simulation> s;
    for (const node::Node* e : engines_after(400, s)) {
        ASSERT_FALSE(e->decisions().empty()) << "the run must decide for this test to mean anything";
        // A restart re-processes from at most the deciding event: at least one more processing each.
        EXPECT_GE(e->processed_events(), e->graph().size() - 1 + e->decisions().size());
        EXPECT_GT(e->received_events(), 0u);
        EXPECT_GT(e->received_held(), 0u) << "gossip re-sends events the receiver holds";
        EXPECT_LT(e->received_held(), e->received_events());
    }
}

TEST(WorkCounters, WithoutDecisionsEveryEventIsProcessedOnce) {
    std::unique_ptr<Simulation> s;
    for (const node::Node* e : engines_after(12, s)) {
        ASSERT_TRUE(e->decisions().empty());
        EXPECT_EQ(e->processed_events(), e->graph().size() - 1);
        EXPECT_LE(e->received_held(), e->received_events());
    }
}

}  // namespace
}  // namespace parsec::sim
