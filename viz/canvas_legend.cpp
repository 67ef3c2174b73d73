// The legend: every shape and colour the canvas draws, each drawn by the same code it explains.
#include "viz/canvas_paint.hpp"

namespace parsec::viz {

namespace {

constexpr float kIconPx = 18.0f;

// Reserves an icon cell, lets `paint` draw into it, then writes the label beside it.
template <typename Paint>
void legend_row(const char* label, Paint paint) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(kIconPx, kIconPx));
    paint(ImGui::GetWindowDrawList(), ImVec2(min.x + kIconPx * 0.5f, min.y + kIconPx * 0.5f));
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
}

void shape_row(const char* label, model::CauseKind cause) {
    legend_row(label, [&](ImDrawList* dl, ImVec2 c) { paint::add_event_shape(dl, cause, c, 5.5f, peer_colour(0)); });
}

void ring_row(const char* label, ImU32 colour, float radius, float thickness) {
    legend_row(label, [&](ImDrawList* dl, ImVec2 c) {
        paint::add_event_shape(dl, model::CauseKind::Request, c, 4.0f, peer_colour(1));
        dl->AddCircle(c, radius, colour, 16, thickness);
    });
}

}  // namespace

void draw_legend(const GraphModel* model, const Palette& palette) {
    ImGui::TextDisabled("Events (shape = cause, colour = creator's lane)");
    shape_row("Initial", model::CauseKind::Initial);
    shape_row("Requesting: starts a sync", model::CauseKind::Requesting);
    shape_row("Request: a sync received", model::CauseKind::Request);
    shape_row("Response: a reply received", model::CauseKind::Response);
    shape_row("Observation: a vote", model::CauseKind::Observation);
    legend_row("Vote payload (badge when zoomed in)", [&](ImDrawList* dl, ImVec2 c) {
        paint::add_event_shape(dl, model::CauseKind::Observation, c, 4.5f, peer_colour(2));
        dl->AddCircleFilled(ImVec2(c.x + 4.5f, c.y - 4.5f), 3.0f, palette.payload, 8);
    });
    legend_row("Accusation vote", [&](ImDrawList* dl, ImVec2 c) {
        paint::add_event_shape(dl, model::CauseKind::Observation, c, 4.5f, peer_colour(2));
        dl->AddCircleFilled(ImVec2(c.x + 4.5f, c.y - 4.5f), 3.0f, palette.accusation, 8);
    });
    legend_row("Ghost: not yet received by the viewed node", [&](ImDrawList* dl, ImVec2 c) {
        paint::add_event_shape(dl, model::CauseKind::Request, c, 5.0f, with_alpha(peer_colour(0), palette.ghost_alpha));
        dl->AddCircle(c, 6.5f, with_alpha(palette.text_dim, 0.6f), 12, 1.0f);
    });
    ImGui::TextDisabled("Meta-election (viewed node)");
    ring_row("Interesting: carries interesting content", palette.interesting, 5.5f, 2.0f);
    ring_row("Observer", palette.observer, 8.0f, 2.0f);
    legend_row("Decides a block", [&](ImDrawList* dl, ImVec2 c) {
        paint::add_event_shape(dl, model::CauseKind::Request, c, 3.5f, peer_colour(1));
        dl->AddQuad(ImVec2(c.x, c.y - 8), ImVec2(c.x + 8, c.y), ImVec2(c.x, c.y + 8), ImVec2(c.x - 8, c.y), palette.deciding, 2.0f);
    });
    legend_row("Fork: a slot with two or more events", [&](ImDrawList* dl, ImVec2 c) {
        paint::add_event_shape(dl, model::CauseKind::Request, c, 4.0f, peer_colour(1));
        dl->AddRect(ImVec2(c.x - 7, c.y - 7), ImVec2(c.x + 7, c.y + 7), palette.fork, 0, 0, 2.0f);
    });
    ImGui::TextDisabled("Edges");
    legend_row("Self-parent chain (the lane line)", [&](ImDrawList* dl, ImVec2 c) {
        dl->AddLine(ImVec2(c.x, c.y - 8), ImVec2(c.x, c.y + 8), with_alpha(peer_colour(0), 0.45f), 2.0f);
    });
    legend_row("Other-parent (gossip received)", [&](ImDrawList* dl, ImVec2 c) {
        dl->AddLine(ImVec2(c.x - 8, c.y + 6), ImVec2(c.x + 8, c.y - 6), palette.other_parent_edge, 1.5f);
    });
    legend_row("Fork side branch", [&](ImDrawList* dl, ImVec2 c) {
        dl->AddLine(ImVec2(c.x - 5, c.y + 8), ImVec2(c.x + 5, c.y - 8), palette.fork, 2.5f);
    });
    ImGui::TextDisabled("Selection");
    ring_row("Selected (click)", palette.selected, 8.0f, 2.5f);
    ring_row("Second of a pair (Ctrl+click)", palette.second, 8.0f, 2.5f);
    legend_row("Seen by the selected event", [&](ImDrawList* dl, ImVec2 c) {
        dl->AddCircleFilled(c, 8.0f, palette.seen, 12);
        paint::add_event_shape(dl, model::CauseKind::Request, c, 4.0f, peer_colour(1));
    });
    legend_row("Strongly seen by it", [&](ImDrawList* dl, ImVec2 c) {
        dl->AddCircleFilled(c, 8.0f, palette.strongly_seen, 12);
        paint::add_event_shape(dl, model::CauseKind::Request, c, 4.0f, peer_colour(1));
    });
    legend_row("Carrier path of a pair (>2/3 creators)", [&](ImDrawList* dl, ImVec2 c) {
        dl->AddLine(ImVec2(c.x - 8, c.y + 6), ImVec2(c.x + 8, c.y - 6), palette.carrier_path, 3.0f);
    });
    ring_row("Fork that stops the first event seeing the second", palette.accusation, 8.0f, 3.0f);
    if (model) ImGui::TextDisabled("%zu lanes, %zu events in the union", model->lane_count(), model->event_count());
}

}  // namespace parsec::viz
