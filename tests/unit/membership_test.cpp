// Dynamic membership (spec §8.1, §2.1 from_existing, §2.6): Add and Remove decided by the
// section; a joining node replays the history, gets its Initial event when Add(us) is decided,
// and then votes like everyone else.
#include <gtest/gtest.h>

#include "node/node.hpp"

using namespace parsec;

namespace {

struct Section {
    std::shared_ptr<const crypto::Crypto> crypto = crypto::make_crypto(crypto::IdentityKind::Mock);
    std::vector<crypto::Identity> ids;
    std::vector<node::Node> nodes;
    std::uint64_t s = 99;

    std::uint32_t next(std::uint32_t bound) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>((s >> 33) % bound);
    }
    void sync(size_t a, size_t b) {
        auto req = nodes[a].create_gossip(ids[b].id);
        ASSERT_TRUE(req.ok()) << req.error().to_string();
        auto resp = nodes[b].handle_request(ids[a].id, req.value());
        ASSERT_TRUE(resp.ok()) << resp.error().to_string();
        auto st = nodes[a].handle_response(ids[b].id, resp.value());
        ASSERT_TRUE(st.ok()) << st.error().to_string();
    }
    // Random syncs between nodes that may gossip to each other.
    void gossip(int count) {
        for (int i = 0; i < count; ++i) {
            size_t a = next(static_cast<std::uint32_t>(nodes.size()));
            auto targets = nodes[a].gossip_recipients();
            if (targets.empty()) continue;
            const auto& target = targets[next(static_cast<std::uint32_t>(targets.size()))];
            size_t b = 0;
            while (b < ids.size() && !(ids[b].id == target)) ++b;
            if (b == ids.size()) continue;  // a peer the test has not started yet
            sync(a, b);
        }
    }
    // A genesis section of these members, in this order.
    void start_genesis(std::initializer_list<const char*> names) {
        std::vector<crypto::PeerId> group;
        for (auto name : names) {
            ids.push_back(crypto->make_identity(name, {}));
            group.push_back(ids.back().id);
        }
        for (const auto& id : ids) nodes.push_back(node::Node::from_genesis(id, group, {}, crypto).value());
    }
    std::vector<std::string> blocks(size_t i) {
        std::vector<std::string> out;
        while (auto b = nodes[i].poll()) {
            std::string k = b->payload.kind == model::ObsKind::Add      ? "Add(" + b->payload.peer.name + ")"
                            : b->payload.kind == model::ObsKind::Remove ? "Remove(" + b->payload.peer.name + ")"
                            : b->payload.kind == model::ObsKind::Genesis ? "Genesis"
                                                                          : b->payload.payload;
            out.push_back(k);
        }
        return out;
    }
};

}  // namespace

TEST(Membership, Spec8_1_JoiningNodeReplaysHistoryAndVotes) {
    Section sec;
    std::vector<crypto::PeerId> group;
    for (auto name : {"Alice", "Bob", "Carol", "Dave"}) {
        sec.ids.push_back(sec.crypto->make_identity(name, {}));
        group.push_back(sec.ids.back().id);
    }
    for (size_t i = 0; i < 4; ++i) sec.nodes.push_back(node::Node::from_genesis(sec.ids[i], group, {}, sec.crypto).value());
    auto eric = sec.crypto->make_identity("Eric", {});
    for (auto& n : sec.nodes) ASSERT_TRUE(n.vote_for(model::Observation::add(eric.id)).ok());
    sec.gossip(200);
    for (auto& n : sec.nodes) ASSERT_NE(n.peers().find(eric.id), model::kNoPeer) << "Add(Eric) decided";

    auto joiner = node::Node::from_existing(eric, group, group, {}, sec.crypto);
    ASSERT_TRUE(joiner.ok()) << joiner.error().to_string();
    EXPECT_EQ(joiner->graph().size(), 0u) << "no events before Add(us) is decided";
    sec.ids.push_back(eric);
    sec.nodes.push_back(std::move(joiner.value()));
    sec.gossip(300);
    const auto& e = sec.nodes[4];
    ASSERT_FALSE(e.peers()[model::kOurIndex].slots.empty()) << "Eric got his Initial event";
    EXPECT_TRUE(e.can_vote());
    EXPECT_EQ(e.election().voters.size(), 5u);

    // Now everyone, Eric included, decides a payload together.
    for (auto& n : sec.nodes) ASSERT_TRUE(n.vote_for(model::Observation::opaque("after-join")).ok());
    sec.gossip(400);
    auto reference = sec.blocks(0);
    EXPECT_NE(std::find(reference.begin(), reference.end(), "after-join"), reference.end());
    for (size_t i = 1; i < 4; ++i) EXPECT_EQ(sec.blocks(i), reference) << "member " << i;
    auto eric_blocks = sec.blocks(4);
    EXPECT_EQ(eric_blocks, reference) << "the joiner polls the same blocks, history included";
}

TEST(Membership, Spec8_1_RemovedPeerLeavesVotersAndCannotBeGossipedTo) {
    Section sec;
    sec.start_genesis({"Alice", "Bob", "Carol", "Dave", "Eric"});
    for (auto& n : sec.nodes) ASSERT_TRUE(n.vote_for(model::Observation::remove(sec.ids[4].id)).ok());
    sec.gossip(300);
    for (size_t i = 0; i < 4; ++i) {
        auto& n = sec.nodes[i];
        auto eric = n.peers().find(sec.ids[4].id);
        EXPECT_FALSE(n.election().is_voter(eric)) << "node " << i;
        auto g = n.create_gossip(sec.ids[4].id);
        ASSERT_FALSE(g.ok());
        EXPECT_EQ(g.error().kind, "InvalidPeerState");
    }
}

// spec §2.4 step 2: once we decided a peer's removal, its events that descend from the deciding
// event are refused even when an honest peer relays them, and the error says which rule refused
// them (the simulator's markers show that sentence).
TEST(Membership, Spec2_4_RemovedPeersLaterEventIsRefusedWithTheReason) {
    Section sec;
    sec.start_genesis({"Alice", "Bob", "Carol", "Dave", "Eric"});
    for (size_t i = 0; i < 4; ++i) ASSERT_TRUE(sec.nodes[i].vote_for(model::Observation::remove(sec.ids[4].id)).ok());
    // Alice..Dave decide the removal among themselves; Eric hears nothing.
    auto& alice = sec.nodes[0];
    const auto eric_at_alice = alice.peers().find(sec.ids[4].id);
    for (int i = 0; i < 400 && !alice.peers()[eric_at_alice].removed; ++i) {
        const size_t a = sec.next(4), b = (a + 1 + sec.next(3)) % 4;
        sec.sync(a, b);
    }
    ASSERT_TRUE(alice.peers()[eric_at_alice].removed);

    // Events `from` holds that `to` lacks, in topological order.
    auto missing = [](const node::Node& from, const node::Node& to) {
        model::Message m;
        for (model::EventIndex e = 0; e < from.graph().size(); ++e)
            if (to.graph().find(from.graph()[e].hash) == model::kNoEvent) m.push_back(from.pack(e));
        return m;
    };
    // Eric, not knowing, syncs with Bob: his new sync event descends from Alice's deciding event.
    auto& eric = sec.nodes[4];
    ASSERT_TRUE(eric.handle_request(sec.ids[1].id, missing(alice, eric)).ok());
    // Carol relays Eric's events to Alice: the old ones are admitted, the new one is refused.
    const auto relayed = missing(eric, alice);
    ASSERT_GE(relayed.size(), 2u);
    auto r = alice.handle_request(sec.ids[2].id, relayed);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "InvalidPeerState");
    EXPECT_NE(r.error().message.find("Eric's event #"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("descends from the event at which we decided Eric's removal"), std::string::npos)
        << r.error().message;
    EXPECT_NE(alice.graph().find(eric.graph()[0].hash), model::kNoEvent) << "Eric's first event was admitted";
}
