// Recording ⇄ bytes: chunk framing with BLAKE2b checksums, cereal portable-binary payloads, and a
// decoder that keeps everything before the first damaged chunk.
#include "record/codec.hpp"

#include <algorithm>
#include <cereal/archives/portable_binary.hpp>
#include <cstring>
#include <sstream>
#include <streambuf>

#include "crypto/digest.hpp"
#include "record/serialize.hpp"

namespace parsec::record {
namespace {

// Reads a byte range in place (cereal wants a stream).
class SpanBuffer : public std::streambuf {
public:
    explicit SpanBuffer(core::ByteSpan bytes) {
        char* begin = const_cast<char*>(reinterpret_cast<const char*>(bytes.data()));
        setg(begin, begin, begin + bytes.size());
    }
};

void put_u32(core::Bytes& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

std::uint32_t get_u32(const std::uint8_t* p) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t{p[i]} << (8 * i);
    return v;
}

template <class... T>
std::string archive(T&... values) {
    std::ostringstream s;
    {
        cereal::PortableBinaryOutputArchive a(s);
        a(values...);
    }
    return s.str();
}

void append_archive(core::Bytes& out, ChunkKind kind, const std::string& payload) {
    append_chunk(out, kind, core::ByteSpan(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size()));
}

struct MetaPayload {
    std::uint32_t format_version = 0;
    std::string engine_version;
    sim::SimConfig config;
    std::vector<PeerKey> peers;
    template <class A> void serialize(A& a) {
        a(format_version);
        wire::text(a, engine_version);
        a(config);
        wire::seq(a, peers);
    }
};

struct BranchPayload {
    BranchId id = 0, parent = kNoBranch;
    InputIndex fork_input = 0;
    std::uint64_t seed = 0;
    std::string label;
    template <class A> void serialize(A& a) {
        a(id, parent, fork_input, seed);
        wire::text(a, label);
    }
};

struct InputsPayload {
    BranchId branch = 0;
    std::uint64_t first = 0;  // position of the first input within the branch
    std::vector<sim::Input> inputs;
    std::vector<sim::Outcome> outcomes;
    std::vector<Checkpoint> checkpoints;
    std::vector<sim::Marker> markers;
    template <class A> void serialize(A& a) {
        a(branch, first);
        wire::seq(a, inputs);
        wire::seq(a, outcomes);
        wire::seq(a, checkpoints);
        wire::seq(a, markers);
    }
};

struct EndPayload {
    std::uint64_t branches = 0, inputs = 0;
    template <class A> void serialize(A& a) { a(branches, inputs); }
};

void encode_branch(core::Bytes& out, const Branch& b) {
    BranchPayload head{b.id, b.parent, b.fork_input, b.seed, b.label};
    append_archive(out, ChunkKind::Branch, archive(head));
    // Checkpoints and markers travel with the first chunk whose inputs reach them, so a truncated
    // file keeps the ones for the inputs it kept.
    std::size_t next_checkpoint = 0, next_marker = 0;
    std::size_t first = 0;
    do {
        const std::size_t last = std::min(b.inputs.size(), first + kChunkInputsMax);
        const bool is_final = last == b.inputs.size();
        const InputIndex reach = b.fork_input + last;
        InputsPayload chunk;
        chunk.branch = b.id;
        chunk.first = first;
        chunk.inputs.assign(b.inputs.begin() + first, b.inputs.begin() + last);
        const std::size_t outcomes_end = std::min(b.outcomes.size(), last);
        if (first < outcomes_end) chunk.outcomes.assign(b.outcomes.begin() + first, b.outcomes.begin() + outcomes_end);
        while (next_checkpoint < b.checkpoints.size() && (is_final || b.checkpoints[next_checkpoint].input <= reach))
            chunk.checkpoints.push_back(b.checkpoints[next_checkpoint++]);
        while (next_marker < b.markers.size() && (is_final || b.markers[next_marker].input < reach))
            chunk.markers.push_back(b.markers[next_marker++]);
        append_archive(out, ChunkKind::Inputs, archive(chunk));
        first = last;
    } while (first < b.inputs.size());
}

template <class T>
bool unarchive(core::ByteSpan payload, T& value, std::string& why) {
    SpanBuffer buffer(payload);
    std::istream s(&buffer);
    try {
        cereal::PortableBinaryInputArchive a(s);
        a(value);
    } catch (const std::exception& e) {
        why = std::string("payload does not decode: ") + e.what();
        return false;
    }
    if (s.rdbuf()->in_avail() != 0) {
        why = "payload has " + std::to_string(s.rdbuf()->in_avail()) + " bytes left over";
        return false;
    }
    return true;
}

const char* chunk_kind_name(std::uint8_t kind) {
    switch (kind) {
        case 1: return "Meta";
        case 2: return "Branch";
        case 3: return "Inputs";
        case 4: return "End";
    }
    return "unknown";
}

// Applies one good chunk to the recording; an error string says why its content is inconsistent.
std::string apply_chunk(Recording& r, ChunkKind kind, core::ByteSpan payload, bool& ended) {
    std::string why;
    switch (kind) {
        case ChunkKind::Meta: return "a second Meta chunk";
        case ChunkKind::Branch: {
            BranchPayload head;
            if (!unarchive(payload, head, why)) return why;
            if (head.id != r.branches.size()) return "branch " + std::to_string(head.id) + " out of order";
            const bool is_root = head.id == kRootBranch;
            if (is_root != (head.parent == kNoBranch)) return "branch " + std::to_string(head.id) + " has a bad parent";
            if (!is_root && (head.parent >= head.id || head.fork_input > r.branches[head.parent].end()))
                return "branch " + std::to_string(head.id) + " forks outside its parent";
            if (is_root && head.fork_input != 0) return "the root branch does not start at input 0";
            Branch b;
            b.id = head.id;
            b.parent = head.parent;
            b.fork_input = head.fork_input;
            b.seed = head.seed;
            b.label = std::move(head.label);
            r.branches.push_back(std::move(b));
            return {};
        }
        case ChunkKind::Inputs: {
            InputsPayload chunk;
            if (!unarchive(payload, chunk, why)) return why;
            if (r.branches.empty() || chunk.branch != r.branches.back().id) return "inputs of a branch not open";
            Branch& b = r.branches.back();
            if (chunk.first != b.inputs.size()) return "inputs out of order";
            if (chunk.outcomes.size() != chunk.inputs.size()) return "inputs and outcomes differ in number";
            for (auto& i : chunk.inputs) b.inputs.push_back(std::move(i));
            for (auto& o : chunk.outcomes) b.outcomes.push_back(std::move(o));
            for (auto& c : chunk.checkpoints) b.checkpoints.push_back(c);
            for (auto& m : chunk.markers) b.markers.push_back(std::move(m));
            return {};
        }
        case ChunkKind::End: {
            EndPayload end;
            if (!unarchive(payload, end, why)) return why;
            if (end.branches != r.branches.size() || end.inputs != r.input_count())
                return "the End chunk counts " + std::to_string(end.branches) + " branches and " +
                       std::to_string(end.inputs) + " inputs, the file holds " + std::to_string(r.branches.size()) +
                       " and " + std::to_string(r.input_count());
            ended = true;
            return {};
        }
    }
    return "unknown chunk kind";
}

}  // namespace

std::string Damage::to_string() const {
    return "damaged from byte " + std::to_string(offset) + " (chunk " + std::to_string(chunk_index) + "): " + what;
}

core::Bytes encode_header(std::uint32_t format_version) {
    core::Bytes out(kMagic, kMagic + sizeof kMagic);
    put_u32(out, format_version);
    return out;
}

void append_chunk(core::Bytes& out, ChunkKind kind, core::ByteSpan payload) {
    const std::size_t start = out.size();
    out.push_back(static_cast<std::uint8_t>(kind));
    put_u32(out, static_cast<std::uint32_t>(payload.size()));
    out.insert(out.end(), payload.begin(), payload.end());
    const auto sum = crypto::blake2b_256(core::ByteSpan(out.data() + start, out.size() - start));
    out.insert(out.end(), sum.begin(), sum.end());
}

core::Bytes encode(const Recording& r) {
    core::Bytes out = encode_header(r.format_version);
    MetaPayload meta{r.format_version, r.engine_version, r.config, r.peers};
    append_archive(out, ChunkKind::Meta, archive(meta));
    for (const auto& b : r.branches) encode_branch(out, b);
    EndPayload end{r.branches.size(), r.input_count()};
    append_archive(out, ChunkKind::End, archive(end));
    return out;
}

core::Result<Decoded> decode(core::ByteSpan bytes) {
    if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return core::make_error("NotARecording", "the file does not start with a recording header", "byte 0");
    const std::uint32_t version = get_u32(bytes.data() + sizeof kMagic);
    if (version < kFormatVersionMin || version > kFormatVersion)
        return core::make_error("UnknownVersion",
                                "recording format version " + std::to_string(version) + "; this build reads versions " +
                                    std::to_string(kFormatVersionMin) + " to " + std::to_string(kFormatVersion),
                                "byte 8");
    Decoded d;
    bool ended = false;
    std::size_t at = kHeaderSize;
    for (std::size_t index = 0; !ended; ++index) {
        auto damaged = [&](std::string what) -> core::Result<Decoded> {
            Damage damage{at, index, std::move(what)};
            if (index == 0) return core::make_error("DamagedRecording", damage.what, "byte " + std::to_string(at));
            d.damage = std::move(damage);
            return std::move(d);
        };
        if (at == bytes.size()) return damaged("truncated: the file ends before its End chunk");
        if (bytes.size() - at < kChunkOverhead) return damaged("truncated inside a chunk header");
        const std::uint8_t kind = bytes[at];
        const std::uint32_t size = get_u32(bytes.data() + at + 1);
        if (bytes.size() - at - kChunkOverhead < size)
            return damaged(std::string("truncated: the ") + chunk_kind_name(kind) + " chunk needs " +
                           std::to_string(size + kChunkOverhead) + " bytes, " + std::to_string(bytes.size() - at) +
                           " remain");
        const auto framed = bytes.subspan(at, 5 + size);
        const auto sum = crypto::blake2b_256(framed);
        if (!std::equal(sum.begin(), sum.end(), bytes.begin() + static_cast<std::ptrdiff_t>(at + 5 + size)))
            return damaged("checksum mismatch");
        const auto payload = bytes.subspan(at + 5, size);
        std::string why;
        if (index == 0) {
            MetaPayload meta;
            if (kind != static_cast<std::uint8_t>(ChunkKind::Meta)) return damaged("the first chunk is not Meta");
            if (!unarchive(payload, meta, why)) return damaged(why);
            if (meta.format_version != version) return damaged("the Meta chunk's version differs from the header's");
            d.recording.format_version = meta.format_version;
            d.recording.engine_version = std::move(meta.engine_version);
            d.recording.config = std::move(meta.config);
            d.recording.peers = std::move(meta.peers);
        } else {
            if (kind < 1 || kind > 4) return damaged("unknown chunk kind " + std::to_string(kind));
            why = apply_chunk(d.recording, static_cast<ChunkKind>(kind), payload, ended);
            if (!why.empty()) return damaged(std::string(chunk_kind_name(kind)) + " chunk: " + why);
        }
        at += size + kChunkOverhead;
        d.chunks = index + 1;
    }
    if (at != bytes.size())
        d.damage = Damage{at, d.chunks, std::to_string(bytes.size() - at) + " unexpected bytes after the End chunk"};
    return d;
}

}  // namespace parsec::record
