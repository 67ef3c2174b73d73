#include "dot/dot_replay_step.hpp"

namespace parsec::dot {

core::Status apply_action(node::Node& n, const Action& a) {
    if (auto* v = std::get_if<ActionVote>(&a)) return n.vote_for(v->observation);
    // The messages a replayed node would send are discarded (spec §9.6): they are never packed.
    if (auto* r = std::get_if<ActionRequesting>(&a)) return n.create_gossip_event(r->recipient);
    const auto& sync = std::get<ActionSync>(a);
    if (sync.is_request) return n.handle_request_discarding_response(sync.src, sync.message, sync.dkg_votes);
    return n.handle_response(sync.src, sync.message, sync.dkg_votes);
}

std::string describe_action(const Action& a) {
    if (auto* v = std::get_if<ActionVote>(&a)) {
        const auto& o = v->observation;
        switch (o.kind) {
            case model::ObsKind::OpaquePayload: return "vote " + o.payload;
            case model::ObsKind::Add: return "vote Add(" + o.peer.name + ")";
            case model::ObsKind::Remove: return "vote Remove(" + o.peer.name + ")";
            default: return "vote";
        }
    }
    if (auto* r = std::get_if<ActionRequesting>(&a)) return "gossip to " + r->recipient.name;
    const auto& s = std::get<ActionSync>(a);
    return std::string(s.is_request ? "request" : "response") + " from " + s.src.name + " (" +
           std::to_string(s.message.size()) + " events)";
}

}  // namespace parsec::dot
