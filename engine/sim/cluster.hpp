// N PARSEC engines in one process, talking only through messages on a simulated network.
// Cluster::apply is the whole semantics of an input: no randomness, no clocks, so a list of
// inputs replays to the same events, hashes and blocks (style §8.3).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "node/node.hpp"
#include "sim/config.hpp"
#include "sim/input.hpp"
#include "sim/outcome.hpp"

namespace parsec::sim {

// Left: voted out by a scripted Remove; stopped for good, like Crashed, but not a fault.
enum class NodeStatus : std::uint8_t { NotStarted = 0, Running = 1, Paused = 2, Down = 3, Crashed = 4, Left = 5 };
const char* node_status_name(NodeStatus s);

struct BlockInfo {
    Tick tick = 0;
    InputIndex input = 0;
    core::Hash32 payload_hash{};
    model::Observation payload;
};

struct ClusterNode {
    std::string name;
    crypto::Identity identity;
    std::optional<node::Node> engine;  // empty until started (a joiner before its JoinInput)
    NodeStatus status = NodeStatus::NotStarted;
    ByzantineKind byzantine = ByzantineKind::Honest;
    bool double_vote_armed = false;        // the next delivery carries a crafted duplicate vote
    bool same_creator_armed = false;       // the next delivery carries a crafted bad Request
    std::vector<BlockInfo> blocks;         // polled, in order
    std::uint64_t events_fold = 0;         // fold over every event inserted, in order
    std::uint64_t errors = 0;              // engine errors returned to this node

    bool is_live() const { return status == NodeStatus::Running || status == NodeStatus::Paused; }
    // Out of the section: it left at a scripted Remove, or its own engine decided its removal
    // (a Remove or an Accusation, spec §8.1).
    bool is_removed() const;
    bool is_member() const;  // started, may vote, not removed
};

struct InFlight {
    MessageId id = 0;
    NodeId from = kNoNode;
    NodeId to = kNoNode;
    bool is_request = true;
    bool is_copy = false;    // one of two twins made by DuplicateInput; never duplicated again
    Tick sent_tick = 0;
    model::Message events;
};

struct LinkOverride {
    NodeId from = kNoNode;
    NodeId to = kNoNode;
    LinkParams params;
};

struct Environment {
    LinkParams default_link;
    std::vector<LinkOverride> links;      // sorted by (from, to)
    std::vector<std::uint8_t> groups;     // partition group per node; empty when healed
    std::int32_t script_applied = 0;      // script events applied so far (faults)
};

class Cluster {
public:
    // `keep_meta_history`: every event's meta-event stays inspectable after its election ended
    // (the debugger's Inspector); a view option, not part of the run, so not recorded.
    static core::Result<Cluster> create(const SimConfig& config, bool keep_meta_history = false);

    // Applies one input. A structurally invalid input (unknown node or message, time going
    // backwards) is an Error and changes nothing; what the engines refuse is in Outcome::errors.
    core::Result<Outcome> apply(const Input& input);

    Tick tick() const { return tick_; }
    InputIndex input_count() const { return input_count_; }
    MessageId next_message_id() const { return next_message_id_; }
    const SimConfig& config() const { return config_; }
    const std::vector<ClusterNode>& nodes() const { return nodes_; }
    const ClusterNode& node(NodeId n) const { return nodes_[n]; }
    const std::map<MessageId, InFlight>& in_flight() const { return in_flight_; }
    const Environment& environment() const { return env_; }
    const crypto::Crypto& crypto() const { return *crypto_; }
    // The engines' own sentences for the last input's Outcome::errors, in the same order: a
    // re-execution says the same, so they explain markers without being recorded.
    const std::vector<std::string>& last_error_messages() const { return last_error_messages_; }
    std::vector<std::string> names() const;
    NodeId find(const std::string& name) const;

    bool partitioned(NodeId a, NodeId b) const;
    const LinkParams& link(NodeId from, NodeId to) const;
    // A digest of the whole state (events, blocks, statuses, network): checkpoints compare it.
    core::Hash32 digest() const;

private:
    Cluster() = default;
    struct Touch {
        NodeId node;
        std::size_t events_before;
    };
    void apply_gossip(const GossipInput& in, Outcome& out);
    core::Status apply_deliver(const DeliverInput& in, Outcome& out);
    void apply_vote(const VoteInput& in, Outcome& out);
    void apply_fault(const FaultInput& in);
    void apply_byzantine(const ByzantineInput& in, Outcome& out);
    void apply_join(const JoinInput& in, Outcome& out);
    MessageId send(NodeId from, NodeId to, bool is_request, model::Message events, Outcome& out);
    void record_error(NodeId n, const core::Error& e, Outcome& out);
    void finish(const std::vector<Touch>& touched, Outcome& out);
    model::Message armed_prefix(NodeId n);

    SimConfig config_;
    bool keep_meta_history_ = false;
    std::shared_ptr<const crypto::Crypto> crypto_;
    std::vector<ClusterNode> nodes_;
    std::vector<crypto::PeerId> genesis_;
    std::map<MessageId, InFlight> in_flight_;
    Environment env_;
    Tick tick_ = 0;
    InputIndex input_count_ = 0;
    MessageId next_message_id_ = 0;
    std::vector<std::string> last_error_messages_;
};

}  // namespace parsec::sim
