// The cluster the debugger opens on when no file is given. Kept apart so tests can build the
// same cluster independently of the session code.
#pragma once
#include "sim/config.hpp"

namespace parsec::app {

// 4 honest nodes with real (Ed25519) identities, gossiping every other tick, a new payload
// every few ticks voted by everyone: the first decisions come after a few hundred inputs.
sim::SimConfig default_live_config();

}  // namespace parsec::app
