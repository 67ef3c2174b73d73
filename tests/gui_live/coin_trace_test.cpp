// coin_trace re-runs the engine's two meta-vote passes to find where the coin was consulted. It
// must reproduce every stored list of the running election (or it would mark the wrong cells),
// and find the coin's entries where a round ended without an aux supermajority. Seed 10 with 7
// nodes is a run where that happens (found by a search over seeds 1-12, 4-10 nodes; honest
// 4-node runs rarely need the coin).
#include <gtest/gtest.h>

#include "panels/coin_trace.hpp"
#include "session/cluster_session.hpp"
#include "session/default_cluster.hpp"

namespace parsec::app {
namespace {

TEST(CoinTrace, ReproducesEveryStoredMetaVoteAndFindsTheCoin) {
    sim::SimConfig config = default_live_config();
    config.identities = crypto::IdentityKind::Mock;
    config.genesis_count = 7;
    config.seed = 10;
    auto made = ClusterSession::create(config);
    ASSERT_TRUE(made.ok());
    ClusterSession& s = **made;
    size_t events_checked = 0, uses = 0;
    for (size_t at = 1000; at <= 1500; at += 50) {
        ASSERT_TRUE(s.seek(at).ok());
        for (size_t n = 0; n < s.node_count(); ++n) {
            const auto& node = s.node(n);
            for (auto e = node.election().meta_floor; e < node.graph().size(); ++e) {
                if (!node.election().meta_event(e)) continue;
                auto found = coin_uses_at(node, e);
                ASSERT_TRUE(found.has_value())
                    << "input " << at << ", node " << n << ", event " << e;
                ++events_checked;
                for (const auto& u : *found) {
                    ++uses;
                    // The coin sets the estimate of an entry whose round had no aux supermajority:
                    // it holds exactly the coin's value for its round (spec §5.7).
                    ASSERT_FALSE(u.produced.decided);
                    EXPECT_EQ(u.produced.est, election::coin(u.produced.round) ? election::kTrue
                                                                               : election::kFalse);
                }
            }
        }
    }
    EXPECT_GT(events_checked, 1000u);
    EXPECT_GT(uses, 0u) << "the coin was never found, though this run needs it";
}

}  // namespace
}  // namespace parsec::app
