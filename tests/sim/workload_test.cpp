// The workload SPEC in a running cluster: only the chosen nodes vote, the run proposes no more
// payloads than asked, and the gossip rate sets how many gossip initiatives the nodes take.
#include <gtest/gtest.h>

#include <set>

#include "sim/fault_spec.hpp"
#include "sim_test_support.hpp"

namespace parsec::sim {
namespace {

struct Tally : InputSink {
    std::set<NodeId> opaque_voters;
    std::set<std::string> payloads;
    std::size_t gossips = 0;
    void on_input(const Cluster&, const Input& in, const Outcome&) override {
        if (const auto* v = std::get_if<VoteInput>(&in.body); v && v->kind == PayloadKind::Opaque) {
            opaque_voters.insert(v->node);
            payloads.insert(v->text);
        }
        if (std::holds_alternative<GossipInput>(in.body)) ++gossips;
    }
    void on_marker(const Marker&) override {}
};

Tally run_with(SimConfig c, const char* workload) {
    EXPECT_TRUE(apply_workload_spec(workload, c).ok());
    EXPECT_TRUE(validate(c).ok());
    Tally tally;
    auto s = Simulation::create(c);
    EXPECT_TRUE(s.ok());
    if (!s.ok()) return tally;
    s->set_sink(&tally);
    s->run();
    for (const Marker& m : s->markers()) EXPECT_FALSE(is_violation(m.kind)) << describe_marker(m, {});
    return tally;
}

TEST(SimWorkload, OnlyTheChosenVotersVote) {
    SimConfig c = testing::mock_config(5, 7, 3000, 6);
    const Tally all = run_with(c, "rate=1/4");
    EXPECT_EQ(all.opaque_voters.size(), 7u) << "by default every member votes";
    const Tally chosen = run_with(c, "rate=1/4,voters=Bob+Dave+Eric+Fred+Gina");
    EXPECT_EQ(chosen.opaque_voters, (std::set<NodeId>{1, 3, 4, 5, 6}));
    c.mode = model::ConsensusMode::Single;
    const Tally single = run_with(c, "rate=1/4,voters=Carol");
    EXPECT_EQ(single.opaque_voters, (std::set<NodeId>{2}));
}

TEST(SimWorkload, PayloadsStopAtTheLimitAndGossipFollowsItsRate) {
    SimConfig c = testing::mock_config(9, 4, 400);
    const Tally capped = run_with(c, "rate=1,payloads=7");
    EXPECT_EQ(capped.payloads.size(), 7u) << "one payload a tick, then no more after 7";
    const Tally busy = run_with(c, "gossip=1");
    const Tally quiet = run_with(c, "gossip=1/8");
    // Four nodes for 400 ticks: 1600 initiatives at gossip=1, about 200 at 1/8.
    EXPECT_GT(busy.gossips, 1500u);
    EXPECT_LT(quiet.gossips, 300u);
    EXPECT_GT(quiet.gossips, 100u);
}

}  // namespace
}  // namespace parsec::sim
