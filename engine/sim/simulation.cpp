// The simulation loop: one tick = script, due deliveries and votes, then initiatives; checkers
// after every input and every tick (style §4, VOPR).
#include "sim/simulation.hpp"

#include <algorithm>

#include "core/assert.hpp"

namespace parsec::sim {

Simulation::Simulation(Cluster cluster, Scheduler scheduler, Checkers checkers)
    : cluster_(std::move(cluster)), scheduler_(std::move(scheduler)), checkers_(std::move(checkers)) {
    tick_ = cluster_.tick();
}

core::Result<Simulation> Simulation::create(const SimConfig& config, bool keep_meta_history) {
    auto cluster = Cluster::create(config, keep_meta_history);
    if (!cluster.ok()) return cluster.error();
    return Simulation(std::move(cluster.value()), Scheduler(config, config.seed), Checkers(config));
}

Simulation Simulation::resume(Cluster cluster, std::uint64_t seed) {
    Scheduler scheduler(cluster.config(), seed);
    scheduler.adopt(cluster);
    Checkers checkers(cluster.config());
    checkers.adopt(cluster);
    return Simulation(std::move(cluster), std::move(scheduler), std::move(checkers));
}

namespace {
// Every scripted Add/Remove is due and polled by every node the checkers expect to progress.
bool membership_decided(const Cluster& cluster, const Checkers& checkers, Tick now) {
    for (const auto& e : cluster.config().script) {
        if (e.kind == ScriptEvent::Kind::Fault) continue;
        if (e.tick >= now) return false;
        const auto kind = e.kind == ScriptEvent::Kind::AddPeer ? model::ObsKind::Add : model::ObsKind::Remove;
        const std::string& peer = cluster.node(e.node).name;
        for (const auto& n : cluster.nodes()) {
            if (!checkers.is_expected(n)) continue;
            const bool polled = std::any_of(n.blocks.begin(), n.blocks.end(), [&](const BlockInfo& b) {
                return b.payload.kind == kind && b.payload.peer.name == peer;
            });
            if (!polled) return false;
        }
    }
    return true;
}
}  // namespace

bool Simulation::reached_blocks() const {
    // Requested blocks reached, the scripted faults over, no workload vote still to be cast, and
    // every scripted membership change decided.
    const auto blocks = config().until_blocks;
    return blocks != 0 && tick_ > config().heal_tick() && scheduler_.votes_pending() == 0 &&
           checkers_.expected_payloads() >= blocks && checkers_.reached(cluster_, blocks) &&
           membership_decided(cluster_, checkers_, tick_);
}

core::Result<Outcome> Simulation::apply(const Input& input) {
    NodeId sender = kNoNode;  // of an original (not duplicated) delivered message
    if (const auto* d = std::get_if<DeliverInput>(&input.body)) {
        auto it = cluster_.in_flight().find(d->message);
        if (it != cluster_.in_flight().end() && !it->second.is_copy) sender = it->second.from;
    }
    Input stamped = input;
    if (stamped.tick < cluster_.tick()) stamped.tick = cluster_.tick();
    const InputIndex index = cluster_.input_count();
    auto out = cluster_.apply(stamped);
    if (!out.ok()) return out;
    scheduler_.observe(cluster_, stamped, out.value());
    checkers_.after_input(cluster_, index, stamped, out.value(), sender);
    if (sink_) sink_->on_input(cluster_, stamped, out.value());
    flush_markers();
    return out;
}

void Simulation::flush_markers() {
    for (auto& m : checkers_.take_markers()) {
        if (sink_) sink_->on_marker(m);
        markers_.push_back(std::move(m));
    }
}

bool Simulation::run_tick() {
    if (finished_) return false;
    ++tick_;
    scheduler_.begin_tick(tick_, cluster_);
    while (auto input = scheduler_.next(cluster_)) {
        auto out = apply(*input);
        // The scheduler only produces inputs that are valid for the cluster it reads.
        PARSEC_ASSERT(out.ok(), "a scheduled input was refused by the cluster");
    }
    checkers_.after_tick(cluster_, tick_, cluster_.input_count());
    if (tick_ >= config().ticks_max || reached_blocks()) {
        finished_ = true;
        checkers_.at_end(cluster_, cluster_.input_count());
    }
    flush_markers();
    return !finished_;
}

void Simulation::run(const std::function<void(const Simulation&)>& on_tick) {
    while (run_tick())
        if (on_tick) on_tick(*this);
    if (on_tick) on_tick(*this);
}

}  // namespace parsec::sim
