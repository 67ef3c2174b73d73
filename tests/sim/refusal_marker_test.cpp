// A refusal marker says why the engine refused (issue 3: markers explain, not only flag): after
// the error kind comes the engine's own sentence. Remove(Bob) is voted here by hand while Bob
// keeps running (the scheduler would make a removed node leave first), so members that decided
// the removal refuse the requests Bob still sends them.
#include <gtest/gtest.h>

#include "sim_test_support.hpp"

namespace parsec::sim {
namespace {

TEST(SimMarkers, ARefusalMarkerGivesTheEnginesReason) {
    SimConfig c = testing::mock_config(21, 8, 400);
    auto s = Simulation::create(c);
    ASSERT_TRUE(s.ok());
    const NodeId bob = 1;
    // Each member votes a few ticks after the previous one, as the scheduler's vote delays would.
    for (NodeId i = 0; i < c.genesis_count; ++i) {
        if (i == bob) continue;
        while (s->tick() < 120 + 3 * Tick{i} && s->run_tick()) {
        }
        ASSERT_TRUE(s->apply(Input{s->tick(), VoteInput{i, PayloadKind::Remove, {}, bob}}).ok());
    }
    s->run();
    std::size_t explained = 0;
    for (const auto& m : s->markers())
        if (m.kind == MarkerKind::NodeError &&
            m.text.find("refused a message from Bob: InvalidPeerState (Bob may not send gossip)") != std::string::npos)
            ++explained;
    EXPECT_GT(explained, 0u) << testing::violations_text(*s);
}

}  // namespace
}  // namespace parsec::sim
