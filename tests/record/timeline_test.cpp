// Rewind and branches: seeking anywhere gives the state a straight replay reaches; a branch started
// at input k with other inputs replays exactly, and so does the original.
#include <gtest/gtest.h>

#include "record/codec.hpp"
#include "record/timeline.hpp"
#include "record_fixture.hpp"

namespace parsec::record {
namespace {

core::Hash32 replayed_digest(const Recording& rec, BranchId branch, InputIndex to) {
    sim::Cluster state = sim::Cluster::create(rec.config).value();
    auto report = replay(rec, branch, to, {}, &state);
    EXPECT_TRUE(report.ok());
    EXPECT_FALSE(report->divergence.has_value());
    return state.digest();
}

TEST(RecordTimeline, SeekAnywhereMatchesAStraightReplay) {
    const Recording rec = testing::record_small(31);
    auto timeline = Timeline::open(rec, kRootBranch, 16);
    ASSERT_TRUE(timeline.ok()) << timeline.error().to_string();
    const InputIndex n = timeline->length();
    ASSERT_GT(n, 64u);
    // Forward, backward, repeated, to the ends, between snapshots and on them.
    for (InputIndex target : {n / 2, n / 3, InputIndex{0}, n, n - 1, InputIndex{16}, InputIndex{17}, n / 2, InputIndex{5}}) {
        auto d = timeline->seek(target);
        ASSERT_FALSE(d.has_value()) << d->what;
        ASSERT_EQ(timeline->position(), target);
        EXPECT_EQ(timeline->cluster().digest(), replayed_digest(rec, kRootBranch, target)) << "at input " << target;
    }
    EXPECT_GT(timeline->snapshot_count(), n / 16 / 2);
    EXPECT_EQ(timeline->seek(n + 100), std::nullopt);
    EXPECT_EQ(timeline->position(), n);  // clamped
    EXPECT_FALSE(timeline->step());
}

TEST(RecordTimeline, SnapshotsStayWithinTheMemoryBudget) {
    const Recording rec = testing::record_small(35);
    // A budget for a handful of snapshots of this run's final size.
    auto full = Timeline::open(rec, kRootBranch, 4, ~std::size_t{0});
    ASSERT_TRUE(full.ok());
    ASSERT_FALSE(full->prepare().has_value());
    const std::size_t one_final = full->snapshot_bytes() / full->snapshot_count() * 2;
    auto timeline = Timeline::open(rec, kRootBranch, 4, 5 * one_final);
    ASSERT_TRUE(timeline.ok());
    ASSERT_FALSE(timeline->prepare().has_value());
    EXPECT_LE(timeline->snapshot_bytes(), 5 * one_final);
    EXPECT_LT(timeline->snapshot_count(), full->snapshot_count() / 4);
    EXPECT_GT(timeline->snapshot_every(), 4u);  // the spacing grew
    for (InputIndex target : {timeline->length() / 5, timeline->length() - 3, InputIndex{7}}) {
        ASSERT_FALSE(timeline->seek(target).has_value());
        EXPECT_EQ(timeline->cluster().digest(), replayed_digest(rec, kRootBranch, target)) << "at input " << target;
    }
}

TEST(RecordTimeline, StepReportsADivergenceFromTheRecording) {
    Recording rec = testing::record_small(32);
    auto& outcomes = rec.branches[0].outcomes;
    std::size_t victim = 40;
    while (outcomes[victim].created.empty()) ++victim;
    outcomes[victim].created[0].hash[0] ^= 1;
    auto timeline = Timeline::open(rec);
    ASSERT_TRUE(timeline.ok());
    auto d = timeline->seek(victim + 10);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->input, victim);
}

TEST(RecordTimeline, BranchesFromAPastInputReplayExactly) {
    const Recording original = testing::record_small(33);
    auto timeline = Timeline::open(original, kRootBranch, 32);
    ASSERT_TRUE(timeline.ok());
    const InputIndex k = timeline->length() / 3;
    ASSERT_FALSE(timeline->seek(k).has_value());

    // Branch 1: the simulation continues from input k with another seed.
    const BranchId alt = timeline->branch_here("other seed", 777);
    ASSERT_EQ(alt, 1u);
    {
        sim::Simulation sim = timeline->continue_simulation();
        Recorder recorder(timeline->mutable_recording(), alt);
        sim.set_sink(&recorder);
        sim.run();
        recorder.finish(sim.cluster());
    }
    // Branch 2, from the same point: a user vote, then nothing else.
    ASSERT_TRUE(timeline->select_branch(kRootBranch).ok());
    ASSERT_FALSE(timeline->seek(k).has_value());
    const BranchId user = timeline->branch_here("user vote", 5);
    sim::Input vote{timeline->cluster().tick(), sim::VoteInput{0, sim::PayloadKind::Opaque, "user-tx", sim::kNoNode}};
    auto applied = timeline->apply(vote);
    ASSERT_TRUE(applied.ok()) << applied.error().to_string();
    EXPECT_FALSE(applied->created.empty());  // voting makes an event
    timeline->store_checkpoint();

    const Recording& rec = timeline->recording();
    ASSERT_EQ(rec.branches.size(), 3u);
    const Branch& b1 = rec.branches[alt];
    ASSERT_GT(b1.inputs.size(), 10u);
    EXPECT_EQ(b1.fork_input, k);
    EXPECT_EQ(rec.path_input(alt, k - 1), rec.path_input(kRootBranch, k - 1));  // shared prefix
    bool differs = false;
    for (InputIndex i = k; i < std::min(b1.end(), original.branches[0].end()); ++i)
        differs = differs || !(*rec.path_input(alt, i) == *rec.path_input(kRootBranch, i));
    EXPECT_TRUE(differs) << "the other seed changed nothing";
    EXPECT_EQ(shared_prefix(rec, alt, user), k);
    EXPECT_EQ(shared_prefix(rec, kRootBranch, alt), k);

    // Through the file, every branch replays exactly, checkpoints included.
    auto decoded = decode(encode(rec));
    ASSERT_TRUE(decoded.ok());
    ASSERT_FALSE(decoded->damage.has_value());
    ASSERT_EQ(decoded->recording, rec);
    for (BranchId b : {kRootBranch, alt, user}) {
        auto report = replay(decoded->recording, b, ~InputIndex{0});
        ASSERT_TRUE(report.ok());
        EXPECT_FALSE(report->divergence.has_value()) << "branch " << b << ": " << report->divergence->what;
        EXPECT_EQ(report->inputs, path_length(rec, b));
        EXPECT_GE(report->checkpoints, b == kRootBranch ? 2u : 3u);  // genesis, (fork,) end
    }

    // A timeline on the loaded file moves between branches and lands on the replayed states.
    auto reopened = Timeline::open(decoded->recording, alt, 32);
    ASSERT_TRUE(reopened.ok());
    for (auto [branch, at] : {std::pair{alt, b1.end()}, std::pair{kRootBranch, k + 5}, std::pair{user, k + 1},
                              std::pair{alt, k + 3}, std::pair{kRootBranch, InputIndex{3}}}) {
        ASSERT_TRUE(reopened->select_branch(branch).ok());
        ASSERT_FALSE(reopened->seek(at).has_value());
        EXPECT_EQ(reopened->cluster().digest(), replayed_digest(rec, branch, at)) << "branch " << branch << " at " << at;
    }
}

// A partition applied live (not scripted) at some tick and healed live later: both are recorded
// as live inputs, the cut links drop messages in between, and the branch replays exactly.
TEST(RecordTimeline, FaultsAppliedLiveAreRecordedAndReplayExactly) {
    auto timeline = Timeline::open(testing::record_small(36, 10), kRootBranch, 32);
    ASSERT_TRUE(timeline.ok());
    ASSERT_FALSE(timeline->seek(timeline->length() / 4).has_value());
    const BranchId live = timeline->branch_here("live partition", 9);
    sim::FaultChange split = sim::FaultChange::of(sim::FaultKind::Partition);
    split.groups = {0, 0, 0, 1};  // Dave alone; the other three are still a supermajority
    {
        sim::Simulation sim = timeline->continue_simulation();
        Recorder recorder(timeline->mutable_recording(), live);
        sim.set_sink(&recorder);
        ASSERT_TRUE(sim.apply(sim::Input{sim.tick(), sim::FaultInput{split, -1}}).ok());
        const sim::Tick healed_at = sim.tick() + 60;
        while (sim.tick() < healed_at && sim.run_tick()) {
        }
        ASSERT_FALSE(sim.is_finished()) << "the run ended before the heal";
        ASSERT_TRUE(sim.apply(sim::Input{sim.tick(), sim::FaultInput{sim::FaultChange::of(sim::FaultKind::Heal), -1}}).ok());
        sim.run();
        recorder.finish(sim.cluster());
        EXPECT_TRUE(sim.reached_blocks()) << "no progress after the heal";
        EXPECT_EQ(sim.checkers().violation_count(), 0u);
    }
    const Recording& rec = timeline->recording();
    std::size_t live_faults = 0, partition_drops = 0;
    for (const sim::Input& in : rec.branches[live].inputs) {
        if (const auto* f = std::get_if<sim::FaultInput>(&in.body); f && f->script_index == -1) ++live_faults;
        if (const auto* d = std::get_if<sim::DropInput>(&in.body); d && d->reason == sim::DropReason::Partition)
            ++partition_drops;
    }
    EXPECT_EQ(live_faults, 2u);
    EXPECT_GT(partition_drops, 0u) << "the partition cut nothing";
    auto decoded = decode(encode(rec));
    ASSERT_TRUE(decoded.ok());
    auto report = replay(decoded->recording, live, ~InputIndex{0});
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->divergence.has_value()) << report->divergence->what;
    EXPECT_EQ(report->inputs, path_length(rec, live));
}

TEST(RecordTimeline, NewInputsOnlyAtTheEndOfABranch) {
    auto timeline = Timeline::open(testing::record_small(34));
    ASSERT_TRUE(timeline.ok());
    ASSERT_FALSE(timeline->seek(10).has_value());
    sim::Input vote{timeline->cluster().tick(), sim::VoteInput{1, sim::PayloadKind::Opaque, "x", sim::kNoNode}};
    auto refused = timeline->apply(vote);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, "NotAtEnd");
    EXPECT_FALSE(timeline->select_branch(9).ok());
}

}  // namespace
}  // namespace parsec::record
