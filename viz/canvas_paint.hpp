// Internal to the canvas: one frame's painting, split by layer so each file has one job. Every
// painter reads the same PaintFrame and submits to its draw list; none handles input.
#pragma once
#include <imgui.h>

#include <cstdint>

#include "viz/graph_canvas.hpp"

namespace parsec::viz::paint {

struct PaintFrame {
    const GraphModel& model;
    const Layout& layout;
    const Camera& camera;
    const CanvasOptions& options;
    const Highlights& highlights;
    const Palette& palette;
    ImDrawList* draw_list;
    DetailLevel detail = DetailLevel::Far;
    float radius_px = 3.0f;           // an event shape's half size on screen
    // Visible lanes [lane_first, lane_last] and ranks [rank_first, rank_last] (with margins).
    std::uint32_t lane_first = 1;
    std::uint32_t lane_last = 0;
    std::uint32_t rank_first = 1;
    std::uint32_t rank_last = 0;
    ImVec2 clip_min{0, 0};            // the canvas (screen space)
    ImVec2 clip_max{0, 0};
    std::size_t drawn_events = 0;
    std::size_t drawn_edges = 0;

    bool has_selection() const { return highlights.selected != kNoUnionEvent; }
    ImVec2 screen(UnionIndex u) const { return camera.graph_to_screen(layout.position(u)); }
};

// Fills the visible lane and rank ranges and the shape radius from the camera.
void prepare(PaintFrame& f);

void paint_background(PaintFrame& f);          // lane bands and the lanes' own lines
void paint_edges(PaintFrame& f);               // other-parent edges and fork branch edges
void paint_events(PaintFrame& f);              // shapes, marks, highlight halos, labels, badges
void paint_pair_paths(PaintFrame& f);          // the >2/3 carrier paths of a pair explanation
void paint_lane_headers(PaintFrame& f, SourceIndex perspective);
// The minimap in `rect_min`..`rect_max` (screen space); returns nothing, input is the caller's.
void paint_minimap(const GraphModel& model, const Layout& layout, const Camera& camera, const Highlights& highlights,
                   const Palette& palette, ImDrawList* draw_list, ImVec2 rect_min, ImVec2 rect_max);
// The graph point the minimap shows at `point_px`.
GraphPoint minimap_to_graph(const Layout& layout, ImVec2 rect_min, ImVec2 rect_max, ImVec2 point_px);

// One event's shape by cause (spec §1.4): square Initial, ring Requesting, disc Request,
// diamond Response, triangle Observation. Also used by the legend.
void add_event_shape(ImDrawList* draw_list, model::CauseKind cause, ImVec2 centre, float radius, ImU32 colour);

inline constexpr float kHeaderHeightPx = 24.0f;

}  // namespace parsec::viz::paint
