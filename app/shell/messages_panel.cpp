// "Messages": every status line and warning of this run, newest at the bottom, so a message that
// scrolled out of the status bar can still be read. Virtualised with ImGuiListClipper.
#include <imgui.h>

#include <memory>

#include "shell/panel.hpp"
#include "shell/shell_context.hpp"

namespace parsec::app {
namespace {

class MessagesPanel final : public Panel {
public:
    const char* name() const override { return "Messages"; }
    PanelSlot slot() const override { return PanelSlot::Bottom; }
    int order() const override { return 900; }  // after the engine's bottom panels

    void draw(ShellContext& ctx) override {
        const auto& messages = ctx.messages();
        if (messages.empty()) {
            ImGui::TextDisabled("No messages yet.");
            return;
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(messages.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const StatusMessage& m = messages[static_cast<size_t>(i)];
                if (m.is_warning)
                    ImGui::TextColored(ImVec4(0.96f, 0.74f, 0.32f, 1.0f), "%s", m.text.c_str());
                else
                    ImGui::TextUnformatted(m.text.c_str());
            }
        }
        // Follow new messages unless the user scrolled up to read older ones.
        if (messages.size() != seen_count_ &&
            ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f) {
            ImGui::SetScrollHereY(1.0f);
        }
        seen_count_ = messages.size();
    }

    void list_shortcuts(std::vector<Shortcut>& out) const override {
        out.push_back({"Scroll", "Read older messages (the list stops following)"});
    }

private:
    size_t seen_count_ = 0;
};

const RegisterPanel register_messages_panel{[] { return std::make_unique<MessagesPanel>(); }};

}  // namespace
}  // namespace parsec::app
