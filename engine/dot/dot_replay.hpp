// DotReplay: turns a parsed reference dump into the API calls that rebuild it from genesis and
// plays them through a fresh Node (spec §9.6, the reference's "Record").
#pragma once
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "dot/dot_file.hpp"
#include "node/node.hpp"

namespace parsec::dot {

struct ActionVote { model::Observation observation; };
struct ActionRequesting { crypto::PeerId recipient; };
struct ActionSync {
    bool is_request = true;
    crypto::PeerId src;
    model::Message message;
    std::vector<model::Observation> dkg_votes;  // our recorded DkgMessage votes, made before our sync event
};
using Action = std::variant<ActionVote, ActionRequesting, ActionSync>;

struct ReplayPlan {
    crypto::PeerId our_id;
    crypto::Identity our_identity;  // our mock identity (keys derived once, not per replay)
    std::vector<crypto::PeerId> genesis_group;
    model::ConsensusMode mode = model::ConsensusMode::Supermajority;
    std::vector<Action> actions;
    bool added_final_requesting_event = false;
    // The parsed graph in parsed topological order: hashes and names, for comparisons.
    std::vector<core::Hash32> parsed_hashes;
    std::vector<std::string> parsed_names;
    std::vector<size_t> parsed_file_index;  // index into DotFile::events
};

// Derives the actions (spec §9.6 steps 1-3). Errors name the file and the event's line.
core::Result<ReplayPlan> plan_replay(const DotFile& file, std::string_view file_name);
// Plays the plan through a fresh node (spec §9.6 step 4). The hook sees every decision.
core::Result<node::Node> play(const ReplayPlan& plan, std::shared_ptr<const crypto::Crypto> crypto,
                              node::DecisionHook hook = {});
// The parsed topological order of spec §9.5, as indices into file.events.
std::vector<size_t> parsed_insertion_order(const DotFile& file);

}  // namespace parsec::dot
