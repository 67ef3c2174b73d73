// The Center slot: the gossip graph of the open session, one lane per peer, drawn from the
// perspective node's view with what it has not received yet as ghosts. A thin toolbar above the
// canvas chooses whose view is drawn and what is shown; the canvas itself is viz/.
#include <imgui.h>

#include "panels/graph_view_service.hpp"
#include "panels/session_service.hpp"
#include "shell/intents.hpp"
#include "shell/panel.hpp"
#include "shell/shell_context.hpp"

namespace parsec::app {
namespace {

void draw_perspective_combo(Session& session, Selection& selection) {
    ImGui::TextUnformatted("View of");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    const std::string current = selection.perspective < session.node_count() ? session.node_name(selection.perspective) : "-";
    if (ImGui::BeginCombo("##perspective", current.c_str())) {
        for (size_t i = 0; i < session.node_count(); ++i)
            if (ImGui::Selectable(session.node_name(i).c_str(), i == selection.perspective)) selection.perspective = i;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Whose gossip graph is drawn: events that node has not received yet are ghosts, and\n"
                          "observers, interesting events and decisions are that node's own.");
}

void draw_toolbar(ShellContext& ctx, Session& session, Selection& selection, GraphViewService& g) {
    draw_perspective_combo(session, selection);
    ImGui::SameLine();
    if (ImGui::Button("Show...")) ImGui::OpenPopup("##graph_show");
    if (ImGui::BeginPopup("##graph_show")) {
        ImGui::Checkbox("Ghosts (events the viewed node lacks)", &g.options.show_ghosts);
        ImGui::Checkbox("Event names (zoomed in)", &g.options.show_labels);
        ImGui::Checkbox("Vote payloads", &g.options.show_payloads);
        ImGui::Checkbox("Other-parent edges", &g.options.show_other_parent_edges);
        ImGui::Checkbox("Fade what the selection does not see", &g.options.dim_unrelated);
        ImGui::Checkbox("Minimap", &g.options.show_minimap);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::Checkbox("Legend", &g.is_legend_shown);
    ImGui::SameLine();
    if (ImGui::Button("Fit (F)")) g.is_fit_requested = true;
    ImGui::SameLine();
    if (ImGui::Button("Latest")) g.camera.reset_to(g.layout);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Follow the newest events (newest on top)");
    ImGui::SameLine();
    if (ImGui::Button("Export PNG")) g.request_export("parsec-graph.png", ctx);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Write the graph view as parsec-graph.png");
    ImGui::SameLine();
    ImGui::TextDisabled("%zu events, %zu ghosts", g.model.event_count(), viz::ghost_count(g.model, g.options.perspective));
}

void draw_legend_overlay(const GraphViewService& g, ImVec2 canvas_min, ImVec2 canvas_size) {
    const float height = std::min(canvas_size.y - 40.0f, 560.0f);
    ImGui::SetCursorScreenPos(ImVec2(canvas_min.x + 8.0f, canvas_min.y + 30.0f));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.09f, 0.10f, 0.12f, 0.94f));
    if (ImGui::BeginChild("##graph_legend", ImVec2(330.0f, height), true)) viz::draw_legend(&g.model);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

class GraphPanel final : public Panel {
public:
    const char* name() const override { return "Graph"; }
    PanelSlot slot() const override { return PanelSlot::Center; }
    int order() const override { return 0; }
    int window_flags() const override { return ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse; }

    void draw(ShellContext& ctx) override {
        auto* s = ctx.find_service<SessionService>();
        auto* g = ctx.find_service<GraphViewService>();
        if (!g || !s || !s->session()) {
            ImGui::TextWrapped("No session. Open a recording or a reference .dot dump (Ctrl+O) to see its gossip graph.");
            return;
        }
        Session& session = *s->session();
        Selection& selection = s->selection();
        g->sync(session, selection);
        draw_toolbar(ctx, session, selection, *g);
        g->sync(session, selection);  // the perspective may just have changed

        // A selection made elsewhere (inspector, script) is brought into view once; a pair is
        // framed together so its carrier paths can be followed.
        if (selection.first && selection.first != g->last_centred) {
            if (g->center_on(*selection.first)) g->last_centred = selection.first;
        }
        if (selection.second && selection.second != g->last_framed_second) {
            g->frame_pair(*selection.first, *selection.second);
            g->last_framed_second = selection.second;
        }
        if (g->is_fit_requested) {
            g->camera.fit(g->layout.bounds());
            g->is_fit_requested = false;
        }
        g->options.ctrl_held = g->is_ctrl_scripted;
        g->last_result = viz::draw_graph_canvas(g->model, g->layout, g->camera, g->options, g->highlights);
        apply_clicks(*g, selection);
        if (g->is_legend_shown) draw_legend_overlay(*g, g->last_result.canvas_min_px, g->last_result.canvas_size_px);
    }

    void list_shortcuts(std::vector<Shortcut>& out) const override {
        for (const auto& [keys, what] : viz::canvas_gestures()) out.push_back({keys, what});
    }

private:
    static void apply_clicks(GraphViewService& g, Selection& selection) {
        const viz::CanvasResult& r = g.last_result;
        // A scripted Ctrl applies to one click only, whatever it hit.
        if (r.clicked != viz::kNoUnionEvent || r.ctrl_clicked != viz::kNoUnionEvent || r.clicked_background)
            g.is_ctrl_scripted = false;
        if (r.clicked != viz::kNoUnionEvent) {
            selection.first = g.model.event(r.clicked).hash;
            selection.second.reset();
            g.last_centred = selection.first;  // clicked where it is: do not move the view
        }
        if (r.ctrl_clicked != viz::kNoUnionEvent) {
            if (!selection.first) {
                selection.first = g.model.event(r.ctrl_clicked).hash;
                g.last_centred = selection.first;
            } else {
                selection.second = g.model.event(r.ctrl_clicked).hash;
                g.last_framed_second = selection.second;  // both are on screen already
            }
        }
    }
};

const RegisterPanel register_graph_panel{[] { return std::make_unique<GraphPanel>(); }};

}  // namespace
}  // namespace parsec::app
