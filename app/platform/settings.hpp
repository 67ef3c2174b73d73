// Small persistent settings (window size, layout, recent files) stored as `key=value` lines in
// $XDG_CONFIG_HOME/parsec-debugger/settings.txt (or ~/.config/parsec-debugger), next to imgui.ini.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parsec::app {

inline constexpr int recent_files_max = 10;

class Settings {
public:
    // Values are strings; typed getters fall back to `fallback` when missing or malformed, so a
    // hand-edited or older file never stops the app from starting.
    int get_int(const std::string& key, int fallback) const;
    float get_float(const std::string& key, float fallback) const;
    bool get_bool(const std::string& key, bool fallback) const;
    std::string get_string(const std::string& key, const std::string& fallback) const;
    void set(const std::string& key, const std::string& value) { values_[key] = value; }
    void set_int(const std::string& key, int value);
    void set_float(const std::string& key, float value);
    void set_bool(const std::string& key, bool value) { set(key, value ? "1" : "0"); }

    const std::vector<std::string>& recent_files() const { return recent_files_; }
    void add_recent_file(const std::string& path);  // moves it to the front, keeps the newest 10

    std::string to_text() const;
    // Unreadable lines are skipped and described in `warnings` as "settings.txt:LINE: why".
    static Settings from_text(const std::string& text, const std::string& file_name,
                              std::vector<std::string>& warnings);

private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> recent_files_;
};

// Where settings live; nullopt when neither XDG_CONFIG_HOME nor HOME is set.
std::optional<std::string> default_config_dir();

// Loads `dir`/settings.txt; a missing file gives defaults, a bad line gives a warning.
Settings load_settings(const std::string& dir, std::vector<std::string>& warnings);
// Creates `dir` if needed and writes settings.txt atomically; returns an error message or "".
std::string save_settings(const Settings& settings, const std::string& dir);

}  // namespace parsec::app
