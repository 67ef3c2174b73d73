// Colours are chosen so body text stays above a 7:1 contrast ratio on every background, and so
// the chrome stays quieter than the graph colours panels will draw on top of it.
#include "platform/theme.hpp"

#include <imgui.h>

namespace parsec::app {
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                  static_cast<float>(b) / 255.0f, a);
}

void apply_metrics(ImGuiStyle& style) {
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.ScrollbarSize = 14.0f;
    style.GrabMinSize = 10.0f;
    style.WindowRounding = 4.0f;
    style.ChildRounding = 3.0f;
    style.FrameRounding = 3.0f;
    style.PopupRounding = 4.0f;
    style.ScrollbarRounding = 6.0f;
    style.GrabRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.WindowBorderSize = 1.0f;
    style.ChildBorderSize = 1.0f;
    style.PopupBorderSize = 1.0f;
    style.FrameBorderSize = 0.0f;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
}

}  // namespace

void apply_dark_theme(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    apply_metrics(style);

    const ImVec4 text = rgb(226, 230, 236);
    const ImVec4 text_dim = rgb(142, 150, 162);
    const ImVec4 background = rgb(24, 27, 32);
    const ImVec4 panel = rgb(30, 34, 40);
    const ImVec4 raised = rgb(44, 50, 59);
    const ImVec4 raised_hover = rgb(58, 66, 78);
    const ImVec4 border = rgb(56, 62, 72);
    const ImVec4 accent = rgb(74, 136, 214);
    const ImVec4 accent_hover = rgb(96, 156, 232);
    const ImVec4 accent_dim = rgb(52, 92, 142);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_TextDisabled] = text_dim;
    c[ImGuiCol_WindowBg] = background;
    c[ImGuiCol_ChildBg] = panel;
    c[ImGuiCol_PopupBg] = rgb(34, 38, 46, 0.98f);
    c[ImGuiCol_Border] = border;
    c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_FrameBg] = raised;
    c[ImGuiCol_FrameBgHovered] = raised_hover;
    c[ImGuiCol_FrameBgActive] = accent_dim;
    c[ImGuiCol_TitleBg] = panel;
    c[ImGuiCol_TitleBgActive] = raised;
    c[ImGuiCol_TitleBgCollapsed] = panel;
    c[ImGuiCol_MenuBarBg] = rgb(36, 40, 48);
    c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = raised_hover;
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(80, 90, 104);
    c[ImGuiCol_ScrollbarGrabActive] = accent;
    c[ImGuiCol_CheckMark] = accent_hover;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = accent_hover;
    c[ImGuiCol_Button] = raised;
    c[ImGuiCol_ButtonHovered] = raised_hover;
    c[ImGuiCol_ButtonActive] = accent_dim;
    c[ImGuiCol_Header] = accent_dim;
    c[ImGuiCol_HeaderHovered] = rgb(62, 108, 166);
    c[ImGuiCol_HeaderActive] = accent;
    c[ImGuiCol_Separator] = border;
    c[ImGuiCol_SeparatorHovered] = accent;
    c[ImGuiCol_SeparatorActive] = accent_hover;
    c[ImGuiCol_ResizeGrip] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_ResizeGripHovered] = accent;
    c[ImGuiCol_ResizeGripActive] = accent_hover;
    c[ImGuiCol_Tab] = panel;
    c[ImGuiCol_TabHovered] = raised_hover;
    c[ImGuiCol_TabActive] = raised;
    c[ImGuiCol_TabUnfocused] = panel;
    c[ImGuiCol_TabUnfocusedActive] = raised;
    c[ImGuiCol_TableHeaderBg] = raised;
    c[ImGuiCol_TableBorderStrong] = border;
    c[ImGuiCol_TableBorderLight] = rgb(44, 50, 58);
    c[ImGuiCol_TableRowBg] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.03f);
    c[ImGuiCol_TextSelectedBg] = rgb(74, 136, 214, 0.40f);
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_ModalWindowDimBg] = rgb(8, 10, 12, 0.60f);
}

}  // namespace parsec::app
