#include "panels/coin_trace.hpp"

#include <algorithm>

namespace parsec::app {

using election::MetaVoteList;
using election::PositionCounts;

std::optional<std::vector<CoinUse>> coin_uses_at(const node::Node& node, model::EventIndex e) {
    const auto& me = node.election();
    const auto& graph = node.graph();
    const auto* m = me.meta_event(e);
    if (!m) return std::nullopt;
    std::vector<CoinUse> uses;
    const model::EventIndex parent = graph::self_sync_parent(graph, e);
    const auto* pm = parent != model::kNoEvent ? me.meta_event(parent) : nullptr;
    // An observer's first lists are built without the coin pass.
    if (!pm || pm->meta_votes.empty() || m->meta_votes.size() != pm->meta_votes.size()) return uses;

    // The others: each other voter's latest non-forked ancestor that holds meta-votes (spec §5.6).
    const auto& event = graph[e];
    std::vector<const election::MetaEvent*> others;
    size_t width = 1;
    for (model::PeerIndex v : me.voters) {
        if (v == event.creator) continue;
        const std::int32_t k = graph::non_fork_last_ancestor(event, v);
        if (k < 0) continue;
        const auto& slot = node.peers().events_by_index(v, static_cast<std::uint32_t>(k));
        const auto* am = slot.empty() ? nullptr : me.meta_event(slot.front());
        if (!am || am->meta_votes.empty()) continue;
        others.push_back(am);
        for (size_t row = 0; row < am->meta_votes.size(); ++row) width = std::max(width, am->meta_votes.list_size(row));
    }
    std::vector<std::int32_t> row_of(node.peers().size(), -1);
    for (size_t row = 0; row < pm->meta_votes.size(); ++row)
        row_of[pm->meta_votes.peer(row)] = static_cast<std::int32_t>(row);
    std::vector<PositionCounts> summed(pm->meta_votes.size() * width);
    for (const auto* am : others) election::add_others(summed, width, row_of, am->meta_votes);

    const size_t n = me.voters.size();
    for (size_t row = 0; row < pm->meta_votes.size(); ++row) {
        std::span<const PositionCounts> counts(summed.data() + row * width, width);
        MetaVoteList without_coin, with_coin;
        election::next_votes_summed(pm->meta_votes.list(row), counts, false, n, without_coin);
        election::next_votes_summed(without_coin, {}, true, n, with_coin);
        const MetaVoteList stored = m->meta_votes.list(row);
        if (m->meta_votes.peer(row) != pm->meta_votes.peer(row) || !(with_coin == stored))
            return std::nullopt;
        for (size_t i = 0; i < with_coin.size(); ++i)
            if (i >= without_coin.size() || !(with_coin[i] == without_coin[i]))
                uses.push_back({e, m->meta_votes.peer(row), with_coin[i]});
    }
    return uses;
}

}  // namespace parsec::app
