// Read-only view of one node for the visualiser and the CLI: everything about an event and the
// election, cheap to query, never mutating. Built on the node's own state (spec §3-§6).
#pragma once
#include <string>
#include <vector>

#include "election/coin_trace.hpp"
#include "node/node.hpp"

namespace parsec::view {

using election::MetaEvent;
using model::EventIndex;
using model::KeyIndex;
using model::PeerIndex;

// Why x does or does not strongly see y (spec §3): the creators whose latest ancestor of x sees y
// carry the >2/3 paths; a known fork of y's creator blocks seeing altogether.
struct StronglySeesExplanation {
    bool is_ancestor = false;
    bool sees = false;
    bool strongly_sees = false;
    bool blocked_by_fork = false;             // x knows a fork of y's creator
    std::vector<PeerIndex> carriers;          // creators whose latest ancestor sees y (ascending)
    std::vector<EventIndex> carrier_events;   // that latest ancestor, per carrier
    std::size_t voter_count = 0;
    std::size_t needed = 0;                   // smallest count that is a supermajority
};

class NodeView {
public:
    explicit NodeView(const node::Node& node) : node_(&node) {}

    const node::Node& node() const { return *node_; }
    std::size_t event_count() const { return node_->graph().size(); }
    std::size_t peer_count() const { return node_->peers().size(); }
    const model::Event& event(EventIndex e) const { return node_->graph()[e]; }
    const crypto::PeerId& peer_id(PeerIndex p) const { return node_->peers()[p].id; }
    std::uint8_t peer_state(PeerIndex p) const { return node_->peers()[p].current_state(); }
    EventIndex find(const core::Hash32& h) const { return node_->graph().find(h); }

    // The payload's display text (spec §9.3 form) and the event's dump name.
    std::string payload_text(KeyIndex key) const;
    const std::vector<std::string>& event_names() const;

    // The meta-event of e in the running election, or (with history on) its last built version.
    const MetaEvent* current_meta_event(EventIndex e) const { return node_->election().meta_event(e); }
    const MetaEvent* latest_meta_event(EventIndex e) const;
    bool is_observer(EventIndex e) const;

    std::vector<EventIndex> ancestors(EventIndex x) const;        // including x, ascending
    std::vector<EventIndex> seen_by(EventIndex x) const;          // events x sees, ascending
    std::vector<EventIndex> strongly_seen_by(EventIndex x) const; // events x strongly sees, ascending
    StronglySeesExplanation explain(EventIndex x, EventIndex y) const;

    const std::vector<PeerIndex>& voters() const { return node_->election().voters; }
    const std::vector<node::Decision>& decisions() const { return node_->decisions(); }
    // The entries of e's meta-votes that the coin produced in the running election (spec §5.7);
    // nullopt when that cannot be told (see election::coin_uses).
    std::optional<std::vector<election::CoinUse>> coin_uses(EventIndex e) const {
        return election::coin_uses(node_->election(), node_->context(), e);
    }

private:
    const node::Node* node_;
    mutable std::vector<std::string> names_;   // cached per graph size
};

}  // namespace parsec::view
