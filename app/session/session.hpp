// What the GUI shows and moves through: a set of nodes whose state is a function of the number
// of inputs applied. Implemented by an opened reference dump and by a live cluster.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"
#include "node/node.hpp"

namespace parsec::app {

// Something the run's checkers flagged, shown where it happened: an invariant violation, or
// information worth a look (an accusation, an engine refusing an honest message).
struct SessionMarker {
    size_t position = 0;  // the position just after the input that raised it
    bool violation = false;
    std::string heading;  // when and what kind: "t=185 input 2440 node-error"
    std::string text;     // what happened, naming the nodes
};

class Session {
public:
    virtual ~Session() = default;
    virtual std::string title() const = 0;
    virtual size_t node_count() const = 0;
    virtual const node::Node& node(size_t i) const = 0;
    virtual std::string node_name(size_t i) const { return node(i).identity().id.name; }
    // Inputs known so far (a live session grows when advanced past its end).
    virtual size_t input_count() const = 0;
    virtual size_t position() const = 0;  // inputs applied to reach the current state
    // Moves to any input: nearest checkpoint, then re-execution.
    virtual core::Status seek(size_t input) = 0;
    virtual bool is_live() const { return false; }
    virtual std::string input_label(size_t input) const = 0;  // the input at this position (1-based)
    // Positions p such that the input p produced at least one decision, ascending.
    virtual const std::vector<size_t>& decision_positions() const = 0;
    // What happened at a decision position, e.g. "Bob decides tx3" (empty: not known).
    virtual std::string decision_text(size_t position) const {
        (void)position;
        return {};
    }
    // The markers of the whole session, in input order (empty for sessions without checkers).
    virtual const std::vector<SessionMarker>& marker_entries() const {
        static const std::vector<SessionMarker> none;
        return none;
    }
    // One paragraph for the user about this session (e.g. how the recomputation compares).
    virtual std::string summary() const { return {}; }
    // Event names (in node 0's naming) where our recomputation disagrees with the file.
    virtual const std::vector<std::string>& disagreements() const {
        static const std::vector<std::string> none;
        return none;
    }
};

}  // namespace parsec::app
