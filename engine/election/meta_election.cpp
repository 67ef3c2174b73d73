// Meta-election rules: interesting content (spec §4.3), observers (§4.4), meta-votes (§5.6),
// the decision and payload order (§6.1, §6.2) and the restart after a decision (§6.4).
#include "election/meta_election.hpp"

#include <algorithm>
#include <limits>

#include "core/assert.hpp"
#include "core/thread_leftovers.hpp"
#include "election/meta_vote_flags.hpp"
#include "election/vote_inputs.hpp"

namespace parsec::election {

using graph::Event;

void MetaElection::set_voters(std::vector<PeerIndex> v) {
    std::sort(v.begin(), v.end());
    voters = std::move(v);
    voter_set.clear();
    for (PeerIndex p : voters) voter_set.insert(p);
}

namespace {
// Meta-events left by finished elections on this thread, reused by the next ones.
using Spares = core::ThreadLeftovers<std::shared_ptr<MetaEvent>, 4096>;
}  // namespace

MetaElection::~MetaElection() {
    auto keep = [&](std::shared_ptr<MetaEvent>&& m) {
        if (m && m.use_count() == 1) Spares::put(std::move(m));
    };
    for (auto& m : meta_events) {
        if (!Spares::has_room()) return;
        keep(std::const_pointer_cast<MetaEvent>(std::move(m)));
    }
    for (auto& m : spare) {
        if (!Spares::has_room()) return;
        keep(std::move(m));
    }
}

std::shared_ptr<MetaEvent> MetaElection::fresh_meta_event() {
    if (spare.empty())
        if (auto m = Spares::take()) spare.push_back(std::move(*m));
    while (!spare.empty()) {
        std::shared_ptr<MetaEvent> m = std::move(spare.back());
        spare.pop_back();
        // A copied election (a checkpoint) shares its spares: only a sole owner may reuse one.
        if (m.use_count() != 1) continue;
        // The next spare, released long ago (at a decision), is cold: start loading it for the
        // next new meta-event, its shared count and every line clearing it writes.
        if (!spare.empty()) {
            const char* next = reinterpret_cast<const char*>(spare.back().get());
            __builtin_prefetch(next - 16, 1);
            for (std::size_t at = 48; at < sizeof(MetaEvent); at += 64) __builtin_prefetch(next + at, 1);
        }
        m->observer = ObserverKind::None;
        m->observees.clear();
        m->interesting_content.clear();
        m->meta_votes.clear();
        m->longest_list = 0;
        m->decided_rows = 0;
        m->voter_ancestors.clear();
        return m;
    }
    return std::make_shared<MetaEvent>();
}

void MetaElection::release(std::shared_ptr<const MetaEvent>& m) {
    if (m && m.use_count() == 1) spare.push_back(std::const_pointer_cast<MetaEvent>(std::move(m)));
    m.reset();
}

void add_unconsensused(MetaElection& me, EventIndex e, const model::Event& event, bool single) {
    me.unconsensused_events.push_back(e);  // events arrive in index order, so this stays sorted
    me.unconsensused_by_key.add(event.key, single, VoteRef{e, event.creator, event.index_by_creator, event.fork_number});
}

void VotesByKey::add(KeyIndex k, bool single, const VoteRef& v) {
    if (k >= slot_.size()) slot_.resize(k + 1, 0);
    if (!slot_[k]) {
        keys_.push_back(KeyVotes{k, single, {}});
        slot_[k] = static_cast<std::uint32_t>(keys_.size());
    }
    keys_[slot_[k] - 1].votes.push_back(v);
}

namespace {

thread_local std::vector<std::uint8_t> t_strongly_seen;

// Lists the observer candidates again if the interesting events changed since the last time.
void refresh_candidates(MetaElection& me) {
    if (me.candidates_version == me.interesting_version) return;
    me.candidate_peers.clear();
    me.candidate_events.clear();
    for (const auto& [peer, ie] : me.interesting_events) {
        me.candidate_peers.push_back(peer);
        me.candidate_events.push_back(ie.events.front());
    }
    me.candidates_version = me.interesting_version;
}

// spec §4.4
void set_observer(MetaEvent& m, MetaElection& me, const ElectionContext& ctx, EventIndex ei) {
    EventIndex p = graph::self_sync_parent(ctx.graph, ei);
    m.observer_version = me.interesting_version;
    if (p != model::kNoEvent) {
        const MetaEvent* pm = me.meta_event(p);
        if (pm && pm->observer != ObserverKind::None) {
            m.observer = ObserverKind::Ancestor;
            m.observees.clear();
            return;
        }
        // An event without an other-parent strongly sees what its sync parent strongly sees
        // (between them only the creator's own observations, and no forks anywhere): with the
        // same candidates as when the parent was found no observer, neither is this event.
        if (pm && pm->observer_version == me.interesting_version && ctx.graph[ei].other_parent == model::kNoEvent &&
            !ctx.peers.any_fork()) {
            m.observer = ObserverKind::None;
            m.observees.clear();
            return;
        }
    }
    // Only the first interesting event of each peer is a candidate; with too few candidates no
    // supermajority of observees is possible, and the observer is None whatever is strongly seen.
    refresh_candidates(me);
    const auto& peers = me.candidate_peers;
    const auto& firsts = me.candidate_events;
    const size_t n = me.voters.size();
    m.observer = ObserverKind::None;
    m.observees.clear();
    if (!(3 * peers.size() > 2 * n)) return;
    graph::strongly_sees_each(ctx.graph[ei], firsts, ctx.graph, ctx.peers, n, t_strongly_seen);
    size_t seen = 0;
    for (size_t i = 0; i < peers.size(); ++i) seen += t_strongly_seen[i];
    if (3 * seen > 2 * n) {
        m.observer = ObserverKind::This;
        for (size_t i = 0; i < peers.size(); ++i)
            if (t_strongly_seen[i]) m.observees.push_back(peers[i]);
    }
}

// Scratch for set_meta_votes, reused across events (one thread, one event at a time).
thread_local std::vector<std::int32_t> t_slot_of;           // peer -> row in t_summed, -1 if none
thread_local std::vector<PositionCounts> t_summed;          // rows of per-position sums
thread_local std::vector<const MetaEvent*> t_ancestors;
thread_local std::vector<std::uint32_t> t_row_cap;          // row -> positions whose sums are read
thread_local std::vector<PeerIndex> t_row_peer;             // row -> peer voted on

// Rows are a few bytes: a loop beats a call to memcmp.
bool same_flags(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// Brings the creator's kept sums to E: from the parent's, changing only the voters whose latest
// ancestor changed (only those meta-events are read), else from scratch. Returns true when every
// row is known to come out of next_votes as the parent's.
bool update_kept_sums(OthersSums& cache, const MetaElection& me, const ElectionContext& ctx, const VoteInputs& in) {
    const std::size_t rows = in.row_peer.size(), n = in.ancestors.size();
    const MetaEvent* pm = in.parent;
    auto start_over = [&] {
        auto& ams = t_ancestors;  // by rank, looked up once
        ams.resize(n);
        std::size_t width = 1;
        for (std::size_t rank = 0; rank < n; ++rank)
            if ((ams[rank] = voting_meta(me, in.ancestors[rank])))
                width = std::max<std::size_t>(width, ams[rank]->longest_list);
        cache.reset(in.row_peer, width + 2, ctx.peers.size(), n);
        for (size_t row = 0; row < rows; ++row) cache.limit_row(row, in.row_cap[row]);
        for (std::size_t rank = 0; rank < n; ++rank)
            cache.set_other(rank, ams[rank], ams[rank] ? ams[rank]->serial : 0, in.ancestors[rank]);
    };
    if (!pm || !cache.continues(pm, pm->serial, in.row_peer)) {
        start_over();
        return false;
    }
    for (size_t row = 0; row < rows; ++row) cache.limit_row(row, in.row_cap[row]);
    // The ranks whose latest ancestor changed, found without a branch per rank: which ones did is
    // close to random, and a branch each was mispredicted often.
    std::uint64_t changed = 0;
    for (std::size_t rank = 0; rank < n; ++rank)
        changed |= std::uint64_t{cache.other_event(rank) != in.ancestors[rank]} << rank;
    for (; changed != 0; changed &= changed - 1) {
        const auto rank = static_cast<std::size_t>(__builtin_ctzll(changed));
        const EventIndex a = in.ancestors[rank];
        const MetaEvent* am = voting_meta(me, a);
        // Too long for the kept positions, or a meta-event it had added was rebuilt.
        if ((am && am->longest_list > cache.width()) || !cache.set_other(rank, am, am ? am->serial : 0, a)) {
            start_over();
            return false;
        }
    }
    const MetaVoteRows& pv = pm->meta_votes;
    bool all_unchanged = true;
    for (size_t row = 0; row < rows; ++row)
        all_unchanged &= cache.row_unchanged(row) || (in.row_cap[row] == 0 && pv.list_size(row) == 1);
    return all_unchanged;
}

// spec §5.6. The others' lists for peer p are summed per position once (PositionCounts), so
// each next_votes entry costs one addition instead of a walk over every ancestor's list.
void set_meta_votes(MetaEvent& m, MetaElection& me, const ElectionContext& ctx, EventIndex ei) {
    const Event& e = ctx.graph[ei];
    const size_t n = me.voters.size();
    PARSEC_ASSERT(n < 65535, "meta-vote counts are 16-bit lanes");
    EventIndex p = graph::self_sync_parent(ctx.graph, ei);
    const MetaEvent* pm = p != model::kNoEvent ? me.meta_event(p) : nullptr;
    const MetaVoteRows* pv = pm && !pm->meta_votes.empty() ? &pm->meta_votes : nullptr;
    if (!pv) pm = nullptr;
    m.meta_votes.clear();
    m.longest_list = 0;
    m.decided_rows = 0;
    m.votes_origin = m.serial;
    if (!pv && m.observer != ObserverKind::This) return;

    auto& row_peer = t_row_peer;
    auto& row_cap = t_row_cap;
    const bool any_row = find_rows(pv, me, row_peer, row_cap);
    // Found at the first build (one entry per voter), kept by rebuilds.
    if (any_row && m.voter_ancestors.empty()) find_voter_ancestors(e, me, ctx, m.voter_ancestors);
    const std::span<const EventIndex> ancestor_events =
        any_row ? std::span<const EventIndex>(m.voter_ancestors.data(), m.voter_ancestors.size())
                : std::span<const EventIndex>();
    const VoteInputs in{pm, row_peer, row_cap, ancestor_events};
    const std::size_t rows = row_peer.size();

    auto& summed = t_summed;
    const PositionCounts* sums = nullptr;  // rows x width: the kept sums, or `summed`
    std::size_t width = 1;
    OthersSums* cache = any_row && OthersSums::pays_off(n) ? &me.others_sums[e.creator] : nullptr;
    if (cache) {
        if (update_kept_sums(*cache, me, ctx, in)) {
            // Every row as the parent's: copy them whole.
            m.meta_votes = *pv;  // reuses m's capacity
            m.votes_origin = pm->votes_origin;
            m.longest_list = pm->longest_list;
            m.decided_rows = pm->decided_rows;
            for (size_t row = 0; row < rows; ++row) cache->finish_row(row, true);
            cache->bind(&m, m.serial);
            return;
        }
        sums = cache->sums().data();  // read in place
        width = cache->width();
    } else if (any_row) {
        width = sum_others_in_full(me, ctx, in, t_ancestors, t_slot_of, summed);
    } else {
        summed.assign(rows * width, PositionCounts{});  // every row decided from the start: not read
    }

    if (!sums) sums = summed.data();
    m.meta_votes.reserve(rows, rows * width + rows);
    const flags::Thresholds th(n);
    bool all_same = pv != nullptr && cache != nullptr;
    std::uint32_t longest = 0, decided = 0;  // kept in registers, stored once below
    for (size_t row = 0; row < rows; ++row) {
        std::span<const PositionCounts> others(sums + row * width, width);
        const std::size_t begin = m.meta_votes.flags_size();  // where this row's entries go
        bool same = false;  // the row equals the parent's
        // The row's length and last entry, known in each case below without reading back what was
        // just written (a load that waits for the store).
        std::size_t size = 1;
        std::uint8_t last = 0;
        // After next_votes appended the row: its entries, length and last entry.
        auto read_back = [&] {
            const auto list = m.meta_votes.flags_from(begin);
            size = list.size();
            last = list.empty() ? 0 : list.back();
            return list;
        };
        if (pv && row_cap[row] == 0) {
            // Decided from the start: both passes return that entry alone (spec §5.5).
            m.meta_votes.append_first(*pv, row);
            last = pv->flags(row)[0];
            same = pv->list_size(row) == 1;
        } else if (pv && cache && cache->row_unchanged(row)) {
            // The same input as for the parent, which came out unchanged: it does again.
            m.meta_votes.append_copy(*pv, row);
            size = pv->list_size(row);
            last = pv->flags(row)[size - 1];
            same = true;
        } else if (pv) {
            const int one =
                pv->list_size(row) == 1 ? flags::single_entry_next(pv->flags(row)[0], others[0], n, th) : -1;
            if (one >= 0) {
                // The usual row: one entry at (0, 0) that stays alone, often as it was.
                last = static_cast<std::uint8_t>(one);
                m.meta_votes.begin_row(row_peer[row]);
                m.meta_votes.push(last);
                same = last == pv->flags(row)[0];
            } else {
                // Pass 1 with the others and no coin, pass 2 alone with the coin (spec §5.6).
                append_next_votes_row(row_peer[row], pv->flags(row), others, true, n, m.meta_votes);
                const auto list = read_back();
                if (cache) same = same_flags(list, pv->flags(row));
            }
        } else {
            MetaVote v;
            v.est = std::binary_search(m.observees.begin(), m.observees.end(), row_peer[row]) ? kTrue : kFalse;
            const std::uint8_t initial = flag_byte(v);
            append_next_votes_row(row_peer[row], {&initial, 1}, others, false, n, m.meta_votes);
            read_back();
        }
        if (cache) cache->finish_row(row, same);
        all_same = all_same && same;
        longest = std::max(longest, static_cast<std::uint32_t>(size));
        if (size != 0 && flag_decided(last)) ++decided;
    }
    m.longest_list = longest;
    m.decided_rows = decided;
    if (all_same) m.votes_origin = pm->votes_origin;
    if (cache) cache->bind(&m, m.serial);
}

// The bits of keys % 64 (MetaElection::content_bits).
std::uint64_t content_mask(const std::vector<KeyIndex>& keys) {
    std::uint64_t bits = 0;
    for (KeyIndex k : keys) bits |= std::uint64_t{1} << (k % 64);
    return bits;
}

}  // namespace

void create_needed_meta_event(MetaElection& me, const ElectionContext& ctx, EventIndex ei) {
    const Event& e = ctx.graph[ei];
    if (!model::is_sync(e.cause) || !me.is_voter(e.creator)) return;
    if (me.meta_events.size() <= ei) {
        me.meta_events.resize(ctx.graph.size());
        me.content_bits.resize(ctx.graph.size(), 0);
        me.this_observer.resize(ctx.graph.size(), 0);
    }
    auto& slot = me.meta_events[ei];
    std::shared_ptr<MetaEvent> m;
    if (slot && slot.use_count() == 1) {
        // Rebuild in place when nothing else holds the old one (no checkpoint, no history): the
        // content stays (spec §4.2); observer and meta-votes are recomputed below.
        m = std::const_pointer_cast<MetaEvent>(std::move(slot));
    } else {
        m = me.fresh_meta_event();
        if (slot) {  // a rebuild (spec §4.2)
            m->interesting_content = slot->interesting_content;
            m->voter_ancestors = slot->voter_ancestors;
        }
        else interesting_content(me, ctx, ei, m->interesting_content);
        me.release(slot);
    }
    // A rebuilt meta-event's buffers were last touched long ago (spec §6.4 rebuilds hundreds at each
    // decision): start fetching them now, while the observer is found and the sums brought up to date.
    m->meta_votes.prefetch_for_write();
    __builtin_prefetch(m->observees.data(), 1);
    if (OthersSums::pays_off(me.voters.size())) me.others_sums[e.creator].prefetch();
    m->serial = ++me.build_serial;
    set_observer(*m, me, ctx, ei);
    set_meta_votes(*m, me, ctx, ei);
    me.content_bits[ei] = content_mask(m->interesting_content);
    me.this_observer[ei] = m->observer == ObserverKind::This;
    if (!m->interesting_content.empty()) {
        auto& ie = me.interesting_events[e.creator];
        if (ie.events.empty()) ++me.interesting_version;  // a new observer candidate (spec §4.4)
        ie.events.push_back(ei);
        for (KeyIndex k : m->interesting_content) ie.keys.insert(k);
    }
    if (me.keep_history) {
        if (me.history.size() <= ei) me.history.resize(ctx.graph.size());
        me.history[ei] = m;
    }
    slot = std::move(m);
}

static std::vector<KeyIndex> order_payloads(const MetaElection& me, const ElectionContext& ctx,
                                            const std::vector<PeerIndex>& true_peers) {
    struct Entry { KeyIndex key; std::uint32_t count; std::size_t min_pos; };
    std::vector<Entry> table;
    for (PeerIndex p : true_peers) {
        const InterestingEvents* ie = me.interesting_events.find(p);
        if (!ie) continue;
        const MetaEvent* first = me.meta_event(ie->events.front());
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
    if (!m || m->meta_votes.empty() || m->decided_rows < me.voters.size()) return {};
    thread_local std::vector<PeerIndex> true_peers;  // runs for every sync event: no allocation
    true_peers.clear();
    size_t decided = 0;
    for (std::size_t row = 0; row < m->meta_votes.size(); ++row) {
        const auto flags = m->meta_votes.flags(row);
        if (flags.empty()) continue;
        const MetaVote last = decode_flag_byte(flags.back(), flags.size() - 1);
        if (!last.decided) continue;
        ++decided;
        if (last.decision) true_peers.push_back(m->meta_votes.peer(row));
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
    if (!changes.empty()) me.set_voters(std::move(me.voters));
    KeySet decided;
    for (KeyIndex k : keys) decided.insert(k);
    const std::uint64_t decided_bits = content_mask(keys);
    auto is_decided = [&](KeyIndex k) { return decided.contains(k); };
    // Every event carrying a decided key leaves the unconsensused sets (spec §6.4 step 2).
    me.unconsensused_events.erase(std::remove_if(me.unconsensused_events.begin(), me.unconsensused_events.end(),
                                                 [&](EventIndex e) { return is_decided(ctx.graph[e].key); }),
                                  me.unconsensused_events.end());
    me.unconsensused_by_key.erase_if(is_decided);
    const auto graph_len = static_cast<EventIndex>(ctx.graph.size());
    EventIndex new_start = me.unconsensused_events.empty() ? graph_len : me.unconsensused_events.front();
    const bool membership_changed = !changes.empty();
    EventIndex cont = new_start;
    if (!membership_changed) {
        EventIndex min_observer = new_start;
        for (EventIndex i = me.meta_floor; i < me.this_observer.size(); ++i) {
            if (me.this_observer[i]) {
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
            me.release(m);
            me.content_bits[i] = 0;
            me.this_observer[i] = 0;
            continue;
        }
        if (!(me.content_bits[i] & decided_bits)) continue;  // holds no decided key
        if (std::none_of(m->interesting_content.begin(), m->interesting_content.end(), is_decided)) continue;
        // Pruned in place when nothing else holds it (no checkpoint, no history), else in a copy;
        // either way as a new build.
        if (m.use_count() != 1) {
            auto copy = me.fresh_meta_event();
            *copy = *m;
            me.release(m);
            m = std::move(copy);
        }
        auto& pruned = const_cast<MetaEvent&>(*m);
        pruned.serial = ++me.build_serial;
        auto& content = pruned.interesting_content;
        content.erase(std::remove_if(content.begin(), content.end(), is_decided), content.end());
        me.content_bits[i] = content_mask(content);
    }
    me.meta_floor = new_start;
    me.others_sums.clear_all();  // meta-events they read are rebuilt from here
    me.interesting_events.clear();
    ++me.interesting_version;
    for (EventIndex i = new_start; i < cont && i < me.meta_events.size(); ++i) {
        if (me.content_bits[i] == 0) continue;  // no meta-event, or no content
        const MetaEvent* m = me.meta_events[i].get();
        if (!m || m->interesting_content.empty()) continue;
        auto& ie = me.interesting_events[ctx.graph[i].creator];
        ie.events.push_back(i);
        for (KeyIndex k : m->interesting_content) ie.keys.insert(k);
    }
    me.consensus_history.insert(me.consensus_history.end(), keys.begin(), keys.end());
    me.new_consensus_start_index = new_start;
    me.continue_consensus_start_index = cont;
    return cont;
}

}  // namespace parsec::election
