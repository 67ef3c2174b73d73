#include "panels/session_service.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>

#include "cli/file_text.hpp"
#include "dot/dot_export.hpp"
#include "view/node_view.hpp"
#include "panels/recording_file.hpp"
#include "platform/settings.hpp"
#include "session/cluster_session.hpp"
#include "session/default_cluster.hpp"
#include "session/dot_session.hpp"
#include "shell/intents.hpp"
#include "shell/shell_context.hpp"
#include "shell/state_line.hpp"

namespace parsec::app {

namespace {
const RegisterService register_session{[] { return std::make_unique<SessionService>(); }};
}

SessionService::SessionService() {
    auto live = ClusterSession::create(default_live_config());
    PARSEC_ASSERT(live.ok(), "the default cluster configuration is valid");
    session_ = std::move(live.value());
    playing_ = true;
}

void SessionService::replace_session(std::unique_ptr<Session> s) {
    session_ = std::move(s);
    selection_ = Selection{};
    playing_ = false;
    run_ahead_from_.reset();
    saved_path_.clear();
}

bool SessionService::open(const std::string& path, ShellContext& ctx) {
    std::unique_ptr<Session> opened;
    if (has_dot_extension(path)) {
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
        opened = std::move(s.value());
    } else {
        auto s = load_recording_session(path);
        if (!s.ok()) {
            ctx.show_load_error(path, s.error());
            return false;
        }
        opened = std::move(s.value());
    }
    replace_session(std::move(opened));
    if (session_->is_live()) saved_path_ = path;
    ctx.settings().add_recent_file(path);
    ctx.set_status("Opened " + path + ": " + session_->summary());
    return true;
}

bool SessionService::save(const std::string& path, ShellContext& ctx) {
    const auto* live = dynamic_cast<const ClusterSession*>(session_.get());
    if (!live) {
        ctx.warn("Only a simulated cluster can be saved as a recording; this session is a reference dump.");
        return false;
    }
    if (auto st = save_session_recording(*live, path); !st.ok()) {
        ctx.warn("Could not save " + path + ": " + st.error().to_string());
        return false;
    }
    saved_path_ = path;
    ctx.settings().add_recent_file(path);
    ctx.set_status("Saved " + std::to_string(live->input_count()) + " inputs to " + path);
    return true;
}

bool SessionService::new_cluster(const sim::SimConfig& config, ShellContext& ctx) {
    auto live = ClusterSession::create(config);
    if (!live.ok()) {
        ctx.warn("Cannot start the cluster: " + live.error().to_string());
        return false;
    }
    replace_session(std::move(live.value()));
    playing_ = true;
    ctx.set_status("Started " + session_->title());
    return true;
}

void SessionService::seek(size_t input, ShellContext& ctx) {
    if (!session_) return;
    run_ahead_from_.reset();  // any move the user asks for ends a run-ahead
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

void SessionService::run_ahead(ShellContext& ctx) {
    // Bounded: a cluster that never decides (all payloads decided, or stalled) stops here.
    constexpr size_t kRunAheadInputsMax = 5000;
    const size_t slice = ctx.is_headless() ? 32 : 64;
    const size_t from = *run_ahead_from_;
    const auto& d = session_->decision_positions();
    const auto start = std::chrono::steady_clock::now();
    // Headless (scripts): one small slice per frame, reproducible. Interactive: slices for ~25 ms.
    do {
        if (std::upper_bound(d.begin(), d.end(), from) != d.end()) break;
        const size_t before = session_->input_count();
        if (before >= from + kRunAheadInputsMax || !session_->seek(before + slice).ok() ||
            session_->input_count() == before) {
            run_ahead_from_.reset();
            ctx.set_status("No decision in the next " + std::to_string(kRunAheadInputsMax) + " inputs");
            return;
        }
    } while (!ctx.is_headless() && std::chrono::steady_clock::now() - start < std::chrono::milliseconds(25));
    auto it = std::upper_bound(d.begin(), d.end(), from);
    if (it == d.end()) {
        ctx.set_status("Running on to the next decision: input " + std::to_string(session_->input_count()));
        return;
    }
    run_ahead_from_.reset();
    seek(*it, ctx);
}

void SessionService::begin_frame(ShellContext& ctx) {
    if (session_ && run_ahead_from_) {
        run_ahead(ctx);
        return;
    }
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
    if (intent.kind == IntentKind::Save && session_) {
        const std::string& path = intent.path.empty() ? saved_path_ : intent.path;
        if (path.empty()) return false;  // the shell asks for a file name
        save(path, ctx);
        return true;
    }
    if (!session_) return false;
    if (intent.kind != IntentKind::NextDecision) run_ahead_from_.reset();  // the user moved on
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
            else if (session_->is_live()) run_ahead_from_ = pos;  // runs on in begin_frame
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
    out.add("live", session_->is_live() ? 1 : 0);
    out.add("nodes", static_cast<long long>(session_->node_count()));
    out.add("decision_inputs", static_cast<long long>(session_->decision_positions().size()));
    out.add("input", static_cast<long long>(session_->position()));
    out.add("inputs", static_cast<long long>(session_->input_count()));
    out.add("events", static_cast<long long>(session_->node(selection_.perspective).graph().size()));
    out.add("decisions", static_cast<long long>(session_->node(selection_.perspective).decisions().size()));
    const auto& markers = session_->marker_entries();
    out.add("markers", static_cast<long long>(markers.size()));
    out.add("violations", static_cast<long long>(std::count_if(markers.begin(), markers.end(),
                                                               [](const SessionMarker& m) { return m.violation; })));
    out.add("undecided_payloads",
            static_cast<long long>(session_->node(selection_.perspective).election().unconsensused_by_key.size()));
    out.add("playing", playing_ ? 1 : 0);
    out.add("running_ahead", run_ahead_from_ ? 1 : 0);
    auto sel = selected_event();
    out.add("selected", sel ? static_cast<long long>(*sel) : -1);
    if (!sel) return;
    // The selected event's meta-votes in the dump's notation (spec §9.3), e.g. A=0/0t-- -;B=...
    view::NodeView v(session_->node(selection_.perspective));
    out.add("selected_name", v.event_names()[*sel]);
    const auto* m = v.latest_meta_event(*sel);
    if (!m) return;
    std::vector<std::string> ids;
    for (size_t p = 0; p < v.peer_count(); ++p) ids.push_back(model::sanitise(v.peer_id(static_cast<model::PeerIndex>(p)).name));
    auto shorts = dot::short_peer_names(ids);
    auto set_char = [](std::uint8_t b) { return b == 0 ? '-' : b == election::kTrue ? 't' : b == election::kFalse ? 'f' : 'b'; };
    std::vector<std::string> per_peer;
    for (const auto& [peer, list] : m->meta_votes) {
        std::string t = shorts[peer] + "=";
        for (size_t i = 0; i < list.size(); ++i) {
            const auto& mv = list[i];
            t += (i ? "|" : "") + std::to_string(mv.round) + "/" + std::to_string(static_cast<int>(mv.step));
            if (mv.decided) t += std::string(4, mv.decision ? 't' : 'f');
            else t += std::string{set_char(mv.est), set_char(mv.bin), mv.aux < 0 ? '-' : (mv.aux ? 't' : 'f'), '-'};
        }
        per_peer.push_back(t);
    }
    std::sort(per_peer.begin(), per_peer.end());
    std::string joined;
    for (const auto& t : per_peer) joined += (joined.empty() ? "" : ";") + t;
    out.add("selected_votes", joined.empty() ? "none" : joined);
}

}  // namespace parsec::app
