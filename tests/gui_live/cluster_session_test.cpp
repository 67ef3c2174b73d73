// ClusterSession: the live session the GUI opens on. Moving back and forth must show exactly the
// state a straight replay of the same inputs gives (so "instant" seeks never show a different
// cluster), the session grows past its end, and its recording replays into an equal session.
#include <gtest/gtest.h>

#include "record/replay.hpp"
#include "session/cluster_session.hpp"
#include "session/default_cluster.hpp"

namespace parsec::app {
namespace {

// The digest of a fresh cluster after the session's first `n` recorded inputs.
core::Hash32 straight_replay_digest(const ClusterSession& s, size_t n) {
    const auto recording = s.to_recording();
    auto cluster = sim::Cluster::create(recording.config);
    EXPECT_TRUE(cluster.ok());
    for (size_t i = 0; i < n; ++i)
        EXPECT_TRUE(cluster->apply(recording.branches[0].inputs[i]).ok());
    return cluster->digest();
}

sim::SimConfig small_config() {
    sim::SimConfig c = default_live_config();
    c.identities = crypto::IdentityKind::Mock;  // fast; the session does not depend on the kind
    return c;
}

TEST(ClusterSession, GrowsWhenAdvancedPastItsEnd) {
    auto s = ClusterSession::create(small_config());
    ASSERT_TRUE(s.ok());
    EXPECT_EQ((*s)->input_count(), 0u);
    ASSERT_TRUE((*s)->seek(250).ok());
    EXPECT_EQ((*s)->position(), 250u);
    EXPECT_GE((*s)->input_count(), 250u);
    EXPECT_EQ((*s)->node_count(), 4u);
    EXPECT_GT((*s)->node(0).graph().size(), 4u);
}

// A configuration with an end (a recording made by `sim`, say) stops growing there.
TEST(ClusterSession, StopsAtTheConfiguredEnd) {
    sim::SimConfig config = small_config();
    config.ticks_max = 40;
    auto s = ClusterSession::create(config);
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE((*s)->is_live());
    ASSERT_TRUE((*s)->seek(100000).ok());
    EXPECT_FALSE((*s)->is_live());
    EXPECT_LE((*s)->cluster().tick(), 40u);  // the last input came at or before the end
    EXPECT_GT((*s)->input_count(), 0u);
    EXPECT_EQ((*s)->position(), (*s)->input_count());
}

TEST(ClusterSession, SeekBackShowsTheStraightReplayState) {
    auto made = ClusterSession::create(small_config());
    ASSERT_TRUE(made.ok());
    ClusterSession& s = **made;
    ASSERT_TRUE(s.seek(2000).ok());  // past 40 checkpoints: the spacing has doubled at least once
    EXPECT_GT(s.checkpoint_spacing(), ClusterSession::kCheckpointEveryInputsMin);
    for (size_t target : {1999u, 1000u, 37u, 0u, 1u, 700u, 701u, 1500u}) {
        ASSERT_TRUE(s.seek(target).ok());
        EXPECT_EQ(s.position(), target);
        EXPECT_EQ(s.cluster().digest(), straight_replay_digest(s, target)) << "at input " << target;
    }
}

TEST(ClusterSession, DecisionPositionsAreWhereBlocksWerePolled) {
    auto made = ClusterSession::create(small_config());
    ASSERT_TRUE(made.ok());
    ClusterSession& s = **made;
    ASSERT_TRUE(s.seek(600).ok());
    ASSERT_FALSE(s.decision_positions().empty());
    for (size_t p : s.decision_positions()) {
        ASSERT_TRUE(s.seek(p - 1).ok());
        size_t before = 0;
        for (const auto& n : s.cluster().nodes()) before += n.blocks.size();
        ASSERT_TRUE(s.seek(p).ok());
        size_t after = 0;
        for (const auto& n : s.cluster().nodes()) after += n.blocks.size();
        EXPECT_GT(after, before) << "no block polled by input " << p;
    }
}

TEST(ClusterSession, LabelsNameNodesAndMessages) {
    auto made = ClusterSession::create(small_config());
    ASSERT_TRUE(made.ok());
    ClusterSession& s = **made;
    ASSERT_TRUE(s.seek(300).ok());
    bool has_delivery = false, has_vote = false;
    for (size_t i = 1; i <= 300; ++i) {
        const std::string label = s.input_label(i);
        has_delivery |= label.find("deliver ") != std::string::npos &&
                        label.find("->") != std::string::npos &&
                        (label.find(" request") != std::string::npos ||
                         label.find(" response") != std::string::npos);
        has_vote |= label.find(" votes tx") != std::string::npos;
    }
    EXPECT_TRUE(has_delivery);
    EXPECT_TRUE(has_vote);
    EXPECT_EQ(s.input_label(0), "genesis");
}

TEST(ClusterSession, ItsRecordingReopensAsTheSameSession) {
    auto made = ClusterSession::create(small_config());
    ASSERT_TRUE(made.ok());
    ASSERT_TRUE((*made)->seek(400).ok());
    const auto recording = (*made)->to_recording();
    auto reopened = ClusterSession::from_recording(recording, "test.pcrec");
    ASSERT_TRUE(reopened.ok()) << reopened.error().to_string();
    EXPECT_EQ((*reopened)->input_count(), (*made)->input_count());
    EXPECT_EQ((*reopened)->decision_positions(), (*made)->decision_positions());
    ASSERT_TRUE((*made)->seek((*made)->input_count()).ok());
    EXPECT_EQ((*reopened)->cluster().digest(), (*made)->cluster().digest());
    // It stays live: it grows past the recorded end.
    ASSERT_TRUE((*reopened)->seek(recording.branches[0].inputs.size() + 50).ok());
    EXPECT_GT((*reopened)->input_count(), recording.branches[0].inputs.size());
}

TEST(ClusterSession, ATamperedRecordingIsRefusedNamingTheInput) {
    auto made = ClusterSession::create(small_config());
    ASSERT_TRUE(made.ok());
    ASSERT_TRUE((*made)->seek(200).ok());
    auto recording = (*made)->to_recording();
    recording.branches[0].outcomes[120].sent.push_back(999999);
    auto reopened = ClusterSession::from_recording(recording, "bad.pcrec");
    ASSERT_FALSE(reopened.ok());
    EXPECT_EQ(reopened.error().where, "bad.pcrec: input 121");
}

}  // namespace
}  // namespace parsec::app
