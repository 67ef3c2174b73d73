// The one running meta-election of a node (spec §4.1) and the rules that advance it (§4.2-§4.4,
// §5.6, §6.1, §6.2, §6.4). State is plain data so read-only views can show every part of it.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "election/meta_vote.hpp"
#include "election/store.hpp"
#include "graph/graph.hpp"

namespace parsec::election {

using model::EventIndex;

enum class ObserverKind : std::uint8_t { None, This, Ancestor };

struct MetaEvent {
    ObserverKind observer = ObserverKind::None;
    std::vector<PeerIndex> observees;             // sorted; non-empty only for This
    std::vector<KeyIndex> interesting_content;    // ordered
    std::vector<std::pair<PeerIndex, MetaVoteList>> meta_votes;  // sorted by peer

    const MetaVoteList* votes_for(PeerIndex p) const {
        for (const auto& [peer, list] : meta_votes)
            if (peer == p) return &list;
        return nullptr;
    }
    bool is_empty() const { return observees.empty() && interesting_content.empty() && meta_votes.empty(); }
};

struct InterestingEvents {
    std::vector<EventIndex> events;  // in processing order
    std::set<KeyIndex> keys;
};

struct MetaElection {
    std::vector<PeerIndex> voters;                              // sorted
    std::vector<std::shared_ptr<const MetaEvent>> meta_events;  // by event index (null = none); immutable
    std::map<PeerIndex, InterestingEvents> interesting_events;
    std::set<EventIndex> unconsensused_events;
    std::map<KeyIndex, std::set<EventIndex>> unconsensused_by_key;
    std::vector<KeyIndex> consensus_history;
    EventIndex new_consensus_start_index = 0;
    EventIndex continue_consensus_start_index = 0;
    EventIndex meta_floor = 0;  // no meta-event exists below this index

    // Every meta-event built, by event: the latest version, kept after pruning for inspection.
    // Null unless history is switched on (the debugger); pruning never touches it.
    std::vector<std::shared_ptr<const MetaEvent>> history;
    bool keep_history = false;

    bool is_voter(PeerIndex p) const;
    const MetaEvent* meta_event(EventIndex e) const {
        return e < meta_events.size() ? meta_events[e].get() : nullptr;
    }
};

struct ElectionContext {
    const graph::Graph& graph;
    const graph::PeerList& peers;
    const ObservationStore& store;
    model::ConsensusMode mode;
};

struct MembershipChange {
    enum class Kind { Add, Remove } kind;
    PeerIndex peer;
};

// spec §4.2: builds or rebuilds E's meta-event (interesting content, observer, meta-votes).
void create_needed_meta_event(MetaElection& me, const ElectionContext& ctx, EventIndex e);
// spec §6.1 + §6.2: the keys decided at E, in block order (empty if no decision).
std::vector<KeyIndex> compute_consensus(const MetaElection& me, const ElectionContext& ctx, EventIndex e);
// spec §6.4. Returns the index to restart processing from.
EventIndex new_election(MetaElection& me, const ElectionContext& ctx, const std::vector<KeyIndex>& keys,
                        const std::vector<MembershipChange>& changes);
// Registers an inserted event that carries a not-yet-consensused key (spec §2.4 step 5).
void add_unconsensused(MetaElection& me, EventIndex e, KeyIndex key);

}  // namespace parsec::election
