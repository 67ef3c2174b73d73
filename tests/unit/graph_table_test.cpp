// graph::Graph's hash table: every inserted event is found by its hash through every growth of
// the table (rehashes re-place slots from their tags alone), copies (checkpoints) keep their own
// table, and hashes that share the slot-picking bytes are told apart by the full hash.
#include <gtest/gtest.h>

#include <cstring>

#include "graph/graph.hpp"

namespace {

using parsec::graph::Graph;
using parsec::model::Event;
using parsec::model::EventIndex;
using parsec::model::kNoEvent;

// A spread-out hash for `i`; with `twin`, one that shares its first 8 bytes (slot and tag).
parsec::core::Hash32 hash_of(std::uint64_t i, bool twin = false) {
    parsec::core::Hash32 h{};
    std::uint64_t x = i * 0x9E3779B97F4A7C15ULL + 1;
    for (std::size_t at = 0; at < h.size(); at += 8) {
        x ^= x >> 29;
        x *= 0xBF58476D1CE4E5B9ULL;
        std::memcpy(h.data() + at, &x, 8);
    }
    if (twin) h[31] ^= 0xff;
    return h;
}

Event event_with(const parsec::core::Hash32& h) {
    Event e;
    e.creator = 0;
    e.hash = h;
    return e;
}

}  // namespace

TEST(GraphTable, FindsEveryEventThroughEveryGrowthAndCopy) {
    Graph g;
    Graph at_1000;
    const std::uint64_t count = 20000;  // the table doubles 11 times on the way
    for (std::uint64_t i = 0; i < count; ++i) {
        ASSERT_EQ(g.insert(event_with(hash_of(i))), static_cast<EventIndex>(2 * i));
        ASSERT_EQ(g.insert(event_with(hash_of(i, true))), static_cast<EventIndex>(2 * i + 1));
        if (i == 999) at_1000 = g;
    }
    for (std::uint64_t i = 0; i < count; ++i) {
        ASSERT_EQ(g.find(hash_of(i)), static_cast<EventIndex>(2 * i)) << i;
        ASSERT_EQ(g.find(hash_of(i, true)), static_cast<EventIndex>(2 * i + 1)) << i;
    }
    EXPECT_EQ(g.find(hash_of(count)), kNoEvent);
    EXPECT_EQ(g.find(hash_of(count + 7, true)), kNoEvent);
    ASSERT_EQ(at_1000.size(), 2000u);
    EXPECT_EQ(at_1000.find(hash_of(999, true)), 1999u);
    EXPECT_EQ(at_1000.find(hash_of(1000)), kNoEvent) << "a copy sees only its own events";
    at_1000.insert(event_with(hash_of(count + 1)));  // a diverging copy grows on its own
    EXPECT_EQ(at_1000.find(hash_of(count + 1)), 2000u);
    EXPECT_EQ(g.find(hash_of(count + 1)), kNoEvent);
}
