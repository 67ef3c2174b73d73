#include "crypto/identity.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
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

static std::uint64_t mock_signature_value(core::ByteSpan message, const std::uint8_t* key32) {
    return siphash13_zero_key(message, core::ByteSpan(key32, 32));
}

static Signature as_signature(std::uint64_t h) {
    Signature sig;
    for (int i = 0; i < 8; ++i) sig.bytes[static_cast<size_t>(i)] = static_cast<std::uint8_t>(h >> (8 * i));
    return sig;
}

static Signature mock_signature(core::ByteSpan message, const std::uint8_t* key32) {
    return as_signature(mock_signature_value(message, key32));
}

static size_t extra_signature_position(std::uint32_t entry, const std::uint8_t* key32) {
    std::uint64_t k;
    std::memcpy(&k, key32, 8);  // the key is a hash already
    return static_cast<size_t>(k ^ (entry * 0x9e3779b97f4a7c15ULL));
}

const MockCrypto::ExtraSignature* MockCrypto::find_extra_signature(std::uint32_t entry,
                                                                   const std::uint8_t* key32) const {
    if (extra_signatures_.empty()) return nullptr;
    const size_t mask = extra_signatures_.size() - 1;
    for (size_t i = extra_signature_position(entry, key32) & mask;; i = (i + 1) & mask) {
        const ExtraSignature& x = extra_signatures_[i];
        if (!x.entry) return nullptr;
        if (x.entry == entry && std::memcmp(x.key.data(), key32, 32) == 0) return &x;
    }
}

void MockCrypto::add_extra_signature(std::uint32_t entry, const std::uint8_t* key32, std::uint64_t value) const {
    auto place = [this](const ExtraSignature& x) {
        const size_t mask = extra_signatures_.size() - 1;
        size_t i = extra_signature_position(x.entry, x.key.data()) & mask;
        while (extra_signatures_[i].entry) i = (i + 1) & mask;
        extra_signatures_[i] = x;
    };
    if (2 * (extra_signature_count_ + 1) > extra_signatures_.size()) {
        std::vector<ExtraSignature> old = std::move(extra_signatures_);
        extra_signatures_.assign(std::max<size_t>(256, old.size() * 2), ExtraSignature{});
        for (const ExtraSignature& x : old)
            if (x.entry) place(x);
    }
    ExtraSignature x;
    x.entry = entry;
    std::memcpy(x.key.data(), key32, 32);
    x.value = value;
    place(x);
    ++extra_signature_count_;
}

MockCrypto::Memo* MockCrypto::last_memo_of(core::ByteSpan message) const {
    if (!last_memo_) return nullptr;
    const std::string& key = memo_keys_[last_memo_ - 1];
    if (key.size() != message.size() || std::memcmp(key.data(), message.data(), message.size()) != 0) return nullptr;
    return &memos_[last_memo_ - 1];
}

Signature MockCrypto::memo_signature(Memo* memo, core::ByteSpan message, const std::uint8_t* key32) const {
    if (!memo) return mock_signature(message, key32);
    // The first key's signature sits in the entry; further keys' (every voter signs the same
    // payload) in a side table, so alternating signers do not evict each other.
    if (memo->has_signature && std::memcmp(memo->signer_key.data(), key32, 32) == 0) return memo->signature;
    if (memo->has_signature) {
        if (const ExtraSignature* x = find_extra_signature(last_memo_, key32)) return as_signature(x->value);
    }
    const std::uint64_t value = mock_signature_value(message, key32);
    if (!memo->has_signature) {
        memo->has_signature = true;
        std::memcpy(memo->signer_key.data(), key32, 32);
        memo->signature = as_signature(value);
    } else {
        add_extra_signature(last_memo_, key32, value);
    }
    return as_signature(value);
}

// Content is hashed right before it is signed or verified: both reuse that memo entry's signature
// (the mock signature depends only on the bytes and the 32-byte key, so the memo is exact).
Signature MockCrypto::sign(const Identity& signer, core::ByteSpan message) const {
    return memo_signature(message, signer.secret.bytes.data());
}

bool MockCrypto::verify(const PeerId& signer, core::ByteSpan message, const Signature& sig) const {
    return memo_signature(message, signer.public_key.data()) == sig;
}

// hash() leaves last_memo_ at the entry of exactly these bytes: no second comparison of them.
core::Hash32 MockCrypto::hash_and_sign(const Identity& signer, core::ByteSpan message, Signature& sig) const {
    const core::Hash32 h = hash(message);
    sig = memo_signature(&memos_[last_memo_ - 1], message, signer.secret.bytes.data());
    return h;
}

core::Hash32 MockCrypto::hash_and_verify(const PeerId& signer, core::ByteSpan message, const Signature& sig,
                                         bool& valid) const {
    const core::Hash32 h = hash(message);
    valid = memo_signature(&memos_[last_memo_ - 1], message, signer.public_key.data()) == sig;
    return h;
}

namespace {

// A fast 64-bit fingerprint for the memo table: four independent multiply-rotate lanes over
// 8-byte words (the bytes are compared anyway on a hit, so it only has to spread well).
std::uint64_t memo_fingerprint(core::ByteSpan data) {
    constexpr std::uint64_t k = 0x9e3779b97f4a7c15ULL;
    std::uint64_t lane[4] = {k, k ^ 1, k ^ 2, k ^ 3};
    auto mix = [](std::uint64_t h, std::uint64_t w) {
        h ^= w;
        h *= 0xff51afd7ed558ccdULL;
        return (h << 29) | (h >> 35);
    };
    const size_t n = data.size();
    size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (int l = 0; l < 4; ++l) {
            std::uint64_t w;
            std::memcpy(&w, data.data() + i + 8 * static_cast<size_t>(l), 8);
            lane[l] = mix(lane[l], w);
        }
    for (int l = 0; i + 8 <= n; i += 8, ++l) {
        std::uint64_t w;
        std::memcpy(&w, data.data() + i, 8);
        lane[l] = mix(lane[l], w);
    }
    std::uint64_t last = 0;
    if (i < n) std::memcpy(&last, data.data() + i, n - i);
    std::uint64_t h = mix(mix(mix(lane[0], lane[1]), mix(lane[2], lane[3])), last ^ n);
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

}  // namespace

MockCrypto::Memo* MockCrypto::find_memo(std::string_view bytes, std::uint64_t fingerprint) const {
    if (memo_slots_.empty()) return nullptr;
    const size_t mask = memo_slots_.size() - 1;
    for (size_t i = fingerprint & mask;; i = (i + 1) & mask) {
        const MemoSlot& s = memo_slots_[i];
        if (!s.entry) return nullptr;
        if (s.fingerprint == fingerprint && memo_keys_[s.entry - 1] == bytes) {
            last_memo_ = s.entry;
            return &memos_[s.entry - 1];
        }
    }
}

core::Hash32 MockCrypto::hash(core::ByteSpan data) const {
    std::string_view key(reinterpret_cast<const char*>(data.data()), data.size());
    const std::uint64_t fingerprint = memo_fingerprint(data);
    if (const Memo* m = find_memo(key, fingerprint)) return m->hash;
    ++hashes_computed_;
    if (2 * (memos_.size() + 1) > memo_slots_.size()) {  // grow: re-place by stored fingerprints
        std::vector<MemoSlot> old = std::move(memo_slots_);
        memo_slots_.assign(std::max<size_t>(1024, old.size() * 2), MemoSlot{});
        const size_t mask = memo_slots_.size() - 1;
        for (const MemoSlot& s : old) {
            if (!s.entry) continue;
            size_t i = s.fingerprint & mask;
            while (memo_slots_[i].entry) i = (i + 1) & mask;
            memo_slots_[i] = s;
        }
    }
    Memo m;
    m.hash = sha3_256(data);
    memo_keys_.emplace_back(key);
    memos_.push_back(m);
    const auto entry = static_cast<std::uint32_t>(memos_.size());
    const size_t mask = memo_slots_.size() - 1;
    size_t i = fingerprint & mask;
    while (memo_slots_[i].entry) i = (i + 1) & mask;
    memo_slots_[i] = MemoSlot{fingerprint, entry};
    last_memo_ = entry;
    return m.hash;
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
    // Keyed by the whole secret key (libsodium's seed and public key) and the message's digest.
    core::Hash32 msg_digest = blake2b_256(message);
    std::array<std::uint8_t, sizeof signer.secret.bytes + 32> key_material;
    std::memcpy(key_material.data(), signer.secret.bytes.data(), sizeof signer.secret.bytes);
    std::memcpy(key_material.data() + sizeof signer.secret.bytes, msg_digest.data(), 32);
    const core::Hash32 cache_key = blake2b_256(key_material);
    sodium_memzero(key_material.data(), key_material.size());
    if (auto it = signed_.find(cache_key); it != signed_.end()) return it->second;
    ++signatures_;
    Signature sig;
    crypto_sign_detached(sig.bytes.data(), nullptr, message.data(), message.size(),
                         signer.secret.bytes.data());
    signed_.emplace(cache_key, sig);
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
