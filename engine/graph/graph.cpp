#include "graph/graph.hpp"

#include <algorithm>

#include "core/assert.hpp"

namespace parsec::graph {

using model::AncestorInfo;
using model::ForkEntry;

EventIndex Graph::insert(Event&& e) {
    auto index = static_cast<EventIndex>(events_.size());
    if (2 * (events_.size() + 1) > slots_.size()) rehash(2 * (events_.size() + 1));
    // place() walks the probe sequence find() would: it asserts the hash is not there yet.
    place(e.hash, index);
    if (index >= kRecentFromSize) {
        if (recent_.empty()) recent_.resize(kRecentSlots);
        recent_[recent_position(e.hash)] = RecentSlot{e.hash, index};
    }
    EventIndex sync_parent = model::kNoEvent;
    if (e.self_parent != model::kNoEvent)
        sync_parent = model::is_sync(events_[e.self_parent].cause) ? e.self_parent : sync_parent_[e.self_parent];
    sync_parent_.push_back(sync_parent);
    events_.push_back(std::move(e), [](const Event& a, const Event& b) { return a.hash == b.hash; });
    return index;
}

void Graph::rehash(size_t min_slots) {
    size_t n = 16;
    while (n < min_slots) n *= 2;
    std::vector<HashSlot> old(n, HashSlot{});
    old.swap(slots_);
    mask_ = n - 1;
    for (const HashSlot& s : old) {  // every event is in the table: its tag says where it goes
        if (s.index == model::kNoEvent) continue;
        size_t i = s.tag & mask_;
        while (slots_[i].index != model::kNoEvent) i = (i + 1) & mask_;
        slots_[i] = s;
    }
}

void Graph::place(const core::Hash32& h, EventIndex e) {
    const std::uint32_t tag = hash_tag(h);
    size_t i = tag & mask_;
    for (; slots_[i].index != model::kNoEvent; i = (i + 1) & mask_)
        PARSEC_ASSERT(slots_[i].tag != tag || !core::same_hash(events_[slots_[i].index].hash, h), "event inserted twice");
    slots_[i] = HashSlot{tag, e};
}

namespace {

bool fork_less(const ForkEntry& a, const ForkEntry& b) {
    return a.creator != b.creator ? a.creator < b.creator : a.index < b.index;
}

std::vector<std::uint32_t> with_zero(std::vector<std::uint32_t> s) {
    if (std::find(s.begin(), s.end(), 0u) == s.end()) s.insert(s.begin(), 0u);
    return s;
}

// Merge rule of spec §1.5 step 1, into `out` (left and right are other events' infos): a fork key
// known on one side only gains the implicit fork number 0 when the other side's `last` for that
// creator reaches that index.
void merge_into(AncestorInfo& out, const AncestorInfo& left, const AncestorInfo& right) {
    const bool left_longer = left.last.size() >= right.last.size();
    const auto& longer = left_longer ? left.last : right.last;
    const auto& shorter = left_longer ? right.last : left.last;
    out.last = longer;
    std::int32_t* o = out.last.data();
    const std::int32_t* s = shorter.data();
    for (size_t c = 0, n = shorter.size(); c < n; ++c) o[c] = std::max(o[c], s[c]);
    out.forks.clear();
    if (left.forks.empty() && right.forks.empty()) return;

    auto one_sided = [](const ForkEntry& f, const AncestorInfo& other) {
        ForkEntry g = f;
        std::int32_t other_last = other.last_of(f.creator);
        // Only creators present in both maps get the {0} rule; absent creators copy as is.
        if (other_last >= 0 && other_last >= static_cast<std::int32_t>(f.index)) g.forks = with_zero(g.forks);
        return g;
    };
    size_t i = 0, j = 0;
    while (i < left.forks.size() || j < right.forks.size()) {
        if (j == right.forks.size() || (i < left.forks.size() && fork_less(left.forks[i], right.forks[j]))) {
            out.forks.push_back(one_sided(left.forks[i++], right));
        } else if (i == left.forks.size() || fork_less(right.forks[j], left.forks[i])) {
            out.forks.push_back(one_sided(right.forks[j++], left));
        } else {
            ForkEntry g = left.forks[i];
            std::vector<std::uint32_t> u;
            std::set_union(left.forks[i].forks.begin(), left.forks[i].forks.end(), right.forks[j].forks.begin(),
                           right.forks[j].forks.end(), std::back_inserter(u));
            g.forks = std::move(u);
            out.forks.push_back(std::move(g));
            ++i, ++j;
        }
    }
}

}  // namespace

void compute_ancestor_info(Event& e, const Graph& graph, const PeerList& peers) {
    const bool has_self = e.self_parent != model::kNoEvent;
    const bool has_other = e.other_parent != model::kNoEvent;
    if (has_self && has_other)
        merge_into(e.ancestors, graph[e.self_parent].ancestors, graph[e.other_parent].ancestors);
    else if (has_self)
        e.ancestors = graph[e.self_parent].ancestors;
    else if (has_other)
        e.ancestors = graph[e.other_parent].ancestors;
    else
        e.ancestors = AncestorInfo{};

    auto& last = e.ancestors.last;
    if (last.size() <= e.creator) last.resize(e.creator + 1, -1);
    last[e.creator] = static_cast<std::int32_t>(e.index_by_creator);

    const auto& slot = peers.events_by_index(e.creator, e.index_by_creator);
    e.fork_number = static_cast<std::uint32_t>(slot.size());
    if (!slot.empty()) {
        auto& forks = e.ancestors.forks;
        ForkEntry entry{e.creator, e.index_by_creator, {e.fork_number}};
        auto it = std::lower_bound(forks.begin(), forks.end(), entry, fork_less);
        if (it != forks.end() && it->creator == e.creator && it->index == e.index_by_creator)
            it->forks = entry.forks;   // overwrite (spec §1.5 step 3)
        else
            forks.insert(it, std::move(entry));
    }
}

bool is_descendant_of(const Event& x, const Event& y) {
    std::int32_t last = x.ancestors.last_of(y.creator);
    if (last < 0 || last < static_cast<std::int32_t>(y.index_by_creator)) return false;
    if (x.ancestors.forks.empty() && y.fork_number == 0) return true;
    const ForkEntry* xf = x.ancestors.fork_entry(y.creator, y.index_by_creator);
    const ForkEntry* yf = y.fork_number == 0 ? nullptr : y.ancestors.fork_entry(y.creator, y.index_by_creator);
    auto contains = [](const ForkEntry* f, std::uint32_t v) {
        return std::find(f->forks.begin(), f->forks.end(), v) != f->forks.end();
    };
    if (xf) {
        if (!yf) return contains(xf, 0);
        for (auto v : yf->forks)
            if (contains(xf, v)) return true;
        return false;
    }
    return yf ? contains(yf, 0) : true;
}

bool descends_from_fork(const Event& x, PeerIndex creator) { return x.ancestors.has_multi_fork(creator); }

bool sees(const Event& x, const Event& y) {
    return !descends_from_fork(x, y.creator) && is_descendant_of(x, y);
}


bool strongly_sees(const Event& x, const Event& y, const Graph& graph, const PeerList& peers,
                   size_t voter_count) {
    size_t count = 0;
    const auto& last = x.ancestors.last;
    if (!peers.any_fork()) {
        // Without forks, sees = ancestry and each slot holds one event (spec §3 reduces to this).
        const std::int32_t y_index = static_cast<std::int32_t>(y.index_by_creator);
        for (size_t c = 0; c < last.size(); ++c) {
            if (last[c] < 0) continue;
            const Event& mid = graph[peers[static_cast<PeerIndex>(c)].slots[static_cast<size_t>(last[c])][0]];
            if (mid.ancestors.last_of(y.creator) >= y_index) ++count;
        }
        return 3 * count > 2 * voter_count;
    }
    for (size_t c = 0; c < last.size(); ++c) {
        if (last[c] < 0) continue;
        for (EventIndex e : peers.events_by_index(static_cast<PeerIndex>(c), static_cast<std::uint32_t>(last[c]))) {
            const Event& mid = graph[e];
            if (sees(x, mid) && sees(mid, y)) {
                ++count;
                break;
            }
        }
    }
    return 3 * count > 2 * voter_count;
}

void strongly_sees_each(const Event& x, std::span<const EventIndex> ys, const Graph& graph, const PeerList& peers,
                        size_t voter_count, std::vector<std::uint8_t>& out) {
    out.assign(ys.size(), 0);
    if (peers.any_fork()) {
        for (size_t i = 0; i < ys.size(); ++i) out[i] = strongly_sees(x, graph[ys[i]], graph, peers, voter_count);
        return;
    }
    // Without forks, the latest ancestor `mid` of creator c sees y iff mid's last ancestor index
    // for y's creator reaches y (the fast path of strongly_sees above). One `last` per creator:
    // a stack array for the usual peer counts, the heap beyond.
    struct Mid {
        const std::int32_t* last;
        std::size_t size;
    };
    constexpr std::size_t kOnStack = 64;
    Mid on_stack[kOnStack];
    std::vector<Mid> on_heap;
    const auto& last = x.ancestors.last;
    Mid* mids = on_stack;
    if (last.size() > kOnStack) {
        on_heap.resize(last.size());
        mids = on_heap.data();
    }
    std::size_t mid_count = 0;
    for (size_t c = 0; c < last.size(); ++c) {
        if (last[c] < 0) continue;
        const Event& mid = graph[peers[static_cast<PeerIndex>(c)].slots[static_cast<size_t>(last[c])][0]];
        mids[mid_count++] = Mid{mid.ancestors.last.data(), mid.ancestors.last.size()};
    }
    // Usually the candidates are by peers 0, 1, 2...: then each mid's `last` is compared with
    // all of them at once, entry by entry, a loop the compiler vectorises.
    constexpr std::size_t kDense = 64;
    bool dense = ys.size() <= kDense;
    std::int32_t y_index[kDense];
    for (size_t i = 0; dense && i < ys.size(); ++i) {
        const Event& y = graph[ys[i]];
        dense = y.creator == i;
        y_index[i] = static_cast<std::int32_t>(y.index_by_creator);
    }
    if (dense) {
        std::uint32_t count[kDense];
        std::fill_n(count, ys.size(), 0u);
        for (size_t m = 0; m < mid_count; ++m) {
            const std::int32_t* l = mids[m].last;
            const size_t k = std::min(ys.size(), mids[m].size);
            for (size_t i = 0; i < k; ++i) count[i] += l[i] >= y_index[i];
        }
        for (size_t i = 0; i < ys.size(); ++i) out[i] = 3 * count[i] > 2 * voter_count;
        return;
    }
    for (size_t i = 0; i < ys.size(); ++i) {
        const Event& y = graph[ys[i]];
        const PeerIndex yc = y.creator;
        const auto y_index_i = static_cast<std::int32_t>(y.index_by_creator);
        size_t count = 0;
        for (size_t m = 0; m < mid_count; ++m) count += yc < mids[m].size && mids[m].last[yc] >= y_index_i;
        out[i] = 3 * count > 2 * voter_count;
    }
}

}  // namespace parsec::graph
