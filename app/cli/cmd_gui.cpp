// `parsec-debugger gui`: the GUI, optionally scripted for tests and screenshots. Also makes the
// GUI the default command when the build has one (PARSEC_HAS_GUI comes from app/gui.cmake).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "cli/command_registry.hpp"
#if PARSEC_HAS_GUI
#include "shell/gui_app.hpp"
#endif

namespace parsec::app {
namespace {

struct GuiArgs {
    std::string script;
    std::string screenshot;
    int frames = -1;
    std::string size;
    std::string config_dir;
};

#if PARSEC_HAS_GUI
// "1600x900" → width and height; false for anything else.
bool parse_size(const std::string& text, int& width_px, int& height_px) {
    char separator = 0;
    char trailing = 0;
    const int count =
        std::sscanf(text.c_str(), "%d%c%d%c", &width_px, &separator, &height_px, &trailing);
    return count == 3 && (separator == 'x' || separator == 'X') && width_px > 0 && height_px > 0;
}

int run_gui_command(const GuiArgs& args) {
    GuiOptions options;
    if (!args.script.empty()) options.script_path = args.script;
    if (!args.screenshot.empty()) options.screenshot_path = args.screenshot;
    if (args.frames >= 0) options.frames_after_script = args.frames;
    if (!args.config_dir.empty()) options.config_dir = args.config_dir;
    if (!args.size.empty()) {
        int width_px = 0;
        int height_px = 0;
        if (!parse_size(args.size, width_px, height_px)) {
            std::fprintf(stderr, "parsec-debugger gui: --size '%s' must look like 1600x900\n",
                         args.size.c_str());
            return 2;
        }
        options.width_px = width_px;
        options.height_px = height_px;
    }
    return run_gui(options);
}

const bool is_gui_default = [] {
    set_default_command([](int, char**) { return run_gui(GuiOptions{}); });
    return true;
}();
#else
int run_gui_command(const GuiArgs&) {
    std::fprintf(stderr, "parsec-debugger gui: this build has no GUI (PARSEC_BUILD_GUI=OFF)\n");
    return 1;
}
#endif

const RegisterCommand register_gui{
    "gui", [](CLI::App& root) {
        auto args = std::make_shared<GuiArgs>();
        CLI::App* gui = root.add_subcommand(
            "gui",
            "Open the GUI. With --script/--screenshot/--frames it runs headless-friendly: "
            "plays the script, writes the PNG, prints a STATE line and exits");
        gui->add_option("--script", args->script,
                        "Script of GUI actions, one per line (frames N, key NAME, click X Y, "
                        "panel NAME, screenshot FILE, ...)");
        gui->add_option("--screenshot", args->screenshot,
                        "Write a PNG of the window before exiting");
        gui->add_option("--frames", args->frames, "Frames to render after the script (default 3)")
            ->check(CLI::Range(1, 100000));
        gui->add_option("--size", args->size, "Window size WxH, e.g. 1600x900");
        gui->add_option("--config-dir", args->config_dir,
                        "Settings folder (default: $XDG_CONFIG_HOME/parsec-debugger; scripted runs "
                        "use none unless this is given)");
        return [args] { return run_gui_command(*args); };
    }};

}  // namespace
}  // namespace parsec::app
