// Things drawn over the layout: the help overlay (`?`), the load-error modal and the path prompt
// used by Open… and Export PNG….
#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>
#include <vector>

#include "platform/imgui_setup.hpp"
#include "platform/settings.hpp"
#include "shell/shell.hpp"
#include "shell/shortcuts.hpp"

namespace parsec::app {
namespace {

constexpr const char* load_error_popup = "Could not open file###load_error";
constexpr const char* path_prompt_popup = "###path_prompt";

void shortcut_row(ImFont* key_font, const char* keys, const char* description) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushFont(key_font);
    ImGui::TextColored(ImGui::GetStyle().Colors[ImGuiCol_CheckMark], "%s", keys);
    ImGui::PopFont();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(description);
}

void section_heading(const char* title) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Spacing();
    ImGui::TextDisabled("%s", title);
}

// A labelled row of the error modal; wraps long paths and messages.
void error_row(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.empty() ? "(not known)" : value.c_str());
}

// Dims everything behind an overlay so it reads as a layer, not as one more panel. A window of
// its own (submitted just before the overlay, so it stays just below it) that takes no input.
void dim_display(const char* id) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                   ImGuiWindowFlags_NoBackground |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::Begin(id, nullptr, flags);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), display,
                                              ImGui::GetColorU32(ImGuiCol_ModalWindowDimBg, 0.7f));
    ImGui::End();
}

}  // namespace

void Shell::draw_help_overlay() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    dim_display("##help_dim");
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(0.97f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration |
                                   ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(22, 16));
    ImGui::Begin("Keyboard shortcuts##help_overlay", nullptr, flags);
    ImGui::PopStyleVar();
    ImGui::TextUnformatted("Keyboard shortcuts");
    ImGui::TextDisabled(
        "They work whichever panel you clicked last, except while typing in a field.");
    ImGui::Separator();

    const bool has_symbols = ctx_.fonts().has_symbols;
    if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, 130.0f);
        ImGui::TableSetupColumn("what");
        section_heading("Everywhere");
        for (const auto& s : global_shortcuts()) {
            shortcut_row(ctx_.fonts().mono, shortcut_label(s, has_symbols), s.description);
        }
        section_heading("Layout");
        shortcut_row(ctx_.fonts().mono, "Drag a gap", "Resize the panels on either side");
        shortcut_row(ctx_.fonts().mono, "Click a tab", "Show that panel in its slot");
        for (const auto& entry : panels_) {
            std::vector<Shortcut> extra;
            entry.panel->list_shortcuts(extra);
            if (extra.empty()) continue;
            section_heading(entry.panel->name());
            for (const auto& s : extra)
                shortcut_row(ctx_.fonts().mono, s.keys.c_str(), s.description.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Press ? or Esc to close");
    const bool is_outside_click =
        ImGui::IsMouseClicked(0) &&
        !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByPopup);
    ImGui::End();
    if (is_outside_click) is_help_open_ = false;
}

void Shell::draw_load_error_modal() {
    if (ctx_.load_errors_.empty()) return;
    if (!ImGui::IsPopupOpen(load_error_popup)) ImGui::OpenPopup(load_error_popup);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(560, 0));
    if (!ImGui::BeginPopupModal(load_error_popup, nullptr, ImGuiWindowFlags_NoMove)) return;
    const LoadError& error = ctx_.load_errors_.front();
    ImGui::TextWrapped("The file could not be loaded. The current session is unchanged.");
    ImGui::Spacing();
    if (ImGui::BeginTable("##load_error", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 70.0f);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        error_row("File", error.file);
        error_row("Where", error.place);
        error_row("Problem", error.message);
        ImGui::EndTable();
    }
    ImGui::Spacing();
    bool is_dismissed = ImGui::Button("OK", ImVec2(90, 0));
    ImGui::SameLine();
    if (ImGui::Button("Copy details")) {
        ImGui::SetClipboardText((error.file + ": " + error.place + ": " + error.message).c_str());
    }
    is_dismissed |= ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                    ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (is_dismissed) {
        ctx_.load_errors_.pop_front();  // the next queued error, if any, opens next frame
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void Shell::draw_path_prompt() {
    if (prompt_.wants_open && !ctx_.has_load_error()) {
        ImGui::OpenPopup(path_prompt_popup);
        prompt_.wants_open = false;
    }
    const bool is_open_prompt = prompt_.kind == IntentKind::Open;
    const bool is_save_prompt = prompt_.kind == IntentKind::Save;
    const char* heading = is_open_prompt ? "Open" : is_save_prompt ? "Save recording" : "Export PNG";
    const std::string title = std::string(heading) + path_prompt_popup;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(600, 0));
    prompt_.is_shown = ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoMove);
    if (!prompt_.is_shown) return;

    ImGui::TextUnformatted(is_open_prompt   ? "Recording (.pcrec) or reference .dot file:"
                           : is_save_prompt ? "Save the session as a recording (.pcrec):"
                                            : "Save the window as a PNG image:");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    bool is_confirmed =
        ImGui::InputText("##path", &prompt_.path, ImGuiInputTextFlags_EnterReturnsTrue);
    const auto& recent = ctx_.settings().recent_files();
    if (is_open_prompt && !recent.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("Recent files");
        for (const auto& path : recent) {
            if (ImGui::Selectable(path.c_str())) {
                prompt_.path = path;
                is_confirmed = true;
            }
        }
    }
    ImGui::Spacing();
    is_confirmed |= ImGui::Button(is_open_prompt ? "Open" : is_save_prompt ? "Save" : "Export", ImVec2(90, 0));
    ImGui::SameLine();
    const bool is_cancelled = ImGui::Button("Cancel", ImVec2(90, 0)) ||
                              ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if ((is_confirmed && !prompt_.path.empty()) || is_cancelled) {
        if (!is_cancelled) ctx_.push_intent(prompt_.kind, prompt_.path);
        ImGui::CloseCurrentPopup();
        prompt_.is_shown = false;
    }
    ImGui::EndPopup();
}

}  // namespace parsec::app
