// Peer identities, signatures and the one interface that hides which crypto is in use (spec §1.1, §1.6).
#pragma once
#include <array>
#include <compare>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/bytes.hpp"

namespace parsec::crypto {

// A public peer id. Equality compares name and key; ordering compares the name only (spec §1.1).
struct PeerId {
    std::string name;
    core::Hash32 public_key{};

    bool operator==(const PeerId& o) const { return name == o.name && public_key == o.public_key; }
    std::strong_ordering operator<=>(const PeerId& o) const { return name <=> o.name; }
};

struct SecretKey {
    std::array<std::uint8_t, 64> bytes{};
};

// Mock signatures use the first 32 bytes; Ed25519 uses all 64.
struct Signature {
    std::array<std::uint8_t, 64> bytes{};
    bool operator==(const Signature&) const = default;
};

struct Identity {
    PeerId id;
    SecretKey secret;
};

enum class IdentityKind { Mock, Ed25519 };

// Everything the engine needs from crypto. Implementations are pure functions of their inputs.
class Crypto {
public:
    virtual ~Crypto() = default;
    virtual IdentityKind kind() const = 0;
    // Derives an identity from a name (mock: keys = SHA3(name)) and a seed (Ed25519 only).
    virtual Identity make_identity(const std::string& name, core::ByteSpan seed) const = 0;
    // Bytes of the id inside hashed/signed content (bincode of the reference's PeerId for the mock).
    virtual void encode_id(core::Bytes& out, const PeerId& id) const = 0;
    // Bytes of a signature inside hashed content.
    virtual size_t signature_size() const = 0;
    virtual Signature sign(const Identity& signer, core::ByteSpan message) const = 0;
    virtual bool verify(const PeerId& signer, core::ByteSpan message, const Signature& sig) const = 0;
    // Content hash for events and observations.
    virtual core::Hash32 hash(core::ByteSpan data) const = 0;
    // hash(message) with sign(signer, message), or with whether verify(signer, message, sig)
    // holds: one call, so that an implementation memoising by content finds the bytes once. (A
    // vote is hashed when signed although its hash is not needed yet: every peer verifying it
    // later then finds the memo entry.)
    virtual core::Hash32 hash_and_sign(const Identity& signer, core::ByteSpan message, Signature& sig) const {
        const core::Hash32 h = hash(message);
        sig = sign(signer, message);
        return h;
    }
    virtual core::Hash32 hash_and_verify(const PeerId& signer, core::ByteSpan message, const Signature& sig,
                                         bool& valid) const {
        const core::Hash32 h = hash(message);
        valid = verify(signer, message, sig);
        return h;
    }
};

// The reference's mock (spec §1.1): pk = sk = SHA3-256(name); signature = SipHash-1-3(msg ‖ sk).
class MockCrypto final : public Crypto {
public:
    // Content hashes are memoised by their exact bytes: a pure function, so the memo is exact.
    // Nodes sharing one MockCrypto (a cluster, repeated replays) hash each distinct event once.
    IdentityKind kind() const override { return IdentityKind::Mock; }
    Identity make_identity(const std::string& name, core::ByteSpan seed) const override;
    void encode_id(core::Bytes& out, const PeerId& id) const override;
    size_t signature_size() const override { return 32; }
    Signature sign(const Identity& signer, core::ByteSpan message) const override;
    bool verify(const PeerId& signer, core::ByteSpan message, const Signature& sig) const override;
    core::Hash32 hash(core::ByteSpan data) const override;
    core::Hash32 hash_and_sign(const Identity& signer, core::ByteSpan message, Signature& sig) const override;
    core::Hash32 hash_and_verify(const PeerId& signer, core::ByteSpan message, const Signature& sig,
                                 bool& valid) const override;
    size_t hashes_computed() const { return hashes_computed_; }

private:
    // Per content: its hash and the last signature computed over it for a key, so the check of an
    // event's signature right after its hash lookup costs one comparison (a pure function too).
    struct Memo {
        core::Hash32 hash{};
        bool has_signature = false;
        core::Hash32 signer_key{};
        Signature signature;
    };
    // Open addressing on a 64-bit fingerprint of the bytes (power-of-two table, at most half
    // full); a hit still compares the full bytes, so the memo is exact.
    struct MemoSlot {
        std::uint64_t fingerprint = 0;
        std::uint32_t entry = 0;  // index into memo_keys_/memos_ + 1; 0 = empty
    };
    Memo* find_memo(std::string_view bytes, std::uint64_t fingerprint) const;
    // Signatures of one content under further keys (a payload every voter signs): open addressing
    // on (memo entry, key), power-of-two table at most half full. Mock signatures are 8 bytes.
    struct ExtraSignature {
        std::uint32_t entry = 0;  // memo entry + 1; 0 = empty
        core::Hash32 key{};
        std::uint64_t value = 0;
    };
    const ExtraSignature* find_extra_signature(std::uint32_t entry, const std::uint8_t* key32) const;
    void add_extra_signature(std::uint32_t entry, const std::uint8_t* key32, std::uint64_t value) const;
    mutable std::vector<ExtraSignature> extra_signatures_;
    mutable size_t extra_signature_count_ = 0;
    // The latest hash()'s memo entry if it is for exactly these bytes.
    Memo* last_memo_of(core::ByteSpan message) const;
    // The mock signature of the bytes under a 32-byte key, from/into their memo entry (null: none).
    Signature memo_signature(core::ByteSpan message, const std::uint8_t* key32) const {
        return memo_signature(last_memo_of(message), message, key32);
    }
    Signature memo_signature(Memo* memo, core::ByteSpan message, const std::uint8_t* key32) const;
    mutable std::vector<MemoSlot> memo_slots_;
    mutable std::vector<std::string> memo_keys_;
    mutable std::vector<Memo> memos_;
    mutable std::uint32_t last_memo_ = 0;  // the latest hash() entry + 1; 0 = none
    mutable size_t hashes_computed_ = 0;
};

// Real identities: Ed25519 (libsodium) and BLAKE2b-256 content hashes. Verification results are
// cached per (key, message digest, signature): a pure function of the bytes, so caching is exact.
class Ed25519Crypto final : public Crypto {
public:
    Ed25519Crypto();
    IdentityKind kind() const override { return IdentityKind::Ed25519; }
    Identity make_identity(const std::string& name, core::ByteSpan seed) const override;
    void encode_id(core::Bytes& out, const PeerId& id) const override;
    size_t signature_size() const override { return 64; }
    Signature sign(const Identity& signer, core::ByteSpan message) const override;
    bool verify(const PeerId& signer, core::ByteSpan message, const Signature& sig) const override;
    core::Hash32 hash(core::ByteSpan data) const override;

    size_t verifications_performed() const { return verifications_; }
    size_t signatures_computed() const { return signatures_; }

private:
    struct HashOfHash {
        size_t operator()(const core::Hash32& h) const;
    };
    // Both memos are exact: a verification is a pure function of (key, message, signature), and an
    // Ed25519 signature a pure function of (secret key, message) (RFC 8032 signing is
    // deterministic). Re-executing inputs (a seek, a replay) then costs no elliptic-curve work.
    mutable std::unordered_map<core::Hash32, bool, HashOfHash> verified_;
    mutable std::unordered_map<core::Hash32, Signature, HashOfHash> signed_;
    mutable size_t verifications_ = 0;
    mutable size_t signatures_ = 0;
};

std::shared_ptr<const Crypto> make_crypto(IdentityKind kind);

}  // namespace parsec::crypto
