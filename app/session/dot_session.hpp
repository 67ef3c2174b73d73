// A reference .dot dump opened for inspection: our engine replays it (spec §9.6) one action at a
// time, with node checkpoints so seeking anywhere is instant, and compares the result with the
// dump's own annotations (spec §10).
#pragma once
#include <memory>

#include "dot/dot_replay.hpp"
#include "session/session.hpp"

namespace parsec::app {

class DotSession final : public Session {
public:
    static core::Result<std::unique_ptr<DotSession>> open(const std::string& path, const std::string& text);

    std::string title() const override { return path_; }
    size_t node_count() const override { return 1; }
    const node::Node& node(size_t) const override { return *current_; }
    size_t input_count() const override { return plan_.actions.size(); }
    size_t position() const override { return position_; }
    core::Status seek(size_t input) override;
    std::string input_label(size_t input) const override;
    const std::vector<size_t>& decision_positions() const override { return decisions_; }
    std::string summary() const override { return summary_; }
    const std::vector<std::string>& disagreements() const override { return disagreements_; }

private:
    static constexpr size_t kCheckpointEvery = 16;
    DotSession() = default;
    core::Status build_checkpoints();

    std::string path_;
    dot::ReplayPlan plan_;
    std::vector<std::pair<size_t, node::Node>> checkpoints_;  // (position, state), ascending
    std::unique_ptr<node::Node> current_;
    size_t position_ = 0;
    std::vector<size_t> decisions_;
    std::string summary_;
    std::vector<std::string> disagreements_;
};

}  // namespace parsec::app
