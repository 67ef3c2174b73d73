// A live simulated cluster as a session: every node's engine, moved through time one cluster
// input at a time. The simulation runs ahead on demand (the session grows when advanced past its
// end); going back restores the nearest in-memory checkpoint and re-applies the recorded inputs,
// which replay bit for bit (style §8.3).
#pragma once
#include <map>
#include <memory>
#include <optional>

#include "record/recorder.hpp"
#include "session/session.hpp"
#include "sim/simulation.hpp"

namespace parsec::app {

class ClusterSession final : public Session, private sim::InputSink {
public:
    static core::Result<std::unique_ptr<ClusterSession>> create(const sim::SimConfig& config);
    // The root branch of a recording, replayed; it continues live past its last input with the
    // branch's scheduler seed. `title` names it (usually the file).
    static core::Result<std::unique_ptr<ClusterSession>> from_recording(
        const record::Recording& recording, std::string title);
    ~ClusterSession() override;

    std::string title() const override { return title_; }
    size_t node_count() const override;
    const node::Node& node(size_t i) const override {
        return *shown().node(static_cast<sim::NodeId>(i)).engine;
    }
    std::string node_name(size_t i) const override {
        return shown().node(static_cast<sim::NodeId>(i)).name;
    }
    size_t input_count() const override { return root().inputs.size(); }
    size_t position() const override { return position_; }
    // Past the end the simulation runs on (at most `kGrowInputsMax` new inputs per call).
    core::Status seek(size_t input) override;
    // Until the configuration's end (ticks_max, until_blocks) is reached.
    bool is_live() const override { return !head_->is_finished(); }
    std::string input_label(size_t input) const override;
    const std::vector<size_t>& decision_positions() const override { return decisions_; }
    std::string decision_text(size_t position) const override;
    std::string summary() const override;

    const sim::SimConfig& config() const { return config_; }
    const sim::Cluster& cluster() const { return shown(); }
    // The whole session so far as a recording (root branch: config, keys, inputs, outcomes,
    // checkpoint digests, markers, and the digest of the newest state), for saving.
    record::Recording to_recording() const;
    const std::vector<sim::Marker>& markers() const { return root().markers; }
    const std::vector<SessionMarker>& marker_entries() const override;

    // Checkpoints start every 32 inputs; past 40 of them, or past a memory budget counted in
    // stored events (about 3 KB each, so ~450 MB), every other one goes and the spacing doubles:
    // memory stays bounded while a seek re-executes at most one spacing of inputs.
    static constexpr size_t kCheckpointEveryInputsMin = 32;
    static constexpr size_t kCheckpointsMax = 40;
    static constexpr size_t kCheckpointEventsMax = 150000;
    size_t checkpoint_spacing() const { return checkpoint_every_; }
    static constexpr size_t kGrowInputsMax = 100000;

private:
    ClusterSession(record::Recording recording, sim::Cluster genesis, std::string title);
    // From the head simulation: recorded, then indexed for the GUI.
    void on_input(const sim::Cluster& after, const sim::Input& input,
                  const sim::Outcome& outcome) override;
    void on_marker(const sim::Marker& marker) override { recorder_.on_marker(marker); }
    // Labels, decisions, checkpoints and message routes of the input just applied.
    void index_input(const sim::Cluster& after, const sim::Input& input,
                     const sim::Outcome& outcome);
    const record::Branch& root() const { return recording_.branches.front(); }
    mutable std::vector<SessionMarker> marker_entries_;  // root().markers described, grown lazily
    core::Status grow_to(size_t inputs);
    size_t stored_events() const;  // events held by all checkpoints, over all nodes
    core::Status move_shown_to(size_t input);
    const sim::Cluster& shown() const;
    std::string describe_input(const sim::Cluster& after, const sim::Input& input) const;

    struct MessageInfo {
        sim::NodeId from;
        sim::NodeId to;
        bool is_request;
    };

    sim::SimConfig config_;
    std::string title_;
    record::Recording recording_;          // the truth: every input and outcome so far
    record::Recorder recorder_;            // appends the head's inputs to the root branch
    std::optional<sim::Simulation> head_;  // generates new inputs; always at input_count()
    std::vector<std::string> labels_;
    std::vector<size_t> decisions_;
    std::vector<std::string> decision_texts_;  // parallel to decisions_
    // (inputs applied, state), ascending; position 0 is always there.
    std::vector<std::pair<size_t, sim::Cluster>> checkpoints_;
    size_t checkpoint_every_ = kCheckpointEveryInputsMin;
    std::map<sim::MessageId, MessageInfo> messages_;  // every message ever sent
    // The state shown when it is not the head's: a checkpoint copy moved forward input by input.
    std::optional<sim::Cluster> replica_;
    size_t replica_position_ = 0;
    size_t position_ = 0;
};

}  // namespace parsec::app
