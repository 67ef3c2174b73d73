// Layout rules (spec §9.2 ranks: every event above both parents; one lane per peer) and picking:
// a click on an event's drawn position selects that event at every zoom, measured on screen.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cluster_fixture.hpp"
#include "viz/camera.hpp"
#include "viz/graph_canvas.hpp"
#include "viz/layout.hpp"

namespace parsec::viz {
namespace {

using testing::nodes_of;
using testing::run_cluster;

struct Laid {
    sim::Simulation sim;
    GraphModel model;
    Layout layout;
};

Laid lay_out(std::uint16_t nodes, sim::Tick ticks, std::uint64_t seed) {
    Laid l{run_cluster(nodes, ticks, seed), GraphModel{}, Layout{}};
    l.model.update(nodes_of(l.sim));
    l.layout.update(l.model);
    return l;
}

TEST(Layout, RanksFollowTheMinlenRuleAndLanesThePeers) {
    const Laid l = lay_out(4, 100, 21);
    ASSERT_EQ(l.layout.event_count(), l.model.event_count());
    ASSERT_EQ(l.layout.lane_count(), l.model.lane_count());
    for (UnionIndex u = 0; u < l.model.event_count(); ++u) {
        const UnionEvent& e = l.model.event(u);
        std::uint32_t parent_rank = 0;
        for (UnionIndex p : {e.self_parent, e.other_parent}) {
            if (p == kNoUnionEvent) continue;
            parent_rank = std::max(parent_rank, l.layout.rank(p));
            EXPECT_LT(l.layout.position(u).y, l.layout.position(p).y) << "a child is drawn above its parents";
        }
        EXPECT_EQ(l.layout.rank(u), parent_rank + 1);
        EXPECT_FLOAT_EQ(l.layout.position(u).x, l.layout.lane_x(e.lane) + l.layout.column_offset(e.fork_column));
        EXPECT_TRUE(l.layout.bounds().contains(l.layout.position(u)));
    }
    // Each lane lists exactly its events, by rank.
    std::size_t listed = 0;
    for (LaneIndex lane = 0; lane < l.layout.lane_count(); ++lane) {
        const auto ranks = l.layout.lane_ranks(lane);
        EXPECT_TRUE(std::is_sorted(ranks.begin(), ranks.end()));
        for (UnionIndex u : l.layout.lane_events(lane)) EXPECT_EQ(l.model.event(u).lane, lane);
        listed += ranks.size();
    }
    EXPECT_EQ(listed, l.model.event_count());
}

TEST(Layout, AppendingEqualsLayingOutAtOnce) {
    sim::SimConfig config;
    config.seed = 9;
    config.genesis_count = 4;
    config.identities = crypto::IdentityKind::Mock;
    auto created = sim::Simulation::create(config);
    ASSERT_TRUE(created.ok());
    sim::Simulation s = std::move(created.value());
    GraphModel model;
    Layout layout;
    for (int t = 0; t < 60 && s.run_tick(); ++t) {
        model.update(nodes_of(s));
        layout.update(model);
    }
    Layout fresh;
    fresh.update(model);
    for (UnionIndex u = 0; u < model.event_count(); ++u) EXPECT_EQ(layout.position(u), fresh.position(u));
}

TEST(Camera, ConversionsRoundTripAndZoomKeepsTheAnchor) {
    Camera c;
    c.set_viewport_screen(ImVec2(100, 50), ImVec2(800, 600));
    c.set_scale(0.37f, 1.9f);
    c.set_origin(GraphPoint{-40, -900});
    const GraphPoint g{123.5f, -456.25f};
    const GraphPoint back = c.screen_to_graph(c.graph_to_screen(g));
    EXPECT_NEAR(back.x, g.x, 1e-3);
    EXPECT_NEAR(back.y, g.y, 1e-3);
    const ImVec2 anchor(333, 222);
    const GraphPoint under = c.screen_to_graph(anchor);
    c.zoom_at_screen(anchor, 2.5f);
    const GraphPoint still = c.screen_to_graph(anchor);
    EXPECT_NEAR(still.x, under.x, 1e-2);
    EXPECT_NEAR(still.y, under.y, 1e-2);
}

// For each zoom, every event whose shape is on screen is clicked at its drawn centre and a few
// pixels off it. The pick must be that event, or (zoomed so far out that shapes overlap) an
// event drawn at the very same pixel.
TEST(Picking, ClickOnAnEventSelectsItAtEveryZoom) {
    const Laid l = lay_out(4, 140, 33);
    ASSERT_GT(l.model.event_count(), 60u);
    const float pick_radius = 10.0f;
    for (float zoom : {0.02f, 0.1f, 0.3f, 0.7f, 1.0f, 2.0f, 4.0f, 8.0f}) {
        Camera c;
        c.set_viewport_screen(ImVec2(50, 40), ImVec2(900, 700));
        c.fit(l.layout.bounds());
        c.center_on(l.layout.position(static_cast<UnionIndex>(l.model.event_count() / 2)));
        c.zoom_at_screen(ImVec2(500, 390), zoom);
        std::size_t tested = 0;
        for (UnionIndex u = 0; u < l.model.event_count(); ++u) {
            const ImVec2 p = c.graph_to_screen(l.layout.position(u));
            if (p.x < 50 || p.y < 40 || p.x > 950 || p.y > 740) continue;
            ++tested;
            const UnionIndex picked = pick_event(l.model, l.layout, c, p, pick_radius);
            ASSERT_NE(picked, kNoUnionEvent) << "zoom " << zoom;
            const ImVec2 q = c.graph_to_screen(l.layout.position(picked));
            EXPECT_LT(std::hypot(q.x - p.x, q.y - p.y), 0.5f) << "zoom " << zoom << ": picked an event elsewhere";
            // Where neighbours are further apart than the pick radius the answer is unique.
            const float row_px = l.layout.options().row_spacing * c.scale_y();
            const float lane_px = l.layout.options().fork_offset * c.scale_x();
            if (row_px > 2 * pick_radius && lane_px > 2 * pick_radius) {
                EXPECT_EQ(picked, u) << "zoom " << zoom;
                EXPECT_EQ(pick_event(l.model, l.layout, c, ImVec2(p.x + 4, p.y - 3), pick_radius), u);
            }
        }
        EXPECT_GT(tested, 0u) << "zoom " << zoom << " shows some events";
    }
}

TEST(Picking, EmptySpaceAndHiddenGhostsPickNothing) {
    const Laid l = lay_out(4, 80, 13);
    Camera c;
    c.set_viewport_screen(ImVec2(0, 0), ImVec2(800, 600));
    c.fit(l.layout.bounds());
    // Between two lanes, far from any lane's fork columns: nothing within 10 px at this zoom.
    const float between = (l.layout.lane_x(0) + l.layout.lane_x(1)) * 0.5f;
    const ImVec2 gap = c.graph_to_screen(GraphPoint{between, l.layout.rank_y(l.layout.rank_max() / 2)});
    if (l.layout.options().lane_spacing * 0.5f * c.scale_x() > 12.0f) {
        EXPECT_EQ(pick_event(l.model, l.layout, c, gap, 10.0f), kNoUnionEvent);
    }
    // With ghosts hidden, a ghost's position picks nothing of that node's.
    for (SourceIndex s = 0; s < l.model.source_count(); ++s)
        for (UnionIndex u = 0; u < l.model.event_count(); ++u) {
            if (l.model.is_known_by(s, u)) continue;
            const UnionIndex p = pick_event(l.model, l.layout, c, c.graph_to_screen(l.layout.position(u)), 3.0f, s);
            if (p != kNoUnionEvent) {
                EXPECT_TRUE(l.model.is_known_by(s, p));
            }
        }
}

}  // namespace
}  // namespace parsec::viz
