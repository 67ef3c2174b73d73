// Selection overlays from NodeView's relations (spec §3), converted to union indices. The
// relation queries are linear in the graph, so they run only when the selection changes.
#include "viz/highlights.hpp"

#include <algorithm>

namespace parsec::viz {

namespace {

using model::EventIndex;

// The node to ask: the perspective if it holds every wanted event, else the first that does.
SourceIndex pick_view_source(const GraphModel& model, SourceIndex perspective, UnionIndex a, UnionIndex b) {
    auto holds = [&](SourceIndex s) {
        return (a == kNoUnionEvent || model.is_known_by(s, a)) && (b == kNoUnionEvent || model.is_known_by(s, b));
    };
    if (perspective != kNoSource && perspective < model.source_count() && holds(perspective)) return perspective;
    for (SourceIndex s = 0; s < model.source_count(); ++s)
        if (holds(s)) return s;
    return kNoSource;
}

// One path from `from` down to its ancestor `target`: at each event, step to a parent that still
// descends from target, preferring one by `lane_creator` (so a carrier's path follows its lane),
// then the self-parent. A parent always qualifies, since ancestry is the union of the parents'.
std::vector<EventIndex> path_down(const graph::Graph& g, EventIndex from, EventIndex target,
                                  model::PeerIndex lane_creator) {
    std::vector<EventIndex> path{from};
    EventIndex at = from;
    while (at != target && path.size() <= g.size()) {
        const model::Event& e = g[at];
        EventIndex next = model::kNoEvent;
        auto consider = [&](EventIndex p, bool must_match_lane) {
            if (next != model::kNoEvent || p == model::kNoEvent) return;
            if (must_match_lane && g[p].creator != lane_creator) return;
            if (graph::is_descendant_of(g[p], g[target])) next = p;
        };
        consider(e.self_parent, true);
        consider(e.other_parent, true);
        consider(e.self_parent, false);
        consider(e.other_parent, false);
        if (next == model::kNoEvent) break;  // only with inconsistent fork data: draw what we have
        path.push_back(next);
        at = next;
    }
    return path;
}

void mark(Highlights& h, const GraphModel& model, SourceIndex s, const std::vector<EventIndex>& locals,
          std::uint8_t flag) {
    for (EventIndex e : locals) {
        const UnionIndex u = model.union_index(s, e);
        if (u != kNoUnionEvent) h.flags[u] |= flag;
    }
}

// The events of y's creator in forked slots that x descends from: the fork x knows about.
void name_blocking_forks(Highlights& h, const GraphModel& model, SourceIndex s, EventIndex x) {
    const auto& g = model.source_node(s).graph();
    const LaneIndex lane = model.event(h.pair_y).lane;
    for (UnionIndex u = 0; u < model.event_count(); ++u) {
        const UnionEvent& e = model.event(u);
        if (e.lane != lane || e.fork_slot_size < 2) continue;
        const EventIndex local = model.local_index(s, u);
        if (local == model::kNoEvent || !graph::is_descendant_of(g[x], g[local])) continue;
        h.blocking_forks.push_back(u);
        h.flags[u] |= kHighlightBlockingFork;
    }
}

void explain_pair(Highlights& h, const GraphModel& model, SourceIndex s) {
    const view::NodeView view = model.source_view(s);
    // Orient the pair: the later event (higher union index = not an ancestor) is x.
    h.pair_x = std::max(h.selected, h.second);
    h.pair_y = std::min(h.selected, h.second);
    const EventIndex x = model.local_index(s, h.pair_x);
    const EventIndex y = model.local_index(s, h.pair_y);
    const view::StronglySeesExplanation why = view.explain(x, y);
    h.has_pair = true;
    h.sees = why.sees;
    h.strongly_sees = why.strongly_sees;
    h.blocked_by_fork = why.blocked_by_fork;
    h.voter_count = why.voter_count;
    h.needed = why.needed;
    const auto& g = view.node().graph();
    for (std::size_t i = 0; i < why.carriers.size(); ++i) {
        h.carrier_lanes.push_back(model.lane_of_peer(s, why.carriers[i]));
        const EventIndex m = why.carrier_events[i];
        std::vector<EventIndex> path = path_down(g, x, m, why.carriers[i]);
        const std::vector<EventIndex> lower = path_down(g, m, y, why.carriers[i]);
        path.insert(path.end(), lower.begin() + 1, lower.end());
        std::vector<UnionIndex> upath;
        for (EventIndex e : path) upath.push_back(model.union_index(s, e));
        h.carrier_paths.push_back(std::move(upath));
        mark(h, model, s, path, kHighlightOnPath);
        mark(h, model, s, {m}, kHighlightCarrier);
    }
    std::sort(h.carrier_lanes.begin(), h.carrier_lanes.end());
    if (h.blocked_by_fork) name_blocking_forks(h, model, s, x);
}

}  // namespace

void update_highlights(Highlights& h, const GraphModel& model, SourceIndex perspective, UnionIndex first,
                       UnionIndex second) {
    if (first != kNoUnionEvent && first >= model.event_count()) first = kNoUnionEvent;
    if (second != kNoUnionEvent && second >= model.event_count()) second = kNoUnionEvent;
    const SourceIndex s = pick_view_source(model, perspective, first, second);
    const std::size_t decisions = s == kNoSource ? 0 : model.source_node(s).decisions().size();
    // The relations of an event depend only on its ancestry, fixed once it exists, and on the
    // voters, which change only with a decision: so a live cluster does not recompute each frame.
    const bool unchanged = h.key_epoch == model.epoch() && h.key_perspective == perspective &&
                           h.selected == first && h.second == second && h.view_source == s &&
                           h.key_decisions == decisions;
    if (unchanged) return;

    h = Highlights{};
    h.selected = first;
    h.second = second;
    h.view_source = s;
    h.key_epoch = model.epoch();
    h.key_perspective = perspective;
    h.key_decisions = decisions;
    if (s == kNoSource || first == kNoUnionEvent) return;

    h.flags.assign(model.event_count(), 0);
    const view::NodeView view = model.source_view(s);
    const EventIndex x = model.local_index(s, first);
    mark(h, model, s, view.seen_by(x), kHighlightSeen);
    mark(h, model, s, view.strongly_seen_by(x), kHighlightStronglySeen);
    if (second != kNoUnionEvent && second != first) explain_pair(h, model, s);
}

}  // namespace parsec::viz
