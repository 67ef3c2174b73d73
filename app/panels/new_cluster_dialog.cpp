// File › New cluster… (Ctrl+N): a modal asking for the cluster's size, seed, consensus mode,
// workload rate, identities and more of the workload (the `sim --workload` SPEC), then a fresh
// live session. Also the `new-cluster key=value...` script action, which fills the same form.
#include <imgui.h>

#include <algorithm>

#include "panels/new_cluster_form.hpp"
#include "panels/session_service.hpp"
#include "platform/script.hpp"
#include "platform/script_driver.hpp"
#include "shell/intents.hpp"
#include "shell/shell_context.hpp"
#include "shell/state_line.hpp"
#include "sim/ids.hpp"

namespace parsec::app {
namespace {

constexpr const char* kPopup = "New cluster###new_cluster";

class NewClusterDialog final : public ShellService {
public:
    const char* name() const override { return "NewCluster"; }

    bool handle_intent(const Intent& intent, ShellContext&) override {
        if (intent.kind != IntentKind::NewCluster) return false;
        wants_open_ = true;
        return true;
    }

    void begin_frame(ShellContext& ctx) override {
        if (wants_open_) {
            ImGui::OpenPopup(kPopup);
            wants_open_ = false;
        }
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                                ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(460, 0));
        is_shown_ = ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoMove);
        if (!is_shown_) return;
        draw_fields();
        const bool is_started = ImGui::Button("Start", ImVec2(90, 0));
        ImGui::SameLine();
        const bool is_cancelled = ImGui::Button("Cancel", ImVec2(90, 0)) ||
                                  ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
        bool is_done = is_cancelled;
        if (is_started) {
            form_.workload = workload_text_;
            auto config = to_config(form_);
            // A wrong workload SPEC, or a cluster the simulator refuses, keeps the dialog open
            // with the reason under the fields.
            if (!config.ok()) problem_ = config.error().to_string();
            else if (auto valid = sim::validate(config.value()); !valid.ok()) problem_ = valid.error().message;
            else problem_.clear();
            if (problem_.empty())
                if (auto* s = ctx.find_service<SessionService>()) is_done = s->new_cluster(config.value(), ctx);
        }
        if (is_done) {
            problem_.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    void write_state(StateLine& out) const override {
        out.add("new_cluster_dialog", is_shown_ ? 1 : 0);
    }

private:
    void draw_fields() {
        ImGui::TextWrapped(
            "A simulated cluster of honest nodes that gossip and vote; the same seed gives the "
            "same run.");
        ImGui::Spacing();
        ImGui::SetNextItemWidth(200);
        ImGui::SliderInt("nodes", &form_.nodes, 1, static_cast<int>(sim::kNodesMax));
        ImGui::SetNextItemWidth(200);
        ImGui::InputScalar("seed", ImGuiDataType_U64, &form_.seed);
        int mode = form_.single_mode ? 1 : 0;
        ImGui::TextUnformatted("consensus mode");
        ImGui::SameLine();
        ImGui::RadioButton("supermajority", &mode, 0);
        ImGui::SameLine();
        ImGui::RadioButton("single", &mode, 1);
        form_.single_mode = mode == 1;
        ImGui::SetNextItemWidth(200);
        ImGui::SliderInt("ticks per new payload", &form_.ticks_per_payload, 1, 200, "%d",
                         ImGuiSliderFlags_Logarithmic);
        int identities = form_.real_identities ? 0 : 1;
        ImGui::TextUnformatted("identities");
        ImGui::SameLine();
        ImGui::RadioButton("real (Ed25519)", &identities, 0);
        ImGui::SameLine();
        ImGui::RadioButton("mock", &identities, 1);
        form_.real_identities = identities == 0;
        ImGui::SetNextItemWidth(300);
        ImGui::InputTextWithHint("workload", "voters=Alice+Bob,gossip=1/4",
                                 workload_text_, sizeof workload_text_);
        ImGui::TextDisabled("as sim --workload: rate, payloads, delay, voters (A+B), gossip");
        if (!problem_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
            ImGui::TextWrapped("%s", problem_.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
    }

    NewClusterForm form_;
    char workload_text_[256] = {};
    std::string problem_;  // why the last Start was refused
    bool wants_open_ = false;
    bool is_shown_ = false;
};

const RegisterService register_dialog{[] { return std::make_unique<NewClusterDialog>(); }};

// new-cluster [nodes=N] [seed=S] [mode=supermajority|single] [rate=TICKS] [identities=real|mock]
//             [workload=SPEC]
std::string run_new_cluster(const ScriptArgs& args, ScriptContext& c) {
    NewClusterForm form;
    for (const auto& word : args.words)
        if (std::string error = apply_form_word(form, word); !error.empty()) return error;
    auto* s = c.shell().find_service<SessionService>();
    if (!s) return "no session service";
    auto config = to_config(form);
    if (!config.ok()) return config.error().to_string();
    if (!s->new_cluster(config.value(), c.shell()))
        return "the cluster could not start (see Messages)";
    return {};
}

const RegisterScriptAction register_new_cluster{
    {"new-cluster", "new-cluster [nodes=N] [seed=S] [mode=M] [rate=T] [identities=real|mock] [workload=SPEC]", 0,
     -1, run_new_cluster}};

}  // namespace
}  // namespace parsec::app
