// The recorder: appends to its branch as the simulation reports inputs and markers.
#include "record/recorder.hpp"

#include "core/assert.hpp"

namespace parsec::record {

Recorder::Recorder(Recording& recording, BranchId branch, std::size_t checkpoint_every)
    : recording_(&recording), branch_(branch), checkpoint_every_(checkpoint_every == 0 ? 1 : checkpoint_every) {
    PARSEC_ASSERT(branch < recording.branches.size(), "recording into a branch that does not exist");
}

void Recorder::on_input(const sim::Cluster& after, const sim::Input& input, const sim::Outcome& outcome) {
    Branch& b = target();
    // The cluster counts inputs along the whole path, so the branch must be at its end.
    PARSEC_ASSERT(after.input_count() == b.end() + 1, "recorder out of step with the cluster");
    b.inputs.push_back(input);
    b.outcomes.push_back(outcome);
    if (after.input_count() % checkpoint_every_ == 0) checkpoint(after);
}

void Recorder::on_marker(const sim::Marker& marker) { target().markers.push_back(marker); }

void Recorder::finish(const sim::Cluster& at_end) {
    const Branch& b = target();
    if (b.checkpoints.empty() || b.checkpoints.back().input != at_end.input_count()) checkpoint(at_end);
}

void Recorder::checkpoint(const sim::Cluster& cluster) {
    target().checkpoints.push_back(Checkpoint{cluster.input_count(), cluster.tick(), cluster.digest()});
}

Recording start_recording(const sim::Cluster& cluster, std::string version) {
    Recording r;
    r.engine_version = std::move(version);
    r.config = cluster.config();
    for (const auto& n : cluster.nodes()) r.peers.push_back(PeerKey{n.name, n.identity.id.public_key});
    Branch root;
    root.id = kRootBranch;
    root.seed = cluster.config().seed;
    root.label = "root";
    root.checkpoints.push_back(Checkpoint{0, cluster.tick(), cluster.digest()});
    r.branches.push_back(std::move(root));
    PARSEC_ASSERT(r.branches.size() == 1, "a new recording has only its root");
    return r;
}

std::string engine_version() { return "parsec-debugger 0.1.0 (reference: maidsafe/parsec v0.7.3)"; }

core::Result<Recording> record_simulation(const sim::SimConfig& config,
                                          const std::function<void(const sim::Simulation&)>& on_tick) {
    auto sim = sim::Simulation::create(config);
    if (!sim.ok()) return sim.error();
    Recording recording = start_recording(sim->cluster(), engine_version());
    Recorder recorder(recording, kRootBranch);
    sim->set_sink(&recorder);
    sim->run(on_tick);
    recorder.finish(sim->cluster());
    return recording;
}

}  // namespace parsec::record
