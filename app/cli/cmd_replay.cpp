// `parsec-debugger replay FILE [--verify] [--to INPUT] [--branch ID]`: loads a recording, re-executes
// a branch and compares every event hash, block and checkpoint digest with the file. --verify also
// replays every other branch and treats a damaged file as a failure.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <map>

#include "cli/command_registry.hpp"
#include "record/replay.hpp"
#include "record_io/progress_bar.hpp"
#include "record_io/record_file.hpp"

namespace parsec::app {
namespace {

struct ReplayOptions {
    std::string file;
    bool verify = false;
    std::uint64_t to = ~std::uint64_t{0};
    std::uint32_t branch = record::kRootBranch;
};

std::vector<std::string> peer_names(const record::Recording& r) {
    std::vector<std::string> names;
    for (const auto& p : r.peers) names.push_back(p.name);
    return names;
}

void print_blocks(const record::Recording& r, record::BranchId branch, record::InputIndex end) {
    const auto names = peer_names(r);
    std::map<sim::NodeId, std::vector<std::string>> blocks;
    for (record::InputIndex i = 0; i < end; ++i)
        if (const auto* o = r.path_outcome(branch, i))
            for (const auto& b : o->blocks) blocks[b.node].push_back(core::to_hex(b.payload).substr(0, 8));
    for (sim::NodeId n = 0; n < names.size(); ++n) {
        const auto& list = blocks[n];
        std::printf("  %-8s %zu blocks", names[n].c_str(), list.size());
        for (std::size_t k = 0; k < list.size() && k < 8; ++k) std::printf(" %s", list[k].c_str());
        if (list.size() > 8) std::printf(" ...");
        std::printf("\n");
    }
}

// Replays one branch and prints what happened; true when it matched the recording.
bool replay_branch(const record::Recording& r, record::BranchId branch, record::InputIndex to, bool show_blocks) {
    const record::Branch& b = r.branches[branch];
    ProgressBar bar("replay branch " + std::to_string(branch));
    auto report = record::replay(r, branch, to, [&](auto done, auto total) { bar.update(done, total); });
    bar.finish();
    if (!report.ok()) {
        std::printf("branch %u (%s): cannot replay: %s\n", branch, b.label.c_str(), report.error().to_string().c_str());
        return false;
    }
    std::size_t violations = 0;
    for (record::BranchId id = branch; id != record::kNoBranch; id = r.branches[id].parent)
        for (const auto& m : r.branches[id].markers)
            if (sim::is_violation(m.kind) && m.input <= report->inputs) ++violations;
    std::printf("branch %u (%s, from input %llu): replayed %llu of %llu inputs, %zu events, %zu blocks, "
                "%zu checkpoints verified, %zu recorded violation markers\n",
                branch, b.label.c_str(), static_cast<unsigned long long>(b.fork_input),
                static_cast<unsigned long long>(report->inputs),
                static_cast<unsigned long long>(record::path_length(r, branch)), report->events, report->blocks,
                report->checkpoints, violations);
    if (show_blocks) print_blocks(r, branch, report->inputs);
    if (report->divergence) {
        const auto names = peer_names(r);
        std::printf("DIVERGENCE at %s\n", report->divergence->to_string(names).c_str());
        if (const auto* input = r.path_input(branch, report->divergence->input))
            std::printf("  the input: %s\n", sim::describe(*input, names).c_str());
        return false;
    }
    return true;
}

int run_replay(const ReplayOptions& o) {
    auto loaded = load_recording(o.file);
    if (!loaded.ok()) {
        std::fprintf(stderr, "replay: %s\n", loaded.error().to_string().c_str());
        return 2;
    }
    const record::Recording& r = loaded->recording;
    std::printf("%s: format %u, %s, %zu peers, %zu branches, %zu inputs, %zu events, seed %llu\n", o.file.c_str(),
                r.format_version, r.engine_version.c_str(), r.peers.size(), r.branches.size(), r.input_count(),
                r.event_count(), static_cast<unsigned long long>(r.config.seed));
    if (loaded->damage)
        std::printf("DAMAGED: %s (%zu good chunks loaded; what precedes the damage is replayed)\n",
                    loaded->damage->to_string().c_str(), loaded->chunks);
    if (r.branch(o.branch) == nullptr) {
        std::printf("no branch %u in the recording\n", o.branch);
        return 2;
    }
    bool ok = replay_branch(r, o.branch, o.to, true);
    if (o.verify)
        for (record::BranchId b = 0; b < r.branches.size(); ++b)
            if (b != o.branch) ok = replay_branch(r, b, ~std::uint64_t{0}, false) && ok;
    const bool failed = !ok || (o.verify && loaded->damage);
    std::printf("%s\n", failed ? "FAILED" : "OK");
    return failed ? 1 : 0;
}

RegisterCommand reg("replay", [](CLI::App& root) -> std::function<int()> {
    auto opts = std::make_shared<ReplayOptions>();
    auto* cmd = root.add_subcommand("replay",
                                    "Re-execute a recording and check every event hash, block and checkpoint");
    cmd->add_option("FILE", opts->file, "Recording file (from sim --record)")->required();
    cmd->add_flag("--verify", opts->verify,
                  "Also replay every other branch; exit non-zero on any damaged chunk or divergence");
    cmd->add_option("--to", opts->to, "Stop after this many inputs of the branch path");
    cmd->add_option("--branch", opts->branch, "Branch to replay (0 is the root)");
    cmd->footer("Exit status: 0 replay matched, 1 divergence (or damage with --verify), 2 unreadable file.");
    return [opts] { return run_replay(*opts); };
});

}  // namespace
}  // namespace parsec::app
