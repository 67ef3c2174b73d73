// `parsec-debugger version`: prints the program and recording-format versions.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command_registry.hpp"

namespace parsec::app {
namespace {
RegisterCommand reg("version", [](CLI::App& root) -> std::function<int()> {
    root.add_subcommand("version", "Print the program version");
    return [] {
        std::printf("parsec-debugger 0.1.0 (reference: maidsafe/parsec v0.7.3)\n");
        return 0;
    };
});
}  // namespace
}  // namespace parsec::app
