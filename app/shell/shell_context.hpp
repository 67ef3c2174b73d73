// What panels, services and script actions may use: the intent sink, the status line, the
// load-error modal, fonts, settings, the services, and panel focus. One per GUI run.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "shell/intents.hpp"
#include "shell/service.hpp"

namespace parsec::app {

struct Fonts;
class Settings;

// A file that could not be loaded: shown in a modal that names the file and the place.
struct LoadError {
    std::string file;     // the path the user chose
    std::string place;    // "line 12, column 3", "byte 4096", "input 42"; may be empty
    std::string message;  // what was expected or went wrong
};

struct StatusMessage {
    std::string text;
    bool is_warning = false;
    int64_t frame_index = 0;
};

class ShellContext {
public:
    ShellContext(const Fonts& fonts, Settings& settings, bool is_headless);

    // Intents are applied at the end of the frame: services first, then shell defaults.
    void push_intent(IntentKind kind, std::string path = {}) {
        intents_.push(kind, std::move(path));
    }

    // The status bar shows the newest message; the Messages panel keeps the last few hundred.
    void set_status(std::string text) { add_message(std::move(text), false); }
    void warn(std::string text) { add_message(std::move(text), true); }
    const std::deque<StatusMessage>& messages() const { return messages_; }

    // Opens the load-error modal; the previous session stays as it was.
    void show_load_error(LoadError error);
    // Converts an engine Error; its `where` ("file:line:col") becomes the place.
    void show_load_error(const std::string& file, const core::Error& error);
    bool has_load_error() const { return !load_errors_.empty(); }

    const Fonts& fonts() const { return fonts_; }
    Settings& settings() { return settings_; }
    bool is_headless() const { return is_headless_; }
    int64_t frame_index() const { return frame_index_; }

    template <typename T>
    T* find_service() const {
        for (ShellService* service : services_) {
            if (auto* typed = dynamic_cast<T*>(service)) return typed;
        }
        return nullptr;
    }

    // Selects the panel's tab (opening it if closed). False if no panel has that name.
    bool focus_panel(std::string_view name);
    const std::vector<std::string>& panel_names() const { return panel_names_; }

private:
    friend class Shell;
    void add_message(std::string text, bool is_warning);

    const Fonts& fonts_;
    Settings& settings_;
    bool is_headless_;
    int64_t frame_index_ = 0;
    Intents intents_;
    std::deque<StatusMessage> messages_;
    std::deque<LoadError> load_errors_;  // front is the one on screen
    std::vector<ShellService*> services_;
    std::vector<std::string> panel_names_;
    std::optional<std::string> focus_request_;
};

}  // namespace parsec::app
