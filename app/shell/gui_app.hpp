// Entry point of the GUI, shared by the default (no subcommand) run and `parsec-debugger gui`.
// Deliberately free of ImGui/GLFW types so the CLI code can include it.
#pragma once
#include <optional>
#include <string>

namespace parsec::app {

struct GuiOptions {
    std::optional<std::string> script_path;      // --script FILE
    std::optional<std::string> screenshot_path;  // --screenshot OUT.png, written before exit
    std::optional<int> frames_after_script;      // --frames N (default 3)
    std::optional<int> width_px;                 // --size WxH
    std::optional<int> height_px;
    std::optional<std::string> config_dir;  // --config-dir DIR

    // Any test option makes the run scripted: fixed frame time, no real input, no settings
    // (unless --config-dir), a STATE line on stdout, and an exit when the script is done.
    bool is_headless() const { return script_path || screenshot_path || frames_after_script; }
};

// Exit codes: 0 ok; 1 no window / screenshot not written; 2 bad script (message names the
// script file and line, on stderr).
int run_gui(const GuiOptions& options);

}  // namespace parsec::app
