// Exports: the JSON and Perfetto documents parse and say what the recording holds; a node's state at
// any input, exported to the reference's dump form, passes the conformance check.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <set>

#include "dot/conformance.hpp"
#include "dot/dot_export.hpp"
#include "record/json_export.hpp"
#include "record/perfetto_export.hpp"
#include "record/timeline.hpp"
#include "record_fixture.hpp"

namespace parsec::record {
namespace {

TEST(RecordExport, JsonParsesAndHoldsEveryInput) {
    Recording rec = testing::record_small(41);
    rec.branches[0].inputs[0].body = sim::VoteInput{0, sim::PayloadKind::Opaque, "quote\" back\\slash \x01 \xff", 1};
    const std::string text = export_json(rec);
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    ASSERT_FALSE(doc.HasParseError()) << "offset " << doc.GetErrorOffset();
    EXPECT_EQ(doc["format_version"].GetUint(), kFormatVersion);
    EXPECT_EQ(doc["config"]["seed"].GetUint64(), 41u);
    ASSERT_EQ(doc["peers"].Size(), 4u);
    EXPECT_STREQ(doc["peers"][1]["name"].GetString(), rec.peers[1].name.c_str());
    const auto& branch = doc["branches"][0];
    ASSERT_EQ(branch["inputs"].Size(), rec.branches[0].inputs.size());
    std::size_t created = 0;
    for (const auto& input : branch["inputs"].GetArray()) created += input["outcome"]["created"].Size();
    std::size_t recorded = 0;
    for (const auto& o : rec.branches[0].outcomes) recorded += o.created.size();
    EXPECT_EQ(created, recorded);
    EXPECT_STREQ(branch["inputs"][0]["kind"].GetString(), "vote");
    EXPECT_NE(std::string(branch["inputs"][0]["text"].GetString()).find("quote\" back\\slash"), std::string::npos);
    EXPECT_TRUE(branch["parent"].IsNull());
}

TEST(RecordExport, PerfettoHasOneTrackPerNodeAndMatchedFlows) {
    const Recording rec = testing::record_small(42);
    auto text = export_perfetto(rec, kRootBranch, ~InputIndex{0});
    ASSERT_TRUE(text.ok()) << text.error().to_string();
    rapidjson::Document doc;
    doc.Parse(text->c_str(), text->size());
    ASSERT_FALSE(doc.HasParseError()) << "offset " << doc.GetErrorOffset();
    std::set<std::string> tracks;
    std::size_t slices = 0, events = 0;
    std::set<std::uint64_t> starts, ends;
    for (const auto& e : doc["traceEvents"].GetArray()) {
        const std::string ph = e["ph"].GetString();
        if (ph == "M") tracks.insert(e["args"]["name"].GetString());
        if (ph == "X") ++slices;
        if (ph == "i" && std::string(e["cat"].GetString()) == "event") ++events;
        if (ph == "s") starts.insert(e["id"].GetUint64());
        if (ph == "f") ends.insert(e["id"].GetUint64());
    }
    for (const auto& p : rec.peers) EXPECT_TRUE(tracks.count(p.name)) << p.name;
    EXPECT_EQ(slices, rec.branches[0].inputs.size());
    std::size_t recorded = 0;
    for (const auto& o : rec.branches[0].outcomes) recorded += o.created.size();
    EXPECT_EQ(events, recorded);
    ASSERT_FALSE(ends.empty());
    for (auto id : ends) EXPECT_TRUE(starts.count(id)) << "flow " << id << " ends without a start";
}

TEST(RecordExport, DotOfEveryNodeAtAnyInputPassesConformance) {
    const Recording rec = testing::record_small(43, 4);
    auto timeline = Timeline::open(rec);
    ASSERT_TRUE(timeline.ok());
    for (InputIndex at : {timeline->length() / 2, timeline->length()}) {
        ASSERT_FALSE(timeline->seek(at).has_value());
        for (const auto& node : timeline->cluster().nodes()) {
            ASSERT_TRUE(node.engine.has_value());
            const std::string text = dot::write_dot(dot::export_node(*node.engine));
            auto parsed = dot::parse_dot(text, node.name + ".dot");
            ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
            auto result = dot::check_conformance(parsed.value(), node.name + ".dot");
            EXPECT_TRUE(result.passed) << node.name << " at input " << at << ": " << result.failure;
            EXPECT_GT(result.events, 4u);
        }
    }
}

}  // namespace
}  // namespace parsec::record
