#include "session/cluster_session.hpp"

#include <algorithm>

#include "record/replay.hpp"

namespace parsec::app {

namespace {

// A tick may bring no input at all (nobody gossips); this many empty ticks in a row means the
// cluster has gone quiet for good (everyone crashed, no workload), so growing stops.
constexpr sim::Tick kQuietTicksMax = 100000;

std::string payload_text(const sim::VoteInput& v, const std::vector<std::string>& names) {
    auto name = [&](sim::NodeId n) {
        return n < names.size() ? names[n] : "#" + std::to_string(n);
    };
    switch (v.kind) {
        case sim::PayloadKind::Opaque:
            return v.text;
        case sim::PayloadKind::Add:
            return "Add(" + name(v.peer) + ")";
        case sim::PayloadKind::Remove:
            return "Remove(" + name(v.peer) + ")";
    }
    return "?";
}

std::string block_text(const model::Observation& o) {
    switch (o.kind) {
        case model::ObsKind::OpaquePayload:
            return o.payload;
        case model::ObsKind::Genesis:
            return "Genesis";
        case model::ObsKind::Add:
            return "Add(" + o.peer.name + ")";
        case model::ObsKind::Remove:
            return "Remove(" + o.peer.name + ")";
        case model::ObsKind::Accusation:
            return "Accusation(" + o.peer.name + ")";
        default:
            return "a block";
    }
}

// "Alice decides tx3", "Bob, Dave decide Genesis, tx0": who polled which blocks in one input.
std::string describe_decision(const sim::Cluster& after, const sim::Outcome& outcome) {
    std::vector<std::string> who;
    std::vector<std::string> what;
    std::vector<size_t> taken(after.nodes().size(), 0);
    for (const auto& b : outcome.blocks) {
        const auto& node = after.node(b.node);
        if (std::find(who.begin(), who.end(), node.name) == who.end()) who.push_back(node.name);
        const size_t back = ++taken[b.node];
        if (back > node.blocks.size()) continue;
        std::string text = block_text(node.blocks[node.blocks.size() - back].payload);
        if (std::find(what.begin(), what.end(), text) == what.end()) what.push_back(text);
    }
    auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
        return s;
    };
    return join(who) + (who.size() == 1 ? " decides " : " decide ") + join(what);
}

}  // namespace

ClusterSession::ClusterSession(record::Recording recording, sim::Cluster genesis, std::string title)
    : config_(recording.config),
      title_(std::move(title)),
      recording_(std::move(recording)),
      recorder_(recording_, record::kRootBranch) {
    checkpoints_.emplace_back(0, std::move(genesis));
}

ClusterSession::~ClusterSession() {
    if (head_) head_->set_sink(nullptr);
}

core::Result<std::unique_ptr<ClusterSession>> ClusterSession::create(const sim::SimConfig& config) {
    auto sim = sim::Simulation::create(config, /*keep_meta_history=*/true);
    if (!sim.ok()) return sim.error();
    std::string title = "live cluster: " + std::to_string(config.node_count()) + " nodes, seed " +
                        std::to_string(config.seed);
    const sim::Cluster& genesis = sim.value().cluster();
    auto recording = record::start_recording(genesis, record::engine_version());
    std::unique_ptr<ClusterSession> s(
        new ClusterSession(std::move(recording), genesis, std::move(title)));
    s->head_.emplace(std::move(sim.value()));
    s->head_->set_sink(s.get());
    return s;
}

core::Result<std::unique_ptr<ClusterSession>> ClusterSession::from_recording(
    const record::Recording& recording, std::string title) {
    const record::Branch* root = recording.branch(record::kRootBranch);
    if (!root) return core::make_error("BadRecording", "the recording has no root branch", title);
    if (root->outcomes.size() != root->inputs.size())
        return core::make_error("BadRecording", "the root branch has " +
                                                    std::to_string(root->inputs.size()) +
                                                    " inputs but " +
                                                    std::to_string(root->outcomes.size()) +
                                                    " outcomes",
                                title);
    auto genesis = sim::Cluster::create(recording.config, /*keep_meta_history=*/true);
    if (!genesis.ok())
        return core::make_error(genesis.error().kind, genesis.error().message,
                                title + ": configuration");
    const auto names = genesis.value().names();
    if (auto d = record::check_peers(genesis.value(), recording))
        return core::make_error("ReplayDiverged", d->to_string(names), title + ": peer keys");
    std::unique_ptr<ClusterSession> s(
        new ClusterSession(recording, genesis.value(), std::move(title)));
    sim::Cluster cluster = std::move(genesis.value());
    for (size_t i = 0; i < root->inputs.size(); ++i) {
        // Every outcome is compared with the recorded one: a file that no longer replays is
        // refused.
        if (auto d = record::step_and_check(cluster, recording, record::kRootBranch, i))
            return core::make_error("ReplayDiverged", d->to_string(names),
                                    s->title_ + ": input " + std::to_string(i + 1));
        s->index_input(cluster, root->inputs[i], root->outcomes[i]);
    }
    s->head_.emplace(sim::Simulation::resume(std::move(cluster), root->seed));
    s->head_->set_sink(s.get());
    s->position_ = s->input_count();
    return s;
}

size_t ClusterSession::node_count() const {
    // Joiners get an engine only when they start: show the started prefix of the slots.
    const auto& nodes = shown().nodes();
    size_t n = 0;
    while (n < nodes.size() && nodes[n].engine) ++n;
    return n;
}

const sim::Cluster& ClusterSession::shown() const {
    if (position_ == input_count() || !replica_) return head_->cluster();
    return *replica_;
}

void ClusterSession::on_input(const sim::Cluster& after, const sim::Input& input,
                              const sim::Outcome& outcome) {
    recorder_.on_input(after, input, outcome);
    index_input(after, input, outcome);
}

void ClusterSession::index_input(const sim::Cluster& after, const sim::Input& input,
                                 const sim::Outcome& outcome) {
    labels_.push_back(describe_input(after, input));
    for (sim::MessageId id : outcome.sent) {
        auto it = after.in_flight().find(id);
        if (it != after.in_flight().end())
            messages_[id] = {it->second.from, it->second.to, it->second.is_request};
    }
    if (!outcome.blocks.empty()) {
        decisions_.push_back(labels_.size());
        decision_texts_.push_back(describe_decision(after, outcome));
    }
    if (labels_.size() % checkpoint_every_ != 0) return;
    checkpoints_.emplace_back(labels_.size(), after);
    while (checkpoints_.size() > 2 &&
           (checkpoints_.size() > kCheckpointsMax || stored_events() > kCheckpointEventsMax)) {
        checkpoint_every_ *= 2;
        std::erase_if(checkpoints_,
                      [&](const auto& c) { return c.first % checkpoint_every_ != 0; });
    }
    PARSEC_ASSERT(checkpoints_.front().first == 0, "the genesis checkpoint is never dropped");
}

std::string ClusterSession::describe_input(const sim::Cluster& after,
                                           const sim::Input& input) const {
    const auto names = after.names();
    auto name = [&](sim::NodeId n) {
        return n < names.size() ? names[n] : "#" + std::to_string(n);
    };
    auto message = [&](sim::MessageId id) {
        auto it = messages_.find(id);
        if (it == messages_.end()) return "#" + std::to_string(id);
        return name(it->second.from) + "->" + name(it->second.to) +
               (it->second.is_request ? " request" : " response");
    };
    struct Labeller {
        decltype(name)& name_of;
        decltype(message)& message_of;
        const std::vector<std::string>& names;
        std::string operator()(const sim::GossipInput& g) const {
            return name_of(g.from) + " gossips to " + name_of(g.to);
        }
        std::string operator()(const sim::DeliverInput& d) const {
            return "deliver " + message_of(d.message);
        }
        std::string operator()(const sim::DropInput& d) const {
            return "drop " + message_of(d.message) + " (" + sim::drop_reason_name(d.reason) + ")";
        }
        std::string operator()(const sim::DuplicateInput& d) const {
            return "duplicate " + message_of(d.message);
        }
        std::string operator()(const sim::VoteInput& v) const {
            return name_of(v.node) + " votes " + payload_text(v, names);
        }
        std::string operator()(const sim::FaultInput&) const { return {}; }
        std::string operator()(const sim::ByzantineInput&) const { return {}; }
        std::string operator()(const sim::JoinInput& j) const { return name_of(j.node) + " joins"; }
    };
    std::string label = std::visit(Labeller{name, message, names}, input.body);
    if (!label.empty()) return label;
    const std::string generic = sim::describe(input, names);  // "t=12 fault crash Carol"
    return generic.substr(generic.find(' ') + 1);
}

size_t ClusterSession::stored_events() const {
    size_t total = 0;
    for (const auto& [at, cluster] : checkpoints_)
        for (const auto& n : cluster.nodes())
            if (n.engine) total += n.engine->graph().size();
    return total;
}

core::Status ClusterSession::grow_to(size_t inputs) {
    const size_t target = std::min(inputs, input_count() + kGrowInputsMax);
    sim::Tick quiet = 0;
    while (input_count() < target && !head_->is_finished() && quiet < kQuietTicksMax) {
        const size_t before = input_count();
        head_->run_tick();
        quiet = input_count() == before ? quiet + 1 : 0;
    }
    return {};
}

core::Status ClusterSession::move_shown_to(size_t input) {
    auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), input,
                                  [](size_t v, const auto& c) { return v < c.first; });
    const auto& nearest = *std::prev(after);  // checkpoints_ always holds position 0
    const bool can_go_forward =
        replica_ && replica_position_ <= input && replica_position_ >= nearest.first;
    if (!can_go_forward) {
        replica_ = nearest.second;
        replica_position_ = nearest.first;
    }
    for (; replica_position_ < input; ++replica_position_) {
        auto out = replica_->apply(root().inputs[replica_position_]);
        if (!out.ok()) {
            replica_.reset();
            core::Error e = out.error();
            e.where = "input " + std::to_string(replica_position_ + 1);
            return e;
        }
        // Replays must reproduce the outcome exactly; anything else is a determinism bug.
        PARSEC_ASSERT(out.value() == root().outcomes[replica_position_],
                      "re-execution diverged from the recording");
    }
    return {};
}

core::Status ClusterSession::seek(size_t input) {
    if (input > input_count()) {
        if (auto st = grow_to(input); !st.ok()) return st;
    }
    input = std::min(input, input_count());
    if (input < input_count()) {
        if (auto st = move_shown_to(input); !st.ok()) return st;
    }
    position_ = input;
    return {};
}

std::string ClusterSession::input_label(size_t input) const {
    if (input == 0 || input > labels_.size()) return "genesis";
    return "t=" + std::to_string(root().inputs[input - 1].tick) + " " + labels_[input - 1];
}

std::string ClusterSession::decision_text(size_t position) const {
    auto it = std::lower_bound(decisions_.begin(), decisions_.end(), position);
    if (it == decisions_.end() || *it != position) return {};
    return decision_texts_[static_cast<size_t>(it - decisions_.begin())];
}

std::string ClusterSession::summary() const {
    const auto& c = shown();
    const auto shown_decisions =
        std::upper_bound(decisions_.begin(), decisions_.end(), position_) - decisions_.begin();
    std::string s = "Simulated cluster, seed " + std::to_string(config_.seed) + ", tick " +
                    std::to_string(c.tick()) + ": " + std::to_string(shown_decisions) +
                    " decisions by now (all nodes)";
    size_t violations = 0;
    for (const auto& m : root().markers)
        if (sim::is_violation(m.kind) && m.input < position_) ++violations;  // input m.input is applied
    s += violations == 1 ? ", 1 invariant VIOLATION."
         : violations     ? ", " + std::to_string(violations) + " invariant VIOLATIONS."
                          : "; invariants hold.";
    return s;
}

const std::vector<SessionMarker>& ClusterSession::marker_entries() const {
    const auto& markers = root().markers;
    // A rewind that started a new branch cut the markers: start over when the cache no longer
    // matches them (its size, or the position of its last entry).
    const size_t kept = marker_entries_.size();
    if (kept > markers.size() || (kept > 0 && marker_entries_.back().position != markers[kept - 1].input + 1))
        marker_entries_.clear();
    if (marker_entries_.size() == markers.size()) return marker_entries_;
    for (size_t i = marker_entries_.size(); i < markers.size(); ++i) {
        const auto& m = markers[i];
        marker_entries_.push_back({static_cast<size_t>(m.input) + 1, sim::is_violation(m.kind), sim::marker_heading(m),
                                   m.text});
    }
    return marker_entries_;
}

record::Recording ClusterSession::to_recording() const {
    record::Recording copy = recording_;
    record::Recorder(copy, record::kRootBranch).finish(head_->cluster());
    return copy;
}

}  // namespace parsec::app
