// The union model (viz/graph_model.hpp) checked against the nodes' own graphs: one union event
// per distinct hash, parents and knowledge preserved, ghosts = what a node lacks, and fork
// columns that depend on the set of events only, never on the order they arrived in.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "cluster_fixture.hpp"
#include "viz/graph_canvas.hpp"
#include "viz/event_marks.hpp"
#include "viz/graph_model.hpp"

namespace parsec::viz {
namespace {

using testing::nodes_of;
using testing::run_cluster;

std::set<core::Hash32> distinct_hashes(const std::vector<const node::Node*>& nodes) {
    std::set<core::Hash32> all;
    for (const node::Node* n : nodes)
        for (model::EventIndex e = 0; e < n->graph().size(); ++e) all.insert(n->graph()[e].hash);
    return all;
}

TEST(GraphModel, UnionHasOneEventPerDistinctHashWithTheNodesParents) {
    const sim::Simulation s = run_cluster(4, 120, 7);
    const auto nodes = nodes_of(s);
    ASSERT_EQ(nodes.size(), 4u);
    GraphModel model;
    model.update(nodes);
    const auto all = distinct_hashes(nodes);
    ASSERT_GT(all.size(), 40u);
    EXPECT_EQ(model.event_count(), all.size());
    for (SourceIndex src = 0; src < nodes.size(); ++src) {
        const auto& g = nodes[src]->graph();
        for (model::EventIndex e = 0; e < g.size(); ++e) {
            const UnionIndex u = model.find(g[e].hash);
            ASSERT_NE(u, kNoUnionEvent);
            EXPECT_EQ(model.union_index(src, e), u);
            EXPECT_EQ(model.local_index(src, u), e);
            const UnionEvent& ue = model.event(u);
            EXPECT_EQ(model.lane(ue.lane).name, nodes[src]->peers()[g[e].creator].id.name);
            EXPECT_EQ(ue.index_by_creator, g[e].index_by_creator);
            auto parent_hash = [&](model::EventIndex p) { return p == model::kNoEvent ? core::Hash32{} : g[p].hash; };
            auto union_hash = [&](UnionIndex p) { return p == kNoUnionEvent ? core::Hash32{} : model.event(p).hash; };
            EXPECT_EQ(union_hash(ue.self_parent), parent_hash(g[e].self_parent));
            EXPECT_EQ(union_hash(ue.other_parent), parent_hash(g[e].other_parent));
        }
    }
    // known_count = how many nodes hold the hash.
    for (UnionIndex u = 0; u < model.event_count(); ++u) {
        std::uint32_t holders = 0;
        for (const node::Node* n : nodes) holders += n->graph().find(model.event(u).hash) != model::kNoEvent;
        EXPECT_EQ(model.event(u).known_count, holders);
    }
    // Lanes are sorted by peer name.
    for (LaneIndex l = 1; l < model.lane_count(); ++l) EXPECT_LT(model.lane(l - 1).name, model.lane(l).name);
}

TEST(GraphModel, GhostsAreExactlyTheEventsAPerspectiveLacks) {
    const sim::Simulation s = run_cluster(4, 90, 11);
    const auto nodes = nodes_of(s);
    GraphModel model;
    model.update(nodes);
    const std::size_t all = distinct_hashes(nodes).size();
    std::size_t nodes_with_ghosts = 0;
    for (SourceIndex src = 0; src < nodes.size(); ++src) {
        const std::size_t ghosts = ghost_count(model, src);
        EXPECT_EQ(ghosts, all - nodes[src]->graph().size());
        nodes_with_ghosts += ghosts > 0;
        std::size_t unknown = 0;
        for (UnionIndex u = 0; u < model.event_count(); ++u) {
            const bool holds = nodes[src]->graph().find(model.event(u).hash) != model::kNoEvent;
            EXPECT_EQ(model.is_known_by(src, u), holds);
            unknown += !holds;
        }
        EXPECT_EQ(unknown, ghosts);
    }
    EXPECT_GT(nodes_with_ghosts, 0u) << "gossip in flight leaves some node behind";
    EXPECT_EQ(ghost_count(model, kNoSource), 0u);
}

TEST(GraphModel, IncrementalUpdatesEqualOneBuildAndSeekBackRebuilds) {
    sim::SimConfig config;
    config.seed = 5;
    config.genesis_count = 4;
    config.identities = crypto::IdentityKind::Mock;
    auto created = sim::Simulation::create(config);
    ASSERT_TRUE(created.ok());
    sim::Simulation s = std::move(created.value());
    GraphModel incremental;
    const std::uint64_t epoch0 = incremental.epoch();
    for (int t = 0; t < 80 && s.run_tick(); ++t) incremental.update(nodes_of(s));
    const std::uint64_t epoch_after = incremental.epoch();
    GraphModel once;
    once.update(nodes_of(s));
    ASSERT_EQ(incremental.event_count(), once.event_count());
    for (UnionIndex u = 0; u < once.event_count(); ++u) {
        const UnionIndex v = incremental.find(once.event(u).hash);
        ASSERT_NE(v, kNoUnionEvent);
        EXPECT_EQ(incremental.event_name(v), once.event_name(u));
        EXPECT_EQ(incremental.event(v).known_count, once.event(u).known_count);
    }
    EXPECT_LE(epoch_after - epoch0, 1u) << "appending never rebuilds (only the first update may)";
    // A different, shorter set of graphs (as after a seek back) rebuilds from scratch.
    const sim::Simulation earlier = run_cluster(4, 10, 5);
    incremental.update(nodes_of(earlier));
    EXPECT_NE(incremental.epoch(), epoch_after);
    EXPECT_EQ(incremental.event_count(), distinct_hashes(nodes_of(earlier)).size());
}

// Fork placement must be a function of the set of events: the same nodes merged in another
// order, or tick by tick, give every forked event the same number and the same column.
TEST(GraphModel, ForkColumnsDoNotDependOnArrivalOrder) {
    sim::SimConfig config;
    config.seed = 3;
    config.genesis_count = 4;
    config.identities = crypto::IdentityKind::Mock;
    config.byzantine = {sim::ByzantineKind::Fork, sim::ByzantineKind::Honest, sim::ByzantineKind::Honest, sim::ByzantineKind::Honest};
    config.byzantine_chance = sim::Ratio{1, 2};
    auto created = sim::Simulation::create(config);
    ASSERT_TRUE(created.ok()) << created.error().to_string();
    sim::Simulation s = std::move(created.value());
    GraphModel tick_by_tick;
    for (int t = 0; t < 150 && s.run_tick(); ++t) tick_by_tick.update(nodes_of(s));
    auto forward = nodes_of(s);
    auto backward = forward;
    std::reverse(backward.begin(), backward.end());
    GraphModel a, b;
    a.update(forward);
    b.update(backward);
    std::size_t forked = 0, side_branches = 0;
    for (UnionIndex u = 0; u < a.event_count(); ++u) {
        const UnionEvent& ea = a.event(u);
        const UnionIndex v = b.find(ea.hash);
        const UnionIndex w = tick_by_tick.find(ea.hash);
        ASSERT_NE(v, kNoUnionEvent);
        ASSERT_NE(w, kNoUnionEvent);
        for (const UnionEvent* other : {&b.event(v), &tick_by_tick.event(w)}) {
            EXPECT_EQ(other->fork_slot_size, ea.fork_slot_size);
            EXPECT_EQ(other->fork_number, ea.fork_number);
            EXPECT_EQ(other->fork_column, ea.fork_column);
        }
        forked += ea.fork_slot_size >= 2;
        side_branches += ea.fork_column != 0;
    }
    ASSERT_GT(forked, 0u) << "the Byzantine node forked at least once in 150 ticks";
    // Honest nodes accuse the forker (spec §7): the vote is marked and names the accused event.
    std::size_t accusations = 0;
    for (UnionIndex u = 0; u < a.event_count(); ++u) {
        const EventMarks m = event_marks(a, u, kNoSource);
        if (!m.is_accusation) continue;
        ++accusations;
        EXPECT_EQ(a.event(u).payload_kind, model::ObsKind::Accusation);
        EXPECT_NE(a.event(u).payload_text.find(a.lane(0).short_name), std::string::npos)
            << "names an event of the forking node (lane 0, " << a.lane(0).name << "): " << a.event(u).payload_text;
    }
    EXPECT_GT(accusations, 0u);
    EXPECT_GT(side_branches, 0u) << "a fork is drawn as a side branch";
    // Within a slot, fork numbers are 0..size-1 ranked by hash.
    std::map<std::pair<LaneIndex, std::uint32_t>, std::vector<UnionIndex>> slots;
    for (UnionIndex u = 0; u < a.event_count(); ++u)
        if (a.event(u).fork_slot_size >= 2) slots[{a.event(u).lane, a.event(u).index_by_creator}].push_back(u);
    for (auto& [slot, members] : slots) {
        std::sort(members.begin(), members.end(), [&](UnionIndex x, UnionIndex y) { return a.event(x).hash < a.event(y).hash; });
        for (std::uint32_t r = 0; r < members.size(); ++r) {
            EXPECT_EQ(a.event(members[r]).fork_number, r);
            EXPECT_EQ(a.event(members[r]).fork_slot_size, members.size());
        }
    }
}

}  // namespace
}  // namespace parsec::viz
