// Hash and signature primitives against published vectors and the spec's own vectors (§1.1, §1.6).
#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <sodium.h>

#include "core/bytes.hpp"
#include "crypto/digest.hpp"
#include "crypto/identity.hpp"
#include "model/observation.hpp"

using namespace parsec;

static core::ByteSpan bytes_of(const std::string& s) {
    return core::ByteSpan(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

// SHA3-256 must be the FIPS variant (tiny_keccak::sha3_256), not Keccak-256.
TEST(Crypto, Sha3EmptyStringVector) {
    EXPECT_EQ(core::to_hex(crypto::sha3_256({})),
              "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
}

// Our SipHash-1-3 agrees with OpenSSL's SipHash MAC configured for 1 compression / 3 finalisation rounds.
TEST(Crypto, SipHash13MatchesOpenSsl) {
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "SIPHASH", nullptr);
    ASSERT_NE(mac, nullptr);
    for (size_t len : {0u, 1u, 7u, 8u, 9u, 15u, 16u, 33u, 100u}) {
        std::vector<std::uint8_t> data(len);
        for (size_t i = 0; i < len; ++i) data[i] = static_cast<std::uint8_t>(i * 31 + 7);
        EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
        unsigned int c_rounds = 1, d_rounds = 3;
        size_t out_size = 8;
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_uint(OSSL_MAC_PARAM_C_ROUNDS, &c_rounds),
            OSSL_PARAM_construct_uint(OSSL_MAC_PARAM_D_ROUNDS, &d_rounds),
            OSSL_PARAM_construct_size_t(OSSL_MAC_PARAM_SIZE, &out_size), OSSL_PARAM_construct_end()};
        std::uint8_t key[16] = {};
        ASSERT_EQ(EVP_MAC_init(ctx, key, 16, params), 1);
        ASSERT_EQ(EVP_MAC_update(ctx, data.data(), data.size()), 1);
        std::uint8_t out[8];
        size_t out_len = 0;
        ASSERT_EQ(EVP_MAC_final(ctx, out, &out_len, 8), 1);
        EVP_MAC_CTX_free(ctx);
        std::uint64_t expected = 0;
        for (int i = 7; i >= 0; --i) expected = (expected << 8) | out[i];
        EXPECT_EQ(crypto::siphash13_zero_key(data), expected) << "length " << len;
    }
    EVP_MAC_free(mac);
}

// spec §1.6 verified vectors, matching benches/minimal.dot's consensus history.
TEST(Crypto, Spec1_6_ObservationHashVectors) {
    crypto::MockCrypto mock;
    std::vector<crypto::PeerId> group;
    for (auto name : {"Alice", "Bob", "Carol", "Dave"}) group.push_back(mock.make_identity(name, {}).id);
    auto genesis = model::Observation::genesis(group);
    EXPECT_EQ(core::to_hex(model::observation_hash(genesis, mock)),
              "181acff73711013c5df11e21c5edd964e180a3e02896ba627983aebc0651e1dd");
    EXPECT_EQ(core::to_hex(model::observation_hash(model::Observation::opaque("0"), mock)),
              "c93ff2cda7e9dd6a49b12c4fccdbaa0fe1b25b1e92421f288b06bfe53122be0f");
}

// spec §1.1: mock keys are SHA3(name) and a mock signature verifies only with the signer's key.
TEST(Crypto, Spec1_1_MockSignatureLayout) {
    crypto::MockCrypto mock;
    auto alice = mock.make_identity("Alice", {});
    auto bob = mock.make_identity("Bob", {});
    EXPECT_EQ(alice.id.public_key, crypto::sha3_256(bytes_of("Alice")));
    auto sig = mock.sign(alice, bytes_of("hello"));
    for (size_t i = 8; i < 64; ++i) EXPECT_EQ(sig.bytes[i], 0) << i;
    EXPECT_TRUE(mock.verify(alice.id, bytes_of("hello"), sig));
    EXPECT_FALSE(mock.verify(bob.id, bytes_of("hello"), sig));
    EXPECT_FALSE(mock.verify(alice.id, bytes_of("hellp"), sig));
}

// The two-part SipHash (message ‖ key without joining them) equals SipHash of the joined bytes for
// every split, including splits inside and across 8-byte blocks.
TEST(Crypto, SipHash13OfTwoPartsEqualsJoined) {
    std::vector<std::uint8_t> all(70);
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::uint8_t>(i * 77 + 3);
    for (size_t len = 0; len <= all.size(); len += 7)
        for (size_t cut = 0; cut <= len; ++cut) {
            core::ByteSpan whole(all.data(), len);
            EXPECT_EQ(crypto::siphash13_zero_key(whole.first(cut), whole.subspan(cut)), crypto::siphash13_zero_key(whole))
                << "length " << len << ", cut " << cut;
        }
}

// The mock's memo of a content's signature (filled when the content was just hashed) answers only
// for the same key and signature: a memo hit never accepts a wrong signer, signature or message.
TEST(Crypto, MockVerifyAfterHashUsesMemoExactly) {
    crypto::MockCrypto mock;
    auto alice = mock.make_identity("Alice", {});
    auto bob = mock.make_identity("Bob", {});
    const std::string text = "event content bytes", other = "event content bytez";
    auto msg = bytes_of(text);
    auto sig = mock.sign(alice, msg);
    auto wrong = sig;
    wrong.bytes[0] ^= 1;
    for (int round = 0; round < 2; ++round) {  // round 1 answers from the memo
        mock.hash(msg);
        EXPECT_TRUE(mock.verify(alice.id, msg, sig));
        EXPECT_FALSE(mock.verify(alice.id, msg, wrong));
        EXPECT_FALSE(mock.verify(bob.id, msg, sig));
        EXPECT_TRUE(mock.verify(alice.id, msg, sig));
        EXPECT_FALSE(mock.verify(alice.id, bytes_of(other), sig));
    }
    crypto::MockCrypto copy = mock;  // a copy must not use the original's memo entry
    EXPECT_TRUE(copy.verify(alice.id, msg, sig));
    EXPECT_FALSE(copy.verify(bob.id, msg, sig));
}

// One content signed by many keys (a payload every voter signs) keeps each key's signature in the
// memo apart: signing and verifying after the hash agree with a memo-less mock for every signer,
// through the side table's growth, and never accept another signer's signature.
TEST(Crypto, MockMemoKeepsEachSignersSignatureApart) {
    crypto::MockCrypto mock;
    std::vector<crypto::Identity> signers;
    for (int i = 0; i < 300; ++i) signers.push_back(mock.make_identity("peer" + std::to_string(i), {}));
    const std::vector<std::string> texts = {"payload one", "payload two", "payload three"};
    for (int round = 0; round < 2; ++round)
        for (const auto& text : texts)
            for (size_t i = 0; i < signers.size(); ++i) {
                const auto msg = bytes_of(text);
                const auto expected = crypto::MockCrypto{}.sign(signers[i], msg);  // no memo
                mock.hash(msg);
                ASSERT_EQ(mock.sign(signers[i], msg), expected) << text << " signer " << i;
                mock.hash(msg);
                EXPECT_TRUE(mock.verify(signers[i].id, msg, expected));
                EXPECT_FALSE(mock.verify(signers[(i + 1) % signers.size()].id, msg, expected));
            }
}

// The content-hash memo is exact through its growth: every lookup returns SHA3 of its own bytes,
// and each distinct content is hashed once (including contents that differ in one byte).
TEST(Crypto, MockHashMemoIsExactAcrossGrowth) {
    crypto::MockCrypto mock;
    std::vector<std::string> contents;
    for (int i = 0; i < 3000; ++i) contents.push_back("content-" + std::to_string(i) + std::string(40, 'x'));
    contents.push_back(std::string(48, 'x'));
    contents.push_back(std::string(48, 'y'));
    for (int round = 0; round < 2; ++round)
        for (const auto& c : contents) ASSERT_EQ(mock.hash(bytes_of(c)), crypto::sha3_256(bytes_of(c))) << c;
    EXPECT_EQ(mock.hashes_computed(), contents.size());
}

// Real identities: deterministic from the seed, signatures verify, and any change is rejected.
TEST(Crypto, Ed25519SignVerifyAndCache) {
    crypto::Ed25519Crypto ed;
    std::vector<std::uint8_t> seed{1, 2, 3};
    auto a1 = ed.make_identity("Alice", seed);
    auto a2 = ed.make_identity("Alice", seed);
    EXPECT_EQ(a1.id.public_key, a2.id.public_key);
    auto sig = ed.sign(a1, bytes_of("event"));
    EXPECT_TRUE(ed.verify(a1.id, bytes_of("event"), sig));
    EXPECT_TRUE(ed.verify(a1.id, bytes_of("event"), sig));
    EXPECT_EQ(ed.verifications_performed(), 1u);  // the second check hit the cache
    auto bad = sig;
    bad.bytes[5] ^= 1;
    EXPECT_FALSE(ed.verify(a1.id, bytes_of("event"), bad));
    EXPECT_FALSE(ed.verify(a1.id, bytes_of("evenT"), sig));
}

// The signature memo is exact: a repeated signing returns libsodium's own signature without
// computing it again, and each (signer, message) pair keeps its own entry.
TEST(Crypto, Ed25519SignatureMemoIsExactPerSignerAndMessage) {
    crypto::Ed25519Crypto ed;
    auto alice = ed.make_identity("Alice", bytes_of("seed"));
    auto bob = ed.make_identity("Bob", bytes_of("seed"));
    auto direct = [](const crypto::Identity& who, const std::string& m) {
        crypto::Signature s;
        crypto_sign_detached(s.bytes.data(), nullptr, reinterpret_cast<const unsigned char*>(m.data()), m.size(),
                             who.secret.bytes.data());
        return s;
    };
    const auto first = ed.sign(alice, bytes_of("event 1"));
    EXPECT_EQ(ed.sign(alice, bytes_of("event 1")), first);
    EXPECT_EQ(ed.signatures_computed(), 1u);  // the second signing came from the memo
    EXPECT_EQ(first, direct(alice, "event 1"));
    EXPECT_EQ(ed.sign(alice, bytes_of("event 2")), direct(alice, "event 2"));
    EXPECT_EQ(ed.sign(bob, bytes_of("event 1")), direct(bob, "event 1"));
    EXPECT_EQ(ed.signatures_computed(), 3u);
    EXPECT_TRUE(ed.verify(bob.id, bytes_of("event 1"), ed.sign(bob, bytes_of("event 1"))));
    EXPECT_EQ(ed.signatures_computed(), 3u);
}
