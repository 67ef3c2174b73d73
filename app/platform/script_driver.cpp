// Frame-by-frame execution: an action runs, then the driver waits until the input it queued has
// been delivered and the frames it asked for have passed.
#include "platform/script_driver.hpp"

#include <imgui.h>

namespace parsec::app {

ScriptDriver::ScriptDriver(Script script, InputInjector& input, ShellContext& shell)
    : script_(std::move(script)), input_(input), context_(input, shell) {}

void ScriptDriver::before_new_frame(ImGuiIO& io) {
    const bool is_busy = frames_left_ > 0 || input_.has_pending();
    if (frames_left_ > 0) --frames_left_;
    if (!is_busy && !has_failed() && next_line_index_ < script_.lines.size()) run_next_action();
    input_.apply(io);
}

void ScriptDriver::run_next_action() {
    const ScriptLine& line = script_.lines[next_line_index_++];
    const ScriptAction* action = find_script_action(line.action);
    const std::string where = script_.path + ":" + std::to_string(line.line_number) + ": ";
    if (action == nullptr) {  // check_script normally catches this before the window opens
        error_ = where + "unknown action '" + line.action + "'";
        return;
    }
    context_.wait_frames_count_ = 0;
    const std::string message = action->run(line.args, context_);
    if (!message.empty()) {
        error_ = where + line.action + ": " + message;
        return;
    }
    // This frame is the action's first; `frames N` means N frames in total.
    frames_left_ = context_.wait_frames_count_ > 0 ? context_.wait_frames_count_ - 1 : 0;
}

bool ScriptDriver::is_finished() const {
    return has_failed() ||
           (next_line_index_ >= script_.lines.size() && frames_left_ == 0 && !input_.has_pending());
}

std::optional<std::string> ScriptDriver::take_screenshot_request() {
    auto path = std::move(context_.screenshot_path_);
    context_.screenshot_path_.reset();
    return path;
}

}  // namespace parsec::app
