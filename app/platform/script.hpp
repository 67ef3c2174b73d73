// GUI test scripts: one action per line, `#` starts a comment, blank lines are ignored.
// Actions come from a registry, so any file can add one with a static RegisterScriptAction.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace parsec::app {

class ScriptContext;

struct ScriptArgs {
    std::vector<std::string> words;  // the arguments split on blanks
    std::string rest;                // everything after the action name, trimmed (for names
                                     // with spaces: `panel Gossip graph`, `type a b`)
};

struct ScriptLine {
    int line_number = 0;
    std::string action;
    ScriptArgs args;
};

struct Script {
    std::string path;
    std::vector<ScriptLine> lines;
};

// Returns "" on success or a message without the file:line prefix (the driver adds it).
using ScriptActionFn = std::function<std::string(const ScriptArgs& args, ScriptContext& context)>;

struct ScriptAction {
    std::string name;
    std::string usage;  // e.g. "click X Y [left|right|middle]", shown in error messages
    int words_min = 0;
    int words_max = 0;  // -1: no upper limit
    ScriptActionFn run;
};

std::vector<ScriptAction>& script_action_registry();
const ScriptAction* find_script_action(std::string_view name);

struct RegisterScriptAction {
    explicit RegisterScriptAction(ScriptAction action);
};

// Splits the text into lines; never fails (actions are checked by check_script).
Script parse_script(const std::string& text, const std::string& path);
// Reads and parses a script file; the error names the file.
core::Result<Script> load_script(const std::string& path);
// Checks every line's action name and argument count before the window opens.
// Returns "" or "FILE:LINE: message".
std::string check_script(const Script& script);

// Argument helpers for action handlers: parse or explain why not.
std::optional<int> parse_int_arg(const std::string& word, int min, int max, std::string& error);
std::optional<float> parse_float_arg(const std::string& word, std::string& error);

}  // namespace parsec::app
