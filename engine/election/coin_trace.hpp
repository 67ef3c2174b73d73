// Where the meta-vote coin was consulted (spec §5.6-§5.7). An event's lists are built in two
// passes: with the others' votes and no coin, then alone with the coin. Re-running both passes
// on the inputs set_meta_votes reads, and comparing them, shows exactly which entries the coin
// produced. The re-run is checked against the stored lists; if it ever differs, nothing is
// claimed.
#pragma once
#include <optional>
#include <vector>

#include "election/meta_election.hpp"

namespace parsec::election {

struct CoinUse {
    EventIndex event;
    PeerIndex peer;       // whose meta-election the entry is about
    MetaVote produced;    // the entry as the coin pass left it
};

// The coin's effect at event `e` of the running election: empty for an event that is no
// descendant of an observer (an observer's first lists are built without the coin pass);
// nullopt when e has no meta-event or the re-run does not reproduce its stored meta-votes.
std::optional<std::vector<CoinUse>> coin_uses(const MetaElection& me, const ElectionContext& ctx, EventIndex e);

}  // namespace parsec::election
