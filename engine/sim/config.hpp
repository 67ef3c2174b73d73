// The configuration of a simulated cluster: network model, scripted faults, Byzantine roles and
// workload. Plain data: the CLI parses into it, the recording stores it, the swarm derives it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "crypto/identity.hpp"
#include "model/ids.hpp"
#include "sim/ids.hpp"
#include "sim/prng.hpp"

namespace parsec::sim {

enum class LatencyShape : std::uint8_t { Constant = 0, Uniform = 1, Exponential = 2 };

// Ticks from send to delivery. Constant: ticks_a. Uniform: ticks_a..ticks_b. Exponential: mean
// ticks_a (capped at 64 × mean by the generator).
struct Latency {
    LatencyShape shape = LatencyShape::Uniform;
    std::uint32_t ticks_a = 1;
    std::uint32_t ticks_b = 4;
    bool operator==(const Latency&) const = default;
    std::uint32_t ticks_max() const;
    std::string to_string() const;
};

struct LinkParams {
    Latency latency;
    Ratio drop = Ratio::zero();
    Ratio duplicate = Ratio::zero();
    Ratio reorder = Ratio::zero();  // chance of an extra hold that lets later messages overtake
    bool operator==(const LinkParams&) const = default;
    std::string to_string() const;
};

enum class FaultKind : std::uint8_t {
    SetDefaultLink = 0,  // link: the parameters of every link without its own
    SetLink = 1,         // node → peer (directed)
    ClearLink = 2,       // node → peer back to the default
    Partition = 3,       // groups: group number per node
    Heal = 4,
    Pause = 5,           // node frozen; messages to it wait until Resume
    Resume = 6,
    Crash = 7,           // node stops for good; messages to it are lost
    Stop = 8,            // node down; messages to it are lost until Restart
    Restart = 9,         // node back up with its state
    Leave = 10,          // node voted out by the script: it stops for good before anyone votes
};

struct FaultChange {
    FaultKind kind = FaultKind::Heal;
    NodeId node = kNoNode;
    NodeId peer = kNoNode;
    LinkParams link;
    std::vector<std::uint8_t> groups;  // Partition: one group number per node slot
    bool operator==(const FaultChange&) const = default;

    static FaultChange of(FaultKind kind, NodeId node = kNoNode, NodeId peer = kNoNode) {
        FaultChange c;
        c.kind = kind;
        c.node = node;
        c.peer = peer;
        return c;
    }
};

// Byzantine behaviours (spec §7 lists what honest nodes detect).
enum class ByzantineKind : std::uint8_t {
    Honest = 0,
    Fork = 1,                    // two events on one self-parent, each sent to different peers
    DoubleVote = 2,              // a second vote for a payload it already voted for
    BadSignature = 3,            // events whose signature does not verify
    PrematureGossip = 4,         // gossip to a peer that is not a member yet
    SameCreatorOtherParent = 5,  // a Request whose other-parent is its own event
    Withhold = 6,                // receives, but never initiates gossip nor answers
};
inline constexpr int kByzantineKindCount = 7;
const char* byzantine_kind_name(ByzantineKind k);
bool parse_byzantine_kind(const std::string& text, ByzantineKind& out);

// A scripted happening at a tick: a fault change, or a membership change driven by the workload.
struct ScriptEvent {
    enum class Kind : std::uint8_t { Fault = 0, AddPeer = 1, RemovePeer = 2 };
    Tick tick = 0;
    Kind kind = Kind::Fault;
    FaultChange fault;       // Fault
    NodeId node = kNoNode;   // AddPeer / RemovePeer: the peer
    bool operator==(const ScriptEvent&) const = default;
};

struct WorkloadConfig {
    Ratio payload_chance{1, 8};     // per tick: a new opaque payload is proposed
    std::uint32_t payloads_max = 0; // 0: no limit (until_blocks sets it when given)
    Latency vote_delay{LatencyShape::Uniform, 0, 12};  // each voter votes this long after the proposal
    std::vector<NodeId> voters;     // empty: every member (Supermajority) / one random member (Single)
    bool operator==(const WorkloadConfig&) const = default;
};

struct SimConfig {
    std::uint64_t seed = 0;
    std::uint16_t genesis_count = 4;    // nodes 0..genesis_count-1 start as the genesis group
    std::uint16_t joiner_count = 0;     // further slots, started by an AddPeer script event
    model::ConsensusMode mode = model::ConsensusMode::Supermajority;
    crypto::IdentityKind identities = crypto::IdentityKind::Ed25519;
    bool malice_detection = true;       // spec §7, on in the cluster
    bool safety_only = false;           // unlimited faults; agreement checked, progress not
    Tick ticks_max = 5000;
    std::uint32_t until_blocks = 0;     // stop when every live honest node polled this many opaque blocks
    Ratio gossip_chance{1, 2};          // per running node per tick
    LinkParams link;                    // the default link
    std::vector<ScriptEvent> script;    // sorted by tick (stable)
    std::vector<ByzantineKind> byzantine;  // per node slot; empty means all honest
    Ratio byzantine_chance{1, 30};      // per Byzantine node per tick: one misbehaviour
    WorkloadConfig workload;
    Tick progress_ticks_max = 0;        // 0: derived from the cluster size (progress_bound())

    std::size_t node_count() const { return std::size_t{genesis_count} + joiner_count; }
    ByzantineKind byzantine_of(NodeId n) const {
        return n < byzantine.size() ? byzantine[n] : ByzantineKind::Honest;
    }
    bool is_honest(NodeId n) const { return byzantine_of(n) == ByzantineKind::Honest; }
    // The tick after which no scripted fault is active: the liveness phase starts here.
    Tick heal_tick() const;
    Tick progress_bound() const;
    bool operator==(const SimConfig&) const = default;
};

// The reference test network's gate on removals (dev_utils network.rs, allow_removal_of_peer): a
// member may leave only while the joined members less it stay a supermajority of the joined and
// the leaving ones (stopped, not yet voted out), so the silent voters cannot stall the vote.
inline bool may_remove_member(std::size_t joined, std::size_t leaving) {
    return joined >= 1 && 3 * (joined - 1) > 2 * (joined + leaving);
}

// Names of node slots, in the reference simulator's order (spec §1.1): Alice, Bob, ..., "0".."9", "10"...
std::string node_name(std::size_t slot);
std::vector<std::string> node_names(std::size_t count);

// Checks the relations between fields (counts, limits, f < n/3 unless safety_only). The error
// names the field at fault.
core::Status validate(const SimConfig& config);

}  // namespace parsec::sim
