// Selection overlays (viz/highlights.hpp) agree with the engine's NodeView: the flags are
// exactly seen_by / strongly_seen_by, and a pair's explanation is NodeView::explain with one
// carrier path per carrier creator, each a real parent chain from x through its carrier to y.
#include <gtest/gtest.h>

#include "cluster_fixture.hpp"
#include "viz/highlights.hpp"

namespace parsec::viz {
namespace {

using testing::nodes_of;
using testing::run_cluster;

bool is_parent(const GraphModel& m, UnionIndex child, UnionIndex parent) {
    return m.event(child).self_parent == parent || m.event(child).other_parent == parent;
}

TEST(Highlights, FlagsAreTheEnginesSeenAndStronglySeenSets) {
    const sim::Simulation s = run_cluster(4, 150, 17);
    const auto nodes = nodes_of(s);
    GraphModel model;
    model.update(nodes);
    const SourceIndex src = 1;
    const auto& g = nodes[src]->graph();
    const model::EventIndex x = static_cast<model::EventIndex>(g.size() - 1);
    Highlights h;
    update_highlights(h, model, src, model.union_index(src, x), kNoUnionEvent);
    ASSERT_EQ(h.view_source, src);
    const view::NodeView v(*nodes[src]);
    std::size_t seen = 0, strongly = 0;
    for (UnionIndex u = 0; u < model.event_count(); ++u) {
        seen += (h.flags_of(u) & kHighlightSeen) != 0;
        strongly += (h.flags_of(u) & kHighlightStronglySeen) != 0;
    }
    EXPECT_EQ(seen, v.seen_by(x).size());
    EXPECT_EQ(strongly, v.strongly_seen_by(x).size());
    ASSERT_GT(strongly, 0u) << "after 150 ticks the newest event strongly sees something";
    for (model::EventIndex y : v.strongly_seen_by(x)) EXPECT_TRUE(h.flags_of(model.union_index(src, y)) & kHighlightStronglySeen);
}

TEST(Highlights, PairExplanationIsNodeViewExplainWithRealPaths) {
    const sim::Simulation s = run_cluster(4, 150, 17);
    const auto nodes = nodes_of(s);
    GraphModel model;
    model.update(nodes);
    const SourceIndex src = 0;
    const auto& g = nodes[src]->graph();
    const view::NodeView v(*nodes[src]);
    const model::EventIndex x = static_cast<model::EventIndex>(g.size() - 1);
    const auto strongly = v.strongly_seen_by(x);
    ASSERT_FALSE(strongly.empty());
    const model::EventIndex y = strongly.front();
    Highlights h;
    // Selection order does not matter: the later event is x.
    update_highlights(h, model, src, model.union_index(src, y), model.union_index(src, x));
    ASSERT_TRUE(h.has_pair);
    EXPECT_EQ(h.pair_x, model.union_index(src, x));
    EXPECT_EQ(h.pair_y, model.union_index(src, y));
    const auto why = v.explain(x, y);
    EXPECT_TRUE(h.strongly_sees);
    EXPECT_EQ(h.sees, why.sees);
    EXPECT_EQ(h.voter_count, why.voter_count);
    EXPECT_EQ(h.needed, why.needed);
    ASSERT_EQ(h.carrier_lanes.size(), why.carriers.size());
    EXPECT_GE(h.carrier_lanes.size(), h.needed);
    ASSERT_EQ(h.carrier_paths.size(), why.carriers.size());
    for (std::size_t i = 0; i < h.carrier_paths.size(); ++i) {
        const auto& path = h.carrier_paths[i];
        ASSERT_GE(path.size(), 1u);
        EXPECT_EQ(path.front(), h.pair_x);
        EXPECT_EQ(path.back(), h.pair_y);
        const UnionIndex carrier = model.union_index(src, why.carrier_events[i]);
        EXPECT_NE(std::find(path.begin(), path.end(), carrier), path.end()) << "the path passes its carrier";
        for (std::size_t k = 1; k < path.size(); ++k) EXPECT_TRUE(is_parent(model, path[k - 1], path[k]));
        EXPECT_TRUE(h.flags_of(carrier) & kHighlightCarrier);
    }
    // A recomputation only happens on change: same inputs keep the same object state.
    const auto paths = h.carrier_paths;
    update_highlights(h, model, src, model.union_index(src, y), model.union_index(src, x));
    EXPECT_EQ(h.carrier_paths, paths);
}

}  // namespace
}  // namespace parsec::viz
