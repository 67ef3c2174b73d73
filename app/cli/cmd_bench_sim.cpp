// `parsec-debugger bench-sim`: how fast the simulated cluster runs. For each cluster size and
// identity kind it runs a fault-free cluster with a steady workload until the cluster has created
// the requested number of events, then prints events/s and engine insertions/s (every node's
// engine inserts every event it receives). A benchmark that prints figures, not a test.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <variant>

#include "cli/command_registry.hpp"
#include "sim/fault_spec.hpp"
#include "sim/simulation.hpp"

namespace parsec::app {
namespace {

struct BenchSimOptions {
    std::vector<std::uint32_t> nodes{4, 16, 48};
    std::uint64_t mock_events = 100000;
    std::uint64_t real_events = 20000;
    std::string identities = "both";
    std::uint64_t seed = 1;
    std::string payload_chance = "1/4";  // twice the sim's default rate: a busy cluster
};

struct BenchResult {
    std::uint64_t events = 0;      // distinct events created in the cluster
    std::uint64_t insertions = 0;  // sum over nodes of graph sizes
    std::uint64_t processed = 0;   // sum over nodes of events processed, re-processing included
    std::uint64_t reprocessed = 0; // ... of which re-processings after decisions (spec 6.4)
    std::uint64_t received = 0;    // sum over nodes of packed events received
    std::uint64_t held = 0;        // ... of which the receiver held already
    std::size_t min_blocks = 0;
    std::size_t proposed = 0;      // distinct opaque payloads voted
    sim::Tick ticks = 0;
    double seconds = 0;
};

BenchResult bench_one(std::uint32_t n, crypto::IdentityKind kind, std::uint64_t target, std::uint64_t seed,
                      sim::Ratio payload_chance) {
    sim::SimConfig c;
    c.seed = seed;
    c.genesis_count = static_cast<std::uint16_t>(n);
    c.identities = kind;
    c.ticks_max = ~sim::Tick{0};
    c.safety_only = true;  // a benchmark: no progress bookkeeping
    c.link.latency = sim::Latency{sim::LatencyShape::Uniform, 1, 3};
    c.workload.payload_chance = payload_chance;
    struct Count : sim::InputSink {
        std::uint64_t created = 0;
        std::set<std::string> payloads;
        void on_input(const sim::Cluster&, const sim::Input& in, const sim::Outcome& o) override {
            created += o.created.size();
            if (const auto* v = std::get_if<sim::VoteInput>(&in.body); v && v->kind == sim::PayloadKind::Opaque)
                payloads.insert(v->text);
        }
        void on_marker(const sim::Marker&) override {}
    } count;
    const auto start = std::chrono::steady_clock::now();
    auto s = sim::Simulation::create(c);
    BenchResult r;
    if (!s.ok()) return r;
    s->set_sink(&count);
    while (count.created < target && s->run_tick()) {
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.events = count.created;
    r.ticks = s->tick();
    r.proposed = count.payloads.size();
    r.min_blocks = ~std::size_t{0};
    for (const auto& node : s->cluster().nodes()) {
        if (node.engine) {
            r.insertions += node.engine->graph().size();
            r.processed += node.engine->processed_events();
            r.reprocessed += node.engine->reprocessed_events();
            r.received += node.engine->received_events();
            r.held += node.engine->received_held();
        }
        r.min_blocks = std::min(r.min_blocks, node.blocks.size());
    }
    return r;
}

int run_bench_sim(const BenchSimOptions& o) {
    auto chance = sim::parse_ratio(o.payload_chance);
    if (!chance.ok()) {
        std::fprintf(stderr, "bench-sim: --payload-chance: %s\n", chance.error().to_string().c_str());
        return 2;
    }
    std::printf("workload: a new payload per tick with chance %s, voted by every member\n", o.payload_chance.c_str());
    std::printf("%-6s %-5s %10s %12s %8s %8s %8s %9s %12s %14s\n", "nodes", "ids", "events", "insertions", "ticks",
                "payloads", "blocks", "seconds", "events/s", "insertions/s");
    for (const char* ids : {"mock", "real"}) {
        if (o.identities != "both" && o.identities != ids) continue;
        const bool mock = std::string(ids) == "mock";
        for (std::uint32_t n : o.nodes) {
            const auto r = bench_one(n, mock ? crypto::IdentityKind::Mock : crypto::IdentityKind::Ed25519,
                                     mock ? o.mock_events : o.real_events, o.seed, chance.value());
            std::printf("%-6u %-5s %10llu %12llu %8llu %8zu %8zu %9.2f %12.0f %14.0f\n", n, ids,
                        static_cast<unsigned long long>(r.events), static_cast<unsigned long long>(r.insertions),
                        static_cast<unsigned long long>(r.ticks), r.proposed, r.min_blocks, r.seconds,
                        r.seconds > 0 ? static_cast<double>(r.events) / r.seconds : 0.0,
                        r.seconds > 0 ? static_cast<double>(r.insertions) / r.seconds : 0.0);
            // Where the work goes: re-processing after decisions (spec 6.4) and events sent again.
            if (r.insertions > 0 && r.processed > 0 && r.received > 0)
                std::printf("       work: %llu events processed, %.1f per insertion (%.0f%% re-processing after "
                            "decisions); %llu received, %.0f%% already held\n",
                            static_cast<unsigned long long>(r.processed),
                            static_cast<double>(r.processed) / static_cast<double>(r.insertions),
                            100.0 * static_cast<double>(r.reprocessed) / static_cast<double>(r.processed),
                            static_cast<unsigned long long>(r.received),
                            100.0 * static_cast<double>(r.held) / static_cast<double>(r.received));
            std::fflush(stdout);
        }
    }
    std::printf("(payloads: distinct payloads proposed; blocks: the fewest any node polled. A workload whose payloads\n"
                " outpace the blocks overloads the cluster: its backlog, and the suffix every decision re-processes\n"
                " (spec 6.4), then grow without bound. Target: 16 nodes x 100000 mock events in under 5 s)\n");
    return 0;
}

RegisterCommand reg("bench-sim", [](CLI::App& root) -> std::function<int()> {
    auto opts = std::make_shared<BenchSimOptions>();
    auto* cmd = root.add_subcommand("bench-sim", "Benchmark: simulated events per second by cluster size, "
                                                 "real and mock identities (prints figures)");
    cmd->add_option("--nodes", opts->nodes, "Cluster sizes")->capture_default_str();
    cmd->add_option("--mock-events", opts->mock_events, "Events to create per mock run")->capture_default_str();
    cmd->add_option("--real-events", opts->real_events, "Events to create per Ed25519 run")->capture_default_str();
    cmd->add_option("--identities", opts->identities, "mock, real or both")
        ->check(CLI::IsMember({"mock", "real", "both"}))
        ->capture_default_str();
    cmd->add_option("--seed", opts->seed, "Seed")->capture_default_str();
    cmd->add_option("--payload-chance", opts->payload_chance,
                    "Chance per tick of a new payload (as 1/4, 0.25 or 25%; the sim's default is 1/8)")
        ->capture_default_str();
    return [opts] { return run_bench_sim(*opts); };
});

}  // namespace
}  // namespace parsec::app
