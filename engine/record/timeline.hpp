// A recording opened for stepping (the GUI's player): seek to any input of the current branch,
// step, and start a new branch from the current point. Seeking restores the nearest in-memory
// snapshot of the cluster (taken every `snapshot_every` inputs as the timeline first passes them)
// and re-executes from there, checking every outcome against the recording.
#pragma once
#include <map>
#include <optional>

#include "record/recorder.hpp"
#include "record/replay.hpp"

namespace parsec::record {

// Snapshots every 256 inputs while they fit the memory budget: a seek then re-executes at most 255
// inputs plus one cluster copy. The graph's events are shared between a snapshot and the live
// cluster (core::SharedLog), so a snapshot costs only the per-event indices (hash table, slots,
// meta-event pointers): about 100 bytes per event per node, measured by bench-record as resident
// growth over 49 snapshots of a 100k-event recording. Long recordings outgrow the budget: then
// every other snapshot is dropped and the spacing doubles, keeping memory bounded and seeks
// proportionally slower (100k events, 4 nodes, 1 GiB: one every 2048 inputs, seek p99 ~25 ms).
inline constexpr std::size_t kSnapshotEvery = 256;
inline constexpr std::size_t kSnapshotBudgetBytes = std::size_t{1024} << 20;
inline constexpr std::size_t kSnapshotBytesPerNodeEvent = 100;

class Timeline {
public:
    // Errors: no such branch, or the configuration cannot make a cluster.
    static core::Result<Timeline> open(Recording recording, BranchId branch = kRootBranch,
                                       std::size_t snapshot_every = kSnapshotEvery,
                                       std::size_t budget_bytes = kSnapshotBudgetBytes);

    const Recording& recording() const { return recording_; }
    BranchId branch() const { return branch_; }
    InputIndex position() const { return cluster_.input_count(); }  // inputs applied
    InputIndex length() const { return path_length(recording_, branch_); }
    const sim::Cluster& cluster() const { return cluster_; }
    const sim::Input* next_input() const { return recording_.path_input(branch_, position()); }
    std::size_t snapshot_count() const { return snapshots_.size(); }
    std::size_t snapshot_every() const { return snapshot_every_; }
    std::size_t snapshot_bytes() const { return snapshot_bytes_; }  // estimated

    // Moves to the state after `index` inputs (clamped to the length). A divergence from the
    // recording stops the move there and is returned.
    std::optional<Divergence> seek(InputIndex index);
    // Applies the next recorded input; false at the end of the path.
    bool step(std::optional<Divergence>* divergence = nullptr);
    // Runs to the end once, taking every snapshot (so later seeks are all fast).
    std::optional<Divergence> prepare(const std::function<void(InputIndex, InputIndex)>& progress = {});

    // Switches to another branch of the recording, keeping the state if it lies on the shared part.
    core::Status select_branch(BranchId branch);
    // Starts a new, empty branch at the current position (a child of the current branch) and
    // selects it. Its inputs come from apply() or from a resumed simulation (continue_simulation).
    BranchId branch_here(std::string label, std::uint64_t seed);
    // Applies a new input at the end of the current branch and records it there (with a stored
    // digest every kFileCheckpointEvery inputs).
    core::Result<sim::Outcome> apply(const sim::Input& input);
    // Stores the current state's digest in the branch (e.g. before saving), if at its end.
    void store_checkpoint();
    // A simulation continuing from the current state with the branch's seed. To keep what it does,
    // attach Recorder(mutable_recording(), branch()); seek or select_branch afterwards to see it.
    sim::Simulation continue_simulation() const;
    Recording& mutable_recording() { return recording_; }

private:
    Timeline(Recording recording, BranchId branch, std::size_t snapshot_every, std::size_t budget_bytes,
             sim::Cluster genesis);
    std::optional<Divergence> advance_to(InputIndex index);
    void drop_snapshots_after(InputIndex index);
    void maybe_snapshot();
    static std::size_t estimate_bytes(const sim::Cluster& cluster);


    Recording recording_;
    BranchId branch_;
    std::size_t snapshot_every_;
    std::size_t budget_bytes_;
    std::size_t snapshot_bytes_ = 0;
    sim::Cluster cluster_;
    std::map<InputIndex, sim::Cluster> snapshots_;  // path index → state after that many inputs
};

// The length of the path the two branches share from input 0.
InputIndex shared_prefix(const Recording& recording, BranchId a, BranchId b);

}  // namespace parsec::record
