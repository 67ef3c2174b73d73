// Same seed and configuration give the same events, hashes and blocks; another seed gives others.
#include <gtest/gtest.h>

#include "sim/fault_spec.hpp"
#include "sim_test_support.hpp"

namespace parsec::sim {
namespace {

using testing::fingerprint;

SimConfig faulty_config(std::uint64_t seed, crypto::IdentityKind identities) {
    SimConfig c;
    c.seed = seed;
    c.genesis_count = 5;
    c.identities = identities;
    c.until_blocks = 3;
    c.ticks_max = 20000;
    EXPECT_TRUE(apply_faults_spec("drop=0.05,dup=0.05,delay=1..6,reorder=0.1", c).ok());
    EXPECT_TRUE(add_partition_spec("Alice,Bob|Carol,Dave@20..80", c).ok());
    finalize_spec(c);
    return c;
}

Simulation run(const SimConfig& c) {
    auto s = Simulation::create(c);
    EXPECT_TRUE(s.ok()) << s.error().to_string();
    s->run();
    return std::move(s.value());
}

TEST(SimDeterminism, SameSeedSameEventsAndBlocks) {
    for (auto kind : {crypto::IdentityKind::Mock, crypto::IdentityKind::Ed25519}) {
        const SimConfig c = faulty_config(17, kind);
        Simulation a = run(c);
        Simulation b = run(c);
        EXPECT_TRUE(a.reached_blocks());
        EXPECT_EQ(fingerprint(a.cluster()), fingerprint(b.cluster()));
        EXPECT_EQ(a.cluster().digest(), b.cluster().digest());
        EXPECT_EQ(a.tick(), b.tick());
        EXPECT_EQ(a.markers(), b.markers());
        EXPECT_GT(a.cluster().node(0).engine->graph().size(), 50u);
    }
}

TEST(SimDeterminism, DifferentSeedDifferentRun) {
    Simulation a = run(faulty_config(17, crypto::IdentityKind::Mock));
    Simulation b = run(faulty_config(18, crypto::IdentityKind::Mock));
    EXPECT_NE(fingerprint(a.cluster()).events, fingerprint(b.cluster()).events);
    EXPECT_NE(a.cluster().digest(), b.cluster().digest());
}

TEST(SimDeterminism, ReplayingTheInputsReproducesTheCluster) {
    // The cluster's semantics have no randomness: the inputs alone rebuild the same state.
    struct Collect : InputSink {
        std::vector<Input> inputs;
        void on_input(const Cluster&, const Input& in, const Outcome&) override { inputs.push_back(in); }
        void on_marker(const Marker&) override {}
    } sink;
    const SimConfig c = faulty_config(23, crypto::IdentityKind::Mock);
    auto s = Simulation::create(c);
    ASSERT_TRUE(s.ok());
    s->set_sink(&sink);
    s->run();
    auto replay = Cluster::create(c);
    ASSERT_TRUE(replay.ok());
    for (const auto& in : sink.inputs) ASSERT_TRUE(replay->apply(in).ok());
    EXPECT_EQ(replay->digest(), s->cluster().digest());
    EXPECT_EQ(fingerprint(replay.value()), fingerprint(s->cluster()));
}

}  // namespace
}  // namespace parsec::sim
