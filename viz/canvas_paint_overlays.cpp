// What is drawn over the graph: the pair explanation's carrier paths, the sticky lane headers
// naming each peer (and marking whose view is drawn), and the minimap.
#include <algorithm>

#include "viz/canvas_paint.hpp"

namespace parsec::viz::paint {

void paint_pair_paths(PaintFrame& f) {
    const Highlights& h = f.highlights;
    if (!h.has_pair) return;
    const float thickness = f.detail == DetailLevel::Far ? 2.0f : 3.5f;
    for (const auto& path : h.carrier_paths) {
        for (std::size_t i = 1; i < path.size(); ++i) {
            if (path[i - 1] == kNoUnionEvent || path[i] == kNoUnionEvent) continue;
            f.draw_list->AddLine(f.screen(path[i - 1]), f.screen(path[i]), f.palette.carrier_path,
                                 thickness);
            ++f.drawn_edges;
        }
    }
}

void paint_lane_headers(PaintFrame& f, SourceIndex perspective) {
    ImDrawList* dl = f.draw_list;
    const ImVec2 min = f.clip_min;
    const ImVec2 max(f.clip_max.x, f.clip_min.y + kHeaderHeightPx);
    dl->AddRectFilled(min, max, f.palette.header_background);
    if (f.lane_first > f.lane_last) return;
    // The perspective node's own lane is underlined: "this is whose view you see".
    LaneIndex perspective_lane = kNoLane;
    if (perspective != kNoSource && perspective < f.model.source_count())
        perspective_lane = f.model.find_lane(f.model.source_node(perspective).identity().id.name);
    const float lane_px = f.layout.options().lane_spacing * f.camera.scale_x();
    float free_from_x = -1e30f;  // names never overlap: a lane whose name would is left unnamed
    for (LaneIndex l = f.lane_first; l <= f.lane_last; ++l) {
        const float x = f.camera.graph_to_screen(GraphPoint{f.layout.lane_x(l), 0}).x;
        const Lane& lane = f.model.lane(l);
        const std::string& full = lane.name;
        const bool fits_full = ImGui::CalcTextSize(full.c_str()).x + 6.0f < lane_px;
        const std::string& text = fits_full ? full : lane.short_name;
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        if (x - size.x * 0.5f < free_from_x) continue;
        free_from_x = x + size.x * 0.5f + 4.0f;
        dl->AddText(ImVec2(x - size.x * 0.5f, min.y + (kHeaderHeightPx - size.y) * 0.5f), peer_colour(l), text.c_str());
        if (l == perspective_lane)
            dl->AddLine(ImVec2(x - std::max(size.x * 0.5f, 6.0f), max.y - 3.0f),
                        ImVec2(x + std::max(size.x * 0.5f, 6.0f), max.y - 3.0f), f.palette.selected, 2.0f);
    }
}

namespace {

ImVec2 minimap_point(const Layout& layout, ImVec2 rect_min, ImVec2 rect_max, GraphPoint p) {
    const GraphRect b = layout.bounds();
    const float tx = (p.x - b.min.x) / std::max(b.width(), 1e-3f);
    const float ty = (p.y - b.min.y) / std::max(b.height(), 1e-3f);
    return ImVec2(rect_min.x + tx * (rect_max.x - rect_min.x), rect_min.y + ty * (rect_max.y - rect_min.y));
}

}  // namespace

GraphPoint minimap_to_graph(const Layout& layout, ImVec2 rect_min, ImVec2 rect_max, ImVec2 point_px) {
    const GraphRect b = layout.bounds();
    const float tx = (point_px.x - rect_min.x) / std::max(rect_max.x - rect_min.x, 1.0f);
    const float ty = (point_px.y - rect_min.y) / std::max(rect_max.y - rect_min.y, 1.0f);
    return GraphPoint{b.min.x + tx * b.width(), b.min.y + ty * b.height()};
}

void paint_minimap(const GraphModel& model, const Layout& layout, const Camera& camera, const Highlights& highlights,
                   const Palette& palette, ImDrawList* dl, ImVec2 rect_min, ImVec2 rect_max) {
    dl->AddRectFilled(rect_min, rect_max, palette.header_background, 3.0f);
    dl->AddRect(rect_min, rect_max, with_alpha(palette.text_dim, 0.6f), 3.0f);
    dl->PushClipRect(rect_min, rect_max, true);
    // Lanes as their column runs: constant cost per lane whatever the number of events.
    for (LaneIndex l = 0; l < layout.lane_count(); ++l) {
        for (const ColumnRun& run : layout.lane_runs(l)) {
            const float x = layout.lane_x(l) + layout.column_offset(run.column);
            const ImVec2 a = minimap_point(layout, rect_min, rect_max, GraphPoint{x, layout.rank_y(run.rank_max)});
            const ImVec2 b = minimap_point(layout, rect_min, rect_max, GraphPoint{x, layout.rank_y(run.rank_min)});
            dl->AddLine(a, b, run.column == 0 ? peer_colour(l) : palette.fork, 1.5f);
        }
    }
    // Decisions of every node (few) as gold ticks, the selection as a white dot.
    for (SourceIndex s = 0; s < model.source_count(); ++s)
        for (UnionIndex u : model.deciding_events(s)) {
            if (u >= layout.event_count()) continue;
            const ImVec2 p = minimap_point(layout, rect_min, rect_max, layout.position(u));
            dl->AddLine(ImVec2(p.x - 3, p.y), ImVec2(p.x + 3, p.y), palette.deciding, 2.0f);
        }
    for (UnionIndex u : {highlights.selected, highlights.second})
        if (u != kNoUnionEvent && u < layout.event_count())
            dl->AddCircleFilled(minimap_point(layout, rect_min, rect_max, layout.position(u)), 3.0f,
                                u == highlights.selected ? palette.selected : palette.second, 8);
    const GraphRect v = camera.visible_graph_rect();
    const ImVec2 a = minimap_point(layout, rect_min, rect_max, v.min);
    const ImVec2 b = minimap_point(layout, rect_min, rect_max, v.max);
    dl->AddRectFilled(a, b, with_alpha(palette.minimap_view, 0.12f));
    dl->AddRect(a, b, palette.minimap_view, 0.0f, 0, 1.5f);
    dl->PopClipRect();
}

}  // namespace parsec::viz::paint
