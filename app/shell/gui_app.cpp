// Wires the platform layer and the shell together and runs the frame loop, interactive or
// scripted. Order matters: the script is checked before a window opens, and the ImGui context
// outlives the shell (panels may hold ImGui state).
#include "shell/gui_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "platform/frame_loop.hpp"
#include "platform/imgui_setup.hpp"
#include "platform/input_injector.hpp"
#include "platform/screenshot.hpp"
#include "platform/script_driver.hpp"
#include "platform/settings.hpp"
#include "platform/window.hpp"
#include "shell/shell.hpp"
#include "shell/state_line.hpp"

namespace parsec::app {
namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_bad_script = 2;
constexpr int window_px_min = 320;
constexpr int window_px_max = 8192;

// Ctrl+C in the terminal or a polite kill closes the window normally, so settings get saved.
volatile std::sig_atomic_t is_stop_signalled = 0;
extern "C" void on_stop_signal(int) {
    is_stop_signalled = 1;
}

// Reads and checks the script; prints "FILE:LINE: why" and returns nullopt when it is bad.
std::optional<Script> load_checked_script(const GuiOptions& options) {
    if (!options.script_path) return Script{"(no script)", {}};
    auto script = load_script(*options.script_path);
    if (!script.ok()) {
        std::fprintf(stderr, "%s\n", script.error().to_string().c_str());
        return std::nullopt;
    }
    if (std::string error = check_script(*script); !error.empty()) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return std::nullopt;
    }
    return std::move(*script);
}

std::optional<std::string> config_dir_for(const GuiOptions& options) {
    if (options.config_dir) return options.config_dir;
    if (options.is_headless()) return std::nullopt;  // reproducible: no settings, no imgui.ini
    return default_config_dir();
}

WindowOptions window_options_for(const GuiOptions& options, const Settings& settings) {
    WindowOptions w;
    w.is_headless = options.is_headless();
    w.width_px = options.width_px.value_or(settings.get_int("window.width", w.width_px));
    w.height_px = options.height_px.value_or(settings.get_int("window.height", w.height_px));
    w.width_px = std::clamp(w.width_px, window_px_min, window_px_max);
    w.height_px = std::clamp(w.height_px, window_px_min, window_px_max);
    return w;
}

bool save_screenshot(int width_px, int height_px, const std::string& path) {
    auto status = write_png(read_back_buffer(width_px, height_px), path);
    if (!status.ok()) std::fprintf(stderr, "screenshot: %s\n", status.error().to_string().c_str());
    return status.ok();
}

// State shared by one run's frame hooks.
struct Run {
    const GuiOptions& options;
    Window& window;
    Shell& shell;
    ShellContext& ctx;
    std::unique_ptr<ScriptDriver> driver;  // only in scripted runs
    int frames_after_script_left = 0;
    bool is_final_frame = false;
    bool has_screenshot_failed = false;
};

void after_render(Run& run, int width_px, int height_px) {
    auto shoot = [&](const std::string& path) {
        run.has_screenshot_failed |= !save_screenshot(width_px, height_px, path);
    };
    if (run.driver) {
        if (auto path = run.driver->take_screenshot_request()) shoot(*path);
    }
    if (auto path = run.shell.take_png_export_request()) {
        if (save_screenshot(width_px, height_px, *path))
            run.ctx.set_status("Exported " + *path);
        else
            run.ctx.warn("Could not export " + *path + " (see the terminal)");
    }
    const bool is_last = run.is_final_frame || run.shell.is_quit_requested();
    if (is_last && run.options.screenshot_path) shoot(*run.options.screenshot_path);
}

int run_frames(Run& run) {
    FrameHooks hooks;
    if (run.driver) hooks.inject_input = [&run](ImGuiIO& io) { run.driver->before_new_frame(io); };
    hooks.build_ui = [&run] { run.shell.draw_frame(); };
    hooks.after_render = [&run](int w, int h) { after_render(run, w, h); };
    const bool is_headless = run.driver != nullptr;
    while (!run.window.is_close_requested() && !run.shell.is_quit_requested() &&
           is_stop_signalled == 0) {
        if (is_headless && run.driver->is_finished() && !run.driver->has_failed()) {
            run.is_final_frame = --run.frames_after_script_left <= 0;
        }
        run_frame(run.window, hooks, is_headless);
        if (is_headless && run.driver->has_failed()) {
            std::fprintf(stderr, "%s\n", run.driver->error().c_str());
            return exit_bad_script;
        }
        if (run.is_final_frame) break;
    }
    return run.has_screenshot_failed ? exit_failure : exit_ok;
}

}  // namespace

int run_gui(const GuiOptions& options) {
    std::optional<Script> script = load_checked_script(options);
    if (!script) return exit_bad_script;
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);

    const std::optional<std::string> config_dir = config_dir_for(options);
    std::vector<std::string> warnings;
    Settings settings = config_dir ? load_settings(*config_dir, warnings) : Settings{};
    if (config_dir) {
        std::error_code e;
        std::filesystem::create_directories(*config_dir, e);  // imgui.ini is written there
    }

    auto window = Window::create(window_options_for(options, settings));
    if (!window.ok()) {
        std::fprintf(stderr, "parsec-debugger: %s\n", window.error().message.c_str());
        return exit_failure;
    }
    ImGuiOptions imgui_options;
    imgui_options.is_headless = options.is_headless();
    if (config_dir) imgui_options.ini_path = *config_dir + "/imgui.ini";
    ImGuiRuntime imgui(**window, imgui_options);

    ShellContext ctx(imgui.fonts(), settings, options.is_headless());
    int exit_code = exit_ok;
    {
        Shell shell(ctx);
        ctx.set_status("Ready");
        for (const auto& w : imgui.fonts().warnings) ctx.warn(w);
        for (const auto& w : warnings) ctx.warn(w);

        Run run{options, **window, shell, ctx, nullptr, options.frames_after_script.value_or(3)};
        run.frames_after_script_left = std::max(1, run.frames_after_script_left);
        InputInjector injector;
        if (options.is_headless()) {
            run.driver = std::make_unique<ScriptDriver>(std::move(*script), injector, ctx);
        }
        exit_code = run_frames(run);

        if (options.is_headless() && exit_code != exit_bad_script) {
            StateLine state;
            shell.write_state(state);
            std::printf("%s\n", state.text().c_str());
            std::fflush(stdout);
        }
        shell.save_settings(settings);
    }
    if (config_dir) {
        if (!options.is_headless()) {
            const auto size = (*window)->window_size();
            settings.set_int("window.width", size.width_px);
            settings.set_int("window.height", size.height_px);
        }
        if (std::string error = save_settings(settings, *config_dir); !error.empty()) {
            std::fprintf(stderr, "parsec-debugger: %s\n", error.c_str());
        }
    }
    return exit_code;
}

}  // namespace parsec::app
