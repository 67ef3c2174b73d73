// Script actions for the gossip-graph view, so GUI tests drive it as a user would:
//   graph-click EVENT [ctrl]   move the pointer onto the event where it is drawn and click it
//   graph-center EVENT         bring an event into the middle of the view
//   graph-zoom FACTOR          zoom around the canvas centre (as the wheel does around the pointer)
//   graph-legend on|off        show or hide the legend
//   export-graph FILE          write the graph view (the canvas area) as a PNG
// Events are named as the union model names them, which for one node is the dump's naming.
#include <cmath>

#include "panels/graph_view_service.hpp"
#include "platform/script.hpp"
#include "platform/script_driver.hpp"
#include "shell/shell_context.hpp"

namespace parsec::app {
namespace {

GraphViewService* graph(ScriptContext& c) { return c.shell().find_service<GraphViewService>(); }

viz::UnionIndex find_union_event(const GraphViewService& g, const std::string& name) {
    for (viz::UnionIndex u = 0; u < g.model.event_count(); ++u)
        if (g.model.event_name(u) == name) return u;
    return viz::kNoUnionEvent;
}

std::string run_graph_click(const ScriptArgs& args, ScriptContext& c) {
    auto* g = graph(c);
    if (!g || g->model.event_count() == 0) return "the graph view shows no events";
    const bool ctrl = args.words.size() == 2;
    if (ctrl && args.words[1] != "ctrl") return "the second word must be 'ctrl', not '" + args.words[1] + "'";
    const viz::UnionIndex u = find_union_event(*g, args.words[0]);
    if (u == viz::kNoUnionEvent || u >= g->layout.event_count()) return "no event named " + args.words[0] + " in the graph";
    const ImVec2 p = g->camera.graph_to_screen(g->layout.position(u));
    const ImVec2 min = g->last_result.canvas_min_px;
    const ImVec2 size = g->last_result.canvas_size_px;
    if (p.x < min.x || p.y < min.y + 24.0f || p.x >= min.x + size.x || p.y >= min.y + size.y)
        return args.words[0] + " is not inside the graph view (try graph-center first)";
    g->is_ctrl_scripted = ctrl;
    c.input().queue_click(p.x, p.y, 0);
    c.wait_frames(1);
    return {};
}

std::string run_graph_center(const ScriptArgs& args, ScriptContext& c) {
    auto* g = graph(c);
    if (!g) return "no graph view";
    const viz::UnionIndex u = find_union_event(*g, args.words[0]);
    if (u == viz::kNoUnionEvent || u >= g->layout.event_count()) return "no event named " + args.words[0] + " in the graph";
    g->camera.center_on(g->layout.position(u));
    g->camera.follow_latest = false;
    c.wait_frames(1);
    return {};
}

std::string run_graph_zoom(const ScriptArgs& args, ScriptContext& c) {
    std::string error;
    auto factor = parse_float_arg(args.words[0], error);
    if (!factor) return error;
    if (!(*factor > 0.0f) || !std::isfinite(*factor)) return "the zoom factor must be positive";
    auto* g = graph(c);
    if (!g) return "no graph view";
    const ImVec2 min = g->last_result.canvas_min_px;
    const ImVec2 size = g->last_result.canvas_size_px;
    g->camera.zoom_at_screen(ImVec2(min.x + size.x * 0.5f, min.y + size.y * 0.5f), *factor);
    g->camera.follow_latest = false;
    c.wait_frames(1);
    return {};
}

std::string run_graph_legend(const ScriptArgs& args, ScriptContext& c) {
    auto* g = graph(c);
    if (!g) return "no graph view";
    if (args.words[0] != "on" && args.words[0] != "off") return "say 'on' or 'off', not '" + args.words[0] + "'";
    g->is_legend_shown = args.words[0] == "on";
    return {};
}

std::string run_export_graph(const ScriptArgs& args, ScriptContext& c) {
    auto* g = graph(c);
    if (!g) return "no graph view";
    g->request_export(args.rest, c.shell());
    c.wait_frames(3);  // the shell captures after this frame; we crop on the next
    return {};
}

const RegisterScriptAction register_graph_click{{"graph-click", "graph-click EVENT [ctrl]", 1, 2, run_graph_click}};
const RegisterScriptAction register_graph_center{{"graph-center", "graph-center EVENT", 1, 1, run_graph_center}};
const RegisterScriptAction register_graph_zoom{{"graph-zoom", "graph-zoom FACTOR", 1, 1, run_graph_zoom}};
const RegisterScriptAction register_graph_legend{{"graph-legend", "graph-legend on|off", 1, 1, run_graph_legend}};
const RegisterScriptAction register_export_graph{{"export-graph", "export-graph FILE", 1, -1, run_export_graph}};

}  // namespace
}  // namespace parsec::app
