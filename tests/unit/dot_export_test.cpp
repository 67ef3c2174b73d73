// Our own dumps are valid reference dumps (spec §9.3): for every reference recording, replay it,
// export the node in the dump layout, and check that the written text parses again and passes the
// same conformance checks (graph structure, replay, history, meta-election snapshot).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dot/conformance.hpp"
#include "dot/dot_export.hpp"
#include "dot/dot_replay.hpp"

using namespace parsec;

namespace {
std::vector<std::string> reference_files() {
    std::vector<std::string> out;
    std::filesystem::path dir(PARSEC_REFERENCE_GRAPHS);
    if (!std::filesystem::exists(dir)) return out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.path().extension() == ".dot") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}
std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST(DotExport, ExportedReplayOfEveryReferenceFileConforms) {
    auto files = reference_files();
    if (files.empty()) GTEST_SKIP() << "reference graphs not found at " << PARSEC_REFERENCE_GRAPHS;
    for (const auto& path : files) {
        auto parsed = dot::parse_dot(read(path), path);
        ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
        auto plan = dot::plan_replay(parsed.value(), path);
        ASSERT_TRUE(plan.ok()) << plan.error().to_string();
        auto node = dot::play(plan.value(), std::make_shared<crypto::MockCrypto>());
        ASSERT_TRUE(node.ok()) << node.error().to_string();
        std::string text = dot::write_dot(dot::export_node(node.value()));
        auto reparsed = dot::parse_dot(text, "exported " + path);
        ASSERT_TRUE(reparsed.ok()) << reparsed.error().to_string();
        EXPECT_EQ(reparsed->events.size(), node->graph().size()) << path;
        EXPECT_EQ(reparsed->consensus_history.size(), node->election().consensus_history.size()) << path;
        auto r = dot::check_conformance(reparsed.value(), "exported " + path);
        EXPECT_TRUE(r.passed) << path << ": " << r.failure;
    }
}

// The export is byte-stable: writing, parsing and writing again gives the same text.
TEST(DotExport, WriteParseWriteIsStable) {
    auto files = reference_files();
    if (files.empty()) GTEST_SKIP() << "reference graphs not found";
    auto parsed = dot::parse_dot(read(files.front()), files.front());
    ASSERT_TRUE(parsed.ok());
    auto node = dot::play(dot::plan_replay(parsed.value(), files.front()).value(), std::make_shared<crypto::MockCrypto>());
    ASSERT_TRUE(node.ok());
    std::string once = dot::write_dot(dot::export_node(node.value()));
    auto again = dot::parse_dot(once, "once");
    ASSERT_TRUE(again.ok()) << again.error().to_string();
    EXPECT_EQ(dot::write_dot(again.value()), once);
}
