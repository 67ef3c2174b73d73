// Small simulated clusters for the viz tests: several nodes whose graphs overlap but differ, so
// the union, ghosts and forks have something to show. Seeded, so every run is the same.
#pragma once
#include <gtest/gtest.h>

#include <vector>

#include "sim/simulation.hpp"

namespace parsec::viz::testing {

inline sim::Simulation run_cluster(std::uint16_t nodes, sim::Tick ticks, std::uint64_t seed,
                                   std::vector<sim::ByzantineKind> byzantine = {}) {
    sim::SimConfig config;
    config.seed = seed;
    config.genesis_count = nodes;
    config.identities = crypto::IdentityKind::Mock;
    config.ticks_max = ticks;
    if (!byzantine.empty()) byzantine.resize(nodes, sim::ByzantineKind::Honest);  // one role per node slot
    config.byzantine = std::move(byzantine);
    if (!config.byzantine.empty()) config.byzantine_chance = sim::Ratio{1, 3};
    auto created = sim::Simulation::create(config);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().to_string());
    sim::Simulation s = std::move(created.value());
    for (sim::Tick t = 0; t < ticks && s.run_tick(); ++t) {
    }
    return s;
}

inline std::vector<const node::Node*> nodes_of(const sim::Simulation& s) {
    std::vector<const node::Node*> out;
    for (const auto& n : s.cluster().nodes())
        if (n.engine) out.push_back(&*n.engine);
    return out;
}

}  // namespace parsec::viz::testing
