#include "election/coin_trace.hpp"

#include "election/vote_inputs.hpp"

namespace parsec::election {

std::optional<std::vector<CoinUse>> coin_uses(const MetaElection& me, const ElectionContext& ctx, EventIndex e) {
    const MetaEvent* m = me.meta_event(e);
    if (!m) return std::nullopt;
    std::vector<CoinUse> uses;
    const EventIndex parent = graph::self_sync_parent(ctx.graph, e);
    const MetaEvent* pm = voting_meta(me, parent);
    if (!pm) return uses;  // an observer, or no meta-votes: no coin pass (spec §5.6)

    std::vector<PeerIndex> row_peer;
    std::vector<std::uint32_t> row_cap;
    std::vector<EventIndex> ancestors;
    find_rows(&pm->meta_votes, me, row_peer, row_cap);
    find_voter_ancestors(ctx.graph[e], me, ctx, ancestors);
    std::vector<const MetaEvent*> scratch_metas;
    std::vector<std::int32_t> scratch_slots;
    std::vector<PositionCounts> summed;
    const VoteInputs in{pm, row_peer, row_cap, ancestors};
    const std::size_t width = sum_others_in_full(me, ctx, in, scratch_metas, scratch_slots, summed);

    const std::size_t n = me.voters.size();
    if (m->meta_votes.size() != row_peer.size()) return std::nullopt;
    for (std::size_t row = 0; row < row_peer.size(); ++row) {
        // Rows capped at 0 were not summed: their parent list is decided from the start, and
        // next_votes returns that entry alone whatever the others hold.
        std::span<const PositionCounts> counts(summed.data() + row * width, width);
        MetaVoteList without_coin, with_coin;
        next_votes_summed(pm->meta_votes.list(row), counts, false, n, without_coin);
        next_votes_summed(without_coin, {}, true, n, with_coin);
        if (m->meta_votes.peer(row) != row_peer[row] || !(with_coin == m->meta_votes.list(row)))
            return std::nullopt;
        for (std::size_t i = 0; i < with_coin.size(); ++i)
            if (i >= without_coin.size() || !(with_coin[i] == without_coin[i]))
                uses.push_back({e, row_peer[row], with_coin[i]});
    }
    return uses;
}

}  // namespace parsec::election
