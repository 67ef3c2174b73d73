// `parsec-debugger soak --seeds N`: many seeded swarm runs (sim/swarm.hpp), each checked by the
// invariants; prints the failing seeds and totals. A progress bar goes to stderr when it is a
// terminal and the soak has run longer than a second.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <filesystem>

#include "cli/command_registry.hpp"
#include "cli/sim_report.hpp"
#include "record/recorder.hpp"
#include "record_io/progress_bar.hpp"
#include "record_io/record_file.hpp"
#include "sim/fault_spec.hpp"
#include "sim/swarm.hpp"

namespace parsec::app {
namespace {

struct SoakOptions {
    std::uint64_t seeds = 100;
    std::uint64_t first_seed = 1;
    std::string nodes = "4..10";
    std::string faults;
    std::string identities = "mixed";
    std::string mode = "supermajority";
    std::uint32_t until_blocks = 3;
    bool no_byzantine = false;
    bool verbose = false;
    std::string keep;
};

core::Status parse_node_range(const std::string& text, sim::SwarmOptions& o) {
    const auto dots = text.find("..");
    try {
        std::size_t used = 0;
        const unsigned long a = std::stoul(text.substr(0, dots), &used);
        const unsigned long b = dots == std::string::npos ? a : std::stoul(text.substr(dots + 2));
        if (a < 1 || b < a || b > sim::kNodesMax) throw std::out_of_range("range");
        o.nodes_min = static_cast<std::uint16_t>(a);
        o.nodes_max = static_cast<std::uint16_t>(b);
        return {};
    } catch (const std::exception&) {
        return core::make_error("InvalidOption", "\"" + text + "\": expected N or A..B with 1 <= A <= B <= 64",
                                "--nodes");
    }
}

int run_soak(const SoakOptions& o) {
    sim::SwarmOptions swarm;
    if (auto s = parse_node_range(o.nodes, swarm); !s.ok()) {
        std::fprintf(stderr, "soak: %s\n", s.error().to_string().c_str());
        return 2;
    }
    if (!o.faults.empty()) {
        sim::SimConfig scratch;
        if (auto s = sim::apply_faults_spec(o.faults, scratch); !s.ok() || !scratch.script.empty()) {
            std::fprintf(stderr, "soak: %s\n",
                         s.ok() ? "--faults: a soak takes link settings without @T1..T2" : s.error().to_string().c_str());
            return 2;
        }
        swarm.link = scratch.link;
    }
    if (!o.keep.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(o.keep, ec);
        if (ec) {
            std::fprintf(stderr, "soak: --keep %s: %s\n", o.keep.c_str(), ec.message().c_str());
            return 2;
        }
    }
    swarm.until_blocks = o.until_blocks;
    swarm.byzantine = !o.no_byzantine;
    swarm.real_identities_every = o.identities == "real" ? 1 : o.identities == "mock" ? 0 : 10;
    swarm.mode = o.mode == "single" ? model::ConsensusMode::Single : model::ConsensusMode::Supermajority;
    swarm.mixed_modes = o.mode == "mixed";

    const auto start = std::chrono::steady_clock::now();
    std::uint64_t failed = 0, reached = 0, ticks = 0, inputs = 0, accusations = 0, events = 0;
    ProgressBar bar("soak");
    for (std::uint64_t k = 0; k < o.seeds; ++k) {
        const std::uint64_t seed = o.first_seed + k;
        if (o.verbose) {
            std::printf("seed %llu ...\n", static_cast<unsigned long long>(seed));
            std::fflush(stdout);  // a run that aborts still names its seed
        }
        auto s = sim::Simulation::create(sim::swarm_config(seed, swarm));
        if (!s.ok()) {
            std::fprintf(stderr, "soak: seed %llu: %s\n", static_cast<unsigned long long>(seed),
                         s.error().to_string().c_str());
            return 2;
        }
        s->run();
        ticks += s->tick();
        inputs += s->input_index();
        accusations += s->checkers().marker_count(sim::MarkerKind::Accusation);
        for (const auto& n : s->cluster().nodes()) events += n.engine ? n.engine->graph().size() : 0;
        reached += s->reached_blocks() ? 1 : 0;
        if (o.verbose)
            std::printf("seed %llu: %zu nodes, %llu ticks, %zu violation(s)%s\n", static_cast<unsigned long long>(seed),
                        s->config().node_count(), static_cast<unsigned long long>(s->tick()),
                        s->checkers().violation_count(), s->reached_blocks() ? "" : ", blocks not reached");
        if (s->checkers().violation_count() != 0 || !s->reached_blocks()) {
            ++failed;
            const RunSummary r = summarize(s.value());
            std::printf("FAIL seed %llu (%zu nodes): %zu violation(s)%s\n", static_cast<unsigned long long>(seed),
                        r.nodes, r.violations, r.reached ? "" : ", requested blocks not reached");
            if (!o.keep.empty()) {
                // The run is deterministic: recording it again gives the failing run, input for input.
                const std::string path =
                    (std::filesystem::path(o.keep) / ("seed-" + std::to_string(seed) + ".parsecrec")).string();
                auto rec = record::record_simulation(sim::swarm_config(seed, swarm));
                const auto saved = rec.ok() ? save_recording(path, rec.value()) : core::Status(rec.error());
                if (saved.ok()) std::printf("  recording: %s\n", path.c_str());
                else std::printf("  recording failed: %s\n", saved.error().to_string().c_str());
            }
            std::size_t shown = 0;
            for (const auto& m : r.markers)
                if (sim::is_violation(m.kind) && shown++ < 5) std::printf("  %s\n", sim::describe_marker(m, r.names).c_str());
        }
        bar.update(k + 1, o.seeds);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("soak: %llu runs (seeds %llu..%llu), %llu failed, %llu reached the requested blocks; %llu ticks, "
                "%llu inputs, %llu events inserted, %llu accusations; %.1f s\n",
                static_cast<unsigned long long>(o.seeds), static_cast<unsigned long long>(o.first_seed),
                static_cast<unsigned long long>(o.first_seed + o.seeds - 1), static_cast<unsigned long long>(failed),
                static_cast<unsigned long long>(reached), static_cast<unsigned long long>(ticks),
                static_cast<unsigned long long>(inputs), static_cast<unsigned long long>(events),
                static_cast<unsigned long long>(accusations), seconds);
    return failed == 0 ? 0 : 1;
}

RegisterCommand reg("soak", [](CLI::App& root) -> std::function<int()> {
    auto opts = std::make_shared<SoakOptions>();
    auto* cmd = root.add_subcommand(
        "soak", "Run many seeded faulty clusters (random size, lossy network, healing partition, a pause, "
                "f < n/3 Byzantine nodes) and report every invariant violation");
    cmd->add_option("--seeds", opts->seeds, "Number of runs")->capture_default_str();
    cmd->add_option("--first-seed", opts->first_seed, "Seed of the first run")->capture_default_str();
    cmd->add_option("--nodes", opts->nodes, "Cluster sizes, N or A..B")->capture_default_str();
    cmd->add_option("--faults", opts->faults, "Fixed default link (drop=P,dup=P,delay=A..B,reorder=P) "
                                              "instead of a drawn one");
    cmd->add_option("--identities", opts->identities, "real, mock, or mixed (real on every 10th seed)")
        ->check(CLI::IsMember({"real", "mock", "mixed"}))
        ->capture_default_str();
    cmd->add_option("--mode", opts->mode, "Consensus mode: supermajority, single, or mixed (single on odd seeds)")
        ->check(CLI::IsMember({"supermajority", "single", "mixed"}))
        ->capture_default_str();
    cmd->add_option("--until-blocks", opts->until_blocks, "Blocks each run must reach")->capture_default_str();
    cmd->add_flag("--no-byzantine", opts->no_byzantine, "All nodes honest");
    cmd->add_flag("--verbose", opts->verbose, "One line per run");
    cmd->add_option("--keep", opts->keep, "Directory for the recordings of failing runs");
    return [opts] { return run_soak(*opts); };
});

}  // namespace
}  // namespace parsec::app
