// Issue 3's acceptance swarm: 200 seeded clusters of 4 to 10 nodes with drops, duplicates, delays,
// a partition that heals, a pause and f < n/3 Byzantine nodes of every kind. No invariant breaks
// and every run reaches the requested blocks. Then the same in Single mode.
#include <gtest/gtest.h>

#include <set>

#include "sim/swarm.hpp"
#include "sim_test_support.hpp"

namespace parsec::sim {
namespace {

struct SwarmTally {
    std::set<ByzantineKind> kinds_seen;
    std::size_t real = 0, accusations = 0;
};

// Runs seeds 1..count of the swarm and checks every run's invariants as it goes.
SwarmTally run_swarm(const SwarmOptions& options, std::uint64_t count) {
    SwarmTally t;
    for (std::uint64_t seed = 1; seed <= count; ++seed) {
        const SimConfig config = swarm_config(seed, options);
        EXPECT_TRUE(validate(config).ok()) << "seed " << seed << ": " << validate(config).error().to_string();
        EXPECT_EQ(config.mode, options.mode);
        for (NodeId i = 0; i < config.node_count(); ++i) t.kinds_seen.insert(config.byzantine_of(i));
        t.real += config.identities == crypto::IdentityKind::Ed25519 ? 1 : 0;
        auto s = Simulation::create(config);
        EXPECT_TRUE(s.ok()) << s.error().to_string();
        if (!s.ok()) continue;
        s->run();
        EXPECT_EQ(s->checkers().violation_count(), 0u) << "seed " << seed << "\n" << testing::violations_text(*s);
        EXPECT_TRUE(s->reached_blocks()) << "seed " << seed << " stopped at tick " << s->tick();
        EXPECT_TRUE(testing::conflicting_pairs(s->cluster()).empty()) << "seed " << seed;
        t.accusations += s->checkers().marker_count(MarkerKind::Accusation);
    }
    return t;
}

TEST(SimAcceptance, TwoHundredSeededFaultyClustersKeepEveryInvariant) {
    SwarmOptions options;  // 4..10 nodes, 3 blocks, real signatures on every 10th seed
    const SwarmTally t = run_swarm(options, 200);
    EXPECT_EQ(t.kinds_seen.size(), static_cast<std::size_t>(kByzantineKindCount));  // honest + every kind
    EXPECT_EQ(t.real, 20u);
    EXPECT_GT(t.accusations, 0u);  // malice detection is on and the Byzantine nodes were caught
}

// The same swarm in Single mode, where each payload is voted by one node and every vote is its
// own key (spec §1.3): a double vote, a fork or a withheld vote meets other rules there.
TEST(SimAcceptance, SeededFaultyClustersInSingleModeKeepEveryInvariant) {
    SwarmOptions options;
    options.mode = model::ConsensusMode::Single;
    const SwarmTally t = run_swarm(options, 60);
    EXPECT_EQ(t.kinds_seen.size(), static_cast<std::size_t>(kByzantineKindCount));
    EXPECT_EQ(t.real, 6u);
    EXPECT_GT(t.accusations, 0u);
}

}  // namespace
}  // namespace parsec::sim
