#include "session/dot_session.hpp"

#include <algorithm>

#include "dot/conformance.hpp"
#include "dot/dot_replay_step.hpp"

namespace parsec::app {

core::Result<std::unique_ptr<DotSession>> DotSession::open(const std::string& path, const std::string& text) {
    auto parsed = dot::parse_dot(text, path);
    if (!parsed.ok()) return parsed.error();
    auto plan = dot::plan_replay(parsed.value(), path);
    if (!plan.ok()) return plan.error();
    std::unique_ptr<DotSession> s(new DotSession());
    s->path_ = path;
    s->plan_ = std::move(plan.value());
    if (auto st = s->build_checkpoints(); !st.ok()) return st.error();
    auto report = dot::check_conformance(parsed.value(), path);
    if (report.passed) {
        s->summary_ = "Recomputed by our engine: agrees with the dump (" + std::to_string(report.meta_events_checked) +
                      " meta-events and the consensus history checked).";
    } else {
        s->summary_ = "Our recomputation DISAGREES with the dump: " + report.failure;
        // Failures name the event as "event NAME"; mark it for the graph.
        auto at = report.failure.find("event ");
        if (at != std::string::npos) {
            auto end = report.failure.find_first_of(",: ", at + 6);
            s->disagreements_.push_back(report.failure.substr(at + 6, end - at - 6));
        }
    }
    if (auto st = s->seek(s->input_count()); !st.ok()) return st.error();
    return s;
}

core::Status DotSession::build_checkpoints() {
    node::NodeOptions options;
    options.mode = plan_.mode;
    options.keep_meta_history = true;
    crypto::MockCrypto mock;
    auto crypto = std::make_shared<crypto::MockCrypto>();
    auto made = node::Node::from_genesis(mock.make_identity(plan_.our_id.name, {}), plan_.genesis_group, options, crypto);
    if (!made.ok()) return made.error();
    node::Node n = std::move(made.value());
    checkpoints_.emplace_back(0, n);
    for (size_t i = 0; i < plan_.actions.size(); ++i) {
        size_t before = n.decisions().size();
        if (auto st = dot::apply_action(n, plan_.actions[i]); !st.ok()) {
            core::Error e = st.error();
            e.where = path_ + ": replay action " + std::to_string(i + 1);
            return e;
        }
        if (n.decisions().size() > before) decisions_.push_back(i + 1);
        if ((i + 1) % kCheckpointEvery == 0) checkpoints_.emplace_back(i + 1, n);
    }
    return {};
}

core::Status DotSession::seek(size_t input) {
    input = std::min(input, plan_.actions.size());
    auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), input,
                               [](size_t v, const auto& c) { return v < c.first; });
    --it;  // checkpoints_ always holds position 0
    auto n = std::make_unique<node::Node>(it->second);
    for (size_t i = it->first; i < input; ++i)
        if (auto st = dot::apply_action(*n, plan_.actions[i]); !st.ok()) return st;
    current_ = std::move(n);
    position_ = input;
    return {};
}

std::string DotSession::input_label(size_t input) const {
    if (input == 0 || input > plan_.actions.size()) return "genesis";
    return dot::describe_action(plan_.actions[input - 1]);
}

}  // namespace parsec::app
