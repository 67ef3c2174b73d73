// parsec-debugger: with no arguments opens the GUI on a live default cluster; subcommands do the
// same work headless (conform, bench-replay, sim, replay, export, ...).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>

#include "cli/command_registry.hpp"
#include "io/heap_tuning.hpp"

namespace parsec::app {

std::vector<CommandInfo>& command_registry() {
    static std::vector<CommandInfo> commands;
    return commands;
}

static std::function<int(int, char**)>& default_command() {
    static std::function<int(int, char**)> fn;
    return fn;
}

void set_default_command(std::function<int(int argc, char** argv)> fn) { default_command() = std::move(fn); }

}  // namespace parsec::app

int main(int argc, char** argv) {
    using namespace parsec::app;
    keep_large_blocks_in_heap();
    CLI::App root{"PARSEC Visual Debugger: run, inspect, record and replay PARSEC consensus.\n"
                  "With no subcommand, opens the GUI on a live default cluster."};
    root.set_help_all_flag("--help-all", "Show help for every subcommand");
    root.require_subcommand(0, 1);

    auto& commands = command_registry();
    std::sort(commands.begin(), commands.end(), [](auto& a, auto& b) { return a.name < b.name; });
    std::map<std::string, std::function<int()>> runners;
    for (auto& c : commands) runners[c.name] = c.setup(root);

    try {
        root.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return root.exit(e);
    }
    for (auto* sub : root.get_subcommands()) {
        auto it = runners.find(sub->get_name());
        if (it != runners.end()) return it->second();
    }
    if (default_command()) return default_command()(argc, argv);
    std::printf("%s", root.help().c_str());
    return 0;
}
