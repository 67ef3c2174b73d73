// The command-line options shared by `sim`, `soak` and `bench-sim`, and their translation into a
// sim::SimConfig. Every SPEC goes through engine/sim/fault_spec, so a malformed one is an error
// that quotes the part at fault.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "sim/config.hpp"

namespace CLI { class App; }

namespace parsec::app {

struct SimCliOptions {
    std::uint32_t nodes = 4;
    std::uint64_t seed = 0;
    std::string mode = "supermajority";
    std::string identities = "real";
    std::uint64_t ticks = 0;        // 0: not given
    std::uint32_t until_blocks = 0; // 0: not given
    bool safety_only = false;
    std::vector<std::string> faults, links, partitions, crashes, pauses, restarts, adds, removes;
    std::string byzantine;
    std::vector<std::string> byzantine_nodes;
    std::string workload;
};

// The cluster, network, fault and Byzantine options (not --nodes/--seed, which differ per command).
void add_cluster_options(CLI::App& cmd, SimCliOptions& o);

// Builds the configuration for one run. `nodes` and `seed` override the options' own (soak).
core::Result<sim::SimConfig> build_sim_config(const SimCliOptions& o, std::uint32_t nodes, std::uint64_t seed);

// The help text's SPEC reference (printed under `sim --help`).
const char* sim_spec_help();

}  // namespace parsec::app
