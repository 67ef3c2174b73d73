#include "panels/session_service.hpp"

#include <imgui.h>

#include <algorithm>

#include "cli/file_text.hpp"
#include "session/dot_session.hpp"
#include "shell/intents.hpp"
#include "shell/shell_context.hpp"
#include "shell/state_line.hpp"

namespace parsec::app {

namespace {
const RegisterService register_session{[] { return std::make_unique<SessionService>(); }};
}

void SessionService::replace_session(std::unique_ptr<Session> s) {
    session_ = std::move(s);
    selection_ = Selection{};
    playing_ = false;
}

bool SessionService::open(const std::string& path, ShellContext& ctx) {
    auto text = read_text_file(path);
    if (!text.ok()) {
        ctx.show_load_error(path, text.error());
        return false;
    }
    auto s = DotSession::open(path, text.value());
    if (!s.ok()) {
        ctx.show_load_error(path, s.error());
        return false;
    }
    replace_session(std::move(s.value()));
    ctx.set_status("Opened " + path + ": " + session_->summary());
    return true;
}

void SessionService::seek(size_t input, ShellContext& ctx) {
    if (!session_) return;
    if (auto st = session_->seek(input); !st.ok()) ctx.warn("Cannot move to input " + std::to_string(input) + ": " +
                                                              st.error().to_string());
}

std::optional<model::EventIndex> SessionService::selected_event(bool second) const {
    const auto& h = second ? selection_.second : selection_.first;
    if (!session_ || !h || selection_.perspective >= session_->node_count()) return std::nullopt;
    auto e = session_->node(selection_.perspective).graph().find(*h);
    if (e == model::kNoEvent) return std::nullopt;
    return e;
}

void SessionService::begin_frame(ShellContext& ctx) {
    if (!session_ || !playing_) return;
    // Headless runs advance one input per frame so scripts are reproducible.
    double dt = ctx.is_headless() ? 1.0 / inputs_per_second : ImGui::GetIO().DeltaTime;
    play_budget_ += dt * inputs_per_second;
    size_t steps = static_cast<size_t>(play_budget_);
    if (steps == 0) return;
    play_budget_ -= static_cast<double>(steps);
    size_t target = session_->position() + steps;
    if (!session_->is_live() && target >= session_->input_count()) {
        target = session_->input_count();
        playing_ = false;
    }
    seek(target, ctx);
}

bool SessionService::handle_intent(const Intent& intent, ShellContext& ctx) {
    if (intent.kind == IntentKind::Open && !intent.path.empty()) {
        open(intent.path, ctx);
        return true;
    }
    if (!session_) return false;
    const size_t pos = session_->position();
    const auto& d = session_->decision_positions();
    switch (intent.kind) {
        case IntentKind::PlayPause: playing_ = !playing_; return true;
        case IntentKind::NextInput: seek(pos + 1, ctx); return true;
        case IntentKind::PreviousInput: seek(pos > 0 ? pos - 1 : 0, ctx); return true;
        case IntentKind::JumpToStart: seek(0, ctx); return true;
        case IntentKind::JumpToEnd: seek(session_->input_count(), ctx); return true;
        case IntentKind::NextDecision: {
            auto it = std::upper_bound(d.begin(), d.end(), pos);
            if (it != d.end()) seek(*it, ctx);
            else ctx.set_status("No later decision");
            return true;
        }
        case IntentKind::PreviousDecision: {
            auto it = std::lower_bound(d.begin(), d.end(), pos);
            if (it != d.begin()) seek(*std::prev(it), ctx);
            else ctx.set_status("No earlier decision");
            return true;
        }
        default: return false;
    }
}

void SessionService::write_state(StateLine& out) const {
    if (!session_) {
        out.add("session", "none");
        return;
    }
    out.add("session", session_->title());
    out.add("input", static_cast<long long>(session_->position()));
    out.add("inputs", static_cast<long long>(session_->input_count()));
    out.add("events", static_cast<long long>(session_->node(selection_.perspective).graph().size()));
    out.add("decisions", static_cast<long long>(session_->node(selection_.perspective).decisions().size()));
    out.add("playing", playing_ ? 1 : 0);
    auto sel = selected_event();
    out.add("selected", sel ? static_cast<long long>(*sel) : -1);
}

}  // namespace parsec::app
