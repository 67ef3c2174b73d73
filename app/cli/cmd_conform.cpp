// `parsec-debugger conform FILE...`: replays reference dumps through our engine and runs the
// conformance checks of spec §10.2. Exit status 0 only if every file passed.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command_registry.hpp"
#include "cli/file_text.hpp"
#include "dot/conformance.hpp"

namespace parsec::app {
namespace {

struct ConformOptions {
    std::vector<std::string> files;
    bool verbose = false;
};

int run_conform(const ConformOptions& o) {
    size_t passed = 0, failed = 0;
    for (const auto& path : o.files) {
        auto text = read_text_file(path);
        if (!text.ok()) {
            std::printf("FAIL %s: %s\n", path.c_str(), text.error().to_string().c_str());
            ++failed;
            continue;
        }
        auto parsed = dot::parse_dot(text.value(), path);
        if (!parsed.ok()) {
            std::printf("FAIL %s: %s\n", path.c_str(), parsed.error().to_string().c_str());
            ++failed;
            continue;
        }
        auto r = dot::check_conformance(parsed.value(), path);
        if (r.passed) {
            std::printf("PASS %s (%zu events, %zu decisions at %zu events, %zu meta-events checked)\n", path.c_str(),
                        r.events, r.decisions, r.decision_points, r.meta_events_checked);
            ++passed;
        } else {
            std::printf("FAIL %s: %s\n", path.c_str(), r.failure.c_str());
            ++failed;
        }
        if (o.verbose)
            for (const auto& note : r.notes) std::printf("  %s\n", note.c_str());
    }
    std::printf("conform: %zu passed, %zu failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

RegisterCommand reg("conform", [](CLI::App& root) -> std::function<int()> {
    auto opts = std::make_shared<ConformOptions>();
    auto* cmd = root.add_subcommand("conform",
                                    "Replay reference .dot dumps through our engine and check them (spec §10.2)");
    cmd->add_option("FILE", opts->files, "Reference .dot dumps")->required()->check(CLI::ExistingFile);
    cmd->add_flag("--verbose", opts->verbose, "Print each decision and every tolerance applied");
    return [opts] { return run_conform(*opts); };
});

}  // namespace
}  // namespace parsec::app
