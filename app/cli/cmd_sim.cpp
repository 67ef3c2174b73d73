// `parsec-debugger sim`: runs one seeded simulated cluster headless and prints a summary (blocks,
// events and errors per node, invariant status, violations with tick and nodes). Exit status 1 if
// an invariant broke, 2 on a bad option.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <optional>

#include "cli/command_registry.hpp"
#include "cli/sim_options.hpp"
#include "cli/sim_report.hpp"
#include "record/recorder.hpp"
#include "record_io/record_file.hpp"
#include "sim/simulation.hpp"

namespace parsec::app {
namespace {

struct SimCommandOptions {
    SimCliOptions cluster;
    std::string record;
    bool json = false;
    bool markers = false;
};

int run_sim(const SimCommandOptions& o) {
    auto config = build_sim_config(o.cluster, o.cluster.nodes, o.cluster.seed);
    if (!config.ok()) {
        std::fprintf(stderr, "sim: %s\n", config.error().to_string().c_str());
        return 2;
    }
    auto simulation = sim::Simulation::create(config.value());
    if (!simulation.ok()) {
        std::fprintf(stderr, "sim: %s\n", simulation.error().to_string().c_str());
        return 2;
    }
    // --record: every input, outcome and marker goes to the recorder (engine/record), saved atomically.
    std::optional<record::Recording> recording;
    std::optional<record::Recorder> recorder;
    if (!o.record.empty()) {
        recording = record::start_recording(simulation->cluster(), record::engine_version());
        recorder.emplace(*recording, record::kRootBranch);
        simulation->set_sink(&*recorder);
    }
    simulation->run();
    if (recorder) {
        recorder->finish(simulation->cluster());
        if (auto s = save_recording(o.record, *recording); !s.ok()) {
            std::fprintf(stderr, "sim: --record: %s\n", s.error().to_string().c_str());
            return 2;
        }
    }
    const RunSummary summary = summarize(simulation.value());
    if (o.json) std::printf("%s\n", summary_json(summary).c_str());
    else std::printf("%s", summary_text(summary, o.markers).c_str());
    return summary.violations == 0 ? 0 : 1;
}

RegisterCommand reg("sim", [](CLI::App& root) -> std::function<int()> {
    auto opts = std::make_shared<SimCommandOptions>();
    auto* cmd = root.add_subcommand("sim", "Run a seeded simulated cluster headless and check its invariants");
    cmd->add_option("--nodes", opts->cluster.nodes, "Genesis nodes (1 to 64)")->capture_default_str();
    cmd->add_option("--seed", opts->cluster.seed, "Seed of the run's one generator")->capture_default_str();
    add_cluster_options(*cmd, opts->cluster);
    cmd->add_option("--record", opts->record, "Write the run's recording to FILE");
    cmd->add_flag("--json", opts->json, "Print the summary as JSON");
    cmd->add_flag("--markers", opts->markers, "List every marker (accusations, node errors), not only violations");
    cmd->footer(sim_spec_help());
    return [opts] { return run_sim(*opts); };
});

}  // namespace
}  // namespace parsec::app
