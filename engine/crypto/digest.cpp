#include "crypto/digest.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <sodium.h>

#include "core/assert.hpp"

namespace parsec::crypto {

core::Hash32 sha3_256(core::ByteSpan data) {
    // EVP_Digest with a cached algorithm handle: fetching the method per call is slow in OpenSSL 3.
    // One context per thread, reset per call: EVP_Digest would allocate and fetch every time.
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA3-256", nullptr);
    PARSEC_ASSERT(md != nullptr, "OpenSSL has no SHA3-256");
    thread_local struct Ctx {
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        ~Ctx() { EVP_MD_CTX_free(ctx); }
    } holder;
    core::Hash32 out{};
    unsigned int len = 0;
    int ok = EVP_DigestInit_ex2(holder.ctx, md, nullptr) == 1 &&
             EVP_DigestUpdate(holder.ctx, data.data(), data.size()) == 1 &&
             EVP_DigestFinal_ex(holder.ctx, out.data(), &len) == 1;
    PARSEC_ASSERT(ok && len == 32, "SHA3-256 failed");
    return out;
}

core::Hash32 blake2b_256(core::ByteSpan data) {
    core::Hash32 out{};
    crypto_generichash(out.data(), out.size(), data.data(), data.size(), nullptr, 0);
    return out;
}

namespace {

inline std::uint64_t load_le64(const std::uint8_t* p) {
    std::uint64_t m;
    std::memcpy(&m, p, 8);
    if constexpr (std::endian::native == std::endian::big) m = __builtin_bswap64(m);
    return m;
}

inline std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
    std::uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    std::uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    void round() {
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
    }
    void compress(std::uint64_t m) {
        v3 ^= m;
        round();
        v0 ^= m;
    }
    std::uint64_t finish(std::uint64_t last) {
        compress(last);
        v2 ^= 0xff;
        round(); round(); round();
        return v0 ^ v1 ^ v2 ^ v3;
    }
};

}  // namespace

std::uint64_t siphash13_zero_key(core::ByteSpan data) { return siphash13_zero_key(data, {}); }

std::uint64_t siphash13_zero_key(core::ByteSpan first, core::ByteSpan second) {
    // Small and hot (mock signatures): a direct implementation of the published algorithm keeps it
    // allocation-free and lets a signature hash message ‖ key without copying them together.
    // OpenSSL's EVP_MAC SipHash with c-rounds=1 is used by the unit test as the oracle.
    SipState s;
    const size_t total = first.size() + second.size();
    std::uint8_t carry[16];  // the tail of `first` joined with the head of `second`
    size_t i = 0;
    for (; i + 8 <= first.size(); i += 8) s.compress(load_le64(first.data() + i));
    size_t tail = first.size() - i;
    std::memcpy(carry, first.data() + i, tail);
    size_t j = 0;
    if (tail) {
        const size_t take = std::min<size_t>(8 - tail, second.size());
        if (take) std::memcpy(carry + tail, second.data(), take);
        j = take;
        tail += take;
        if (tail == 8) {
            s.compress(load_le64(carry));
            tail = 0;
        }
    }
    if (tail == 0) {
        for (; j + 8 <= second.size(); j += 8) s.compress(load_le64(second.data() + j));
        tail = second.size() - j;
        if (tail) std::memcpy(carry, second.data() + j, tail);
    }
    std::uint64_t last = static_cast<std::uint64_t>(total & 0xff) << 56;
    for (size_t k = 0; k < tail; ++k) last |= static_cast<std::uint64_t>(carry[k]) << (8 * k);
    return s.finish(last);
}

}  // namespace parsec::crypto
