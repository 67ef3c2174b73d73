// Identifiers and limits of the simulator. A NodeId is a cluster slot, never an engine PeerIndex.
#pragma once
#include <cstddef>
#include <cstdint>

namespace parsec::sim {

using NodeId = std::uint16_t;      // slot in the cluster, 0-based, stable for the whole run
using MessageId = std::uint64_t;   // in-flight message, numbered by the cluster from 0
using Tick = std::uint64_t;        // virtual time; every input is stamped with one
using InputIndex = std::uint64_t;  // position of an input along a branch path, 0-based

inline constexpr NodeId kNoNode = 0xFFFF;
inline constexpr std::size_t kNodesMax = 64;          // genesis + joiners
inline constexpr std::size_t kInFlightMax = 1u << 20;  // bounded network queue (style §8.9)

}  // namespace parsec::sim
