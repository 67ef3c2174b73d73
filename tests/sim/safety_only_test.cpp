// Safety-only runs: a third or more colluding Byzantine nodes, unlimited faults. The run finishes,
// progress is not judged, and every pair of honest nodes whose block sequences conflict is
// reported as an agreement violation naming one of them, at the tick of the conflicting block.
#include <gtest/gtest.h>

#include "sim/fault_spec.hpp"
#include "sim_test_support.hpp"

namespace parsec::sim {
namespace {

SimConfig colluding(std::uint64_t seed, std::uint16_t n, const char* spec) {
    SimConfig c;
    c.seed = seed;
    c.genesis_count = n;
    c.identities = crypto::IdentityKind::Mock;
    c.safety_only = true;
    c.ticks_max = 600;
    c.byzantine_chance = Ratio{1, 4};
    EXPECT_TRUE(apply_faults_spec("drop=0.1,dup=0.1,delay=1..8,reorder=0.2", c).ok());
    EXPECT_TRUE(apply_byzantine_spec(spec, c).ok());
    finalize_spec(c);
    return c;
}

TEST(SimSafetyOnly, TooManyByzantineNodesNeedSafetyOnly) {
    SimConfig c = colluding(1, 4, "fork=2");
    c.safety_only = false;
    EXPECT_FALSE(validate(c).ok());
}

TEST(SimSafetyOnly, ColludingMajoritiesFinishAndEveryConflictIsReported) {
    const char* specs[] = {"fork=2", "fork=1,double-vote=1", "fork=2,same-creator-other-parent=1",
                           "withhold=2", "bad-signature=1,premature-gossip=1,fork=1"};
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const SimConfig config = colluding(seed, seed % 2 ? 4 : 7, specs[seed % 5]);
        ASSERT_TRUE(validate(config).ok());
        auto s = Simulation::create(config);
        ASSERT_TRUE(s.ok());
        s->run();
        EXPECT_TRUE(s->is_finished());
        EXPECT_EQ(s->tick(), config.ticks_max);
        EXPECT_EQ(s->checkers().marker_count(MarkerKind::Progress), 0u) << "progress is not judged";
        EXPECT_EQ(s->checkers().marker_count(MarkerKind::HonestAccused), 0u) << "only agreement is judged";
        // Every agreement marker names two honest nodes whose final sequences differ at some block,
        // and carries the tick at which the reporting node polled it.
        std::set<NodeId> reported;
        for (const auto& m : s->markers()) {
            if (m.kind != MarkerKind::Agreement) continue;
            ASSERT_EQ(m.nodes.size(), 2u);
            reported.insert(m.nodes[0]);
            const auto& a = s->cluster().node(m.nodes[0]).blocks;
            bool tick_found = false;
            for (const auto& b : a) tick_found |= b.tick == m.tick;
            EXPECT_TRUE(tick_found) << m.text;
        }
        for (const auto& [a, b] : testing::conflicting_pairs(s->cluster()))
            EXPECT_TRUE(reported.count(a) || reported.count(b))
                << "seed " << seed << ": conflict between " << a << " and " << b << " not reported";
    }
}

}  // namespace
}  // namespace parsec::sim
