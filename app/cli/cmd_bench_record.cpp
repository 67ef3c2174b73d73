// `parsec-debugger bench-record`: figures for recordings (a benchmark, not a test). Records a run
// of about --events events, then prints the file's bytes per event, load speed, replay speed, and
// the latency of seeking to random inputs through the Timeline (target: p99 < 50 ms at 100k events).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>

#include "cli/command_registry.hpp"
#include "record/codec.hpp"
#include "record/timeline.hpp"
#include "record_io/progress_bar.hpp"
#include "sim/prng.hpp"

namespace parsec::app {
namespace {

using Clock = std::chrono::steady_clock;

struct BenchOptions {
    std::uint64_t events = 100000;
    std::uint16_t nodes = 4;
    std::uint64_t seed = 1;
    std::size_t seeks = 300;
    std::size_t snapshot_every = record::kSnapshotEvery;
    std::size_t budget_mb = record::kSnapshotBudgetBytes >> 20;
    std::string identities = "ed25519";
};

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Resident memory of this process in MB (Linux), 0 if unknown.
double resident_mb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            double kb = 0;
            status >> kb;
            return kb / 1024.0;
        }
        status.ignore(1 << 12, '\n');
    }
    return 0;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

core::Result<record::Recording> record_events(const BenchOptions& o) {
    sim::SimConfig c;
    c.seed = o.seed;
    c.genesis_count = o.nodes;
    c.identities = o.identities == "mock" ? crypto::IdentityKind::Mock : crypto::IdentityKind::Ed25519;
    c.ticks_max = ~sim::Tick{0} >> 1;
    auto sim = sim::Simulation::create(c);
    if (!sim.ok()) return sim.error();
    record::Recording rec = record::start_recording(sim->cluster(), record::engine_version());
    record::Recorder recorder(rec, record::kRootBranch);
    sim->set_sink(&recorder);
    ProgressBar bar("recording");
    std::uint64_t events = 0;
    std::size_t seen = 0;
    while (events < o.events && sim->run_tick()) {
        const auto& outcomes = rec.branches[0].outcomes;
        for (; seen < outcomes.size(); ++seen) events += outcomes[seen].created.size();
        bar.update(events, o.events);
    }
    recorder.finish(sim->cluster());
    return rec;
}

int run_bench(const BenchOptions& o) {
    auto t = Clock::now();
    auto made = record_events(o);
    if (!made.ok()) {
        std::fprintf(stderr, "bench-record: %s\n", made.error().to_string().c_str());
        return 1;
    }
    const record::Recording& rec = made.value();
    const double record_ms = ms_since(t);
    const std::size_t events = rec.event_count(), inputs = rec.input_count();
    std::printf("recorded %zu events, %zu inputs, %zu nodes (%s identities) in %.0f ms\n", events, inputs,
                rec.peers.size(), o.identities.c_str(), record_ms);

    t = Clock::now();
    const core::Bytes bytes = record::encode(rec);
    const double encode_ms = ms_since(t);
    t = Clock::now();
    auto decoded = record::decode(bytes);
    const double decode_ms = ms_since(t);
    if (!decoded.ok() || decoded->damage || !(decoded->recording == rec)) {
        std::fprintf(stderr, "bench-record: the recording does not decode to itself\n");
        return 1;
    }
    const double mb = static_cast<double>(bytes.size()) / 1e6;
    std::printf("file: %.2f MB, %.1f bytes per event, %.1f bytes per input\n", mb,
                static_cast<double>(bytes.size()) / static_cast<double>(events),
                static_cast<double>(bytes.size()) / static_cast<double>(inputs));
    std::printf("encode: %.0f ms (%.0f MB/s); load (decode + checksums): %.0f ms, %.0f MB/s, %.0f events/s\n",
                encode_ms, mb / (encode_ms / 1e3), decode_ms, mb / (decode_ms / 1e3),
                static_cast<double>(events) / (decode_ms / 1e3));

    const double rss_before = resident_mb();
    t = Clock::now();
    auto timeline = record::Timeline::open(std::move(decoded->recording), record::kRootBranch, o.snapshot_every,
                                           o.budget_mb << 20);
    if (!timeline.ok()) {
        std::fprintf(stderr, "bench-record: %s\n", timeline.error().to_string().c_str());
        return 1;
    }
    {
        ProgressBar bar("replaying");
        if (auto d = timeline->prepare([&](auto done, auto total) { bar.update(done, total); })) {
            std::fprintf(stderr, "bench-record: replay diverged at input %llu: %s\n",
                         static_cast<unsigned long long>(d->input), d->what.c_str());
            return 1;
        }
    }
    const double prepare_ms = ms_since(t);
    std::printf("full replay: %.0f ms (%.0f inputs/s); snapshots: %zu, every %zu inputs (from %zu, budget %zu MB), "
                "estimated %.0f MB, +%.0f MB resident\n",
                prepare_ms, static_cast<double>(inputs) / (prepare_ms / 1e3), timeline->snapshot_count(),
                timeline->snapshot_every(), o.snapshot_every, o.budget_mb,
                static_cast<double>(timeline->snapshot_bytes()) / 1e6,
                resident_mb() - rss_before);

    sim::Prng prng(o.seed ^ 0x5eed);
    std::vector<double> latencies;
    for (std::size_t i = 0; i < o.seeks; ++i) {
        const auto target = prng.below(timeline->length() + 1);
        t = Clock::now();
        auto d = timeline->seek(target);
        latencies.push_back(ms_since(t));
        if (d) {
            std::fprintf(stderr, "bench-record: seek diverged at input %llu\n", static_cast<unsigned long long>(d->input));
            return 1;
        }
    }
    std::printf("seek to %zu random inputs: p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 50 ms)\n", o.seeks,
                percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0));
    return 0;
}

RegisterCommand reg("bench-record", [](CLI::App& root) -> std::function<int()> {
    auto opts = std::make_shared<BenchOptions>();
    auto* cmd = root.add_subcommand("bench-record",
                                    "Benchmark recordings: bytes per event, load speed, seek latency (prints figures)");
    cmd->add_option("--events", opts->events, "Events to record (default 100000)");
    cmd->add_option("--nodes", opts->nodes, "Genesis nodes (default 4)");
    cmd->add_option("--seed", opts->seed, "Simulation seed");
    cmd->add_option("--seeks", opts->seeks, "Random seeks to time (default 300)");
    cmd->add_option("--snapshot-every", opts->snapshot_every, "Inputs between in-memory snapshots (at first)");
    cmd->add_option("--budget-mb", opts->budget_mb, "Memory budget for the snapshots (MB)");
    cmd->add_option("--identities", opts->identities, "mock or ed25519 (default)")
        ->check(CLI::IsMember({"mock", "ed25519"}));
    return [opts] { return run_bench(*opts); };
});

}  // namespace
}  // namespace parsec::app
