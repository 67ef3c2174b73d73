// The four layout slots: a bordered region per slot with a tab per open panel, the splitters
// between them, and the "Gossip graph" placeholder while no centre panel is registered.
#include <imgui.h>

#include <cmath>
#include <string>

#include "platform/imgui_setup.hpp"
#include "shell/shell.hpp"

namespace parsec::app {
namespace {

constexpr ImGuiWindowFlags host_flags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
    ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBackground;

const char* slot_id(PanelSlot slot) {
    switch (slot) {
        case PanelSlot::Left:
            return "##slot_left";
        case PanelSlot::Center:
            return "##slot_center";
        case PanelSlot::Right:
            return "##slot_right";
        case PanelSlot::Bottom:
            return "##slot_bottom";
    }
    return "##slot";
}

// A faint dot grid, so the empty centre reads as a canvas rather than a missing panel.
void draw_dot_grid(ImDrawList* draw, ImVec2 min, ImVec2 max) {
    constexpr float spacing_px = 24.0f;
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.25f);
    for (float y = min.y + spacing_px; y < max.y; y += spacing_px) {
        for (float x = min.x + spacing_px; x < max.x; x += spacing_px) {
            draw->AddRectFilled(ImVec2(x, y), ImVec2(x + 2, y + 2), colour);
        }
    }
}

void centred_text(const char* text, float y, bool is_dim) {
    const float width = ImGui::CalcTextSize(text).x;
    ImGui::SetCursorPos(ImVec2(std::floor((ImGui::GetWindowWidth() - width) * 0.5f), y));
    if (is_dim)
        ImGui::TextDisabled("%s", text);
    else
        ImGui::TextUnformatted(text);
}

}  // namespace

SlotPresence Shell::slot_presence() const {
    SlotPresence presence;
    for (const auto& entry : panels_) {
        if (!entry.is_open) continue;
        presence.has_left |= entry.panel->slot() == PanelSlot::Left;
        presence.has_right |= entry.panel->slot() == PanelSlot::Right;
        presence.has_bottom |= entry.panel->slot() == PanelSlot::Bottom;
    }
    return presence;
}

void Shell::draw_slots(const Rect& area) {
    ImGui::SetNextWindowPos(ImVec2(area.x, area.y));
    ImGui::SetNextWindowSize(ImVec2(area.width, area.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##shell_host", nullptr, host_flags);
    ImGui::PopStyleVar(2);

    const SlotPresence presence = slot_presence();
    const LayoutRects rects = compute_layout(area, layout_, presence);
    layout_rects_ = rects;
    presence_ = presence;
    if (presence.has_left) draw_slot(PanelSlot::Left, rects.left);
    draw_slot(PanelSlot::Center, rects.center);
    if (presence.has_right) draw_slot(PanelSlot::Right, rects.right);
    if (presence.has_bottom) draw_slot(PanelSlot::Bottom, rects.bottom);
    draw_splitters(rects, area, presence, layout_);
    ImGui::End();
}

void Shell::draw_slot(PanelSlot slot, const Rect& rect) {
    if (rect.width < 1 || rect.height < 1) return;
    ImGui::SetCursorScreenPos(ImVec2(rect.x, rect.y));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 4));
    ImGui::BeginChild(slot_id(slot), ImVec2(rect.width, rect.height), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();

    bool has_panel = false;
    if (ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (auto& entry : panels_) {
            if (entry.panel->slot() != slot || !entry.is_open) continue;
            has_panel = true;
            const ImGuiTabItemFlags flags = entry.wants_select ? ImGuiTabItemFlags_SetSelected : 0;
            entry.wants_select = false;
            const bool is_visible = ImGui::BeginTabItem(entry.panel->name(), &entry.is_open, flags);
            if (!is_visible) continue;
            ImGui::BeginChild("##content", ImVec2(0, 0), false, entry.panel->window_flags());
            if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) &&
                ImGui::IsMouseClicked(0)) {
                focused_panel_ = entry.panel->name();  // scripts and the STATE line report it
            }
            entry.panel->draw(ctx_);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (!has_panel && slot == PanelSlot::Center && ImGui::BeginTabItem("Gossip graph")) {
            draw_graph_placeholder();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
}

void Shell::draw_graph_placeholder() {
    ImGui::BeginChild("##graph_placeholder", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    draw_dot_grid(ImGui::GetWindowDrawList(), min, ImVec2(min.x + size.x, min.y + size.y));

    const bool has_symbols = ctx_.fonts().has_symbols;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    float y = std::floor(size.y * 0.5f - line * 2.5f);
    centred_text("No session yet", y, false);
    y += line * 1.5f;
    centred_text(has_symbols ? "File › New cluster…  (Ctrl+N) starts a live cluster"
                             : "File > New cluster...  (Ctrl+N) starts a live cluster",
                 y, true);
    y += line;
    centred_text(has_symbols ? "File › Open…  (Ctrl+O) opens a recording or a .dot dump"
                             : "File > Open...  (Ctrl+O) opens a recording or a .dot dump",
                 y, true);
    y += line;
    centred_text("Press ? for every keyboard shortcut", y, true);
    ImGui::EndChild();
}

}  // namespace parsec::app
