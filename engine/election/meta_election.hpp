// The one running meta-election of a node (spec §4.1) and the rules that advance it (§4.2-§4.4,
// §5.6, §6.1, §6.2, §6.4). State is plain data so read-only views can show every part of it.
#pragma once
#include <memory>
#include <vector>

#include "core/small_vector.hpp"
#include "election/meta_vote.hpp"
#include "election/others_sums.hpp"
#include "election/store.hpp"
#include "graph/graph.hpp"

namespace parsec::election {

using model::EventIndex;

enum class ObserverKind : std::uint8_t { None, This, Ancestor };

struct MetaEvent {
    ObserverKind observer = ObserverKind::None;
    std::vector<PeerIndex> observees;             // sorted; non-empty only for This
    std::vector<KeyIndex> interesting_content;    // ordered
    MetaVoteRows meta_votes;                      // one row per peer, ascending
    std::uint32_t longest_list = 0;               // max size of the meta_votes lists
    std::uint64_t serial = 0;                     // which build of its election made it (caches check it)
    // The serial of a meta-event with exactly these meta-votes: its self-sync-parent's origin when
    // every row came out as the parent's, else its own serial. Equal origins, equal meta-votes.
    std::uint64_t votes_origin = 0;
    std::uint32_t decided_rows = 0;               // lists whose last entry is decided (spec §6.1 counts them)
    std::uint64_t observer_version = 0;           // MetaElection::interesting_version when the observer was set
    // The other voters' latest non-forked ancestor events by voter rank (spec §5.6), found at the
    // first build (empty until then): a pure function of the event and the voters, which a kept
    // meta-event keeps (a change of voters drops every meta-event). Inline up to 16 voters: it is
    // read at every rebuild, and a separate heap block was one more cache miss behind the meta-event.
    core::SmallVector<EventIndex, 16> voter_ancestors;

    std::optional<MetaVoteList> votes_for(PeerIndex p) const { return meta_votes.find(p); }
    bool is_empty() const { return observees.empty() && interesting_content.empty() && meta_votes.empty(); }
};

// A set of small indices (keys, peers) as a bitmap: membership of keys is tested for every
// unconsensused key at every new sync event (spec §4.3), so it must be one load.
class KeySet {
public:
    bool contains(KeyIndex k) const { return k / 64 < bits_.size() && (bits_[k / 64] >> (k % 64)) & 1u; }
    void insert(KeyIndex k) {
        if (k / 64 >= bits_.size()) bits_.resize(k / 64 + 1, 0);
        bits_[k / 64] |= std::uint64_t{1} << (k % 64);
    }
    bool empty() const { return bits_.empty(); }
    void clear() { bits_.clear(); }  // keeps the capacity

private:
    std::vector<std::uint64_t> bits_;
};

struct InterestingEvents {
    std::vector<EventIndex> events;  // in processing order
    KeySet keys;                     // the union of their interesting content
};

// Each peer's interesting events (spec §4.1) by peer index: a peer is present once it has one.
// A vector, not a map: it is read at every new meta-event and emptied at every decision, and
// emptying keeps each peer's capacity for the next election.
class InterestingByPeer {
public:
    const InterestingEvents* find(PeerIndex p) const {
        return p < by_peer_.size() && !by_peer_[p].events.empty() ? &by_peer_[p] : nullptr;
    }
    InterestingEvents& operator[](PeerIndex p) {
        if (p >= by_peer_.size()) by_peer_.resize(p + 1);
        return by_peer_[p];
    }
    void clear() {
        for (auto& ie : by_peer_) {
            ie.events.clear();
            ie.keys.clear();
        }
    }

    // The present peers in ascending order, as (peer, events) pairs.
    struct Entry {
        PeerIndex peer;
        const InterestingEvents& ie;
    };
    class Iterator {
    public:
        Iterator(const std::vector<InterestingEvents>& v, std::size_t i) : v_(&v), i_(i) { skip(); }
        Entry operator*() const { return {static_cast<PeerIndex>(i_), (*v_)[i_]}; }
        Iterator& operator++() {
            ++i_;
            skip();
            return *this;
        }
        bool operator!=(const Iterator& o) const { return i_ != o.i_; }

    private:
        void skip() {
            while (i_ < v_->size() && (*v_)[i_].events.empty()) ++i_;
        }
        const std::vector<InterestingEvents>* v_;
        std::size_t i_;
    };
    Iterator begin() const { return Iterator(by_peer_, 0); }
    Iterator end() const { return Iterator(by_peer_, by_peer_.size()); }

private:
    std::vector<InterestingEvents> by_peer_;
};

// One unconsensused vote with what the ancestry test needs (spec §3 is_descendant_of), kept
// next to each other so the per-event scan of spec §4.3 reads one compact array.
struct VoteRef {
    EventIndex event;
    PeerIndex creator;
    std::uint32_t index_by_creator;
    std::uint32_t fork_number;
};

struct KeyVotes {
    KeyIndex key;
    bool single;                 // a Single-mode key (spec §1.3)
    std::vector<VoteRef> votes;  // ascending event index
};

// Unconsensused events by key (spec §4.1), in the order the keys first got one.
class VotesByKey {
public:
    const KeyVotes* find(KeyIndex k) const {
        return k < slot_.size() && slot_[k] ? &keys_[slot_[k] - 1] : nullptr;
    }
    void add(KeyIndex k, bool single, const VoteRef& v);
    // Drops the keys for which `decided(key)` holds.
    template <typename Pred>
    void erase_if(Pred decided);
    auto begin() const { return keys_.begin(); }
    auto end() const { return keys_.end(); }
    size_t size() const { return keys_.size(); }

private:
    std::vector<KeyVotes> keys_;
    std::vector<std::uint32_t> slot_;  // key index -> position in keys_ + 1, 0 = absent
};

struct MetaElection {
    std::vector<PeerIndex> voters;  // sorted; changed through set_voters and new_election only
    KeySet voter_set;               // the same as a bitmap: is_voter runs for every event processed
    std::vector<std::shared_ptr<const MetaEvent>> meta_events;  // by event index (null = none); immutable
    // By event index, what new_election asks of every meta-event, kept beside them so that it reads
    // one array instead of loading each meta-event: its interesting content as a mask of bits
    // (key % 64; 0 when empty) and whether its observer is This. Zero where there is none.
    std::vector<std::uint64_t> content_bits;
    std::vector<std::uint8_t> this_observer;
    InterestingByPeer interesting_events;
    std::vector<EventIndex> unconsensused_events;               // ascending
    VotesByKey unconsensused_by_key;
    std::vector<KeyIndex> consensus_history;
    EventIndex new_consensus_start_index = 0;
    EventIndex continue_consensus_start_index = 0;
    EventIndex meta_floor = 0;  // no meta-event exists below this index

    // Every meta-event built, by event: the latest version, kept after pruning for inspection.
    // Null unless history is switched on (the debugger); pruning never touches it.
    std::vector<std::shared_ptr<const MetaEvent>> history;
    bool keep_history = false;

    // Meta-events no longer referenced, kept for reuse with their capacity: one is built per
    // sync event and most are replaced soon. Only ever reused if nothing else holds them.
    std::vector<std::shared_ptr<MetaEvent>> spare;
    std::uint64_t build_serial = 0;     // the last MetaEvent::serial given
    // Changes whenever the observer candidates (each peer's first interesting event) may change.
    std::uint64_t interesting_version = 0;
    // The observer candidates (spec §4.4: each peer's first interesting event, by peer) as of
    // `candidates_version`: listed again only when interesting_version moves on.
    std::vector<PeerIndex> candidate_peers;
    std::vector<EventIndex> candidate_events;
    std::uint64_t candidates_version = ~std::uint64_t{0};
    OthersSumsByCreator others_sums;    // a cache for set_meta_votes (see OthersSums)

    MetaElection() = default;
    MetaElection(const MetaElection&) = default;
    MetaElection(MetaElection&&) = default;
    MetaElection& operator=(const MetaElection&) = default;
    MetaElection& operator=(MetaElection&&) = default;
    // Hands its unshared meta-events to this thread's next election (repeated replays build the
    // same thousands of them); a bounded cache, invisible in any result.
    ~MetaElection();

    bool is_voter(PeerIndex p) const { return voter_set.contains(p); }
    void set_voters(std::vector<PeerIndex> v);  // sorts them
    // An empty meta-event to fill: a spare one when possible.
    std::shared_ptr<MetaEvent> fresh_meta_event();
    // Drops `m`, keeping its object as a spare if this was the last reference.
    void release(std::shared_ptr<const MetaEvent>& m);
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
// Starts loading the meta-event of event `e`, if it has one: processing walks the graph in index
// order, and after a decision hundreds of meta-events are rebuilt in a row (spec §6.4), each one
// last touched long ago.
inline void prefetch_meta_event(const MetaElection& me, EventIndex e) {
    if (e < me.meta_events.size())
        if (const MetaEvent* m = me.meta_events[e].get()) {
            const char* p = reinterpret_cast<const char*>(m);
            __builtin_prefetch(p - 16);  // the shared count, just before
            for (std::size_t at = 48; at < sizeof(MetaEvent); at += 64) __builtin_prefetch(p + at);
        }
}
// spec §6.1 + §6.2: the keys decided at E, in block order (empty if no decision).
std::vector<KeyIndex> compute_consensus(const MetaElection& me, const ElectionContext& ctx, EventIndex e);
// spec §6.4. Returns the index to restart processing from.
EventIndex new_election(MetaElection& me, const ElectionContext& ctx, const std::vector<KeyIndex>& keys,
                        const std::vector<MembershipChange>& changes);
// Registers an inserted event (graph index e) that carries a not-yet-consensused key (spec §2.4
// step 5). `single` tells whether the key is a Single-mode key.
void add_unconsensused(MetaElection& me, EventIndex e, const model::Event& event, bool single);

// spec §4.3, in interesting_content.cpp.
std::vector<KeyIndex> interesting_content(const MetaElection& me, const ElectionContext& ctx, EventIndex e);
// The same into `out` (cleared first), reusing its capacity.
void interesting_content(const MetaElection& me, const ElectionContext& ctx, EventIndex e, std::vector<KeyIndex>& out);

template <typename Pred>
void VotesByKey::erase_if(Pred decided) {
    size_t out = 0;
    for (size_t i = 0; i < keys_.size(); ++i) {
        slot_[keys_[i].key] = 0;
        if (decided(keys_[i].key)) continue;
        if (out != i) keys_[out] = std::move(keys_[i]);
        slot_[keys_[out].key] = static_cast<std::uint32_t>(out + 1);
        ++out;
    }
    keys_.resize(out);
}

}  // namespace parsec::election
