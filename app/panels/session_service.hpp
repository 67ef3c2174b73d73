// The session controller: owns what is open (a reference dump or a cluster), the position in
// time, playback, and what the user selected. Panels read it; intents change it.
#pragma once
#include <memory>
#include <optional>

#include "session/session.hpp"
#include "shell/service.hpp"

namespace parsec::app {

struct Selection {
    std::optional<core::Hash32> first;   // events are identified by hash: stable across seeks
    std::optional<core::Hash32> second;
    size_t perspective = 0;              // whose view is drawn
};

class SessionService final : public ShellService {
public:
    const char* name() const override { return "Session"; }
    void begin_frame(ShellContext& ctx) override;
    bool handle_intent(const Intent& intent, ShellContext& ctx) override;
    void write_state(StateLine& out) const override;

    Session* session() const { return session_.get(); }
    Selection& selection() { return selection_; }
    const Selection& selection() const { return selection_; }
    // Opens a file; on failure the error modal names the file and place and the old session stays.
    bool open(const std::string& path, ShellContext& ctx);
    void replace_session(std::unique_ptr<Session> s);
    void seek(size_t input, ShellContext& ctx);

    bool is_playing() const { return playing_; }
    float inputs_per_second = 4.0f;
    // Local index of the selected event in the perspective node, if it has it.
    std::optional<model::EventIndex> selected_event(bool second = false) const;

private:
    std::unique_ptr<Session> session_;
    Selection selection_;
    bool playing_ = false;
    double play_budget_ = 0;
};

}  // namespace parsec::app
