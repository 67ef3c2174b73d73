// The append-only event store (spec §1.7) and the graph relations on it (spec §3).
#pragma once
#include <span>
#include <unordered_map>
#include <vector>

#include "graph/peer_list.hpp"
#include "model/event.hpp"

namespace parsec::graph {

using model::Event;

struct HashKey {
    size_t operator()(const core::Hash32& h) const {
        size_t v = 0;
        for (int i = 0; i < 8; ++i) v = (v << 8) | h[static_cast<size_t>(i)];
        return v;
    }
};

class Graph {
public:
    size_t size() const { return events_.size(); }
    const Event& operator[](EventIndex i) const { return events_[i]; }
    EventIndex find(const core::Hash32& h) const {
        if (slots_.empty()) return model::kNoEvent;
        for (size_t i = HashKey{}(h) & mask_;; i = (i + 1) & mask_) {
            const EventIndex e = slots_[i];
            if (e == model::kNoEvent || events_[e].hash == h) return e;
        }
    }
    // Room for `n` events without regrowing (a replay knows its event count).
    void reserve(size_t n) {
        events_.reserve(n);
        sync_parent_.reserve(n);
        if (slots_.size() < 2 * n) rehash(2 * n);
    }
    // Inserts and returns the new index; the caller checked the hash is new.
    EventIndex insert(Event e);
    const std::vector<Event>& events() const { return events_; }
    // First sync event among e's strict self-ancestors (spec §3 self_sync_parent), kept per
    // event at insertion: votes between sync events would otherwise be walked at every query.
    EventIndex self_sync_parent(EventIndex e) const { return sync_parent_[e]; }

private:
    std::vector<Event> events_;
    std::vector<EventIndex> sync_parent_;
    // Hash -> index: open addressing over event indices (a power-of-two table at most half full),
    // as lookups run for every received event and a node-based map allocates per insert.
    std::vector<EventIndex> slots_;
    size_t mask_ = 0;
    void rehash(size_t min_slots);
};

// Computes e.ancestors and e.fork_number from its parents, before e is inserted (spec §1.5).
void compute_ancestor_info(Event& e, const Graph& graph, const PeerList& peers);

// Spec §3. "Y is an ancestor of X", reflexive and fork-aware.
bool is_descendant_of(const Event& x, const Event& y);
bool descends_from_fork(const Event& x, PeerIndex creator);
bool sees(const Event& x, const Event& y);
// Highest index_by_creator of `creator` in x's ancestry, or -1 if none or x knows it forked.
std::int32_t non_fork_last_ancestor(const Event& x, PeerIndex creator);
// Counts creators whose latest ancestor of x sees y; supermajority of `voter_count` (spec §3).
bool strongly_sees(const Event& x, const Event& y, const Graph& graph, const PeerList& peers,
                   size_t voter_count);
// strongly_sees(x, ys[i], ...) for every i into out[i] (1 or 0): x's latest ancestor of each
// creator is looked up once for all ys (spec §3; observers test every interesting peer, §4.4).
void strongly_sees_each(const Event& x, std::span<const EventIndex> ys, const Graph& graph, const PeerList& peers,
                        size_t voter_count, std::vector<std::uint8_t>& out);
// First sync event among x's strict self-ancestors, or kNoEvent.
EventIndex self_sync_parent(const Graph& graph, EventIndex x);

}  // namespace parsec::graph
