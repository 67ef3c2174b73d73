// The canvas widget: reserves its rectangle, turns mouse input into camera moves and picks, then
// paints the layers (canvas_paint_*.cpp) from back to front.
#include "viz/graph_canvas.hpp"

#include <algorithm>
#include <cmath>

#include "viz/canvas_paint.hpp"

namespace parsec::viz {

namespace {

constexpr float kWheelZoomStep = 1.2f;

struct MinimapRect {
    ImVec2 min{0, 0};
    ImVec2 max{0, 0};
    bool contains(ImVec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

MinimapRect minimap_rect(ImVec2 canvas_min, ImVec2 canvas_size) {
    const float w = std::min(170.0f, canvas_size.x * 0.22f);
    const float h = std::min(120.0f, canvas_size.y * 0.25f);
    const ImVec2 max(canvas_min.x + canvas_size.x - 8.0f, canvas_min.y + canvas_size.y - 8.0f);
    return MinimapRect{ImVec2(max.x - w, max.y - h), max};
}

void handle_camera_input(Camera& camera, const Layout& layout, const MinimapRect& minimap, bool show_minimap,
                         bool is_hovered, bool is_active) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool in_minimap = show_minimap && minimap.contains(io.MousePos);
    if (is_hovered && io.MouseWheel != 0.0f) {
        camera.zoom_at_screen(io.MousePos, std::pow(kWheelZoomStep, io.MouseWheel), io.KeyShift);
        camera.follow_latest = false;
    }
    if (is_active && (ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle))) {
        camera.pan_by_screen(io.MouseDelta);
        camera.follow_latest = false;
    }
    if (in_minimap && is_active && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        camera.center_on(paint::minimap_to_graph(layout, minimap.min, minimap.max, io.MousePos));
        camera.follow_latest = false;
    }
}

}  // namespace

const char* detail_level_name(DetailLevel d) {
    switch (d) {
        case DetailLevel::Far: return "far";
        case DetailLevel::Medium: return "medium";
        case DetailLevel::Near: return "near";
    }
    return "?";
}

DetailLevel detail_level(const Layout& layout, const Camera& camera) {
    const float row_px = layout.options().row_spacing * camera.scale_y();
    const float lane_px = layout.options().lane_spacing * camera.scale_x();
    if (row_px < 5.0f || lane_px < 12.0f) return DetailLevel::Far;
    if (row_px >= 20.0f && lane_px >= 60.0f) return DetailLevel::Near;
    return DetailLevel::Medium;
}

std::size_t ghost_count(const GraphModel& model, SourceIndex perspective) {
    if (perspective == kNoSource || perspective >= model.source_count()) return 0;
    return model.event_count() - model.source_event_count(perspective);
}

UnionIndex pick_event(const GraphModel& model, const Layout& layout, const Camera& camera, ImVec2 point_px,
                      float radius_px, SourceIndex hide_unknown_to) {
    if (layout.event_count() == 0 || layout.lane_count() == 0) return kNoUnionEvent;
    const LayoutOptions& lo = layout.options();
    const GraphPoint g = camera.screen_to_graph(point_px);
    // Candidates: lanes whose fork columns reach within the radius, ranks within it.
    const float reach_x = radius_px / camera.scale_x() + lo.lane_spacing * 0.5f;
    const float reach_y = radius_px / camera.scale_y();
    const auto lanes = static_cast<float>(layout.lane_count());
    const float lane_lo = std::max(0.0f, std::ceil((g.x - reach_x) / lo.lane_spacing));
    const float lane_hi = std::min(lanes - 1.0f, std::floor((g.x + reach_x) / lo.lane_spacing));
    if (lane_hi < lane_lo) return kNoUnionEvent;
    const auto [rank_lo, rank_hi] = layout.rank_range(g.y - reach_y, g.y + reach_y);
    UnionIndex best = kNoUnionEvent;
    float best_d2 = radius_px * radius_px;
    const bool hide = hide_unknown_to != kNoSource && hide_unknown_to < model.source_count();
    for (auto l = static_cast<LaneIndex>(lane_lo); l <= static_cast<LaneIndex>(lane_hi); ++l) {
        const auto ranks = layout.lane_ranks(l);
        const auto events = layout.lane_events(l);
        const auto lo_it = std::lower_bound(ranks.begin(), ranks.end(), rank_lo);
        const auto hi_it = std::upper_bound(ranks.begin(), ranks.end(), rank_hi);
        for (auto i = lo_it - ranks.begin(); i < hi_it - ranks.begin(); ++i) {
            const UnionIndex u = events[static_cast<std::size_t>(i)];
            if (hide && !model.is_known_by(hide_unknown_to, u)) continue;
            const ImVec2 p = camera.graph_to_screen(layout.position(u));
            const float dx = p.x - point_px.x;
            const float dy = p.y - point_px.y;
            const float d2 = dx * dx + dy * dy;
            // Ties (overlapping shapes when zoomed far out) go to the newer event, drawn on top.
            if (d2 < best_d2 || (d2 == best_d2 && best != kNoUnionEvent && u > best)) {
                best_d2 = d2;
                best = u;
            }
        }
    }
    return best;
}

CanvasResult draw_graph_canvas(const GraphModel& model, const Layout& layout, Camera& camera,
                               const CanvasOptions& options, const Highlights& highlights) {
    const Palette& palette = options.palette ? *options.palette : default_palette();
    CanvasResult result;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(options.size_px.x > 0 ? options.size_px.x : std::max(avail.x, 50.0f),
                      options.size_px.y > 0 ? options.size_px.y : std::max(avail.y, 50.0f));
    result.canvas_min_px = min;
    result.canvas_size_px = size;
    ImGui::InvisibleButton("##gossip_graph_canvas", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    const bool is_hovered = ImGui::IsItemHovered();
    const bool is_active = ImGui::IsItemActive();
    result.is_hovered = is_hovered;

    camera.set_viewport_screen(min, size);
    if (!camera.is_initialised()) camera.reset_to(layout);
    const MinimapRect minimap = minimap_rect(min, size);
    handle_camera_input(camera, layout, minimap, options.show_minimap, is_hovered, is_active);
    if (camera.follow_latest) camera.show_latest(layout);

    const ImGuiIO& io = ImGui::GetIO();
    const bool in_minimap = options.show_minimap && minimap.contains(io.MousePos);
    const bool in_header = io.MousePos.y < min.y + paint::kHeaderHeightPx;
    const SourceIndex hide = options.show_ghosts ? kNoSource : options.perspective;
    if (is_hovered && !in_minimap && !in_header)
        result.hovered = pick_event(model, layout, camera, io.MousePos, options.pick_radius_px, hide);
    if (is_hovered && !in_minimap && !in_header && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const UnionIndex u = pick_event(model, layout, camera, io.MouseClickedPos[0], options.pick_radius_px, hide);
        if (u == kNoUnionEvent) result.clicked_background = true;
        else if (io.KeyCtrl || options.ctrl_held) result.ctrl_clicked = u;
        else result.clicked = u;
    }

    paint::PaintFrame frame{model, layout, camera, options, highlights, palette, ImGui::GetWindowDrawList()};
    paint::prepare(frame);
    result.detail = frame.detail;
    ImDrawList* dl = frame.draw_list;
    dl->PushClipRect(min, ImVec2(min.x + size.x, min.y + size.y), true);
    paint::paint_background(frame);
    paint::paint_edges(frame);
    paint::paint_pair_paths(frame);
    paint::paint_events(frame);
    if (result.hovered != kNoUnionEvent) {
        const ImVec2 c = frame.screen(result.hovered);
        dl->AddCircle(c, frame.radius_px + 5.0f, palette.hover, 16, 1.5f);
    }
    paint::paint_lane_headers(frame, options.perspective);
    if (options.show_minimap)
        paint::paint_minimap(model, layout, camera, highlights, palette, dl, minimap.min, minimap.max);
    dl->PopClipRect();
    result.drawn_events = frame.drawn_events;
    result.drawn_edges = frame.drawn_edges;

    if (result.hovered != kNoUnionEvent && !is_active) {
        ImGui::BeginTooltip();
        draw_event_tooltip(model, result.hovered, options.perspective);
        ImGui::EndTooltip();
    }
    return result;
}

void draw_minimap(const GraphModel& model, const Layout& layout, Camera& camera, ImVec2 size_px,
                  const Palette& palette) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##gossip_graph_minimap", size_px);
    const ImVec2 max(min.x + size_px.x, min.y + size_px.y);
    if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        camera.center_on(paint::minimap_to_graph(layout, min, max, ImGui::GetIO().MousePos));
        camera.follow_latest = false;
    }
    paint::paint_minimap(model, layout, camera, Highlights{}, palette, ImGui::GetWindowDrawList(), min, max);
}

std::vector<std::pair<std::string, std::string>> canvas_gestures() {
    return {
        {"Click", "Select the event under the pointer"},
        {"Ctrl+click", "Second event: does the first strongly see it, and why"},
        {"Right drag", "Pan the graph (middle drag too)"},
        {"Wheel", "Zoom around the pointer (Shift: time only)"},
        {"F", "Fit the whole graph in view"},
        {"Minimap", "Click or drag: move the view there"},
        {"Hover", "Tooltip with the event's details"},
    };
}

}  // namespace parsec::viz
