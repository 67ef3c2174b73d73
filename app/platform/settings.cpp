// Settings file format: `key=value` per line, `recent=PATH` repeated (newest first), `#` comments.
#include "platform/settings.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "io/atomic_file.hpp"

namespace parsec::app {
namespace {

constexpr const char* settings_file_name = "settings.txt";

}  // namespace

int Settings::get_int(const std::string& key, int fallback) const {
    auto it = values_.find(key);
    if (it == values_.end()) return fallback;
    int value = 0;
    const auto& text = it->second;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return (error == std::errc() && end == text.data() + text.size()) ? value : fallback;
}

float Settings::get_float(const std::string& key, float fallback) const {
    auto it = values_.find(key);
    if (it == values_.end()) return fallback;
    char* end = nullptr;
    const float value = std::strtof(it->second.c_str(), &end);
    return (end != it->second.c_str() && *end == '\0') ? value : fallback;
}

bool Settings::get_bool(const std::string& key, bool fallback) const {
    auto it = values_.find(key);
    if (it == values_.end()) return fallback;
    if (it->second == "1" || it->second == "true") return true;
    if (it->second == "0" || it->second == "false") return false;
    return fallback;
}

std::string Settings::get_string(const std::string& key, const std::string& fallback) const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
}

void Settings::set_int(const std::string& key, int value) {
    set(key, std::to_string(value));
}

void Settings::set_float(const std::string& key, float value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", static_cast<double>(value));
    set(key, buffer);
}

void Settings::add_recent_file(const std::string& path) {
    recent_files_.erase(std::remove(recent_files_.begin(), recent_files_.end(), path),
                        recent_files_.end());
    recent_files_.insert(recent_files_.begin(), path);
    if (recent_files_.size() > static_cast<size_t>(recent_files_max)) {
        recent_files_.resize(recent_files_max);
    }
}

std::string Settings::to_text() const {
    std::string text = "# parsec-debugger settings (rewritten on exit)\n";
    for (const auto& [key, value] : values_) text += key + "=" + value + "\n";
    for (const auto& path : recent_files_) text += "recent=" + path + "\n";
    return text;
}

Settings Settings::from_text(const std::string& text, const std::string& file_name,
                             std::vector<std::string>& warnings) {
    Settings settings;
    std::istringstream in(text);
    std::string line;
    int line_number = 0;
    std::vector<std::string> recent_oldest_last;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.empty() || line[0] == '#') continue;
        const auto equals = line.find('=');
        if (equals == std::string::npos || equals == 0) {
            warnings.push_back(file_name + ":" + std::to_string(line_number) +
                               ": ignored a line without key=value");
            continue;
        }
        std::string key = line.substr(0, equals);
        std::string value = line.substr(equals + 1);
        if (key == "recent") {
            if (!value.empty()) recent_oldest_last.push_back(value);
        } else {
            settings.values_[key] = value;
        }
    }
    for (auto it = recent_oldest_last.rbegin(); it != recent_oldest_last.rend(); ++it) {
        settings.add_recent_file(*it);
    }
    return settings;
}

std::optional<std::string> default_config_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg != nullptr && xdg[0] == '/') return std::string(xdg) + "/parsec-debugger";
    const char* home = std::getenv("HOME");
    if (home != nullptr && home[0] != '\0') return std::string(home) + "/.config/parsec-debugger";
    return std::nullopt;
}

Settings load_settings(const std::string& dir, std::vector<std::string>& warnings) {
    const std::string path = dir + "/" + settings_file_name;
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return Settings{};
    auto text = read_whole_file(path);
    if (!text.ok()) {
        warnings.push_back(text.error().to_string());
        return Settings{};
    }
    return Settings::from_text(*text, path, warnings);
}

std::string save_settings(const Settings& settings, const std::string& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) return dir + ": cannot create the settings folder: " + error.message();
    auto status = write_file_atomically(dir + "/" + settings_file_name, settings.to_text());
    return status.ok() ? std::string() : status.error().to_string();
}

}  // namespace parsec::app
