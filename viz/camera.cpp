// Camera transforms. Each conversion is one affine map per axis, so the round trips in
// tests/viz are exact up to float rounding.
#include "viz/camera.hpp"

#include <algorithm>

#include "core/assert.hpp"
#include "viz/layout.hpp"

namespace parsec::viz {

void Camera::set_viewport_screen(ImVec2 min_px, ImVec2 size_px) {
    viewport_min_px_ = min_px;
    // A zero-sized canvas (a collapsed panel) would make fit() divide by zero.
    viewport_size_px_ = ImVec2(std::max(size_px.x, 1.0f), std::max(size_px.y, 1.0f));
}

ImVec2 Camera::graph_to_canvas(GraphPoint p) const {
    return ImVec2((p.x - origin_.x) * scale_x_, (p.y - origin_.y) * scale_y_);
}

GraphPoint Camera::canvas_to_graph(ImVec2 p_px) const {
    return GraphPoint{origin_.x + p_px.x / scale_x_, origin_.y + p_px.y / scale_y_};
}

ImVec2 Camera::canvas_to_screen(ImVec2 p_px) const {
    return ImVec2(p_px.x + viewport_min_px_.x, p_px.y + viewport_min_px_.y);
}

ImVec2 Camera::screen_to_canvas(ImVec2 p_px) const {
    return ImVec2(p_px.x - viewport_min_px_.x, p_px.y - viewport_min_px_.y);
}

GraphRect Camera::visible_graph_rect() const {
    return GraphRect{origin_, canvas_to_graph(viewport_size_px_)};
}

void Camera::set_scale(float scale_x, float scale_y) {
    scale_x_ = std::clamp(scale_x, kScaleMin, kScaleMax);
    scale_y_ = std::clamp(scale_y, kScaleMin, kScaleMax);
}

void Camera::pan_by_screen(ImVec2 delta_px) {
    origin_.x -= delta_px.x / scale_x_;
    origin_.y -= delta_px.y / scale_y_;
}

void Camera::zoom_at_screen(ImVec2 anchor_px, float factor, bool time_only) {
    PARSEC_ASSERT(factor > 0.0f, "zoom factor is positive");
    const ImVec2 anchor_canvas = screen_to_canvas(anchor_px);
    const GraphPoint anchor = canvas_to_graph(anchor_canvas);
    set_scale(time_only ? scale_x_ : scale_x_ * factor, scale_y_ * factor);
    // Put the anchor's graph point back under the pointer.
    origin_.x = anchor.x - anchor_canvas.x / scale_x_;
    origin_.y = anchor.y - anchor_canvas.y / scale_y_;
}

void Camera::fit(const GraphRect& content) {
    const float w = std::max(content.width(), 1e-3f);
    const float h = std::max(content.height(), 1e-3f);
    set_scale(std::min(viewport_size_px_.x / w, 1.0f), std::min(viewport_size_px_.y / h, 1.0f));
    center_on(GraphPoint{(content.min.x + content.max.x) * 0.5f, (content.min.y + content.max.y) * 0.5f});
    follow_latest = false;
    is_initialised_ = true;
}

void Camera::center_on(GraphPoint p) {
    origin_.x = p.x - viewport_size_px_.x * 0.5f / scale_x_;
    origin_.y = p.y - viewport_size_px_.y * 0.5f / scale_y_;
}

void Camera::show_latest(const Layout& layout) {
    // One row of margin above the newest event; lane headers take the top strip of the canvas.
    const float header_px = 28.0f;
    origin_.y = layout.rank_y(layout.rank_max() + 1) - header_px / scale_y_;
}

void Camera::reset_to(const Layout& layout) {
    const GraphRect b = layout.bounds();
    const float s = std::min(viewport_size_px_.x / std::max(b.width(), 1e-3f), 1.0f);
    set_scale(s, s);
    origin_.x = b.min.x - (viewport_size_px_.x / scale_x_ - b.width()) * 0.5f;
    show_latest(layout);
    follow_latest = true;
    is_initialised_ = true;
}

}  // namespace parsec::viz
