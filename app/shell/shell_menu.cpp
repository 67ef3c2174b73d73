// The main menu bar: File, Playback, View, Help. Every item is also reachable by a shortcut,
// and the hints shown come from the same table as the key handling (shortcuts.cpp).
#include <imgui.h>

#include <string>

#include "platform/imgui_setup.hpp"
#include "platform/settings.hpp"
#include "shell/shell.hpp"
#include "shell/shortcuts.hpp"

namespace parsec::app {
namespace {

// ImGui's built-in fallback font has no '…'; spell it out rather than show a '?'.
std::string for_font(const ShellContext& ctx, std::string label) {
    if (ctx.fonts().has_symbols) return label;
    for (auto at = label.find("…"); at != std::string::npos; at = label.find("…")) {
        label.replace(at, std::string("…").size(), "...");
    }
    return label;
}

// A menu item for an intent, with its shortcut hint; pushes the intent when chosen.
void intent_item(ShellContext& ctx, const char* label, IntentKind kind) {
    const GlobalShortcut* shortcut = find_shortcut_for(kind);
    const char* hint =
        shortcut != nullptr ? shortcut_label(*shortcut, ctx.fonts().has_symbols) : nullptr;
    if (ImGui::MenuItem(for_font(ctx, label).c_str(), hint)) ctx.push_intent(kind);
}

const char* slot_name(PanelSlot slot) {
    switch (slot) {
        case PanelSlot::Left:
            return "left";
        case PanelSlot::Center:
            return "centre";
        case PanelSlot::Right:
            return "right";
        case PanelSlot::Bottom:
            return "bottom";
    }
    return "";
}

void draw_recent_menu(ShellContext& ctx) {
    const auto& recent = ctx.settings().recent_files();
    if (!ImGui::BeginMenu("Open recent", !recent.empty())) return;
    for (const auto& path : recent) {
        if (ImGui::MenuItem(path.c_str())) ctx.push_intent(IntentKind::Open, path);
    }
    ImGui::EndMenu();
}

}  // namespace

float Shell::draw_main_menu() {
    if (!ImGui::BeginMainMenuBar()) return 0.0f;
    const float height = ImGui::GetWindowSize().y;
    if (ImGui::BeginMenu("File")) {
        intent_item(ctx_, "New cluster…", IntentKind::NewCluster);
        intent_item(ctx_, "Open…", IntentKind::Open);
        draw_recent_menu(ctx_);
        intent_item(ctx_, "Save", IntentKind::Save);
        ImGui::Separator();
        intent_item(ctx_, "Export PNG…", IntentKind::ExportPng);
        ImGui::Separator();
        intent_item(ctx_, "Quit", IntentKind::Quit);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Playback")) {
        intent_item(ctx_, "Play / pause", IntentKind::PlayPause);
        ImGui::Separator();
        intent_item(ctx_, "Next input", IntentKind::NextInput);
        intent_item(ctx_, "Previous input", IntentKind::PreviousInput);
        intent_item(ctx_, "Next decision", IntentKind::NextDecision);
        intent_item(ctx_, "Previous decision", IntentKind::PreviousDecision);
        ImGui::Separator();
        intent_item(ctx_, "Jump to start", IntentKind::JumpToStart);
        intent_item(ctx_, "Jump to end", IntentKind::JumpToEnd);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (panels_.empty()) ImGui::TextDisabled("No panels registered");
        for (auto& entry : panels_) {
            std::string label = std::string(entry.panel->name()) + "##view_" + entry.panel->name();
            if (ImGui::MenuItem(label.c_str(), slot_name(entry.panel->slot()), entry.is_open)) {
                entry.is_open = !entry.is_open;
                if (entry.is_open) entry.wants_select = true;
            }
        }
        ImGui::Separator();
        intent_item(ctx_, "Fit graph to view", IntentKind::FitView);
        if (ImGui::MenuItem("Reset layout")) layout_ = LayoutFractions{};
        ImGui::MenuItem("ImGui metrics", nullptr, &is_metrics_open_);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keyboard shortcuts", "?", is_help_open_))
            is_help_open_ = !is_help_open_;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
    return height;
}

}  // namespace parsec::app
