// The command line's SPEC syntax: what good SPECs put in the configuration, and that a malformed
// one is an error quoting the part at fault.
#include <gtest/gtest.h>

#include "sim/fault_spec.hpp"

namespace parsec::sim {
namespace {

SimConfig four() {
    SimConfig c;
    c.genesis_count = 4;
    return c;
}

// The error's text mentions `part` (the piece of the SPEC at fault).
void expect_error_names(const core::Status& s, const std::string& part) {
    ASSERT_FALSE(s.ok()) << "expected an error naming " << part;
    EXPECT_NE(s.error().to_string().find("\"" + part + "\""), std::string::npos) << s.error().to_string();
}

TEST(FaultSpec, RatiosInEveryForm) {
    EXPECT_EQ(parse_ratio("0.1").value(), (Ratio{1, 10}));
    EXPECT_EQ(parse_ratio(".25").value(), (Ratio{25, 100}));
    EXPECT_EQ(parse_ratio("1/8").value(), (Ratio{1, 8}));
    EXPECT_EQ(parse_ratio("5%").value(), (Ratio{5, 100}));
    EXPECT_EQ(parse_ratio("1").value(), (Ratio{1, 1}));
    EXPECT_EQ(parse_ratio("0").value(), (Ratio{0, 1}));
    for (const char* bad : {"", "1.5", "2", "abc", "1/0", "-0.1", "0.1.2", "3/2", "%"})
        EXPECT_FALSE(parse_ratio(bad).ok()) << bad;
}

TEST(FaultSpec, LatencyShapes) {
    EXPECT_EQ(parse_latency("7").value(), (Latency{LatencyShape::Constant, 7, 7}));
    EXPECT_EQ(parse_latency("1..20").value(), (Latency{LatencyShape::Uniform, 1, 20}));
    EXPECT_EQ(parse_latency("exp:5").value(), (Latency{LatencyShape::Exponential, 5, 0}));
    for (const char* bad : {"", "20..1", "exp:", "exp:0", "1..", "..3", "x", "1...3"})
        EXPECT_FALSE(parse_latency(bad).ok()) << bad;
}

TEST(FaultSpec, FaultsSetTheDefaultLink) {
    SimConfig c = four();
    ASSERT_TRUE(apply_faults_spec("drop=0.1,dup=0.05,delay=1..20", c).ok());
    EXPECT_EQ(c.link.drop, (Ratio{1, 10}));
    EXPECT_EQ(c.link.duplicate, (Ratio{5, 100}));
    EXPECT_EQ(c.link.latency, (Latency{LatencyShape::Uniform, 1, 20}));
    EXPECT_TRUE(c.script.empty());
}

TEST(FaultSpec, FaultsWithAWindowAreScripted) {
    SimConfig c = four();
    ASSERT_TRUE(apply_faults_spec("drop=0.5,reorder=0.2@10..50", c).ok());
    ASSERT_EQ(c.script.size(), 2u);
    EXPECT_EQ(c.script[0].tick, 10u);
    EXPECT_EQ(c.script[0].fault.kind, FaultKind::SetDefaultLink);
    EXPECT_EQ(c.script[0].fault.link.drop, (Ratio{5, 10}));
    EXPECT_EQ(c.script[0].fault.link.reorder, (Ratio{2, 10}));
    EXPECT_EQ(c.script[1].tick, 50u);
    EXPECT_EQ(c.script[1].fault.link, c.link);  // back to the default
    EXPECT_TRUE(c.link.drop.is_zero());
}

TEST(FaultSpec, MalformedFaultsNameThePart) {
    SimConfig c = four();
    expect_error_names(apply_faults_spec("drop=0.1,jitter=3", c), "jitter");
    expect_error_names(apply_faults_spec("drop=1.5", c), "drop=1.5");
    expect_error_names(apply_faults_spec("drop", c), "drop");
    expect_error_names(apply_faults_spec("delay=5..1", c), "delay=5..1");
    expect_error_names(apply_faults_spec("drop=0.1@50..10", c), "50..10");
    expect_error_names(apply_faults_spec("drop=0.1@x", c), "x");
}

TEST(FaultSpec, PartitionGroupsAndHeal) {
    SimConfig c = four();
    ASSERT_TRUE(add_partition_spec("Alice,Bob|Carol@100..400", c).ok());
    ASSERT_EQ(c.script.size(), 2u);
    EXPECT_EQ(c.script[0].tick, 100u);
    EXPECT_EQ(c.script[0].fault.kind, FaultKind::Partition);
    // Dave is unlisted: a group of his own.
    EXPECT_EQ(c.script[0].fault.groups, (std::vector<std::uint8_t>{0, 0, 1, 2}));
    EXPECT_EQ(c.script[1].tick, 400u);
    EXPECT_EQ(c.script[1].fault.kind, FaultKind::Heal);
    EXPECT_EQ(c.heal_tick(), 400u);
}

TEST(FaultSpec, MalformedPartitionsNameThePart) {
    SimConfig c = four();
    expect_error_names(add_partition_spec("Alice,Zed|Carol@1..2", c), "Zed");
    expect_error_names(add_partition_spec("Alice,Bob@1..2", c), "Alice,Bob");
    expect_error_names(add_partition_spec("Alice|Alice@1..2", c), "Alice");
    expect_error_names(add_partition_spec("Alice|Bob", c), "Alice|Bob");
    expect_error_names(add_partition_spec("Alice|Bob@9..3", c), "9..3");
}

TEST(FaultSpec, CrashPauseRestart) {
    SimConfig c = four();
    ASSERT_TRUE(add_crash_spec("Dave@30", c).ok());
    ASSERT_TRUE(add_pause_spec("Bob@10..20", c).ok());
    ASSERT_TRUE(add_restart_spec("Carol@5..15", c).ok());
    finalize_spec(c);
    std::vector<std::pair<Tick, FaultKind>> got;
    for (const auto& e : c.script) got.emplace_back(e.tick, e.fault.kind);
    const std::vector<std::pair<Tick, FaultKind>> want{{5, FaultKind::Stop},    {10, FaultKind::Pause},
                                                       {15, FaultKind::Restart}, {20, FaultKind::Resume},
                                                       {30, FaultKind::Crash}};
    EXPECT_EQ(got, want);
    EXPECT_EQ(c.script.back().fault.node, 3u);
}

TEST(FaultSpec, MalformedNodeWindowsNameThePart) {
    SimConfig c = four();
    expect_error_names(add_crash_spec("Dave", c), "Dave");
    expect_error_names(add_crash_spec("Dave@1..5", c), "1..5");
    expect_error_names(add_crash_spec("Nobody@5", c), "Nobody");
    expect_error_names(add_pause_spec("Bob@10", c), "10");
    expect_error_names(add_pause_spec("Bob@ten..20", c), "ten..20");
}

TEST(FaultSpec, LinkInOneOrBothDirections) {
    SimConfig c = four();
    ASSERT_TRUE(add_link_spec("Alice>Bob:drop=1@10..20", c).ok());
    ASSERT_EQ(c.script.size(), 2u);
    EXPECT_EQ(c.script[0].fault.kind, FaultKind::SetLink);
    EXPECT_EQ(c.script[0].fault.node, 0u);
    EXPECT_EQ(c.script[0].fault.peer, 1u);
    EXPECT_EQ(c.script[1].fault.kind, FaultKind::ClearLink);
    ASSERT_TRUE(add_link_spec("Carol-Dave:delay=exp:4", c).ok());
    EXPECT_EQ(c.script.size(), 4u);
    expect_error_names(add_link_spec("Alice>Alice:drop=1", c), "Alice>Alice");
    expect_error_names(add_link_spec("Alice:drop=1", c), "Alice");
}

TEST(FaultSpec, ByzantineKindsByNameAndByCount) {
    SimConfig c;
    c.genesis_count = 7;
    c.seed = 5;
    ASSERT_TRUE(add_byzantine_node_spec("Bob=fork", c).ok());
    ASSERT_TRUE(apply_byzantine_spec("double-vote=1,withhold=1", c).ok());
    finalize_spec(c);
    EXPECT_EQ(c.byzantine_of(1), ByzantineKind::Fork);
    int dv = 0, wh = 0, honest = 0;
    for (NodeId i = 0; i < 7; ++i) {
        dv += c.byzantine_of(i) == ByzantineKind::DoubleVote;
        wh += c.byzantine_of(i) == ByzantineKind::Withhold;
        honest += c.is_honest(i);
    }
    EXPECT_EQ(dv, 1);
    EXPECT_EQ(wh, 1);
    EXPECT_EQ(honest, 4);
    // The choice depends on the seed only.
    SimConfig d;
    d.genesis_count = 7;
    d.seed = 5;
    ASSERT_TRUE(add_byzantine_node_spec("Bob=fork", d).ok());
    ASSERT_TRUE(apply_byzantine_spec("double-vote=1,withhold=1", d).ok());
    finalize_spec(d);
    EXPECT_EQ(c.byzantine, d.byzantine);
}

TEST(FaultSpec, MalformedByzantineNameThePart) {
    SimConfig c = four();
    expect_error_names(apply_byzantine_spec("fork=1,evil=1", c), "evil");
    expect_error_names(apply_byzantine_spec("fork", c), "fork");
    expect_error_names(apply_byzantine_spec("fork=x", c), "fork=x");
    expect_error_names(apply_byzantine_spec("fork=9", c), "fork=9");
    expect_error_names(add_byzantine_node_spec("Bob=sneaky", c), "sneaky");
    expect_error_names(add_byzantine_node_spec("Zed=fork", c), "Zed");
    expect_error_names(add_byzantine_node_spec("Bob", c), "Bob");
}

TEST(FaultSpec, WorkloadSettings) {
    SimConfig c = four();
    ASSERT_TRUE(add_join_spec("@40", c).ok());  // Eric, who may be chosen as a voter
    ASSERT_TRUE(apply_workload_spec("rate=1/3,payloads=20,delay=2..5,voters=Eric+Bob+Eric,gossip=25%", c).ok());
    EXPECT_EQ(c.workload.payload_chance, (Ratio{1, 3}));
    EXPECT_EQ(c.workload.payloads_max, 20u);
    EXPECT_EQ(c.workload.vote_delay, (Latency{LatencyShape::Uniform, 2, 5}));
    EXPECT_EQ(c.workload.voters, (std::vector<NodeId>{1, 4}));  // sorted, once each
    EXPECT_EQ(c.gossip_chance, (Ratio{25, 100}));
    ASSERT_TRUE(apply_workload_spec("voters=all", c).ok());
    EXPECT_TRUE(c.workload.voters.empty());
    EXPECT_EQ(c.workload.payloads_max, 20u) << "settings not named keep their value";
}

TEST(FaultSpec, MalformedWorkloadNamesThePart) {
    SimConfig c = four();
    expect_error_names(apply_workload_spec("rate=2", c), "rate=2");
    expect_error_names(apply_workload_spec("payloads=0", c), "payloads=0");
    expect_error_names(apply_workload_spec("payloads=many", c), "payloads=many");
    expect_error_names(apply_workload_spec("delay=9..3", c), "delay=9..3");
    expect_error_names(apply_workload_spec("voters=Alice+Zed", c), "Zed");
    expect_error_names(apply_workload_spec("rate=1/8,speed=3", c), "speed");
    expect_error_names(apply_workload_spec("rate", c), "rate");
    expect_error_names(apply_workload_spec("", c), "");
}

TEST(FaultSpec, ValidationRefusesAWorkloadThatCannotDecide) {
    SimConfig c = four();
    ASSERT_TRUE(apply_workload_spec("voters=Alice+Bob", c).ok());
    ASSERT_FALSE(validate(c).ok()) << "2 of 4 voters are not more than two thirds";
    EXPECT_NE(validate(c).error().message.find("two thirds"), std::string::npos);
    c.mode = model::ConsensusMode::Single;
    EXPECT_TRUE(validate(c).ok()) << "a Single payload needs one vote";
    c.mode = model::ConsensusMode::Supermajority;
    ASSERT_TRUE(apply_workload_spec("voters=Alice+Bob+Carol", c).ok());
    EXPECT_TRUE(validate(c).ok()) << "3 of 4 are";
    c.until_blocks = 8;
    ASSERT_TRUE(apply_workload_spec("payloads=5", c).ok());
    ASSERT_FALSE(validate(c).ok()) << "8 blocks from 5 payloads";
    EXPECT_NE(validate(c).error().message.find("--until-blocks 8"), std::string::npos);
}

TEST(FaultSpec, ValidationKeepsFaultyNodesBelowAThird) {
    SimConfig c = four();
    ASSERT_TRUE(add_byzantine_node_spec("Bob=fork", c).ok());
    finalize_spec(c);
    EXPECT_TRUE(validate(c).ok());  // 1 of 4 is below a third
    ASSERT_TRUE(add_crash_spec("Carol@9", c).ok());
    finalize_spec(c);
    ASSERT_FALSE(validate(c).ok());  // 2 of 4 is not
    EXPECT_NE(validate(c).error().message.find("--safety-only"), std::string::npos);
    c.safety_only = true;
    EXPECT_TRUE(validate(c).ok());
    SimConfig seven;
    seven.genesis_count = 7;
    ASSERT_TRUE(apply_byzantine_spec("fork=1", seven).ok());
    ASSERT_TRUE(add_crash_spec("Alice@5", seven).ok());
    finalize_spec(seven);
    EXPECT_TRUE(validate(seven).ok()) << "2 of 7 is below a third";
}

TEST(FaultSpec, MembershipChanges) {
    SimConfig c = four();
    ASSERT_TRUE(add_join_spec("@50", c).ok());
    EXPECT_EQ(c.joiner_count, 1u);
    EXPECT_EQ(c.script.back().node, 4u);
    ASSERT_TRUE(add_join_spec("Fred@60", c).ok());
    expect_error_names(add_join_spec("Zed@70", c), "Zed");
    ASSERT_TRUE(add_remove_spec("Dave@80", c).ok());
    EXPECT_EQ(c.script.back().kind, ScriptEvent::Kind::RemovePeer);
    expect_error_names(add_remove_spec("Dave@80..90", c), "80..90");
}

}  // namespace
}  // namespace parsec::sim
