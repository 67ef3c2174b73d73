// Re-executing a recording: each input of a branch path is applied to a fresh cluster and what it
// did is compared with what was recorded (every created event hash, insertion fold, block, error
// and message), and the state digest with every stored checkpoint. The first difference is a
// Divergence naming the input, the node and the event or block.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "record/recording.hpp"
#include "sim/cluster.hpp"

namespace parsec::record {

struct Divergence {
    InputIndex input = 0;         // path index of the input whose outcome differs
    sim::NodeId node = sim::kNoNode;
    std::string what;             // "created event 3fa2… where the recording has 91c0…"
    std::string to_string(const std::vector<std::string>& names) const;
};

// The first difference between a recorded outcome and a replayed one, if any.
std::optional<Divergence> compare_outcomes(InputIndex input, const sim::Outcome& recorded,
                                           const sim::Outcome& replayed);

// Applies input `index` of `branch`'s path to `cluster` (which must be at that point) and checks
// it. A structural error (the cluster refuses the input) is a Divergence too.
std::optional<Divergence> step_and_check(sim::Cluster& cluster, const Recording& recording, BranchId branch,
                                         InputIndex index);

// The peers of a fresh cluster for the recording's configuration against the stored keys.
std::optional<Divergence> check_peers(const sim::Cluster& genesis, const Recording& recording);

struct ReplayReport {
    InputIndex inputs = 0;           // inputs replayed
    std::size_t events = 0;          // events created
    std::size_t blocks = 0;          // blocks polled, over all nodes
    std::size_t checkpoints = 0;     // stored digests compared
    std::optional<Divergence> divergence;
};

// Replays `branch`'s path up to `to` inputs (clamped to its length). `progress(done, total)` is
// called now and then. Errors: the configuration cannot make a cluster, or no such branch.
core::Result<ReplayReport> replay(const Recording& recording, BranchId branch, InputIndex to,
                                  const std::function<void(InputIndex, InputIndex)>& progress = {},
                                  sim::Cluster* final_state = nullptr);

// The length of `branch`'s path, 0 for an unknown branch.
InputIndex path_length(const Recording& recording, BranchId branch);

}  // namespace parsec::record
