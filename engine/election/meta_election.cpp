// Meta-election rules: interesting content (spec §4.3), observers (§4.4), meta-votes (§5.6),
// the decision and payload order (§6.1, §6.2) and the restart after a decision (§6.4).
#include "election/meta_election.hpp"

#include <algorithm>
#include <limits>

#include "core/assert.hpp"

namespace parsec::election {

using graph::Event;

bool MetaElection::is_voter(PeerIndex p) const { return std::binary_search(voters.begin(), voters.end(), p); }

void add_unconsensused(MetaElection& me, EventIndex e, KeyIndex key) {
    me.unconsensused_events.insert(e);
    me.unconsensused_by_key[key].insert(e);
}

namespace {

// spec §4.3 is_interesting_payload.
bool is_interesting_payload(const MetaElection& me, const ElectionContext& ctx, const Event& e, KeyIndex key,
                            size_t voters_in_ancestry) {
    const size_t n = me.voters.size();
    const auto& events = me.unconsensused_by_key.at(key);
    if (ctx.store[key].key.is_single()) {
        if (!(3 * voters_in_ancestry > 2 * n)) return false;
        for (EventIndex u : events)
            if (graph::is_descendant_of(e, ctx.graph[u])) return true;
        return false;
    }
    std::vector<PeerIndex> seen;
    for (EventIndex u : events) {
        const Event& ue = ctx.graph[u];
        if (!me.is_voter(ue.creator)) continue;
        if (std::find(seen.begin(), seen.end(), ue.creator) != seen.end()) continue;
        if (graph::is_descendant_of(e, ue)) seen.push_back(ue.creator);
    }
    return 3 * seen.size() > 2 * n;
}

std::vector<KeyIndex> interesting_content(const MetaElection& me, const ElectionContext& ctx, EventIndex ei) {
    const Event& e = ctx.graph[ei];
    const std::set<KeyIndex>* known = nullptr;
    if (auto it = me.interesting_events.find(e.creator); it != me.interesting_events.end()) known = &it->second.keys;

    size_t voters_in_ancestry = 0;
    for (PeerIndex v : me.voters)
        if (e.ancestors.last_of(v) >= 0) ++voters_in_ancestry;

    constexpr std::uint64_t kNoRank = std::numeric_limits<std::uint64_t>::max();
    std::vector<std::pair<std::uint64_t, KeyIndex>> out;
    for (const auto& [key, events] : me.unconsensused_by_key) {
        if (events.empty() || (known && known->count(key))) continue;
        // The group's first element after the stable sort by tag: the creator's own earliest
        // descendant vote if any, else the earliest descendant vote.
        EventIndex first_any = model::kNoEvent, first_own = model::kNoEvent;
        for (EventIndex u : events) {
            const Event& ue = ctx.graph[u];
            if (!graph::is_descendant_of(e, ue)) continue;
            if (first_any == model::kNoEvent) first_any = u;
            if (ue.creator == e.creator) {
                first_own = u;
                break;
            }
        }
        if (first_any == model::kNoEvent) continue;
        if (!is_interesting_payload(me, ctx, e, key, voters_in_ancestry)) continue;
        std::uint64_t rank = first_own != model::kNoEvent ? ctx.graph[first_own].index_by_creator : kNoRank;
        out.emplace_back(rank, key);
    }
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return ctx.store.consistent_less(a.second, b.second, ctx.peers);
    });
    std::vector<KeyIndex> keys;
    keys.reserve(out.size());
    for (const auto& [rank, key] : out) keys.push_back(key);
    return keys;
}

// spec §4.4
void set_observer(MetaEvent& m, const MetaElection& me, const ElectionContext& ctx, EventIndex ei) {
    EventIndex p = graph::self_sync_parent(ctx.graph, ei);
    if (p != model::kNoEvent) {
        const MetaEvent* pm = me.meta_event(p);
        if (pm && pm->observer != ObserverKind::None) {
            m.observer = ObserverKind::Ancestor;
            m.observees.clear();
            return;
        }
    }
    std::vector<PeerIndex> obs;
    const Event& e = ctx.graph[ei];
    for (const auto& [peer, ie] : me.interesting_events) {
        if (ie.events.empty()) continue;
        if (graph::strongly_sees(e, ctx.graph[ie.events.front()], ctx.graph, ctx.peers, me.voters.size()))
            obs.push_back(peer);
    }
    if (3 * obs.size() > 2 * me.voters.size()) {
        m.observer = ObserverKind::This;
        m.observees = std::move(obs);
    } else {
        m.observer = ObserverKind::None;
        m.observees.clear();
    }
}

// spec §5.6
void set_meta_votes(MetaEvent& m, const MetaElection& me, const ElectionContext& ctx, EventIndex ei) {
    const Event& e = ctx.graph[ei];
    const size_t n = me.voters.size();
    EventIndex p = graph::self_sync_parent(ctx.graph, ei);
    const MetaEvent* pm = p != model::kNoEvent ? me.meta_event(p) : nullptr;
    const bool has_parent_votes = pm && !pm->meta_votes.empty();
    if (!has_parent_votes && m.observer != ObserverKind::This) return;

    std::vector<const MetaEvent*> ancestors;
    for (PeerIndex v : me.voters) {
        if (v == e.creator) continue;
        std::int32_t k = graph::non_fork_last_ancestor(e, v);
        if (k < 0) continue;
        const auto& slot = ctx.peers.events_by_index(v, static_cast<std::uint32_t>(k));
        PARSEC_ASSERT(!slot.empty(), "ancestor slot is empty");
        const MetaEvent* am = me.meta_event(slot.front());
        if (am && !am->meta_votes.empty()) ancestors.push_back(am);
    }
    std::vector<const MetaVoteList*> others;
    auto collect = [&](PeerIndex peer) {
        others.clear();
        for (const MetaEvent* am : ancestors)
            if (const MetaVoteList* l = am->votes_for(peer)) others.push_back(l);
    };
    if (has_parent_votes) {
        m.meta_votes.reserve(pm->meta_votes.size());
        for (const auto& [peer, list] : pm->meta_votes) {
            collect(peer);
            MetaVoteList temp = next_votes(list, others, false, n);
            m.meta_votes.emplace_back(peer, next_votes(temp, {}, true, n));
        }
    } else {
        m.meta_votes.reserve(n);
        for (PeerIndex peer : me.voters) {
            collect(peer);
            MetaVote initial;
            bool observed = std::binary_search(m.observees.begin(), m.observees.end(), peer);
            initial.est = observed ? kTrue : kFalse;
            m.meta_votes.emplace_back(peer, next_votes(MetaVoteList{initial}, others, false, n));
        }
    }
}

}  // namespace

void create_needed_meta_event(MetaElection& me, const ElectionContext& ctx, EventIndex ei) {
    const Event& e = ctx.graph[ei];
    if (!model::is_sync(e.cause) || !me.is_voter(e.creator)) return;
    if (me.meta_events.size() <= ei) me.meta_events.resize(ctx.graph.size());
    auto m = std::make_shared<MetaEvent>();
    if (const MetaEvent* old = me.meta_events[ei].get()) {
        // Rebuild: keep observer and content, recompute the rest (spec §4.2).
        m->observer = old->observer;
        m->observees = old->observees;
        m->interesting_content = old->interesting_content;
    } else {
        m->interesting_content = interesting_content(me, ctx, ei);
    }
    set_observer(*m, me, ctx, ei);
    set_meta_votes(*m, me, ctx, ei);
    if (!m->interesting_content.empty()) {
        auto& ie = me.interesting_events[e.creator];
        ie.events.push_back(ei);
        ie.keys.insert(m->interesting_content.begin(), m->interesting_content.end());
    }
    if (me.keep_history) {
        if (me.history.size() <= ei) me.history.resize(ctx.graph.size());
        me.history[ei] = m;
    }
    me.meta_events[ei] = std::move(m);
}

static std::vector<KeyIndex> order_payloads(const MetaElection& me, const ElectionContext& ctx,
                                            const std::vector<PeerIndex>& true_peers) {
    struct Entry { KeyIndex key; std::uint32_t count; std::size_t min_pos; };
    std::vector<Entry> table;
    for (PeerIndex p : true_peers) {
        auto it = me.interesting_events.find(p);
        if (it == me.interesting_events.end() || it->second.events.empty()) continue;
        const MetaEvent* first = me.meta_event(it->second.events.front());
        PARSEC_ASSERT(first != nullptr, "interesting event without meta-event");
        for (std::size_t pos = 0; pos < first->interesting_content.size(); ++pos) {
            KeyIndex key = first->interesting_content[pos];
            auto t = std::find_if(table.begin(), table.end(), [&](const Entry& x) { return x.key == key; });
            if (t == table.end()) table.push_back({key, 1, pos});
            else ++t->count, t->min_pos = std::min(t->min_pos, pos);
        }
    }
    std::sort(table.begin(), table.end(), [&](const Entry& a, const Entry& b) {
        if (a.min_pos != b.min_pos) return a.min_pos < b.min_pos;
        if (a.count != b.count) return a.count > b.count;
        return ctx.store.consistent_less(a.key, b.key, ctx.peers);
    });
    std::vector<KeyIndex> keys;
    for (const auto& t : table) keys.push_back(t.key);
    return keys;
}

std::vector<KeyIndex> compute_consensus(const MetaElection& me, const ElectionContext& ctx, EventIndex ei) {
    const Event& e = ctx.graph[ei];
    if (me.voters.size() == 1 && me.voters.front() == e.creator) return order_payloads(me, ctx, {e.creator});
    const MetaEvent* m = me.meta_event(ei);
    if (!m || m->meta_votes.empty()) return {};
    std::vector<PeerIndex> true_peers;
    size_t decided = 0;
    for (const auto& [peer, list] : m->meta_votes) {
        if (list.empty() || !list.back().decided) continue;
        ++decided;
        if (list.back().decision) true_peers.push_back(peer);
    }
    if (decided < me.voters.size()) return {};
    return order_payloads(me, ctx, true_peers);
}

EventIndex new_election(MetaElection& me, const ElectionContext& ctx, const std::vector<KeyIndex>& keys,
                        const std::vector<MembershipChange>& changes) {
    for (const auto& c : changes) {
        auto it = std::lower_bound(me.voters.begin(), me.voters.end(), c.peer);
        bool present = it != me.voters.end() && *it == c.peer;
        if (c.kind == MembershipChange::Kind::Add) {
            PARSEC_ASSERT(!present, "Add of a peer already voting");
            me.voters.insert(it, c.peer);
        } else {
            PARSEC_ASSERT(present, "Remove of a peer not voting");
            me.voters.erase(it);
        }
    }
    for (KeyIndex k : keys) {
        auto it = me.unconsensused_by_key.find(k);
        if (it == me.unconsensused_by_key.end()) continue;
        for (EventIndex e : it->second) me.unconsensused_events.erase(e);
        me.unconsensused_by_key.erase(it);
    }
    const auto graph_len = static_cast<EventIndex>(ctx.graph.size());
    EventIndex new_start = me.unconsensused_events.empty() ? graph_len : *me.unconsensused_events.begin();
    const bool membership_changed = !changes.empty();
    EventIndex cont = new_start;
    if (!membership_changed) {
        EventIndex min_observer = new_start;
        for (EventIndex i = me.meta_floor; i < me.meta_events.size(); ++i) {
            const MetaEvent* m = me.meta_events[i].get();
            if (m && m->observer == ObserverKind::This) {
                min_observer = i;
                break;
            }
        }
        cont = std::max(min_observer, new_start);
    }
    for (EventIndex i = me.meta_floor; i < me.meta_events.size(); ++i) {
        auto& m = me.meta_events[i];
        if (!m) continue;
        if (membership_changed || i < new_start) {
            m.reset();
            continue;
        }
        auto is_decided = [&](KeyIndex k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
        if (std::none_of(m->interesting_content.begin(), m->interesting_content.end(), is_decided)) continue;
        auto pruned = std::make_shared<MetaEvent>(*m);
        auto& content = pruned->interesting_content;
        content.erase(std::remove_if(content.begin(), content.end(), is_decided), content.end());
        m = std::move(pruned);
    }
    me.meta_floor = new_start;
    me.interesting_events.clear();
    for (EventIndex i = new_start; i < cont && i < me.meta_events.size(); ++i) {
        const MetaEvent* m = me.meta_events[i].get();
        if (!m || m->interesting_content.empty()) continue;
        auto& ie = me.interesting_events[ctx.graph[i].creator];
        ie.events.push_back(i);
        ie.keys.insert(m->interesting_content.begin(), m->interesting_content.end());
    }
    me.consensus_history.insert(me.consensus_history.end(), keys.begin(), keys.end());
    me.new_consensus_start_index = new_start;
    me.continue_consensus_start_index = cont;
    return cont;
}

}  // namespace parsec::election
