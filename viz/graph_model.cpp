// Merging nodes' graphs into the union, incrementally: each frame only the events a node gained
// since the last update are looked up by hash, so a live cluster costs O(new events) per frame.
#include "viz/graph_model.hpp"

#include <algorithm>
#include <cstring>

#include "core/assert.hpp"

namespace parsec::viz {

std::size_t GraphModel::HashKey::operator()(const core::Hash32& h) const {
    // Event hashes are uniformly distributed already: eight bytes are a good enough key.
    std::size_t v = 0;
    std::memcpy(&v, h.data(), sizeof v);
    return v;
}

void GraphModel::clear() {
    events_.clear();
    deciding_count_.clear();
    by_hash_.clear();
    lanes_.clear();
    slots_.clear();
    forked_.clear();
    sources_.clear();
    accusations_.clear();
    accusations_dirty_ = false;
    lanes_dirty_ = false;
    forks_dirty_ = false;
    ++epoch_;
    ++geometry_version_;
    ++generation_;
}

void GraphModel::update(std::span<const node::Node* const> nodes) {
    bool rebuild = nodes.size() != sources_.size();
    for (SourceIndex s = 0; !rebuild && s < nodes.size(); ++s) {
        PARSEC_ASSERT(nodes[s] != nullptr, "every source is a node");
        rebuild = !still_extends(s, *nodes[s]);
    }
    if (rebuild) {
        clear();
        sources_.resize(nodes.size());
    }
    for (SourceIndex s = 0; s < nodes.size(); ++s) sources_[s].node = nodes[s];
    bool changed = false;
    for (SourceIndex s = 0; s < nodes.size(); ++s) changed = merge_source(s) || changed;
    if (lanes_dirty_) sort_lanes();
    if (forks_dirty_) recompute_forks();
    if (accusations_dirty_) refresh_accusation_texts();
    if (changed) ++generation_;
}

// A node extends what we merged if everything we saw is still there unchanged: graphs,
// peer lists and decision lists only ever grow while time moves forward.
bool GraphModel::still_extends(SourceIndex s, const node::Node& n) const {
    const Source& src = sources_[s];
    const auto& g = n.graph();
    if (g.size() < src.seen_count) return false;
    if (src.seen_count > 0 && g[static_cast<model::EventIndex>(src.seen_count - 1)].hash != src.last_hash)
        return false;
    return n.peers().size() >= src.peers_seen && n.decisions().size() >= src.decisions_seen;
}

bool GraphModel::merge_source(SourceIndex s) {
    Source& src = sources_[s];
    const node::Node& n = *src.node;
    const auto& g = n.graph();
    const bool changed = g.size() > src.seen_count || n.decisions().size() > src.decisions_seen ||
                         n.peers().size() > src.peers_seen;
    merge_peers(s);
    for (auto e = static_cast<model::EventIndex>(src.seen_count); e < g.size(); ++e) {
        const model::Event& ev = g[e];
        UnionIndex u = find(ev.hash);
        if (u == kNoUnionEvent) u = add_event(s, ev);
        src.union_of_local.push_back(u);
        if (src.local_of_union.size() <= u) src.local_of_union.resize(u + 1, model::kNoEvent);
        PARSEC_ASSERT(src.local_of_union[u] == model::kNoEvent, "a node holds each hash once");
        src.local_of_union[u] = e;
        UnionEvent& ue = events_[u];
        ++ue.known_count;
        ue.first_source = std::min(ue.first_source, s);
    }
    src.seen_count = g.size();
    if (src.seen_count > 0) src.last_hash = g[static_cast<model::EventIndex>(src.seen_count - 1)].hash;
    merge_decisions(s);
    return changed;
}

void GraphModel::merge_peers(SourceIndex s) {
    Source& src = sources_[s];
    const auto& peers = src.node->peers();
    for (auto p = static_cast<model::PeerIndex>(src.peers_seen); p < peers.size(); ++p)
        src.lane_of_peer.push_back(add_lane(peers[p].id.name));
    src.peers_seen = peers.size();
}

LaneIndex GraphModel::add_lane(const std::string& name) {
    LaneIndex l = find_lane(name);
    if (l != kNoLane) return l;
    // Appended unsorted for now; sort_lanes() puts it in place once the whole update is merged.
    lanes_.push_back(Lane{name, {}});
    slots_.emplace_back();
    lanes_dirty_ = true;
    return static_cast<LaneIndex>(lanes_.size() - 1);
}

LaneIndex GraphModel::find_lane(const std::string& peer_name) const {
    // Linear: lanes are few (≤ a few hundred) and this runs only when a peer list grows.
    for (LaneIndex l = 0; l < lanes_.size(); ++l)
        if (lanes_[l].name == peer_name) return l;
    return kNoLane;
}

UnionIndex GraphModel::add_event(SourceIndex s, const model::Event& e) {
    const Source& src = sources_[s];
    UnionEvent ue;
    ue.hash = e.hash;
    ue.lane = src.lane_of_peer[e.creator];
    ue.index_by_creator = e.index_by_creator;
    ue.cause = e.cause;
    // Parents precede their children in every node's graph, so they are merged already.
    if (e.self_parent != model::kNoEvent) ue.self_parent = src.union_of_local[e.self_parent];
    if (e.other_parent != model::kNoEvent) ue.other_parent = src.union_of_local[e.other_parent];
    if (e.recipient != model::kNoPeer && e.recipient < src.lane_of_peer.size())
        ue.recipient_lane = src.lane_of_peer[e.recipient];
    if (e.key != model::kNoKey) set_payload(ue, *src.node, e.key);
    ue.first_source = s;
    if (ue.self_parent != kNoUnionEvent) ue.fork_column = events_[ue.self_parent].fork_column;

    const auto u = static_cast<UnionIndex>(events_.size());
    if (ue.has_payload && ue.payload_kind == model::ObsKind::Accusation) {
        accusations_.push_back(PayloadRef{u, s, e.key});
        accusations_dirty_ = true;
    }
    events_.push_back(std::move(ue));
    deciding_count_.push_back(0);
    by_hash_.emplace(e.hash, u);
    add_to_slot(u);
    return u;
}

void GraphModel::set_payload(UnionEvent& ue, const node::Node& n, model::KeyIndex key) const {
    const auto& entry = n.store()[key];
    ue.has_payload = true;
    ue.payload_kind = entry.observation.kind;
    // Accusations name the accused event; we name it as the union does (or "?" if unknown).
    auto name_of = [](const void* ctx, const core::Hash32& h) -> std::string {
        const auto* self = static_cast<const GraphModel*>(ctx);
        const UnionIndex u = self->find(h);
        return u == kNoUnionEvent ? std::string("?") : self->event_name(u);
    };
    ue.payload_text = model::display_observation(entry.observation, entry.key.hash, name_of, this);
}

void GraphModel::add_to_slot(UnionIndex u) {
    const UnionEvent& ue = events_[u];
    auto& lane_slots = slots_[ue.lane];
    if (lane_slots.size() <= ue.index_by_creator) lane_slots.resize(ue.index_by_creator + 1, kNoUnionEvent);
    UnionIndex& first = lane_slots[ue.index_by_creator];
    if (first == kNoUnionEvent) {
        first = u;
        return;
    }
    // A second event in one slot: a fork. Rare, so ranks and columns are recomputed wholesale.
    const std::uint64_t key = (std::uint64_t{ue.lane} << 32) | ue.index_by_creator;
    auto& members = forked_[key];
    if (members.empty()) members.push_back(first);
    members.push_back(u);
    forks_dirty_ = true;
}

void GraphModel::merge_decisions(SourceIndex s) {
    Source& src = sources_[s];
    const auto& decisions = src.node->decisions();
    for (std::size_t d = src.decisions_seen; d < decisions.size(); ++d) {
        const model::EventIndex local = decisions[d].deciding_event;
        PARSEC_ASSERT(local < src.union_of_local.size(), "a deciding event is in the node's graph");
        const UnionIndex u = src.union_of_local[local];
        src.deciding.push_back(u);
        src.deciding_sorted.insert(std::upper_bound(src.deciding_sorted.begin(), src.deciding_sorted.end(), u), u);
        ++deciding_count_[u];
    }
    src.decisions_seen = decisions.size();
}

void GraphModel::refresh_accusation_texts() {
    for (const PayloadRef& ref : accusations_) set_payload(events_[ref.event], *sources_[ref.source].node, ref.key);
    accusations_dirty_ = false;
}

UnionIndex GraphModel::find(const core::Hash32& hash) const {
    auto it = by_hash_.find(hash);
    return it == by_hash_.end() ? kNoUnionEvent : it->second;
}

std::string GraphModel::event_name(UnionIndex u) const {
    const UnionEvent& ue = events_[u];
    std::string name = lanes_[ue.lane].short_name + "_" + std::to_string(ue.index_by_creator);
    if (ue.fork_slot_size >= 2) name += "," + std::to_string(ue.fork_number);
    return name;
}

model::EventIndex GraphModel::local_index(SourceIndex s, UnionIndex u) const {
    const auto& map = sources_[s].local_of_union;
    return u < map.size() ? map[u] : model::kNoEvent;
}

UnionIndex GraphModel::union_index(SourceIndex s, model::EventIndex e) const {
    const auto& map = sources_[s].union_of_local;
    return e < map.size() ? map[e] : kNoUnionEvent;
}

LaneIndex GraphModel::lane_of_peer(SourceIndex s, model::PeerIndex p) const {
    const auto& map = sources_[s].lane_of_peer;
    return p < map.size() ? map[p] : kNoLane;
}

bool GraphModel::is_deciding(SourceIndex s, UnionIndex u) const {
    const auto& d = sources_[s].deciding_sorted;
    return std::binary_search(d.begin(), d.end(), u);
}

}  // namespace parsec::viz
