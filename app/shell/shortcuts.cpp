// The shortcut table and its routing, read from ImGuiIO (pre-1.87: KeysDown[] by GLFW key code).
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "shell/shortcuts.hpp"

#include "shell/shell_context.hpp"

namespace parsec::app {
namespace {

using K = IntentKind;
using C = ShellCommand;

constexpr GlobalShortcut shortcuts[] = {
    {"Space", "Space", "Play / pause", GLFW_KEY_SPACE, 0, false, false, false, K::PlayPause,
     C::None},
    {"→", "Right", "Next input", GLFW_KEY_RIGHT, 0, false, false, true, K::NextInput, C::None},
    {"←", "Left", "Previous input", GLFW_KEY_LEFT, 0, false, false, true, K::PreviousInput,
     C::None},
    {"Shift+→", "Shift+Right", "Next decision", GLFW_KEY_RIGHT, 0, false, true, true,
     K::NextDecision, C::None},
    {"Shift+←", "Shift+Left", "Previous decision", GLFW_KEY_LEFT, 0, false, true, true,
     K::PreviousDecision, C::None},
    {"Home", "Home", "Jump to the start", GLFW_KEY_HOME, 0, false, false, false, K::JumpToStart,
     C::None},
    {"End", "End", "Jump to the end", GLFW_KEY_END, 0, false, false, false, K::JumpToEnd, C::None},
    {"F", "F", "Fit the graph to the view", GLFW_KEY_F, 0, false, false, false, K::FitView,
     C::None},
    {"Ctrl+N", "Ctrl+N", "New cluster", GLFW_KEY_N, 0, true, false, false, K::NewCluster, C::None},
    {"Ctrl+O", "Ctrl+O", "Open a recording or a .dot file", GLFW_KEY_O, 0, true, false, false,
     K::Open, C::None},
    {"Ctrl+S", "Ctrl+S", "Save the session", GLFW_KEY_S, 0, true, false, false, K::Save, C::None},
    {"Ctrl+E", "Ctrl+E", "Export the window as a PNG", GLFW_KEY_E, 0, true, false, false,
     K::ExportPng, C::None},
    {"Ctrl+Q", "Ctrl+Q", "Quit", GLFW_KEY_Q, 0, true, false, false, K::Quit, C::None},
    {"?", "?", "Show / hide this help", -1, '?', false, false, false, std::nullopt, C::ToggleHelp},
    {"F1", "F1", "Show / hide this help", GLFW_KEY_F1, 0, false, false, false, std::nullopt,
     C::ToggleHelp},
    {"Esc", "Esc", "Close the help or a dialog", GLFW_KEY_ESCAPE, 0, false, false, false,
     std::nullopt, C::CloseOverlays},
};

bool was_typed(unsigned int character) {
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters) {
        if (c == character) return true;
    }
    return false;
}

bool is_pressed(const GlobalShortcut& s, const ImGuiIO& io) {
    if (s.glfw_key < 0) return was_typed(s.character);
    if (io.KeyCtrl != s.ctrl || io.KeyShift != s.shift || io.KeyAlt) return false;
    return ImGui::IsKeyPressed(s.glfw_key, s.repeats);
}

}  // namespace

std::span<const GlobalShortcut> global_shortcuts() {
    return shortcuts;
}

const GlobalShortcut* find_shortcut_for(IntentKind intent) {
    for (const auto& s : shortcuts) {
        if (s.intent == intent) return &s;
    }
    return nullptr;
}

const char* shortcut_label(const GlobalShortcut& shortcut, bool has_symbols) {
    return has_symbols ? shortcut.label : shortcut.label_ascii;
}

ShellCommand route_global_keys(ShellContext& ctx, bool is_modal_open) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || is_modal_open) return ShellCommand::None;
    ShellCommand command = ShellCommand::None;
    for (const auto& s : shortcuts) {
        if (!is_pressed(s, io)) continue;
        if (s.intent) ctx.push_intent(*s.intent);
        if (s.command != ShellCommand::None) command = s.command;
    }
    return command;
}

}  // namespace parsec::app
