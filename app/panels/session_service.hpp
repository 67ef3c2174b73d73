// The session controller: owns what is open (a reference dump or a cluster), the position in
// time, playback, and what the user selected. Panels read it; intents change it.
#pragma once
#include <memory>
#include <optional>

#include "session/session.hpp"
#include "sim/config.hpp"
#include "shell/service.hpp"

namespace parsec::app {

struct Selection {
    std::optional<core::Hash32> first;   // events are identified by hash: stable across seeks
    std::optional<core::Hash32> second;
    size_t perspective = 0;              // whose view is drawn
};

class SessionService final : public ShellService {
public:
    // Starts on the default live cluster, playing, so the app shows the algorithm at once.
    SessionService();
    const char* name() const override { return "Session"; }
    void begin_frame(ShellContext& ctx) override;
    bool handle_intent(const Intent& intent, ShellContext& ctx) override;
    void write_state(StateLine& out) const override;

    Session* session() const { return session_.get(); }
    Selection& selection() { return selection_; }
    const Selection& selection() const { return selection_; }
    // Opens a .dot dump or (any other extension) a recording; on failure the error modal names
    // the file and place and the old session stays.
    bool open(const std::string& path, ShellContext& ctx);
    // Saves the live session as a recording (atomically); false with a warning otherwise.
    bool save(const std::string& path, ShellContext& ctx);
    // Replaces the session with a new simulated cluster; a bad config is a warning.
    bool new_cluster(const sim::SimConfig& config, ShellContext& ctx);
    void replace_session(std::unique_ptr<Session> s);
    void seek(size_t input, ShellContext& ctx);

    bool is_playing() const { return playing_; }
    void set_playing(bool playing) { playing_ = playing; }
    float inputs_per_second = 6.0f;
    // Local index of the selected event in the perspective node, if it has it.
    std::optional<model::EventIndex> selected_event(bool second = false) const;

private:
    // Shift+→ past the last known decision of a live cluster runs the cluster on, a slice per
    // frame so the window stays responsive and shows the run, until someone decides.
    void run_ahead(ShellContext& ctx);
    std::unique_ptr<Session> session_;
    std::string saved_path_;  // where Ctrl+S writes without asking (after the first save)
    Selection selection_;
    bool playing_ = false;
    double play_budget_ = 0;
    std::optional<size_t> run_ahead_from_;  // the position Shift+→ was pressed at, while running on
};

}  // namespace parsec::app
