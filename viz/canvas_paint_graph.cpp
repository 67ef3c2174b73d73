// The graph itself: lanes, edges and events, culled to the visible lanes and ranks, with the
// level of detail chosen from the zoom. Far: one small square per pixel row; Medium: shapes,
// marks and edges; Near: names and payload badges too.
#include <algorithm>
#include <cmath>

#include "viz/canvas_paint.hpp"
#include "viz/event_marks.hpp"

namespace parsec::viz::paint {

namespace {

constexpr int kCircleSegments = 12;
// A child may lie above the view while its parent lies inside it: look that many ranks higher
// for edges (bounded, so one very long edge cannot make every frame scan the whole lane).
constexpr std::uint32_t kEdgeScanRanksMax = 512;

ImVec2 operator+(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

// The lane's events with rank in [first, last], as a range of positions in lane_events().
std::pair<std::size_t, std::size_t> lane_slice(const Layout& layout, LaneIndex l, std::uint32_t first,
                                               std::uint32_t last) {
    const auto ranks = layout.lane_ranks(l);
    const auto lo = std::lower_bound(ranks.begin(), ranks.end(), first) - ranks.begin();
    const auto hi = std::upper_bound(ranks.begin(), ranks.end(), last) - ranks.begin();
    return {static_cast<std::size_t>(lo), static_cast<std::size_t>(std::max(lo, hi))};
}

bool segment_may_be_visible(const PaintFrame& f, ImVec2 a, ImVec2 b) {
    return !((a.x < f.clip_min.x && b.x < f.clip_min.x) || (a.x > f.clip_max.x && b.x > f.clip_max.x) ||
             (a.y < f.clip_min.y && b.y < f.clip_min.y) || (a.y > f.clip_max.y && b.y > f.clip_max.y));
}

bool is_drawn(const PaintFrame& f, UnionIndex u) {
    const SourceIndex p = f.options.perspective;
    return f.options.show_ghosts || p == kNoSource || p >= f.model.source_count() || f.model.is_known_by(p, u);
}

float edge_alpha(const PaintFrame& f, UnionIndex a, UnionIndex b) {
    const SourceIndex p = f.options.perspective;
    if (p == kNoSource || p >= f.model.source_count()) return 1.0f;
    return f.model.is_known_by(p, a) && f.model.is_known_by(p, b) ? 1.0f : f.palette.ghost_alpha;
}

}  // namespace

void prepare(PaintFrame& f) {
    f.detail = detail_level(f.layout, f.camera);
    const LayoutOptions& lo = f.layout.options();
    const float row_px = lo.row_spacing * f.camera.scale_y();
    const float lane_px = lo.lane_spacing * f.camera.scale_x();
    f.radius_px = std::clamp(std::min(row_px * 0.32f, lane_px * 0.12f), 1.5f, 9.0f);
    f.clip_min = f.camera.viewport_min_screen();
    f.clip_max = f.clip_min + f.camera.viewport_size_px();

    const GraphRect visible = f.camera.visible_graph_rect();
    const float half_lane = lo.lane_spacing * 0.5f;
    const auto lanes = static_cast<float>(f.layout.lane_count());
    const float first = std::ceil((visible.min.x - half_lane) / lo.lane_spacing);
    const float last = std::floor((visible.max.x + half_lane) / lo.lane_spacing);
    f.lane_first = static_cast<std::uint32_t>(std::clamp(first, 0.0f, lanes));
    f.lane_last = last < 0.0f ? 0u : static_cast<std::uint32_t>(std::min(last, lanes - 1.0f));
    if (f.layout.lane_count() == 0 || last < 0.0f || first > lanes - 1.0f) f.lane_first = 1, f.lane_last = 0;
    // One row of margin each way so half-visible shapes at the edges are drawn.
    const auto [rank_lo, rank_hi] = f.layout.rank_range(visible.min.y - lo.row_spacing, visible.max.y + lo.row_spacing);
    f.rank_first = rank_lo;
    f.rank_last = rank_hi;
}

void add_event_shape(ImDrawList* dl, model::CauseKind cause, ImVec2 c, float r, ImU32 colour) {
    switch (cause) {
        case model::CauseKind::Initial:
            dl->AddRectFilled(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f), ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), colour);
            return;
        case model::CauseKind::Requesting:
            dl->AddCircle(c, r * 0.8f, colour, kCircleSegments, std::max(1.5f, r * 0.35f));
            return;
        case model::CauseKind::Request: dl->AddCircleFilled(c, r, colour, kCircleSegments); return;
        case model::CauseKind::Response:
            dl->AddQuadFilled(ImVec2(c.x, c.y - r * 1.15f), ImVec2(c.x + r * 1.15f, c.y), ImVec2(c.x, c.y + r * 1.15f),
                              ImVec2(c.x - r * 1.15f, c.y), colour);
            return;
        case model::CauseKind::Observation:
            dl->AddTriangleFilled(ImVec2(c.x, c.y - r * 1.2f), ImVec2(c.x + r * 1.1f, c.y + r * 0.8f),
                                  ImVec2(c.x - r * 1.1f, c.y + r * 0.8f), colour);
            return;
    }
}

void paint_background(PaintFrame& f) {
    const LayoutOptions& lo = f.layout.options();
    ImDrawList* dl = f.draw_list;
    dl->AddRectFilled(f.clip_min, f.clip_max, f.palette.background);
    for (LaneIndex l = f.lane_first; l <= f.lane_last; ++l) {
        const float x = f.camera.graph_to_screen(GraphPoint{f.layout.lane_x(l), 0}).x;
        const float half = lo.lane_spacing * 0.5f * f.camera.scale_x();
        if (l % 2 == 1) dl->AddRectFilled(ImVec2(x - half, f.clip_min.y), ImVec2(x + half, f.clip_max.y), f.palette.lane_band);
        // Each fork column's run is one line: the self-parent chain without one segment per event.
        for (const ColumnRun& run : f.layout.lane_runs(l)) {
            const float cx = f.camera.graph_to_screen(GraphPoint{f.layout.lane_x(l) + f.layout.column_offset(run.column), 0}).x;
            const float y0 = std::max(f.camera.graph_to_screen(GraphPoint{0, f.layout.rank_y(run.rank_max)}).y, f.clip_min.y);
            const float y1 = std::min(f.camera.graph_to_screen(GraphPoint{0, f.layout.rank_y(run.rank_min)}).y, f.clip_max.y);
            if (y0 > y1) continue;
            const ImU32 colour = run.column == 0 ? with_alpha(peer_colour(l), 0.45f) : f.palette.fork;
            dl->AddLine(ImVec2(cx, y0), ImVec2(cx, y1), colour, run.column == 0 ? 2.0f : 2.5f);
        }
    }
}

void paint_edges(PaintFrame& f) {
    if (f.lane_first > f.lane_last || f.rank_first > f.rank_last) return;
    // Far out, gossip edges are kept while the view spans few enough ranks to read them as a mesh.
    constexpr std::uint32_t kFarEdgeRanksMax = 1500;
    const bool other_edges = f.options.show_other_parent_edges &&
                             (f.detail != DetailLevel::Far || f.rank_last - f.rank_first <= kFarEdgeRanksMax);
    const float thickness = f.detail == DetailLevel::Near ? 1.6f : 1.0f;
    // Dense views (narrow lanes) fade the gossip edges so the lanes and marks stay readable.
    const float lane_px = f.layout.options().lane_spacing * f.camera.scale_x();
    const float density_alpha = f.detail == DetailLevel::Far ? 0.25f : std::clamp(lane_px / 60.0f, 0.3f, 1.0f);
    const std::uint32_t scan_last = f.rank_last + std::min(f.layout.edge_rank_span_max(), kEdgeScanRanksMax);
    // Other-parent edges come from any lane, so every lane is scanned for children in range;
    // the lane's own x decides nothing here.
    for (LaneIndex l = 0; l < f.layout.lane_count(); ++l) {
        const auto events = f.layout.lane_events(l);
        const auto [lo, hi] = lane_slice(f.layout, l, f.rank_first, scan_last);
        for (std::size_t i = lo; i < hi; ++i) {
            const UnionIndex u = events[i];
            if (!is_drawn(f, u)) continue;
            const UnionEvent& e = f.model.event(u);
            const ImVec2 c = f.screen(u);
            // Fork branch roots leave their self-parent's column: the lane line does not show that.
            if (e.self_parent != kNoUnionEvent && f.model.event(e.self_parent).fork_column != e.fork_column) {
                const ImVec2 p = f.screen(e.self_parent);
                if (segment_may_be_visible(f, c, p)) {
                    f.draw_list->AddLine(c, p, with_alpha(f.palette.fork, edge_alpha(f, u, e.self_parent)), 2.5f);
                    ++f.drawn_edges;
                }
            }
            if (!other_edges || e.other_parent == kNoUnionEvent || !is_drawn(f, e.other_parent)) continue;
            const ImVec2 p = f.screen(e.other_parent);
            if (!segment_may_be_visible(f, c, p)) continue;
            f.draw_list->AddLine(c, p, with_alpha(f.palette.other_parent_edge, density_alpha * edge_alpha(f, u, e.other_parent)),
                                 thickness);
            ++f.drawn_edges;
        }
    }
}

namespace {

// A payload badge left of the event, cut to fit half a lane so it never covers the next lane.
void paint_badge(PaintFrame& f, ImVec2 c, const std::string& text, ImU32 fill) {
    const float room_px = f.layout.options().lane_spacing * f.camera.scale_x() * 0.5f - f.radius_px - 14.0f;
    if (room_px < 12.0f) return;
    std::string shown = text;
    if (ImGui::CalcTextSize(shown.c_str()).x > room_px) {
        while (shown.size() > 1 && ImGui::CalcTextSize((shown + "~").c_str()).x > room_px) shown.pop_back();
        shown += "~";
    }
    const ImVec2 size = ImGui::CalcTextSize(shown.c_str());
    const ImVec2 max(c.x - f.radius_px - 5.0f, c.y + size.y * 0.5f + 1.0f);
    const ImVec2 min(max.x - size.x - 8.0f, c.y - size.y * 0.5f - 1.0f);
    f.draw_list->AddRectFilled(min, max, fill, 4.0f);
    f.draw_list->AddText(ImVec2(min.x + 4.0f, min.y + 1.0f), f.palette.text_on_badge, shown.c_str());
}

void paint_one_event(PaintFrame& f, UnionIndex u, ImVec2 c) {
    const UnionEvent& e = f.model.event(u);
    const Palette& pal = f.palette;
    ImDrawList* dl = f.draw_list;
    const float r = f.radius_px;
    const std::uint8_t flags = f.highlights.flags_of(u);
    const bool is_selected = u == f.highlights.selected;
    const bool is_second = u == f.highlights.second;
    const EventMarks m = event_marks(f.model, u, f.options.perspective);
    float alpha = m.is_known ? 1.0f : pal.ghost_alpha;
    if (f.options.dim_unrelated && f.has_selection() && flags == 0 && !is_selected && !is_second) alpha *= 0.4f;

    // Highlight halos sit behind the shape, parted from it by a dark gap so that a lane colour
    // close to the relation's colour still reads as "event inside a ring".
    if (flags & (kHighlightStronglySeen | kHighlightSeen)) {
        const float ring = std::clamp(r * 0.6f, 1.5f, 3.0f);
        const float gap = std::clamp(r * 0.3f, 0.8f, 2.0f);
        dl->AddCircleFilled(c, r + gap + ring, (flags & kHighlightStronglySeen) ? pal.strongly_seen : pal.seen, kCircleSegments + 4);
        dl->AddCircleFilled(c, r + gap, pal.background, kCircleSegments + 4);
    }
    add_event_shape(dl, e.cause, c, r, with_alpha(peer_colour(e.lane), alpha));
    if (!m.is_known) dl->AddCircle(c, r + 1.5f, with_alpha(pal.text_dim, 0.6f), kCircleSegments, 1.0f);
    if (m.is_interesting) dl->AddCircle(c, r + 1.5f, pal.interesting, kCircleSegments, 2.0f);
    if (m.is_observer) dl->AddCircle(c, r + 4.5f, pal.observer, kCircleSegments, 2.0f);
    if (m.is_forked) dl->AddRect(ImVec2(c.x - r - 3, c.y - r - 3), ImVec2(c.x + r + 3, c.y + r + 3), pal.fork, 0, 0, 2.0f);
    if (m.is_deciding) {
        const float d = r + 7.5f;
        dl->AddQuad(ImVec2(c.x, c.y - d), ImVec2(c.x + d, c.y), ImVec2(c.x, c.y + d), ImVec2(c.x - d, c.y), pal.deciding, 2.5f);
    }
    if (flags & kHighlightCarrier) dl->AddCircle(c, r + 6.0f, pal.carrier_path, kCircleSegments, 2.5f);
    if (flags & kHighlightBlockingFork) dl->AddCircle(c, r + 9.0f, pal.accusation, kCircleSegments + 4, 3.0f);
    if (is_selected) dl->AddCircle(c, r + 8.0f, pal.selected, kCircleSegments + 4, 2.5f);
    if (is_second) dl->AddCircle(c, r + 8.0f, pal.second, kCircleSegments + 4, 2.5f);

    if (e.has_payload && f.options.show_payloads) {
        const ImU32 badge = with_alpha(m.is_accusation ? pal.accusation : pal.payload, m.is_known ? 1.0f : 0.5f);
        if (f.detail == DetailLevel::Near) paint_badge(f, c, m.is_accusation ? "! " + e.payload_text : e.payload_text, badge);
        else dl->AddCircleFilled(ImVec2(c.x + r, c.y - r), std::max(2.0f, r * 0.45f), badge, 8);
    }
    if (f.detail == DetailLevel::Near && f.options.show_labels) {
        const std::string name = f.model.event_name(u);
        // Names go right of the event; a forked slot's events left of a side branch go left so
        // the branches' names do not overlap.
        const bool left = m.is_forked && f.layout.column_offset(e.fork_column) <= 0.0f && !e.has_payload;
        const float x = left ? c.x - r - 5.0f - ImGui::CalcTextSize(name.c_str()).x : c.x + r + 5.0f;
        dl->AddText(ImVec2(x, c.y - ImGui::GetFontSize() * 0.5f), with_alpha(pal.text, alpha), name.c_str());
    }
}

}  // namespace

void paint_events(PaintFrame& f) {
    if (f.lane_first > f.lane_last || f.rank_first > f.rank_last) return;
    const Palette& pal = f.palette;
    const bool far = f.detail == DetailLevel::Far;
    for (LaneIndex l = f.lane_first; l <= f.lane_last; ++l) {
        const auto events = f.layout.lane_events(l);
        const auto [lo, hi] = lane_slice(f.layout, l, f.rank_first, f.rank_last);
        const ImU32 lane_colour = peer_colour(l);
        float last_y = 1e30f;
        // Newest first (top of the screen): at Far, an event landing on the pixel row of the
        // previous one in its lane is skipped unless it carries a highlight.
        for (std::size_t i = hi; i-- > lo;) {
            const UnionIndex u = events[i];
            if (!is_drawn(f, u)) continue;
            const ImVec2 c = f.screen(u);
            if (!far) {
                paint_one_event(f, u, c);
                ++f.drawn_events;
                continue;
            }
            const std::uint8_t flags = f.highlights.flags_of(u);
            const bool special = flags != 0 || u == f.highlights.selected || u == f.highlights.second;
            if (!special && std::fabs(c.y - last_y) < 1.5f) continue;
            last_y = c.y;
            const SourceIndex p = f.options.perspective;
            const bool known = p == kNoSource || p >= f.model.source_count() || f.model.is_known_by(p, u);
            ImU32 colour = with_alpha(lane_colour, known ? 1.0f : pal.ghost_alpha);
            if (f.options.dim_unrelated && f.has_selection() && !special) colour = with_alpha(colour, 0.4f);
            float r = std::max(f.radius_px, 1.5f);
            if (flags & kHighlightStronglySeen) colour = pal.strongly_seen, r += 1.0f;
            else if (flags & kHighlightSeen) colour = pal.seen, r += 1.0f;
            if (flags & kHighlightOnPath) colour = pal.carrier_path;
            if (u == f.highlights.selected) colour = pal.selected, r += 2.0f;
            if (u == f.highlights.second) colour = pal.second, r += 2.0f;
            f.draw_list->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), colour);
            ++f.drawn_events;
        }
    }
}

}  // namespace parsec::viz::paint
