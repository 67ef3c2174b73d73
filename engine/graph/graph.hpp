// The append-only event store (spec §1.7) and the graph relations on it (spec §3).
#pragma once
#include <cstddef>
#include <cstring>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/shared_log.hpp"
#include "graph/peer_list.hpp"
#include "model/event.hpp"

namespace parsec::graph {

using model::Event;

// The bits of an event hash that pick its table slot (the low ones, masked by the table size) and
// are kept in the slot as its tag: a probe reads the event itself, a cache miss in a large graph,
// only when the tags match, and a rehash re-places the slots from their tags without reading a
// single event (before, it read every event's hash at each doubling of the table).
inline std::uint32_t hash_tag(const core::Hash32& h) {
    std::uint32_t t;  // any 4 bytes of a cryptographic hash spread well; one load, not 4 shifts
    std::memcpy(&t, h.data(), sizeof t);
    return t;
}

class Graph {
public:
    size_t size() const { return events_.size(); }
    const Event& operator[](EventIndex i) const { return events_[i]; }
    EventIndex find(const core::Hash32& h) const {
        if (!recent_.empty()) {
            const RecentSlot& r = recent_[recent_position(h)];
            if (r.index != model::kNoEvent && core::same_hash(r.hash, h)) return r.index;
        }
        if (slots_.empty()) return model::kNoEvent;
        const std::uint32_t tag = hash_tag(h);
        for (size_t i = tag & mask_;; i = (i + 1) & mask_) {
            const HashSlot s = slots_[i];
            if (s.index == model::kNoEvent) return model::kNoEvent;
            if (s.tag == tag && core::same_hash(events_[s.index].hash, h)) return s.index;
        }
    }
    // Starts loading what find(h) reads first (its recent-events and table slots): a message's
    // events are looked up one after another, each slot a cache miss in a large graph.
    void prefetch_find(const core::Hash32& h) const {
        if (!recent_.empty()) __builtin_prefetch(&recent_[recent_position(h)]);
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash_tag(h) & mask_]);
    }
    // Starts loading the table slot an insert of hash `h` will probe first: in a large graph that
    // slot is a cache miss, and the caller has other work to do before it inserts.
    void prefetch_slot(const core::Hash32& h) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash_tag(h) & mask_], 1);
    }
    // Starts loading event i's ids, hash and ancestry (its wire form, last, is rarely read).
    void prefetch_event(EventIndex i) const {
        const char* e = reinterpret_cast<const char*>(&events_[i]);
        for (std::size_t at = 0; at < offsetof(Event, sealed); at += 64) __builtin_prefetch(e + at);
    }
    // Room for `n` events without regrowing (a replay knows its event count).
    void reserve(size_t n) {
        events_.reserve(n);
        sync_parent_.reserve(n);
        if (slots_.size() < 2 * n) rehash(2 * n);
    }
    // Inserts and returns the new index; the caller checked the hash is new.
    EventIndex insert(Event&& e);
    EventIndex insert(const Event& e) { return insert(Event(e)); }
    core::SharedLog<Event>::Range events() const { return events_.view(); }
    // First sync event among e's strict self-ancestors (spec §3 self_sync_parent), kept per
    // event at insertion: votes between sync events would otherwise be walked at every query.
    EventIndex self_sync_parent(EventIndex e) const { return sync_parent_[e]; }

private:
    // Shared between copies of the graph (checkpoints): events never change once inserted.
    core::SharedLog<Event> events_;
    std::vector<EventIndex> sync_parent_;
    // Hash -> index: open addressing over event indices (a power-of-two table at most half full),
    // as lookups run for every received event and a node-based map allocates per insert.
    struct HashSlot {
        std::uint32_t tag = 0;
        EventIndex index = model::kNoEvent;
    };
    std::vector<HashSlot> slots_;
    size_t mask_ = 0;
    // The latest inserted events by hash, direct-mapped, full hashes inline: in a large graph a
    // table probe is a cache miss, and most lookups (parents, events sent again) are of recent
    // events. Small graphs fit in cache anyway and go without it (copies stay cheap).
    static constexpr size_t kRecentSlots = 2048;      // a power of two
    static constexpr size_t kRecentFromSize = 4096;
    struct RecentSlot {
        core::Hash32 hash{};
        EventIndex index = model::kNoEvent;
    };
    std::vector<RecentSlot> recent_;
    static size_t recent_position(const core::Hash32& h) {
        std::uint32_t v;  // bits the table's position and tag do not use
        std::memcpy(&v, h.data() + 16, sizeof v);
        return v & (kRecentSlots - 1);
    }
    void rehash(size_t min_slots);
    void place(const core::Hash32& h, EventIndex e);
};

// Computes e.ancestors and e.fork_number from its parents, before e is inserted (spec §1.5).
void compute_ancestor_info(Event& e, const Graph& graph, const PeerList& peers);

// Spec §3. "Y is an ancestor of X", reflexive and fork-aware.
bool is_descendant_of(const Event& x, const Event& y);
bool descends_from_fork(const Event& x, PeerIndex creator);
bool sees(const Event& x, const Event& y);
// Highest index_by_creator of `creator` in x's ancestry, or -1 if none or x knows it forked.
// Inline: called for every voter at every sync event (spec §5.6).
inline std::int32_t non_fork_last_ancestor(const Event& x, PeerIndex creator) {
    if (!x.ancestors.forks.empty() && descends_from_fork(x, creator)) return -1;
    return x.ancestors.last_of(creator);
}
// Counts creators whose latest ancestor of x sees y; supermajority of `voter_count` (spec §3).
bool strongly_sees(const Event& x, const Event& y, const Graph& graph, const PeerList& peers,
                   size_t voter_count);
// strongly_sees(x, ys[i], ...) for every i into out[i] (1 or 0): x's latest ancestor of each
// creator is looked up once for all ys (spec §3; observers test every interesting peer, §4.4).
void strongly_sees_each(const Event& x, std::span<const EventIndex> ys, const Graph& graph, const PeerList& peers,
                        size_t voter_count, std::vector<std::uint8_t>& out);
// First sync event among x's strict self-ancestors, or kNoEvent.
inline EventIndex self_sync_parent(const Graph& graph, EventIndex x) { return graph.self_sync_parent(x); }

}  // namespace parsec::graph
