// Byzantine behaviour authored with the engine's public pieces (spec §7 lists what honest nodes
// detect): events are built as PackedEvents, signed with the Byzantine node's own identity and
// sent to chosen victims. Everything is a pure function of the cluster state, so it replays.
#include <algorithm>

#include "core/assert.hpp"
#include "sim/cluster.hpp"

namespace parsec::sim {

using core::make_error;
using model::CauseKind;
using model::PackedEvent;

namespace {

void sign_event(PackedEvent& p, const crypto::Identity& who, const crypto::Crypto& crypto) {
    core::Bytes content;
    model::encode_content(content, p, crypto);
    p.signature = crypto.sign(who, content);
}

void sign_vote(PackedEvent& p, const crypto::Identity& who, const crypto::Crypto& crypto) {
    core::Bytes payload;
    model::encode_observation(payload, p.vote, crypto);
    p.vote_signature = crypto.sign(who, payload);
}

// Our most recent opaque vote, if any: the payload a double vote repeats.
const model::Observation* last_opaque_vote(const node::Node& engine) {
    const auto& slots = engine.peers()[model::kOurIndex].slots;
    for (auto slot = slots.rbegin(); slot != slots.rend(); ++slot)
        for (model::EventIndex e : *slot) {
            const auto& ev = engine.graph()[e];
            if (ev.cause != CauseKind::Observation || ev.key == model::kNoKey) continue;
            const auto& obs = engine.store()[ev.key].observation;
            if (obs.kind == model::ObsKind::OpaquePayload) return &obs;
        }
    return nullptr;
}

}  // namespace

// Crafted events that ride in front of the next message this Byzantine node handles. The engine
// inserts them as its own events, so its chain stays linear and its next sync event is valid.
model::Message Cluster::armed_prefix(NodeId id) {
    auto& n = nodes_[id];
    model::Message out;
    if (!n.engine || (!n.double_vote_armed && !n.same_creator_armed)) return out;
    const node::Node& engine = *n.engine;
    const auto& own = engine.peers()[model::kOurIndex];
    PARSEC_ASSERT(!own.slots.empty(), "an armed Byzantine node has events");
    core::Hash32 last = engine.graph()[own.last_event()].hash;
    if (n.double_vote_armed) {
        n.double_vote_armed = false;
        if (const auto* obs = last_opaque_vote(engine)) {
            PackedEvent p;
            p.creator = n.identity.id;
            p.cause = CauseKind::Observation;
            p.self_parent = last;
            p.vote = *obs;
            sign_vote(p, n.identity, *crypto_);
            sign_event(p, n.identity, *crypto_);
            out.push_back(model::seal(std::move(p), *crypto_));
            last = out.back()->hash();
        }
    }
    if (n.same_creator_armed) {
        n.same_creator_armed = false;
        // Other-parent: our own event two places back (spec §7.1 #2 OtherParentBySameCreator).
        const std::size_t slot = own.slots.size() >= 3 ? own.slots.size() - 3 : 0;
        PackedEvent p;
        p.creator = n.identity.id;
        p.cause = CauseKind::Request;
        p.self_parent = last;
        p.other_parent = engine.graph()[own.slots[slot].front()].hash;
        sign_event(p, n.identity, *crypto_);
        out.push_back(model::seal(std::move(p), *crypto_));
    }
    return out;
}

void Cluster::apply_byzantine(const ByzantineInput& in, Outcome& out) {
    auto& n = nodes_[in.node];
    if (!n.engine || n.status != NodeStatus::Running) {
        record_error(in.node, make_error("NodeNotRunning"), out);
        return;
    }
    Touch t{in.node, n.engine->graph().size()};
    auto needs_victim = [&](NodeId v) {
        if (v == kNoNode || v == in.node) {
            record_error(in.node, make_error("NoVictim"), out);
            return false;
        }
        return true;
    };
    switch (in.kind) {
        case ByzantineKind::Fork: {
            if (!needs_victim(in.victim_a) || !needs_victim(in.victim_b) || in.victim_a == in.victim_b) break;
            // Two Requesting events on one self-parent: one from the engine, one from a copy of it
            // taken just before, so each victim gets exactly what it lacks (spec §7.1 #8).
            node::Node twin = *n.engine;
            auto first = n.engine->create_gossip(nodes_[in.victim_a].identity.id);
            auto second = twin.create_gossip(nodes_[in.victim_b].identity.id);
            if (!first.ok()) {
                record_error(in.node, first.error(), out);
                break;
            }
            send(in.node, in.victim_a, true, std::move(first.value()), out);
            if (!second.ok() || second->empty()) break;
            out.created.push_back(CreatedEvent{in.node, second->back()->hash()});
            send(in.node, in.victim_b, true, std::move(second.value()), out);
            break;
        }
        case ByzantineKind::DoubleVote:
            // The first vote, if there is none yet to repeat; the repeat rides on the next message.
            if (!last_opaque_vote(*n.engine)) {
                auto obs = model::Observation::opaque("double-" + n.name + "-" + std::to_string(tick_));
                if (auto s = n.engine->vote_for(obs); !s.ok()) record_error(in.node, s.error(), out);
            }
            n.double_vote_armed = true;
            break;
        case ByzantineKind::SameCreatorOtherParent: {
            // A Request whose other-parent is our own older event (spec §7.1 #2), handed to every
            // other running node at once. Receivers reject it, so no one can learn of it from
            // another; one who saw only someone else's accusation of it would call that accusation
            // invalid (§7.1 #9). Hence a broadcast, and not inserted in our own graph.
            // Both parents must be events every receiver has, or it would refuse the event for an
            // unknown parent before looking for malice.
            const auto& own = n.engine->peers()[model::kOurIndex];
            std::size_t top = own.slots.size();
            while (top > 1) {
                const core::Hash32& h = n.engine->graph()[own.slots[top - 1].front()].hash;
                bool known = true;
                for (NodeId v = 0; v < nodes_.size() && known; ++v)
                    if (v != in.node && nodes_[v].engine && nodes_[v].status == NodeStatus::Running)
                        known = nodes_[v].engine->graph().find(h) != model::kNoEvent;
                if (known) break;
                --top;
            }
            if (top < 2) {
                record_error(in.node, make_error("NoVictim"), out);
                break;
            }
            PackedEvent p;
            p.creator = n.identity.id;
            p.cause = CauseKind::Request;
            p.self_parent = n.engine->graph()[own.slots[top - 1].front()].hash;
            p.other_parent = n.engine->graph()[own.slots[top >= 3 ? top - 3 : 0].front()].hash;
            sign_event(p, n.identity, *crypto_);
            const model::Message message{model::seal(std::move(p), *crypto_)};
            std::vector<Touch> touched{t};
            for (NodeId v = 0; v < nodes_.size(); ++v) {
                auto& victim = nodes_[v];
                if (v == in.node || !victim.engine || victim.status != NodeStatus::Running) continue;
                touched.push_back(Touch{v, victim.engine->graph().size()});
                auto res = victim.engine->handle_request(n.identity.id, message);
                if (!res.ok()) record_error(v, res.error(), out);
                else send(v, in.node, false, std::move(res.value()), out);
            }
            finish(touched, out);
            return;
        }
        case ByzantineKind::BadSignature: {
            if (!needs_victim(in.victim_a)) break;
            const auto& own = n.engine->peers()[model::kOurIndex];
            PackedEvent p;
            p.creator = n.identity.id;
            p.cause = CauseKind::Observation;
            p.self_parent = n.engine->graph()[own.last_event()].hash;
            p.vote = model::Observation::opaque("bad-signature-" + n.name + "-" + std::to_string(tick_));
            sign_vote(p, n.identity, *crypto_);
            sign_event(p, n.identity, *crypto_);
            p.signature.bytes[0] ^= 0x5A;  // no longer verifies (spec §1.5 SignatureFailure)
            model::SealedRef sealed = model::seal(std::move(p), *crypto_);
            out.created.push_back(CreatedEvent{in.node, sealed->hash()});
            send(in.node, in.victim_a, true, model::Message{std::move(sealed)}, out);
            break;
        }
        case ByzantineKind::PrematureGossip: {
            if (!needs_victim(in.victim_a)) break;
            const auto& victim = nodes_[in.victim_a];
            if (victim.engine && !victim.is_member() && victim.status == NodeStatus::Running) {
                // Gossip to a node that is not voted in yet (spec §7.2 PrematureGossip).
                model::Message all;
                for (model::EventIndex e = 0; e < n.engine->graph().size(); ++e) all.push_back(n.engine->pack(e));
                send(in.node, in.victim_a, true, std::move(all), out);
            } else {
                // No joiner to gossip to: an unsolicited response, sent before any request.
                auto m = n.engine->create_gossip(victim.identity.id);
                if (!m.ok()) record_error(in.node, m.error(), out);
                else send(in.node, in.victim_a, false, std::move(m.value()), out);
            }
            break;
        }
        case ByzantineKind::Withhold:
        case ByzantineKind::Honest: record_error(in.node, make_error("NotAnAction"), out); break;
    }
    finish({t}, out);
}

}  // namespace parsec::sim
