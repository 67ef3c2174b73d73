// Records a running simulation into one branch of a Recording: every input with its outcome, the
// checkers' markers, and a state digest every `checkpoint_every` inputs (and at the end) that a
// replay verifies. Plug it into sim::Simulation::set_sink.
#pragma once
#include <functional>

#include "record/recording.hpp"
#include "sim/simulation.hpp"

namespace parsec::record {

inline constexpr std::size_t kFileCheckpointEvery = 1024;  // digests stored in the file

class Recorder : public sim::InputSink {
public:
    Recorder(Recording& recording, BranchId branch, std::size_t checkpoint_every = kFileCheckpointEvery);

    void on_input(const sim::Cluster& after, const sim::Input& input, const sim::Outcome& outcome) override;
    void on_marker(const sim::Marker& marker) override;
    // Adds the final checkpoint (the state the run ended in), once the run is over.
    void finish(const sim::Cluster& at_end);

    BranchId branch() const { return branch_; }

private:
    void checkpoint(const sim::Cluster& cluster);
    Branch& target() { return recording_->branches[branch_]; }

    Recording* recording_;
    BranchId branch_;
    std::size_t checkpoint_every_;
};

// Runs a whole simulation of `config` and returns its recording (root branch only). `on_tick` sees
// the simulation after every tick (progress display).
core::Result<Recording> record_simulation(const sim::SimConfig& config,
                                          const std::function<void(const sim::Simulation&)>& on_tick = {});

}  // namespace parsec::record
