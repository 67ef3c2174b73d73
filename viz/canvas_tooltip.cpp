// The hover tooltip: everything a user asks first about an event, from the perspective node's
// own state (its meta-event, its decisions), plus who else holds the event.
#include <string>

#include "viz/event_marks.hpp"
#include "viz/graph_canvas.hpp"

namespace parsec::viz {

namespace {

const char* cause_label(model::CauseKind c) {
    switch (c) {
        case model::CauseKind::Requesting: return "Requesting (starts a sync)";
        case model::CauseKind::Request: return "Request (received a sync)";
        case model::CauseKind::Response: return "Response (received a reply)";
        case model::CauseKind::Observation: return "Observation (a vote)";
        case model::CauseKind::Initial: return "Initial";
    }
    return "?";
}

std::string name_or_none(const GraphModel& model, UnionIndex u) {
    return u == kNoUnionEvent ? std::string("none") : model.event_name(u);
}

}  // namespace

void draw_event_tooltip(const GraphModel& model, UnionIndex u, SourceIndex perspective) {
    if (u >= model.event_count()) return;
    const UnionEvent& e = model.event(u);
    const EventMarks m = event_marks(model, u, perspective);
    ImGui::Text("%s", model.event_name(u).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("by %s", model.lane(e.lane).name.c_str());
    ImGui::Text("Cause: %s", cause_label(e.cause));
    if (e.recipient_lane != kNoLane) ImGui::Text("Sync sent to: %s", model.lane(e.recipient_lane).name.c_str());
    ImGui::Text("Self-parent: %s   Other-parent: %s", name_or_none(model, e.self_parent).c_str(),
                name_or_none(model, e.other_parent).c_str());
    if (e.has_payload) ImGui::Text("%s: %s", m.is_accusation ? "Accusation" : "Vote", e.payload_text.c_str());
    if (m.is_forked) ImGui::Text("Fork: %u events share slot %u of %s", e.fork_slot_size, e.index_by_creator,
                                 model.lane(e.lane).short_name.c_str());
    if (perspective != kNoSource && perspective < model.source_count()) {
        const std::string& who = model.source_node(perspective).identity().id.name;
        if (!m.is_known) ImGui::TextDisabled("Ghost: %s has not received it yet", who.c_str());
    }
    ImGui::TextDisabled("Held by %u of %zu nodes", e.known_count, model.source_count());
    if (m.is_observer || m.is_interesting || m.is_deciding) {
        std::string marks;
        if (m.is_interesting) marks += "interesting  ";
        if (m.is_observer) marks += "observer  ";
        if (m.is_deciding) marks += "decides a block";
        ImGui::Text("Meta-event: %s", marks.c_str());
    }
    if (m.meta_source != kNoSource) {
        const view::NodeView view = model.source_view(m.meta_source);
        if (const election::MetaEvent* meta = view.latest_meta_event(m.meta_local)) {
            if (!meta->observees.empty()) {
                std::string list;
                for (model::PeerIndex p : meta->observees) {
                    const LaneIndex l = model.lane_of_peer(m.meta_source, p);
                    list += (list.empty() ? "" : ", ") + (l == kNoLane ? std::string("?") : model.lane(l).short_name);
                }
                ImGui::Text("Observees: %s", list.c_str());
            }
            if (!meta->meta_votes.empty()) ImGui::TextDisabled("Meta-votes for %zu peers (see Event panel)", meta->meta_votes.size());
        }
    }
    ImGui::TextDisabled("Click: select   Ctrl+click: explain the pair");
}

}  // namespace parsec::viz
