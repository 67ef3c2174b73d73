// The application shell: main menu, fixed layout of panel slots, status bar, help overlay,
// load-error modal and file prompts. It turns keys and menu clicks into intents and applies the
// intents no service handled. Member functions are split by job across shell_*.cpp files.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "shell/layout.hpp"
#include "shell/panel.hpp"
#include "shell/service.hpp"
#include "shell/shell_context.hpp"

namespace parsec::app {

class StateLine;

class Shell {
public:
    // Instantiates every registered panel and service; reads layout and panel visibility.
    explicit Shell(ShellContext& ctx);
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    void draw_frame();  // every ImGui call of one frame
    bool is_quit_requested() const { return is_quit_requested_; }
    // A PNG the user asked for, due after this frame's render (the prompt is gone by then).
    std::optional<std::string> take_png_export_request();
    void write_state(StateLine& out) const;
    void save_settings(Settings& settings) const;

private:
    struct PanelEntry {
        std::unique_ptr<Panel> panel;
        bool is_open = true;
        bool wants_select = false;  // select its tab on the next frame
    };
    struct PathPrompt {
        IntentKind kind = IntentKind::Open;
        std::string path;
        bool wants_open = false;  // OpenPopup on the next frame
        bool is_shown = false;
    };

    // shell.cpp: the frame and the intents
    void begin_frame();
    void dispatch_intents();
    void apply_default(const Intent& intent);
    void apply_focus_request();
    void open_path_prompt(IntentKind kind, std::string path);
    // shell_menu.cpp
    float draw_main_menu();
    // shell_slots.cpp
    void draw_slots(const Rect& work_area);
    void draw_slot(PanelSlot slot, const Rect& rect);
    void draw_graph_placeholder();
    SlotPresence slot_presence() const;
    // shell_overlays.cpp
    void draw_help_overlay();
    void draw_load_error_modal();
    void draw_path_prompt();
    // shell_status_bar.cpp
    float status_bar_height() const;
    void draw_status_bar(float height);

    bool is_modal_open() const;

    ShellContext& ctx_;
    std::vector<std::unique_ptr<ShellService>> services_;
    std::vector<PanelEntry> panels_;
    LayoutFractions layout_;
    LayoutRects layout_rects_;  // last frame's, for the STATE line (tests click into slots)
    SlotPresence presence_;
    bool is_help_open_ = false;
    bool is_metrics_open_ = false;
    bool is_quit_requested_ = false;
    std::string focused_panel_;
    PathPrompt prompt_;
    std::optional<std::string> png_export_path_;
    int64_t png_export_frame_index_ = 0;
    std::vector<std::string> intent_log_;  // every dispatched intent, for the STATE line
};

}  // namespace parsec::app
