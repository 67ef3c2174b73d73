// Node-level rules the reference recordings cannot show: forged or altered events are refused
// with a reason and never inserted (issue 2, real identities), and Single mode keeps one block
// per vote even when two creators vote the same payload (spec Appendix B 12h), and a replayed node's
// gossip that packs no message changes it as gossip does, and a held event is recognised while
// an altered copy of it is not.
#include <gtest/gtest.h>

#include <functional>

#include "node/node.hpp"

using namespace parsec;

namespace {

struct Pair {
    std::shared_ptr<const crypto::Crypto> crypto;
    std::vector<crypto::Identity> ids;
    std::vector<node::Node> nodes;
};

Pair make_nodes(size_t n, crypto::IdentityKind kind, model::ConsensusMode mode) {
    Pair p;
    p.crypto = crypto::make_crypto(kind);
    const char* names[] = {"Alice", "Bob", "Carol", "Dave"};
    std::vector<crypto::PeerId> group;
    const std::uint8_t seed[1] = {7};
    for (size_t i = 0; i < n; ++i) {
        p.ids.push_back(p.crypto->make_identity(names[i], seed));
        group.push_back(p.ids.back().id);
    }
    for (size_t i = 0; i < n; ++i) {
        auto r = node::Node::from_genesis(p.ids[i], group, node::NodeOptions{mode, false}, p.crypto);
        EXPECT_TRUE(r.ok());
        p.nodes.push_back(std::move(r.value()));
    }
    return p;
}

// Messages carry sealed, immutable events: an altered event is a changed copy, sealed again.
void alter(model::Message& msg, size_t i, const crypto::Crypto& crypto, const std::function<void(model::PackedEvent&)>& edit) {
    model::PackedEvent p = msg[i]->packed();
    edit(p);
    msg[i] = model::seal(std::move(p), crypto);
}

// Alice's first gossip to Bob, after Alice voted for a payload (so the message carries a vote).
model::Message alice_message(Pair& p) {
    EXPECT_TRUE(p.nodes[0].vote_for(model::Observation::opaque("tx")).ok());
    auto msg = p.nodes[0].create_gossip(p.ids[1].id);
    EXPECT_TRUE(msg.ok());
    return msg.value();
}

// Sends `msg` from Alice to Bob and expects a refusal naming a reason. The events before the
// forged one are genuine and may be admitted; the forged one and everything after it (they
// descend from it) must not be in Bob's graph.
void expect_refused(Pair& p, const model::Message& msg, size_t forged, const char* what) {
    auto r = p.nodes[1].handle_request(p.ids[0].id, msg);
    ASSERT_FALSE(r.ok()) << what << " was accepted";
    EXPECT_FALSE(r.error().to_string().empty()) << what;
    const auto& graph = p.nodes[1].graph();
    for (size_t i = 0; i < msg.size(); ++i) {
        const bool present = graph.find(model::event_hash(msg[i]->packed(), *p.crypto)) != model::kNoEvent;
        if (i < forged) EXPECT_TRUE(present) << what << ": genuine event " << i << " was dropped";
        else EXPECT_FALSE(present) << what << ": event " << i << " was inserted";
    }
}

size_t last_index_with_vote(const model::Message& msg) {
    for (size_t i = msg.size(); i-- > 0;)
        if (msg[i]->packed().cause == model::CauseKind::Observation) return i;
    ADD_FAILURE() << "no observation event in the message";
    return 0;
}

}  // namespace

TEST(NodeRules, ForgedOrAlteredEventsAreRefusedWithAReason) {
    for (auto kind : {crypto::IdentityKind::Ed25519, crypto::IdentityKind::Mock}) {
        SCOPED_TRACE(kind == crypto::IdentityKind::Ed25519 ? "ed25519" : "mock");
        {   // Honest message is accepted: the refusals below are about the alteration only.
            Pair p = make_nodes(2, kind, model::ConsensusMode::Supermajority);
            auto msg = alice_message(p);
            auto r = p.nodes[1].handle_request(p.ids[0].id, msg);
            ASSERT_TRUE(r.ok()) << r.error().to_string();
        }
        {   // A flipped signature bit.
            Pair p = make_nodes(2, kind, model::ConsensusMode::Supermajority);
            auto msg = alice_message(p);
            alter(msg, msg.size() - 1, *p.crypto, [](model::PackedEvent& e) { e.signature.bytes[3] ^= 0x01; });
            expect_refused(p, msg, msg.size() - 1, "flipped event signature");
        }
        {   // The vote's payload changed after signing.
            Pair p = make_nodes(2, kind, model::ConsensusMode::Supermajority);
            auto msg = alice_message(p);
            const size_t forged = last_index_with_vote(msg);
            alter(msg, forged, *p.crypto, [](model::PackedEvent& e) { e.vote.payload = "tx-forged"; });
            expect_refused(p, msg, forged, "altered payload");
        }
        {   // Bob claims to have made Alice's event: the creator is not the signer.
            Pair p = make_nodes(2, kind, model::ConsensusMode::Supermajority);
            auto msg = alice_message(p);
            alter(msg, msg.size() - 1, *p.crypto, [&](model::PackedEvent& e) { e.creator = p.ids[1].id; });
            expect_refused(p, msg, msg.size() - 1, "wrong creator");
        }
    }
}

// App. B 12h: in Single mode two creators voting the same payload give two separate blocks,
// each carrying only its own voter's proof.
TEST(NodeRules, AppB12h_SingleModeDuplicatePayloadsAcrossCreatorsAreSeparateBlocks) {
    Pair p = make_nodes(4, crypto::IdentityKind::Mock, model::ConsensusMode::Single);
    ASSERT_TRUE(p.nodes[0].vote_for(model::Observation::opaque("same")).ok());
    ASSERT_TRUE(p.nodes[2].vote_for(model::Observation::opaque("same")).ok());
    std::vector<std::vector<node::Block>> blocks(p.nodes.size());
    for (int round = 0; round < 400; ++round) {
        const size_t a = static_cast<size_t>(round) % 4;
        const size_t b = (a + 1 + static_cast<size_t>(round / 4) % 3) % 4;
        auto req = p.nodes[a].create_gossip(p.ids[b].id);
        ASSERT_TRUE(req.ok());
        auto resp = p.nodes[b].handle_request(p.ids[a].id, req.value());
        ASSERT_TRUE(resp.ok()) << resp.error().to_string();
        ASSERT_TRUE(p.nodes[a].handle_response(p.ids[b].id, resp.value()).ok());
        for (size_t i = 0; i < p.nodes.size(); ++i)
            while (auto blk = p.nodes[i].poll()) blocks[i].push_back(*blk);
    }
    for (size_t i = 0; i < blocks.size(); ++i) {
        std::vector<std::string> voters;
        for (const auto& blk : blocks[i]) {
            if (blk.payload.kind != model::ObsKind::OpaquePayload) continue;
            EXPECT_EQ(blk.payload.payload, "same");
            ASSERT_EQ(blk.proofs.size(), 1u) << "node " << i << ": a Single-mode block has one voter";
            voters.push_back(blk.proofs[0].id.name);
        }
        std::sort(voters.begin(), voters.end());
        EXPECT_EQ(voters, (std::vector<std::string>{"Alice", "Carol"})) << "node " << i;
    }
}

// A replayed node sends nothing (spec §9.6 discards its messages), so it gossips through the
// variants that pack no message. They must change the node exactly as the packing ones do: Bob's
// twin, driven only by them, holds Bob's events in Bob's order and takes Bob's decisions.
TEST(NodeRules, GossipThatPacksNoMessageChangesTheNodeAsGossipDoes) {
    Pair p = make_nodes(4, crypto::IdentityKind::Mock, model::ConsensusMode::Supermajority);
    for (auto& n : p.nodes)  // Supermajority keys need a supermajority of votes
        for (const char* payload : {"a", "b"}) ASSERT_TRUE(n.vote_for(model::Observation::opaque(payload)).ok());
    node::Node twin = p.nodes[1];
    constexpr size_t kBob = 1;
    for (int round = 0; round < 400; ++round) {
        if (round == 200) {  // a second decision, later in the graph
            for (size_t i = 0; i < p.nodes.size(); ++i)
                ASSERT_TRUE(p.nodes[i].vote_for(model::Observation::opaque("c")).ok());
            ASSERT_TRUE(twin.vote_for(model::Observation::opaque("c")).ok());
        }
        const size_t a = static_cast<size_t>(round) % 4;
        const size_t b = (a + 1 + static_cast<size_t>(round / 4) % 3) % 4;
        auto req = p.nodes[a].create_gossip(p.ids[b].id);
        ASSERT_TRUE(req.ok());
        if (a == kBob) {
            ASSERT_TRUE(twin.create_gossip_event(p.ids[b].id).ok());
        }
        auto resp = p.nodes[b].handle_request(p.ids[a].id, req.value());
        ASSERT_TRUE(resp.ok()) << resp.error().to_string();
        if (b == kBob) {
            ASSERT_TRUE(twin.handle_request_discarding_response(p.ids[a].id, req.value()).ok());
        }
        ASSERT_TRUE(p.nodes[a].handle_response(p.ids[b].id, resp.value()).ok());
        if (a == kBob) {
            ASSERT_TRUE(twin.handle_response(p.ids[b].id, resp.value()).ok());
        }
        const auto& bob = p.nodes[kBob].graph();
        ASSERT_EQ(twin.graph().size(), bob.size()) << "round " << round;
        for (model::EventIndex i = 0; i < bob.size(); ++i)
            ASSERT_EQ(twin.graph()[i].hash, bob[i].hash) << "round " << round << ", event " << i;
    }
    const auto& decided = p.nodes[kBob].decisions();
    EXPECT_EQ(p.nodes[kBob].election().consensus_history.size(), 4u) << "Genesis, a, b and c, decided";
    EXPECT_GE(decided.size(), 2u);
    ASSERT_EQ(twin.decisions().size(), decided.size());
    for (size_t i = 0; i < decided.size(); ++i) {
        EXPECT_EQ(twin.decisions()[i].deciding_event, decided[i].deciding_event) << "decision " << i;
        EXPECT_EQ(twin.decisions()[i].keys, decided[i].keys) << "decision " << i;
    }
}

// Most events a message carries are held already, and are recognised by their fields before any
// hashing. A re-sent honest message must change nothing but the new sync event; a copy of a held
// event with any hashed field altered is not that event, and is refused as a forgery.
TEST(NodeRules, HeldEventsAreRecognisedAndAlteredCopiesOfThemAreRefused) {
    for (auto kind : {crypto::IdentityKind::Ed25519, crypto::IdentityKind::Mock}) {
        SCOPED_TRACE(kind == crypto::IdentityKind::Ed25519 ? "ed25519" : "mock");
        Pair p = make_nodes(3, kind, model::ConsensusMode::Supermajority);
        node::Node& alice = p.nodes[0];
        node::Node& bob = p.nodes[1];
        const auto request = alice_message(p);  // Initial, Genesis vote, "tx" vote, Requesting Bob
        auto response = bob.handle_request(p.ids[0].id, request);
        ASSERT_TRUE(response.ok()) << response.error().to_string();
        ASSERT_TRUE(alice.handle_response(p.ids[1].id, response.value()).ok());

        auto index_of = [&](const node::Node& n, const model::SealedRef& e) {
            return n.graph().find(model::event_hash(e->packed(), *p.crypto));
        };
        // A message from Alice to Bob is a request, from Bob to Alice a response.
        auto deliver = [&](bool to_bob, const model::Message& msg) {
            return to_bob ? bob.handle_request(p.ids[0].id, msg).ok() : alice.handle_response(p.ids[1].id, msg).ok();
        };
        // Honest re-sends: every event is found where it is, one sync event is added. First the
        // very events sent before, then equal copies sealed apart (found by their fields).
        for (int pass = 0; pass < 4; ++pass) {
            const bool to_bob = pass % 2 == 0;
            const node::Node& receiver = to_bob ? bob : alice;
            model::Message msg = to_bob ? request : response.value();
            if (pass >= 2)
                for (auto& e : msg) e = model::seal(e->packed(), *p.crypto);
            std::vector<model::EventIndex> before;
            for (const auto& e : msg) before.push_back(index_of(receiver, e));
            const size_t size = receiver.graph().size();
            ASSERT_TRUE(deliver(to_bob, msg)) << "an honest re-send";
            EXPECT_EQ(receiver.graph().size(), size + 1) << "only the new sync event is added";
            for (size_t i = 0; i < msg.size(); ++i) EXPECT_EQ(index_of(receiver, msg[i]), before[i]) << "event " << i;
        }

        auto find_cause = [](const model::Message& msg, model::CauseKind cause) {
            for (size_t i = msg.size(); i-- > 0;)
                if (msg[i]->packed().cause == cause) return i;
            ADD_FAILURE() << "no event of that cause";
            return size_t{0};
        };
        const size_t vote = last_index_with_vote(request);
        const size_t requesting = find_cause(request, model::CauseKind::Requesting);
        const size_t sync = find_cause(response.value(), model::CauseKind::Request);
        struct Alteration {
            const char* what;
            bool to_bob;  // Alice's request to Bob, else Bob's response to Alice
            std::function<void(model::PackedEvent&)> edit;
            size_t at;  // the event altered
        };
        const std::vector<Alteration> alterations = {
            {"vote payload", true, [&](model::PackedEvent& e) { e.vote.payload = "ty"; }, vote},
            {"vote signature", true, [&](model::PackedEvent& e) { e.vote_signature.bytes[0] ^= 0x01; }, vote},
            {"self-parent", true, [&](model::PackedEvent& e) { e.self_parent = request[vote - 1]->packed().self_parent; }, vote},
            {"recipient", true, [&](model::PackedEvent& e) { e.recipient = p.ids[2].id; }, requesting},
            {"other-parent", false, [&](model::PackedEvent& e) { e.other_parent = request[vote]->hash(); }, sync},
        };
        for (const auto& a : alterations) {
            model::Message msg = a.to_bob ? request : response.value();
            alter(msg, a.at, *p.crypto, a.edit);
            const node::Node& receiver = a.to_bob ? bob : alice;
            const size_t size = receiver.graph().size();
            EXPECT_FALSE(deliver(a.to_bob, msg)) << "an altered " << a.what << " was taken for the held event";
            EXPECT_EQ(receiver.graph().size(), size) << a.what << ": nothing is added";
        }
    }
}

// A sealed event carries its hash and signature check, done once under one scheme. They are those
// of its bytes, and a node of another scheme does not take them: it hashes and verifies itself.
TEST(NodeRules, ASealHoldsOnlyUnderTheSchemeThatMadeIt) {
    Pair p = make_nodes(2, crypto::IdentityKind::Mock, model::ConsensusMode::Supermajority);
    const auto msg = alice_message(p);
    for (const auto& e : msg) {
        EXPECT_EQ(e->hash(), model::event_hash(e->packed(), *p.crypto));
        EXPECT_TRUE(e->signature_valid());
        EXPECT_TRUE(e->sealed_under(*p.crypto));
    }
    model::PackedEvent flipped = msg.back()->packed();
    flipped.signature.bytes[0] ^= 0x01;
    const auto bad = model::seal(flipped, *p.crypto);
    EXPECT_FALSE(bad->signature_valid());
    EXPECT_EQ(bad->hash(), msg.back()->hash()) << "the event signature is not hashed";

    // Alice's genuine events sealed under Ed25519: its hashes differ from the mock's and the mock
    // signatures do not verify under it. Bob (mock) must still accept them, by his own checks.
    const auto ed = crypto::make_crypto(crypto::IdentityKind::Ed25519);
    model::Message foreign;
    for (const auto& e : msg) foreign.push_back(model::seal(e->packed(), *ed));
    EXPECT_FALSE(foreign.back()->sealed_under(*p.crypto));
    EXPECT_FALSE(foreign.back()->signature_valid());
    EXPECT_NE(foreign.back()->hash(), msg.back()->hash());
    auto r = p.nodes[1].handle_request(p.ids[0].id, foreign);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    for (const auto& e : msg) EXPECT_NE(p.nodes[1].graph().find(e->hash()), model::kNoEvent);
    // And the reverse: a forged event sealed under Ed25519 is refused by the mock node's own check.
    Pair q = make_nodes(2, crypto::IdentityKind::Mock, model::ConsensusMode::Supermajority);
    auto forged = alice_message(q);
    for (auto& e : forged) e = model::seal(e->packed(), *ed);
    model::PackedEvent last = forged.back()->packed();
    last.signature.bytes[3] ^= 0x01;
    forged.back() = model::seal(std::move(last), *ed);
    EXPECT_FALSE(q.nodes[1].handle_request(q.ids[0].id, forged).ok());
}
