// Issue 3's acceptance swarm: 200 seeded clusters of 4 to 10 nodes with drops, duplicates, delays,
// a partition that heals, a pause and f < n/3 Byzantine nodes of every kind. No invariant breaks
// and every run reaches the requested blocks.
#include <gtest/gtest.h>

#include <set>

#include "sim/swarm.hpp"
#include "sim_test_support.hpp"

namespace parsec::sim {
namespace {

TEST(SimAcceptance, TwoHundredSeededFaultyClustersKeepEveryInvariant) {
    SwarmOptions options;  // 4..10 nodes, 3 blocks, real signatures on every 10th seed
    std::set<ByzantineKind> kinds_seen;
    std::size_t real = 0, accusations = 0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const SimConfig config = swarm_config(seed, options);
        ASSERT_TRUE(validate(config).ok()) << "seed " << seed << ": " << validate(config).error().to_string();
        for (NodeId i = 0; i < config.node_count(); ++i) kinds_seen.insert(config.byzantine_of(i));
        real += config.identities == crypto::IdentityKind::Ed25519 ? 1 : 0;
        auto s = Simulation::create(config);
        ASSERT_TRUE(s.ok()) << s.error().to_string();
        s->run();
        EXPECT_EQ(s->checkers().violation_count(), 0u) << "seed " << seed << "\n" << testing::violations_text(*s);
        EXPECT_TRUE(s->reached_blocks()) << "seed " << seed << " stopped at tick " << s->tick();
        EXPECT_TRUE(testing::conflicting_pairs(s->cluster()).empty()) << "seed " << seed;
        accusations += s->checkers().marker_count(MarkerKind::Accusation);
    }
    EXPECT_EQ(kinds_seen.size(), static_cast<std::size_t>(kByzantineKindCount));  // honest + every kind
    EXPECT_EQ(real, 20u);
    EXPECT_GT(accusations, 0u);  // malice detection is on and the Byzantine nodes were caught
}

}  // namespace
}  // namespace parsec::sim
