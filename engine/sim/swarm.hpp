// Seeded random configurations for many-run testing (the acceptance swarm, `soak`): a cluster
// size, a lossy network, a partition that heals, a pause, and fewer than a third Byzantine nodes
// of rotating kinds, all drawn from the seed.
#pragma once
#include <optional>

#include "sim/config.hpp"

namespace parsec::sim {

struct SwarmOptions {
    std::uint16_t nodes_min = 4;
    std::uint16_t nodes_max = 10;
    std::uint32_t until_blocks = 3;
    Tick ticks_max = 30000;
    // Real Ed25519 identities on every k-th seed (0: never), mock otherwise.
    std::uint32_t real_identities_every = 10;
    bool byzantine = true;
    bool faults = true;                 // drops, duplicates, delays, a partition and a pause
    std::optional<LinkParams> link;     // fixed default link instead of a drawn one
    // The consensus mode of every run; `mixed_modes`: Single on odd seeds, Supermajority on even.
    model::ConsensusMode mode = model::ConsensusMode::Supermajority;
    bool mixed_modes = false;
};

// A valid configuration (validate() passes) for `seed`.
SimConfig swarm_config(std::uint64_t seed, const SwarmOptions& options);

}  // namespace parsec::sim
