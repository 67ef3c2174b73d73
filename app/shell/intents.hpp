// Intents: what the user asked for, as data. Menus, global keys and panels push them; the
// session service (and the shell's defaults) apply them at the end of the frame. Panels never
// change engine state directly (style §8.1).
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace parsec::app {

// "Step" belongs to PARSEC meta-votes (style §8.5), so moving one input is Next/PreviousInput.
enum class IntentKind {
    PlayPause,         // Space
    NextInput,         // →
    PreviousInput,     // ←
    NextDecision,      // Shift+→
    PreviousDecision,  // Shift+←
    JumpToStart,       // Home
    JumpToEnd,         // End
    FitView,           // F
    NewCluster,        // File › New cluster…
    Open,              // Ctrl+O; `path` empty: ask the user for one
    Save,              // Ctrl+S; `path` empty: the current file (or ask)
    ExportPng,         // File › Export PNG; `path` empty: ask
    Quit,              // Ctrl+Q or the window's close button
};

const char* intent_name(IntentKind kind);

struct Intent {
    IntentKind kind;
    std::string path;  // only for Open, Save, ExportPng
};

class Intents {
public:
    void push(IntentKind kind, std::string path = {}) {
        pending_.push_back({kind, std::move(path)});
    }
    bool is_empty() const { return pending_.empty(); }
    std::vector<Intent> take_all() { return std::exchange(pending_, {}); }

private:
    std::vector<Intent> pending_;
};

}  // namespace parsec::app
