// Key-name table and the per-frame injection into ImGuiIO (pre-1.87 API: KeysDown[] holds
// GLFW key codes because the GLFW backend maps io.KeyMap to them).
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "platform/input_injector.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace parsec::app {
namespace {

struct NamedKey {
    const char* name;
    int glfw_key;
    unsigned int character;  // delivered by the char callback when no Ctrl/Alt is held
};

constexpr NamedKey named_keys[] = {
    {"space", GLFW_KEY_SPACE, ' '},
    {"left", GLFW_KEY_LEFT, 0},
    {"right", GLFW_KEY_RIGHT, 0},
    {"up", GLFW_KEY_UP, 0},
    {"down", GLFW_KEY_DOWN, 0},
    {"home", GLFW_KEY_HOME, 0},
    {"end", GLFW_KEY_END, 0},
    {"pageup", GLFW_KEY_PAGE_UP, 0},
    {"pagedown", GLFW_KEY_PAGE_DOWN, 0},
    {"enter", GLFW_KEY_ENTER, 0},
    {"escape", GLFW_KEY_ESCAPE, 0},
    {"esc", GLFW_KEY_ESCAPE, 0},
    {"tab", GLFW_KEY_TAB, 0},
    {"backspace", GLFW_KEY_BACKSPACE, 0},
    {"delete", GLFW_KEY_DELETE, 0},
    {"insert", GLFW_KEY_INSERT, 0},
    {"/", GLFW_KEY_SLASH, '/'},
    {"-", GLFW_KEY_MINUS, '-'},
    {"=", GLFW_KEY_EQUAL, '='},
    {",", GLFW_KEY_COMMA, ','},
    {".", GLFW_KEY_PERIOD, '.'},
};

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The key part of a chord, after the modifiers are split off.
std::optional<KeyChord> parse_base_key(std::string_view name) {
    KeyChord chord;
    if (name == "?") {  // US layout: Shift+Slash, the way GLFW reports a typed '?'
        chord.glfw_key = GLFW_KEY_SLASH;
        chord.shift = true;
        chord.character = '?';
        return chord;
    }
    if (name.size() == 1 && std::isalnum(static_cast<unsigned char>(name[0]))) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        chord.glfw_key = std::isdigit(static_cast<unsigned char>(c)) ? GLFW_KEY_0 + (c - '0')
                                                                     : GLFW_KEY_A + (c - 'A');
        chord.character = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(c)));
        return chord;
    }
    const std::string lowered = lower(name);
    if (lowered.size() >= 2 && lowered[0] == 'f' &&
        std::isdigit(static_cast<unsigned char>(lowered[1]))) {
        const int number = std::atoi(lowered.c_str() + 1);
        if (number >= 1 && number <= 12) {
            chord.glfw_key = GLFW_KEY_F1 + number - 1;
            return chord;
        }
    }
    for (const auto& key : named_keys) {
        if (lowered == key.name) {
            chord.glfw_key = key.glfw_key;
            chord.character = key.character;
            return chord;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<KeyChord> parse_key_chord(std::string_view name, std::string& error) {
    KeyChord modifiers;
    std::string_view rest = name;
    // Split "Ctrl+Shift+X" on '+', but a trailing "+" alone is not a separator.
    while (true) {
        const auto plus = rest.find('+');
        if (plus == std::string_view::npos || plus == 0 || plus + 1 == rest.size()) break;
        const std::string modifier = lower(rest.substr(0, plus));
        if (modifier == "ctrl" || modifier == "control")
            modifiers.ctrl = true;
        else if (modifier == "shift")
            modifiers.shift = true;
        else if (modifier == "alt")
            modifiers.alt = true;
        else {
            error = "unknown modifier '" + std::string(rest.substr(0, plus)) +
                    "' (use Ctrl, Shift or Alt)";
            return std::nullopt;
        }
        rest.remove_prefix(plus + 1);
    }
    auto chord = parse_base_key(rest);
    if (!chord) {
        error = "unknown key '" + std::string(rest) +
                "' (use a letter, a digit, ?, F1-F12, Space, Left, Right, Up, Down, Home, End, "
                "PageUp, PageDown, Enter, Escape, Tab, Backspace, Delete)";
        return std::nullopt;
    }
    chord->ctrl = modifiers.ctrl;
    chord->alt = modifiers.alt;
    chord->shift = chord->shift || modifiers.shift;
    if (chord->ctrl || chord->alt) chord->character = 0;  // GLFW sends no char with Ctrl/Alt
    if (chord->shift && chord->character >= 'a' && chord->character <= 'z') {
        chord->character = chord->character - 'a' + 'A';
    }
    return chord;
}

void InputInjector::queue_key(const KeyChord& chord) {
    push_frame().key = chord;
    push_frame();  // the release frame, so IsKeyPressed fires exactly once
}

void InputInjector::queue_text(std::string_view text) {
    auto& frame = push_frame();
    for (char c : text) frame.characters.push_back(static_cast<unsigned char>(c));
}

void InputInjector::queue_mouse_move(float x, float y) {
    push_frame().mouse_pos = {x, y};
}

void InputInjector::queue_click(float x, float y, int button) {
    queue_mouse_move(x, y);  // hover first, like a real pointer arriving
    push_frame().mouse_down[static_cast<size_t>(button)] = 1;
    push_frame().mouse_down[static_cast<size_t>(button)] = 0;
}

void InputInjector::queue_drag(float x0, float y0, float x1, float y1, int button) {
    constexpr int moves_count = 6;
    queue_mouse_move(x0, y0);
    push_frame().mouse_down[static_cast<size_t>(button)] = 1;
    for (int i = 1; i <= moves_count; ++i) {
        const float t = static_cast<float>(i) / moves_count;
        queue_mouse_move(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
    }
    push_frame().mouse_down[static_cast<size_t>(button)] = 0;
}

void InputInjector::queue_scroll(float x, float y, float wheel_lines) {
    queue_mouse_move(x, y);
    push_frame().wheel_lines = wheel_lines;
}

void InputInjector::apply(ImGuiIO& io) {
    FrameInput frame;
    if (!frames_.empty()) {
        frame = std::move(frames_.front());
        frames_.pop_front();
    }
    if (frame.mouse_pos) mouse_pos_ = *frame.mouse_pos;
    for (size_t i = 0; i < mouse_down_.size(); ++i) {
        if (frame.mouse_down[i] >= 0) mouse_down_[i] = frame.mouse_down[i] == 1;
    }
    io.MousePos = ImVec2(mouse_pos_[0], mouse_pos_[1]);
    std::fill(std::begin(io.MouseDown), std::end(io.MouseDown), false);
    for (size_t i = 0; i < mouse_down_.size(); ++i) io.MouseDown[i] = mouse_down_[i];
    io.MouseWheel = frame.wheel_lines;
    io.MouseWheelH = 0.0f;

    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
    if (frame.key) {
        const KeyChord& chord = *frame.key;
        io.KeysDown[chord.glfw_key] = true;
        // The GLFW backend derives modifiers from the modifier keys' own entries; mirror that.
        if (chord.ctrl) io.KeysDown[GLFW_KEY_LEFT_CONTROL] = io.KeyCtrl = true;
        if (chord.shift) io.KeysDown[GLFW_KEY_LEFT_SHIFT] = io.KeyShift = true;
        if (chord.alt) io.KeysDown[GLFW_KEY_LEFT_ALT] = io.KeyAlt = true;
        if (chord.character != 0) io.AddInputCharacter(chord.character);
    }
    for (unsigned int c : frame.characters) io.AddInputCharacter(c);
}

}  // namespace parsec::app
