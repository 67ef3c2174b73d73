// What an event's meta-votes are computed from (spec §5.6): its rows (the peers voted on) and
// the other voters' latest ancestors. Internal to engine/election, shared by set_meta_votes and
// the coin trace so that an explanation reads exactly the inputs the rule read. Inline: these
// run at every sync event.
#pragma once
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/assert.hpp"
#include "election/meta_election.hpp"

namespace parsec::election {

inline constexpr std::uint32_t kAllPositions = MetaVoteRows::kNoneDecided;

struct VoteInputs {
    const MetaEvent* parent;                 // the self-sync-parent's meta-event if it has meta-votes
    std::span<const PeerIndex> row_peer;     // row -> peer voted on
    std::span<const std::uint32_t> row_cap;  // row -> positions whose sums are read
    std::span<const EventIndex> ancestors;   // voter rank -> latest non-forked ancestor event
};

// The rows of E's meta-votes: the parent's peers, or every voter for an observer. A row needs
// the others' sums only at positions before the parent's first decided entry: next_votes returns
// a decided entry unchanged and stops there (spec §5.5), so a row whose parent list is decided
// from the start needs no sums at all (cap 0). Returns whether any row needs sums.
inline bool find_rows(const MetaVoteRows* pv, const MetaElection& me, std::vector<PeerIndex>& row_peer,
                      std::vector<std::uint32_t>& row_cap) {
    if (!pv) {
        row_peer.assign(me.voters.begin(), me.voters.end());
        row_cap.assign(row_peer.size(), kAllPositions);
        return !row_peer.empty();
    }
    // Written through local pointers, so that the rows' fields are not reloaded after each write.
    const auto rows = pv->rows();
    row_peer.resize(rows.size());
    row_cap.resize(rows.size());
    PeerIndex* peer_out = row_peer.data();
    std::uint32_t* cap_out = row_cap.data();
    bool any_row = false;
    for (std::size_t row = 0; row < rows.size(); ++row) {
        const MetaVoteRows::Row& r = rows[row];
        const std::uint32_t cap = r.first_decided;  // kNoneDecided is kAllPositions
        peer_out[row] = r.peer;
        cap_out[row] = cap;
        any_row = any_row || cap != 0;
    }
    return any_row;
}

// Other voters' latest non-forked ancestor events, by voter rank (the others' order).
template <typename Out>  // a vector of EventIndex
inline void find_voter_ancestors(const graph::Event& e, const MetaElection& me, const ElectionContext& ctx,
                                 Out& out) {
    out.assign(me.voters.size(), model::kNoEvent);
    for (std::size_t rank = 0; rank < out.size(); ++rank) {
        const PeerIndex v = me.voters[rank];
        if (v == e.creator) continue;
        std::int32_t k = graph::non_fork_last_ancestor(e, v);
        if (k < 0) continue;
        const auto& slot = ctx.peers.events_by_index(v, static_cast<std::uint32_t>(k));
        PARSEC_ASSERT(!slot.empty(), "ancestor slot is empty");
        out[rank] = slot.front();
    }
}

// The meta-event an ancestor event contributes, if it has meta-votes.
inline const MetaEvent* voting_meta(const MetaElection& me, EventIndex a) {
    if (a == model::kNoEvent) return nullptr;
    const MetaEvent* am = me.meta_event(a);
    return am && !am->meta_votes.empty() ? am : nullptr;
}

// Sums the others' lists for each row from scratch into `summed` (rows of the returned width:
// the longest list among the ancestors'). `ancestors` and `slot_of` are scratch.
inline std::size_t sum_others_in_full(const MetaElection& me, const ElectionContext& ctx, const VoteInputs& in,
                                      std::vector<const MetaEvent*>& ancestors, std::vector<std::int32_t>& slot_of,
                                      std::vector<PositionCounts>& summed) {
    ancestors.clear();
    std::size_t width = 1;
    for (EventIndex a : in.ancestors)
        if (const MetaEvent* am = voting_meta(me, a)) {
            ancestors.push_back(am);
            width = std::max<std::size_t>(width, am->longest_list);
        }
    slot_of.assign(ctx.peers.size(), -1);
    for (std::size_t row = 0; row < in.row_peer.size(); ++row)
        if (in.row_cap[row] != 0) slot_of[in.row_peer[row]] = static_cast<std::int32_t>(row);
    summed.assign(in.row_peer.size() * width, PositionCounts{});
    for (const MetaEvent* am : ancestors) add_others(summed, width, slot_of, in.row_cap, am->meta_votes);
    return width;
}

}  // namespace parsec::election
