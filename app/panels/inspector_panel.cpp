// The selected event, explained: what it is, its parents, what it carries, its meta-event
// (observer, observees, interesting content) and its meta-votes per peer, round by step
// (spec §4-§5); with a second event selected, whether and why the first strongly sees it (§3).
#include <imgui.h>

#include <algorithm>

#include "panels/session_service.hpp"
#include "panels/panel_text.hpp"
#include "shell/panel.hpp"
#include "shell/shell_context.hpp"
#include "view/node_view.hpp"

namespace parsec::app {
namespace {

const char* cause_name(model::CauseKind c) {
    switch (c) {
        case model::CauseKind::Requesting: return "Requesting";
        case model::CauseKind::Request: return "Request";
        case model::CauseKind::Response: return "Response";
        case model::CauseKind::Observation: return "Observation";
        case model::CauseKind::Initial: return "Initial";
    }
    return "?";
}

void draw_meta_votes(const view::NodeView& v, const election::MetaEvent& m) {
    const auto& names = v.event_names();
    (void)names;
    if (m.meta_votes.empty()) {
        ImGui::TextDisabled("No meta-votes: not an observer and no self-ancestor carries any yet.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("meta_votes", 6, flags)) return;
    for (const char* h : {"peer", "round/step", "est", "bin", "aux", "dec"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const auto& [peer, list] : m.meta_votes) {
        for (size_t i = 0; i < list.size(); ++i) {
            const auto& mv = list[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (i == 0) ImGui::TextUnformatted(v.peer_id(peer).name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%u/%u %s", mv.round, static_cast<unsigned>(mv.step), step_name(mv.step));
            for (const std::string& cell : vote_cells(mv)) {
                ImGui::TableNextColumn();
                if (mv.decided) ImGui::TextColored(mv.decision ? ImVec4(0.4f, 0.9f, 0.4f, 1) : ImVec4(0.95f, 0.5f, 0.4f, 1),
                                                   "%s", cell.c_str());
                else ImGui::TextUnformatted(cell.c_str());
            }
        }
    }
    ImGui::EndTable();
}

// How the meta-votes got where they are: the creator's earlier events in this election along the
// self-parent chain, oldest first, each with its latest meta-vote per peer (spec §5.5 builds
// every event's lists from its self-parent's).
void draw_self_parent_chain(const view::NodeView& v, model::EventIndex e) {
    constexpr size_t kChainMax = 12;
    std::vector<model::EventIndex> chain;
    for (auto at = v.event(e).self_parent; at != model::kNoEvent && chain.size() < kChainMax;
         at = v.event(at).self_parent) {
        const auto* m = v.latest_meta_event(at);
        if (!m || m->meta_votes.empty()) break;
        chain.push_back(at);
    }
    ImGui::SeparatorText_compat("How it got there (self-parent chain, this election)");
    if (chain.empty()) {
        ImGui::TextDisabledWrapped_compat(
            "No earlier event of this creator holds meta-votes in this election.");
        return;
    }
    std::reverse(chain.begin(), chain.end());
    chain.push_back(e);
    const auto* last = v.latest_meta_event(e);
    const size_t peers = last->meta_votes.size();
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_ScrollX;
    if (!ImGui::BeginTable("self_parent_chain", static_cast<int>(std::min<size_t>(peers, 62)) + 1, flags)) return;
    ImGui::TableSetupColumn("event");
    for (size_t i = 0; i < peers && i < 62; ++i) ImGui::TableSetupColumn(v.peer_id(last->meta_votes.peer(i)).name.c_str());
    ImGui::TableHeadersRow();
    for (auto at : chain) {
        const auto* m = v.latest_meta_event(at);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(v.event_names()[at].c_str());
        for (size_t i = 0; i < peers && i < 62; ++i) {
            ImGui::TableNextColumn();
            const auto list = m->votes_for(last->meta_votes.peer(i));
            if (!list || list->empty()) continue;
            const auto& mv = list->back();
            const std::string cell = compact_vote(mv);
            if (mv.decided) ImGui::TextColored(decided_colour(mv.decision), "%s", cell.c_str());
            else ImGui::TextUnformatted(cell.c_str());
        }
    }
    ImGui::EndTable();
    ImGui::TextDisabledWrapped_compat("Cells: round/step est bin aux (the newest entry of each list).");
}

void draw_pair(const view::NodeView& v, model::EventIndex x, model::EventIndex y) {
    const auto& names = v.event_names();
    auto r = v.explain(x, y);
    ImGui::SeparatorText_compat(("Does " + names[x] + " strongly see " + names[y] + "?").c_str());
    if (!r.is_ancestor) {
        ImGui::TextWrapped("No: %s is not an ancestor of %s, so it cannot even see it.", names[y].c_str(), names[x].c_str());
        return;
    }
    if (r.blocked_by_fork)
        ImGui::TextWrapped("%s knows a fork by %s, so it sees NO event of %s (spec §3).", names[x].c_str(),
                           v.peer_id(v.event(y).creator).name.c_str(), v.peer_id(v.event(y).creator).name.c_str());
    ImGui::Text("sees: %s    strongly sees: %s", r.sees ? "yes" : "no", r.strongly_sees ? "YES" : "no");
    ImGui::Text("creators carrying paths: %zu of %zu voters (needs %zu)", r.carriers.size(), r.voter_count, r.needed);
    for (size_t i = 0; i < r.carriers.size(); ++i)
        ImGui::BulletText("%s via %s", v.peer_id(r.carriers[i]).name.c_str(), names[r.carrier_events[i]].c_str());
}

class InspectorPanel final : public Panel {
public:
    const char* name() const override { return "Event"; }
    PanelSlot slot() const override { return PanelSlot::Right; }
    int order() const override { return 10; }

    void draw(ShellContext& ctx) override {
        auto* s = ctx.find_service<SessionService>();
        auto sel = s ? s->selected_event() : std::nullopt;
        if (!s || !s->session() || !sel) {
            ImGui::TextWrapped("Select an event in the gossip graph (click; Ctrl+click for a second one) "
                               "to see its meta-votes and what it strongly sees.");
            return;
        }
        view::NodeView v(s->session()->node(s->selection().perspective));
        const auto& e = v.event(*sel);
        const auto& names = v.event_names();
        ImGui::Text("%s  by %s", names[*sel].c_str(), v.peer_id(e.creator).name.c_str());
        ImGui::Text("cause: %s", cause_name(e.cause));
        if (e.cause == model::CauseKind::Requesting) ImGui::Text("to: %s", v.peer_id(e.recipient).name.c_str());
        if (e.self_parent != model::kNoEvent) ImGui::Text("self-parent: %s", names[e.self_parent].c_str());
        if (e.other_parent != model::kNoEvent) ImGui::Text("other-parent: %s", names[e.other_parent].c_str());
        if (e.key != model::kNoKey) ImGui::TextWrapped("vote: %s", v.payload_text(e.key).c_str());
        ImGui::TextDisabled("hash %s", core::to_hex(e.hash).substr(0, 16).c_str());
        const auto* m = v.latest_meta_event(*sel);
        ImGui::SeparatorText_compat("Meta-event");
        if (!m) {
            ImGui::TextWrapped("%s", model::is_sync(e.cause) ? "No meta-event: its creator is not a voter, or it was "
                                                               "processed in an earlier election."
                                                             : "Only sync events (Requesting, Request, Response) "
                                                               "carry meta-events (spec §4.2).");
        } else {
            ImGui::TextWrapped("observer: %s", observer_text(*m).c_str());
            ImGui::TextWrapped("interesting content: %s", content_text(v, *m).c_str());
            draw_meta_votes(v, *m);
            draw_self_parent_chain(v, *sel);
        }
        if (auto second = s->selected_event(true)) draw_pair(v, *sel, *second);
    }
    void list_shortcuts(std::vector<Shortcut>& out) const override {
        out.push_back({"click an event", "select it and show its meta-votes"});
        out.push_back({"Ctrl+click", "select a second event: why the first strongly sees it, or not"});
    }
};

const RegisterPanel register_inspector{[] { return std::make_unique<InspectorPanel>(); }};

}  // namespace
}  // namespace parsec::app
