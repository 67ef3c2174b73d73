// ShellContext's non-trivial members.
#include "shell/shell_context.hpp"

#include <algorithm>

namespace parsec::app {
namespace {

constexpr size_t messages_max = 500;

}  // namespace

ShellContext::ShellContext(const Fonts& fonts, Settings& settings, bool is_headless)
    : fonts_(fonts), settings_(settings), is_headless_(is_headless) {}

void ShellContext::add_message(std::string text, bool is_warning) {
    messages_.push_back({std::move(text), is_warning, frame_index_});
    if (messages_.size() > messages_max) messages_.pop_front();
}

void ShellContext::show_load_error(LoadError error) {
    warn("Could not open " + error.file + (error.place.empty() ? "" : " at " + error.place) + ": " +
         error.message);
    load_errors_.push_back(std::move(error));
}

void ShellContext::show_load_error(const std::string& file, const core::Error& error) {
    std::string place = error.where;
    // Engine errors often say "file:line:col"; the modal shows the file on its own row.
    if (place.rfind(file + ":", 0) == 0) place = place.substr(file.size() + 1);
    place.erase(0, place.find_first_not_of(' '));
    std::string message = error.kind;
    if (!error.message.empty()) message += ": " + error.message;
    show_load_error(LoadError{file, place, message});
}

bool ShellContext::focus_panel(std::string_view name) {
    const bool is_known =
        std::find(panel_names_.begin(), panel_names_.end(), name) != panel_names_.end();
    if (is_known) focus_request_ = std::string(name);
    return is_known;
}

}  // namespace parsec::app
