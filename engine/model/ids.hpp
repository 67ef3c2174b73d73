// Small integer ids used inside one node's engine. Never sent over the wire (spec §1.2).
#pragma once
#include <cstdint>
#include <limits>

namespace parsec::model {

using PeerIndex = std::uint32_t;   // index in this node's peer list; 0 is always "us"
using EventIndex = std::uint32_t;  // topological index = insertion position in this node's graph
using KeyIndex = std::uint32_t;    // index of an observation key in this node's store

inline constexpr PeerIndex kOurIndex = 0;
inline constexpr PeerIndex kNoPeer = std::numeric_limits<PeerIndex>::max();
inline constexpr EventIndex kNoEvent = std::numeric_limits<EventIndex>::max();
inline constexpr KeyIndex kNoKey = std::numeric_limits<KeyIndex>::max();

enum class ConsensusMode : std::uint8_t { Supermajority, Single };

// Peer state bits (spec §1.2).
namespace state {
inline constexpr std::uint8_t kSend = 0b0010;
inline constexpr std::uint8_t kRecv = 0b0100;
inline constexpr std::uint8_t kDkg = 0b1000;
inline constexpr std::uint8_t kVote = 0b1001;
inline constexpr std::uint8_t kActive = kVote | kSend | kRecv;
inline bool contains(std::uint8_t s, std::uint8_t bits) { return (s & bits) == bits; }
}  // namespace state

}  // namespace parsec::model
