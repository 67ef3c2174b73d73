// The deterministic scheduler: turns one seeded generator into the inputs of each tick — scripted
// faults, message deliveries shaped by the network model, gossip, workload votes and Byzantine
// actions (TigerBeetle's VOPR, style §4). It only reads the cluster; the caller applies inputs.
#pragma once
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/cluster.hpp"

namespace parsec::sim {

class Scheduler {
public:
    Scheduler(const SimConfig& config, std::uint64_t seed);

    // Takes over a cluster restored elsewhere (seek, branch): re-plans every message in flight and
    // every vote a member still owes, and skips script events at or before the cluster's tick.
    void adopt(const Cluster& cluster);

    // Starts tick `t` (> every earlier tick). Then call next() until it returns nothing, applying
    // each input to the cluster and passing the outcome to observe() before the next call.
    void begin_tick(Tick t, const Cluster& cluster);
    std::optional<Input> next(const Cluster& cluster);
    void observe(const Cluster& cluster, const Input& input, const Outcome& outcome);

    Tick tick() const { return tick_; }
    std::uint32_t payloads_proposed() const { return payloads_proposed_; }
    std::size_t votes_pending() const { return votes_pending_; }
    const Prng& prng() const { return prng_; }

private:
    enum class Phase { Deliveries, Done };
    void plan(Tick at, InputBody body);
    void plan_message(const Cluster& cluster, MessageId id);
    void plan_votes(const Cluster& cluster, PayloadKind kind, const std::string& text, NodeId peer);
    void run_script(const Cluster& cluster);
    // Scripted departures (scheduler_departures.cpp): a removed node leaves, then the members
    // vote it out; removals and crashes wait while the cluster cannot afford them.
    void depart_or_wait(const Cluster& cluster, std::int32_t script_index);
    void start_waiting_departures(const Cluster& cluster);
    bool may_depart(const Cluster& cluster, const ScriptEvent& e) const;
    void depart(const Cluster& cluster, std::int32_t script_index);
    void initiatives(const Cluster& cluster);
    void gossip_initiatives(const Cluster& cluster);
    void workload_initiatives(const Cluster& cluster);
    void byzantine_initiatives(const Cluster& cluster);
    std::optional<Input> resolve(const Cluster& cluster, Input due);
    Tick sample_latency(const Latency& latency);
    NodeId pick(const std::vector<NodeId>& from);
    NodeId node_of(const crypto::PeerId& id, const Cluster& cluster);
    // A Byzantine node an honest node has accused, or a forker once it has forked, falls silent
    // for good, as the reference's malicious test peers do (spec §7 end). Events it made after an
    // honest node decided its removal would be refused with InvalidPeerState and cut the honest
    // nodes' syncs for ever; sync events on a forked chain make honest nodes raise malice of the
    // packed kind (InvalidRequest) that others cannot check and call invalid (§7.1 #9).
    bool is_silenced(const Cluster& cluster, NodeId n);

    std::vector<bool> silenced_;                               // latched by is_silenced()
    // Accused kinds misbehave once: two accusations against one offender would both decide its
    // removal, and the engine asserts on removing a peer twice (reported to the engine owners).
    std::vector<bool> acted_;

    SimConfig config_;
    Prng prng_;
    Tick tick_ = 0;
    Phase phase_ = Phase::Done;
    std::deque<Input> ready_;                                 // due now, in order
    std::map<std::pair<Tick, std::uint64_t>, Input> planned_;  // (tick, sequence) → input
    std::uint64_t sequence_ = 0;
    std::map<NodeId, std::vector<MessageId>> held_;            // messages waiting for a paused node
    std::size_t script_cursor_ = 0;
    std::vector<std::int32_t> waiting_departures_;            // script indices, due, not yet allowed
    std::vector<NodeId> departing_now_;                        // departed this tick, inputs not applied
    std::uint32_t payloads_proposed_ = 0;
    std::size_t votes_pending_ = 0;                            // VoteInputs planned, not yet due
    std::vector<std::uint8_t> side_;                           // collusion split of the honest nodes
    std::unordered_map<std::string, NodeId> by_name_;
};

}  // namespace parsec::sim
