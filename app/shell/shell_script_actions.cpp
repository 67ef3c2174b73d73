// Script actions that need the shell: `panel NAME` opens a panel and selects its tab.
#include <string>

#include "platform/script.hpp"
#include "platform/script_driver.hpp"
#include "shell/shell_context.hpp"

namespace parsec::app {
namespace {

std::string run_panel(const ScriptArgs& args, ScriptContext& context) {
    if (context.shell().focus_panel(args.rest)) return {};
    std::string names;
    for (const auto& name : context.shell().panel_names())
        names += (names.empty() ? "" : ", ") + name;
    return "no panel named '" + args.rest + "' (panels: " + (names.empty() ? "none" : names) + ")";
}

const RegisterScriptAction register_panel{{"panel", "panel NAME", 1, -1, run_panel}};

}  // namespace
}  // namespace parsec::app
