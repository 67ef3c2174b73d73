// `parsec-debugger export FILE --format dot|json|perfetto [--node NAME] [--at INPUT] -o OUT`:
// dot = one node's state after INPUT inputs in the reference's dump layout (readable by conform),
// json = the whole recording for people, perfetto = a Chrome trace of the branch up to INPUT.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command_registry.hpp"
#include "dot/dot_export.hpp"
#include "record/json_export.hpp"
#include "record/perfetto_export.hpp"
#include "record/timeline.hpp"
#include "record_io/progress_bar.hpp"
#include "record_io/record_file.hpp"
#include "io/atomic_file.hpp"

namespace parsec::app {
namespace {

struct ExportOptions {
    std::string file;
    std::string format;
    std::string node;
    std::uint64_t at = ~std::uint64_t{0};
    std::uint32_t branch = record::kRootBranch;
    std::string out;
};

core::Result<std::string> export_dot(const record::Recording& r, const ExportOptions& o) {
    std::string names;
    sim::NodeId node = sim::kNoNode;
    for (sim::NodeId n = 0; n < r.peers.size(); ++n) {
        names += (n ? ", " : "") + r.peers[n].name;
        if (r.peers[n].name == o.node) node = n;
    }
    if (o.node.empty()) return core::make_error("MissingNode", "--format dot needs --node NAME (one of " + names + ")");
    if (node == sim::kNoNode)
        return core::make_error("UnknownNode", "no node '" + o.node + "' in the recording (nodes: " + names + ")");
    auto timeline = record::Timeline::open(r, o.branch);
    if (!timeline.ok()) return timeline.error();
    ProgressBar bar("replaying");
    const record::InputIndex target = std::min<record::InputIndex>(o.at, timeline->length());
    while (timeline->position() < target) {
        auto d = timeline->seek(std::min<record::InputIndex>(target, timeline->position() + 1024));
        if (d) return core::make_error("Divergence", d->what, "input " + std::to_string(d->input));
        bar.update(timeline->position(), target);
    }
    bar.finish();
    const auto& engine = timeline->cluster().node(node).engine;
    if (!engine)
        return core::make_error("NotStarted", o.node + " has not started after " + std::to_string(target) + " inputs");
    return dot::write_dot(dot::export_node(*engine));
}

int run_export(const ExportOptions& o) {
    auto loaded = load_recording(o.file);
    if (!loaded.ok()) {
        std::fprintf(stderr, "export: %s\n", loaded.error().to_string().c_str());
        return 2;
    }
    const record::Recording& r = loaded->recording;
    if (loaded->damage)
        std::fprintf(stderr, "export: %s: %s; exporting what precedes it\n", o.file.c_str(),
                     loaded->damage->to_string().c_str());
    if (r.branch(o.branch) == nullptr) {
        std::fprintf(stderr, "export: %s: no branch %u\n", o.file.c_str(), o.branch);
        return 2;
    }
    core::Result<std::string> text = std::string();
    if (o.format == "json") {
        text = record::export_json(r);
    } else if (o.format == "perfetto") {
        ProgressBar bar("tracing");
        text = record::export_perfetto(r, o.branch, o.at, [&](auto done, auto total) { bar.update(done, total); });
    } else {
        text = export_dot(r, o);
    }
    if (!text.ok()) {
        std::fprintf(stderr, "export: %s: %s\n", o.file.c_str(), text.error().to_string().c_str());
        return 1;
    }
    if (auto s = write_file_atomically(o.out, text.value()); !s.ok()) {
        std::fprintf(stderr, "export: %s\n", s.error().to_string().c_str());
        return 2;
    }
    std::printf("export: wrote %s (%s, %zu bytes)\n", o.out.c_str(), o.format.c_str(), text->size());
    return 0;
}

RegisterCommand reg("export", [](CLI::App& root) -> std::function<int()> {
    auto opts = std::make_shared<ExportOptions>();
    auto* cmd = root.add_subcommand("export", "Export a recording: a node's dump (dot), JSON, or a Perfetto trace");
    cmd->add_option("FILE", opts->file, "Recording file")->required();
    cmd->add_option("--format", opts->format, "dot: a node's state in the reference dump layout (see conform); "
                                              "json: the recording for people; perfetto: Chrome trace JSON")
        ->required()
        ->check(CLI::IsMember({"dot", "json", "perfetto"}));
    cmd->add_option("--node", opts->node, "Node to dump (dot)");
    cmd->add_option("--at", opts->at, "State after this many inputs (dot), or trace up to it (perfetto); default: end");
    cmd->add_option("--branch", opts->branch, "Branch of the recording (0 is the root)");
    cmd->add_option("-o,--output", opts->out, "Output file (written atomically)")->required();
    return [opts] { return run_export(*opts); };
});

}  // namespace
}  // namespace parsec::app
