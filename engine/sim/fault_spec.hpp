// The command line's fault, workload and Byzantine SPEC syntax, parsed into a SimConfig. A malformed SPEC
// is an Error whose message quotes the part at fault and says what was expected.
//
//   --faults   drop=0.1,dup=0.05,delay=1..20,reorder=0.1[@T1..T2]   default link (delay: N, A..B, exp:MEAN)
//   --link     'Alice>Bob:drop=1,delay=exp:5[@T1..T2]'               one direction ('Alice-Bob:' both)
//   --workload rate=1/8,payloads=100,delay=0..12,voters=Alice+Bob,gossip=1/2
//   --partition 'A,B|C,D@100..400'                                   unlisted nodes form one more group
//   --crash NODE@T   --pause NODE@T1..T2   --restart NODE@T1..T2 (down from T1, back at T2)
//   --add [NAME]@T   --remove NAME@T                                 membership changes (spec §8.1)
//   --byzantine fork=1,double-vote=1   --byzantine-node NAME=KIND
#pragma once
#include <string_view>

#include "core/result.hpp"
#include "sim/config.hpp"

namespace parsec::sim {

// Numbers: "0.1", ".25", "1/8", "5%", "0", "1".
core::Result<Ratio> parse_ratio(std::string_view text);
// "N", "A..B", "exp:MEAN".
core::Result<Latency> parse_latency(std::string_view text);

core::Status apply_faults_spec(std::string_view spec, SimConfig& config);
// rate=P (a new payload per tick), payloads=N (then no more), delay=LATENCY (from the proposal to
// each vote), voters=NAME+NAME|all (who votes: each of them in Supermajority mode, one of them at
// random in Single mode), gossip=P (each node's chance per tick to start a gossip). Call after
// the joiners are added: voters may name them.
core::Status apply_workload_spec(std::string_view spec, SimConfig& config);
core::Status add_link_spec(std::string_view spec, SimConfig& config);
core::Status add_partition_spec(std::string_view spec, SimConfig& config);
core::Status add_crash_spec(std::string_view spec, SimConfig& config);
core::Status add_pause_spec(std::string_view spec, SimConfig& config);
core::Status add_restart_spec(std::string_view spec, SimConfig& config);
core::Status add_join_spec(std::string_view spec, SimConfig& config);
core::Status add_remove_spec(std::string_view spec, SimConfig& config);
// NAME=KIND; kinds: fork, double-vote, bad-signature, premature-gossip, same-creator-other-parent, withhold.
core::Status add_byzantine_node_spec(std::string_view spec, SimConfig& config);
// KIND=COUNT,...: COUNT honest genesis nodes of each kind, chosen from the seed. Call after the
// explicit --byzantine-node assignments.
core::Status apply_byzantine_spec(std::string_view spec, SimConfig& config);

// Sorts the script by tick (stable) and sizes the Byzantine roles to the node count; call once
// after the last add_* / apply_*.
void finalize_spec(SimConfig& config);

}  // namespace parsec::sim
