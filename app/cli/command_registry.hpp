// Subcommands register themselves here, so each lives in its own cmd_<verb>.cpp file.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace CLI { class App; }

namespace parsec::app {

// `setup` adds the subcommand to `root` and returns a function that runs it and yields the exit code.
using CommandSetup = std::function<std::function<int()>(CLI::App& root)>;

struct CommandInfo {
    std::string name;
    CommandSetup setup;
};

std::vector<CommandInfo>& command_registry();

struct RegisterCommand {
    RegisterCommand(std::string name, CommandSetup setup) {
        command_registry().push_back({std::move(name), std::move(setup)});
    }
};

// The command run when no subcommand is given (the GUI when built; else the conformance run).
void set_default_command(std::function<int(int argc, char** argv)> fn);

}  // namespace parsec::app
