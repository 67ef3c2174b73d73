// Small text helpers shared by the PARSEC panels (meta-vote cells, observer descriptions).
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "election/meta_election.hpp"
#include "view/node_view.hpp"

namespace ImGui {
// SeparatorText arrived after 1.86: a text line followed by a separator.
inline void SeparatorText_compat(const char* text) {
    ImGui::Spacing();
    ImGui::TextUnformatted(text);
    ImGui::Separator();
}
// TextDisabled does not wrap; long hints in narrow panels must.
inline void TextDisabledWrapped_compat(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}
}  // namespace ImGui

namespace parsec::app {

inline const char* step_name(election::Step s) {
    switch (s) {
        case election::Step::ForcedTrue: return "forced true";
        case election::Step::ForcedFalse: return "forced false";
        case election::Step::GenuineFlip: return "genuine flip";
    }
    return "?";
}

inline std::string bool_set_text(std::uint8_t s) {
    return s == 0 ? "-" : s == election::kTrue ? "t" : s == election::kFalse ? "f" : "t,f";
}

// est, bin, aux, dec cells; a decided vote shows its value everywhere, as the reference does.
inline std::vector<std::string> vote_cells(const election::MetaVote& v) {
    if (v.decided) {
        std::string d = v.decision ? "t" : "f";
        return {d, d, d, d};
    }
    return {bool_set_text(v.est), bool_set_text(v.bin), v.aux < 0 ? "-" : (v.aux ? "t" : "f"), "-"};
}

// One meta-vote in a few characters for dense tables: "1/2 tf t -" (round/step est bin aux),
// or "dec t" once decided.
inline std::string compact_vote(const election::MetaVote& v) {
    if (v.decided) return std::string("dec ") + (v.decision ? "t" : "f");
    auto set = [](std::uint8_t s) { return s == 0 ? "-" : s == election::kTrue ? "t" : s == election::kFalse ? "f" : "tf"; };
    return std::to_string(v.round) + "/" + std::to_string(static_cast<int>(v.step)) + " " + set(v.est) + " " +
           set(v.bin) + " " + (v.aux < 0 ? "-" : v.aux ? "t" : "f");
}

inline ImVec4 decided_colour(bool decision) {
    return decision ? ImVec4(0.4f, 0.9f, 0.4f, 1) : ImVec4(0.95f, 0.5f, 0.4f, 1);
}

inline std::string observer_text(const election::MetaEvent& m) {
    if (m.observer == election::ObserverKind::Ancestor) return "descends from an observer";
    if (m.observer == election::ObserverKind::None) return "no";
    return "YES (strongly sees the first interesting events of " + std::to_string(m.observees.size()) + " peers)";
}

inline std::string content_text(const view::NodeView& v, const election::MetaEvent& m) {
    if (m.interesting_content.empty()) return "none";
    std::string s;
    for (auto k : m.interesting_content) s += (s.empty() ? "" : ", ") + v.payload_text(k);
    return s;
}

}  // namespace parsec::app
