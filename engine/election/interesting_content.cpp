// Interesting content of a new meta-event (spec §4.3), in one pass over the unconsensused votes.
#include <algorithm>
#include <limits>

#include "election/meta_election.hpp"

namespace parsec::election {

namespace {

// is_descendant_of(E, U) (spec §3) from U's compact record: without forks on either side it is
// one comparison of E's last ancestor index for U's creator.
inline bool has_ancestor(const graph::Event& e, const VoteRef& u, const graph::Graph& graph) {
    if (e.ancestors.forks.empty() && u.fork_number == 0)
        return e.ancestors.last_of(u.creator) >= static_cast<std::int32_t>(u.index_by_creator);
    return graph::is_descendant_of(e, graph[u.event]);
}

thread_local std::vector<std::uint32_t> t_counted;  // per peer: the last key serial it was counted for
thread_local std::uint32_t t_serial = 0;            // the last serial used in t_counted

}  // namespace

// For each unconsensused key not yet interesting to E's creator, spec §4.3 needs the group's
// first element (E's creator's earliest ancestor vote, else the earliest ancestor vote) and
// is_interesting_payload; both come from one walk over the key's votes in event order.
std::vector<KeyIndex> interesting_content(const MetaElection& me, const ElectionContext& ctx, EventIndex ei) {
    std::vector<KeyIndex> keys;
    interesting_content(me, ctx, ei, keys);
    return keys;
}

void interesting_content(const MetaElection& me, const ElectionContext& ctx, EventIndex ei,
                         std::vector<KeyIndex>& keys) {
    keys.clear();
    const graph::Event& e = ctx.graph[ei];
    const KeySet* known = nullptr;
    if (const InterestingEvents* ie = me.interesting_events.find(e.creator)) known = &ie->keys;

    const size_t n = me.voters.size();
    // Whether a supermajority of voters is in E's ancestry: asked for Single keys only, once.
    int single_quorum = -1;  // not known yet
    auto has_single_quorum = [&] {
        if (single_quorum < 0) {
            size_t voters_in_ancestry = 0;
            for (PeerIndex v : me.voters)
                if (e.ancestors.last_of(v) >= 0) ++voters_in_ancestry;
            single_quorum = 3 * voters_in_ancestry > 2 * n;
        }
        return single_quorum == 1;
    };

    // `counted` marks a peer with the serial of the key it was last counted for; serials keep
    // growing across calls, so the table is never cleared (only when they wrap).
    auto& counted = t_counted;
    if (counted.size() < ctx.peers.size()) counted.resize(ctx.peers.size(), 0);
    if (t_serial > ~std::uint32_t{0} - static_cast<std::uint32_t>(me.unconsensused_by_key.size()) - 1) {
        std::fill(counted.begin(), counted.end(), 0);
        t_serial = 0;
    }

    constexpr std::uint64_t kNoRank = std::numeric_limits<std::uint64_t>::max();
    thread_local std::vector<std::pair<std::uint64_t, KeyIndex>> out;  // scratch, reused per event
    out.clear();
    std::uint32_t& serial = t_serial;
    // Without forks in E's ancestry and with at most 64 peers, the creators with an ancestor vote
    // of a key are found as a bit mask, without a branch per vote; a walk over the votes does the rest.
    const bool masks = e.ancestors.forks.empty() && ctx.peers.size() <= 64;
    std::uint64_t voter_mask = 0;
    if (masks)
        for (PeerIndex v : me.voters) voter_mask |= std::uint64_t{1} << v;
    const auto& last = e.ancestors.last;
    // Per key: E's creator's earliest ancestor vote, whether any vote is an ancestor, and how many
    // distinct voters have one (Supermajority keys).
    const VoteRef* first_own = nullptr;
    bool any = false;
    size_t voters_seen = 0;
    // By mask: false, finding nothing, if a vote of the key is forked (the walk knows forks).
    auto tally_by_mask = [&](const KeyVotes& kv) {
        std::uint64_t seen = 0;  // creators with a vote of this key among E's ancestors
        bool forked = false;
        for (const VoteRef& u : kv.votes) {
            forked |= u.fork_number != 0;
            const std::int32_t reach = u.creator < last.size() ? last[u.creator] : -1;
            seen |= std::uint64_t{reach >= static_cast<std::int32_t>(u.index_by_creator)} << u.creator;
        }
        if (forked) return false;
        any = seen != 0;
        voters_seen = static_cast<size_t>(__builtin_popcountll(seen & voter_mask));
        if ((seen >> e.creator) & 1u)
            for (const VoteRef& u : kv.votes)
                if (u.creator == e.creator && has_ancestor(e, u, ctx.graph)) {
                    first_own = &u;
                    break;
                }
        return true;
    };
    auto tally_by_walk = [&](const KeyVotes& kv) {
        ++serial;
        for (const VoteRef& u : kv.votes) {
            if (!has_ancestor(e, u, ctx.graph)) continue;
            any = true;
            if (!first_own && u.creator == e.creator) first_own = &u;
            if (!kv.single && counted[u.creator] != serial && me.is_voter(u.creator)) {
                counted[u.creator] = serial;
                ++voters_seen;
            }
        }
    };
    for (const KeyVotes& kv : me.unconsensused_by_key) {
        if (kv.votes.empty() || (known && known->contains(kv.key))) continue;
        first_own = nullptr;
        any = false;
        voters_seen = 0;
        if (!(masks && tally_by_mask(kv))) tally_by_walk(kv);
        if (!any) continue;
        // spec §4.3 is_interesting_payload: Single keys need any ancestor vote and a supermajority
        // of voters in the ancestry; Supermajority keys a supermajority of voters' votes.
        const bool interesting = kv.single ? has_single_quorum() : 3 * voters_seen > 2 * n;
        if (!interesting) continue;
        out.emplace_back(first_own ? first_own->index_by_creator : kNoRank, kv.key);
    }
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return ctx.store.consistent_less(a.second, b.second, ctx.peers);
    });
    for (const auto& [rank, key] : out) keys.push_back(key);
}

}  // namespace parsec::election
