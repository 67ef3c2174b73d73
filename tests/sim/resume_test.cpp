// A resumed simulation (a branch started at a past input, spec'd by issue 3) carries on what the
// run had begun: members that had not yet cast their vote for a scripted Add still cast it, or
// the join never gathers a supermajority and never completes.
#include <gtest/gtest.h>

#include <algorithm>

#include "sim/fault_spec.hpp"
#include "sim_test_support.hpp"

namespace parsec::sim {
namespace {

// Whether `n` holds its own vote for Add(peer).
bool voted_add(const ClusterNode& n, const crypto::PeerId& peer) {
    if (!n.engine) return false;
    const auto& store = n.engine->store();
    for (model::KeyIndex k = 0; k < store.size(); ++k)
        if (store[k].observation.kind == model::ObsKind::Add && store[k].observation.peer == peer &&
            store[k].created_by_us)
            return true;
    return false;
}

bool polled_add(const ClusterNode& n, const std::string& peer) {
    return std::any_of(n.blocks.begin(), n.blocks.end(), [&](const BlockInfo& b) {
        return b.payload.kind == model::ObsKind::Add && b.payload.peer.name == peer;
    });
}

TEST(SimResume, VotesOwedForAScriptedAddAreCastAfterAResume) {
    SimConfig c = testing::mock_config(3, 7, 100000);
    ASSERT_TRUE(add_join_spec("@40", c).ok());
    finalize_spec(c);
    ASSERT_TRUE(validate(c).ok());
    const NodeId joiner = c.genesis_count;
    auto s = Simulation::create(c);
    ASSERT_TRUE(s.ok());
    while (s->tick() < 41 && s->run_tick()) {
    }
    // The branch point: the join has happened and most members still owe their vote.
    const Cluster& before = s->cluster();
    ASSERT_TRUE(before.node(joiner).engine.has_value());
    const auto& joiner_id = before.node(joiner).identity.id;
    std::size_t voted = 0;
    for (NodeId i = 0; i < c.genesis_count; ++i) voted += voted_add(before.node(i), joiner_id);
    ASSERT_LT(3 * voted, 2u * c.genesis_count) << "too many votes already cast: nothing left to test";

    Simulation branch = Simulation::resume(before, c.seed + 1);
    while (branch.tick() < 1500 && branch.run_tick()) {
    }
    for (NodeId i = 0; i < c.genesis_count; ++i) {
        EXPECT_TRUE(voted_add(branch.cluster().node(i), joiner_id)) << branch.cluster().node(i).name;
        EXPECT_TRUE(polled_add(branch.cluster().node(i), branch.cluster().node(joiner).name))
            << branch.cluster().node(i).name << " never polled the Add block";
    }
    EXPECT_TRUE(branch.cluster().node(joiner).is_member());
}

}  // namespace
}  // namespace parsec::sim
