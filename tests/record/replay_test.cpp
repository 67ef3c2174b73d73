// Record → replay: every event hash and block is reproduced; a changed recording is caught at the
// input it was changed.
#include <gtest/gtest.h>

#include "record/codec.hpp"
#include "record/replay.hpp"
#include "record_fixture.hpp"

namespace parsec::record {
namespace {

std::size_t count_blocks(const Recording& r) {
    std::size_t n = 0;
    for (const auto& o : r.branches[0].outcomes) n += o.blocks.size();
    return n;
}

TEST(RecordReplay, ReplayReproducesEveryHashAndBlock) {
    const Recording rec = testing::record_small(11);
    ASSERT_GT(rec.branches[0].inputs.size(), 100u);
    ASSERT_GT(count_blocks(rec), 0u) << "the run polled no block";
    ASSERT_GE(rec.branches[0].checkpoints.size(), 2u);  // genesis and end

    auto decoded = decode(encode(rec));
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    ASSERT_FALSE(decoded->damage.has_value()) << decoded->damage->to_string();
    ASSERT_EQ(decoded->recording, rec);

    sim::Cluster end = sim::Cluster::create(rec.config).value();
    auto report = replay(decoded->recording, kRootBranch, ~InputIndex{0}, {}, &end);
    ASSERT_TRUE(report.ok()) << report.error().to_string();
    EXPECT_FALSE(report->divergence.has_value()) << report->divergence->to_string({});
    EXPECT_EQ(report->inputs, rec.branches[0].inputs.size());
    EXPECT_EQ(report->blocks, count_blocks(rec));
    EXPECT_EQ(report->checkpoints, rec.branches[0].checkpoints.size());
    // The replayed state is the recorded end state, and every node polled what the outcomes say.
    EXPECT_EQ(end.digest(), rec.branches[0].checkpoints.back().digest);
    std::vector<std::vector<core::Hash32>> polled(end.nodes().size());
    for (const auto& o : rec.branches[0].outcomes)
        for (const auto& b : o.blocks) polled[b.node].push_back(b.payload);
    for (sim::NodeId n = 0; n < end.nodes().size(); ++n) {
        ASSERT_EQ(end.node(n).blocks.size(), polled[n].size());
        for (std::size_t k = 0; k < polled[n].size(); ++k) EXPECT_EQ(end.node(n).blocks[k].payload_hash, polled[n][k]);
    }
}

TEST(RecordReplay, ChangedEventHashIsTheFirstDivergence) {
    Recording rec = testing::record_small(12);
    auto& outcomes = rec.branches[0].outcomes;
    std::size_t victim = 0;
    for (std::size_t i = outcomes.size() / 2; i < outcomes.size(); ++i)
        if (!outcomes[i].created.empty()) {
            victim = i;
            break;
        }
    ASSERT_NE(victim, 0u);
    outcomes[victim].created[0].hash[5] ^= 0x40;
    auto report = replay(rec, kRootBranch, ~InputIndex{0});
    ASSERT_TRUE(report.ok());
    ASSERT_TRUE(report->divergence.has_value());
    EXPECT_EQ(report->divergence->input, victim);
    EXPECT_EQ(report->divergence->node, outcomes[victim].created[0].node);
    EXPECT_NE(report->divergence->what.find("created event"), std::string::npos) << report->divergence->what;
    EXPECT_EQ(report->inputs, victim + 1);
}

TEST(RecordReplay, ChangedBlockAndCheckpointAreCaught) {
    Recording rec = testing::record_small(13);
    auto& outcomes = rec.branches[0].outcomes;
    auto it = std::find_if(outcomes.begin(), outcomes.end(), [](auto& o) { return !o.blocks.empty(); });
    ASSERT_NE(it, outcomes.end());
    it->blocks[0].payload[0] ^= 1;
    auto report = replay(rec, kRootBranch, ~InputIndex{0});
    ASSERT_TRUE(report->divergence.has_value());
    EXPECT_EQ(report->divergence->input, static_cast<InputIndex>(it - outcomes.begin()));
    EXPECT_NE(report->divergence->what.find("block"), std::string::npos);

    Recording other = testing::record_small(13);
    other.branches[0].checkpoints.back().digest[0] ^= 1;
    auto second = replay(other, kRootBranch, ~InputIndex{0});
    ASSERT_TRUE(second->divergence.has_value());
    EXPECT_NE(second->divergence->what.find("digest"), std::string::npos);
}

TEST(RecordReplay, ReplayStopsWhereAsked) {
    const Recording rec = testing::record_small(14);
    auto report = replay(rec, kRootBranch, 50);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->inputs, 50u);
    EXPECT_FALSE(report->divergence.has_value());
}

}  // namespace
}  // namespace parsec::record

namespace parsec::record {
namespace {

TEST(RecordDeterminism, SameSeedSameBytesAndStableReencoding) {
    const core::Bytes first = encode(testing::record_small(15));
    const core::Bytes second = encode(testing::record_small(15));
    EXPECT_EQ(first, second) << "two runs of one seed recorded different bytes";
    auto decoded = decode(first);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(encode(decoded->recording), first);  // encode -> decode -> encode is byte-identical
    EXPECT_NE(encode(testing::record_small(16)), first);
}

}  // namespace
}  // namespace parsec::record
