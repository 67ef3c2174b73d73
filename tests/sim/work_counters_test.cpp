// Node's work counters (what bench-sim prints): every inserted event but our Initial (inserted
// unprocessed, spec §2.1 step 3) is processed once, each decision re-processes a suffix on top
// (spec §6.4), and a message's events already held are counted among those received.
#include <gtest/gtest.h>

#include "sim/simulation.hpp"

namespace parsec::sim {
namespace {

SimConfig cluster(std::uint64_t seed, sim::Tick ticks) {
    SimConfig c;
    c.seed = seed;
    c.genesis_count = 5;
    c.identities = crypto::IdentityKind::Mock;
    c.ticks_max = ticks;
    c.safety_only = true;
    return c;
}

TEST(WorkCounters, DecisionsReprocessAndHeldEventsAreCounted) {
    auto s = Simulation::create(cluster(3, 400));
    ASSERT_TRUE(s.ok());
    s->run();
    for (const auto& n : s->cluster().nodes()) {
        ASSERT_TRUE(n.engine);
        const auto& e = *n.engine;
        ASSERT_FALSE(e.decisions().empty()) << "the run must decide for this test to mean anything";
        // A restart re-processes from at most the deciding event: at least one more processing each.
        EXPECT_GE(e.processed_events(), e.graph().size() - 1 + e.decisions().size());
        EXPECT_GT(e.received_events(), 0u);
        EXPECT_GT(e.received_held(), 0u) << "gossip re-sends events the receiver holds";
        EXPECT_LT(e.received_held(), e.received_events());
    }
}

TEST(WorkCounters, WithoutDecisionsEveryEventIsProcessedOnce) {
    auto s = Simulation::create(cluster(3, 12));
    ASSERT_TRUE(s.ok());
    s->run();
    for (const auto& n : s->cluster().nodes()) {
        ASSERT_TRUE(n.engine);
        const auto& e = *n.engine;
        ASSERT_TRUE(e.decisions().empty());
        EXPECT_EQ(e.processed_events(), e.graph().size() - 1);
        EXPECT_LE(e.received_held(), e.received_events());
    }
}

}  // namespace
}  // namespace parsec::sim
