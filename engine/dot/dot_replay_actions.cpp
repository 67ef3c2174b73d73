// DotReplay action derivation (spec §9.6 steps 1-3) and playback (step 4).
#include <algorithm>
#include <queue>

#include "dot/dot_replay_internal.hpp"
#include "dot/dot_replay_step.hpp"

namespace parsec::dot {

using core::make_error;
using model::CauseKind;

core::Result<ReplayPlan> derive_actions(const DotFile& file, std::string_view file_name, ReplayPlan plan,
                                        const std::vector<model::SealedRef>& sealed) {
    const size_t n = sealed.size();
    auto packed = [&](size_t i) -> const model::PackedEvent& { return sealed[i]->packed(); };
    auto at = [&](size_t i) -> const DotEvent& { return file.events[plan.parsed_file_index[i]]; };
    auto err = [&](size_t i, std::string msg) {
        return make_error("InvalidRecording", std::move(msg), std::string(file_name) + ":" + std::to_string(at(i).line));
    };
    if (n < 2 || at(0).creator != file.our_id || at(0).cause != DotCause::Initial)
        return make_error("InvalidRecording", "the first event must be our Initial event", std::string(file_name));
    if (at(1).creator != file.our_id || at(1).cause != DotCause::Observation ||
        at(1).observation.kind != DotObservation::Kind::Genesis)
        return err(1, "the second event must be our Genesis vote (Record supports genesis members only)");
    plan.genesis_group.clear();
    for (size_t i = 0; i < n; ++i) {
        if (packed(i).cause == CauseKind::Observation && packed(i).vote.kind == model::ObsKind::Genesis) {
            plan.genesis_group = packed(i).vote.group;
            break;
        }
    }

    // Parent positions in the parsed order, for the ancestor walks.
    std::unordered_map<std::string, size_t> pos_of;
    for (size_t i = 0; i < n; ++i) pos_of[plan.parsed_names[i]] = i;
    auto parent_pos = [&](const std::string& name) -> long {
        auto it = pos_of.find(name);
        return it == pos_of.end() ? -1 : static_cast<long>(it->second);
    };
    std::vector<char> known(n, 0);
    std::vector<char> visited(n, 0);
    // Ancestors of `o` in decreasing topological order, minus known ones but `o` itself (spec §1.7, §9.6).
    auto message_for = [&](size_t o) {
        std::vector<size_t> taken;
        std::priority_queue<size_t> heap;
        std::vector<size_t> touched;
        heap.push(o);
        while (!heap.empty()) {
            size_t x = heap.top();
            heap.pop();
            if (visited[x]) continue;
            visited[x] = 1;
            touched.push_back(x);
            if (x == o || !known[x]) {
                taken.push_back(x);
                known[x] = 1;
            }
            for (const std::string* p : {&at(x).self_parent, &at(x).other_parent}) {
                long pp = parent_pos(*p);
                if (pp >= 0 && !visited[static_cast<size_t>(pp)]) heap.push(static_cast<size_t>(pp));
            }
        }
        for (size_t x : touched) visited[x] = 0;
        std::reverse(taken.begin(), taken.end());
        model::Message msg;
        for (size_t x : taken) msg.push_back(sealed[x]);
        return msg;
    };

    std::vector<model::Observation> pending_dkg;
    for (size_t i = 2; i < n; ++i) {
        const DotEvent& e = at(i);
        if (e.creator != file.our_id) continue;
        known[i] = 1;
        switch (e.cause) {
            case DotCause::Observation:
                if (e.observation.kind == DotObservation::Kind::Accusation)
                    return err(i, "our accusation cannot be replayed (malice detection was off in the reference)");
                if (e.observation.kind == DotObservation::Kind::DkgMessage) pending_dkg.push_back(packed(i).vote);
                else plan.actions.push_back(ActionVote{packed(i).vote});
                break;
            case DotCause::Request:
            case DotCause::Response: {
                long o = parent_pos(e.other_parent);
                if (o < 0) return err(i, "sync event without a known other-parent");
                ActionSync s;
                s.is_request = e.cause == DotCause::Request;
                s.src = packed(static_cast<size_t>(o)).creator;
                s.message = message_for(static_cast<size_t>(o));
                s.dkg_votes = std::move(pending_dkg);
                pending_dkg.clear();
                plan.actions.push_back(std::move(s));
                break;
            }
            case DotCause::Requesting:
                plan.actions.push_back(ActionRequesting{packed(i).recipient});
                break;
            case DotCause::Initial:
                return err(i, "a second Initial event of ours");
        }
    }
    // Events nobody sent us yet arrive in one final request (spec §9.6 step 3).
    std::vector<size_t> unknown;
    for (size_t i = 2; i < n; ++i)
        if (!known[i]) unknown.push_back(i);
    if (!unknown.empty()) {
        size_t last = unknown.back();
        ActionSync s;
        s.is_request = true;
        s.src = packed(last).creator;
        for (size_t x : unknown) s.message.push_back(sealed[x]);
        model::PackedEvent req;
        req.creator = s.src;
        req.cause = CauseKind::Requesting;
        req.self_parent = plan.parsed_hashes[last];
        req.recipient = plan.our_id;
        crypto::MockCrypto mock;
        core::Bytes content;
        model::encode_content(content, req, mock);
        req.signature = mock.sign(mock.make_identity(s.src.name, {}), content);
        s.message.push_back(model::seal(std::move(req), mock, &content));
        plan.actions.push_back(std::move(s));
        plan.added_final_requesting_event = true;
    }
    return plan;
}

core::Result<node::Node> play(const ReplayPlan& plan, std::shared_ptr<const crypto::Crypto> crypto,
                              node::DecisionHook hook) {
    crypto::Identity our = plan.our_identity;
    if (!(our.id == plan.our_id)) our = crypto::MockCrypto{}.make_identity(plan.our_id.name, {});  // a hand-made plan
    node::NodeOptions options;
    options.mode = plan.mode;
    // The hook must see the genesis vote's processing too, so it is installed before construction
    // can decide anything: from_genesis itself never decides with more than one voter.
    auto made = node::Node::from_genesis(our, plan.genesis_group, options, std::move(crypto));
    if (!made.ok()) return made.error();
    node::Node n = std::move(made.value());
    if (hook) n.set_decision_hook(hook);
    n.reserve_events(plan.parsed_hashes.size() + 2);  // + the final request's two events
    for (size_t i = 0; i < plan.actions.size(); ++i) {
        core::Status s = apply_action(n, plan.actions[i]);
        if (!s.ok()) {
            core::Error e = s.error();
            e.where = "replay action " + std::to_string(i) + (e.where.empty() ? "" : " (" + e.where + ")");
            return e;
        }
    }
    return n;
}

}  // namespace parsec::dot
