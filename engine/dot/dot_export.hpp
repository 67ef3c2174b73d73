// Node state → DotFile in the reference's dump layout (spec §9.2-§9.4), for export and conformance.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "dot/dot_file.hpp"
#include "node/node.hpp"

namespace parsec::dot {

// Short peer names of spec §9.2 for sanitised ids, in the same order as `ids`.
std::vector<std::string> short_peer_names(const std::vector<std::string>& ids);

// Dump names of every event of the node's graph (spec §9.2): "<short>_<index>[,k]".
std::vector<std::string> event_names(const node::Node& node);

// The node's whole state as the reference would dump it now. `names` gives each event's name
// (default: event_names). The meta-election section shows the election as it is at this moment.
DotFile export_node(const node::Node& node, const std::vector<std::string>* names = nullptr);

// The display string of a payload key (spec §9.3), as in interesting_content and labels.
std::string display_key(const node::Node& node, model::KeyIndex key, const std::vector<std::string>& names);

}  // namespace parsec::dot
