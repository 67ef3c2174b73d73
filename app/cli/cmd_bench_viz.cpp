// `parsec-debugger bench-viz [--frames N] [--events N] [--nodes 4,16,48] [FILE]`: how long the
// gossip-graph view takes to build one frame's draw lists, with no window and no GL (a bare
// ImGui context, the same canvas code the Graph panel calls), for simulated clusters of several
// sizes with about N events in view; and how long opening the largest reference dump takes up to
// the first drawn frame. Prints figures; it is a benchmark, not a test.
#if PARSEC_HAS_GUI
#include <CLI/CLI.hpp>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "cli/command_registry.hpp"
#include "cli/file_text.hpp"
#include "dot/dot_export.hpp"
#include "dot/dot_file.hpp"
#include "io/atomic_file.hpp"
#include "session/dot_session.hpp"
#include "sim/simulation.hpp"
#include "viz/graph_canvas.hpp"

namespace parsec::app {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

struct BenchVizOptions {
    int frames = 60;
    int events = 10000;
    std::vector<int> nodes{4, 16, 48};
    std::string dump;
    std::string export_dot;  // writes the first node's dump of each cluster here (for screenshots)
    int width_px = 1600;
    int height_px = 1000;
};

// A headless ImGui context: fonts built into a CPU-side atlas, never uploaded anywhere.
class BareImGui {
public:
    BareImGui(int width_px, int height_px) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(width_px), static_cast<float>(height_px));
        io.DeltaTime = 1.0f / 60.0f;
        // As the app's OpenGL3 backend does: lets a draw list pass 64k vertices (16-bit indices).
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~BareImGui() { ImGui::DestroyContext(); }
    BareImGui(const BareImGui&) = delete;
    BareImGui& operator=(const BareImGui&) = delete;
};

struct FrameFigures {
    double median_ms = 0;
    double max_ms = 0;
    viz::CanvasResult last;
    int vertices = 0;
};

// Draws `frames` frames of the canvas filling the display; times NewFrame..Render.
FrameFigures time_frames(const viz::GraphModel& model, const viz::Layout& layout, viz::Camera& camera,
                         const viz::CanvasOptions& options, const viz::Highlights& highlights, int frames) {
    std::vector<double> ms;
    FrameFigures f;
    for (int i = 0; i < frames; ++i) {
        const auto t0 = Clock::now();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        f.last = viz::draw_graph_canvas(model, layout, camera, options, highlights);
        ImGui::End();
        ImGui::Render();
        ms.push_back(ms_since(t0));
    }
    f.vertices = ImGui::GetDrawData()->TotalVtxCount;
    std::sort(ms.begin(), ms.end());
    f.median_ms = ms[ms.size() / 2];
    f.max_ms = ms.back();
    return f;
}

std::vector<const node::Node*> nodes_of(const sim::Simulation& s) {
    std::vector<const node::Node*> out;
    for (const auto& n : s.cluster().nodes())
        if (n.engine) out.push_back(&*n.engine);
    return out;
}

int bench_cluster(int node_count, const BenchVizOptions& o) {
    sim::SimConfig config;
    config.seed = 1;
    config.genesis_count = static_cast<std::uint16_t>(node_count);
    config.identities = crypto::IdentityKind::Mock;
    config.ticks_max = 1000000;
    auto created = sim::Simulation::create(config);
    if (!created.ok()) {
        std::fprintf(stderr, "bench-viz: %d nodes: %s\n", node_count, created.error().to_string().c_str());
        return 1;
    }
    sim::Simulation s = std::move(created.value());
    // Grow the cluster until the union graph holds the wanted number of events.
    const auto t_sim = Clock::now();
    viz::GraphModel model;
    while (s.run_tick()) {
        if (s.tick() % 8 != 0) continue;
        model.update(nodes_of(s));
        if (model.event_count() >= static_cast<std::size_t>(o.events)) break;
    }
    model.update(nodes_of(s));
    const double sim_ms = ms_since(t_sim);
    const auto t_layout = Clock::now();
    viz::GraphModel fresh;
    fresh.update(nodes_of(s));
    viz::Layout layout;
    layout.update(fresh);
    const double model_layout_ms = ms_since(t_layout);

    viz::Camera camera;
    camera.set_viewport_screen(ImVec2(0, 0), ImVec2(static_cast<float>(o.width_px), static_cast<float>(o.height_px)));
    camera.fit(layout.bounds());  // every event in view
    viz::CanvasOptions options;
    options.perspective = 0;
    viz::Highlights none;
    const FrameFigures fit = time_frames(fresh, layout, camera, options, none, o.frames);
    // The same frame with the newest event selected: halos over what it sees.
    viz::Highlights selected;
    const auto t_select = Clock::now();
    viz::update_highlights(selected, fresh, 0, static_cast<viz::UnionIndex>(fresh.event_count() - 1), viz::kNoUnionEvent);
    const double select_ms = ms_since(t_select);  // once per click: sees / strongly sees of the newest event
    const FrameFigures sel = time_frames(fresh, layout, camera, options, selected, o.frames);
    // Zoomed in to shapes and edges (medium detail) on the newest ranks.
    viz::Camera close;
    close.set_viewport_screen(ImVec2(0, 0), ImVec2(static_cast<float>(o.width_px), static_cast<float>(o.height_px)));
    close.reset_to(layout);
    close.set_scale(close.scale_x(), 0.4f);
    close.show_latest(layout);
    close.follow_latest = false;
    const FrameFigures medium = time_frames(fresh, layout, close, options, none, o.frames);

    std::printf("RESULT nodes=%d lanes=%zu events=%zu ticks=%llu sim_ms=%.0f model_layout_ms=%.2f select_ms=%.2f\n",
                node_count, fresh.lane_count(), fresh.event_count(), static_cast<unsigned long long>(s.tick()), sim_ms,
                model_layout_ms, select_ms);
    auto line = [](const char* what, const FrameFigures& f) {
        std::printf("  %-22s detail=%-6s drawn_events=%zu drawn_edges=%zu vertices=%d frame_median_ms=%.3f frame_max_ms=%.3f\n",
                    what, viz::detail_level_name(f.last.detail), f.last.drawn_events, f.last.drawn_edges, f.vertices,
                    f.median_ms, f.max_ms);
    };
    line("fit (all in view)", fit);
    line("fit + selection", sel);
    line("zoomed (newest ranks)", medium);
    std::fflush(stdout);
    if (!o.export_dot.empty()) {
        const std::string path = o.export_dot + "." + std::to_string(node_count) + ".dot";
        const std::string text = dot::write_dot(dot::export_node(*nodes_of(s).front()));
        if (auto st = write_file_atomically(path, text); !st.ok()) {
            std::fprintf(stderr, "bench-viz: %s\n", st.error().to_string().c_str());
            return 1;
        }
        std::printf("  wrote %s\n", path.c_str());
    }
    return 0;
}

int bench_open(const std::string& path, const BenchVizOptions& o) {
    const auto t0 = Clock::now();
    auto text = read_text_file(path);
    if (!text.ok()) {
        std::fprintf(stderr, "bench-viz: %s\n", text.error().to_string().c_str());
        return 1;
    }
    auto session = DotSession::open(path, text.value());
    if (!session.ok()) {
        std::fprintf(stderr, "bench-viz: %s\n", session.error().to_string().c_str());
        return 1;
    }
    const double open_ms = ms_since(t0);
    const auto t1 = Clock::now();
    viz::GraphModel model;
    std::vector<const node::Node*> nodes{&session.value()->node(0)};
    model.update(nodes);
    viz::Layout layout;
    layout.update(model);
    viz::Camera camera;
    viz::CanvasOptions options;
    options.perspective = 0;
    const FrameFigures first = time_frames(model, layout, camera, options, viz::Highlights{}, 1);
    const double first_frame_ms = ms_since(t1);
    std::printf("RESULT open=%s events=%zu lanes=%zu open_and_replay_ms=%.1f model_layout_first_frame_ms=%.1f total_ms=%.1f "
                "(frame %.3f ms)\n",
                path.c_str(), model.event_count(), model.lane_count(), open_ms, first_frame_ms, open_ms + first_frame_ms,
                first.median_ms);
    (void)o;
    return 0;
}

int run_bench_viz(const BenchVizOptions& o) {
    BareImGui imgui(o.width_px, o.height_px);
    int status = 0;
    for (int n : o.nodes) status |= bench_cluster(n, o);
    if (!o.dump.empty()) status |= bench_open(o.dump, o);
    std::printf("target: frame_median_ms < 4 with 10,000 events in view\n");
    return status;
}

RegisterCommand reg("bench-viz", [](CLI::App& root) -> std::function<int()> {
    auto opts = std::make_shared<BenchVizOptions>();
    auto* cmd = root.add_subcommand("bench-viz", "Time the graph view's draw lists (no window) and opening a dump");
    cmd->add_option("FILE", opts->dump, "A reference .dot dump to time opening (e.g. the largest)")->check(CLI::ExistingFile);
    cmd->add_option("--frames", opts->frames, "Frames timed per case (default 60)")->check(CLI::Range(1, 100000));
    cmd->add_option("--events", opts->events, "Union events to grow each cluster to (default 10000)")
        ->check(CLI::Range(10, 1000000));
    cmd->add_option("--export-dot", opts->export_dot, "Also write node 0's dump of each cluster to PREFIX.<nodes>.dot");
    cmd->add_option("--nodes", opts->nodes, "Cluster sizes (default 4 16 48)")->delimiter(',')->check(CLI::Range(1, 200));
    return [opts] { return run_bench_viz(*opts); };
});

}  // namespace
}  // namespace parsec::app
#endif
