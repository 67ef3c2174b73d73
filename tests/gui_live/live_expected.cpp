// live_expected: the engine's own view of the default live cluster after N inputs, computed
// without the GUI or the session code (a fresh simulation whose inputs are re-applied to a fresh
// cluster), printed as the node's dump (spec §9) so tests compare the GUI against it.
//   live_expected INPUTS NODE        prints NODE's dump after INPUTS inputs
//   live_expected INPUTS decisions   prints, one per line, each position p <= INPUTS at which
//                                    some node's polled block count grew (input p decided)
// Exit 0 ok, 2 bad arguments or an input the cluster refused.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "dot/dot_export.hpp"
#include "dot/dot_file.hpp"
#include "session/default_cluster.hpp"
#include "sim/simulation.hpp"

namespace {

struct Collect final : parsec::sim::InputSink {
    std::vector<parsec::sim::Input> inputs;
    void on_input(const parsec::sim::Cluster&, const parsec::sim::Input& in,
                  const parsec::sim::Outcome&) override {
        inputs.push_back(in);
    }
    void on_marker(const parsec::sim::Marker&) override {}
};

}  // namespace

int main(int argc, char** argv) {
    using namespace parsec;
    if (argc != 3) {
        std::fprintf(stderr, "usage: live_expected INPUTS NODE\n");
        return 2;
    }
    const size_t wanted = std::strtoull(argv[1], nullptr, 10);
    const sim::SimConfig config = app::default_live_config();
    auto simulation = sim::Simulation::create(config);
    if (!simulation.ok()) {
        std::fprintf(stderr, "%s\n", simulation.error().to_string().c_str());
        return 2;
    }
    Collect collect;
    simulation->set_sink(&collect);
    while (collect.inputs.size() < wanted && simulation->run_tick()) {
    }
    auto cluster = sim::Cluster::create(config);
    const bool wants_decisions = std::string(argv[2]) == "decisions";
    auto blocks = [&] {
        size_t total = 0;
        for (const auto& n : cluster->nodes()) total += n.blocks.size();
        return total;
    };
    for (size_t i = 0; i < wanted && i < collect.inputs.size(); ++i) {
        const size_t before = blocks();
        if (auto out = cluster->apply(collect.inputs[i]); !out.ok()) {
            std::fprintf(stderr, "input %zu: %s\n", i + 1, out.error().to_string().c_str());
            return 2;
        }
        if (wants_decisions && blocks() > before) std::printf("%zu\n", i + 1);
    }
    if (wants_decisions) return 0;
    const sim::NodeId n = cluster->find(argv[2]);
    if (n == sim::kNoNode || !cluster->node(n).engine) {
        std::fprintf(stderr, "no started node named %s\n", argv[2]);
        return 2;
    }
    std::fputs(dot::write_dot(dot::export_node(*cluster->node(n).engine)).c_str(), stdout);
    return 0;
}
