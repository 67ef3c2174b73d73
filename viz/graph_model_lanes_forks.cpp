// The two rare, wholesale parts of the union model: re-sorting lanes when a new peer name
// appears, and recomputing fork ranks and side-branch columns when a slot gains a second event.
#include <algorithm>
#include <numeric>

#include "core/assert.hpp"
#include "viz/graph_model.hpp"

namespace parsec::viz {

namespace {

// The dump's short names (spec §9.2): the shortest prefix length that tells every sanitised
// id apart, at least one character.
void set_short_names(std::vector<Lane>& lanes) {
    std::vector<std::string> ids;
    for (const Lane& l : lanes) ids.push_back(model::sanitise(l.name));
    std::vector<std::string> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    std::size_t length = 1;
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        const std::string& a = sorted[i - 1];
        const std::string& b = sorted[i];
        std::size_t d = 0;
        while (d < a.size() && d < b.size() && a[d] == b[d]) ++d;
        length = std::max(length, d + 1);
    }
    for (std::size_t i = 0; i < lanes.size(); ++i) lanes[i].short_name = ids[i].substr(0, std::min(length, ids[i].size()));
}

}  // namespace

void GraphModel::sort_lanes() {
    std::vector<LaneIndex> order(lanes_.size());  // order[new] = old
    std::iota(order.begin(), order.end(), LaneIndex{0});
    std::sort(order.begin(), order.end(), [&](LaneIndex a, LaneIndex b) { return lanes_[a].name < lanes_[b].name; });
    std::vector<LaneIndex> new_of_old(lanes_.size());
    for (LaneIndex n = 0; n < order.size(); ++n) new_of_old[order[n]] = n;
    const bool moved = !std::is_sorted(order.begin(), order.end());
    if (moved) {
        std::vector<Lane> lanes(lanes_.size());
        std::vector<std::vector<UnionIndex>> slots(slots_.size());
        for (LaneIndex n = 0; n < order.size(); ++n) {
            lanes[n] = std::move(lanes_[order[n]]);
            slots[n] = std::move(slots_[order[n]]);
        }
        lanes_ = std::move(lanes);
        slots_ = std::move(slots);
        auto remap = [&](LaneIndex& l) {
            if (l != kNoLane) l = new_of_old[l];
        };
        for (UnionEvent& ue : events_) {
            remap(ue.lane);
            remap(ue.recipient_lane);
        }
        for (Source& src : sources_)
            for (LaneIndex& l : src.lane_of_peer) remap(l);
        std::unordered_map<std::uint64_t, std::vector<UnionIndex>> forked;
        for (auto& [key, members] : forked_)
            forked[(std::uint64_t{new_of_old[key >> 32]} << 32) | (key & 0xffffffffu)] = std::move(members);
        forked_ = std::move(forked);
        ++geometry_version_;
    }
    set_short_names(lanes_);
    accusations_dirty_ = !accusations_.empty();
    lanes_dirty_ = false;
}

// Ranks by hash inside each forked slot; then side branches: among the events of a slot that
// share a self-parent, all but the lowest hash start a new branch. Branch roots of a lane are
// numbered by (index_by_creator, hash), and every event inherits its self-parent's column.
void GraphModel::recompute_forks() {
    const std::size_t n = events_.size();
    std::vector<std::uint32_t> root_column(n, 0);
    std::vector<std::vector<std::pair<std::uint32_t, UnionIndex>>> roots_by_lane(lanes_.size());
    auto by_hash = [&](UnionIndex a, UnionIndex b) { return events_[a].hash < events_[b].hash; };
    for (auto& [key, members] : forked_) {
        std::sort(members.begin(), members.end(), by_hash);
        for (std::uint32_t r = 0; r < members.size(); ++r) {
            UnionEvent& ue = events_[members[r]];
            ue.fork_slot_size = static_cast<std::uint32_t>(members.size());
            ue.fork_number = r;
            // A sibling with the same self-parent and a lower hash makes this a branch root.
            for (std::uint32_t q = 0; q < r; ++q) {
                if (events_[members[q]].self_parent != ue.self_parent) continue;
                roots_by_lane[ue.lane].emplace_back(ue.index_by_creator, members[r]);
                break;
            }
        }
    }
    for (auto& roots : roots_by_lane) {
        std::sort(roots.begin(), roots.end(), [&](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : events_[a.second].hash < events_[b.second].hash;
        });
        for (std::uint32_t i = 0; i < roots.size(); ++i) root_column[roots[i].second] = i + 1;
    }
    // Union order is topological, so a self-parent's column is final before its child's.
    for (UnionIndex u = 0; u < n; ++u) {
        UnionEvent& ue = events_[u];
        if (root_column[u] != 0) ue.fork_column = root_column[u];
        else ue.fork_column = ue.self_parent == kNoUnionEvent ? 0 : events_[ue.self_parent].fork_column;
        PARSEC_ASSERT(ue.self_parent == kNoUnionEvent || ue.self_parent < u, "union order is topological");
    }
    ++geometry_version_;
    accusations_dirty_ = !accusations_.empty();
    forks_dirty_ = false;
}

}  // namespace parsec::viz
