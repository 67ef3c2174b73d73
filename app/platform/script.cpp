// Script text → lines, the action registry, and the up-front check of a whole script.
#include "platform/script.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <sstream>

#include "io/atomic_file.hpp"

namespace parsec::app {
namespace {

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

std::string known_actions() {
    std::vector<std::string> names;
    for (const auto& action : script_action_registry()) names.push_back(action.name);
    std::sort(names.begin(), names.end());
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    return list;
}

}  // namespace

std::vector<ScriptAction>& script_action_registry() {
    static std::vector<ScriptAction> actions;
    return actions;
}

const ScriptAction* find_script_action(std::string_view name) {
    for (const auto& action : script_action_registry()) {
        if (action.name == name) return &action;
    }
    return nullptr;
}

RegisterScriptAction::RegisterScriptAction(ScriptAction action) {
    script_action_registry().push_back(std::move(action));
}

Script parse_script(const std::string& text, const std::string& path) {
    Script script{path, {}};
    std::istringstream in(text);
    std::string raw;
    int line_number = 0;
    while (std::getline(in, raw)) {
        ++line_number;
        const auto hash = raw.find('#');
        const std::string line = trim(std::string_view(raw).substr(0, hash));
        if (line.empty()) continue;
        ScriptLine parsed;
        parsed.line_number = line_number;
        std::istringstream words(line);
        words >> parsed.action;
        for (std::string word; words >> word;) parsed.args.words.push_back(word);
        parsed.args.rest = trim(std::string_view(line).substr(parsed.action.size()));
        script.lines.push_back(std::move(parsed));
    }
    return script;
}

core::Result<Script> load_script(const std::string& path) {
    auto text = read_whole_file(path);
    if (!text.ok()) return text.error();
    return parse_script(*text, path);
}

std::string check_script(const Script& script) {
    for (const auto& line : script.lines) {
        const std::string where = script.path + ":" + std::to_string(line.line_number) + ": ";
        const ScriptAction* action = find_script_action(line.action);
        if (action == nullptr) {
            return where + "unknown action '" + line.action + "' (known: " + known_actions() + ")";
        }
        const int count = static_cast<int>(line.args.words.size());
        const bool is_too_many = action->words_max >= 0 && count > action->words_max;
        if (count < action->words_min || is_too_many) {
            return where + "wrong number of arguments for '" + line.action +
                   "' (usage: " + action->usage + ")";
        }
    }
    return {};
}

std::optional<int> parse_int_arg(const std::string& word, int min, int max, std::string& error) {
    int value = 0;
    auto [end, status] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (status != std::errc() || end != word.data() + word.size()) {
        error = "'" + word + "' is not a whole number";
        return std::nullopt;
    }
    if (value < min || value > max) {
        error = "'" + word + "' is out of range [" + std::to_string(min) + ", " +
                std::to_string(max) + "]";
        return std::nullopt;
    }
    return value;
}

std::optional<float> parse_float_arg(const std::string& word, std::string& error) {
    char* end = nullptr;
    const float value = std::strtof(word.c_str(), &end);
    if (word.empty() || end != word.c_str() + word.size()) {
        error = "'" + word + "' is not a number";
        return std::nullopt;
    }
    return value;
}

}  // namespace parsec::app
