// Shell construction, the order of one frame, and intent dispatch with the shell's defaults.
#include "shell/shell.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "platform/imgui_setup.hpp"
#include "platform/settings.hpp"
#include "shell/shortcuts.hpp"
#include "shell/state_line.hpp"

namespace parsec::app {
namespace {

constexpr size_t intent_log_max = 64;
constexpr const char* default_png_path = "parsec-debugger.png";
constexpr const char* default_recording_path = "session.pcrec";

std::string panel_open_key(const Panel& panel) {
    return std::string("panel.") + panel.name() + ".open";
}

const char* describe(IntentKind kind) {
    const GlobalShortcut* shortcut = find_shortcut_for(kind);
    return shortcut != nullptr ? shortcut->description : intent_name(kind);
}

// "center:0,25,1600,600;bottom:..." in whole pixels: lets tests aim clicks at a slot.
std::string describe_slots(const LayoutRects& r, const SlotPresence& presence) {
    std::string text;
    auto add = [&text](const char* name, const Rect& rect) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, "%s%s:%d,%d,%d,%d", text.empty() ? "" : ";", name,
                      static_cast<int>(rect.x), static_cast<int>(rect.y),
                      static_cast<int>(rect.width), static_cast<int>(rect.height));
        text += buffer;
    };
    if (presence.has_left) add("left", r.left);
    add("center", r.center);
    if (presence.has_right) add("right", r.right);
    if (presence.has_bottom) add("bottom", r.bottom);
    return text;
}

}  // namespace

Shell::Shell(ShellContext& ctx) : ctx_(ctx), layout_(load_layout(ctx.settings())) {
    for (const auto& make : service_registry()) services_.push_back(make());
    for (const auto& service : services_) ctx_.services_.push_back(service.get());
    for (const auto& make : panel_registry()) {
        PanelEntry entry;
        entry.panel = make();
        entry.is_open = ctx.settings().get_bool(panel_open_key(*entry.panel),
                                                entry.panel->is_open_by_default());
        panels_.push_back(std::move(entry));
    }
    std::stable_sort(panels_.begin(), panels_.end(), [](const PanelEntry& a, const PanelEntry& b) {
        if (a.panel->order() != b.panel->order()) return a.panel->order() < b.panel->order();
        return std::string_view(a.panel->name()) < std::string_view(b.panel->name());
    });
    for (const auto& entry : panels_) ctx_.panel_names_.push_back(entry.panel->name());
}

Shell::~Shell() {
    panels_.clear();  // panels may use services, so they go first
    ctx_.services_.clear();
    services_.clear();
}

void Shell::draw_frame() {
    begin_frame();
    const float menu_height = draw_main_menu();
    const float status_height = status_bar_height();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const Rect work_area{0, menu_height, display.x, display.y - menu_height - status_height};
    draw_slots(work_area);
    draw_status_bar(status_height);

    switch (route_global_keys(ctx_, is_modal_open())) {
        case ShellCommand::ToggleHelp:
            is_help_open_ = !is_help_open_;
            break;
        case ShellCommand::CloseOverlays:
            is_help_open_ = false;
            break;
        case ShellCommand::None:
            break;
    }
    if (is_help_open_) draw_help_overlay();
    if (is_metrics_open_) ImGui::ShowMetricsWindow(&is_metrics_open_);
    draw_load_error_modal();
    draw_path_prompt();
    dispatch_intents();
}

void Shell::begin_frame() {
    ++ctx_.frame_index_;
    apply_focus_request();
    for (const auto& service : services_) service->begin_frame(ctx_);
}

void Shell::apply_focus_request() {
    if (!ctx_.focus_request_) return;
    for (auto& entry : panels_) {
        if (*ctx_.focus_request_ != entry.panel->name()) continue;
        entry.is_open = true;
        entry.wants_select = true;
        focused_panel_ = entry.panel->name();
    }
    ctx_.focus_request_.reset();
}

void Shell::dispatch_intents() {
    for (const Intent& intent : ctx_.intents_.take_all()) {
        std::string logged = intent_name(intent.kind);
        if (!intent.path.empty()) logged += ":" + intent.path;
        intent_log_.push_back(std::move(logged));
        if (intent_log_.size() > intent_log_max) intent_log_.erase(intent_log_.begin());

        bool is_handled = false;
        for (const auto& service : services_) {
            if (service->handle_intent(intent, ctx_)) {
                is_handled = true;
                break;
            }
        }
        if (!is_handled) apply_default(intent);
    }
}

// What the shell does on its own: prompts for paths, PNG export, quit, and an honest status
// message for everything that needs a session the shell does not have.
void Shell::apply_default(const Intent& intent) {
    switch (intent.kind) {
        case IntentKind::Quit:
            is_quit_requested_ = true;
            return;
        case IntentKind::ExportPng:
            if (intent.path.empty()) {
                open_path_prompt(IntentKind::ExportPng, default_png_path);
            } else {
                png_export_path_ = intent.path;
                png_export_frame_index_ = ctx_.frame_index() + 1;
            }
            return;
        case IntentKind::Save:
            // Reached only when no service saved: the session has no file yet, so ask for one.
            if (intent.path.empty()) {
                open_path_prompt(IntentKind::Save, default_recording_path);
            } else {
                ctx_.set_status("Save: nothing to save yet");
            }
            return;
        case IntentKind::Open:
            if (intent.path.empty()) {
                open_path_prompt(IntentKind::Open, {});
            } else if (std::error_code e; !std::filesystem::exists(intent.path, e)) {
                ctx_.show_load_error(LoadError{intent.path, "", "No such file or folder"});
            } else {
                ctx_.warn("Cannot open " + intent.path + ": no loader is connected yet");
            }
            return;
        default:
            ctx_.set_status(std::string(describe(intent.kind)) + ": no session is running yet");
            return;
    }
}

void Shell::open_path_prompt(IntentKind kind, std::string path) {
    prompt_.kind = kind;
    prompt_.path = std::move(path);
    prompt_.wants_open = true;
}

std::optional<std::string> Shell::take_png_export_request() {
    if (!png_export_path_ || ctx_.frame_index() < png_export_frame_index_) return std::nullopt;
    return std::exchange(png_export_path_, std::nullopt);
}

bool Shell::is_modal_open() const {
    // Any popup a panel or service opened (the New cluster dialog, a menu) owns the keys too.
    const bool is_other_popup =
        ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    return prompt_.is_shown || prompt_.wants_open || ctx_.has_load_error() || is_other_popup;
}

void Shell::write_state(StateLine& out) const {
    out.add("frames", ctx_.frame_index());
    out.add("font", ctx_.fonts().has_symbols ? "dejavu" : "builtin");
    out.add("help_overlay", is_help_open_ ? 1 : 0);
    out.add("error_modal", ctx_.has_load_error() ? 1 : 0);
    out.add("error_file", ctx_.has_load_error() ? ctx_.load_errors_.front().file : "");
    out.add("error_place", ctx_.has_load_error() ? ctx_.load_errors_.front().place : "");
    out.add("prompt", prompt_.is_shown ? intent_name(prompt_.kind) : "");
    std::string open_panels;
    for (const auto& entry : panels_) {
        if (!entry.is_open) continue;
        open_panels += (open_panels.empty() ? "" : ",") + std::string(entry.panel->name());
    }
    out.add("panels", open_panels);
    out.add("focused_panel", focused_panel_);
    char layout[96];
    std::snprintf(layout, sizeof layout, "left:%.3f,right:%.3f,bottom:%.3f",
                  static_cast<double>(layout_.left), static_cast<double>(layout_.right),
                  static_cast<double>(layout_.bottom));
    out.add("layout", layout);
    out.add("slots", describe_slots(layout_rects_, presence_));
    std::string intents;
    for (const auto& logged : intent_log_) intents += (intents.empty() ? "" : ",") + logged;
    out.add("intents", intents);
    for (const auto& service : services_) service->write_state(out);
}

void Shell::save_settings(Settings& settings) const {
    save_layout(layout_, settings);
    for (const auto& entry : panels_)
        settings.set_bool(panel_open_key(*entry.panel), entry.is_open);
}

}  // namespace parsec::app
