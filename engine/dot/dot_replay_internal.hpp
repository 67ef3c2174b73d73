// Shared between the two halves of DotReplay: event rebuilding and action derivation.
#pragma once
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "dot/dot_replay.hpp"

namespace parsec::dot {


core::Result<ReplayPlan> derive_actions(const DotFile& file, std::string_view file_name, ReplayPlan plan,
                                        const std::vector<model::SealedRef>& sealed);

}  // namespace parsec::dot
