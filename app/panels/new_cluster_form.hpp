// The New cluster dialog's fields and how they become a simulator configuration. Shared by the
// dialog and the `new-cluster` script action so both start exactly the same cluster.
#pragma once
#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "sim/config.hpp"

namespace parsec::app {

struct NewClusterForm {
    int nodes = 4;
    std::uint64_t seed = 1;
    bool single_mode = false;  // ConsensusMode::Single instead of Supermajority
    int ticks_per_payload =
        6;  // workload rate: a new payload once per this many ticks (on average)
    bool real_identities = true;  // Ed25519 keys; false: mock identities (faster, unsigned)
    // More of the workload in `sim --workload` syntax (voters, gossip, payloads, delay; a rate
    // here overrides ticks_per_payload). Empty: none.
    std::string workload;
};

// The default live cluster with the form's choices applied, or why the workload SPEC is wrong;
// validate() still decides the rest.
core::Result<sim::SimConfig> to_config(const NewClusterForm& form);
// Applies one `key=value` of the script action (nodes, seed, mode, rate, identities, workload);
// returns "" or why the word is not understood.
std::string apply_form_word(NewClusterForm& form, const std::string& word);

}  // namespace parsec::app
