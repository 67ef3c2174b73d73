// Where the meta-vote coin was consulted (spec §5.6-§5.7). The engine builds an event's lists in
// two passes: with the others' votes and no coin, then alone with the coin. Re-running both
// passes from the engine's public rules and comparing them shows exactly which entries the coin
// produced. The re-run is checked against the stored lists; if it ever differs, nothing is
// claimed.
#pragma once
#include <optional>
#include <vector>

#include "node/node.hpp"

namespace parsec::app {

struct CoinUse {
    model::EventIndex event;
    model::PeerIndex peer;         // whose meta-election the entry is about
    election::MetaVote produced;   // the entry as the coin pass left it
};

// The coin's effect at event `e` of the node's running election; nullopt when the re-run does
// not reproduce the stored meta-votes (then the panel says it cannot tell).
std::optional<std::vector<CoinUse>> coin_uses_at(const node::Node& node, model::EventIndex e);

}  // namespace parsec::app
