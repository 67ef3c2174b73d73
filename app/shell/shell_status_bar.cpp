// The status bar: the newest message on the left (warnings in amber), a help hint on the right.
#include <imgui.h>

#include "shell/shell.hpp"

namespace parsec::app {

float Shell::status_bar_height() const {
    return ImGui::GetFrameHeight() + 6.0f;
}

void Shell::draw_status_bar(float height) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, display.y - height));
    ImGui::SetNextWindowSize(ImVec2(display.x, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 3));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::Begin("##status_bar", nullptr, flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);

    ImGui::AlignTextToFramePadding();
    const auto& messages = ctx_.messages();
    if (messages.empty()) {
        ImGui::TextDisabled("Ready");
    } else if (messages.back().is_warning) {
        ImGui::TextColored(ImVec4(0.96f, 0.74f, 0.32f, 1.0f), "%s", messages.back().text.c_str());
    } else {
        ImGui::TextUnformatted(messages.back().text.c_str());
    }
    const char* hint = "Press ? for keyboard shortcuts";
    const float hint_width = ImGui::CalcTextSize(hint).x;
    ImGui::SameLine(ImGui::GetWindowWidth() - hint_width - 12.0f);
    ImGui::TextDisabled("%s", hint);
    ImGui::End();
}

}  // namespace parsec::app
