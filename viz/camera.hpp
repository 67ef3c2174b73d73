// The graph canvas camera: which part of graph space is shown, and how big. Three named spaces:
//   graph  — layout coordinates (viz/graph_space.hpp), in graph units;
//   canvas — pixels from the canvas's top-left corner;
//   screen — ImGui's absolute pixels (what io.MousePos and draw lists use).
// The two axes scale separately (time can be squeezed without shrinking lanes), and the camera is
// a plain value: only set_viewport_screen needs the canvas's place on screen each frame.
#pragma once
#include <imgui.h>

#include "viz/graph_space.hpp"

namespace parsec::viz {

class Layout;

class Camera {
public:
    static constexpr float kScaleMin = 1e-4f;  // pixels per graph unit
    static constexpr float kScaleMax = 8.0f;

    // Where the canvas is this frame; draw_graph_canvas sets it before drawing.
    void set_viewport_screen(ImVec2 min_px, ImVec2 size_px);
    ImVec2 viewport_min_screen() const { return viewport_min_px_; }
    ImVec2 viewport_size_px() const { return viewport_size_px_; }

    ImVec2 graph_to_canvas(GraphPoint p) const;
    GraphPoint canvas_to_graph(ImVec2 p_px) const;
    ImVec2 canvas_to_screen(ImVec2 p_px) const;
    ImVec2 screen_to_canvas(ImVec2 p_px) const;
    ImVec2 graph_to_screen(GraphPoint p) const { return canvas_to_screen(graph_to_canvas(p)); }
    GraphPoint screen_to_graph(ImVec2 p_px) const { return canvas_to_graph(screen_to_canvas(p_px)); }
    // The part of graph space the viewport shows.
    GraphRect visible_graph_rect() const;

    float scale_x() const { return scale_x_; }
    float scale_y() const { return scale_y_; }
    void set_scale(float scale_x, float scale_y);
    GraphPoint origin() const { return origin_; }   // graph point at the canvas's top-left
    void set_origin(GraphPoint p) { origin_ = p; }

    // Moves the view with the pointer (a drag of delta_px moves the content by delta_px).
    void pan_by_screen(ImVec2 delta_px);
    // Zooms by `factor` keeping the graph point under anchor_px fixed; `time_only` zooms y only.
    void zoom_at_screen(ImVec2 anchor_px, float factor, bool time_only = false);
    // Shows all of `content`, each axis scaled to fit (lanes never wider than at scale 1).
    void fit(const GraphRect& content);
    // Puts a graph point at the viewport's centre, keeping the scale.
    void center_on(GraphPoint p);
    // Scrolls so the newest rank is just below the top edge (time grows upward), keeping scale.
    void show_latest(const Layout& layout);
    // First view of a graph: lanes fill the width (scale ≤ 1, equal on both axes), newest on top.
    void reset_to(const Layout& layout);

    bool is_initialised() const { return is_initialised_; }
    // While set, every drawn frame scrolls to the newest events; panning clears it.
    bool follow_latest = false;

private:
    ImVec2 viewport_min_px_{0, 0};
    ImVec2 viewport_size_px_{1, 1};
    GraphPoint origin_{};
    float scale_x_ = 1.0f;
    float scale_y_ = 1.0f;
    bool is_initialised_ = false;
};

}  // namespace parsec::viz
