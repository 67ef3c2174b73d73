#include "crypto/identity.hpp"

#include <cstring>
#include <sodium.h>

#include "core/assert.hpp"
#include "crypto/digest.hpp"

namespace parsec::crypto {

namespace {
void put_u64(core::Bytes& out, std::uint64_t v) {
    std::uint8_t le[8];
    for (int i = 0; i < 8; ++i) le[i] = static_cast<std::uint8_t>(v >> (8 * i));
    out.insert(out.end(), le, le + 8);
}
}  // namespace

// ---- Mock ------------------------------------------------------------------------------------------

Identity MockCrypto::make_identity(const std::string& name, core::ByteSpan) const {
    Identity ident;
    ident.id.name = name;
    ident.id.public_key = sha3_256(core::ByteSpan(reinterpret_cast<const std::uint8_t*>(name.data()),
                                                  name.size()));
    std::memcpy(ident.secret.bytes.data(), ident.id.public_key.data(), 32);
    return ident;
}

void MockCrypto::encode_id(core::Bytes& out, const PeerId& id) const {
    // bincode of the mock PeerId {name: String, pk: [u8;32], sk: [u8;32]} with sk == pk (spec §1.6).
    // One resize and plain copies: this runs for every event encoded.
    const size_t at = out.size();
    out.resize(at + 8 + id.name.size() + 64);
    std::uint8_t* p = out.data() + at;
    const std::uint64_t len = id.name.size();
    for (int i = 0; i < 8; ++i) *p++ = static_cast<std::uint8_t>(len >> (8 * i));
    if (!id.name.empty()) std::memcpy(p, id.name.data(), id.name.size());
    p += id.name.size();
    std::memcpy(p, id.public_key.data(), 32);
    std::memcpy(p + 32, id.public_key.data(), 32);
}

static Signature mock_signature(core::ByteSpan message, const std::uint8_t* key32) {
    std::uint64_t h = siphash13_zero_key(message, core::ByteSpan(key32, 32));
    Signature sig;
    for (int i = 0; i < 8; ++i) sig.bytes[static_cast<size_t>(i)] = static_cast<std::uint8_t>(h >> (8 * i));
    return sig;
}

Signature MockCrypto::sign(const Identity& signer, core::ByteSpan message) const {
    return mock_signature(message, signer.secret.bytes.data());
}

bool MockCrypto::verify(const PeerId& signer, core::ByteSpan message, const Signature& sig) const {
    // Events are verified right after their content was hashed: reuse that memo entry's signature.
    Memo* memo = nullptr;
    if (auto* last = last_memo_.entry; last && last->first.size() == message.size() &&
        std::memcmp(last->first.data(), message.data(), message.size()) == 0)
        memo = &last->second;
    if (memo && memo->has_signature && memo->signer_key == signer.public_key) return memo->signature == sig;
    Signature expected = mock_signature(message, signer.public_key.data());
    if (memo) {
        memo->has_signature = true;
        memo->signer_key = signer.public_key;
        memo->signature = expected;
    }
    return expected == sig;
}

core::Hash32 MockCrypto::hash(core::ByteSpan data) const {
    std::string_view key(reinterpret_cast<const char*>(data.data()), data.size());
    auto it = hash_memo_.find(key);  // by view: a hit allocates nothing
    if (it == hash_memo_.end()) {
        ++hashes_computed_;
        Memo m;
        m.hash = sha3_256(data);
        it = hash_memo_.emplace(std::string(key), m).first;
    }
    last_memo_.entry = &*it;  // nodes of an unordered_map stay put when it grows
    return it->second.hash;
}

// ---- Ed25519 ---------------------------------------------------------------------------------------

Ed25519Crypto::Ed25519Crypto() { PARSEC_ASSERT(sodium_init() >= 0, "libsodium init failed"); }

Identity Ed25519Crypto::make_identity(const std::string& name, core::ByteSpan seed) const {
    // Deterministic keys: seed_bytes = BLAKE2b(name ‖ seed), so a cluster seed fixes every key.
    core::Bytes material(name.begin(), name.end());
    material.insert(material.end(), seed.begin(), seed.end());
    core::Hash32 key_seed = blake2b_256(material);
    Identity ident;
    ident.id.name = name;
    crypto_sign_seed_keypair(ident.id.public_key.data(), ident.secret.bytes.data(), key_seed.data());
    return ident;
}

void Ed25519Crypto::encode_id(core::Bytes& out, const PeerId& id) const {
    put_u64(out, id.name.size());
    out.insert(out.end(), id.name.begin(), id.name.end());
    out.insert(out.end(), id.public_key.begin(), id.public_key.end());
}

Signature Ed25519Crypto::sign(const Identity& signer, core::ByteSpan message) const {
    Signature sig;
    crypto_sign_detached(sig.bytes.data(), nullptr, message.data(), message.size(),
                         signer.secret.bytes.data());
    return sig;
}

size_t Ed25519Crypto::HashOfHash::operator()(const core::Hash32& h) const {
    size_t v;
    std::memcpy(&v, h.data(), sizeof v);
    return v;
}

bool Ed25519Crypto::verify(const PeerId& signer, core::ByteSpan message, const Signature& sig) const {
    core::Bytes key_material(signer.public_key.begin(), signer.public_key.end());
    key_material.insert(key_material.end(), sig.bytes.begin(), sig.bytes.end());
    core::Hash32 msg_digest = blake2b_256(message);
    key_material.insert(key_material.end(), msg_digest.begin(), msg_digest.end());
    core::Hash32 cache_key = blake2b_256(key_material);
    if (auto it = verified_.find(cache_key); it != verified_.end()) return it->second;
    ++verifications_;
    bool ok = crypto_sign_verify_detached(sig.bytes.data(), message.data(), message.size(),
                                          signer.public_key.data()) == 0;
    verified_.emplace(cache_key, ok);
    return ok;
}

core::Hash32 Ed25519Crypto::hash(core::ByteSpan data) const { return blake2b_256(data); }

std::shared_ptr<const Crypto> make_crypto(IdentityKind kind) {
    if (kind == IdentityKind::Mock) return std::make_shared<MockCrypto>();
    return std::make_shared<Ed25519Crypto>();
}

}  // namespace parsec::crypto
