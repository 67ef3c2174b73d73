// A scripted Remove must not stall the cluster (issue 3): the removed node leaves before anyone
// votes, so every event of it is admitted by every member, whichever event each member decided the
// removal at (spec §2.4 step 2), and the remaining nodes keep polling blocks after the removal.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "graph/graph.hpp"
#include "sim/fault_spec.hpp"
#include "sim_test_support.hpp"

namespace parsec::sim {
namespace {

constexpr NodeId kBob = 1;

// Seed 21 stalled for good before the fix: members that decided Remove(Bob) early refused the
// late Bob events that the others had admitted before deciding.
SimConfig remove_bob_config(std::uint64_t seed) {
    SimConfig c = testing::mock_config(seed, 8, 1500, 40);
    EXPECT_TRUE(add_remove_spec("Bob@120", c).ok());
    finalize_spec(c);
    EXPECT_TRUE(validate(c).ok());
    return c;
}

// Opaque blocks `n` polled after its Remove(Bob) block; -1 if it never polled that block.
int opaque_blocks_after_removal(const ClusterNode& n, const std::string& bob) {
    int after = -1;
    for (const auto& b : n.blocks) {
        if (b.payload.kind == model::ObsKind::Remove && b.payload.peer.name == bob) after = 0;
        else if (after >= 0 && b.payload.kind == model::ObsKind::OpaquePayload) ++after;
    }
    return after;
}

TEST(SimRemove, RemainingNodesKeepPollingBlocksAfterTheRemoval) {
    for (std::uint64_t seed : {21u, 22u, 23u, 24u, 25u, 26u}) {
        auto s = Simulation::create(remove_bob_config(seed));
        ASSERT_TRUE(s.ok()) << s.error().to_string();
        s->run();
        const Cluster& c = s->cluster();
        EXPECT_EQ(s->checkers().violation_count(), 0u) << "seed " << seed << "\n" << testing::violations_text(*s);
        EXPECT_EQ(s->checkers().marker_count(MarkerKind::NodeError), 0u) << "seed " << seed;
        EXPECT_TRUE(s->reached_blocks()) << "seed " << seed << " stopped at tick " << s->tick();
        EXPECT_EQ(c.node(kBob).status, NodeStatus::Left) << "seed " << seed;
        EXPECT_TRUE(c.node(kBob).is_removed()) << "seed " << seed;
        for (NodeId i = 0; i < c.nodes().size(); ++i) {
            if (i == kBob) continue;
            EXPECT_GE(opaque_blocks_after_removal(c.node(i), c.node(kBob).name), 10)
                << "seed " << seed << ": " << c.node(i).name;
        }
    }
}

TEST(SimRemove, NoEventOfTheRemovedNodeDescendsAnyDecidingEvent) {
    auto s = Simulation::create(remove_bob_config(21));
    ASSERT_TRUE(s.ok()) << s.error().to_string();
    s->run();
    const Cluster& c = s->cluster();
    const crypto::PeerId& bob = c.node(kBob).identity.id;
    std::size_t bob_events = 0;
    for (NodeId i = 0; i < c.nodes().size(); ++i) {
        if (i == kBob) continue;
        const node::Node& engine = *c.node(i).engine;
        const auto& peer = engine.peers()[engine.peers().find(bob)];
        ASSERT_TRUE(peer.removed) << c.node(i).name;
        const auto& deciding = engine.graph()[peer.removal_event];
        // Every member holds all of Bob's events, and none descends its deciding event: no member
        // can refuse one that another member sends it.
        if (bob_events == 0) bob_events = peer.slots.size();
        EXPECT_EQ(peer.slots.size(), bob_events) << c.node(i).name;
        for (const auto& slot : peer.slots)
            for (model::EventIndex e : slot)
                EXPECT_FALSE(graph::is_descendant_of(engine.graph()[e], deciding)) << c.node(i).name;
    }
    EXPECT_GT(bob_events, 100u);  // Bob took part until it left at tick 120
}

// Three removals at once from seven nodes would leave four live voters of seven, not a
// supermajority: the third waits until one of the first two is voted out (the reference's gate).
TEST(SimRemove, SimultaneousRemovalsWaitUntilTheClusterCanAffordThem) {
    SimConfig c = testing::mock_config(9, 7, 3000, 30);
    for (const char* spec : {"Bob@100", "Carol@100", "Dave@100"}) ASSERT_TRUE(add_remove_spec(spec, c).ok());
    finalize_spec(c);
    ASSERT_TRUE(validate(c).ok());
    struct LeaveTicks : InputSink {
        std::map<NodeId, Tick> at;
        void on_input(const Cluster&, const Input& in, const Outcome&) override {
            if (const auto* f = std::get_if<FaultInput>(&in.body); f && f->change.kind == FaultKind::Leave)
                at.emplace(f->change.node, in.tick);
        }
        void on_marker(const Marker&) override {}
    } leave;
    auto s = Simulation::create(c);
    ASSERT_TRUE(s.ok()) << s.error().to_string();
    s->set_sink(&leave);
    s->run();
    EXPECT_EQ(s->checkers().violation_count(), 0u) << testing::violations_text(*s);
    EXPECT_TRUE(s->reached_blocks()) << "stopped at tick " << s->tick();
    ASSERT_EQ(leave.at.size(), 3u);
    EXPECT_EQ(leave.at[1], 100u);  // Bob
    EXPECT_EQ(leave.at[2], 100u);  // Carol
    EXPECT_GT(leave.at[3], 100u);  // Dave waited
    const auto& dave_blocks = s->cluster().node(3).blocks;
    EXPECT_TRUE(std::any_of(dave_blocks.begin(), dave_blocks.end(), [](const BlockInfo& b) {
        return b.payload.kind == model::ObsKind::Remove;
    })) << "Dave saw a removal decided before it left";
    for (NodeId i : {0u, 4u, 5u, 6u})
        for (const char* name : {"Bob", "Carol", "Dave"})
            EXPECT_GE(opaque_blocks_after_removal(s->cluster().node(i), name), 0) << s->cluster().node(i).name;
}

// A crash while a removed node is still a voter would leave five live voters of eight: the
// crash waits until the removal is decided, as the reference gates failures too.
TEST(SimRemove, ACrashWaitsWhileARemovedNodeIsStillAVoter) {
    SimConfig c = testing::mock_config(5, 8, 3000, 30);
    ASSERT_TRUE(add_remove_spec("Bob@50", c).ok());
    ASSERT_TRUE(add_crash_spec("Carol@60", c).ok());
    ASSERT_TRUE(add_crash_spec("Dave@70", c).ok());
    finalize_spec(c);
    ASSERT_TRUE(validate(c).ok());
    auto s = Simulation::create(c);
    ASSERT_TRUE(s.ok()) << s.error().to_string();
    s->run();
    EXPECT_EQ(s->checkers().violation_count(), 0u) << testing::violations_text(*s);
    EXPECT_TRUE(s->reached_blocks()) << "stopped at tick " << s->tick();
    EXPECT_EQ(s->cluster().node(2).status, NodeStatus::Crashed);
    EXPECT_EQ(s->cluster().node(3).status, NodeStatus::Crashed);
    // Dave ran on until Remove(Bob) was decided.
    EXPECT_GE(opaque_blocks_after_removal(s->cluster().node(3), "Bob"), 0);
}

// A removal that could never be voted (the removed node leaves first) is refused up front.
TEST(SimRemove, ValidationRefusesARemovalTooFewMembersCouldVote) {
    SimConfig c;
    c.genesis_count = 3;
    ASSERT_TRUE(add_remove_spec("Bob@50", c).ok());
    finalize_spec(c);
    const auto s = validate(c);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().to_string().find("--remove Bob@50"), std::string::npos) << s.error().to_string();

    c.genesis_count = 4;
    EXPECT_TRUE(validate(c).ok());
    ASSERT_TRUE(add_crash_spec("Carol@10", c).ok());  // 2 live members of 4 voters: never enough
    finalize_spec(c);
    EXPECT_FALSE(validate(c).ok());
}

}  // namespace
}  // namespace parsec::sim
