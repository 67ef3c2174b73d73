// The gossip-graph view's state across frames: the union model of the session's nodes, its
// layout, the camera and the selection overlays. A service (not the panel) so that the F key's
// FitView intent reaches it and scripted runs can report what the view shows on the STATE line.
#pragma once
#include <optional>
#include <string>

#include "panels/session_service.hpp"
#include "shell/service.hpp"
#include "viz/graph_canvas.hpp"

namespace parsec::app {

class GraphViewService final : public ShellService {
public:
    const char* name() const override { return "Graph view"; }
    void begin_frame(ShellContext& ctx) override;
    bool handle_intent(const Intent& intent, ShellContext& ctx) override;
    void write_state(StateLine& out) const override;

    // Brings model, layout and overlays up to date with the session and the selection.
    void sync(const Session& session, const Selection& selection);
    // Centres the camera on the event with this hash (if the union has it).
    bool center_on(const core::Hash32& hash);
    // Shows both events, zooming out only if they do not fit at the current scale.
    void frame_pair(const core::Hash32& a, const core::Hash32& b);
    // Writes the canvas area of the window to `path` as a PNG once it has been rendered.
    void request_export(std::string path, ShellContext& ctx);
    viz::UnionIndex union_of(const std::optional<core::Hash32>& hash) const;

    viz::GraphModel model;
    viz::Layout layout;
    viz::Camera camera;
    viz::Highlights highlights;
    viz::CanvasOptions options;
    viz::CanvasResult last_result;  // the canvas's last frame
    bool is_fit_requested = false;
    bool is_legend_shown = false;
    bool is_ctrl_scripted = false;  // `graph-click EVENT ctrl`: the next click is a Ctrl+click
    std::optional<core::Hash32> last_centred;  // selection already brought into view
    std::optional<core::Hash32> last_framed_second;

private:
    struct PendingExport {
        std::string path;
        std::string window_png;  // the whole window, written by the shell's PNG export
        int frames_waited = 0;
        ImVec2 min{0, 0};
        ImVec2 size{0, 0};
    };
    void finish_export(ShellContext& ctx);

    const Session* session_seen_ = nullptr;
    std::string perspective_name_;
    std::optional<PendingExport> export_;
};

}  // namespace parsec::app
