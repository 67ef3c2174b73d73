// Runs a Script one action at a time inside the frame loop and owns the scripted input.
#pragma once
#include <optional>
#include <string>

#include "platform/input_injector.hpp"
#include "platform/script.hpp"

struct ImGuiIO;

namespace parsec::app {

class ShellContext;

// What an action handler may use. Every action takes at least the frame it runs in.
class ScriptContext {
public:
    ScriptContext(InputInjector& input, ShellContext& shell) : input_(input), shell_(shell) {}

    InputInjector& input() { return input_; }
    ShellContext& shell() { return shell_; }
    void wait_frames(int frames_count) { wait_frames_count_ = frames_count; }
    // The PNG is taken from the frame rendered right after this action.
    void request_screenshot(std::string path) { screenshot_path_ = std::move(path); }

private:
    friend class ScriptDriver;
    InputInjector& input_;
    ShellContext& shell_;
    int wait_frames_count_ = 0;
    std::optional<std::string> screenshot_path_;
};

class ScriptDriver {
public:
    ScriptDriver(Script script, InputInjector& input, ShellContext& shell);

    // Call between ImGui_ImplGlfw_NewFrame() and ImGui::NewFrame(): runs the next action when
    // the previous one's frames are over, then writes this frame's scripted input into `io`.
    void before_new_frame(ImGuiIO& io);

    bool is_finished() const;
    bool has_failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }  // "FILE:LINE: action: message"
    std::optional<std::string> take_screenshot_request();

private:
    void run_next_action();

    Script script_;
    size_t next_line_index_ = 0;
    int frames_left_ = 0;  // frames still owed to the current action
    InputInjector& input_;
    ScriptContext context_;
    std::string error_;
};

}  // namespace parsec::app
