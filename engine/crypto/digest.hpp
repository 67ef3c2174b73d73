// Hash primitives from packaged libraries: SHA3-256 and SipHash-1-3 (OpenSSL), BLAKE2b (libsodium).
#pragma once
#include <cstdint>

#include "core/bytes.hpp"

namespace parsec::crypto {

core::Hash32 sha3_256(core::ByteSpan data);
core::Hash32 blake2b_256(core::ByteSpan data);
// SipHash-1-3 with a zero 128-bit key, as Rust's DefaultHasher::new() (spec §1.1).
std::uint64_t siphash13_zero_key(core::ByteSpan data);
// The same over first ‖ second, without joining them.
std::uint64_t siphash13_zero_key(core::ByteSpan first, core::ByteSpan second);

}  // namespace parsec::crypto
