#include "panels/graph_view_service.hpp"

#include <stb_image.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "platform/screenshot.hpp"
#include "shell/intents.hpp"
#include "shell/shell_context.hpp"
#include "shell/state_line.hpp"

namespace parsec::app {

namespace {
const RegisterService register_graph_view{[] { return std::make_unique<GraphViewService>(); }};
}

void GraphViewService::sync(const Session& session, const Selection& selection) {
    if (&session != session_seen_) {
        // Another session: nothing of the old one is valid, and its first view is "newest on top".
        model.clear();
        camera = viz::Camera{};
        last_centred.reset();
        last_framed_second.reset();
        session_seen_ = &session;
    }
    std::vector<const node::Node*> nodes;
    nodes.reserve(session.node_count());
    for (size_t i = 0; i < session.node_count(); ++i) nodes.push_back(&session.node(i));
    model.update(nodes);
    layout.update(model);
    options.perspective = selection.perspective < model.source_count() ? static_cast<viz::SourceIndex>(selection.perspective)
                                                                       : viz::kNoSource;
    perspective_name_ = selection.perspective < session.node_count() ? session.node_name(selection.perspective) : "-";
    viz::update_highlights(highlights, model, options.perspective, union_of(selection.first), union_of(selection.second));
}

viz::UnionIndex GraphViewService::union_of(const std::optional<core::Hash32>& hash) const {
    return hash ? model.find(*hash) : viz::kNoUnionEvent;
}

bool GraphViewService::center_on(const core::Hash32& hash) {
    const viz::UnionIndex u = model.find(hash);
    if (u == viz::kNoUnionEvent || u >= layout.event_count()) return false;
    // Centre vertically; sideways only as far as the lanes reach, so no half-empty view.
    const float x_before = camera.origin().x;
    camera.center_on(layout.position(u));
    const viz::GraphRect b = layout.bounds();
    const float view_w = camera.viewport_size_px().x / camera.scale_x();
    const float x = b.width() <= view_w ? x_before : std::clamp(camera.origin().x, b.min.x, b.max.x - view_w);
    camera.set_origin(viz::GraphPoint{x, camera.origin().y});
    camera.follow_latest = false;
    return true;
}

void GraphViewService::frame_pair(const core::Hash32& a, const core::Hash32& b) {
    const viz::UnionIndex ua = model.find(a);
    const viz::UnionIndex ub = model.find(b);
    if (ua == viz::kNoUnionEvent || ub == viz::kNoUnionEvent || ua >= layout.event_count() || ub >= layout.event_count())
        return;
    const viz::GraphPoint pa = layout.position(ua);
    const viz::GraphPoint pb = layout.position(ub);
    // Margins: a row above and below, half a lane each side, plus the lane-header strip.
    const float mx = layout.options().lane_spacing * 0.5f;
    const float my = layout.options().row_spacing * 1.5f;
    const viz::GraphRect box{{std::min(pa.x, pb.x) - mx, std::min(pa.y, pb.y) - my},
                             {std::max(pa.x, pb.x) + mx, std::max(pa.y, pb.y) + my}};
    const ImVec2 view = camera.viewport_size_px();
    const float sx = std::min(camera.scale_x(), view.x / std::max(box.width(), 1.0f));
    const float sy = std::min(camera.scale_y(), (view.y - 30.0f) / std::max(box.height(), 1.0f));
    camera.set_scale(sx, sy);
    camera.center_on(viz::GraphPoint{(box.min.x + box.max.x) * 0.5f, (box.min.y + box.max.y) * 0.5f});
    camera.follow_latest = false;
}

bool GraphViewService::handle_intent(const Intent& intent, ShellContext& ctx) {
    (void)ctx;
    if (intent.kind != IntentKind::FitView) return false;
    is_fit_requested = true;
    return true;
}

void GraphViewService::request_export(std::string path, ShellContext& ctx) {
    // The shell writes the whole window after this frame's render; we crop the canvas from it.
    PendingExport e;
    e.path = std::move(path);
    e.window_png = e.path + ".window.tmp.png";
    e.min = last_result.canvas_min_px;
    e.size = last_result.canvas_size_px;
    ctx.push_intent(IntentKind::ExportPng, e.window_png);
    export_ = std::move(e);
}

void GraphViewService::begin_frame(ShellContext& ctx) {
    if (export_) finish_export(ctx);
}

void GraphViewService::finish_export(ShellContext& ctx) {
    PendingExport& e = *export_;
    std::error_code ec;
    if (!std::filesystem::exists(e.window_png, ec)) {
        if (++e.frames_waited > 10) {
            ctx.warn("Could not export the graph to " + e.path + ": the window was not captured");
            export_.reset();
        }
        return;
    }
    int w = 0, h = 0, channels = 0;
    unsigned char* rgba = stbi_load(e.window_png.c_str(), &w, &h, &channels, 4);
    std::filesystem::remove(e.window_png, ec);
    if (!rgba) {
        ctx.warn("Could not export the graph to " + e.path + ": cannot read the captured window");
        export_.reset();
        return;
    }
    const int x0 = std::clamp(static_cast<int>(e.min.x), 0, w - 1);
    const int y0 = std::clamp(static_cast<int>(e.min.y), 0, h - 1);
    const int x1 = std::clamp(static_cast<int>(e.min.x + e.size.x), x0 + 1, w);
    const int y1 = std::clamp(static_cast<int>(e.min.y + e.size.y), y0 + 1, h);
    Image crop;
    crop.width_px = x1 - x0;
    crop.height_px = y1 - y0;
    crop.rgba.reserve(static_cast<size_t>(crop.width_px) * static_cast<size_t>(crop.height_px) * 4);
    for (int y = y0; y < y1; ++y) {
        const unsigned char* row = rgba + (static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x0)) * 4;
        crop.rgba.insert(crop.rgba.end(), row, row + static_cast<size_t>(crop.width_px) * 4);
    }
    stbi_image_free(rgba);
    if (auto st = write_png(crop, e.path); st.ok()) ctx.set_status("Exported the graph to " + e.path);
    else ctx.warn("Could not export the graph: " + st.error().to_string());
    export_.reset();
}

void GraphViewService::write_state(StateLine& out) const {
    if (!session_seen_) return;
    out.add("graph_events", static_cast<long long>(model.event_count()));
    out.add("graph_lanes", static_cast<long long>(model.lane_count()));
    out.add("graph_perspective", perspective_name_);
    out.add("graph_ghosts", static_cast<long long>(viz::ghost_count(model, options.perspective)));
    out.add("graph_detail", viz::detail_level_name(last_result.detail));
    out.add("graph_drawn", static_cast<long long>(last_result.drawn_events));
    char rect[96];
    std::snprintf(rect, sizeof rect, "%d,%d,%d,%d", static_cast<int>(last_result.canvas_min_px.x),
                  static_cast<int>(last_result.canvas_min_px.y), static_cast<int>(last_result.canvas_size_px.x),
                  static_cast<int>(last_result.canvas_size_px.y));
    out.add("graph_canvas", rect);
    char view[128];
    std::snprintf(view, sizeof view, "%.3f,%.3f,%.5f,%.5f", camera.origin().x, camera.origin().y, camera.scale_x(),
                  camera.scale_y());
    out.add("graph_view", view);
    out.add("graph_hovered", last_result.hovered == viz::kNoUnionEvent ? std::string("-") : model.event_name(last_result.hovered));
    out.add("graph_selected", highlights.selected == viz::kNoUnionEvent ? std::string("-") : model.event_name(highlights.selected));
    if (highlights.selected != viz::kNoUnionEvent && highlights.selected < layout.event_count()) {
        const ImVec2 p = camera.graph_to_screen(layout.position(highlights.selected));
        std::snprintf(rect, sizeof rect, "%d,%d", static_cast<int>(p.x), static_cast<int>(p.y));
        out.add("graph_selected_px", rect);
        long long seen = 0, strongly = 0;
        for (std::uint8_t f : highlights.flags) {
            seen += (f & viz::kHighlightSeen) != 0;
            strongly += (f & viz::kHighlightStronglySeen) != 0;
        }
        out.add("graph_sees", seen);
        out.add("graph_strongly_sees", strongly);
    }
    if (!highlights.has_pair) return;
    out.add("pair", model.event_name(highlights.pair_x) + "," + model.event_name(highlights.pair_y));
    out.add("pair_sees", highlights.sees ? 1 : 0);
    out.add("pair_strongly_sees", highlights.strongly_sees ? 1 : 0);
    out.add("pair_blocked_by_fork", highlights.blocked_by_fork ? 1 : 0);
    std::string creators;
    for (viz::LaneIndex l : highlights.carrier_lanes)
        creators += (creators.empty() ? "" : ",") + (l == viz::kNoLane ? std::string("?") : model.lane(l).short_name);
    out.add("pair_creators", creators.empty() ? "-" : creators);
    out.add("pair_voters", static_cast<long long>(highlights.voter_count));
    out.add("pair_needed", static_cast<long long>(highlights.needed));
    long long path_events = 0;
    for (const auto& path : highlights.carrier_paths) path_events += static_cast<long long>(path.size());
    out.add("pair_path_events", path_events);
    std::string forks;
    for (viz::UnionIndex u : highlights.blocking_forks) forks += (forks.empty() ? "" : ",") + model.event_name(u);
    out.add("pair_blocking_forks", forks.empty() ? "-" : forks);
}

}  // namespace parsec::app
