// core::SharedLog: copies (checkpoints) share storage; a copy re-executing the same appends
// reuses it, and a copy that diverges gets its own prefix without disturbing the others.
#include <gtest/gtest.h>

#include <string>

#include "core/shared_log.hpp"

using parsec::core::SharedLog;

namespace {

const auto same = [](const std::string& a, const std::string& b) { return a == b; };

std::vector<std::string> items(const SharedLog<std::string>& log) {
    return {log.view().begin(), log.view().end()};
}

}  // namespace

TEST(SharedLog, CopiesSeeOnlyTheirOwnPrefix) {
    SharedLog<std::string> live;
    live.push_back("a", same);
    live.push_back("b", same);
    SharedLog<std::string> checkpoint = live;
    live.push_back("c", same);
    EXPECT_EQ(items(checkpoint), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(items(live), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(&checkpoint[0], &live[0]) << "a copy must share storage";
}

TEST(SharedLog, ReExecutionReusesAndDivergenceCopies) {
    SharedLog<std::string> at_two;
    at_two.push_back("a", same);
    at_two.push_back("b", same);
    SharedLog<std::string> live = at_two;      // the live run goes on from the checkpoint
    live.push_back("c", same);
    SharedLog<std::string> reexec = at_two;    // a seek re-executes the same input
    reexec.push_back("c", same);
    EXPECT_EQ(&reexec[0], &live[0]) << "the same append must be shared";
    SharedLog<std::string> diverge = at_two;   // a branch with a different input
    diverge.push_back("x", same);
    EXPECT_NE(&diverge[0], &live[0]) << "a different append must copy";
    EXPECT_EQ(items(diverge), (std::vector<std::string>{"a", "b", "x"}));
    EXPECT_EQ(items(live), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(items(reexec), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(items(at_two), (std::vector<std::string>{"a", "b"}));
    live.push_back("d", same);                 // growing the shared storage moves nothing visible
    EXPECT_EQ(items(reexec), (std::vector<std::string>{"a", "b", "c"}));
    reexec.reserve(100);                       // reserving takes private storage first
    EXPECT_NE(&reexec[0], &live[0]);
    EXPECT_EQ(items(live), (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(SharedLog, LongLogsKeepTheirElementsInPlaceAcrossChunks) {
    const auto same_int = [](int a, int b) { return a == b; };
    SharedLog<int> live;
    live.reserve(10);
    for (int i = 0; i < 5000; ++i) live.push_back(i, same_int);
    const int* early = &live[4100];
    SharedLog<int> checkpoint = live;
    for (int i = 5000; i < 20000; ++i) live.push_back(i, same_int);
    EXPECT_EQ(&live[4100], early) << "a full chunk must never move";
    ASSERT_EQ(live.size(), 20000u);
    int expected = 0;
    for (int v : live.view()) EXPECT_EQ(v, expected++);
    EXPECT_EQ(expected, 20000);
    EXPECT_EQ(live.back(), 19999);
    checkpoint.push_back(-1, same_int);  // diverges inside the second chunk
    ASSERT_EQ(checkpoint.size(), 5001u);
    EXPECT_EQ(checkpoint[4999], 4999);
    EXPECT_EQ(checkpoint.back(), -1);
    EXPECT_EQ(live[5000], 5000) << "a diverging copy must not disturb the others";
    EXPECT_NE(&checkpoint[0], &live[0]);
}
