// What one event is, seen from a perspective node: whether that node has it (else it is a
// ghost), and the marks its meta-event and decisions give it. Shared by the canvas, the tooltip
// and the minimap so they always agree.
#pragma once
#include "viz/graph_model.hpp"

namespace parsec::viz {

struct EventMarks {
    bool is_known = true;        // the perspective node holds it (always true without one)
    bool is_observer = false;    // its meta-event's observer is This (spec §4.4)
    bool is_interesting = false; // its meta-event carries interesting content (spec §4.3)
    bool is_deciding = false;    // the node decided here (any node, without a perspective)
    bool is_accusation = false;  // its payload is an Accusation vote (spec §7)
    bool is_forked = false;      // its slot (creator, index) holds more than one event
    SourceIndex meta_source = kNoSource;     // whose meta-event was read
    model::EventIndex meta_local = model::kNoEvent;
};

EventMarks event_marks(const GraphModel& model, UnionIndex u, SourceIndex perspective);

}  // namespace parsec::viz
