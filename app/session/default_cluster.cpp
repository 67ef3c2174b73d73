#include "session/default_cluster.hpp"

namespace parsec::app {

sim::SimConfig default_live_config() {
    sim::SimConfig c;
    c.seed = 1;
    c.genesis_count = 4;
    c.identities = crypto::IdentityKind::Ed25519;
    c.ticks_max = 1'000'000'000;  // live: runs as long as the user watches
    c.workload.payload_chance = sim::Ratio{1, 6};
    c.workload.vote_delay = sim::Latency{sim::LatencyShape::Uniform, 0, 6};
    return c;
}

}  // namespace parsec::app
