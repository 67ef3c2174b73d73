// Damaged files: truncation and flipped bytes load up to the last good chunk and say where the
// damage starts; an unknown version is refused.
#include <gtest/gtest.h>

#include "record/codec.hpp"
#include "record/replay.hpp"
#include "record_fixture.hpp"

namespace parsec::record {
namespace {

struct ChunkSpan {
    std::size_t offset, size;  // whole chunk, framing included
    std::uint8_t kind;
};

// Walks the framing independently of the decoder: [kind][u32 size][payload][32-byte checksum].
std::vector<ChunkSpan> chunk_spans(const core::Bytes& bytes) {
    std::vector<ChunkSpan> out;
    std::size_t at = 12;
    while (at + 5 <= bytes.size()) {
        const std::size_t size = bytes[at + 1] | bytes[at + 2] << 8 | bytes[at + 3] << 16 | std::size_t{bytes[at + 4]} << 24;
        out.push_back({at, size + 37, bytes[at]});
        at += size + 37;
    }
    return out;
}

// A recording with a root and a branch of several Inputs chunks each.
Recording multi_chunk_recording() {
    Recording rec = testing::record_small(21, 2);
    Branch copy = rec.branches[0];
    // Enough inputs for several chunks: the root's inputs repeated (the codec does not replay).
    while (rec.branches[0].inputs.size() < 3 * kChunkInputsMax) {
        auto& root = rec.branches[0];
        root.inputs.insert(root.inputs.end(), copy.inputs.begin(), copy.inputs.end());
        root.outcomes.insert(root.outcomes.end(), copy.outcomes.begin(), copy.outcomes.end());
    }
    Branch child;
    child.id = 1;
    child.parent = 0;
    child.fork_input = 10;
    child.seed = 99;
    child.label = "child";
    child.inputs.assign(copy.inputs.begin(), copy.inputs.begin() + 20);
    child.outcomes.assign(copy.outcomes.begin(), copy.outcomes.begin() + 20);
    rec.branches.push_back(child);
    return rec;
}

TEST(RecordCodec, TruncatedFileLoadsToTheLastGoodChunk) {
    const Recording rec = multi_chunk_recording();
    const core::Bytes bytes = encode(rec);
    const auto spans = chunk_spans(bytes);
    ASSERT_GE(spans.size(), 6u);  // Meta, Branch, 3+ Inputs, Branch, Inputs, End
    ASSERT_EQ(spans.back().offset + spans.back().size, bytes.size());

    // Cut inside the third chunk (the root's second Inputs chunk).
    const ChunkSpan cut_in = spans[3];
    ASSERT_EQ(cut_in.kind, static_cast<std::uint8_t>(ChunkKind::Inputs));
    core::Bytes cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(cut_in.offset + cut_in.size / 2));
    auto decoded = decode(cut);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    ASSERT_TRUE(decoded->damage.has_value());
    EXPECT_EQ(decoded->damage->offset, cut_in.offset);
    EXPECT_EQ(decoded->damage->chunk_index, 3u);
    EXPECT_NE(decoded->damage->what.find("truncated"), std::string::npos) << decoded->damage->what;
    ASSERT_EQ(decoded->recording.branches.size(), 1u);
    EXPECT_EQ(decoded->recording.branches[0].inputs.size(), kChunkInputsMax);  // only the first chunk
    EXPECT_EQ(decoded->recording.branches[0].outcomes.size(), kChunkInputsMax);

    // Cut exactly at the End chunk: everything is there but the file is not whole.
    core::Bytes no_end(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(spans.back().offset));
    auto without_end = decode(no_end);
    ASSERT_TRUE(without_end.ok());
    ASSERT_TRUE(without_end->damage.has_value());
    EXPECT_EQ(without_end->damage->offset, spans.back().offset);
    EXPECT_EQ(without_end->recording.branches, rec.branches);
}

TEST(RecordCodec, TruncatedRealRunStillReplays) {
    const Recording rec = testing::record_small(22);
    const core::Bytes bytes = encode(rec);
    const auto spans = chunk_spans(bytes);
    core::Bytes cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(spans.back().offset + 3));
    auto decoded = decode(cut);
    ASSERT_TRUE(decoded.ok());
    ASSERT_TRUE(decoded->damage.has_value());
    auto report = replay(decoded->recording, kRootBranch, ~InputIndex{0});
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->divergence.has_value());
    EXPECT_EQ(report->inputs, rec.branches[0].inputs.size());
}

TEST(RecordCodec, FlippedByteIsFoundByItsChunkChecksum) {
    const Recording rec = multi_chunk_recording();
    const core::Bytes bytes = encode(rec);
    const auto spans = chunk_spans(bytes);
    for (std::size_t victim : {std::size_t{2}, std::size_t{4}, spans.size() - 2}) {
        core::Bytes flipped = bytes;
        flipped[spans[victim].offset + 5 + spans[victim].size / 3] ^= 0x10;
        auto decoded = decode(flipped);
        ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
        ASSERT_TRUE(decoded->damage.has_value()) << "chunk " << victim;
        EXPECT_EQ(decoded->damage->chunk_index, victim);
        EXPECT_EQ(decoded->damage->offset, spans[victim].offset);
        EXPECT_NE(decoded->damage->what.find("checksum"), std::string::npos) << decoded->damage->what;
        EXPECT_EQ(decoded->chunks, victim);
    }
    // A flip in the Meta chunk leaves nothing usable: an error.
    core::Bytes meta = bytes;
    meta[spans[0].offset + 10] ^= 1;
    auto bad = decode(meta);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, "DamagedRecording");
}

TEST(RecordCodec, UnknownVersionIsRefused) {
    Recording rec = testing::record_small(23);
    rec.format_version = kFormatVersion + 1;
    auto decoded = decode(encode(rec));
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().kind, "UnknownVersion");
    EXPECT_NE(decoded.error().message.find(std::to_string(kFormatVersion + 1)), std::string::npos);

    core::Bytes zero = encode_header(0);
    EXPECT_EQ(decode(zero).error().kind, "UnknownVersion");
    const core::Bytes not_ours = {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '!'};
    EXPECT_EQ(decode(not_ours).error().kind, "NotARecording");
}

TEST(RecordCodec, ValidChecksumOverInconsistentContentIsDamage) {
    // A well-framed Inputs chunk for a branch that was never opened.
    const Recording rec = testing::record_small(24, 1);
    core::Bytes bytes = encode(rec);
    const auto spans = chunk_spans(bytes);
    core::Bytes crafted(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(spans[1].offset));
    const core::Bytes inputs_chunk(bytes.begin() + static_cast<std::ptrdiff_t>(spans[2].offset + 5),
                                   bytes.begin() + static_cast<std::ptrdiff_t>(spans[2].offset + spans[2].size - 32));
    append_chunk(crafted, ChunkKind::Inputs, inputs_chunk);
    auto decoded = decode(crafted);
    ASSERT_TRUE(decoded.ok());
    ASSERT_TRUE(decoded->damage.has_value());
    EXPECT_EQ(decoded->damage->chunk_index, 1u);
    EXPECT_NE(decoded->damage->what.find("not open"), std::string::npos) << decoded->damage->what;
}

}  // namespace
}  // namespace parsec::record
