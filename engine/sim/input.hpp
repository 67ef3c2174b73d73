// The closed set of simulator inputs: everything that can happen to a cluster, in the order it
// happened. A recording is a list of these; the cluster applies them without randomness.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "sim/config.hpp"

namespace parsec::sim {

// `from` adds a Requesting event addressed to `to` and sends the request (spec §2.3).
struct GossipInput {
    NodeId from = kNoNode;
    NodeId to = kNoNode;
    bool operator==(const GossipInput&) const = default;
};

// The message arrives: a request is handled and its response sent; a response is handled.
struct DeliverInput {
    MessageId message = 0;
    bool operator==(const DeliverInput&) const = default;
};

enum class DropReason : std::uint8_t { Loss = 0, Partition = 1, NodeDown = 2, Withheld = 3, User = 4 };

struct DropInput {
    MessageId message = 0;
    DropReason reason = DropReason::Loss;
    bool operator==(const DropInput&) const = default;
};

// The network delivers a message twice: the copy gets the next message id.
struct DuplicateInput {
    MessageId message = 0;
    bool operator==(const DuplicateInput&) const = default;
};

enum class PayloadKind : std::uint8_t { Opaque = 0, Add = 1, Remove = 2 };

struct VoteInput {
    NodeId node = kNoNode;
    PayloadKind kind = PayloadKind::Opaque;
    std::string text;       // Opaque: the transaction string
    NodeId peer = kNoNode;  // Add / Remove
    bool operator==(const VoteInput&) const = default;
};

struct FaultInput {
    FaultChange change;
    std::int32_t script_index = -1;  // the config's script event, -1 for a live user action
    bool operator==(const FaultInput&) const = default;
};

// A Byzantine node misbehaves once (its kind says how). Events are crafted when applied, so the
// input stays small and replays bit for bit (signatures are deterministic).
struct ByzantineInput {
    NodeId node = kNoNode;
    ByzantineKind kind = ByzantineKind::Fork;
    NodeId victim_a = kNoNode;
    NodeId victim_b = kNoNode;
    bool operator==(const ByzantineInput&) const = default;
};

// A joining node starts (spec §2.1 from_existing) with the section as the cluster knows it.
struct JoinInput {
    NodeId node = kNoNode;
    bool operator==(const JoinInput&) const = default;
};

using InputBody = std::variant<GossipInput, DeliverInput, DropInput, DuplicateInput, VoteInput, FaultInput,
                               ByzantineInput, JoinInput>;

struct Input {
    Tick tick = 0;
    InputBody body;
    bool operator==(const Input&) const = default;
};

// One line for logs and the CLI: "t=12 deliver #40", "t=3 gossip Alice→Bob".
std::string describe(const Input& input, const std::vector<std::string>& names);
const char* drop_reason_name(DropReason r);
const char* fault_kind_name(FaultKind k);

}  // namespace parsec::sim
