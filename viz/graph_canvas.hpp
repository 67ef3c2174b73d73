// The gossip-graph canvas: draws the union graph into the current ImGui window and reports what
// the user did. It never changes the engine; the caller turns the result into selection changes.
//
// Usage (once per frame, inside a Begin/End window or child region):
//
//     // Members of the panel, kept across frames:
//     viz::GraphModel model;  viz::Layout layout;  viz::Camera camera;  viz::Highlights highlights;
//
//     std::vector<const node::Node*> nodes;               // same order every frame
//     for (size_t i = 0; i < session.node_count(); ++i) nodes.push_back(&session.node(i));
//     model.update(nodes);                                 // O(new events); rebuilds after a seek back
//     layout.update(model);
//     viz::UnionIndex first = sel.first ? model.find(*sel.first) : viz::kNoUnionEvent;
//     viz::UnionIndex second = sel.second ? model.find(*sel.second) : viz::kNoUnionEvent;
//     viz::update_highlights(highlights, model, sel.perspective, first, second);  // cached
//
//     viz::CanvasOptions opt;
//     opt.perspective = sel.perspective;                   // ghosts for what that node lacks
//     if (fit_key_pressed) camera.fit(layout.bounds());
//     if (script_selected) camera.center_on(layout.position(first));
//     viz::CanvasResult r = viz::draw_graph_canvas(model, layout, camera, opt, highlights);
//     if (r.clicked != viz::kNoUnionEvent) sel.first = model.event(r.clicked).hash, sel.second.reset();
//     if (r.ctrl_clicked != viz::kNoUnionEvent) sel.second = model.event(r.ctrl_clicked).hash;
//
// Gestures: left click selects, Ctrl+left click selects a second event, right or middle drag
// pans, the wheel zooms around the pointer (Shift+wheel zooms time only), a click or drag in
// the minimap (bottom-right) moves the view. canvas_gestures() lists them for a help overlay.
#pragma once
#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

#include "viz/camera.hpp"
#include "viz/graph_model.hpp"
#include "viz/highlights.hpp"
#include "viz/layout.hpp"
#include "viz/palette.hpp"

namespace parsec::viz {

// How much is drawn, from the screen size of one row (rank) and one lane.
enum class DetailLevel : std::uint8_t {
    Far,     // rows under ~5 px: small squares, one line per lane, overlapping pixels skipped
    Medium,  // shapes, rings and edges, no text
    Near,    // rows ≥ ~20 px and lanes ≥ ~60 px: event names and payload badges too
};
const char* detail_level_name(DetailLevel d);

struct CanvasOptions {
    // Whose view is drawn: events it lacks are ghosts, observers and decisions are its own.
    // kNoSource draws the plain union (meta-events from the first node holding each event).
    SourceIndex perspective = kNoSource;
    bool show_ghosts = true;          // false hides the perspective's unknown events entirely
    bool show_other_parent_edges = true;
    bool show_labels = true;          // event names (Near only)
    bool show_payloads = true;        // vote payload badges
    bool show_minimap = true;         // overlay in the bottom-right corner
    bool dim_unrelated = true;        // with a selection, fade events it does not see
    bool ctrl_held = false;           // treat a left click as Ctrl+click (scripted runs)
    float pick_radius_px = 10.0f;     // how far from an event a click still selects it
    ImVec2 size_px{0.0f, 0.0f};       // 0 on an axis: fill the available region
    const Palette* palette = nullptr; // null: default_palette()
};

struct CanvasResult {
    UnionIndex hovered = kNoUnionEvent;
    UnionIndex clicked = kNoUnionEvent;       // left click on an event
    UnionIndex ctrl_clicked = kNoUnionEvent;  // Ctrl+left click on an event
    bool clicked_background = false;          // left click away from every event
    bool is_hovered = false;                  // the pointer is over the canvas
    DetailLevel detail = DetailLevel::Far;
    std::size_t drawn_events = 0;             // shapes submitted this frame (culling check)
    std::size_t drawn_edges = 0;
    ImVec2 canvas_min_px{0, 0};               // where the canvas was drawn (screen space)
    ImVec2 canvas_size_px{0, 0};
};

CanvasResult draw_graph_canvas(const GraphModel& model, const Layout& layout, Camera& camera,
                               const CanvasOptions& options, const Highlights& highlights);

// The event nearest to `point_px` (screen space) within `radius_px`, measured on screen so it is
// equally reliable at every zoom; kNoUnionEvent if none. With `hide_unknown_to` set, events that
// node lacks are ignored (ghosts hidden).
UnionIndex pick_event(const GraphModel& model, const Layout& layout, const Camera& camera, ImVec2 point_px,
                      float radius_px, SourceIndex hide_unknown_to = kNoSource);

DetailLevel detail_level(const Layout& layout, const Camera& camera);

// Events of the union that `perspective` has not received yet (its knowledge horizon); 0 for
// kNoSource.
std::size_t ghost_count(const GraphModel& model, SourceIndex perspective);

// The hover tooltip for one event (name, creator, cause, payload, parents, knowledge, observer,
// meta-votes), seen from `perspective`. Call where a tooltip is wanted, e.g. an event list row.
void draw_event_tooltip(const GraphModel& model, UnionIndex u, SourceIndex perspective);

// A standalone minimap widget of `size_px`: the whole graph, the view's rectangle; click or drag
// to move the view there.
void draw_minimap(const GraphModel& model, const Layout& layout, Camera& camera, ImVec2 size_px,
                  const Palette& palette = default_palette());

// Every colour and shape the canvas uses, with what it means.
void draw_legend(const GraphModel* model = nullptr, const Palette& palette = default_palette());

// (keys, what they do), for the app's help overlay.
std::vector<std::pair<std::string, std::string>> canvas_gestures();

}  // namespace parsec::viz
