// The summary of a finished simulation, as text for people and JSON for scripts (sim, soak).
#pragma once
#include <string>
#include <vector>

#include "sim/simulation.hpp"

namespace parsec::app {

struct NodeSummary {
    std::string name;
    std::string status;
    std::string role;      // "honest" or the Byzantine kind
    std::size_t events = 0;
    std::size_t blocks = 0;
    std::uint64_t errors = 0;
};

struct RunSummary {
    std::uint64_t seed = 0;
    std::size_t nodes = 0;
    std::string mode, identities;
    bool safety_only = false;
    sim::Tick ticks = 0;
    sim::InputIndex inputs = 0;
    std::uint32_t until_blocks = 0;
    bool reached = false;
    std::size_t payloads = 0;  // workload payloads voted by an honest node
    std::size_t violations = 0;
    std::size_t accusations = 0;
    std::vector<NodeSummary> per_node;
    std::vector<sim::Marker> markers;
    std::vector<std::string> names;
};

RunSummary summarize(const sim::Simulation& s);
std::string summary_text(const RunSummary& r, bool all_markers);
std::string summary_json(const RunSummary& r);

}  // namespace parsec::app
