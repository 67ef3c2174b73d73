// A recording as a Chrome trace (JSON, opens in Perfetto and chrome://tracing): one track per node,
// each input as a short slice on the node it happens to, created events and blocks as instants,
// and every delivered message as a flow from the slice that sent it to the one that handled it.
// Time: 1 tick = 1 ms, inputs within a tick 1 µs apart. The branch is re-executed to learn who sent
// what (the recording stores inputs, not message routes).
#pragma once
#include <functional>
#include <string>

#include "record/recording.hpp"

namespace parsec::record {

core::Result<std::string> export_perfetto(const Recording& recording, BranchId branch, InputIndex to,
                                          const std::function<void(InputIndex, InputIndex)>& progress = {});

}  // namespace parsec::record
