// Malice detection (spec §7): honest peers never accuse anyone; a peer that forks its own chain
// is accused with Fork(self-parent) by those holding both sides, and the accusation, once
// consensused, removes it from the voters like Remove (spec §7.3, §8.1).
#include <gtest/gtest.h>

#include "node/node.hpp"

using namespace parsec;

namespace {

struct Net {
    std::shared_ptr<const crypto::Crypto> crypto = crypto::make_crypto(crypto::IdentityKind::Mock);
    std::vector<crypto::Identity> ids;
    std::vector<node::Node> nodes;
    std::uint64_t s = 7;

    explicit Net(size_t n) {
        const char* names[] = {"Alice", "Bob", "Carol", "Dave", "Eric"};
        std::vector<crypto::PeerId> group;
        for (size_t i = 0; i < n; ++i) {
            ids.push_back(crypto->make_identity(names[i], {}));
            group.push_back(ids.back().id);
        }
        for (size_t i = 0; i < n; ++i) {
            node::NodeOptions o;
            o.malice_detection = true;
            nodes.push_back(node::Node::from_genesis(ids[i], group, o, crypto).value());
        }
    }
    std::uint32_t next(std::uint32_t bound) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>((s >> 33) % bound);
    }
    // One full sync a -> b (request and response).
    void sync(size_t a, size_t b) {
        auto req = nodes[a].create_gossip(ids[b].id);
        ASSERT_TRUE(req.ok()) << req.error().to_string();
        auto resp = nodes[b].handle_request(ids[a].id, req.value());
        ASSERT_TRUE(resp.ok()) << resp.error().to_string();
        auto st = nodes[a].handle_response(ids[b].id, resp.value());
        ASSERT_TRUE(st.ok()) << st.error().to_string();
    }
    void gossip_among(const std::vector<size_t>& who, int count) {
        for (int i = 0; i < count; ++i) {
            size_t a = who[next(static_cast<std::uint32_t>(who.size()))];
            size_t b = who[next(static_cast<std::uint32_t>(who.size()))];
            if (a != b) sync(a, b);
        }
    }
};

}  // namespace

// App. B / §11.2 pass criterion: no honest peer accuses anyone in an honest run.
TEST(Malice, Spec7_HonestRunRaisesNoAccusation) {
    Net net(4);
    for (size_t i = 0; i < 4; ++i) ASSERT_TRUE(net.nodes[i].vote_for(model::Observation::opaque("x")).ok());
    net.gossip_among({0, 1, 2, 3}, 300);
    for (const auto& n : net.nodes) {
        EXPECT_TRUE(n.pending_accusations().empty());
        EXPECT_TRUE(n.made_accusations().empty());
        EXPECT_GE(n.election().consensus_history.size(), 2u) << "genesis and x decided";
    }
}

// spec §7.1 #8 and §7.3: Dave forks (two Requesting events on one self-parent, one to Alice and
// one to Bob). Honest peers holding both sides accuse Fork(Dave's self-parent); the accusation
// is decided and Dave leaves the voters.
TEST(Malice, Spec7_ForkIsAccusedAndForkerRemoved) {
    Net net(4);
    net.gossip_among({0, 1, 2, 3}, 40);
    const auto& dave = net.nodes[3];
    const core::Hash32 parent = dave.graph()[dave.peers()[model::kOurIndex].last_event()].hash;
    auto forked = [&](size_t victim) {
        model::PackedEvent p;
        p.creator = net.ids[3].id;
        p.cause = model::CauseKind::Requesting;
        p.self_parent = parent;
        p.recipient = net.ids[victim].id;
        core::Bytes content;
        model::encode_content(content, p, *net.crypto);
        p.signature = net.crypto->sign(net.ids[3], content);
        return model::seal(std::move(p), *net.crypto);
    };
    // Each victim gets Dave's whole graph plus its own side of the fork, as a request.
    for (size_t victim : {0u, 1u}) {
        model::Message msg;
        for (model::EventIndex i = 0; i < dave.graph().size(); ++i) msg.push_back(dave.pack(i));
        msg.push_back(forked(victim));
        auto r = net.nodes[victim].handle_request(net.ids[3].id, msg);
        ASSERT_TRUE(r.ok()) << r.error().to_string();
    }
    net.gossip_among({0, 1, 2}, 400);
    for (size_t i = 0; i < 3; ++i) {
        const auto& n = net.nodes[i];
        bool accused_fork = false;
        for (const auto& [offender, m] : n.made_accusations())
            accused_fork = accused_fork || (offender == n.peers().find(net.ids[3].id) && m.kind == model::MaliceKind::Fork);
        EXPECT_TRUE(accused_fork) << "node " << i << " accuses Dave of forking";
        for (const auto& [offender, m] : n.made_accusations())
            EXPECT_EQ(offender, n.peers().find(net.ids[3].id)) << "only the forker is accused";
        EXPECT_FALSE(n.election().is_voter(n.peers().find(net.ids[3].id))) << "node " << i << " removed Dave";
    }
}
