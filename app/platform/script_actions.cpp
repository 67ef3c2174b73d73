// Built-in script actions that only need the platform: frames, input and screenshots.
// Shell actions (`panel`) live in shell/shell_script_actions.cpp; engine actions elsewhere.
#include <string>

#include "platform/script.hpp"
#include "platform/script_driver.hpp"

namespace parsec::app {
namespace {

constexpr int frames_max = 100000;
constexpr float coordinate_max_px = 16384.0f;

std::optional<int> parse_button(const ScriptArgs& args, size_t index, std::string& error) {
    if (args.words.size() <= index) return 0;
    const std::string& word = args.words[index];
    if (word == "left") return 0;
    if (word == "right") return 1;
    if (word == "middle") return 2;
    error = "unknown mouse button '" + word + "' (use left, right or middle)";
    return std::nullopt;
}

// Reads X Y pairs starting at `index`; pixels from the window's top-left corner.
bool parse_point(const ScriptArgs& args, size_t index, float& x, float& y, std::string& error) {
    auto px = parse_float_arg(args.words[index], error);
    if (!px) return false;
    auto py = parse_float_arg(args.words[index + 1], error);
    if (!py) return false;
    if (*px < 0 || *py < 0 || *px > coordinate_max_px || *py > coordinate_max_px) {
        error = "point (" + args.words[index] + ", " + args.words[index + 1] + ") is off-window";
        return false;
    }
    x = *px;
    y = *py;
    return true;
}

std::string run_frames(const ScriptArgs& args, ScriptContext& context) {
    std::string error;
    auto count = parse_int_arg(args.words[0], 1, frames_max, error);
    if (!count) return error;
    context.wait_frames(*count);
    return {};
}

std::string run_key(const ScriptArgs& args, ScriptContext& context) {
    std::string error;
    auto chord = parse_key_chord(args.words[0], error);
    if (!chord) return error;
    context.input().queue_key(*chord);
    return {};
}

std::string run_type(const ScriptArgs& args, ScriptContext& context) {
    for (char c : args.rest) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
            return "only printable ASCII can be typed";
        }
    }
    context.input().queue_text(args.rest);
    return {};
}

std::string run_click(const ScriptArgs& args, ScriptContext& context) {
    std::string error;
    float x = 0, y = 0;
    if (!parse_point(args, 0, x, y, error)) return error;
    auto button = parse_button(args, 2, error);
    if (!button) return error;
    context.input().queue_click(x, y, *button);
    return {};
}

std::string run_move(const ScriptArgs& args, ScriptContext& context) {
    std::string error;
    float x = 0, y = 0;
    if (!parse_point(args, 0, x, y, error)) return error;
    context.input().queue_mouse_move(x, y);
    return {};
}

std::string run_drag(const ScriptArgs& args, ScriptContext& context) {
    std::string error;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!parse_point(args, 0, x0, y0, error) || !parse_point(args, 2, x1, y1, error)) return error;
    auto button = parse_button(args, 4, error);
    if (!button) return error;
    context.input().queue_drag(x0, y0, x1, y1, *button);
    return {};
}

std::string run_scroll(const ScriptArgs& args, ScriptContext& context) {
    std::string error;
    float x = 0, y = 0;
    if (!parse_point(args, 0, x, y, error)) return error;
    auto lines = parse_float_arg(args.words[2], error);
    if (!lines) return error;
    context.input().queue_scroll(x, y, *lines);
    return {};
}

std::string run_screenshot(const ScriptArgs& args, ScriptContext& context) {
    context.request_screenshot(args.rest);
    return {};
}

const RegisterScriptAction register_frames{{"frames", "frames N", 1, 1, run_frames}};
const RegisterScriptAction register_key{
    {"key", "key NAME  (e.g. Space, Shift+Right, Ctrl+O, ?)", 1, 1, run_key}};
const RegisterScriptAction register_type{{"type", "type TEXT", 1, -1, run_type}};
const RegisterScriptAction register_click{
    {"click", "click X Y [left|right|middle]", 2, 3, run_click}};
const RegisterScriptAction register_move{{"move", "move X Y", 2, 2, run_move}};
const RegisterScriptAction register_drag{
    {"drag", "drag X0 Y0 X1 Y1 [left|right|middle]", 4, 5, run_drag}};
const RegisterScriptAction register_scroll{{"scroll", "scroll X Y LINES", 3, 3, run_scroll}};
const RegisterScriptAction register_screenshot{
    {"screenshot", "screenshot FILE.png", 1, -1, run_screenshot}};

}  // namespace
}  // namespace parsec::app
