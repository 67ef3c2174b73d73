// What one input did to the cluster: the events each node created, the events it inserted from
// others (count and an order-sensitive fold of their hashes), the blocks it polled, the errors
// the engines returned and the messages sent. Recorded per input; a replay must reproduce it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/bytes.hpp"
#include "sim/ids.hpp"

namespace parsec::sim {

struct CreatedEvent {
    NodeId node = kNoNode;
    core::Hash32 hash{};
    bool operator==(const CreatedEvent&) const = default;
};

struct Insertion {
    NodeId node = kNoNode;
    std::uint32_t count = 0;   // events by other creators inserted during the input
    std::uint64_t fold = 0;    // fold_hash over their hashes, in insertion order
    bool operator==(const Insertion&) const = default;
};

struct PolledBlock {
    NodeId node = kNoNode;
    core::Hash32 payload{};    // observation hash of the block's payload
    bool operator==(const PolledBlock&) const = default;
};

struct NodeError {
    NodeId node = kNoNode;
    std::string kind;          // the engine's error kind, e.g. "SignatureFailure"
    bool operator==(const NodeError&) const = default;
};

struct Outcome {
    std::vector<CreatedEvent> created;
    std::vector<Insertion> inserted;
    std::vector<PolledBlock> blocks;
    std::vector<NodeError> errors;
    std::vector<MessageId> sent;
    bool operator==(const Outcome&) const = default;
};

// Order-sensitive, cheap mixing of event hashes (they are already cryptographic digests).
std::uint64_t fold_hash(std::uint64_t fold, const core::Hash32& hash);

}  // namespace parsec::sim
