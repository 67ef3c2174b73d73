#include "model/observation.hpp"

#include <algorithm>
#include <cctype>

#include "core/assert.hpp"

namespace parsec::model {

namespace {
void put_u32(core::Bytes& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put_u64(core::Bytes& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put_bytes_with_len(core::Bytes& out, const core::Bytes& b) {
    put_u64(out, b.size());
    out.insert(out.end(), b.begin(), b.end());
}
}  // namespace

bool Malice::operator==(const Malice& o) const {
    if (kind != o.kind || hash_a != o.hash_a || hash_b != o.hash_b || packed_event != o.packed_event ||
        unprovable != o.unprovable)
        return false;
    if (!inner || !o.inner) return !inner && !o.inner;
    return *inner == *o.inner;
}

bool Observation::operator==(const Observation& o) const {
    if (kind != o.kind || group != o.group || !(peer == o.peer) || related_info != o.related_info ||
        payload != o.payload || dkg_message != o.dkg_message)
        return false;
    if (!malice || !o.malice) return !malice && !o.malice;
    return *malice == *o.malice;
}

Observation Observation::genesis(std::vector<PeerId> group) {
    Observation o;
    o.kind = ObsKind::Genesis;
    std::sort(group.begin(), group.end());
    o.group = std::move(group);
    return o;
}
Observation Observation::add(PeerId peer) {
    Observation o;
    o.kind = ObsKind::Add;
    o.peer = std::move(peer);
    return o;
}
Observation Observation::remove(PeerId peer) {
    Observation o;
    o.kind = ObsKind::Remove;
    o.peer = std::move(peer);
    return o;
}
Observation Observation::opaque(std::string payload) {
    Observation o;
    o.kind = ObsKind::OpaquePayload;
    o.payload = std::move(payload);
    return o;
}
Observation Observation::accusation(PeerId offender, Malice malice) {
    Observation o;
    o.kind = ObsKind::Accusation;
    o.peer = std::move(offender);
    o.malice = std::make_shared<const Malice>(std::move(malice));
    return o;
}

void encode_malice(core::Bytes& out, const Malice& m) {
    put_u32(out, static_cast<std::uint32_t>(m.kind));
    switch (m.kind) {
        case MaliceKind::UnexpectedGenesis:
        case MaliceKind::MissingGenesis:
        case MaliceKind::Fork:
        case MaliceKind::InvalidAccusation:
            out.insert(out.end(), m.hash_a.begin(), m.hash_a.end());
            break;
        case MaliceKind::DuplicateVote:
            out.insert(out.end(), m.hash_a.begin(), m.hash_a.end());
            out.insert(out.end(), m.hash_b.begin(), m.hash_b.end());
            break;
        case MaliceKind::IncorrectGenesis:
        case MaliceKind::OtherParentBySameCreator:
        case MaliceKind::SelfParentByDifferentCreator:
        case MaliceKind::InvalidRequest:
        case MaliceKind::InvalidResponse:
            out.insert(out.end(), m.packed_event.begin(), m.packed_event.end());
            break;
        case MaliceKind::Unprovable:
            put_u32(out, m.unprovable);
            break;
        case MaliceKind::Accomplice:
            out.insert(out.end(), m.hash_a.begin(), m.hash_a.end());
            PARSEC_ASSERT(m.inner != nullptr, "Accomplice without inner malice");
            encode_malice(out, *m.inner);
            break;
    }
}

void encode_observation(core::Bytes& out, const Observation& obs, const crypto::Crypto& crypto) {
    put_u32(out, static_cast<std::uint32_t>(obs.kind));
    switch (obs.kind) {
        case ObsKind::Genesis:
            put_u64(out, obs.group.size());
            for (const auto& id : obs.group) crypto.encode_id(out, id);
            put_bytes_with_len(out, obs.related_info);
            break;
        case ObsKind::Add:
        case ObsKind::Remove:
            crypto.encode_id(out, obs.peer);
            put_bytes_with_len(out, obs.related_info);
            break;
        case ObsKind::Accusation:
            crypto.encode_id(out, obs.peer);
            PARSEC_ASSERT(obs.malice != nullptr, "Accusation without malice");
            encode_malice(out, *obs.malice);
            break;
        case ObsKind::OpaquePayload:
            put_u64(out, obs.payload.size());
            out.insert(out.end(), obs.payload.begin(), obs.payload.end());
            break;
        case ObsKind::StartDkg:
            put_u64(out, obs.group.size());
            for (const auto& id : obs.group) crypto.encode_id(out, id);
            break;
        case ObsKind::DkgResult:
            PARSEC_ASSERT(false, "DkgResult is output only and never encoded as a vote");
            break;
        case ObsKind::DkgMessage:
            out.insert(out.end(), obs.dkg_message.begin(), obs.dkg_message.end());
            break;
    }
}

core::Hash32 observation_hash(const Observation& obs, const crypto::Crypto& crypto) {
    thread_local core::Bytes bytes;  // reused: every vote cast is hashed here first
    bytes.clear();
    encode_observation(bytes, obs, crypto);
    return crypto.hash(bytes);
}

std::string sanitise(std::string_view name) {
    std::string s;
    for (char c : name)
        if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 128) s.push_back(c);
    return s;
}

std::uint64_t dkg_key_gen_id(const Observation& o) {
    std::uint64_t id = 0;
    for (size_t i = 0; i < 8 && 4 + i < o.dkg_message.size(); ++i)
        id |= static_cast<std::uint64_t>(o.dkg_message[4 + i]) << (8 * i);
    return id;
}

static std::string join_ids(const std::vector<PeerId>& ids, bool sanitised) {
    std::string s = "{";
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i) s += ", ";
        s += sanitised ? sanitise(ids[i].name) : ids[i].name;
    }
    return s + "}";
}

static std::string display_malice(const Malice& m, std::string (*event_name)(const void*, const core::Hash32&),
                                  const void* ctx) {
    switch (m.kind) {
        case MaliceKind::Fork: return "Fork(" + event_name(ctx, m.hash_a) + ")";
        case MaliceKind::InvalidAccusation: return "InvalidAccusation(" + event_name(ctx, m.hash_a) + ")";
        case MaliceKind::Accomplice:
            return "Accomplice(" + event_name(ctx, m.hash_a) + ", " +
                   (m.inner ? display_malice(*m.inner, event_name, ctx) : std::string("?")) + ")";
        default: return "Malice" + std::to_string(static_cast<std::uint32_t>(m.kind));
    }
}

std::string display_observation(const Observation& obs, const core::Hash32& obs_hash,
                                std::string (*event_name)(const void*, const core::Hash32&),
                                const void* ctx) {
    switch (obs.kind) {
        case ObsKind::Genesis: return "Genesis(" + join_ids(obs.group, true) + ")";
        case ObsKind::Add: return "Add(" + sanitise(obs.peer.name) + ")";
        case ObsKind::Remove: return "Remove(" + sanitise(obs.peer.name) + ")";
        case ObsKind::Accusation:
            return "Accusation { " + sanitise(obs.peer.name) + ", " +
                   (obs.malice ? display_malice(*obs.malice, event_name, ctx) : std::string("?")) + " }";
        case ObsKind::OpaquePayload: {
            std::string p = sanitise(obs.payload);
            // Long payloads are shortened to hash prefix + payload prefix (spec §9.3).
            if (p.size() > 16) p = core::to_hex(obs_hash).substr(0, 10) + p.substr(0, 6);
            return "OpaquePayload(" + p + ")";
        }
        case ObsKind::StartDkg: return "StartDkg(" + join_ids(obs.group, false) + ")";
        case ObsKind::DkgResult: return "DkgResult";
        case ObsKind::DkgMessage:
            return std::string("DkgMessage(") + (is_dkg_part(obs) ? "DkgPart(" : "DkgAck(") +
                   std::to_string(dkg_key_gen_id(obs)) + "))";
    }
    return "?";
}

}  // namespace parsec::model
