// Small simulated runs to record, shared by the record tests.
#pragma once
#include "record/recorder.hpp"

namespace parsec::record::testing {

// Four mock-identity nodes until each polled `blocks` blocks; a lossy, duplicating network so
// drops and duplicates are recorded too.
inline sim::SimConfig small_config(std::uint64_t seed, std::uint32_t blocks = 3) {
    sim::SimConfig c;
    c.seed = seed;
    c.genesis_count = 4;
    c.identities = crypto::IdentityKind::Mock;
    c.until_blocks = blocks;
    c.ticks_max = 2000;
    c.link.drop = sim::Ratio{1, 20};
    c.link.duplicate = sim::Ratio{1, 20};
    return c;
}

inline Recording record_small(std::uint64_t seed, std::uint32_t blocks = 3) {
    auto r = record_simulation(small_config(seed, blocks));
    PARSEC_ASSERT(r.ok(), "the small configuration is valid");
    return std::move(r.value());
}

}  // namespace parsec::record::testing
