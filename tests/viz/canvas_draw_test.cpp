// The canvas drawn into a bare ImGui context (no window, no GL), as bench-viz does: culling
// draws every event inside the view and nothing far outside it, at every level of detail.
#include <gtest/gtest.h>
#include <imgui.h>

#include "cluster_fixture.hpp"
#include "viz/graph_canvas.hpp"

namespace parsec::viz {
namespace {

using testing::nodes_of;
using testing::run_cluster;

class BareImGui : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1000, 800);
        io.DeltaTime = 1.0f / 60.0f;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    CanvasResult draw(const GraphModel& model, const Layout& layout, Camera& camera, const CanvasOptions& options) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("canvas test", nullptr, ImGuiWindowFlags_NoDecoration);
        CanvasResult r = draw_graph_canvas(model, layout, camera, options, Highlights{});
        ImGui::End();
        ImGui::Render();
        return r;
    }
};

// The union graph of a cluster's nodes and its layout.
void model_and_layout(const sim::Simulation& s, GraphModel& model, Layout& layout) {
    model.update(nodes_of(s));
    layout.update(model);
}

// Events whose centre lies inside the canvas, grown by `margin_px` on every side.
std::size_t events_inside(const GraphModel& model, const Layout& layout, const Camera& c, float margin_px,
                          SourceIndex only_ghosts_of = kNoSource) {
    const ImVec2 min = c.viewport_min_screen();
    const ImVec2 size = c.viewport_size_px();
    std::size_t n = 0;
    for (UnionIndex u = 0; u < model.event_count(); ++u) {
        if (only_ghosts_of != kNoSource && model.is_known_by(only_ghosts_of, u)) continue;
        const ImVec2 p = c.graph_to_screen(layout.position(u));
        n += p.x >= min.x - margin_px && p.x <= min.x + size.x + margin_px && p.y >= min.y - margin_px &&
             p.y <= min.y + size.y + margin_px;
    }
    return n;
}

TEST_F(BareImGui, CullingDrawsWhatIsInViewAtEveryDetailLevel) {
    const sim::Simulation s = run_cluster(4, 200, 41);
    GraphModel model;
    Layout layout;
    model_and_layout(s, model, layout);
    CanvasOptions options;
    options.perspective = 0;
    Camera camera;
    draw(model, layout, camera, options);  // first frame sizes the viewport
    camera.fit(layout.bounds());
    CanvasResult fit = draw(model, layout, camera, options);
    if (fit.detail != DetailLevel::Far) {
        EXPECT_EQ(fit.drawn_events, model.event_count()) << "fit shows every event";
    }
    bool saw_medium = false, saw_near = false;
    for (float zoom : {2.0f, 4.0f, 8.0f, 16.0f, 40.0f}) {
        Camera c = camera;
        c.zoom_at_screen(ImVec2(500, 400), zoom);
        const CanvasResult r = draw(model, layout, c, options);
        if (r.detail == DetailLevel::Far) continue;
        saw_medium |= r.detail == DetailLevel::Medium;
        saw_near |= r.detail == DetailLevel::Near;
        const float row_px = layout.options().row_spacing * c.scale_y();
        // Everything inside is drawn; nothing beyond a row (plus the lane's width) outside is.
        EXPECT_GE(r.drawn_events, events_inside(model, layout, c, 0.0f)) << "zoom " << zoom;
        EXPECT_LE(r.drawn_events, events_inside(model, layout, c, row_px + layout.options().lane_spacing * c.scale_x()))
            << "zoom " << zoom;
        EXPECT_LT(r.drawn_events, model.event_count()) << "zoom " << zoom << " culls";
    }
    EXPECT_TRUE(saw_medium);
    EXPECT_TRUE(saw_near);
}

TEST_F(BareImGui, HiddenGhostsAreNotDrawn) {
    const sim::Simulation s = run_cluster(4, 90, 11);
    GraphModel model;
    Layout layout;
    model_and_layout(s, model, layout);
    SourceIndex behind = 0;
    for (SourceIndex src = 0; src < model.source_count(); ++src)
        if (ghost_count(model, src) > ghost_count(model, behind)) behind = src;
    ASSERT_GT(ghost_count(model, behind), 0u);
    CanvasOptions options;
    options.perspective = behind;
    Camera camera;
    draw(model, layout, camera, options);
    camera.reset_to(layout);  // newest on top, where a lagging node's ghosts are
    const CanvasResult with = draw(model, layout, camera, options);
    options.show_ghosts = false;
    const CanvasResult without = draw(model, layout, camera, options);
    ASSERT_NE(with.detail, DetailLevel::Far);
    const float margin = layout.options().row_spacing * camera.scale_y() + layout.options().lane_spacing * camera.scale_x();
    const std::size_t ghosts_in = events_inside(model, layout, camera, 0.0f, behind);
    ASSERT_GT(ghosts_in, 0u) << "the newest events include some the node lacks";
    EXPECT_GE(with.drawn_events - without.drawn_events, ghosts_in);
    EXPECT_LE(with.drawn_events - without.drawn_events, events_inside(model, layout, camera, margin, behind));
}

}  // namespace
}  // namespace parsec::viz
