// One replay action applied to a node: the unit of time when a reference dump is stepped through.
#pragma once
#include <string>

#include "dot/dot_replay.hpp"

namespace parsec::dot {

core::Status apply_action(node::Node& node, const Action& action);
// A one-line description for timelines: "vote OpaquePayload(3)", "request from Bob (12 events)".
std::string describe_action(const Action& action);

}  // namespace parsec::dot
