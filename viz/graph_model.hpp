// The union of several nodes' gossip graphs, identified by event hash: what the canvas draws.
// Each node keeps its own graph with its own local indices; the union gives every event one
// index, one lane (its creator, lanes sorted by peer name) and records which nodes hold it, so
// a perspective node's missing events can be drawn as ghosts (its knowledge horizon).
#pragma once
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "view/node_view.hpp"

namespace parsec::viz {

using UnionIndex = std::uint32_t;   // index in the union graph: parents always come first
using LaneIndex = std::uint32_t;    // position of a peer's lane, lanes sorted by peer name
using SourceIndex = std::uint32_t;  // position of a node in the list given to GraphModel::update

inline constexpr UnionIndex kNoUnionEvent = std::numeric_limits<UnionIndex>::max();
inline constexpr LaneIndex kNoLane = std::numeric_limits<LaneIndex>::max();
inline constexpr SourceIndex kNoSource = std::numeric_limits<SourceIndex>::max();

struct UnionEvent {
    core::Hash32 hash{};
    LaneIndex lane = kNoLane;                  // the creator's lane
    std::uint32_t index_by_creator = 0;
    model::CauseKind cause = model::CauseKind::Initial;
    UnionIndex self_parent = kNoUnionEvent;
    UnionIndex other_parent = kNoUnionEvent;
    LaneIndex recipient_lane = kNoLane;        // Requesting only
    bool has_payload = false;                  // an Observation's vote
    model::ObsKind payload_kind = model::ObsKind::OpaquePayload;
    std::string payload_text;                  // spec §9.3 display form; empty without payload
    // Forks (spec §3): the slot (creator, index_by_creator) holds fork_slot_size events.
    // fork_number ranks this one in its slot by hash, fork_column is the side branch it lies on
    // (0 = the main chain). Both are functions of the set of events only, never of arrival
    // order, so scrubbing back and forth never swaps which branch is drawn where.
    std::uint32_t fork_slot_size = 1;
    std::uint32_t fork_number = 0;
    std::uint32_t fork_column = 0;
    std::uint32_t known_count = 0;             // how many sources hold it
    SourceIndex first_source = kNoSource;      // lowest source index that holds it
};

struct Lane {
    std::string name;        // the peer's id name
    std::string short_name;  // shortest unique prefix, as the dump's event names use
};

class GraphModel {
public:
    // Brings the model up to date with `nodes` (same order every frame; each pointer must stay
    // valid until the next update). New events are appended; when a node's graph no longer
    // extends what was seen (a seek back, another session, a different node list) the model is
    // rebuilt from scratch and epoch() changes.
    void update(std::span<const node::Node* const> nodes);
    void clear();

    // Changes when union indices were reassigned (rebuild): anything keyed by UnionIndex is stale.
    std::uint64_t epoch() const { return epoch_; }
    // Changes when lanes were re-sorted or fork columns moved: every x must be recomputed.
    std::uint64_t geometry_version() const { return geometry_version_; }
    // Changes on any update that added or changed anything.
    std::uint64_t generation() const { return generation_; }

    std::size_t event_count() const { return events_.size(); }
    const UnionEvent& event(UnionIndex u) const { return events_[u]; }
    UnionIndex find(const core::Hash32& hash) const;
    // The dump-style name "A_5", with ",k" (fork_number) when the slot is forked (spec §9.2).
    std::string event_name(UnionIndex u) const;

    std::size_t lane_count() const { return lanes_.size(); }
    const Lane& lane(LaneIndex l) const { return lanes_[l]; }
    LaneIndex find_lane(const std::string& peer_name) const;

    std::size_t source_count() const { return sources_.size(); }
    const node::Node& source_node(SourceIndex s) const { return *sources_[s].node; }
    view::NodeView source_view(SourceIndex s) const { return view::NodeView(*sources_[s].node); }
    bool is_known_by(SourceIndex s, UnionIndex u) const { return local_index(s, u) != model::kNoEvent; }
    // How many union events the node holds (its whole graph: every local event is in the union).
    std::size_t source_event_count(SourceIndex s) const { return sources_[s].seen_count; }
    model::EventIndex local_index(SourceIndex s, UnionIndex u) const;
    UnionIndex union_index(SourceIndex s, model::EventIndex e) const;
    LaneIndex lane_of_peer(SourceIndex s, model::PeerIndex p) const;
    // The node's deciding events, in decision order.
    const std::vector<UnionIndex>& deciding_events(SourceIndex s) const { return sources_[s].deciding; }
    bool is_deciding(SourceIndex s, UnionIndex u) const;
    // How many sources decided at u (for the union view, where there is no perspective).
    std::uint32_t deciding_count(UnionIndex u) const { return deciding_count_[u]; }

private:
    struct Source {
        const node::Node* node = nullptr;
        std::size_t seen_count = 0;           // local events already merged
        core::Hash32 last_hash{};             // hash of local event seen_count-1
        std::size_t peers_seen = 0;
        std::size_t decisions_seen = 0;
        std::vector<LaneIndex> lane_of_peer;  // by local PeerIndex
        std::vector<UnionIndex> union_of_local;
        std::vector<model::EventIndex> local_of_union;  // may be shorter than event_count()
        std::vector<UnionIndex> deciding;
        std::vector<UnionIndex> deciding_sorted;
    };
    struct HashKey {
        std::size_t operator()(const core::Hash32& h) const;
    };

    bool still_extends(SourceIndex s, const node::Node& n) const;
    bool merge_source(SourceIndex s);
    void merge_peers(SourceIndex s);
    UnionIndex add_event(SourceIndex s, const model::Event& e);
    void set_payload(UnionEvent& ue, const node::Node& n, model::KeyIndex key) const;
    LaneIndex add_lane(const std::string& name);
    void sort_lanes();
    void add_to_slot(UnionIndex u);
    void recompute_forks();
    void merge_decisions(SourceIndex s);
    void refresh_accusation_texts();

    std::vector<UnionEvent> events_;
    std::vector<std::uint32_t> deciding_count_;
    std::unordered_map<core::Hash32, UnionIndex, HashKey> by_hash_;
    std::vector<Lane> lanes_;
    // slots_[lane][index_by_creator] = first event seen there; forked slots also in forked_.
    std::vector<std::vector<UnionIndex>> slots_;
    std::unordered_map<std::uint64_t, std::vector<UnionIndex>> forked_;  // key (lane << 32) | index
    std::vector<Source> sources_;
    // Accusation texts name the accused event, whose name changes with lanes and forks.
    struct PayloadRef {
        UnionIndex event;
        SourceIndex source;
        model::KeyIndex key;
    };
    std::vector<PayloadRef> accusations_;
    bool accusations_dirty_ = false;
    bool lanes_dirty_ = false;
    bool forks_dirty_ = false;
    std::uint64_t epoch_ = 0;
    std::uint64_t geometry_version_ = 0;
    std::uint64_t generation_ = 0;
};

}  // namespace parsec::viz
