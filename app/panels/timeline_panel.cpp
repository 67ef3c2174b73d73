// Time: where we are among the session's inputs, a scrubber over all of them, play/pause, and
// the decisions and the checkers' markers as landmarks. Also whose view is drawn (the
// perspective) and how the file compares with our recomputation.
#include <imgui.h>

#include <algorithm>

#include "panels/panel_text.hpp"
#include "panels/session_service.hpp"
#include "shell/panel.hpp"
#include "shell/shell_context.hpp"

namespace parsec::app {
namespace {

constexpr ImU32 kViolationColour = IM_COL32(235, 80, 80, 255);

// Landmarks on the scrubber: a short green tick at each decision position, a red one at the top
// at each invariant violation.
void draw_landmarks(const Session& session, const std::vector<SessionMarker>& markers, ImVec2 min, ImVec2 max) {
    const auto count = static_cast<float>(std::max<size_t>(session.input_count(), 1));
    const float grab = ImGui::GetStyle().GrabMinSize;
    const float left = min.x + grab * 0.5f;
    const float width = std::max(1.0f, max.x - min.x - grab);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t d : session.decision_positions()) {
        const float x = left + width * static_cast<float>(d) / count;
        draw->AddLine(ImVec2(x, max.y - 5), ImVec2(x, max.y), IM_COL32(110, 220, 110, 255), 2.0f);
    }
    for (const auto& m : markers) {
        if (!m.violation) continue;
        const float x = left + width * static_cast<float>(m.position) / count;
        draw->AddLine(ImVec2(x, min.y), ImVec2(x, min.y + 6), kViolationColour, 2.0f);
    }
}

// What the checkers flagged, each a link to the moment after it happened. Violations first in
// red; information (accusations, refusals) after, in the normal colour.
void draw_markers(SessionService& s, ShellContext& ctx, const std::vector<SessionMarker>& markers) {
    const Session& session = *s.session();
    if (markers.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("None so far: no invariant broke, no engine refused an honest message, nobody was accused.");
        ImGui::PopStyleColor();
        return;
    }
    constexpr size_t kMostListed = 300;  // each entry is a few wrapped lines, drawn every frame
    size_t listed = 0;
    for (bool violations : {true, false}) {
        for (size_t i = 0; i < markers.size() && listed < kMostListed; ++i) {
            const auto& m = markers[i];
            if (m.violation != violations) continue;
            ++listed;
            ImGui::PushID(static_cast<int>(i));
            if (m.violation) ImGui::PushStyleColor(ImGuiCol_Text, kViolationColour);
            if (ImGui::Selectable(m.heading.c_str(), m.position == session.position())) s.seek(m.position, ctx);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to input %zu, just after it happened", m.position);
            ImGui::Indent();
            ImGui::TextWrapped("%s", m.text.c_str());
            ImGui::Unindent();
            if (m.violation) ImGui::PopStyleColor();
            ImGui::PopID();
        }
    }
    if (listed < markers.size())
        ImGui::TextDisabled("and %zu more (export --format json lists every marker)", markers.size() - listed);
}

class TimelinePanel final : public Panel {
public:
    const char* name() const override { return "Session"; }
    PanelSlot slot() const override { return PanelSlot::Left; }
    int order() const override { return 10; }

    void draw(ShellContext& ctx) override {
        auto* s = ctx.find_service<SessionService>();
        if (!s || !s->session()) {
            ImGui::TextWrapped("No session. Open a recording or a reference .dot dump (Ctrl+O).");
            return;
        }
        Session& session = *s->session();
        const std::string title = session.title();
        const auto slash = title.find_last_of('/');
        ImGui::TextUnformatted(slash == std::string::npos ? title.c_str() : title.c_str() + slash + 1);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", title.c_str());
        ImGui::Spacing();
        if (session.is_live()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            ImGui::TextWrapped("Live: playing or stepping past the end runs the cluster on.");
            ImGui::PopStyleColor();
        }
        ImGui::TextWrapped("%s", session.summary().c_str());
        ImGui::SeparatorText_compat("Time");
        int pos = static_cast<int>(session.position());
        const int count = static_cast<int>(session.input_count());
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderInt("##scrub", &pos, 0, std::max(count, 1), "input %d")) s->seek(static_cast<size_t>(pos), ctx);
        const auto& markers = session.marker_entries();
        draw_landmarks(session, markers, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (ImGui::Button(s->is_playing() ? "Pause" : "Play")) ctx.push_intent(IntentKind::PlayPause);
        ImGui::SameLine();
        if (ImGui::Button("<")) ctx.push_intent(IntentKind::PreviousInput);
        ImGui::SameLine();
        if (ImGui::Button(">")) ctx.push_intent(IntentKind::NextInput);
        ImGui::SameLine();
        ImGui::SameLine();
        if (ImGui::Button("<<")) ctx.push_intent(IntentKind::PreviousDecision);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous decision (Shift+Left)");
        ImGui::SameLine();
        if (ImGui::Button(">>")) ctx.push_intent(IntentKind::NextDecision);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next decision (Shift+Right)");
        ImGui::SetNextItemWidth(-1);
        ImGui::SliderFloat("##speed", &s->inputs_per_second, 0.25f, 200.0f, "%.2f inputs/s", ImGuiSliderFlags_Logarithmic);
        ImGui::TextWrapped("input %d of %d: %s", pos, count, session.input_label(static_cast<size_t>(pos)).c_str());

        if (session.is_live() || !markers.empty()) {
            ImGui::SeparatorText_compat("Markers");
            draw_markers(*s, ctx, markers);
        }

        ImGui::SeparatorText_compat("Decisions");
        const auto& d = session.decision_positions();
        if (d.empty()) ImGui::TextDisabled("none in this session");
        for (size_t i = 0; i < d.size(); ++i) {
            std::string label = "#" + std::to_string(i + 1) + " at input " + std::to_string(d[i]);
            if (const std::string what = session.decision_text(d[i]); !what.empty()) label += ": " + what;
            if (ImGui::Selectable(label.c_str(), d[i] == session.position())) s->seek(d[i], ctx);
        }

        ImGui::SeparatorText_compat("Perspective");
        for (size_t i = 0; i < session.node_count(); ++i) {
            std::string label = session.node_name(i) + "  (" + std::to_string(session.node(i).graph().size()) + " events)";
            if (ImGui::RadioButton(label.c_str(), s->selection().perspective == i)) s->selection().perspective = i;
        }
    }
};

const RegisterPanel register_timeline{[] { return std::make_unique<TimelinePanel>(); }};

// Each node's consensus order side by side; a block that differs from the first node's at the
// same position is flagged, so agreement (or its violation) is visible at a glance.
class BlocksPanel final : public Panel {
public:
    const char* name() const override { return "Blocks"; }
    PanelSlot slot() const override { return PanelSlot::Bottom; }
    int order() const override { return 10; }

    void draw(ShellContext& ctx) override {
        auto* s = ctx.find_service<SessionService>();
        if (!s || !s->session()) {
            ImGui::TextDisabled("No session.");
            return;
        }
        Session& session = *s->session();
        const size_t n = session.node_count();
        std::vector<std::vector<std::string>> orders(n);
        size_t rows = 0;
        for (size_t i = 0; i < n; ++i) {
            view::NodeView v(session.node(i));
            for (const auto& k : session.node(i).election().consensus_history) orders[i].push_back(v.payload_text(k));
            rows = std::max(rows, orders[i].size());
        }
        const int columns = static_cast<int>(std::min<size_t>(n, 63)) + 1;
        const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
        if (!ImGui::BeginTable("blocks", columns, flags)) return;
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("#");
        for (int i = 0; i + 1 < columns; ++i) ImGui::TableSetupColumn(session.node_name(static_cast<size_t>(i)).c_str());
        ImGui::TableHeadersRow();
        for (size_t r = 0; r < rows; ++r) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%zu", r + 1);
            for (int i = 0; i + 1 < columns; ++i) {
                ImGui::TableNextColumn();
                const auto& o = orders[static_cast<size_t>(i)];
                if (r >= o.size()) {
                    ImGui::TextDisabled("(pending)");
                } else if (!orders[0].empty() && r < orders[0].size() && o[r] != orders[0][r]) {
                    ImGui::TextColored(ImVec4(1.0f, 0.35f, 0.3f, 1), "%s  DIFFERS", o[r].c_str());
                } else {
                    ImGui::TextUnformatted(o[r].c_str());
                }
            }
        }
        ImGui::EndTable();
    }
};

const RegisterPanel register_blocks{[] { return std::make_unique<BlocksPanel>(); }};

}  // namespace
}  // namespace parsec::app
