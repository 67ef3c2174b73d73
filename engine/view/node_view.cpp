#include "view/node_view.hpp"

#include "dot/dot_export.hpp"

namespace parsec::view {

std::string NodeView::payload_text(KeyIndex key) const { return dot::display_key(*node_, key, event_names()); }

const std::vector<std::string>& NodeView::event_names() const {
    if (names_.size() != node_->graph().size()) names_ = dot::event_names(*node_);
    return names_;
}

const MetaEvent* NodeView::latest_meta_event(EventIndex e) const {
    if (const MetaEvent* m = current_meta_event(e)) return m;
    const auto& h = node_->election().history;
    return e < h.size() ? h[e].get() : nullptr;
}

bool NodeView::is_observer(EventIndex e) const {
    const MetaEvent* m = latest_meta_event(e);
    return m && m->observer == election::ObserverKind::This;
}

std::vector<EventIndex> NodeView::ancestors(EventIndex x) const {
    std::vector<EventIndex> out;
    const auto& g = node_->graph();
    for (EventIndex y = 0; y <= x; ++y)
        if (graph::is_descendant_of(g[x], g[y])) out.push_back(y);
    return out;
}

std::vector<EventIndex> NodeView::seen_by(EventIndex x) const {
    std::vector<EventIndex> out;
    const auto& g = node_->graph();
    for (EventIndex y = 0; y <= x; ++y)
        if (graph::sees(g[x], g[y])) out.push_back(y);
    return out;
}

std::vector<EventIndex> NodeView::strongly_seen_by(EventIndex x) const {
    std::vector<EventIndex> out;
    const auto& g = node_->graph();
    const std::size_t n = node_->election().voters.size();
    for (EventIndex y = 0; y <= x; ++y)
        if (graph::is_descendant_of(g[x], g[y]) && graph::strongly_sees(g[x], g[y], g, node_->peers(), n))
            out.push_back(y);
    return out;
}

StronglySeesExplanation NodeView::explain(EventIndex x, EventIndex y) const {
    const auto& g = node_->graph();
    const auto& ex = g[x];
    const auto& ey = g[y];
    StronglySeesExplanation r;
    r.voter_count = node_->election().voters.size();
    r.needed = r.voter_count * 2 / 3 + 1;
    r.is_ancestor = graph::is_descendant_of(ex, ey);
    r.sees = graph::sees(ex, ey);
    r.blocked_by_fork = r.is_ancestor && graph::descends_from_fork(ex, ey.creator);
    const auto& last = ex.ancestors.last;
    for (PeerIndex c = 0; c < last.size(); ++c) {
        if (last[c] < 0) continue;
        for (EventIndex mid : node_->peers().events_by_index(c, static_cast<std::uint32_t>(last[c]))) {
            if (graph::sees(ex, g[mid]) && graph::sees(g[mid], ey)) {
                r.carriers.push_back(c);
                r.carrier_events.push_back(mid);
                break;
            }
        }
    }
    r.strongly_sees = 3 * r.carriers.size() > 2 * r.voter_count;
    return r;
}

}  // namespace parsec::view
