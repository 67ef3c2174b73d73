#include "viz/event_marks.hpp"

namespace parsec::viz {

EventMarks event_marks(const GraphModel& model, UnionIndex u, SourceIndex perspective) {
    const UnionEvent& e = model.event(u);
    EventMarks m;
    m.is_forked = e.fork_slot_size >= 2;
    m.is_accusation = e.has_payload && e.payload_kind == model::ObsKind::Accusation;
    const bool has_perspective = perspective != kNoSource && perspective < model.source_count();
    m.is_known = !has_perspective || model.is_known_by(perspective, u);
    // A ghost has no meta-event in the perspective: show nothing rather than another node's.
    if (has_perspective && !m.is_known) return m;
    m.meta_source = has_perspective ? perspective : e.first_source;
    if (m.meta_source == kNoSource) return m;
    m.meta_local = model.local_index(m.meta_source, u);
    m.is_deciding = has_perspective ? model.is_deciding(perspective, u) : model.deciding_count(u) > 0;
    const view::NodeView view = model.source_view(m.meta_source);
    if (const election::MetaEvent* meta = view.latest_meta_event(m.meta_local)) {
        m.is_observer = meta->observer == election::ObserverKind::This;
        m.is_interesting = !meta->interesting_content.empty();
    }
    return m;
}

}  // namespace parsec::viz
