// `parsec-debugger bench-replay [--runs N] FILE...`: the reference benchmark's work (spec §9.7):
// parse once, then replay the recording through a fresh engine N times; parsing is not timed.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sys/resource.h>

#include "cli/command_registry.hpp"
#include "cli/file_text.hpp"
#include "dot/dot_replay.hpp"

namespace parsec::app {
namespace {

struct BenchOptions {
    std::vector<std::string> files;
    int runs = 5;
    bool fresh_crypto = false;  // a new crypto service per run: no memo carried between runs
};

long peak_rss_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

int run_bench(const BenchOptions& o) {
    int status = 0;
    for (const auto& path : o.files) {
        auto text = read_text_file(path);
        if (!text.ok()) {
            std::fprintf(stderr, "bench-replay: %s\n", text.error().to_string().c_str());
            status = 1;
            continue;
        }
        auto parsed = dot::parse_dot(text.value(), path);
        if (!parsed.ok()) {
            std::fprintf(stderr, "bench-replay: %s\n", parsed.error().to_string().c_str());
            status = 1;
            continue;
        }
        auto plan = dot::plan_replay(parsed.value(), path);
        if (!plan.ok()) {
            std::fprintf(stderr, "bench-replay: %s\n", plan.error().to_string().c_str());
            status = 1;
            continue;
        }
        std::vector<double> ms;
        double cold_ms = 0;
        std::size_t cold_sha3 = 0;  // SHA3-256 digests the first run computed (later runs reuse them)
        // decisions = consensused keys (blocks) in consensus_history, as in the reference's table;
        // decision_points = the events that decided them (one decision can settle several keys).
        size_t decisions = 0, decision_points = 0, events = 0;
        // One crypto service for all runs, as in a cluster: its exact content-hash memo makes the
        // first run cold (every SHA3 computed) and later runs warm. Both are printed. With
        // --fresh-crypto every run starts with an empty memo (the service is made untimed).
        auto crypto = std::make_shared<crypto::MockCrypto>();
        for (int r = 0; r < o.runs; ++r) {
            if (o.fresh_crypto && r > 0) crypto = std::make_shared<crypto::MockCrypto>();
            auto t0 = std::chrono::steady_clock::now();
            auto n = dot::play(plan.value(), crypto);
            auto t1 = std::chrono::steady_clock::now();
            if (!n.ok()) {
                std::fprintf(stderr, "bench-replay: %s: %s\n", path.c_str(), n.error().to_string().c_str());
                status = 1;
                break;
            }
            decisions = n->election().consensus_history.size();
            decision_points = n->decisions().size();
            size_t keys_decided = 0;
            for (const auto& d : n->decisions()) keys_decided += d.keys.size();
            if (r == 0 && keys_decided != decisions) {
                std::fprintf(stderr, "bench-replay: %s: %zu keys decided at %zu decision points, but consensus history "
                             "holds %zu\n", path.c_str(), keys_decided, decision_points, decisions);
                status = 1;
            }
            events = n->graph().size();
            ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            if (r == 0) cold_ms = ms.back(), cold_sha3 = crypto->hashes_computed();
        }
        if (ms.empty()) continue;
        std::sort(ms.begin(), ms.end());
        double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
        std::printf("RESULT file=%s peers=%zu events=%zu decisions=%zu decision_points=%zu median_ms=%.3f min_ms=%.3f events_per_s=%.0f "
                    "cold_ms=%.3f cold_sha3=%zu\n",
                    path.c_str(), parsed->peers.size(), events, decisions, decision_points, median, ms.front(),
                    median > 0 ? static_cast<double>(events) / (median / 1000.0) : 0.0, cold_ms, cold_sha3);
        std::fflush(stdout);
    }
    std::printf("peak_rss_mib=%.1f\n", static_cast<double>(peak_rss_kib()) / 1024.0);
    return status;
}

RegisterCommand reg("bench-replay", [](CLI::App& root) -> std::function<int()> {
    auto opts = std::make_shared<BenchOptions>();
    auto* cmd = root.add_subcommand("bench-replay",
                                    "Time full replays of reference dumps (parse once, replay N times)");
    cmd->add_option("FILE", opts->files, "Reference .dot dumps")->required()->check(CLI::ExistingFile);
    cmd->add_option("--runs", opts->runs, "Replays per file (default 5)")->check(CLI::Range(1, 100000));
    cmd->add_flag("--fresh-crypto", opts->fresh_crypto,
                  "A new crypto service for every run: each run computes every content hash and signature "
                  "(no memo carried over from earlier runs)");
    return [opts] { return run_bench(*opts); };
});

}  // namespace
}  // namespace parsec::app
