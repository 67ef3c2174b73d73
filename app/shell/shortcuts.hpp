// The global keyboard shortcuts: one table drives the key handling, the menus' hints and the
// help overlay, so the three can never disagree.
#pragma once
#include <optional>
#include <span>

#include "shell/intents.hpp"

namespace parsec::app {

class ShellContext;

enum class ShellCommand { None, ToggleHelp, CloseOverlays };

struct GlobalShortcut {
    const char* label;        // as shown with DejaVu Sans, e.g. "Shift+→"
    const char* label_ascii;  // for ImGui's built-in font, which has no arrows
    const char* description;
    int glfw_key;            // -1: matched by the typed character instead
    unsigned int character;  // for layout-independent keys such as '?'
    bool ctrl;
    bool shift;
    bool repeats;  // fires again while held (stepping through inputs)
    std::optional<IntentKind> intent;
    ShellCommand command;
};

std::span<const GlobalShortcut> global_shortcuts();
const GlobalShortcut* find_shortcut_for(IntentKind intent);
const char* shortcut_label(const GlobalShortcut& shortcut, bool has_symbols);

// Checks this frame's keys against the table. Keys work whatever panel was clicked last
// (ImGui 1.86 has no per-window key routing), but not while a text field is being edited or a
// modal is open. Intents go to `ctx`; shell commands are returned.
ShellCommand route_global_keys(ShellContext& ctx, bool is_modal_open);

}  // namespace parsec::app
