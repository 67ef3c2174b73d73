// Observations (vote payloads), malice descriptions and their byte encoding (spec §1.3, §1.6, §7.3).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/bytes.hpp"
#include "crypto/identity.hpp"

namespace parsec::model {

using crypto::PeerId;

// Variant order is the bincode tag and the derived ordering (spec §1.3).
enum class ObsKind : std::uint32_t {
    Genesis = 0, Add = 1, Remove = 2, Accusation = 3, OpaquePayload = 4,
    StartDkg = 5, DkgResult = 6, DkgMessage = 7,
};

enum class MaliceKind : std::uint32_t {
    UnexpectedGenesis = 0, DuplicateVote = 1, MissingGenesis = 2, IncorrectGenesis = 3, Fork = 4,
    InvalidAccusation = 5, OtherParentBySameCreator = 6, SelfParentByDifferentCreator = 7,
    InvalidRequest = 8, InvalidResponse = 9, Unprovable = 10, Accomplice = 11,
};

struct Malice {
    MaliceKind kind = MaliceKind::Fork;
    core::Hash32 hash_a{};         // the accused event (or the earlier duplicate)
    core::Hash32 hash_b{};         // DuplicateVote: the later duplicate
    core::Bytes packed_event;      // IncorrectGenesis, OtherParentBySameCreator, ...: encoded event
    std::uint32_t unprovable = 0;  // Unprovable(Spam=0 | Unspecified=1)
    std::shared_ptr<const Malice> inner;  // Accomplice
    bool operator==(const Malice& o) const;
};

struct Observation {
    ObsKind kind = ObsKind::OpaquePayload;
    std::vector<PeerId> group;   // Genesis, StartDkg: sorted by name
    PeerId peer;                 // Add, Remove, Accusation (offender)
    core::Bytes related_info;    // Genesis, Add, Remove
    std::string payload;         // OpaquePayload (the mock Transaction string)
    std::shared_ptr<const Malice> malice;  // Accusation
    core::Bytes dkg_message;     // DkgMessage: inner bincode bytes (u32 Part/Ack, u64 key_gen_id, ...)

    bool operator==(const Observation& o) const;

    static Observation genesis(std::vector<PeerId> group);
    static Observation add(PeerId peer);
    static Observation remove(PeerId peer);
    static Observation opaque(std::string payload);
    static Observation accusation(PeerId offender, Malice malice);
};

// bincode 1.x of the observation, with ids encoded by the crypto scheme (spec §1.6).
void encode_observation(core::Bytes& out, const Observation& obs, const crypto::Crypto& crypto);
void encode_malice(core::Bytes& out, const Malice& m);
core::Hash32 observation_hash(const Observation& obs, const crypto::Crypto& crypto);

// Dump display helpers (spec §9.2, §9.3).
std::string sanitise(std::string_view name);
// `event_name` maps an accused event hash to its dump short name (for Accusation display).
std::string display_observation(const Observation& obs, const core::Hash32& obs_hash,
                                std::string (*event_name)(const void*, const core::Hash32&),
                                const void* ctx);
inline bool is_dkg_part(const Observation& o) { return o.dkg_message.size() >= 4 && o.dkg_message[0] == 0; }
std::uint64_t dkg_key_gen_id(const Observation& o);

}  // namespace parsec::model
