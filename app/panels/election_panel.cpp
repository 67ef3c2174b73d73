// The running meta-election of the perspective node (spec §4-§5) as a timeline: one row per peer
// whose observer is being decided, one column per (round, step), each cell the meta-vote (est,
// bin values, aux, decision) held by the chosen creator's latest event; entries whose estimate
// came from the coin (spec §5.7) are marked, and the events where that happened are listed. Below:
// the observers of this election and their observees.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "panels/panel_text.hpp"
#include "panels/session_service.hpp"
#include "shell/panel.hpp"
#include "shell/shell_context.hpp"
#include "view/node_view.hpp"

namespace parsec::app {
namespace {

using model::EventIndex;
using model::PeerIndex;
using election::CoinUse;

// The newest event by `creator` that has a meta-event in the running election, or kNoEvent.
EventIndex latest_with_meta_event(const view::NodeView& v, PeerIndex creator) {
    const auto& me = v.node().election();
    for (EventIndex e = static_cast<EventIndex>(v.event_count()); e-- > me.meta_floor;) {
        if (v.event(e).creator == creator && v.current_meta_event(e)) return e;
    }
    return model::kNoEvent;
}

size_t positions_used(const election::MetaEvent& m) {
    size_t n = 0;
    for (const auto& [peer, list] : m.meta_votes)
        if (!list.empty()) n = std::max(n, list.back().position() + 1);
    return n;
}

class ElectionPanel final : public Panel {
public:
    const char* name() const override { return "Election"; }
    PanelSlot slot() const override { return PanelSlot::Bottom; }
    int order() const override { return 5; }

    void draw(ShellContext& ctx) override {
        auto* s = ctx.find_service<SessionService>();
        if (!s || !s->session()) {
            ImGui::TextDisabled("No session.");
            return;
        }
        const auto& node = s->session()->node(s->selection().perspective);
        view::NodeView v(node);
        const auto& me = node.election();
        ImGui::Text("%s's election #%zu   voters: %zu   undecided payloads: %zu",
                    node.identity().id.name.c_str(), node.decisions().size() + 1, me.voters.size(),
                    me.unconsensused_by_key.size());
        if (me.voters.empty()) return;
        draw_creator_choice(v);
        const PeerIndex creator = me.voters[std::min(creator_choice_, me.voters.size() - 1)];
        const EventIndex at = latest_with_meta_event(v, creator);
        if (at == model::kNoEvent) {
            ImGui::TextDisabled("%s has no event in this election yet.",
                                v.peer_id(creator).name.c_str());
        } else {
            refresh_coin_uses(*s->session(), v, creator);
            ImGui::Text("Meta-votes held by %s (its latest event in this election):",
                        v.event_names()[at].c_str());
            draw_timeline(v, *v.current_meta_event(at));
            draw_coin_uses(v);
        }
        draw_observers(v);
    }

private:
    void draw_creator_choice(const view::NodeView& v) {
        const auto& voters = v.voters();
        ImGui::TextUnformatted("Whose meta-votes:");
        for (size_t i = 0; i < voters.size(); ++i) {
            ImGui::SameLine();
            std::string label = v.peer_id(voters[i]).name + "##creator";
            if (ImGui::RadioButton(label.c_str(), creator_choice_ == i)) creator_choice_ = i;
        }
    }

    void draw_timeline(const view::NodeView& v, const election::MetaEvent& m) {
        const size_t columns = std::min<size_t>(positions_used(m), 60);
        if (columns == 0) {
            ImGui::TextDisabled(
                "No meta-votes yet: this event is not an observer and descends from none.");
            return;
        }
        const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
        const float height = ImGui::GetTextLineHeightWithSpacing() *
                             (static_cast<float>(m.meta_votes.size()) + 2.5f);
        if (!ImGui::BeginTable("election_timeline", static_cast<int>(columns) + 1, flags,
                               ImVec2(0, height)))
            return;
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("peer");
        for (size_t c = 0; c < columns; ++c) {
            const auto round = static_cast<std::uint32_t>(c / 3);
            std::string h = "r" + std::to_string(round) + " " +
                            (c % 3 == 0   ? "forced t"
                             : c % 3 == 1 ? "forced f"
                                          : "flip");
            ImGui::TableSetupColumn(h.c_str());
        }
        ImGui::TableHeadersRow();
        for (const auto& [peer, list] : m.meta_votes) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(v.peer_id(peer).name.c_str());
            for (size_t c = 0; c < columns; ++c) {
                ImGui::TableNextColumn();
                auto it = std::find_if(list.begin(), list.end(),
                                       [&](const auto& mv) { return mv.position() == c; });
                if (it == list.end()) continue;
                const CoinUse* coin = coin_use_for(peer, *it);
                const std::string cell = compact_vote(*it) + (coin ? " (coin)" : "");
                if (it->decided)
                    ImGui::TextColored(decided_colour(it->decision), "%s", cell.c_str());
                else if (coin)
                    ImGui::TextColored(ImVec4(0.95f, 0.8f, 0.3f, 1), "%s", cell.c_str());
                else
                    ImGui::TextUnformatted(cell.c_str());
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip(
                        "%s about %s at round %u, %s:\nest %s  bin %s  aux %s%s", "meta-vote",
                        v.peer_id(peer).name.c_str(), it->round, step_name(it->step),
                        bool_set_text(it->est).c_str(), bool_set_text(it->bin).c_str(),
                        it->aux < 0 ? "-"
                        : it->aux   ? "t"
                                    : "f",
                        it->decided ? (it->decision ? "\nDECIDED true" : "\nDECIDED false") : "");
            }
        }
        ImGui::EndTable();
    }

    void draw_observers(const view::NodeView& v) {
        const auto& me = v.node().election();
        ImGui::SeparatorText_compat("Observers in this election (spec §4.4) and their observees");
        size_t shown = 0;
        for (EventIndex e = me.meta_floor; e < v.event_count(); ++e) {
            const auto* m = v.current_meta_event(e);
            if (!m || m->observer != election::ObserverKind::This) continue;
            std::string observees;
            for (PeerIndex p : m->observees)
                observees += (observees.empty() ? "" : ", ") + v.peer_id(p).name;
            ImGui::BulletText("%s by %s strongly sees the first interesting events of: %s",
                              v.event_names()[e].c_str(),
                              v.peer_id(v.event(e).creator).name.c_str(), observees.c_str());
            ++shown;
        }
        if (shown == 0)
            ImGui::TextDisabled(
                "None yet: no event strongly sees a supermajority of interesting events.");
    }

    // The coin's entries along the creator's events of this election; recomputed only when the
    // position, the perspective or the creator changes.
    void refresh_coin_uses(const Session& session, const view::NodeView& v, PeerIndex creator) {
        const auto key =
            std::make_tuple(&session, session.position(), &v.node(), v.event_count(), creator);
        if (key == coin_key_) return;
        coin_key_ = key;
        coin_uses_.clear();
        coin_known_ = true;
        for (EventIndex e = v.node().election().meta_floor; e < v.event_count(); ++e) {
            if (v.event(e).creator != creator || !v.current_meta_event(e)) continue;
            auto uses = v.coin_uses(e);
            if (!uses)
                coin_known_ = false;
            else
                coin_uses_.insert(coin_uses_.end(), uses->begin(), uses->end());
        }
    }

    const CoinUse* coin_use_for(PeerIndex peer, const election::MetaVote& entry) const {
        for (const auto& u : coin_uses_)
            if (u.peer == peer && u.produced.position() == entry.position()) return &u;
        return nullptr;
    }

    void draw_coin_uses(const view::NodeView& v) const {
        if (!coin_known_) {
            ImGui::TextDisabled(
                "Coin: cannot tell here (re-running the rules did not reproduce these "
                "meta-votes).");
            return;
        }
        if (coin_uses_.empty()) {
            ImGui::TextDisabled(
                "The coin has not been consulted in this election (by this creator).");
            return;
        }
        std::string text = "Coin consulted at:";
        for (const auto& u : coin_uses_)
            text += " " + v.event_names()[u.event] + " (about " + v.peer_id(u.peer).name + ": r" +
                    std::to_string(u.produced.round) + " " + step_name(u.produced.step) + " est " +
                    bool_set_text(u.produced.est) + " from coin(" +
                    std::to_string(u.produced.round) + "))";
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.8f, 0.3f, 1));
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopStyleColor();
    }

    size_t creator_choice_ = 0;
    std::tuple<const Session*, size_t, const node::Node*, size_t, PeerIndex> coin_key_{};
    std::vector<CoinUse> coin_uses_;
    bool coin_known_ = true;
};

const RegisterPanel register_election{[] { return std::make_unique<ElectionPanel>(); }};

}  // namespace
}  // namespace parsec::app
