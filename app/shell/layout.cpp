// Slot rectangles from fractions (pure), plus the draggable splitters between them.
#include "shell/layout.hpp"

#include <imgui.h>

#include <algorithm>

#include "platform/settings.hpp"

namespace parsec::app {
namespace {

constexpr float side_min_px = 140.0f;
constexpr float center_min_px = 240.0f;
constexpr float top_min_px = 160.0f;
constexpr float bottom_min_px = 90.0f;

float clamp_size(float wanted, float min_px, float max_px) {
    return std::max(std::min(wanted, max_px), std::min(min_px, max_px));
}

// One splitter: an invisible button that shows a resize cursor and a highlight when touched.
bool splitter(const char* id, const Rect& rect, bool is_vertical, float& fraction, float scale) {
    if (rect.width <= 0 || rect.height <= 0) return false;
    ImGui::SetCursorScreenPos(ImVec2(rect.x, rect.y));
    ImGui::InvisibleButton(id, ImVec2(rect.width, rect.height));
    const bool is_active = ImGui::IsItemActive();
    const bool is_hovered = ImGui::IsItemHovered();
    if (is_active || is_hovered) {
        ImGui::SetMouseCursor(is_vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
        const ImU32 colour =
            ImGui::GetColorU32(is_active ? ImGuiCol_SeparatorActive : ImGuiCol_SeparatorHovered);
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImVec2(rect.x, rect.y), ImVec2(rect.x + rect.width, rect.y + rect.height), colour);
    }
    if (is_active) {
        const ImVec2 delta = ImGui::GetIO().MouseDelta;
        fraction += (is_vertical ? delta.x : delta.y) * scale;
    }
    return is_active;
}

}  // namespace

LayoutFractions clamp_fractions(LayoutFractions f) {
    f.left = std::clamp(f.left, fraction_min, fraction_max);
    f.right = std::clamp(f.right, fraction_min, fraction_max);
    f.bottom = std::clamp(f.bottom, fraction_min, fraction_max);
    return f;
}

LayoutRects compute_layout(const Rect& area, const LayoutFractions& fractions,
                           const SlotPresence& presence) {
    const LayoutFractions f = clamp_fractions(fractions);
    const float s = splitter_thickness_px;
    LayoutRects r;

    float bottom_h = 0;
    if (presence.has_bottom) {
        bottom_h = clamp_size(area.height * f.bottom, bottom_min_px, area.height - top_min_px - s);
    }
    const float top_h = area.height - bottom_h - (presence.has_bottom ? s : 0);

    float left_w = presence.has_left ? clamp_size(area.width * f.left, side_min_px, area.width) : 0;
    float right_w =
        presence.has_right ? clamp_size(area.width * f.right, side_min_px, area.width) : 0;
    const float gaps = (presence.has_left ? s : 0) + (presence.has_right ? s : 0);
    const float overflow = left_w + right_w + gaps + center_min_px - area.width;
    if (overflow > 0 && left_w + right_w > 0) {  // a narrow window shrinks the sides, not the graph
        const float keep = std::max(0.0f, 1.0f - overflow / (left_w + right_w));
        left_w *= keep;
        right_w *= keep;
    }
    const float center_w = std::max(0.0f, area.width - left_w - right_w - gaps);

    float x = area.x;
    r.left = {x, area.y, left_w, top_h};
    if (presence.has_left) {
        x += left_w;
        r.splitter_left = {x, area.y, s, top_h};
        x += s;
    }
    r.center = {x, area.y, center_w, top_h};
    x += center_w;
    if (presence.has_right) {
        r.splitter_right = {x, area.y, s, top_h};
        x += s;
    }
    r.right = {x, area.y, right_w, top_h};
    if (presence.has_bottom) {
        r.splitter_bottom = {area.x, area.y + top_h, area.width, s};
        r.bottom = {area.x, area.y + top_h + s, area.width, bottom_h};
    }
    return r;
}

bool draw_splitters(const LayoutRects& rects, const Rect& area, const SlotPresence& presence,
                    LayoutFractions& fractions) {
    if (area.width <= 0 || area.height <= 0) return false;
    bool is_dragging = false;
    const float per_px_x = 1.0f / area.width;
    const float per_px_y = 1.0f / area.height;
    float right_grow = 0;  // the right splitter grows the right slot when dragged left
    float bottom_grow = 0;
    if (presence.has_left) {
        is_dragging |=
            splitter("##splitter_left", rects.splitter_left, true, fractions.left, per_px_x);
    }
    if (presence.has_right) {
        is_dragging |=
            splitter("##splitter_right", rects.splitter_right, true, right_grow, per_px_x);
    }
    if (presence.has_bottom) {
        is_dragging |=
            splitter("##splitter_bottom", rects.splitter_bottom, false, bottom_grow, per_px_y);
    }
    fractions.right -= right_grow;
    fractions.bottom -= bottom_grow;
    fractions = clamp_fractions(fractions);
    return is_dragging;
}

LayoutFractions load_layout(const Settings& settings) {
    const LayoutFractions defaults;
    LayoutFractions f;
    f.left = settings.get_float("layout.left", defaults.left);
    f.right = settings.get_float("layout.right", defaults.right);
    f.bottom = settings.get_float("layout.bottom", defaults.bottom);
    return clamp_fractions(f);
}

void save_layout(const LayoutFractions& fractions, Settings& settings) {
    settings.set_float("layout.left", fractions.left);
    settings.set_float("layout.right", fractions.right);
    settings.set_float("layout.bottom", fractions.bottom);
}

}  // namespace parsec::app
