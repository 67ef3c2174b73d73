// A recording: the truth of a session (style §8.3). The configuration and seed, the peers' public
// keys, and per branch every input in order with what it did, periodic state digests
// (checkpoints) and the markers the checkers raised. Branches form a tree: a branch shares its
// parent's first `fork_input` inputs and continues with its own.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/checkers.hpp"
#include "sim/input.hpp"
#include "sim/outcome.hpp"

namespace parsec::record {

using sim::InputIndex;

using BranchId = std::uint32_t;
inline constexpr BranchId kRootBranch = 0;
inline constexpr BranchId kNoBranch = 0xFFFFFFFF;

// The file format this build writes, and the oldest it reads.
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::uint32_t kFormatVersionMin = 1;

struct PeerKey {
    std::string name;
    core::Hash32 public_key{};
    bool operator==(const PeerKey&) const = default;
};

// The state after `input` inputs of the branch path (so input 0 is the genesis state).
struct Checkpoint {
    InputIndex input = 0;
    sim::Tick tick = 0;
    core::Hash32 digest{};
    bool operator==(const Checkpoint&) const = default;
};

struct Branch {
    BranchId id = kRootBranch;
    BranchId parent = kNoBranch;
    InputIndex fork_input = 0;   // inputs shared with the parent's path
    std::uint64_t seed = 0;      // the scheduler seed this branch continued with
    std::string label;
    std::vector<sim::Input> inputs;      // path index = fork_input + position here
    std::vector<sim::Outcome> outcomes;  // one per input
    std::vector<Checkpoint> checkpoints; // ascending by input
    std::vector<sim::Marker> markers;    // ascending by input
    bool operator==(const Branch&) const = default;

    InputIndex end() const { return fork_input + inputs.size(); }  // path length
};

struct Recording {
    std::uint32_t format_version = kFormatVersion;
    std::string engine_version;
    sim::SimConfig config;
    std::vector<PeerKey> peers;
    std::vector<Branch> branches;  // [0] is the root; ids are positions
    bool operator==(const Recording&) const = default;

    const Branch* branch(BranchId id) const { return id < branches.size() ? &branches[id] : nullptr; }
    // The branch holding input `index` of `branch`'s path and its position there (null if out of range).
    const Branch* locate(BranchId branch, InputIndex index, std::size_t& position) const;
    const sim::Input* path_input(BranchId branch, InputIndex index) const;
    const sim::Outcome* path_outcome(BranchId branch, InputIndex index) const;
    // Every checkpoint on the path at or before `index`, nearest last.
    std::vector<Checkpoint> path_checkpoints(BranchId branch, InputIndex index) const;
    std::size_t input_count() const;   // over all branches
    std::size_t event_count() const;   // events created, over all branches
};

// A new recording for `config`, with the root branch and the peers' keys from `cluster`.
Recording start_recording(const sim::Cluster& cluster, std::string engine_version);
// The version string of this engine build, stored in every recording.
std::string engine_version();

}  // namespace parsec::record
